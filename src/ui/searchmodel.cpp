#include "searchmodel.h"

#include "appcontroller.h"
#include "searchworker.h"

#include <algorithm>

Q_DECLARE_METATYPE(std::vector<meshscope::cache::SearchHit>)

SearchModel::SearchModel(QObject *parent) : QAbstractListModel(parent)
{
    qRegisterMetaType<std::vector<meshscope::cache::SearchHit>>();
    m_worker = new SearchWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SearchModel::requestSearch, m_worker, &SearchWorker::search, Qt::QueuedConnection);
    connect(m_worker, &SearchWorker::results, this, &SearchModel::onResults, Qt::QueuedConnection);
    m_thread.start();
}

SearchModel::~SearchModel()
{
    m_thread.quit();
    m_thread.wait();
}

QString SearchModel::kindLabel(const QString &kind)
{
    if (kind == u"product") return tr("Data products");
    if (kind == u"contract") return tr("Contracts");
    if (kind == u"table") return tr("Tables");
    if (kind == u"domain") return tr("Domains");
    if (kind == u"dataset") return tr("Datasets");
    if (kind == u"column") return tr("Columns");
    if (kind == u"metric") return tr("Metrics");
    if (kind == u"owner") return tr("Owners");
    if (kind == u"tag") return tr("Tags");
    return kind;
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const meshscope::cache::SearchHit &h = m_hits[size_t(index.row())];
    switch (role) {
    case KindRole: return h.kind;
    case KindLabelRole: return kindLabel(h.kind);
    case EntityIdRole: return h.id;
    case Qt::DisplayRole:
    case TitleRole: return h.title.isEmpty() ? h.id : h.title;
    case SnippetRole: return h.snippet;
    case ObjectRole: return h.object;
    case SnippetMarkupRole: return snippetMarkup(h);
    case OriginRole: return origin(h);
    default: return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{KindRole, "kind"}, {KindLabelRole, "kindLabel"}, {EntityIdRole, "entityId"},
            {TitleRole, "title"}, {SnippetRole, "snippet"}, {ObjectRole, "object"},
            {SnippetMarkupRole, "snippetMarkup"}, {OriginRole, "origin"}};
}

QString SearchModel::origin(const meshscope::cache::SearchHit &hit)
{
    if (hit.documentCount <= 0)
        return {};
    if (hit.documentCount == 1 && !hit.documents.isEmpty())
        return tr("From %1").arg(hit.documents.constFirst());
    QString text = tr("From %n documents: ", nullptr, hit.documentCount) + hit.documents.join(QStringLiteral(", "));
    if (hit.documentCount > hit.documents.size())
        text += tr(" and %n more", nullptr, int(hit.documentCount - hit.documents.size()));
    return text;
}

QString SearchModel::snippetMarkup(const meshscope::cache::SearchHit &hit)
{
    QString out;
    qsizetype at = 0;
    for (const auto &[start, length] : hit.matches) {
        if (start < at || length <= 0 || start + length > hit.snippet.size())
            continue; // out of order or outside the text: shown unmarked
        out += hit.snippet.mid(at, start - at).toHtmlEscaped() + QStringLiteral("<b>")
            + hit.snippet.mid(start, length).toHtmlEscaped() + QStringLiteral("</b>");
        at = start + length;
    }
    return out + hit.snippet.mid(at).toHtmlEscaped();
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    ++m_pending;
    Q_EMIT searchingChanged();
    const QString cachePath = AppController::instance() ? AppController::instance()->cachePath() : QString();
    Q_EMIT requestSearch(++m_generation, cachePath, query);
}

void SearchModel::onResults(quint64 generation, const std::vector<meshscope::cache::SearchHit> &hits)
{
    --m_pending;
    Q_EMIT searchingChanged();
    if (generation != m_generation)
        return;
    // Group by kind; groups appear in the order of their best hit, ranks kept inside each group.
    QStringList groupOrder;
    for (const auto &h : hits) {
        if (!groupOrder.contains(h.kind))
            groupOrder << h.kind;
    }
    std::vector<meshscope::cache::SearchHit> grouped = hits;
    std::stable_sort(grouped.begin(), grouped.end(), [&](const auto &a, const auto &b) {
        return groupOrder.indexOf(a.kind) < groupOrder.indexOf(b.kind);
    });
    beginResetModel();
    m_hits = std::move(grouped);
    endResetModel();
}
