#include "contracts/contractlistmodel.h"

#include "cache/cachefile.h"
#include "cache/guithreadguard.h"
#include "contracts/versiondiff.h"

#include <QFileInfo>

using meshscope::diff::CachedVersion;

ContractListModel::ContractListModel(QObject *parent) : QAbstractListModel(parent) {}

int ContractListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant ContractListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_all[size_t(m_visible[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case ContractIdRole: return e.id;
    case NameRole: return e.name.isEmpty() ? e.id : e.name;
    case DomainRole: return e.domain;
    case VersionsRole: {
        QStringList out;
        for (const CachedVersion &v : e.versions)
            out << v.version;
        return out;
    }
    case StatusesRole: {
        QStringList out;
        for (const CachedVersion &v : e.versions)
            out << v.status;
        return out;
    }
    case VersionSummaryRole: {
        QStringList out;
        for (const CachedVersion &v : e.versions)
            out << (v.status.isEmpty() ? v.version : v.version + u' ' + v.status);
        return out.join(QStringLiteral(" · "));
    }
    case HasProposalRole: return e.hasProposal;
    default: return {};
    }
}

QHash<int, QByteArray> ContractListModel::roleNames() const
{
    return {{ContractIdRole, "contractId"}, {NameRole, "name"},       {DomainRole, "domain"},
            {VersionsRole, "versions"},     {StatusesRole, "statuses"}, {VersionSummaryRole, "versionSummary"},
            {HasProposalRole, "hasProposal"}};
}

void ContractListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    applyFilter();
    endResetModel();
    Q_EMIT filterChanged();
}

void ContractListModel::reload(const QString &cachePath)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ContractListModel::reload");
    std::vector<CachedVersion> versions;
    if (QFileInfo::exists(cachePath)) {
        try {
            meshscope::sql::Connection db = meshscope::cache::openCache(cachePath, /*readOnly=*/true);
            versions = meshscope::diff::listCachedVersions(db);
        } catch (const meshscope::sql::SqlError &e) {
            qWarning("contracts: cannot read %s: %s", qPrintable(cachePath), qPrintable(e.message()));
        }
    }
    setVersions(versions);
}

void ContractListModel::setVersions(const std::vector<CachedVersion> &versions)
{
    beginResetModel();
    m_all.clear();
    for (const CachedVersion &v : versions) {
        if (m_all.empty() || m_all.back().id != v.id)
            m_all.push_back(Entry{v.id, {}, {}, {}, false});
        Entry &e = m_all.back();
        e.versions.push_back(v);
        // The name and domain of the newest version that has them.
        if (!v.name.isEmpty())
            e.name = v.name;
        if (!v.domainId.isEmpty())
            e.domain = v.domainId;
        e.hasProposal = e.hasProposal || meshscope::diff::isProposalStatus(v.status);
    }
    applyFilter();
    endResetModel();
    Q_EMIT totalCountChanged();
}

bool ContractListModel::matches(const Entry &e) const
{
    const QStringList words = m_filter.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool found = e.id.contains(word, Qt::CaseInsensitive) || e.name.contains(word, Qt::CaseInsensitive)
                     || e.domain.contains(word, Qt::CaseInsensitive);
        for (const CachedVersion &v : e.versions)
            found = found || v.status.compare(word, Qt::CaseInsensitive) == 0 || v.version.startsWith(word);
        if (!found)
            return false;
    }
    return true;
}

void ContractListModel::applyFilter()
{
    m_visible.clear();
    for (size_t i = 0; i < m_all.size(); ++i) {
        if (matches(m_all[i]))
            m_visible.push_back(int(i));
    }
}

int ContractListModel::indexOf(const QString &contractId) const
{
    for (size_t r = 0; r < m_visible.size(); ++r) {
        if (m_all[size_t(m_visible[r])].id == contractId)
            return int(r);
    }
    return -1;
}

QString ContractListModel::firstProposal() const
{
    // A proposal with a released version to compare it with, else any contract with two versions.
    for (const Entry &e : m_all) {
        if (e.hasProposal && e.versions.size() > 1)
            return e.id;
    }
    for (const Entry &e : m_all) {
        if (e.versions.size() > 1)
            return e.id;
    }
    return m_all.empty() ? QString() : m_all.front().id;
}

std::vector<CachedVersion> ContractListModel::versionsOf(const QString &contractId) const
{
    for (const Entry &e : m_all) {
        if (e.id == contractId)
            return e.versions;
    }
    return {};
}
