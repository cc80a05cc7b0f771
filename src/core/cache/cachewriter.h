#pragma once

#include "model/importresult.h"
#include "sqlite.h"

#include <QHash>
#include <QJsonObject>

#include <map>
#include <memory>
#include <optional>

namespace meshscope::cache {

struct SearchRow;

/// What the cache remembers of one document, to decide whether it must be read again.
struct DocumentState {
    qint64 id = 0;
    QByteArray hash;
    qint64 size = 0;
    qint64 mtime = 0;
    bool needsReimport = false;
};

/// (kind, id) of an entity tracked by the change feed: "domain", "product", "contract", "policy", "dataset",
/// "metric".
using EntityKey = std::pair<QString, QString>;

/// An entity's serialized form and domain, as the change feed compares it.
struct EntityImage {
    QJsonObject data;
    QString domainId;
};
using EntityImages = std::map<EntityKey, EntityImage>;

/// The compact JSON of one document's entities (the `data` columns), made once, on a parsing thread,
/// for both the writer and the change feed's images. Indexes match the ImportResult's vectors.
struct SerializedEntities {
    std::vector<QByteArray> productText, contractText, policyText, datasetText, teamText, jobText, metricText,
        semanticModelText;
    /// Row values of the lineage tables that need formatting, made on the parsing thread too so that the
    /// writer (the critical path of a cold sync) only binds them: UTF-8, indexes match runs / qualityResults.
    std::vector<QByteArray> runEventTime, runInputs, runOutputs, qualityTime;
};
SerializedEntities serializeEntities(const ImportResult &r);

/// @brief All writes of a sync: documents, their entities, search rows, diagnostics and the change feed.
/// Call inside a sql::Transaction; nothing here commits.
class CacheWriter {
public:
    explicit CacheWriter(sql::Connection &db);

    qint64 ensureSource(const QString &uri);
    QHash<QString, DocumentState> documentStates(qint64 sourceId);
    /// Entities the given documents currently hold, for the change feed's before-picture.
    void collectImages(qint64 documentId, EntityImages &into);
    void removeDocument(qint64 documentId);
    /// Same content, new modification time: nothing to parse again.
    void touchDocument(qint64 documentId, qint64 mtime);
    /// Replaces only the diagnostics of a document that failed to parse, keeping its entities, and marks
    /// it to be read again next time.
    void keepLastGood(qint64 documentId, const ImportResult &result);
    /// Stores a document and everything it yields. Entities whose id another document already owns
    /// are refused with an error diagnostic naming the other file (added to `result`).
    /// `serialized` (from serializeEntities(result)) saves serializing here when given.
    qint64 writeDocument(qint64 sourceId, const QString &path, const QByteArray &hash, qint64 size,
                         qint64 mtime, const QByteArray &content, ImportResult &result,
                         const SerializedEntities *serialized = nullptr);
    /// Whether (kind, id) still exists in any document (datasets and domains can come from several).
    bool entityExists(const EntityKey &key);

    /// Whether the cache holds no document of any source (a first sync).
    bool isEmpty();
    /// @brief For a first sync into an empty cache: drops the secondary indexes that writing never reads
    /// and returns their CREATE statements for recreateIndexes(). Building an index once over all rows is
    /// several times cheaper than keeping it up to date row by row. Call inside the sync's transaction,
    /// so that a failed or killed sync rolls the drop back with everything else.
    std::vector<QByteArray> dropIndexesForBulkLoad();
    /// Builds the dropped indexes and gives the page cache back its usual size.
    void recreateIndexes(const std::vector<QByteArray> &createStatements);

    qint64 beginSync(qint64 sourceId);
    void finishSync(qint64 syncId, const QString &status, const QJsonObject &summary);
    /// Returns the row's id (for retractChange()).
    qint64 recordChange(qint64 syncId, const EntityKey &key, const QString &change, const QString &domainId,
                        const QStringList &fields);
    /// Deletes one change feed row written earlier (a removal the same sync run took back).
    void retractChange(qint64 rowId);
    /// Drops a source with everything read from it (documents cascade) and its catalog cursor.
    void removeSource(const QString &uri);

private:
    void writeDomains(qint64 documentId, const ImportResult &r, const SerializedEntities &data);
    void writeProducts(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data);
    void writeContracts(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data);
    void writePolicies(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data);
    void writeLineage(qint64 documentId, const ImportResult &r, const SerializedEntities &data);
    void writeMetrics(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data);
    void writeDiagnostics(qint64 documentId, const ImportResult &r);
    void addSearchRows(qint64 documentId, const std::vector<SearchRow> &rows);
    QString ownerOf(const char *table, qint64 documentId, const QString &id, const QString &extraKey = {});

    /// Prepared once per writer and reused: a cold sync runs these statements hundreds of thousands of times.
    sql::Statement &statement(const char *sqlText);
    /// 64 MB of page cache while recreateIndexes() builds the indexes; the old size is kept to restore.
    void growPageCacheForBulkLoad();

    sql::Connection &m_db;
    std::map<const char *, std::unique_ptr<sql::Statement>> m_statements;
    std::optional<qint64> m_savedCacheSize;
};

} // namespace meshscope::cache
