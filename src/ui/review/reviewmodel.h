#pragma once

#include "review/reviewservice.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantList>

/// @brief One contract proposal's review for QML: its state, the required approvers with their
/// votes, and the discussion (the events, replies under what they answer), plus the actions a
/// reviewer takes. Reads the review files of the first source that has this proposal; a dozen small
/// JSON files load in well under a frame, so this runs on the GUI thread.
class ReviewModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// Mesh folders to look in (AppController.sources); the first with a review of the contract wins.
    Q_PROPERTY(QStringList sources READ sources WRITE setSources NOTIFY inputChanged)
    Q_PROPERTY(QString contractId READ contractId WRITE setContractId NOTIFY inputChanged)
    /// The proposed version; empty: the contract's only (or newest) proposal.
    Q_PROPERTY(QString version READ version WRITE setVersion NOTIFY inputChanged)
    /// The cache, for the notice period of the governance policy when a vote completes the approval.
    Q_PROPERTY(QString cachePath READ cachePath WRITE setCachePath NOTIFY inputChanged)
    Q_PROPERTY(QString identityEmail READ identityEmail WRITE setIdentityEmail NOTIFY identityChanged)
    Q_PROPERTY(QString identityName READ identityName WRITE setIdentityName NOTIFY identityChanged)
    /// The SSH key events are signed with (Settings → Identity; empty: git's user.signingkey when
    /// gpg.format is ssh, else unsigned).
    Q_PROPERTY(QString signingKey READ signingKey WRITE setSigningKey NOTIFY identityChanged)
    /// The mesh's policy requires signed events (spec.reviews.require_signatures).
    Q_PROPERTY(bool signaturesRequired READ signaturesRequired NOTIFY stateChanged)

    Q_PROPERTY(bool available READ available NOTIFY stateChanged)
    Q_PROPERTY(QString resolvedVersion READ resolvedVersion NOTIFY stateChanged)
    Q_PROPERTY(QString baseVersion READ baseVersion NOTIFY stateChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY stateChanged)           ///< draft, in-review, ...
    Q_PROPERTY(QString stageLabel READ stageLabel NOTIFY stateChanged) ///< "in review", ...
    Q_PROPERTY(bool applied READ applied NOTIFY stateChanged)
    Q_PROPERTY(QString title READ title NOTIFY stateChanged)
    Q_PROPERTY(QString author READ author NOTIFY stateChanged)
    Q_PROPERTY(int approvals READ approvals NOTIFY stateChanged)
    Q_PROPERTY(int required READ required NOTIFY stateChanged)
    Q_PROPERTY(int breaking READ breaking NOTIFY stateChanged)
    /// [{label, reason, candidates, vote, voter, time, stale, satisfied}], one per required approval
    Q_PROPERTY(QVariantList approvers READ approvers NOTIFY stateChanged)
    /// Whether the whole history verifies; `problems` names the broken events when not.
    Q_PROPERTY(bool verified READ verified NOTIFY stateChanged)
    Q_PROPERTY(QStringList problems READ problems NOTIFY stateChanged)
    Q_PROPERTY(bool isAuthor READ isAuthor NOTIFY stateChanged)
    /// The identity is a listed reviewer and the proposal takes votes.
    Q_PROPERTY(bool canVote READ canVote NOTIFY stateChanged)
    /// The identity's own vote on this revision ("approved", …) or empty: that button is then done.
    Q_PROPERTY(QString myVote READ myVote NOTIFY stateChanged)
    /// Why there are no vote buttons for this identity (not a required approver, no e-mail set, closed).
    Q_PROPERTY(QString voteHint READ voteHint NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< proposed, commented, approved, changes-requested, ...
        KindLabelRole,               ///< for people: "approved", "requested changes", ...
        AuthorRole,                  ///< e-mail
        AuthorNameRole,              ///< display name, else the e-mail
        TimeRole,                    ///< "2026-11-14 09:05" (UTC)
        TextRole,
        FieldRole,                   ///< the change a comment is on (a diff path), or empty
        HashRole,                    ///< first 8 hex of the event hash
        ReplyToRole,                 ///< first 8 hex of the event answered, or empty
        DepthRole,                   ///< 0, or 1 for a reply (shown indented under its question)
        NoteRole,                    ///< why a vote did not count, or empty
        IsVoteRole,
        SignatureRole,               ///< good, unsigned, unknown-key, bad
        SignatureLabelRole,          ///< for people: "verified", "unsigned", "unknown key", "forged"
        SignatureKeyRole,            ///< the signing key's fingerprint, "SHA256:..." (empty when unsigned)
        SignatureReasonRole,         ///< why it is not verified, or empty
    };
    Q_ENUM(Roles)

    explicit ReviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList sources() const { return m_sources; }
    void setSources(const QStringList &sources);
    QString contractId() const { return m_contractId; }
    void setContractId(const QString &id);
    QString version() const { return m_version; }
    void setVersion(const QString &version);
    QString cachePath() const { return m_cachePath; }
    void setCachePath(const QString &path);
    QString identityEmail() const { return m_identity.email; }
    void setIdentityEmail(const QString &email);
    QString identityName() const { return m_identity.name; }
    void setIdentityName(const QString &name);
    QString signingKey() const { return m_signingKey; }
    void setSigningKey(const QString &key);
    bool signaturesRequired() const { return m_state.signatures.required; }

    bool available() const { return !m_state.events.empty(); }
    QString resolvedVersion() const { return m_state.version; }
    QString baseVersion() const { return m_state.baseVersion; }
    QString stage() const;
    QString stageLabel() const;
    bool applied() const { return m_state.applied; }
    QString title() const { return m_state.title; }
    QString author() const { return m_state.authorName.isEmpty() ? m_state.author : m_state.authorName; }
    int approvals() const { return m_state.approvals(); }
    int required() const { return m_state.required(); }
    int breaking() const { return m_state.breaking; }
    QVariantList approvers() const;
    bool verified() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }
    bool isAuthor() const;
    bool canVote() const;
    QString myVote() const;
    QString voteHint() const;
    QString lastError() const { return m_lastError; }

    /// Reads the review files again (after a sync, or a pull of the mesh repository).
    Q_INVOKABLE void reload();
    /// Actions as the identity; false with lastError set when refused. A vote that completes the
    /// approvals also writes the contract back (new version active, old deprecated).
    Q_INVOKABLE bool comment(const QString &text, const QString &field = {}, const QString &replyTo = {});
    Q_INVOKABLE bool approve(const QString &text = {});
    Q_INVOKABLE bool requestChanges(const QString &text);
    Q_INVOKABLE bool reject(const QString &text);
    Q_INVOKABLE bool submit(const QString &text = {});
    Q_INVOKABLE bool withdraw(const QString &text = {});

Q_SIGNALS:
    void inputChanged();
    void identityChanged();
    void stateChanged();
    void lastErrorChanged();

private:
    struct Row {
        const meshscope::review::ReviewEvent *event;
        int depth;
    };
    bool act(meshscope::review::EventKind kind, const QString &text, const QString &field = {}, const QString &replyTo = {});
    void setError(const QString &error);

    QStringList m_sources;
    QString m_contractId;
    QString m_version;
    QString m_cachePath;
    meshscope::review::Identity m_identity;
    QString m_signingKey;

    QString m_root; ///< the source holding the proposal
    meshscope::review::ReviewState m_state;
    QStringList m_problems;
    std::vector<Row> m_rows;
    QString m_lastError;
};
