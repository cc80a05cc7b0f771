// DataHub's metadata files: MetadataChangeEvents (`proposedSnapshot` with aspects keyed by their
// Pegasus class) and MetadataChangeProposals (`entityUrn`, `aspectName`, `aspect.value` as a JSON
// string or `aspect.json`), in one JSON array as `datahub ingest` file sources and
// bootstrap_mce.json write them. Datasets with schemas and upstream lineage, jobs with their inputs
// and outputs, groups, domains, data products, and assertion runs as quality results.
#include "datahubsupport.h"
#include "formats.h"
#include "jsonsupport.h"
#include "lineagesupport.h"
#include "productimporter_common.h"

#include <QHash>
#include <QTimeZone>
#include <map>

namespace meshscope::importers {

using namespace jsonsupport;

namespace {

/// "com.linkedin.pegasus2avro.schema.SchemaMetadata" -> "SchemaMetadata"
QString shortName(const std::string &key)
{
    return toQString(key).section(QLatin1Char('.'), -1);
}

/// DataHub v2 field paths ("[version=2.0].[type=struct].address.[type=string].zip") -> "address.zip".
QString fieldName(const QString &fieldPath)
{
    if (!fieldPath.startsWith(QLatin1Char('[')))
        return fieldPath;
    // Drop every bracketed annotation with the dot after it; "2.0" inside one is not a separator.
    QString out;
    int depth = 0;
    bool skipDot = false;
    for (const QChar c : fieldPath) {
        if (c == u'[') {
            ++depth;
        } else if (c == u']') {
            depth = std::max(0, depth - 1);
            skipDot = true;
        } else if (depth == 0) {
            if (!(skipDot && c == u'.'))
                out += c;
            skipDot = false;
        }
    }
    return out;
}

struct Assertion {
    QString datasetUrn;
    QString column;
    QString label;
};

struct AssertionRun {
    QString assertionUrn;
    QString asserteeUrn;
    QDateTime time;
    QString runId;
    bool success = false;
    QString status;
};

class MceReader {
public:
    MceReader(const QString &file, ImportResult &result) : m_file(file), m_result(result), m_lineage(result) {}

    /// `at`: the item's place in the file, for what is said about it.
    void readItem(const Json &item, int index, TextPosition at)
    {
        if (!item.is_object()) {
            m_result.warning(m_file, at.line, at.column, QStringLiteral("item %1 is %2, not an object; skipped").arg(index).arg(typeName(item)));
            return;
        }
        if (const Json *snapshot = objectMember(item, "proposedSnapshot")) {
            for (const auto &[cls, body] : snapshot->items())
                readSnapshot(shortName(cls), body);
            return;
        }
        const QString urn = str(item, "entityUrn");
        const QString aspectName = str(item, "aspectName");
        if (urn.isEmpty() || aspectName.isEmpty())
            return;
        const Json *aspect = objectMember(item, "aspect");
        if (!aspect)
            return;
        Json value;
        if (const Json *inline_ = objectMember(*aspect, "json")) {
            value = *inline_;
        } else {
            const std::string text = str(*aspect, "value").toStdString();
            value = Json::parse(text, nullptr, false);
            if (value.is_discarded()) {
                m_result.warning(m_file, at.line, at.column, QStringLiteral("item %1 (%2 of %3): aspect value is not JSON; skipped").arg(index).arg(aspectName, urn));
                return;
            }
        }
        readAspect(urn, str(item, "entityType"), aspectName, value);
    }

    void finish()
    {
        for (const AssertionRun &run : m_runs) {
            const Assertion assertion = m_assertions.value(run.assertionUrn);
            const QString datasetUrn = run.asserteeUrn.isEmpty() ? assertion.datasetUrn : run.asserteeUrn;
            const QString id = datahub::datasetIdFromUrn(datasetUrn);
            if (id.isEmpty())
                continue;
            QualityResult q;
            q.datasetId = id;
            q.column = assertion.column;
            q.check = assertion.label.isEmpty() ? datahub::lastUrnPart(run.assertionUrn) : assertion.label;
            q.success = run.success;
            q.time = run.time;
            q.runId = run.runId;
            q.origin = QStringLiteral("datahub");
            q.message = run.status;
            m_lineage.addUniqueCheck(dataset(datasetUrn), checkLabel(q.check, q.column));
            m_result.qualityResults.push_back(q);
        }
        for (auto &[urn, product] : m_products) {
            if (!product.domainId.isEmpty())
                m_result.noteDomain(product.domainId);
            m_result.products.push_back(product);
        }
    }

private:
    size_t dataset(const QString &urn)
    {
        return m_lineage.dataset(datahub::datasetIdFromUrn(urn), datahub::platformOfUrn(urn), datahub::nameOfUrn(urn));
    }

