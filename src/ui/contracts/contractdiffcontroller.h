#pragma once

#include "contracts/changelistmodel.h"
#include "contracts/contractlistmodel.h"
#include "contracts/linediffmodel.h"
#include "offguithread.h"

#include <QObject>

#include <functional>
#include <QQmlEngine>

#include <memory>

class QThread;

/// @brief The Contracts area's state: the contract list, the two versions compared, and their diff
/// (summary, semantic changes, line diff, the change selected). Diffs are computed on a worker thread
/// with its own cache connection; an answer to an older request than the newest is dropped.
class ContractDiffController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ContractListModel *contracts READ contracts CONSTANT)
    Q_PROPERTY(ChangeListModel *changes READ changes CONSTANT)
    Q_PROPERTY(LineDiffModel *lines READ lines CONSTANT)
    Q_PROPERTY(QString contractId READ contractId NOTIFY selectionChanged)
    Q_PROPERTY(QString contractName READ contractName NOTIFY selectionChanged)
    /// Versions of the selected contract, oldest first, and their status, parallel.
    Q_PROPERTY(QStringList versions READ versions NOTIFY selectionChanged)
    Q_PROPERTY(QStringList statuses READ statuses NOTIFY selectionChanged)
    /// "1.3.0  (active)" for the version pickers, parallel to versions.
    Q_PROPERTY(QStringList versionLabels READ versionLabels NOTIFY selectionChanged)
    Q_PROPERTY(QString oldVersion READ oldVersion NOTIFY selectionChanged)
    Q_PROPERTY(QString newVersion READ newVersion NOTIFY selectionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// Why there is nothing to compare, or what failed ("" when a diff is shown).
    Q_PROPERTY(QString message READ message NOTIFY diffChanged)
    /// The document of a contract with a single version (nothing to compare): shown to be read.
    Q_PROPERTY(QString singleText READ singleText NOTIFY diffChanged)
    Q_PROPERTY(bool hasDiff READ hasDiff NOTIFY diffChanged)
    /// "3 breaking, 1 non-breaking, 4 info — needs 2.0.0, proposal says 2.0.0"
    Q_PROPERTY(QString summary READ summary NOTIFY diffChanged)
    Q_PROPERTY(int breaking READ breaking NOTIFY diffChanged)
    Q_PROPERTY(bool versionOk READ versionOk NOTIFY diffChanged)
    /// "breaks 10 products in 6 domains: ..." over all breaking changes
    Q_PROPERTY(QString impact READ impact NOTIFY diffChanged)
    /// "+6 −6 lines in 7 blocks"
    Q_PROPERTY(QString lineSummary READ lineSummary NOTIFY diffChanged)
    /// Characters in the longest line of either text (the line diff's horizontal extent).
    Q_PROPERTY(int maxLineLength READ maxLineLength NOTIFY diffChanged)
    Q_PROPERTY(QString oldSource READ oldSource NOTIFY diffChanged)
    Q_PROPERTY(QString newSource READ newSource NOTIFY diffChanged)
    /// Selected change (row of `changes`), -1 for none; its lines on both sides (0-based, -1 for none).
    Q_PROPERTY(int currentChange READ currentChange WRITE selectChange NOTIFY currentChangeChanged)
    Q_PROPERTY(int oldFirst READ oldFirst NOTIFY currentChangeChanged)
    Q_PROPERTY(int oldLast READ oldLast NOTIFY currentChangeChanged)
    Q_PROPERTY(int newFirst READ newFirst NOTIFY currentChangeChanged)
    Q_PROPERTY(int newLast READ newLast NOTIFY currentChangeChanged)
    /// A schema object asked for (a table search hit, showObject()), "" for none; the line diff row of its
    /// definition in the new version (-1 when no diff is shown or that version lacks it); and a line
    /// saying where it is or why it cannot be shown.
    Q_PROPERTY(QString focusObject READ focusObject NOTIFY focusChanged)
    Q_PROPERTY(int focusRow READ focusRow NOTIFY focusChanged)
    Q_PROPERTY(QString focusNote READ focusNote NOTIFY focusChanged)

public:
    explicit ContractDiffController(QObject *parent = nullptr);
    ~ContractDiffController() override;

    ContractListModel *contracts() { return &m_contracts; }
    ChangeListModel *changes() { return &m_changes; }
    LineDiffModel *lines() { return &m_lines; }
    QString contractId() const { return m_contractId; }
    QString contractName() const;
    QStringList versions() const;
    QStringList statuses() const;
    QStringList versionLabels() const;
    /// Index of `version` in versions, -1 when absent.
    Q_INVOKABLE int versionIndex(const QString &version) const { return int(versions().indexOf(version)); }
    QString oldVersion() const { return m_oldVersion; }
    QString newVersion() const { return m_newVersion; }
    bool loading() const { return m_work.busy(); }
    QString message() const { return m_message; }
    QString singleText() const { return m_singleText; }
    bool hasDiff() const { return m_diff != nullptr; }
    QString summary() const { return m_summary; }
    int breaking() const;
    bool versionOk() const;
    QString impact() const { return m_impact; }
    QString lineSummary() const;
    int maxLineLength() const { return m_maxLineLength; }
    QString oldSource() const;
    QString newSource() const;
    int currentChange() const { return m_currentChange; }
    int oldFirst() const;
    int oldLast() const;
    int newFirst() const;
    int newLast() const;
    QString focusObject() const { return m_focusObject; }
    int focusRow() const { return m_focusRow; }
    QString focusNote() const { return m_focusNote; }

    /// Reads the contract list from the cache and shows the contract asked for last (else the first
    /// proposal). Call on start and after every sync.
    Q_INVOKABLE void reload(const QString &cachePath);
    /// Shows `ref` ("id" or "id@version") with its default pair of versions (see diff::defaultPair).
    Q_INVOKABLE void open(const QString &ref);
    /// Compares two versions of the selected contract.
    Q_INVOKABLE void compare(const QString &oldVersion, const QString &newVersion);
    Q_INVOKABLE void selectChange(int row);
    /// Brings schema object `object` of the open contract into view (now, or once its diff is there);
    /// opening another contract or selecting a change lets it go.
    Q_INVOKABLE void showObject(const QString &object);
    Q_INVOKABLE void nextChange();
    Q_INVOKABLE void previousChange();
    /// The line diff row to bring into view for the selected change, -1 for none.
    Q_INVOKABLE int currentDiffRow() const { return m_changes.diffRowAt(m_currentChange); }
    /// Waits for the diff in progress (tests).
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    void selectionChanged();
    void loadingChanged();
    void diffChanged();
    void currentChangeChanged();
    void focusChanged();

private:
    void start();
    void loadSingleText(); ///< the one version's document, off the GUI thread
    void apply(std::shared_ptr<const meshscope::diff::VersionDiff> diff, const QString &error);
    static QString summaryOf(const meshscope::diff::VersionDiff &diff);
    /// Recomputes focusRow and focusNote for the diff shown; emits focusChanged.
    void updateFocus();

    ContractListModel m_contracts;
    ChangeListModel m_changes;
    LineDiffModel m_lines;
    QString m_cachePath;
    QString m_wanted; ///< what open() asked for, kept until the list has it (startup --select)
    QString m_contractId;
    QString m_oldVersion;
    QString m_newVersion;
    std::shared_ptr<const meshscope::diff::VersionDiff> m_diff;
    QString m_message;
    QString m_singleText;
    QString m_summary;
    QString m_impact;
    int m_currentChange = -1;
    QString m_focusObject;
    int m_focusRow = -1;
    QString m_focusNote;
    int m_maxLineLength = 0;
    /// Declared last: destroyed first, it waits for work in flight before the members it delivers to go.
    OffGuiThread m_work{this, [this] { Q_EMIT loadingChanged(); }};
};
