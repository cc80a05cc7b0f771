#include "migrations.h"

#include "searchindex.h"

#include <QString>

namespace meshscope::cache {

namespace {

// Migration 1: the first schema. Every entity row belongs to the document it came from, so deleting a
// document (ON DELETE CASCADE) removes exactly what that document said. Entities keep their whole
// normalized form as JSON in `data`; the other columns exist to be queried and indexed.
constexpr const char *kMigration1 = R"SQL(
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL UNIQUE,
    last_sync TEXT
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    format TEXT,
    needs_reimport INTEGER NOT NULL DEFAULT 0,
    content BLOB,
    UNIQUE(source_id, path)
);
CREATE TABLE diagnostics (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    line INTEGER, col INTEGER, severity TEXT NOT NULL, message TEXT NOT NULL
);
CREATE INDEX diagnostics_document ON diagnostics(document_id);

CREATE TABLE domains (
    id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT, type TEXT, parent_id TEXT, description TEXT, owner TEXT
);
CREATE INDEX domains_id ON domains(id);
CREATE INDEX domains_document ON domains(document_id);

CREATE TABLE teams (
    id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT, domain_id TEXT, data TEXT NOT NULL
);
CREATE INDEX teams_id ON teams(id);
CREATE INDEX teams_document ON teams(document_id);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    line INTEGER,
    name TEXT, domain_id TEXT, owner TEXT, status TEXT, domain_type TEXT,
    data TEXT NOT NULL
);
CREATE INDEX products_document ON products(document_id);
CREATE INDEX products_domain ON products(domain_id);

CREATE TABLE ports (
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    name TEXT, contract_id TEXT, location TEXT, source_product_id TEXT
);
CREATE INDEX ports_product ON ports(product_id);
CREATE INDEX ports_contract ON ports(contract_id);

