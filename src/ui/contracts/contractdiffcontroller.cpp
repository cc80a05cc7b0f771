#include "contracts/contractdiffcontroller.h"

#include "cache/cachefile.h"
#include "contracts/cachedcontract.h"

#include <algorithm>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

using namespace meshscope;
using namespace meshscope::diff;

ContractDiffController::ContractDiffController(QObject *parent) : QObject(parent) {}

ContractDiffController::~ContractDiffController() = default;

QString ContractDiffController::contractName() const
{
    for (const CachedVersion &v : m_contracts.versionsOf(m_contractId)) {
        if (v.version == m_newVersion && !v.name.isEmpty())
            return v.name;
    }
    return m_contractId;
}

QStringList ContractDiffController::versions() const
{
    QStringList out;
    for (const CachedVersion &v : m_contracts.versionsOf(m_contractId))
        out << v.version;
    return out;
}

QStringList ContractDiffController::statuses() const
{
    QStringList out;
    for (const CachedVersion &v : m_contracts.versionsOf(m_contractId))
        out << v.status;
    return out;
}

QStringList ContractDiffController::versionLabels() const
{
    QStringList out;
    for (const CachedVersion &v : m_contracts.versionsOf(m_contractId))
        out << (v.status.isEmpty() ? v.version : v.version + QStringLiteral("  (") + v.status + u')');
    return out;
}

int ContractDiffController::breaking() const
{
    return m_diff ? m_diff->report.diff.summary().breaking : 0;
}

bool ContractDiffController::versionOk() const
{
    return m_diff && m_diff->report.version.ok;
}

QString ContractDiffController::lineSummary() const
{
    if (!m_diff)
        return {};
    const LineDiff &l = m_diff->lines;
    if (l.oldLines.isEmpty() && l.newLines.isEmpty())
        return tr("the cache did not keep the documents' text");
    return tr("+%1 −%2 lines in %3 blocks").arg(l.addedLines).arg(l.removedLines).arg(l.blockStarts.size());
}

QString ContractDiffController::oldSource() const
{
    return m_diff ? m_diff->oldDoc.source : QString();
}

QString ContractDiffController::newSource() const
{
    return m_diff ? m_diff->newDoc.source : QString();
}

int ContractDiffController::oldFirst() const
{
    const ChangeLocation *at = m_changes.locationAt(m_currentChange);
    return at && at->oldLines.exact ? at->oldLines.first : -1;
}

int ContractDiffController::oldLast() const
{
    const ChangeLocation *at = m_changes.locationAt(m_currentChange);
    return at && at->oldLines.exact ? at->oldLines.last : -1;
}

int ContractDiffController::newFirst() const
{
    const ChangeLocation *at = m_changes.locationAt(m_currentChange);
    return at && at->newLines.exact ? at->newLines.first : -1;
}

int ContractDiffController::newLast() const
{
    const ChangeLocation *at = m_changes.locationAt(m_currentChange);
    return at && at->newLines.exact ? at->newLines.last : -1;
}

void ContractDiffController::reload(const QString &cachePath)
{
    m_cachePath = cachePath;
    m_contracts.reload(cachePath);
    const bool asked = !m_wanted.isEmpty(); // an explicit ref beats the pair shown before the sync
    QString ref = m_wanted;
    if (ref.isEmpty() && !m_contractId.isEmpty() && m_contracts.indexOf(m_contractId) >= 0)
        ref = m_contractId; // a sync: keep showing the same contract
    if (ref.isEmpty())
        ref = m_contracts.firstProposal();
    if (!ref.isEmpty()) {
        const QString keepOld = m_oldVersion, keepNew = m_newVersion, keepId = m_contractId;
        open(ref);
        // The pair shown before, unless it was a one-version contract shown as such by open() (comparing
        // it with itself turned "has one version" into "0 breaking … needs 1.2.2" after every sync).
        if (!asked && keepId == m_contractId && !keepOld.isEmpty() && keepOld != keepNew
            && versions().contains(keepOld) && versions().contains(keepNew))
            compare(keepOld, keepNew);
    }
}

