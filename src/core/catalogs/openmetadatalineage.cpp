#include "openmetadatalineage.h"

#include "catalogjson.h"

#include <QHash>

namespace meshscope::catalogs::openmetadata {

namespace {

QString fqnOf(const QJsonObject &o)
{
    const QString fqn = cj::str(o, "fullyQualifiedName");
    return fqn.isEmpty() ? cj::str(o, "name") : fqn;
}

/// The values of a JSON array, or of a JSON object used as a map (key order is irrelevant here).
QJsonArray valuesOf(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    QJsonArray out;
    const QJsonObject map = v.toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        out.append(it.value());
    return out;
}

} // namespace

QJsonArray directUpstream(const QJsonObject &lineage, const QString &fqn)
{
    // id -> FQN of every node: EntityLineage edges name their ends by id only.
    QHash<QString, QString> fqnById;
    auto note = [&](const QJsonObject &ref) {
        if (!cj::str(ref, "id").isEmpty() && !fqnOf(ref).isEmpty())
            fqnById.insert(cj::str(ref, "id"), fqnOf(ref));
    };
    note(cj::obj(lineage, "entity"));
    for (const QJsonValue &node : valuesOf(lineage.value(QLatin1String("nodes")))) {
        const QJsonObject n = node.toObject();
        // A SearchLineageResult node wraps the entity; an EntityLineage node is the reference itself.
        note(n.value(QLatin1String("entity")).isObject() ? cj::obj(n, "entity") : n);
    }
    auto endFqn = [&](const QJsonValue &end) {
        if (!end.isObject())
            return fqnById.value(cj::text(end));
        const QString named = fqnOf(end.toObject());
        return named.isEmpty() ? fqnById.value(cj::str(end.toObject(), "id")) : named;
    };
    QJsonArray out;
    for (const QJsonValue &value : valuesOf(lineage.value(QLatin1String("upstreamEdges")))) {
        const QJsonObject edge = value.toObject();
        if (endFqn(edge.value(QLatin1String("toEntity"))) != fqn)
            continue;
        const QString from = endFqn(edge.value(QLatin1String("fromEntity")));
        if (from.isEmpty() || from == fqn)
            continue;
        QJsonArray columns = cj::arr(cj::obj(edge, "lineageDetails"), "columnsLineage");
        if (columns.isEmpty())
            columns = cj::arr(edge, "columns");
        out.append(QJsonObject{{QStringLiteral("fqn"), from}, {QStringLiteral("columnsLineage"), columns}});
    }
    return out;
}

} // namespace meshscope::catalogs::openmetadata
