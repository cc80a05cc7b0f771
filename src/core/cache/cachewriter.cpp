#include "cachewriter.h"
#include "catalogstore.h"
#include "searchindex.h"

#include "model/serialization.h"

#include <QDateTime>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::cache {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/// Empty text as NULL, like Statement::bindOptional().
void bindOptionalUtf8(sql::Statement &s, int index, const QByteArray &utf8)
{
    if (utf8.isEmpty())
        s.bindNull(index);
    else
        s.bindUtf8(index, utf8);
}

QString duplicateMessage(const char *what, const QString &id, const QString &otherFile)
{
    return QStringLiteral("duplicate %1 id '%2': already defined in %3; this definition is ignored")
        .arg(QLatin1String(what), id, otherFile);
}

} // namespace

SerializedEntities serializeEntities(const ImportResult &r)
{
    SerializedEntities out;
    auto add = [](const auto &entities, std::vector<QByteArray> &texts) {
        texts.reserve(entities.size());
        for (const auto &e : entities)
            texts.push_back(json::compact(json::toJson(e)));
    };
    add(r.products, out.productText);
    add(r.contracts, out.contractText);
    add(r.policies, out.policyText);
    add(r.datasets, out.datasetText);
    add(r.teams, out.teamText);
    add(r.jobs, out.jobText);
    add(r.metrics, out.metricText);
    add(r.semanticModels, out.semanticModelText);
    auto isoTime = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs).toUtf8(); };
    out.runEventTime.reserve(r.runs.size());
    out.runInputs.reserve(r.runs.size());
    out.runOutputs.reserve(r.runs.size());
    for (const RunEvent &e : r.runs) {
        out.runEventTime.push_back(isoTime(e.eventTime));
        out.runInputs.push_back(e.inputs.join(QLatin1Char('\n')).toUtf8());
        out.runOutputs.push_back(e.outputs.join(QLatin1Char('\n')).toUtf8());
    }
    out.qualityTime.reserve(r.qualityResults.size());
    for (const QualityResult &q : r.qualityResults)
        out.qualityTime.push_back(isoTime(q.time));
    return out;
}

CacheWriter::CacheWriter(sql::Connection &db) : m_db(db) {}

sql::Statement &CacheWriter::statement(const char *sqlText)
{
    auto it = m_statements.find(sqlText);
    if (it == m_statements.end())
        it = m_statements.emplace(sqlText, std::make_unique<sql::Statement>(m_db.prepare(sqlText))).first;
    it->second->reset();
    return *it->second;
}

qint64 CacheWriter::ensureSource(const QString &uri)
{
    sql::Statement &find = statement("SELECT id FROM sources WHERE uri = ?");
    find.bind(1, uri);
    if (find.step())
        return find.int64(0);
    sql::Statement &insert = statement("INSERT INTO sources(uri) VALUES (?)");
    insert.bind(1, uri).run();
    return m_db.lastInsertRowId();
}

QHash<QString, DocumentState> CacheWriter::documentStates(qint64 sourceId)
{
    QHash<QString, DocumentState> states;
    sql::Statement &s = statement(
        "SELECT path, id, hash, size, mtime, needs_reimport FROM documents WHERE source_id = ?");
    s.bind(1, sourceId);
    while (s.step()) {
        DocumentState st;
        st.id = s.int64(1);
        st.hash = s.text(2).toLatin1();
        st.size = s.int64(3);
        st.mtime = s.int64(4);
        st.needsReimport = s.int64(5) != 0;
        states.insert(s.text(0), st);
    }
    return states;
}

