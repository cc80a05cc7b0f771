#include "qualityproductmodel.h"

#include "governance/governance.h"

#include <algorithm>

using namespace meshscope;

QualityProductModel::QualityProductModel(QObject *parent) : QAbstractListModel(parent) {}

int QualityProductModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant QualityProductModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const quality::ProductRow &r = *m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case ProductIdRole: return r.id;
    case DomainRole: return r.domainId;
    case ScoreRole: return r.score;
    case ErrorsRole: return r.errors;
    case WarningsRole: return r.warnings;
    case SloStatusRole: return quality::statusText(r.sloStatus);
    case StaleRole: return r.stale;
    case FailingChecksRole: return r.failingChecks;
    case FreshnessRole: return r.freshness;
    case HealthRole: return domainmap::healthName(r.health.health);
    case HealthSummaryRole: return r.health.summary();
    case ScoreBasisRole:
        return QObject::tr("Governance score %1, from the policy checks of this product (docs/governance.md)")
            .arg(governance::governanceScoreBasis(r.errors, r.warnings));
    default: return {};
    }
}

QHash<int, QByteArray> QualityProductModel::roleNames() const
{
    return {{ProductIdRole, "productId"}, {NameRole, "name"},          {DomainRole, "domain"},
            {ScoreRole, "score"},         {ErrorsRole, "errors"},      {WarningsRole, "warnings"},
            {SloStatusRole, "sloStatus"}, {StaleRole, "stale"},        {FailingChecksRole, "failingChecks"},
            {FreshnessRole, "freshness"}, {HealthRole, "health"},    {HealthSummaryRole, "healthSummary"},
            {ScoreBasisRole, "scoreBasis"}};
}

void QualityProductModel::setSnapshot(std::shared_ptr<const quality::Snapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    rebuild();
}

void QualityProductModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    rebuild();
    Q_EMIT filterChanged();
}

void QualityProductModel::setDomain(const QString &domain)
{
    if (domain == m_domain)
        return;
    m_domain = domain;
    rebuild();
    Q_EMIT filterChanged();
}

void QualityProductModel::setProblemsOnly(bool on)
{
    if (on == m_problemsOnly)
        return;
    m_problemsOnly = on;
    rebuild();
    Q_EMIT filterChanged();
}

void QualityProductModel::setSortKey(const QString &key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    rebuild();
    Q_EMIT filterChanged();
}

void QualityProductModel::rebuild()
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows.clear();
    if (m_snapshot) {
        const QString needle = m_filterText.trimmed();
        for (const quality::ProductRow &r : m_snapshot->rows) {
            if (!m_domain.isEmpty() && r.domainId != m_domain)
                continue;
            if (m_problemsOnly && r.badness <= 0)
                continue;
            if (!needle.isEmpty() && !r.id.contains(needle, Qt::CaseInsensitive) && !r.name.contains(needle, Qt::CaseInsensitive)
                && !r.domainId.contains(needle, Qt::CaseInsensitive))
                continue;
            m_rows.push_back(&r);
        }
        const QString key = m_sortKey;
        std::stable_sort(m_rows.begin(), m_rows.end(), [&key](const quality::ProductRow *a, const quality::ProductRow *b) {
            if (key == u"score")
                return a->score < b->score;
            if (key == u"name")
                return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
            if (key == u"checks")
                return a->failingChecks > b->failingChecks;
            return a->badness > b->badness;
        });
    }
    endResetModel();
    if (before != int(m_rows.size()))
        Q_EMIT countChanged();
}
