#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

/// @brief What Settings → Identity shows about the review signing key: its fingerprint, and whether
/// the allowed_signers of each mesh folder lists it for the identity's e-mail. Reads one small file
/// per source (and the key's .pub), so it runs on the GUI thread.
class SigningStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// As set in Settings (empty: git's user.signingkey when gpg.format is ssh).
    Q_PROPERTY(QString keyFile READ keyFile WRITE setKeyFile NOTIFY inputChanged)
    Q_PROPERTY(QString email READ email WRITE setEmail NOTIFY inputChanged)
    Q_PROPERTY(QStringList sources READ sources WRITE setSources NOTIFY inputChanged)

    Q_PROPERTY(QString resolvedKey READ resolvedKey NOTIFY statusChanged) ///< the key actually used
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY statusChanged) ///< "SHA256:..." or empty
    Q_PROPERTY(QString problem READ problem NOTIFY statusChanged)         ///< why the key cannot be used
    /// Whether every mesh folder with an allowed_signers file lists the key for the e-mail.
    Q_PROPERTY(bool listed READ listed NOTIFY statusChanged)
    /// One line for people: "listed for maria@… in reviews/allowed_signers of /path" / "not listed …".
    Q_PROPERTY(QString summary READ summary NOTIFY statusChanged)

public:
    explicit SigningStatus(QObject *parent = nullptr);

    QString keyFile() const { return m_keyFile; }
    void setKeyFile(const QString &file);
    QString email() const { return m_email; }
    void setEmail(const QString &email);
    QStringList sources() const { return m_sources; }
    void setSources(const QStringList &sources);

    QString resolvedKey() const { return m_resolvedKey; }
    QString fingerprint() const { return m_fingerprint; }
    QString problem() const { return m_problem; }
    bool listed() const { return m_listed; }
    QString summary() const { return m_summary; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void inputChanged();
    void statusChanged();

private:
    QString m_keyFile;
    QString m_email;
    QStringList m_sources;
    QString m_resolvedKey;
    QString m_fingerprint;
    QString m_problem;
    bool m_listed = false;
    QString m_summary;
};
