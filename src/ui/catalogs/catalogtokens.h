#pragma once

#include <QObject>
#include <QQmlEngine>

/// @brief API tokens of catalog sources for the Settings view: stored in and removed from the system
/// keychain without blocking the GUI thread (qtkeychain jobs report back by signal). Tokens never pass
/// through QSettings or the cache; QML only learns whether one is stored. `CatalogTokens` in QML.
class CatalogTokens : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit CatalogTokens(QObject *parent = nullptr) : QObject(parent) {}

    /// Whether the source is a catalog URL (entropy+https://..., marquez+http://..., ...).
    Q_INVOKABLE bool isCatalog(const QString &source) const;
    /// A message when `source` looks like a catalog URL but cannot be used, else empty.
    Q_INVOKABLE QString problem(const QString &source) const;
    /// The environment variable that may carry the token instead (for CI and headless use).
    Q_INVOKABLE QString environmentVariable(const QString &source) const;
    /// Stores `token` for `source` (an empty token removes it); answers with stored().
    Q_INVOKABLE void store(const QString &source, const QString &token);
    /// Asks the keychain whether a token is stored; answers with checked().
    Q_INVOKABLE void check(const QString &source);

Q_SIGNALS:
    void stored(const QString &source, bool ok, const QString &message);
    void checked(const QString &source, bool present);
};
