#include "guithreadguard.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <csignal>

Q_LOGGING_CATEGORY(lcGuiThreadSql, "meshscope.cache.guithread")

namespace meshscope::sql {

namespace {

std::atomic<QThread *> g_guarded{nullptr};
thread_local int t_allowed = 0;
thread_local const char *t_where = nullptr;
QMutex g_mutex;
QStringList g_unexpected;

} // namespace

void guardThisThreadAgainstCacheOpens(bool on)
{
    g_guarded = on ? QThread::currentThread() : nullptr;
}

QStringList unexpectedGuiThreadOpens()
{
    QMutexLocker lock(&g_mutex);
    return g_unexpected;
}

void clearUnexpectedGuiThreadOpens()
{
    QMutexLocker lock(&g_mutex);
    g_unexpected.clear();
}

GuiThreadRead::GuiThreadRead(const char *where)
{
    ++t_allowed;
    t_where = where;
}

GuiThreadRead::~GuiThreadRead()
{
    if (--t_allowed == 0)
        t_where = nullptr;
}

void noteCacheOpen(const QString &path)
{
    if (g_guarded.load() != QThread::currentThread())
        return;
    if (t_allowed > 0) {
        qCDebug(lcGuiThreadSql) << "known GUI-thread read:" << t_where << path;
        return;
    }
    qCWarning(lcGuiThreadSql) << "the cache was opened on the GUI thread:" << path;
    {
        QMutexLocker lock(&g_mutex);
        g_unexpected << path;
    }
    // Finding the callers: with MESHSCOPE_SIGNAL_GUI_THREAD_SQL=1, under gdb with `handle SIGUSR2 stop nopass`,
    // every such open stops here for a backtrace (without a debugger the signal ends the process).
    if (qEnvironmentVariableIntValue("MESHSCOPE_SIGNAL_GUI_THREAD_SQL") == 1)
        std::raise(SIGUSR2);
}

} // namespace meshscope::sql
