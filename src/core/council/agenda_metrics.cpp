#include "agenda.h"

#include "cache/metricreader.h"
#include "governance/metricrules.h"

#include <map>

namespace meshscope::council {

std::vector<AgendaItem> inconsistentMetrics(sql::Connection &db, const AgendaContext &)
{
    std::vector<governance::MetricDefinition> definitions;
    for (cache::MetricRecord &r : cache::MetricReader(db).metrics())
        definitions.push_back({std::move(r.metric), r.path});
    // One item per business name, however many pairs of its definitions differ.
    std::map<QString, AgendaItem> byName;
    for (const governance::Violation &v : governance::checkMetricConsistency(definitions)) {
        QString name = v.target;
        for (const governance::MetricDefinition &d : definitions) {
            if (d.metric.id == v.target)
                name = d.metric.name;
        }
        const QString key = governance::metricNameKey(name);
        auto [it, added] = byName.try_emplace(key);
        AgendaItem &item = it->second;
        if (added) {
            item.key = QStringLiteral("metric:") + key;
            item.kind = AgendaKind::MetricInconsistency;
            item.subjectId = v.target;
            int definitionsOfName = 0;
            for (const governance::MetricDefinition &d : definitions)
                definitionsOfName += governance::metricNameKey(d.metric.name) == key ? 1 : 0;
            item.title = QStringLiteral("%1: %2 definitions").arg(name).arg(definitionsOfName);
            item.domainId = v.domainId;
            item.minutes = 10;
        }
        item.evidence << v.message;
        item.reason = item.evidence.size() == 1
                          ? QStringLiteral("two definitions of one business metric differ; agree on one")
                          : QStringLiteral("%1 pairs of its definitions differ; agree on one").arg(item.evidence.size());
    }
    std::vector<AgendaItem> out;
    for (auto &[key, item] : byName)
        out.push_back(std::move(item));
    return out;
}

} // namespace meshscope::council