void ContractDiffController::open(const QString &ref)
{
    if (!m_focusObject.isEmpty()) {
        m_focusObject.clear();
        updateFocus();
    }
    const ContractRef parsed = parseContractRef(ref);
    const std::vector<CachedVersion> versions = m_contracts.versionsOf(parsed.id);
    if (versions.empty()) {
        // Not (yet) in the list: remember it, reload() shows it once a sync brings it.
        m_wanted = ref;
        if (m_contracts.totalCount() > 0) {
            m_contractId = parsed.id;
            m_oldVersion.clear();
            m_newVersion.clear();
            m_diff.reset();
            m_changes.setDiff(nullptr);
            m_lines.setDiff(nullptr);
            m_message = tr("%1 is not in the cache").arg(parsed.id);
            m_singleText.clear();
            Q_EMIT selectionChanged();
            Q_EMIT diffChanged();
        }
        return;
    }
    m_wanted.clear();
    // A version the cache does not have yet (a proposal the editor just wrote, before the sync has read
    // it): show what there is and remember the ref, so reload() compares that version after the sync.
    if (!parsed.version.isEmpty()
        && std::none_of(versions.begin(), versions.end(),
                        [&parsed](const CachedVersion &v) { return v.version == parsed.version; }))
        m_wanted = ref;
    m_contractId = parsed.id;
    const VersionPair pair = defaultPair(versions, parsed.version);
    if (pair.newVersion.isEmpty()) {
        m_oldVersion = m_newVersion = versions.back().version;
        m_work.cancel(); // a diff still being computed is of another contract now
        m_diff.reset();
        m_changes.setDiff(nullptr);
        m_lines.setDiff(nullptr);
        m_message = tr("%1 has one version in the cache (%2): nothing to compare yet. Edit (Ctrl+E) proposes the next one.")
                        .arg(m_contractId, versions.back().version);
        m_summary.clear();
        m_impact.clear();
        m_singleText.clear();
        m_currentChange = -1;
        Q_EMIT selectionChanged();
        Q_EMIT diffChanged();
        Q_EMIT currentChangeChanged();
        loadSingleText();
        return;
    }
    compare(pair.oldVersion, pair.newVersion);
}

void ContractDiffController::loadSingleText()
{
    const QString path = m_cachePath, id = m_contractId, version = m_newVersion;
    m_work.start([this, path, id, version](const OffGuiThread::Job &job) {
        QString text;
        try {
            sql::Connection db = cache::openCache(path, /*readOnly=*/true);
            if (const auto doc = loadCachedDocument(db, {id, version}))
                text = doc->text;
        } catch (const sql::SqlError &e) {
            text = e.message();
        }
        job.deliver([this, text] {
            m_singleText = text;
            Q_EMIT diffChanged();
        });
    });
}

void ContractDiffController::compare(const QString &oldVersion, const QString &newVersion)
{
    m_oldVersion = oldVersion;
    m_newVersion = newVersion;
    Q_EMIT selectionChanged();
    start();
}

void ContractDiffController::start()
{
    const QString path = m_cachePath, id = m_contractId, oldVersion = m_oldVersion, newVersion = m_newVersion;
    m_work.start([this, path, id, oldVersion, newVersion](const OffGuiThread::Job &job) {
        std::shared_ptr<VersionDiff> diff;
        QString error;
        try {
            sql::Connection db = cache::openCache(path, /*readOnly=*/true);
            diff = std::make_shared<VersionDiff>(compareCachedVersions(db, id, oldVersion, newVersion));
            if (!diff->error.isEmpty()) {
                error = diff->error;
                diff.reset();
            }
        } catch (const sql::SqlError &e) {
            error = e.message();
        }
        job.deliver([this, diff, error] { apply(diff, error); });
    });
}

