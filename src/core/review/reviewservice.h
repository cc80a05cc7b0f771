#pragma once

#include "cache/sqlite.h"
#include "reviewsigning.h"
#include "reviewstate.h"
#include "reviewstore.h"
#include "model/entities.h"

#include <QDate>

#include <memory>
#include <optional>

/// The review workflow over one mesh folder: propose, vote, comment, submit, withdraw, and the
/// write-back of an approved proposal. Shared by `meshscope review` and the GUI.
///
/// Event data by kind: proposed {baseVersion, baseFile, proposalFile, documentHash, requiredVersion,
/// breaking, needsGovernance, draft, approvers[]}; submitted {documentHash, approvers[]?};
/// reviewer-added {reviewer, name}; votes {documentHash}; applied {proposalHash, baseHash,
/// sunsetDate?, noticeDays?}.
namespace meshscope::review {

struct Identity {
    QString email;
    QString name;
};

/// A contract document found in the mesh folder.
struct ContractFile {
    QString relativePath;
    meshscope::Contract contract;
};

struct ProposeOptions {
    bool draft = false;
    QString message;         ///< first line: the title
    QString version;         ///< wanted version; raised to the required one when lower
    QStringList reviewers;   ///< added as required reviewers of their own
    QDateTime time;          ///< event time (now when invalid)
};

class ReviewService {
public:
    explicit ReviewService(QString sourceRoot);

    const ReviewStore &store() const { return m_store; }

    /// The key every event this service writes is signed with (see configuredSigningKey()); empty:
    /// unsigned, which a mesh that requires signatures refuses.
    void setSigningKey(const QString &keyFile);
    /// What the mesh says about signatures (read once, on first use).
    const SigningContext &signing() const;
    /// false with `error` when the mesh requires signatures and no signing key is set: a caller checks
    /// before work that must not be half done (apply writes the contract files before its event).
    bool canSign(QString *error) const;

    /// Every contract document under the source (review folders and hidden folders left out).
    std::vector<ContractFile> contractFiles() const;
    /// The active version of `contractId` (status active/production/released), else its highest.
    std::optional<ContractFile> activeContract(const QString &contractId) const;

    /// Turns an edited copy of an active contract into a proposal: the proposal file
    /// `<contract-id>.v<version>.proposed.<odcs|dcs>.yaml` beside the active one, with status `proposed`
    /// (`draft` with options.draft) and at least the version the diff requires, plus its first event.
    /// `db` is the synced cache, for consumers and the governance council.
    std::optional<ReviewState> propose(const QString &editedFile, const Identity &who, sql::Connection &db,
                                       const ProposeOptions &options, QString *error);

    /// Appends a comment, vote, submission, reviewer or withdrawal. Votes and submissions record the
    /// proposal file's hash; a vote on a file changed since its last submission is refused. `db` is
    /// needed only by a submission that revised the file (its approvers are derived again).
    std::optional<ReviewState> record(const ProposalKey &key, EventKind kind, const Identity &who, const QString &text,
                                      QString *error, const QJsonObject &data = {}, const QString &field = {},
                                      const QString &replyTo = {}, const QDateTime &time = {},
                                      sql::Connection *db = nullptr);

    /// Writes an approved proposal back: it becomes `active`, the version before it `deprecated` (with
    /// sunsetDate and supersededBy when breaking: the contract's notice period, else the governance
    /// policy's, else 90 days), each file atomically, then an `applied` event. Safe to run again after
    /// a crash: edits already made are not made twice.
    std::optional<ReviewState> apply(const ProposalKey &key, const Identity &who, QString *error,
                                     sql::Connection *db = nullptr, const QDateTime &time = {});

    /// The state of a proposal and the verification of its history.
    ReviewState state(const ProposalKey &key, EventLog *log = nullptr) const;

    /// SHA-1 hex of a file under the source root; empty when it cannot be read.
    QString fileHash(const QString &relativePath) const;

    static constexpr int kDefaultNoticeDays = 90;

private:
    QString absolute(const QString &relativePath) const;
    /// The absolute path of a file named by an event or derived from a document, once proven to stay
    /// inside the mesh folder (io::pathInside); nullopt with `error` otherwise.
    std::optional<QString> inside(const QString &relativePath, QString *error) const;
    std::optional<QByteArray> readInside(const QString &relativePath, QString *error) const;

    ReviewStore m_store;
    QString m_root;
    /// Shared with the store's seal hook (which signs), so a copied service stays valid.
    struct Signing;
    std::shared_ptr<Signing> m_signing;
};

/// The notice period of breaking changes in the governance policies of the cache
/// (`spec.contracts.breaking_changes.notice_period`), in days.
std::optional<int> policyNoticeDays(sql::Connection &db);

} // namespace meshscope::review