void CacheWriter::collectImages(qint64 documentId, EntityImages &into)
{
    struct Query {
        const char *kind;
        const char *sql;
    };
    static const Query queries[] = {
        {"product", "SELECT id, domain_id, data FROM products WHERE document_id = ?"},
        {"contract", "SELECT id || '@' || version, domain_id, data FROM contracts WHERE document_id = ?"},
        {"policy", "SELECT id, domain_id, data FROM policies WHERE document_id = ?"},
        {"dataset", "SELECT id, NULL, data FROM datasets WHERE document_id = ?"},
        {"metric", "SELECT id, domain_id, data FROM metrics WHERE document_id = ?"},
    };
    for (const Query &q : queries) {
        sql::Statement &s = statement(q.sql);
        s.bind(1, documentId);
        while (s.step()) {
            EntityImage image{json::parseObject(s.text(2).toUtf8()), s.text(1)};
            into[{QLatin1String(q.kind), s.text(0)}] = image;
        }
    }
    // Domains have no JSON column: rebuild the struct so its image compares equal to a fresh import's.
    sql::Statement &s = statement("SELECT id, name, type, parent_id, description, owner FROM domains WHERE document_id = ?");
    s.bind(1, documentId);
    while (s.step()) {
        Domain d{s.text(0), s.text(1), parseDomainType(s.text(2)), s.text(3), s.text(4), s.text(5)};
        QJsonObject o = json::toJson(d);
        o.remove(QStringLiteral("id"));
        into[{QStringLiteral("domain"), d.id}] = {o, d.id};
    }
}

void CacheWriter::removeDocument(qint64 documentId)
{
    sql::Statement &s = statement("DELETE FROM documents WHERE id = ?");
    s.bind(1, documentId).run();
}

void CacheWriter::touchDocument(qint64 documentId, qint64 mtime)
{
    sql::Statement &s = statement("UPDATE documents SET mtime = ? WHERE id = ?");
    s.bind(1, mtime).bind(2, documentId).run();
}

qint64 CacheWriter::writeDocument(qint64 sourceId, const QString &path, const QByteArray &hash, qint64 size,
                                  qint64 mtime, const QByteArray &content, ImportResult &result,
                                  const SerializedEntities *serialized)
{
    SerializedEntities local;
    if (!serialized) {
        local = serializeEntities(result);
        serialized = &local;
    }
    sql::Statement &insert = statement(
        "INSERT INTO documents(source_id, path, hash, size, mtime, format, content) VALUES (?,?,?,?,?,?,?)");
    insert.bind(1, sourceId).bind(2, path).bind(3, QString::fromLatin1(hash)).bind(4, size).bind(5, mtime);
    insert.bindOptional(6, result.format).bind(7, content).run();
    const qint64 documentId = m_db.lastInsertRowId();

    const size_t diagnosticsBefore = result.diagnostics.size();
    writeDomains(documentId, result, *serialized);
    writeProducts(documentId, path, result, *serialized);
    writeContracts(documentId, path, result, *serialized);
    writePolicies(documentId, path, result, *serialized);
    writeLineage(documentId, result, *serialized);
    writeMetrics(documentId, path, result, *serialized);
    if (result.diagnostics.size() > diagnosticsBefore) {
        // Refused duplicates: read this document again next time, in case the other one goes away.
        sql::Statement &flag = statement("UPDATE documents SET needs_reimport = 1 WHERE id = ?");
        flag.bind(1, documentId).run();
    }
    writeDiagnostics(documentId, result);
    return documentId;
}

void CacheWriter::keepLastGood(qint64 documentId, const ImportResult &result)
{
    sql::Statement &clear = statement("DELETE FROM diagnostics WHERE document_id = ?");
    clear.bind(1, documentId).run();
    sql::Statement &flag = statement("UPDATE documents SET needs_reimport = 1 WHERE id = ?");
    flag.bind(1, documentId).run();
    writeDiagnostics(documentId, result);
}

void CacheWriter::writeDomains(qint64 documentId, const ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &s = statement("INSERT INTO domains(id, document_id, name, type, parent_id, description, "
                                    "owner) VALUES (?,?,?,?,?,?,?)");
    for (const Domain &d : r.domains) {
        s.bind(1, d.id).bind(2, documentId).bindOptional(3, d.name).bindOptional(4, domainTypeName(d.type));
        s.bindOptional(5, d.parentId).bindOptional(6, d.description).bindOptional(7, d.owner).run();
        addSearchRows(documentId, {searchRow(d)});
    }
    sql::Statement &t = statement("INSERT INTO teams(id, document_id, name, domain_id, data) VALUES (?,?,?,?,?)");
    for (size_t i = 0; i < r.teams.size(); ++i) {
        const Team &team = r.teams[i];
        t.bind(1, team.id).bind(2, documentId).bindOptional(3, team.name).bindOptional(4, team.domainId);
        t.bindUtf8(5, data.teamText[i]).run();
    }
}

