#pragma once

#include "contractdiff.h"

#include <QHash>
#include <QJsonObject>

#include <vector>

/// Internal to the contract diff: the walker that visits both contracts side by side and records
/// changes. Its recording helpers live in diffwalker.cpp, the contract-wide lists in contractdiff.cpp,
/// the schema in contractdiff_schema.cpp.
namespace meshscope::diff::detail {

/// One natural key and the items carrying it on each side (either may be missing).
template <typename T>
struct Matched {
    QString key;
    const T *oldItem = nullptr;
    const T *newItem = nullptr;
};

/// Pairs the items of two lists by `keyOf(item)`, never by position. A key used more than once gets
/// "#2", "#3", ...; among items sharing a key, equal ones (`same`) pair first and the rest in order of
/// appearance, so reordering duplicates is still no change. Old items come first (in old order), then
/// items only in the new list (in new order).
template <typename T, typename KeyFn, typename SameFn>
std::vector<Matched<T>> matchByKey(const QList<T> &oldItems, const QList<T> &newItems, KeyFn keyOf, SameFn same)
{
    const auto group = [&keyOf](const QList<T> &items, QStringList &bases) {
        QHash<QString, QList<int>> byBase;
        bases.reserve(items.size());
        for (int i = 0; i < items.size(); ++i) {
            bases << keyOf(items.at(i));
            byBase[bases.last()] << i;
        }
        return byBase;
    };
    QStringList oldBases, newBases;
    const QHash<QString, QList<int>> oldByBase = group(oldItems, oldBases);
    const QHash<QString, QList<int>> newByBase = group(newItems, newBases);
    const auto suffixed = [](const QString &base, int n) {
        return n == 1 ? base : base + QLatin1Char('#') + QString::number(n);
    };

    std::vector<int> partnerOfOld(size_t(oldItems.size()), -1);
    std::vector<QString> newKeys(size_t(newItems.size()));
    for (auto it = newByBase.cbegin(); it != newByBase.cend(); ++it) {
        const QList<int> &news = it.value();
        const QList<int> olds = oldByBase.value(it.key());
        std::vector<int> oldOfNew(size_t(news.size()), -1);
        std::vector<bool> taken(size_t(olds.size()), false);
        if (olds.size() > 1 || news.size() > 1) {
            for (int j = 0; j < news.size(); ++j) {
                for (int i = 0; i < olds.size(); ++i) {
                    if (!taken[size_t(i)] && same(oldItems.at(olds.at(i)), newItems.at(news.at(j)))) {
                        taken[size_t(i)] = true;
                        oldOfNew[size_t(j)] = i;
                        break;
                    }
                }
            }
        }
        int nextOld = 0;
        int extra = int(olds.size());
        for (int j = 0; j < news.size(); ++j) {
            if (oldOfNew[size_t(j)] < 0) {
                while (nextOld < olds.size() && taken[size_t(nextOld)])
                    ++nextOld;
                if (nextOld < olds.size()) {
                    taken[size_t(nextOld)] = true;
                    oldOfNew[size_t(j)] = nextOld;
                }
            }
            const int i = oldOfNew[size_t(j)];
            if (i >= 0) {
                partnerOfOld[size_t(olds.at(i))] = news.at(j);
                newKeys[size_t(news.at(j))] = suffixed(it.key(), i + 1);
            } else {
                newKeys[size_t(news.at(j))] = suffixed(it.key(), ++extra);
            }
        }
    }

    std::vector<Matched<T>> out;
    out.reserve(size_t(oldItems.size() + newItems.size()));
    QHash<QString, int> seen;
    for (int i = 0; i < oldItems.size(); ++i) {
        const int partner = partnerOfOld[size_t(i)];
        out.push_back(Matched<T>{suffixed(oldBases.at(i), ++seen[oldBases.at(i)]), &oldItems.at(i),
                                 partner >= 0 ? &newItems.at(partner) : nullptr});
    }
    std::vector<bool> matched(size_t(newItems.size()), false);
    for (int partner : partnerOfOld) {
        if (partner >= 0)
            matched[size_t(partner)] = true;
    }
    for (int j = 0; j < newItems.size(); ++j) {
        if (!matched[size_t(j)])
            out.push_back(Matched<T>{newKeys[size_t(j)], nullptr, &newItems.at(j)});
    }
    return out;
}

template <typename T, typename KeyFn>
std::vector<Matched<T>> matchByKey(const QList<T> &oldItems, const QList<T> &newItems, KeyFn keyOf)
{
    return matchByKey(oldItems, newItems, keyOf, [](const T &, const T &) { return false; });
}

/// `prefix.segment`, with the segment quoted by pathSegment().
QString join(const QString &prefix, const QString &segment);

/// Empty text as JSON null, so that "added" and "removed" values read as absent.
QJsonValue textValue(const QString &text);

class Walker {
public:
    std::vector<ContractChange> changes;

    void record(Rule rule, ChangeKind kind, const QString &path, const QJsonValue &oldValue,
              const QJsonValue &newValue, const QString &object = {}, const QString &detail = {});
    /// Records a text field that differs; the kind follows from which side is empty.
    void text(Rule rule, const QString &path, const QString &oldText, const QString &newText,
              const QString &object = {});
    /// A list compared as a set (tags, examples): order and duplicates do not matter.
    void set(Rule rule, const QString &path, const QStringList &oldItems, const QStringList &newItems,
             const QString &object = {});
    /// Keys of `custom` objects Meshscope does not interpret: customProperties entries one by one,
    /// authoritativeDefinitions as a set, anything else under `fallback`.
    void extensions(const QString &prefix, const QJsonObject &oldObject, const QJsonObject &newObject,
                    const QString &object = {}, Rule fallback = Rule::OtherFieldChanged);

    // contractdiff_schema.cpp
    void schema(const QList<SchemaObject> &oldObjects, const QList<SchemaObject> &newObjects);
    void quality(const QString &prefix, const QList<QualityRule> &oldRules, const QList<QualityRule> &newRules,
                 const QString &object = {});

private:
    void schemaObject(const QString &path, const SchemaObject &a, const SchemaObject &b);
    void properties(const QString &parentPath, bool parentIsArray, const QList<ContractProperty> &a,
                    const QList<ContractProperty> &b, const QString &object);
    void property(const QString &path, const ContractProperty &a, const ContractProperty &b, const QString &object);
    void constraints(const QString &path, const QJsonObject &a, const QJsonObject &b, const QString &object);
    void relationships(const QString &path, const QList<Relationship> &a, const QList<Relationship> &b,
                       const QString &object);
    void qualityRule(const QString &path, const QualityRule &a, const QualityRule &b, const QString &object);
};

} // namespace meshscope::diff::detail
