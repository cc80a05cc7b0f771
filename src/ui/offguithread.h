#pragma once

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

/// @brief The one way a view model works off the GUI thread (issue 19): the newest request wins, work in
/// flight can be told to stop, and the destructor waits for it, so nothing uses SQLite or the view model
/// after the view model is gone.
///
/// A request runs `work(job)` on a worker thread of its own pool (one thread: requests run in order, never
/// two at once). The work hands results to the GUI thread with job.deliver(fn): fn runs on the receiver's
/// thread unless a newer request has started by then (or cancel()), so a slow old answer never overwrites
/// a newer one. job.cancelled() says the work may stop early. Imitates searchworker.h's rule (a worker
/// object) in a form every controller can hold as a member.
class OffGuiThread {
public:
    class Job {
    public:
        /// A newer request has started, cancel() was called or the owner is going: stop when convenient.
        bool cancelled() const { return m_cancel->load(); }
        /// Runs `fn` on the receiver's thread, unless this request is no longer the newest by then.
        void deliver(std::function<void()> fn) const;

    private:
        friend class OffGuiThread;
        OffGuiThread *m_owner = nullptr;
        quint64 m_generation = 0;
        std::shared_ptr<std::atomic_bool> m_cancel;
    };

    /// Results are delivered on `receiver`'s thread; `busyChanged` (optional) is called there whenever
    /// busy() changes.
    explicit OffGuiThread(QObject *receiver, std::function<void()> busyChanged = {});
    ~OffGuiThread();
    OffGuiThread(const OffGuiThread &) = delete;
    OffGuiThread &operator=(const OffGuiThread &) = delete;

    /// Starts a request; the one before it (if still running) is told to stop and its results are dropped.
    void start(std::function<void(const Job &)> work);
    /// Drops the results of every request started so far and tells running work to stop.
    void cancel();
    /// Whether a request is running or its results have not all been handed over yet.
    bool busy() const { return m_running > 0; }
    /// Blocks until every request has finished (tests; the destructor does it too).
    void waitForDone();

private:
    void finished();

    QObject *m_receiver;
    std::function<void()> m_busyChanged;
    QThreadPool m_pool;
    quint64 m_generation = 0; ///< of the newest request; touched on the receiver's thread only
    int m_running = 0;        ///< requests started whose end has not reached the receiver's thread
    std::shared_ptr<std::atomic_bool> m_cancel;
};
