#include "councilcontroller.h"

#include "appcontroller.h"
#include "appsettings.h"
#include "cache/cachefile.h"
#include "council/councilvote.h"
#include "council/minutes.h"
#include "review/reviewsigning.h"
#include "io/safepath.h"
#include "minutespdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSet>
#include <QStandardPaths>
#include <QThreadPool>

using namespace meshscope;
using namespace meshscope::council;

namespace {
const QString kDefaultTitle = defaultMeetingTitle();
}

CouncilController::CouncilController(QObject *parent)
    : QObject(parent)
{
    connect(this, &CouncilController::currentChanged, this, &CouncilController::currentItemChanged);
    connect(this, &CouncilController::meetingChanged, this, &CouncilController::currentItemChanged);
    m_meeting = startMeeting(kDefaultTitle, QDateTime::currentDateTimeUtc(), {});
    m_agenda.setMeeting(&m_meeting);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        ++m_itemSeconds;
        Q_EMIT itemSecondsChanged();
    });
    if (auto *app = AppController::instance())
        connect(app, &AppController::syncFinished, this, &CouncilController::reload);
    reload();
}

CouncilController::~CouncilController()
{
    m_pool.waitForDone();
}

QString CouncilController::meetingsFolder(const QStringList &sources)
{
    return council::meetingsFolder(sources, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

void CouncilController::reload()
{
    auto *app = AppController::instance();
    if (!app)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT loadingChanged();
    const QString cachePath = app->cachePath();
    QPointer<CouncilController> self(this);
    // Proposals are diffed against their active versions: off the GUI thread, on its own connection.
    m_pool.start([self, generation, cachePath] {
        std::vector<AgendaItem> items;
        try {
            if (QFileInfo::exists(cachePath)) {
                sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
                const AgendaContext context{QDateTime::currentDateTimeUtc(), {}};
                items = AgendaBuilder::withDefaultProviders().build(db, context);
            }
        } catch (const std::exception &e) {
            qWarning("council agenda: %s", e.what());
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, generation, items = std::move(items)]() mutable {
                if (self)
                    self->agendaBuilt(generation, std::move(items));
            },
            Qt::QueuedConnection);
    });
}

void CouncilController::agendaBuilt(quint64 generation, std::vector<AgendaItem> items)
{
    if (generation != m_generation)
        return;
    const QString folder = meetingsFolder(AppController::instance() ? AppController::instance()->sources()
                                                                   : QStringList());
    const bool unsavedInMemory = !m_meeting.decisions.empty() || !m_meeting.attendees.isEmpty();
    QString file, error;
    Meeting fresh = todaysMeeting(folder, m_meeting.title, QDateTime::currentDateTimeUtc(), std::move(items), &file, &error);
    if (!error.isEmpty())
        setMessage(error); // keep the broken file; it is not overwritten until the user changes something
    else if (!QFileInfo::exists(file) && unsavedInMemory) {
        // An unsaved meeting in memory (no folder yet): keep it, with the new items.
        QSet<QString> known;
        for (const AgendaItem &item : m_meeting.agenda)
            known.insert(item.key);
        for (AgendaItem &item : fresh.agenda) {
            if (!known.contains(item.key))
                m_meeting.agenda.push_back(std::move(item));
        }
        fresh = std::move(m_meeting);
    }
    m_meeting = std::move(fresh);
    m_meetingFile = file;
    m_agenda.setMeeting(&m_meeting);
    m_current = std::clamp(m_current, 0, std::max(0, m_agenda.rowCount() - 1));
    m_loading = false;
    Q_EMIT loadingChanged();
    Q_EMIT meetingChanged();
    Q_EMIT currentChanged();
}

void CouncilController::changed()
{
    Q_EMIT meetingChanged();
    if (m_meetingFile.isEmpty())
        return;
    // <root>/council/meetings: the folders must not lead out of the mesh (a planted `council` link).
    QString error;
    const QString root = QDir::cleanPath(QFileInfo(m_meetingFile).absolutePath() + QStringLiteral("/../.."));
    if (!io::makeFoldersInside(root, QStringLiteral("council/meetings"), &error) || !saveMeeting(m_meeting, m_meetingFile, &error))
        setMessage(tr("Could not save the meeting: %1").arg(error));
}

void CouncilController::setMessage(const QString &message)
{
    m_message = message;
    Q_EMIT messageChanged();
}

void CouncilController::setTitle(const QString &title)
{
    if (title == m_meeting.title)
        return;
    m_meeting.title = title;
    changed();
}

void CouncilController::setNotes(const QString &notes)
{
    if (notes == m_meeting.notes)
        return;
    m_meeting.notes = notes;
    changed();
}

QVariantList CouncilController::actions() const
{
    QVariantList list;
    for (const ActionItem &a : m_meeting.actions) {
        list.append(QVariantMap{{QStringLiteral("item"), a.itemKey},
                                {QStringLiteral("text"), a.text},
                                {QStringLiteral("owner"), a.owner},
                                {QStringLiteral("due"), a.due.toString(Qt::ISODate)}});
    }
    return list;
}

QString CouncilController::minutesFileName() const
{
    const QDate day = m_meeting.started.isValid() ? m_meeting.started.toLocalTime().date() : QDate::currentDate();
    return QStringLiteral("council-minutes-%1.pdf").arg(day.toString(Qt::ISODate));
}

void CouncilController::setCurrent(int row)
{
    row = std::clamp(row, 0, std::max(0, m_agenda.rowCount() - 1));
    if (row == m_current)
        return;
    m_current = row;
    m_itemSeconds = 0;
    Q_EMIT currentChanged();
    Q_EMIT itemSecondsChanged();
}

QVariantMap CouncilController::currentItem() const
{
    QVariantMap item;
    if (m_current < 0 || m_current >= m_agenda.rowCount())
        return item;
    const QModelIndex index = m_agenda.index(m_current);
    const QHash<int, QByteArray> roles = m_agenda.roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        item.insert(QString::fromLatin1(it.value()), m_agenda.data(index, it.key()));
    return item;
}

void CouncilController::setPresenting(bool presenting)
{
    if (presenting == m_presenting)
        return;
    m_presenting = presenting;
    m_itemSeconds = 0;
    if (presenting)
        m_clock.start();
    else
        m_clock.stop();
    Q_EMIT presentingChanged();
    Q_EMIT itemSecondsChanged();
}

bool CouncilController::moveItem(int from, int to)
{
    if (!m_agenda.moveItem(from, to))
        return false;
    if (m_current == from)
        setCurrent(to);
    changed();
    return true;
}

bool CouncilController::setMinutes(int row, int minutes)
{
    if (!m_agenda.setMinutes(row, minutes))
        return false;
    changed();
    return true;
}

bool CouncilController::decide(int row, const QString &outcome, const QString &note)
{
    const auto o = outcomeFromId(outcome);
    if (!o || row < 0 || row >= m_agenda.rowCount())
        return false;
    const Decision decision{m_meeting.agenda[size_t(row)].key, *o, note.trimmed(), QDateTime::currentDateTimeUtc()};
    m_meeting.decide(decision);
    m_agenda.decisionChanged(row);
    changed();
    castVote(m_meeting.agenda[size_t(row)], decision);
    return true;
}

void CouncilController::castVote(const AgendaItem &item, const Decision &decision)
{
    auto *app = AppController::instance();
    if (item.kind != AgendaKind::Proposal || !voteKindOf(decision.outcome) || !app)
        return;
    QString root;
    for (const QString &source : app->sources()) {
        if (QFileInfo(source).isDir()) {
            root = source;
            break;
        }
    }
    if (root.isEmpty()) {
        setMessage(tr("The decision is kept in the minutes only: the mesh is not a folder, so its reviews cannot "
                      "be written."));
        return;
    }
    AppSettings *settings = AppSettings::instance();
    const review::Identity chair{settings ? settings->identityEmail() : QString(),
                                 settings ? settings->identityName() : QString()};
    if (chair.email.isEmpty()) {
        setMessage(tr("The decision is kept in the minutes only: set your e-mail in Settings → Identity, so that "
                      "the council's vote in the review names who chaired it."));
        return;
    }
    const QString signingKey = review::configuredSigningKey(root, settings->signingKey());
    const QString cachePath = app->cachePath();
    const QString title = m_meeting.title;
    QPointer<CouncilController> self(this);
    // Signing runs ssh-keygen and an approval may write contracts back: not on the GUI thread.
    m_pool.start([=] {
        CouncilVote vote;
        try {
            sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
            vote = recordCouncilVote(root, item, decision, title, chair, signingKey, db);
        } catch (const std::exception &e) {
            vote = {false, tr("Not recorded in the review: %1").arg(QString::fromUtf8(e.what()))};
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, vote] {
                if (!self)
                    return;
                if (!vote.message.isEmpty())
                    self->setMessage(vote.message);
                Q_EMIT self->voteFinished(vote.recorded);
            },
            Qt::QueuedConnection);
    });
}

