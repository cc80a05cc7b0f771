#include "changefeed.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace meshscope {

void ChangeFeedCollector::collect(cache::CacheWriter &writer, qint64 documentId)
{
    cache::EntityImages images;
    writer.collectImages(documentId, images);
    for (auto &[key, image] : images) {
        if (forgetting)
            forgottenImages[key].push_back(image.data);
        before[key] = std::move(image);
    }
}

void ChangeFeedCollector::record(cache::CacheWriter &writer, qint64 syncId, SyncReport &report) const
{
    std::set<cache::EntityKey> seen;
    for (const auto &[key, domain] : added) {
        if (!seen.insert(key).second)
            continue;
        if (takeBack(writer, syncId, key, report))
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
            const qint64 row = writer.recordChange(syncId, key, QStringLiteral("removed"), was.domainId, {});
            ++report.removed;
            if (forgotten && forgetting) {
                const auto images = forgottenImages.find(key);
                forgotten->entries[key] = {images != forgottenImages.end() ? images->second
                                                                           : std::vector<QJsonObject>{was.data},
                                           row};
            }
        }
    }
}

bool ChangeFeedCollector::takeBack(cache::CacheWriter &writer, qint64 syncId, const cache::EntityKey &key,
                                   SyncReport &report) const
{
    if (!forgotten || forgetting)
        return false;
    const auto gone = forgotten->entries.find(key);
    const auto now = again.find(key);
    if (gone == forgotten->entries.end() || now == again.end())
        return false;
    // Removed from a forgotten source and back from this one: not gone after all.
    writer.retractChange(gone->second.feedRow);
    --report.removed;
    const QStringList fields = changedFields(gone->second.images, now->second);
    if (!fields.isEmpty()) {
        const auto domain = std::find_if(added.begin(), added.end(), [&](const auto &a) { return a.first == key; });
        writer.recordChange(syncId, key, QStringLiteral("changed"), domain->second, fields);
        ++report.changed;
    }
    forgotten->entries.erase(gone);
    return true;
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

QStringList changedFields(const std::vector<QJsonObject> &before, const std::vector<QJsonObject> &after)
{
    if (before.size() == 1 && after.size() == 1)
        return changedFields(before.front(), after.front());
    // Each top-level key's values over all images, as sorted compact JSON ("" where an image lacks it).
    const auto valuesOf = [](const std::vector<QJsonObject> &images, const QString &field) {
        QStringList values;
        for (const QJsonObject &image : images) {
            const QJsonValue v = image.value(field);
            values << (v.isUndefined() ? QString() : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)));
        }
        values.sort();
        return values;
    };
    QStringList fields;
    for (const auto *side : {&after, &before}) {
        for (const QJsonObject &image : *side) {
            for (auto it = image.begin(); it != image.end(); ++it) {
                if (!fields.contains(it.key()) && valuesOf(before, it.key()) != valuesOf(after, it.key()))
                    fields << it.key();
            }
        }
    }
    // The same fields in a different number of documents: the entity changed all the same.
    if (fields.isEmpty() && before.size() != after.size())
        fields << QStringLiteral("documents");
    return fields;
}

bool heldByManyDocuments(const cache::EntityKey &key)
{
    return key.first == u"domain" || key.first == u"dataset";
}

} // namespace meshscope
