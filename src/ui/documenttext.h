#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace meshscope::ui {

/// Markdown from a document (a product's description, minutes that quote names) as HTML that is safe to
/// show: raw HTML in the source stays text, and images become a line naming what was not loaded, so
/// rendering never fetches anything. Links stay links; whether one may open is linkToOpen()'s call.
QString safeMarkdownHtml(const QString &markdown);

/// The link when a document's link may be opened outside the app (http, https or mailto with a target),
/// else an empty string. file:, javascript:, custom schemes and relative links never open.
QString linkToOpen(const QString &link);

} // namespace meshscope::ui

/// @brief `DocumentText` in QML: the two rules above for views that show document text.
class DocumentText : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit DocumentText(QObject *parent = nullptr) : QObject(parent) {}

    Q_INVOKABLE QString markdownToHtml(const QString &markdown) const { return meshscope::ui::safeMarkdownHtml(markdown); }
    Q_INVOKABLE QString linkToOpen(const QString &link) const { return meshscope::ui::linkToOpen(link); }
};