QString CacheWriter::ownerOf(const char *table, qint64 documentId, const QString &id, const QString &extraKey)
{
    // The same relative path can exist in two sources (two checkouts of one mesh): name the other one.
    const QByteArray sqlText = QByteArray("SELECT d.path, s.uri, d.source_id = (SELECT source_id FROM documents "
                                          "WHERE id = ?) FROM ")
        + table + " e JOIN documents d ON d.id = e.document_id JOIN sources s ON s.id = d.source_id WHERE e.id = ?"
        + (extraKey.isNull() ? QByteArray() : QByteArray(" AND e.version = ?"));
    sql::Statement s = m_db.prepare(sqlText.constData()); // dynamic text: not cached
    s.bind(1, documentId).bind(2, id);
    if (!extraKey.isNull())
        s.bind(3, extraKey);
    if (!s.step())
        return QString();
    return s.int64(2) ? s.text(0) : QStringLiteral("%1 of the source %2").arg(s.text(0), s.text(1));
}

void CacheWriter::writeProducts(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &s = statement(
        "INSERT INTO products(id, document_id, line, name, domain_id, owner, status, domain_type, data) "
        "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING");
    sql::Statement &port = statement("INSERT INTO ports(product_id, direction, name, contract_id, location, "
                                       "source_product_id) VALUES (?,?,?,?,?,?)");
    for (size_t i = 0; i < r.products.size(); ++i) {
        const DataProduct &p = r.products[i];
        s.bind(1, p.id).bind(2, documentId).bind(3, p.line).bindOptional(4, p.name).bindOptional(5, p.domainId);
        s.bindOptional(6, p.owner).bindOptional(7, p.status).bindOptional(8, domainTypeName(p.domainType));
        s.bindUtf8(9, data.productText[i]).run();
        if (m_db.changes() == 0) {
            r.error(path, p.line, 0, duplicateMessage("data product", p.id, ownerOf("products", documentId, p.id)));
            continue;
        }
        for (const auto *ports : {&p.inputPorts, &p.outputPorts}) {
            const QString direction = ports == &p.inputPorts ? QStringLiteral("input") : QStringLiteral("output");
            for (const Port &pt : *ports) {
                port.bind(1, p.id).bind(2, direction).bindOptional(3, pt.name).bindOptional(4, pt.contractId);
                port.bindOptional(5, pt.location).bindOptional(6, pt.sourceProductId).run();
            }
        }
        addSearchRows(documentId, searchRows(p));
    }
}

void CacheWriter::writeContracts(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &s = statement(
        "INSERT INTO contracts(id, version, document_id, name, domain_id, status, owner, data) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id, version) DO NOTHING");
    for (size_t i = 0; i < r.contracts.size(); ++i) {
        const Contract &c = r.contracts[i];
        s.bind(1, c.id).bind(2, c.version).bind(3, documentId).bindOptional(4, c.name);
        s.bindOptional(5, c.domainId).bindOptional(6, c.status).bindOptional(7, c.owner);
        s.bindUtf8(8, data.contractText[i]).run();
        if (m_db.changes() == 0) {
            r.error(path, 0, 0,
                    duplicateMessage("data contract", c.id + QLatin1Char('@') + c.version,
                                     ownerOf("contracts", documentId, c.id, c.version)));
            continue;
        }
        addSearchRows(documentId, searchRows(c));
    }
}

void CacheWriter::writePolicies(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &s = statement("INSERT INTO policies(id, document_id, domain_id, data) VALUES (?,?,?,?) "
                                    "ON CONFLICT(id) DO NOTHING");
    for (size_t i = 0; i < r.policies.size(); ++i) {
        const GovernancePolicy &p = r.policies[i];
        s.bind(1, p.id).bind(2, documentId).bindOptional(3, p.domainId);
        s.bindUtf8(4, data.policyText[i]).run();
        if (m_db.changes() == 0)
            r.error(path, 0, 0, duplicateMessage("governance policy", p.id, ownerOf("policies", documentId, p.id)));
    }
}