CREATE TABLE contracts (
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT, domain_id TEXT, status TEXT, owner TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX contracts_document ON contracts(document_id);

CREATE TABLE policies (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    domain_id TEXT, data TEXT NOT NULL
);
CREATE INDEX policies_document ON policies(document_id);

CREATE TABLE datasets (
    id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT, kind TEXT, platform TEXT, product_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX datasets_id ON datasets(id);
CREATE INDEX datasets_document ON datasets(document_id);

CREATE TABLE columns (
    dataset_id TEXT NOT NULL,
    name TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT, description TEXT
);
CREATE INDEX columns_dataset ON columns(dataset_id, name);
CREATE INDEX columns_document ON columns(document_id);

CREATE TABLE lineage_edges (
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    job_id TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX lineage_from ON lineage_edges(from_id);
CREATE INDEX lineage_to ON lineage_edges(to_id);
CREATE INDEX lineage_document ON lineage_edges(document_id);

CREATE TABLE column_edges (
    from_dataset TEXT NOT NULL, from_column TEXT NOT NULL,
    to_dataset TEXT NOT NULL, to_column TEXT NOT NULL,
    transformation TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX column_edges_to ON column_edges(to_dataset, to_column);
CREATE INDEX column_edges_from ON column_edges(from_dataset, from_column);
CREATE INDEX column_edges_document ON column_edges(document_id);

CREATE TABLE jobs (
    id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data TEXT NOT NULL
);
CREATE INDEX jobs_id ON jobs(id);
CREATE INDEX jobs_document ON jobs(document_id);

CREATE TABLE runs (
    run_id TEXT NOT NULL, job_id TEXT, state TEXT, event_time TEXT,
    inputs TEXT, outputs TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX runs_job ON runs(job_id, event_time);
CREATE INDEX runs_document ON runs(document_id);

CREATE TABLE quality_results (
    dataset_id TEXT NOT NULL, column_name TEXT, check_name TEXT NOT NULL, success INTEGER NOT NULL,
    time TEXT, run_id TEXT, origin TEXT, message TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX quality_dataset ON quality_results(dataset_id, time);
CREATE INDEX quality_document ON quality_results(document_id);

CREATE TABLE syncs (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, summary TEXT
);

CREATE TABLE change_feed (
    id INTEGER PRIMARY KEY,
    sync_id INTEGER NOT NULL REFERENCES syncs(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL, entity_id TEXT NOT NULL, change TEXT NOT NULL,
    domain_id TEXT, fields TEXT
);
CREATE INDEX change_feed_at ON change_feed(at);

-- Full-text search. search_rows maps FTS rowids to documents so that a document's rows can be deleted
-- by index (an FTS5 UNINDEXED column would need a full scan).
CREATE TABLE search_rows (
    rowid INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, entity_id TEXT NOT NULL
);
CREATE INDEX search_rows_document ON search_rows(document_id);
CREATE INDEX search_rows_entity ON search_rows(entity_id COLLATE NOCASE);
CREATE VIRTUAL TABLE search USING fts5(
    entity_id, name, description, fields, owners, tags,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER search_rows_deleted AFTER DELETE ON search_rows BEGIN
    DELETE FROM search WHERE rowid = old.rowid;
END;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
)SQL";

// Migration 2: lookups the domain map and product pages make by product: a product's lineage datasets,
// and the contracts whose `dataProduct` names it (an index on the expression the queries use).
constexpr const char *kMigration2 = R"SQL(
CREATE INDEX datasets_product ON datasets(product_id, id);
CREATE INDEX contracts_data_product ON contracts(json_extract(data, '$.dataProduct'));
)SQL";

// Migration 3: no new column, but what some importers store changed meaning: a manifest field's `pii`
// is true, false or absent (absent used to read as false), contract properties say whether PII was
// stated, ephemeral dbt models are no datasets, DPS ports read products named under `custom`, and JSON
// diagnostics name their line. The cached rows of those formats are read again at the next sync (their
// stored text is unchanged, so the hash alone would skip them); until then they stay as they were.
constexpr const char *kMigration3 = R"SQL(
UPDATE documents SET needs_reimport = 1
 WHERE format IN ('manifest', 'odcs', 'dcs', 'dps', 'odps', 'dbt-manifest', 'dbt-run-results', 'openlineage',
                  'datahub-mce');
)SQL";

// Migration 4: search finds what users name. Schema objects are hits of their own (kind "table", the
// object named in search_rows.object), and a `details` column holds servers (host, database, schema …),
// port locations, SLA and quality rule names. FTS5 cannot add a column, so the index is made again and
// filled from the cached entities (rebuildSearchIndex) in the same transaction.
constexpr const char *kMigration4 = R"SQL(
DROP TABLE search_rows;
DROP TABLE search;
CREATE TABLE search_rows (
    rowid INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, entity_id TEXT NOT NULL,
    object TEXT
);
CREATE INDEX search_rows_document ON search_rows(document_id);
CREATE INDEX search_rows_entity ON search_rows(entity_id COLLATE NOCASE);
CREATE VIRTUAL TABLE search USING fts5(
    entity_id, name, description, fields, owners, tags, details,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER search_rows_deleted AFTER DELETE ON search_rows BEGIN
    DELETE FROM search WHERE rowid = old.rowid;
END;
)SQL";

// Migration 5: business metrics (dbt metrics and `kind: Metric` documents) and the dbt semantic models they
// are computed over. metric_inputs holds one row per input, `target` being the lineage node it resolves to
// (a metric, semantic model, dataset or product id), so that lineage and impact queries walk metrics by index.
// dbt manifests were read without their metrics before, and Metric documents were no mesh document
// (stored with no format): read them again at the next sync. IF NOT EXISTS: a cache whose version was set
// back (as tests do to stand for an older file) runs it again over its own tables.
constexpr const char *kMigration5 = R"SQL(
CREATE TABLE IF NOT EXISTS metrics (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL, domain_id TEXT, owner TEXT, type TEXT, origin TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS metrics_document ON metrics(document_id);
CREATE INDEX IF NOT EXISTS metrics_name ON metrics(name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS metric_inputs (
    metric_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT, target TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS metric_inputs_metric ON metric_inputs(metric_id);
CREATE INDEX IF NOT EXISTS metric_inputs_target ON metric_inputs(target);
CREATE INDEX IF NOT EXISTS metric_inputs_document ON metric_inputs(document_id);
CREATE TABLE IF NOT EXISTS semantic_models (
    id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT, model_id TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS semantic_models_id ON semantic_models(id);
CREATE INDEX IF NOT EXISTS semantic_models_document ON semantic_models(document_id);
UPDATE documents SET needs_reimport = 1 WHERE format = 'dbt-manifest' OR format IS NULL;
)SQL";

struct Migration {
    int version;
    const char *sql;
    void (*after)(sql::Connection &db) = nullptr; ///< work SQL alone cannot do, in the same transaction
};

constexpr Migration kMigrations[] = {
    {1, kMigration1},
    {2, kMigration2},
    {3, kMigration3},
    {4, kMigration4, &rebuildSearchIndex},
    {5, kMigration5},
};

} // namespace

int schemaVersion(sql::Connection &db)
{
    sql::Statement s = db.prepare("PRAGMA user_version");
    return s.step() ? int(s.int64(0)) : 0;
}

namespace {

void refuseNewer(const sql::Connection &db, int version)
{
    throw sql::SqlError(0, QStringLiteral("%1: the cache was written by a newer Meshscope (schema %2, this build "
                                          "reads up to %3); use a newer Meshscope or another --cache file")
                               .arg(db.path())
                               .arg(version)
                               .arg(kSchemaVersion));
}

} // namespace

void checkNotNewer(sql::Connection &db)
{
    const int version = schemaVersion(db);
    if (version > kSchemaVersion)
        refuseNewer(db, version);
}

void migrate(sql::Connection &db)
{
    // A look without a lock first: an up-to-date cache (every open but the first) takes no write lock.
    int current = schemaVersion(db);
    if (current > kSchemaVersion)
        refuseNewer(db, current);
    if (current == kSchemaVersion)
        return;
    // Then again under the write lock: two processes creating one cache both saw 0 above, and the second
    // (waiting here for the first) must see the first one's work, not create the tables again.
    sql::Transaction tx(db);
    current = schemaVersion(db);
    if (current > kSchemaVersion)
        refuseNewer(db, current);
    for (const Migration &m : kMigrations) {
        if (m.version <= current)
            continue;
        db.exec(m.sql);
        if (m.after)
            m.after(db);
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version).toUtf8().constData());
    }
    tx.commit();
}

} // namespace meshscope::cache
