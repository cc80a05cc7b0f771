#pragma once

#include "model/diagnostic.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace meshscope {

/// Totals of what the cache holds, for `meshscope sync --json` and the status bar.
/// Where the entities behind one count were read from: how many documents, in how many sources, by format.
struct CountOrigin {
    qint64 documents = 0;
    qint64 sources = 0;
    std::map<QString, qint64> documentsByFormat; ///< format as the cache records it ("odps", "odcs", ...)
    QJsonObject toJson() const;
};

struct CacheCounts {
    qint64 files = 0, domains = 0, products = 0, policies = 0, datasets = 0, columns = 0,
           lineageEdges = 0, columnEdges = 0, runs = 0, qualityResults = 0;
    /// Contract versions: one per id and version.
    qint64 contracts = 0;
    /// Contracts: one per id, however many versions it has. What the Contracts list shows (one row per
    /// id) and the "Contracts" card counts.
    qint64 contractIds = 0;
    /// The documents behind the counts a user sees on the area pages, keyed as toJson() keys the counts
    /// ("domains", "products", "contractIds", "datasets", "policies"), so every figure can say where it comes from.
    std::map<QString, CountOrigin> origins;
    QJsonObject toJson() const;
};

/// @brief What one sync did: how many documents it read, skipped and removed, what changed, what went wrong.
struct SyncReport {
    int filesSeen = 0;      ///< candidate documents found in the sources
    int filesParsed = 0;    ///< read and imported again (new or changed content)
    int filesUnchanged = 0; ///< skipped: same size and time, or same content hash
    int filesRemoved = 0;   ///< in the cache but gone from the source
    int added = 0, changed = 0, removed = 0; ///< entities, per the change feed
    bool cancelled = false;
    qint64 parseMillis = 0; ///< wall time of the threads reading and importing documents (overlaps writing)
    qint64 writeMillis = 0; ///< wall time writing them into the cache, not counting waits for parsed documents
    QString fatalError; ///< a source or the cache could not be used at all
    QStringList forgottenSources; ///< sources dropped from the cache (SyncEngine::setForgetSources)
    std::vector<Diagnostic> diagnostics; ///< errors and warnings of the documents read in this sync
    CacheCounts counts;

    bool hasDocumentErrors() const;
    QJsonObject toJson() const;
};

} // namespace meshscope