QString ContractDiffController::summaryOf(const VersionDiff &diff)
{
    // Both pickers on one version: say so rather than "0 breaking … needs 1.2.2, new version says 1.2.2".
    if (diff.oldDoc.contract.version == diff.newDoc.contract.version && diff.report.diff.changes.empty())
        return tr("Version %1 on both sides: nothing to compare").arg(diff.newDoc.contract.version);
    const DiffSummary s = diff.report.diff.summary();
    QString text = tr("%1 breaking, %2 non-breaking, %3 info").arg(s.breaking).arg(s.nonBreaking).arg(s.info);
    const VersionCheck &v = diff.report.version;
    if (!v.required.isEmpty()) {
        const QString says = isProposalStatus(diff.newStatus) ? tr("proposal says %1") : tr("new version says %1");
        text += QStringLiteral(" — ") + tr("needs %1").arg(v.required) + QStringLiteral(", ")
                + says.arg(diff.newDoc.contract.version);
    }
    return text;
}

void ContractDiffController::apply(std::shared_ptr<const VersionDiff> diff, const QString &error)
{
    {
        m_singleText.clear();
        m_diff = diff;
        m_message = error;
        m_summary = diff ? summaryOf(*diff) : QString();
        m_impact.clear();
        if (diff && !diff->report.impact.empty())
            m_impact = summarizeImpact(diff->report.impact).text;
        m_maxLineLength = 0;
        if (diff) {
            for (const QStringList *lines : {&diff->lines.oldLines, &diff->lines.newLines}) {
                for (const QString &line : *lines)
                    m_maxLineLength = std::max(m_maxLineLength, int(line.size()));
            }
        }
        m_changes.setDiff(diff);
        m_lines.setDiff(diff ? std::shared_ptr<const LineDiff>(diff, &diff->lines) : nullptr);
        // Open on the first (most severe) change, so its lines are in view without a click.
        m_currentChange = m_changes.rowCount() > 0 ? 0 : -1;
        updateFocus(); // before currentChangeChanged: the line view scrolls to the object, not the change
        Q_EMIT diffChanged();
        Q_EMIT currentChangeChanged();
    }
}

void ContractDiffController::showObject(const QString &object)
{
    m_focusObject = object;
    updateFocus();
    if (m_focusRow >= 0)
        Q_EMIT currentChangeChanged(); // the line view scrolls on this signal
}

void ContractDiffController::updateFocus()
{
    m_focusRow = -1;
    m_focusNote.clear();
    if (!m_focusObject.isEmpty()) {
        const SchemaObject *found = nullptr;
        if (m_diff && m_diff->error.isEmpty()) {
            for (const SchemaObject &o : m_diff->newDoc.contract.schema) {
                if (o.name == m_focusObject) {
                    found = &o;
                    break;
                }
            }
        }
        if (found && found->line > 0) {
            m_focusRow = m_diff->lines.rowFor(-1, found->line - 1);
            m_focusNote = tr("Table %1: line %2 of version %3").arg(m_focusObject).arg(found->line).arg(m_newVersion);
        } else if (m_diff && m_diff->error.isEmpty()) {
            m_focusNote = tr("Table %1 is not in version %2").arg(m_focusObject, m_newVersion);
        } else {
            m_focusNote = tr("Table %1 of %2").arg(m_focusObject, m_contractId);
        }
    }
    Q_EMIT focusChanged();
}

void ContractDiffController::selectChange(int row)
{
    if (row < -1 || row >= m_changes.rowCount())
        return;
    if (row == m_currentChange && m_focusRow < 0)
        return;
    if (m_focusRow >= 0) {
        m_focusRow = -1; // a change chosen by the user is shown from now on
        Q_EMIT focusChanged();
    }
    m_currentChange = row;
    Q_EMIT currentChangeChanged();
}

void ContractDiffController::nextChange()
{
    if (m_changes.rowCount() > 0)
        selectChange(std::min(m_currentChange + 1, m_changes.rowCount() - 1));
}

void ContractDiffController::previousChange()
{
    if (m_changes.rowCount() > 0)
        selectChange(std::max(m_currentChange - 1, 0));
}

bool ContractDiffController::waitForIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_work.busy() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return !m_work.busy();
}
