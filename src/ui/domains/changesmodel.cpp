#include "changesmodel.h"

#include "cache/cachefile.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSettings>

#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lcChanges, "meshscope.domains.changes")
const QString kLastLookedKey = QStringLiteral("domains/lastLooked");
constexpr int kMaxChanges = 2000;
} // namespace

ChangesModel::ChangesModel(QObject *parent) : QAbstractListModel(parent)
{
    m_lastLooked = QSettings().value(kLastLookedKey).toDateTime();
}

std::vector<meshscope::cache::Change> ChangesModel::readFeed(const QString &cachePath, const QDateTime &since)
{
    try {
        meshscope::sql::Connection db = meshscope::cache::openCache(cachePath, true);
        return meshscope::cache::CacheReader(db).changesSince(since, kMaxChanges);
    } catch (const meshscope::sql::SqlError &e) {
        qCWarning(lcChanges) << "cannot read the change feed of" << cachePath << ":" << e.message();
    }
    return {};
}

void ChangesModel::load(const QString &cachePath, const QHash<QString, QString> &domainNames)
{
    setChanges(readFeed(cachePath, m_lastLooked), domainNames);
}

void ChangesModel::setChanges(std::vector<meshscope::cache::Change> changes, const QHash<QString, QString> &domainNames)
{
    beginResetModel();
    m_domainNames = domainNames;
    m_rows.clear();
    for (meshscope::cache::Change &c : changes) {
        QString name = c.domainId.isEmpty() ? tr("No domain") : domainNames.value(c.domainId, c.domainId);
        m_rows.push_back({std::move(c), std::move(name)});
    }
    // Grouped by domain (named ones A to Z, then those without), newest first inside a group.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.change.domainId.isEmpty() != b.change.domainId.isEmpty())
            return b.change.domainId.isEmpty();
        const int byName = a.domainName.compare(b.domainName, Qt::CaseInsensitive);
        if (byName != 0)
            return byName < 0;
        if (a.change.domainId != b.change.domainId)
            return a.change.domainId < b.change.domainId;
        return a.change.at > b.change.at;
    });
    endResetModel();
    Q_EMIT countChanged();
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return r.change.change + QLatin1Char(' ') + r.change.kind + QLatin1Char(' ') + r.change.entityId;
    case DomainIdRole: return r.change.domainId;
    case DomainNameRole: return r.domainName;
    case KindRole: return r.change.kind;
    case EntityIdRole: return r.change.entityId;
    case ChangeRole: return r.change.change;
    case AtRole: return r.change.at;
    case FieldsRole: return r.change.fields.join(QStringLiteral(", "));
    }
    return {};
}

QHash<int, QByteArray> ChangesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{DomainIdRole, "domainId"}, {DomainNameRole, "domainName"}, {KindRole, "kind"},
                  {EntityIdRole, "entityId"}, {ChangeRole, "change"}, {AtRole, "at"}, {FieldsRole, "fields"}});
    return names;
}

int ChangesModel::domainCount() const
{
    QSet<QString> domains;
    for (const Row &r : m_rows) {
        if (m_domainNames.contains(r.change.domainId))
            domains.insert(r.change.domainId);
    }
    return int(domains.size());
}

int ChangesModel::noDomainCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [this](const Row &r) { return !m_domainNames.contains(r.change.domainId); }));
}

void ChangesModel::markAllSeen()
{
    // The newest entry's own time, not the clock: a sync finishing meanwhile stays "new".
    QDateTime newest = QDateTime::currentDateTimeUtc();
    if (!m_rows.empty()) {
        newest = m_rows.front().change.at;
        for (const Row &r : m_rows)
            newest = std::max(newest, r.change.at);
    }
    m_lastLooked = newest;
    QSettings().setValue(kLastLookedKey, m_lastLooked);
    Q_EMIT lastLookedChanged();
    // Everything shown is now seen; what a later sync records arrives with the map it reloads.
    std::vector<meshscope::cache::Change> newer;
    for (const Row &r : m_rows) {
        if (r.change.at > newest)
            newer.push_back(r.change);
    }
    setChanges(std::move(newer), m_domainNames);
}