    void readSnapshot(const QString &kind, const Json &body)
    {
        const QString urn = str(body, "urn");
        const Json *aspects = arrayMember(body, "aspects");
        if (urn.isEmpty() || !aspects)
            return;
        for (const Json &aspect : *aspects) {
            if (!aspect.is_object())
                continue;
            for (const auto &[cls, value] : aspect.items())
                readSnapshotAspect(kind, urn, shortName(cls), value);
        }
    }

    void readSnapshotAspect(const QString &kind, const QString &urn, const QString &aspect, const Json &value)
    {
        if (kind == u"DatasetSnapshot") {
            readDatasetAspect(urn, aspect, value);
        } else if (kind == u"DataJobSnapshot") {
            readJobAspect(urn, aspect, value);
        } else if (kind == u"CorpGroupSnapshot" && aspect == u"CorpGroupInfo") {
            Team team;
            team.id = products::stripUrn(urn);
            team.name = str(value, "displayName").isEmpty() ? team.id : str(value, "displayName");
            team.description = str(value, "description");
            for (const QString &member : stringList(value, "members")) {
                Person p;
                p.username = products::stripUrn(member);
                team.members.append(p);
            }
            m_result.teams.push_back(team);
        }
    }

    void readDatasetAspect(const QString &urn, const QString &aspect, const Json &value)
    {
        if (datahub::datasetIdFromUrn(urn).isEmpty())
            return;
        const size_t index = dataset(urn);
        Dataset &d = m_result.datasets[index];
        if (d.platform.isEmpty())
            d.platform = datahub::platformOfUrn(urn);
        if (aspect == u"DatasetProperties") {
            if (!str(value, "description").isEmpty())
                d.description = str(value, "description");
        } else if (aspect == u"EditableDatasetProperties") {
            if (!str(value, "description").isEmpty())
                d.description = str(value, "description");
        } else if (aspect == u"Ownership") {
            if (const Json *owners = arrayMember(value, "owners"); owners && !owners->empty())
                d.owner = products::stripUrn(str(owners->front(), "owner"));
        } else if (aspect == u"GlobalTags") {
            d.tags = tagsOf(value);
        } else if (aspect == u"SchemaMetadata" || aspect == u"EditableSchemaMetadata") {
            const Json *fields = arrayMember(value, aspect == u"SchemaMetadata" ? "fields" : "editableSchemaFieldInfo");
            if (!fields)
                return;
            QList<DatasetColumn> columns;
            for (const Json &f : *fields) {
                DatasetColumn c;
                c.name = fieldName(str(f, "fieldPath"));
                c.type = str(f, "nativeDataType");
                c.description = str(f, "description");
                if (const Json *tags = objectMember(f, "globalTags"))
                    c.tags = tagsOf(*tags);
                if (!c.name.isEmpty())
                    columns.append(c);
            }
            mergeColumns(m_result.datasets[index].columns, columns);
        } else if (aspect == u"UpstreamLineage") {
            readUpstreams(urn, value);
        }
    }

    void readUpstreams(const QString &urn, const Json &value)
    {
        const QString to = datahub::datasetIdFromUrn(urn);
        if (const Json *upstreams = arrayMember(value, "upstreams")) {
            for (const Json &u : *upstreams) {
                const QString from = datahub::datasetIdFromUrn(str(u, "dataset"));
                if (!from.isEmpty()) {
                    dataset(str(u, "dataset"));
                    m_lineage.addEdge(from, to, QString());
                }
            }
        }
        if (const Json *fine = arrayMember(value, "fineGrainedLineages")) {
            for (const Json &g : *fine) {
                for (const QString &up : stringList(g, "upstreams")) {
                    for (const QString &down : stringList(g, "downstreams")) {
                        QString upDataset, upField, downDataset, downField;
                        if (!datahub::splitSchemaFieldUrn(up, upDataset, upField) || !datahub::splitSchemaFieldUrn(down, downDataset, downField))
                            continue;
                        m_lineage.addColumnEdge({datahub::datasetIdFromUrn(upDataset), fieldName(upField),
                                                 datahub::datasetIdFromUrn(downDataset), fieldName(downField),
                                                 str(g, "transformOperation")});
                    }
                }
            }
        }
    }

    void readJobAspect(const QString &urn, const QString &aspect, const Json &value)
    {
        // urn:li:dataJob:(urn:li:dataFlow:(airflow,dag_abc,PROD),task_123) -> airflow / dag_abc.task_123
        const QString inner = urn.mid(urn.indexOf(QLatin1Char('(')) + 1).chopped(1);
        const qsizetype flowEnd = inner.lastIndexOf(QLatin1Char(','));
        const QString flow = inner.left(flowEnd);
        const QString flowInner = flow.mid(flow.indexOf(QLatin1Char('(')) + 1).chopped(1);
        Job job;
        job.ns = flowInner.section(QLatin1Char(','), 0, 0);
        job.name = flowInner.section(QLatin1Char(','), 1, 1) + QLatin1Char('.') + inner.mid(flowEnd + 1);
        job.id = job.ns + QLatin1Char('/') + job.name;
        if (aspect == u"DataJobInfo") {
            job.kind = str(value, "type").toLower();
            job.description = str(value, "description");
            m_lineage.mergeJob(std::move(job));
        } else if (aspect == u"DataJobInputOutput") {
            const QStringList inputs = stringList(value, "inputDatasets");
            const QStringList outputs = stringList(value, "outputDatasets");
            const QString jobId = job.id;
            m_lineage.mergeJob(std::move(job));
            for (const QString &in : inputs) {
                dataset(in);
                for (const QString &out : outputs) {
                    dataset(out);
                    m_lineage.addEdge(datahub::datasetIdFromUrn(in), datahub::datasetIdFromUrn(out), jobId);
                }
            }
        }
    }

