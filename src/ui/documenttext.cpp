#include "documenttext.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace meshscope::ui {

QString safeMarkdownHtml(const QString &markdown)
{
    QTextDocument doc;
    // NoHTML: `<img src=…>` or `<a href=…>` written in the document is shown as the text it is.
    doc.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                              | QTextDocument::MarkdownNoHTML));
    struct Image {
        int position;
        int length;
        QString source;
    };
    std::vector<Image> images;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat())
                images.push_back({fragment.position(), fragment.length(),
                                  fragment.charFormat().toImageFormat().name()});
        }
    }
    // From the end, so that earlier positions stay valid.
    std::sort(images.begin(), images.end(), [](const Image &a, const Image &b) { return a.position > b.position; });
    for (const Image &image : images) {
        QTextCursor cursor(&doc);
        cursor.setPosition(image.position);
        cursor.setPosition(image.position + image.length, QTextCursor::KeepAnchor);
        QTextCharFormat plain;
        plain.setFontItalic(true);
        cursor.insertText(QStringLiteral("[image not loaded: %1]").arg(image.source), plain);
    }
    QString html = doc.toHtml();
    // The body's inline style carries QTextDocument's default font, which would override the view's.
    static const QRegularExpression bodyStyle(QStringLiteral("<body style=\"[^\"]*\">"));
    html.replace(bodyStyle, QStringLiteral("<body>"));
    return html;
}

QString linkToOpen(const QString &link)
{
    const QUrl url(link.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    if (scheme == QLatin1String("mailto") && !url.path().isEmpty())
        return url.toString(QUrl::FullyEncoded);
    return {};
}

} // namespace meshscope::ui