void CacheWriter::writeLineage(qint64 documentId, const ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &ds = statement(
        "INSERT INTO datasets(id, document_id, name, kind, platform, product_id, data) VALUES (?,?,?,?,?,?,?)");
    sql::Statement &col = statement(
        "INSERT INTO columns(dataset_id, name, document_id, type, description) VALUES (?,?,?,?,?)");
    for (size_t i = 0; i < r.datasets.size(); ++i) {
        const Dataset &d = r.datasets[i];
        ds.bind(1, d.id).bind(2, documentId).bindOptional(3, d.name).bindOptional(4, d.kind);
        ds.bindOptional(5, d.platform).bindOptional(6, d.productId);
        ds.bindUtf8(7, data.datasetText[i]).run();
        for (const DatasetColumn &c : d.columns) {
            col.bind(1, d.id).bind(2, c.name).bind(3, documentId).bindOptional(4, c.type);
            col.bindOptional(5, c.description).run();
        }
        addSearchRows(documentId, searchRows(d));
    }
    sql::Statement &edge = statement(
        "INSERT INTO lineage_edges(from_id, to_id, job_id, document_id) VALUES (?,?,?,?)");
    for (const LineageEdge &e : r.lineageEdges)
        edge.bind(1, e.from).bind(2, e.to).bindOptional(3, e.jobId).bind(4, documentId).run();
    sql::Statement &cedge = statement("INSERT INTO column_edges(from_dataset, from_column, to_dataset, "
                                        "to_column, transformation, document_id) VALUES (?,?,?,?,?,?)");
    for (const ColumnLineageEdge &e : r.columnEdges) {
        cedge.bind(1, e.fromDataset).bind(2, e.fromColumn).bind(3, e.toDataset).bind(4, e.toColumn);
        cedge.bindOptional(5, e.transformation).bind(6, documentId).run();
    }
    sql::Statement &job = statement("INSERT INTO jobs(id, document_id, data) VALUES (?,?,?)");
    for (size_t i = 0; i < r.jobs.size(); ++i)
        job.bind(1, r.jobs[i].id).bind(2, documentId).bindUtf8(3, data.jobText[i]).run();
    sql::Statement &run = statement("INSERT INTO runs(run_id, job_id, state, event_time, inputs, outputs, "
                                      "document_id) VALUES (?,?,?,?,?,?,?)");
    for (size_t i = 0; i < r.runs.size(); ++i) {
        const RunEvent &e = r.runs[i];
        run.bind(1, e.runId).bindOptional(2, e.jobId).bindOptional(3, e.state);
        bindOptionalUtf8(run, 4, data.runEventTime[i]);
        run.bindUtf8(5, data.runInputs[i]).bindUtf8(6, data.runOutputs[i]);
        run.bind(7, documentId).run();
    }
    sql::Statement &q = statement("INSERT INTO quality_results(dataset_id, column_name, check_name, success, "
                                    "time, run_id, origin, message, document_id) VALUES (?,?,?,?,?,?,?,?,?)");
    for (size_t i = 0; i < r.qualityResults.size(); ++i) {
        const QualityResult &qr = r.qualityResults[i];
        q.bind(1, qr.datasetId).bindOptional(2, qr.column).bind(3, qr.check).bind(4, qr.success);
        bindOptionalUtf8(q, 5, data.qualityTime[i]);
        q.bindOptional(6, qr.runId);
        q.bindOptional(7, qr.origin).bindOptional(8, qr.message).bind(9, documentId).run();
    }
}

