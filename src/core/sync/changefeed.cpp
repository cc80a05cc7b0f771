#include "changefeed.h"

#include <set>

namespace meshscope {

void ChangeFeedCollector::record(cache::CacheWriter &writer, qint64 syncId, SyncReport &report) const
{
    std::set<cache::EntityKey> seen;
    for (const auto &[key, domain] : added) {
        if (!seen.insert(key).second)
            continue;
        writer.recordChange(syncId, key, QStringLiteral("added"), domain, {});
        ++report.added;
    }
    for (const auto &[key, was] : before) {
        if (!seen.insert(key).second)
            continue;
        const auto now = after.find(key);
        if (now != after.end()) {
            const QStringList fields = changedFields(was.data, now->second.data);
            if (!fields.isEmpty()) {
                writer.recordChange(syncId, key, QStringLiteral("changed"), now->second.domainId, fields);
                ++report.changed;
            }
        } else if (!writer.entityExists(key)) {
            writer.recordChange(syncId, key, QStringLiteral("removed"), was.domainId, {});
            ++report.removed;
        }
    }
}

QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QStringList fields;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.value(it.key()) != it.value())
            fields << it.key();
    }
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            fields << it.key();
    }
    return fields;
}

} // namespace meshscope
