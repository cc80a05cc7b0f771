#pragma once

#include "lineagescene.h"

#include "layout/layoutgraph.h"
#include "lineage/badges.h"
#include "lineage/lineagegraph.h"
#include "lineage/neighbourhood.h"

#include <QObject>
#include <QThreadPool>
#include <QQmlEngine>
#include <QSet>
#include <QVariantMap>

/// @brief One level's lineage graph and badges as read from the cache; shared read-only between the GUI
/// thread and layout jobs.
struct LineageGraphData {
    meshscope::lineage::LineageGraph graph;
    std::vector<meshscope::lineage::NodeBadges> badges; ///< per graph node
    QString error; ///< why the cache could not be read
};
struct LineageLayoutOutput;

/// @brief The lineage view's state and actions: which node, how far up and down, which level, what is
/// expanded, filtered, selected; turns the cache's lineage into a laid-out LineageScene for the canvas.
/// `LineageController` in QML; all the graph work is in meshscope_core (lineage/, layout/).
class LineageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString cachePath READ cachePath WRITE setCachePath NOTIFY cachePathChanged)
    /// The start node as asked for: product id, dataset id, dataset#column or a unique name.
    Q_PROPERTY(QString rootId READ rootId NOTIFY rootChanged)
    /// "product", "dataset" or "column".
    Q_PROPERTY(QString level READ level WRITE setLevel NOTIFY rootChanged)
    /// Hops shown upstream and downstream; -1 means all.
    Q_PROPERTY(int up READ up WRITE setUp NOTIFY rootChanged)
    Q_PROPERTY(int down READ down WRITE setDown NOTIFY rootChanged)
    Q_PROPERTY(bool groupByDomain READ groupByDomain WRITE setGroupByDomain NOTIFY rootChanged)
    Q_PROPERTY(QString domainFilter READ domainFilter WRITE setDomainFilter NOTIFY rootChanged)
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY rootChanged)
    /// Only nodes whose product carries this tag; empty for all.
    Q_PROPERTY(QString tagFilter READ tagFilter WRITE setTagFilter NOTIFY rootChanged)
    /// Only nodes of this owner (the product's owner); empty for all.
    Q_PROPERTY(QString ownerFilter READ ownerFilter WRITE setOwnerFilter NOTIFY rootChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(QString selectedId READ selectedId WRITE selectNode NOTIFY selectionChanged)
    /// A second node: the paths between it and the selected node are highlighted.
    Q_PROPERTY(QString pathTargetId READ pathTargetId WRITE setPathTarget NOTIFY selectionChanged)
    /// What the selected node is: label, kind, domain, counts, badges, impactedCount.
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectionChanged)
    Q_PROPERTY(int nodeCount READ nodeCount NOTIFY sceneChanged)
    Q_PROPERTY(int edgeCount READ edgeCount NOTIFY sceneChanged)
    /// Nodes of this level in the whole cache.
    Q_PROPERTY(int totalNodes READ totalNodes NOTIFY sceneChanged)
    /// Domains and kinds in the current neighbourhood, for the filters.
    Q_PROPERTY(QStringList domains READ domains NOTIFY sceneChanged)
    Q_PROPERTY(QStringList kinds READ kinds NOTIFY sceneChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY sceneChanged)
    Q_PROPERTY(QStringList owners READ owners NOTIFY sceneChanged)
    /// True while a layout job (loading the graph, neighbourhood, layout) runs on the worker thread.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// Lay out on a worker thread (the default); off, every change is laid out before the call returns.
    Q_PROPERTY(bool threaded READ threaded WRITE setThreaded NOTIFY threadedChanged)
    /// Empty when all is well, else why nothing is shown.
    Q_PROPERTY(QString message READ message NOTIFY sceneChanged)