void CacheWriter::writeMetrics(qint64 documentId, const QString &path, ImportResult &r, const SerializedEntities &data)
{
    sql::Statement &sm = statement("INSERT INTO semantic_models(id, document_id, name, model_id, data) VALUES (?,?,?,?,?)");
    for (size_t i = 0; i < r.semanticModels.size(); ++i) {
        const SemanticModel &m = r.semanticModels[i];
        sm.bind(1, m.id).bind(2, documentId).bindOptional(3, m.name).bindOptional(4, m.modelId);
        sm.bindUtf8(5, data.semanticModelText[i]).run();
    }
    sql::Statement &s = statement("INSERT INTO metrics(id, document_id, name, domain_id, owner, type, origin, data) "
                                  "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING");
    sql::Statement &input = statement(
        "INSERT INTO metric_inputs(metric_id, kind, ref, target, document_id) VALUES (?,?,?,?,?)");
    for (size_t i = 0; i < r.metrics.size(); ++i) {
        const Metric &m = r.metrics[i];
        s.bind(1, m.id).bind(2, documentId).bind(3, m.name).bindOptional(4, m.domainId).bindOptional(5, m.owner);
        s.bindOptional(6, m.type).bindOptional(7, m.origin).bindUtf8(8, data.metricText[i]).run();
        if (m_db.changes() == 0) {
            r.error(path, m.line, 0, duplicateMessage("metric", m.id, ownerOf("metrics", documentId, m.id)));
            continue;
        }
        for (const MetricInput &in : m.inputs) {
            input.bind(1, m.id).bind(2, in.kind).bindOptional(3, in.ref).bindOptional(4, in.target);
            input.bind(5, documentId).run();
        }
        addSearchRows(documentId, {searchRow(m)});
    }
}

void CacheWriter::writeDiagnostics(qint64 documentId, const ImportResult &r)
{
    sql::Statement &s = statement(
        "INSERT INTO diagnostics(document_id, line, col, severity, message) VALUES (?,?,?,?,?)");
    for (const Diagnostic &d : r.diagnostics) {
        s.bind(1, documentId).bind(2, d.line).bind(3, d.column).bind(4, Diagnostic::severityName(d.severity));
        s.bind(5, d.message).run();
    }
}

void CacheWriter::addSearchRows(qint64 documentId, const std::vector<SearchRow> &rows)
{
    sql::Statement &row = statement(kInsertSearchRowSql);
    sql::Statement &fts = statement(kInsertSearchFtsSql);
    for (const SearchRow &r : rows)
        insertSearchRow(row, fts, m_db, documentId, r);
}

bool CacheWriter::entityExists(const EntityKey &key)
{
    const QString &kind = key.first;
    if (kind == u"contract") {
        // "id@version", split at the last '@' so that the lookup uses the (id, version) key, not a scan.
        const qsizetype at = key.second.lastIndexOf(QLatin1Char('@'));
        sql::Statement &s = statement("SELECT 1 FROM contracts WHERE id = ? AND version = ?");
        s.bind(1, at < 0 ? key.second : key.second.left(at)).bind(2, at < 0 ? QString() : key.second.mid(at + 1));
        const bool found = s.step();
        s.reset();
        return found;
    }
    const char *sqlText = kind == u"product"    ? "SELECT 1 FROM products WHERE id = ?"
        : kind == u"policy"                     ? "SELECT 1 FROM policies WHERE id = ?"
        : kind == u"dataset"                    ? "SELECT 1 FROM datasets WHERE id = ?"
        : kind == u"metric"                     ? "SELECT 1 FROM metrics WHERE id = ?"
                                                : "SELECT 1 FROM domains WHERE id = ?";
    sql::Statement &s = statement(sqlText);
    s.bind(1, key.second);
    const bool found = s.step();
    s.reset();
    return found;
}

bool CacheWriter::isEmpty()
{
    sql::Statement &s = statement("SELECT EXISTS (SELECT 1 FROM documents)");
    const bool empty = s.step() && s.int64(0) == 0;
    s.reset();
    return empty;
}

