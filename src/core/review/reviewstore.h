#pragma once

#include "reviewevent.h"

#include <functional>
#include <vector>

/// The review events of one mesh folder: `reviews/<contract-id>/<version>/NNNN-<kind>-<hash>.json`.
///
/// Files are only ever added, each under a name derived from its content, so two clones that both add
/// events merge in git without conflict (different names) and the merged folder is simply the union.
/// Events are read in a deterministic order: parents before children, and among events that do not
/// depend on each other (concurrent votes) by (time, hash), so every clone computes the same state.
namespace meshscope::review {

/// One thing wrong with a review folder, naming the file it is in.
struct Problem {
    QString file;    ///< relative to the source root, e.g. reviews/orders.order_events/2.0.0/0003-approved-ab12.json
    QString message;
    QString toString() const { return file + QStringLiteral(": ") + message; }
};

struct ProposalKey {
    QString contractId;
    QString version;
};

/// The events of one proposal as read, in order, with what verify found.
struct EventLog {
    std::vector<ReviewEvent> events; ///< events that verify, in order (broken ones are left out)
    std::vector<Problem> problems;   ///< empty when the whole history verifies
    QStringList heads;               ///< hashes no other event names as parent
    QString folder;                  ///< absolute path of the proposal's folder
};

class ReviewStore {
public:
    /// `sourceRoot`: the mesh folder (the --source), which holds the `reviews` folder.
    explicit ReviewStore(QString sourceRoot);

    const QString &root() const { return m_root; }
    /// Absolute path of reviews/<contractId>/<version>.
    QString folderOf(const QString &contractId, const QString &version) const;
    /// Every proposal that has a folder, sorted by contract id then version.
    std::vector<ProposalKey> proposals() const;

    /// Reads and verifies every event of a proposal.
    EventLog load(const QString &contractId, const QString &version) const;

    /// Appends `event` to its proposal: sets parents to the current heads, seq, seals and writes it.
    /// Refuses (false, `error`) when the history does not verify: nobody builds on a broken chain.
    bool append(ReviewEvent &event, QString *error) const;

    /// Called by append() with the sealed event just before it is written (parents, seq, time and hash
    /// final): it may set `event.signature`, or refuse (false, `error`) and nothing is written.
    using SealHook = std::function<bool(ReviewEvent &event, QString *error)>;
    void setSealHook(SealHook hook) { m_sealHook = std::move(hook); }

    /// Folder name of the reviews inside a source root.
    static QString reviewsFolderName() { return QStringLiteral("reviews"); }

private:
    QString m_root;
    SealHook m_sealHook;
};

} // namespace meshscope::review