public:
    explicit LineageController(QObject *parent = nullptr);

    QString cachePath() const { return m_cachePath; }
    void setCachePath(const QString &path);
    QString rootId() const { return m_rootId; }
    QString level() const { return meshscope::lineage::levelName(m_level); }
    void setLevel(const QString &level);
    int up() const { return m_up; }
    void setUp(int hops);
    int down() const { return m_down; }
    void setDown(int hops);
    bool groupByDomain() const { return m_groupByDomain; }
    void setGroupByDomain(bool on);
    QString domainFilter() const { return m_domainFilter; }
    void setDomainFilter(const QString &domain);
    QString kindFilter() const { return m_kindFilter; }
    void setKindFilter(const QString &kind);
    QString tagFilter() const { return m_tagFilter; }
    void setTagFilter(const QString &tag);
    QString ownerFilter() const { return m_ownerFilter; }
    void setOwnerFilter(const QString &owner);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    QString selectedId() const { return m_selectedId; }
    void selectNode(const QString &id);
    QString pathTargetId() const { return m_pathTargetId; }
    void setPathTarget(const QString &id);
    QVariantMap selected() const;
    int nodeCount() const { return m_scene ? int(m_scene->nodes.size()) : 0; }
    int edgeCount() const { return m_scene ? int(m_scene->edges.size()) : 0; }
    int totalNodes() const { return int(graph().nodes.size()); }
    QStringList domains() const { return m_domains; }
    QStringList kinds() const { return m_kinds; }
    QStringList tags() const { return m_tags; }
    QStringList owners() const { return m_owners; }
    QString message() const { return m_message; }
    bool busy() const { return m_busy; }
    bool threaded() const { return m_threaded; }
    void setThreaded(bool on);

    LineageScenePtr scene() const { return m_scene; }
    /// True once after the start node or level changed: the canvas fits the new picture to the view.
    bool takeFitRequest();

    /// Shows the lineage around `id` (1 hop up and down unless the depth was changed), resetting
    /// expansions and selection. The level follows the id: a product opens at product level.
    Q_INVOKABLE void openNode(const QString &id);
    /// A good node to start from when nothing was asked for: the dataset with the most edges. Reads the
    /// whole graph on the calling thread; the view uses openSuggested().
    Q_INVOKABLE QString suggestedStart();
    /// Opens the suggested start node (as openNode(suggestedStart())), but picks it on the worker thread
    /// together with loading and laying out, so the GUI thread never reads the whole graph; rootId is
    /// set when the picture arrives.
    Q_INVOKABLE void openSuggested();
    /// Reads the cache again (after a sync) and rebuilds the picture, keeping the state.
    Q_INVOKABLE void reload();
    /// The cache was written (a sync finished): the next layout reads the graph again, also when the
    /// root and level stay the same (a dataset asked for before the first sync must not stay empty).
    Q_INVOKABLE void forgetGraph() { m_graphLoaded = false; }
    /// Selects `id` and shows its whole upstream and downstream (whatever the depth), everything else
    /// dimmed: clicking a column at column level traces it.
    Q_INVOKABLE void traceNode(const QString &id);
    Q_INVOKABLE void expandUpstream(const QString &id);
    Q_INVOKABLE void expandDownstream(const QString &id);
    Q_INVOKABLE void collapseUpstream(const QString &id);
    Q_INVOKABLE void collapseDownstream(const QString &id);
    Q_INVOKABLE void showFullUpstream() { setUp(-1); }
    Q_INVOKABLE void showFullDownstream() { setDown(-1); }
    /// The first shown node whose label or id contains `text` (case-insensitive), after `after`.
    Q_INVOKABLE QString findNode(const QString &text, const QString &after = {}) const;
    /// How many shown nodes match `text` (the find bar says "3 matches", or that there are none).
    Q_INVOKABLE int countMatches(const QString &text) const;
    /// The hover text of a drawn node: its name and what it is, its badges in words, and what its "+N"
    /// pills mean (neighbours not shown) and how to show them.
    Q_INVOKABLE QString nodeHint(const QString &id) const;
    /// Keyboard navigation: the node next to `id` in `direction` ("upstream", "downstream", "above",
    /// "below"), empty when there is none; the first node when `id` is not shown.
    Q_INVOKABLE QString neighbourOf(const QString &id, const QString &direction) const;
    /// Writes everything downstream of the selected node (or the start node) as CSV; false on failure.
    Q_INVOKABLE bool exportImpactedCsv(const QString &path) const;
    /// That CSV (meshscope::exporting::impactedCsv, as `meshscope export` writes it); empty with no node.
    QString impactedCsv() const;
    /// How many nodes that CSV lists (0: nothing is downstream; the export says so instead of writing a header).
    int impactedTotal() const;
    /// The label of the node the CSV starts from (the selected node, else the start node).
    QString impactedFromLabel() const;
    /// A file URL or path from a dialog as a local path.
    Q_INVOKABLE static QString localPath(const QVariant &urlOrPath);

Q_SIGNALS:
    void cachePathChanged();
    void rootChanged();
    void darkChanged();
    void selectionChanged();
    void sceneChanged();
    void busyChanged();
    void threadedChanged();

private:
    /// Starts a layout job for the current state (on the worker unless not threaded); only the newest
    /// job's result is shown.
    void relayout(bool suggestRoot = false);
    void applyLayout(LineageLayoutOutput &&out);
    /// Forgets expansions, filters and selection for a new start node.
    void resetForNewRoot();
    void setBusy(bool busy);
    const meshscope::lineage::LineageGraph &graph() const;
    const std::vector<meshscope::lineage::NodeBadges> &badges() const;
    void restyle();
    std::vector<int> seedIndices() const;
    std::vector<int> impactedSeeds() const;

    QString m_cachePath;
    QString m_rootId;
    meshscope::lineage::Level m_level = meshscope::lineage::Level::Dataset;
    int m_up = 1;
    int m_down = 1;
    bool m_groupByDomain = true;
    QString m_domainFilter;
    QString m_kindFilter;
    QString m_tagFilter;
    QString m_ownerFilter;
    bool m_dark = false;
    QString m_selectedId;
    QString m_pathTargetId;
    QSet<QString> m_expandedUp, m_expandedDown, m_collapsedUp, m_collapsedDown;

    bool m_graphLoaded = false;
    std::shared_ptr<const LineageGraphData> m_data;
    bool m_threaded = true;
    bool m_busy = false;
    quint64 m_jobGeneration = 0;
    QThreadPool m_pool; ///< one worker: jobs run in order and never in parallel

    // The current layout, restyled without moving on selection changes.
    std::vector<int> m_shown;                ///< graph indices
    std::vector<std::pair<int, int>> m_edges; ///< graph indices
    std::vector<meshscope::lineage::NeighbourCounts> m_counts;
    meshscope::layout::LayoutResult m_layout;
    QHash<QString, meshscope::layout::Point> m_previous;

    LineageScenePtr m_scene;
    quint64 m_revision = 0;
    bool m_fitRequest = true;
    QStringList m_domains;
    QStringList m_kinds;
    QStringList m_tags;
    QStringList m_owners;
    QString m_message;
};