std::vector<QByteArray> CacheWriter::dropIndexesForBulkLoad()
{
    // Read while writing: entityExists() looks domains and datasets up by id. Indexes behind UNIQUE and
    // PRIMARY KEY constraints (sql IS NULL) are never dropped: ON CONFLICT relies on them.
    static const char *const kReadDuringSync[] = {"domains_id", "datasets_id"};
    std::vector<std::pair<QByteArray, QByteArray>> indexes;
    {
        sql::Statement list = m_db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
        while (list.step())
            indexes.emplace_back(list.text(0).toUtf8(), list.text(1).toUtf8());
    }
    for (auto &[text, statement] : m_statements)
        statement->reset(); // DROP INDEX fails while a statement is still running
    std::vector<QByteArray> creates;
    for (const auto &[name, createSql] : indexes) {
        if (std::find(std::begin(kReadDuringSync), std::end(kReadDuringSync), name) != std::end(kReadDuringSync))
            continue;
        m_db.exec(QByteArray("DROP INDEX \"" + name + "\"").constData());
        creates.push_back(createSql);
    }
    return creates;
}

void CacheWriter::recreateIndexes(const std::vector<QByteArray> &createStatements)
{
    if (createStatements.empty())
        return;
    // Each index is sorted in memory bounded by the page cache; SQLite's default 2 MB spills the sort of
    // a large table to temporary files. The parse results are gone by now, so the memory is there.
    // (Growing it for the whole write as well took the 10,000-product cold sync over its 400 MiB.)
    growPageCacheForBulkLoad();
    for (const QByteArray &createSql : createStatements)
        m_db.exec(createSql.constData());
    if (m_savedCacheSize) {
        m_db.exec(QByteArray("PRAGMA cache_size = " + QByteArray::number(*m_savedCacheSize)).constData());
        m_savedCacheSize.reset();
    }
}

void CacheWriter::growPageCacheForBulkLoad()
{
    if (m_savedCacheSize)
        return;
    {
        sql::Statement get = m_db.prepare("PRAGMA cache_size");
        m_savedCacheSize = get.step() ? get.int64(0) : -2000;
    }
    m_db.exec("PRAGMA cache_size = -65536");
}

qint64 CacheWriter::beginSync(qint64 sourceId)
{
    sql::Statement &s = statement("INSERT INTO syncs(source_id, started, status) VALUES (?,?, 'running')");
    s.bind(1, sourceId).bind(2, nowIso()).run();
    return m_db.lastInsertRowId();
}

void CacheWriter::finishSync(qint64 syncId, const QString &status, const QJsonObject &summary)
{
    const QString now = nowIso();
    sql::Statement &s = statement("UPDATE syncs SET finished = ?, status = ?, summary = ? WHERE id = ?");
    s.bind(1, now).bind(2, status).bind(3, QString::fromUtf8(json::compact(summary))).bind(4, syncId).run();
    sql::Statement &src = statement(
        "UPDATE sources SET last_sync = ? WHERE id = (SELECT source_id FROM syncs WHERE id = ?)");
    src.bind(1, now).bind(2, syncId).run();
}

qint64 CacheWriter::recordChange(qint64 syncId, const EntityKey &key, const QString &change,
                                 const QString &domainId, const QStringList &fields)
{
    sql::Statement &s = statement("INSERT INTO change_feed(sync_id, at, kind, entity_id, change, domain_id, "
                                    "fields) VALUES (?,?,?,?,?,?,?)");
    s.bind(1, syncId).bind(2, nowIso()).bind(3, key.first).bind(4, key.second).bind(5, change);
    s.bindOptional(6, domainId);
    if (fields.isEmpty())
        s.bindNull(7);
    else
        s.bind(7, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact)));
    s.run();
    return m_db.lastInsertRowId();
}

void CacheWriter::retractChange(qint64 rowId)
{
    sql::Statement &s = statement("DELETE FROM change_feed WHERE id = ?");
    s.bind(1, rowId).run();
}

void CacheWriter::removeSource(const QString &uri)
{
    sql::Statement &s = statement("DELETE FROM sources WHERE uri = ?");
    s.bind(1, uri).run();
    // A catalog's event cursor goes too: re-added later, the catalog must be read whole again, not
    // from where the forgotten copy left off.
    setCatalogCursor(m_db, uri, QString());
}

} // namespace meshscope::cache
