#pragma once

#include <QQmlNetworkAccessManagerFactory>

namespace meshscope::ui {

/// @brief The QML engine's network: none. The views show documents and catalog data, and any Text that
/// renders rich text (QML's default AutoText does, for a string that looks like HTML) would fetch a
/// remote `<img>` through the engine — a tracking pixel planted in a product's description. Every
/// request but qrc:, file: and data: fails at once. Catalog syncs have their own client (HttpClient) and
/// are not affected.
class OfflineNetworkFactory : public QQmlNetworkAccessManagerFactory {
public:
    QNetworkAccessManager *create(QObject *parent) override;
};

} // namespace meshscope::ui