    void readAspect(const QString &urn, const QString &entityType, const QString &aspect, const Json &value)
    {
        if (entityType == u"dataset") {
            // MCP aspect names are the class names in lowerCamelCase.
            QString cls = aspect;
            cls[0] = cls[0].toUpper();
            readDatasetAspect(urn, cls, value);
        } else if (entityType == u"assertion" && aspect == u"assertionInfo") {
            Assertion a;
            const Json *datasetAssertion = objectMember(value, "datasetAssertion");
            if (datasetAssertion) {
                a.datasetUrn = str(*datasetAssertion, "dataset");
                const QStringList fields = stringList(*datasetAssertion, "fields");
                QString datasetUrn, field;
                if (!fields.isEmpty() && datahub::splitSchemaFieldUrn(fields.first(), datasetUrn, field))
                    a.column = fieldName(field);
                a.label = str(*datasetAssertion, "nativeType");
            }
            if (a.label.isEmpty())
                a.label = str(value, "description");
            m_assertions.insert(urn, a);
        } else if (entityType == u"assertion" && aspect == u"assertionRunEvent") {
            AssertionRun run;
            run.assertionUrn = str(value, "assertionUrn").isEmpty() ? urn : str(value, "assertionUrn");
            run.asserteeUrn = str(value, "asserteeUrn");
            if (const Json *ms = member(value, "timestampMillis"); ms && ms->is_number())
                run.time = QDateTime::fromMSecsSinceEpoch(ms->get<qint64>(), Qt::UTC);
            run.runId = str(value, "runId");
            run.status = str(value, "status");
            if (const Json *result = objectMember(value, "result"))
                run.success = str(*result, "type") == u"SUCCESS";
            m_runs.push_back(run);
        } else if (entityType == u"domain" && aspect == u"domainProperties") {
            Domain d;
            d.id = datahub::lastUrnPart(urn);
            d.name = str(value, "name").isEmpty() ? d.id : str(value, "name");
            d.description = str(value, "description");
            d.parentId = datahub::lastUrnPart(str(value, "parentDomain"));
            m_result.domains.push_back(d);
        } else if (entityType == u"dataProduct") {
            DataProduct &p = m_products[urn];
            p.id = datahub::lastUrnPart(urn);
            p.specFormat = QStringLiteral("datahub");
            if (aspect == u"dataProductProperties") {
                p.name = str(value, "name").isEmpty() ? p.id : str(value, "name");
                p.description = str(value, "description");
                if (const Json *assets = arrayMember(value, "assets")) {
                    for (const Json &asset : *assets) {
                        const products::DatasetUrn parsed = products::parseDatasetUrn(str(asset, "destinationUrn"));
                        if (!parsed.valid)
                            continue;
                        Port port;
                        port.id = parsed.platform + QLatin1Char('.') + parsed.name;
                        port.name = parsed.name;
                        port.type = parsed.platform;
                        port.location = parsed.name;
                        p.outputPorts.append(port);
                    }
                }
            } else if (aspect == u"domains") {
                const QStringList domains = stringList(value, "domains");
                if (!domains.isEmpty())
                    p.domainId = datahub::lastUrnPart(domains.first());
            }
        }
    }

    static QStringList tagsOf(const Json &globalTags)
    {
        QStringList tags;
        if (const Json *list = arrayMember(globalTags, "tags")) {
            for (const Json &t : *list)
                tags << products::stripUrn(str(t, "tag"));
        }
        return tags;
    }

    QString m_file;
    ImportResult &m_result;
    LineageCollector m_lineage;
    QHash<QString, Assertion> m_assertions;
    std::vector<AssertionRun> m_runs;
    std::map<QString, DataProduct> m_products;
};

} // namespace

void importDatahubMce(const QByteArray &bytes, const QString &file, ImportResult &result)
{
    Json doc;
    if (!parse(bytes, file, result, doc))
        return;
    MceReader reader(file, result);
    if (doc.is_array()) {
        const std::vector<TextPosition> places = arrayElementPositions(bytes, {});
        int index = 0;
        for (const Json &item : doc) {
            reader.readItem(item, index, elementPosition(places, size_t(index)));
            ++index;
        }
    } else {
        reader.readItem(doc, 0, {1, 1});
    }
    reader.finish();
}

} // namespace meshscope::importers
