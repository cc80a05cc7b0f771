#include "offguithread.h"

#include <QMetaObject>

void OffGuiThread::Job::deliver(std::function<void()> fn) const
{
    OffGuiThread *owner = m_owner;
    const quint64 generation = m_generation;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    // Queued to the receiver: if it is destroyed first, Qt drops the call with it. The owner lives as long
    // as the receiver (it is a member) and waits for the worker in its destructor.
    QMetaObject::invokeMethod(owner->m_receiver, [owner, generation, cancel, fn = std::move(fn)] {
        if (generation == owner->m_generation && !cancel->load())
            fn();
    }, Qt::QueuedConnection);
}

OffGuiThread::OffGuiThread(QObject *receiver, std::function<void()> busyChanged)
    : m_receiver(receiver), m_busyChanged(std::move(busyChanged))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(30000);
}

OffGuiThread::~OffGuiThread()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

void OffGuiThread::start(std::function<void(const Job &)> work)
{
    if (m_cancel)
        m_cancel->store(true);
    Job job;
    job.m_owner = this;
    job.m_generation = ++m_generation;
    job.m_cancel = m_cancel = std::make_shared<std::atomic_bool>(false);
    if (m_running++ == 0 && m_busyChanged)
        m_busyChanged();
    m_pool.start([this, job, work = std::move(work)] {
        work(job);
        // Always told, superseded or not: busy() counts every request until its end is on the GUI thread,
        // after whatever it delivered.
        QMetaObject::invokeMethod(m_receiver, [this] { finished(); }, Qt::QueuedConnection);
    });
}

void OffGuiThread::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
}

void OffGuiThread::waitForDone()
{
    m_pool.waitForDone();
}

void OffGuiThread::finished()
{
    if (--m_running == 0 && m_busyChanged)
        m_busyChanged();
}