bool CouncilController::addAction(int row, const QString &text, const QString &owner, const QString &dueIso)
{
    if (text.trimmed().isEmpty())
        return false;
    const std::optional<QDate> due = parseDueDate(dueIso, QDate::currentDate());
    if (!due) {
        setMessage(tr("'%1' is not a due date: write a date (2026-12-14), 'tomorrow', 'next week', 'in 3 days' or a "
                      "weekday. The action was not added yet.").arg(dueIso.trimmed()));
        return false;
    }
    const QString key = row >= 0 && row < m_agenda.rowCount() ? m_meeting.agenda[size_t(row)].key : QString();
    m_meeting.actions.push_back({key, text.trimmed(), owner.trimmed(), *due});
    changed();
    return true;
}

void CouncilController::removeAction(int index)
{
    if (index < 0 || index >= int(m_meeting.actions.size()))
        return;
    m_meeting.actions.erase(m_meeting.actions.begin() + index);
    changed();
}

void CouncilController::addAttendee(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || m_meeting.attendees.contains(trimmed))
        return;
    m_meeting.attendees.append(trimmed);
    changed();
}

void CouncilController::removeAttendee(int index)
{
    if (index < 0 || index >= m_meeting.attendees.size())
        return;
    m_meeting.attendees.removeAt(index);
    changed();
}

void CouncilController::next()
{
    setCurrent(m_current + 1);
}

void CouncilController::previous()
{
    setCurrent(m_current - 1);
}

QString CouncilController::minutesMarkdown() const
{
    return council::minutesMarkdown(m_meeting);
}

bool CouncilController::exportMinutes(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString error;
    bool ok = false;
    if (suffix == u"pdf") {
        ok = writeMinutesPdf(minutesMarkdown(), path, &error);
    } else if (suffix == u"md" || suffix == u"markdown") {
        QFile out(path);
        ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(minutesMarkdown().toUtf8()) >= 0;
        if (!ok)
            error = out.errorString();
    } else {
        error = tr("choose a .md or .pdf file name");
    }
    setMessage(ok ? tr("Minutes written to %1").arg(path) : tr("Could not write %1: %2").arg(path, error));
    return ok;
}
