#include "parsepipeline.h"

#include "importers/importer.h"
#include "io/regularfile.h"
#include "util/parallelfor.h"
#include "validation/lint.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

#include <algorithm>
#include <malloc.h>

namespace meshscope {

namespace {

/// Parsed small batches waiting for the writer besides the one being written: two keep the cores busy
/// while the writer spends a second on a large document (one left them idle most of it), at ~10 MB each.
constexpr size_t kSmallAhead = 2;

/// Reads, hashes and (if the content changed) imports a batch of files on all cores.
void parseBatch(std::vector<ParsedDocument> &batch, const QHash<QString, cache::DocumentState> &states)
{
    parallelFor(batch.size(), [&](size_t i) {
        ParsedDocument &doc = batch[i];
        if (doc.file->size > maxDocumentBytes(doc.file->relativePath)) {
            doc.readFailed = true; // refused by size, never read: the cached copy stays
            doc.result.diagnostics.push_back(oversizeDiagnostic(doc.file->relativePath, doc.file->size));
            return;
        }
        // Only a regular file is read, and never past the limit, whatever it became since the walk.
        const qint64 limit = maxDocumentBytes(doc.file->relativePath);
        const io::ReadResult read = io::readRegularFile(doc.file->absolutePath, limit, doc.content);
        if (!read.ok()) {
            doc.readFailed = true; // the cached copy stays
            if (read.status == io::ReadStatus::TooLarge)
                doc.result.diagnostics.push_back(oversizeDiagnostic(doc.file->relativePath, read.size));
            else
                doc.result.error(doc.file->relativePath, 0, 0, read.error);
            return;
        }
        doc.hash = QCryptographicHash::hash(doc.content, QCryptographicHash::Sha1).toHex();
        const auto state = states.constFind(doc.file->relativePath);
        if (state != states.constEnd() && state->hash == doc.hash && !state->needsReimport) {
            doc.sameContent = true;
            doc.content.clear();
            return;
        }
        // Schema problems become warnings on their document: the entities still import.
        doc.result = importDocument(doc.file->relativePath, doc.content, validation::schemaWarnings(doc.file->relativePath));
        doc.serialized = cache::serializeEntities(doc.result);
    });
}

} // namespace

ParsePipeline::Plan ParsePipeline::plan(const std::vector<const SourceFile *> &files, qint64 largeBytes,
                                        size_t batchSize)
{
    std::vector<Unit> small;
    std::vector<const SourceFile *> large;
    for (const SourceFile *f : files) {
        if (f->size > largeBytes) {
            large.push_back(f);
            continue;
        }
        if (small.empty() || small.back().files.size() == batchSize)
            small.emplace_back();
        small.back().files.push_back(f);
    }
    // Large document i of k goes after small batch n*(i+1)/(k+1): the first is parsed while a share of the
    // small ones is written, and each next one while the share after it is.
    Plan order;
    order.reserve(small.size() + large.size());
    size_t smallTaken = 0;
    for (size_t i = 0; i < large.size(); ++i) {
        const size_t before = small.size() * (i + 1) / (large.size() + 1);
        for (; smallTaken < before; ++smallTaken)
            order.push_back(std::move(small[smallTaken]));
        order.push_back({{large[i]}, true});
    }
    for (; smallTaken < small.size(); ++smallTaken)
        order.push_back(std::move(small[smallTaken]));
    return order;
}

ParsePipeline::ParsePipeline(Plan plan, const QHash<QString, cache::DocumentState> &states,
                             const std::atomic_bool *cancel)
    : m_plan(std::move(plan)), m_states(states), m_cancel(cancel), m_smallThread([this] { produce(false); }),
      m_largeThread([this] { produce(true); })
{
}

ParsePipeline::~ParsePipeline()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_smallThread.join();
    m_largeThread.join();
}

std::optional<std::vector<ParsedDocument>> ParsePipeline::next()
{
    std::unique_lock lock(m_mutex);
    if (m_next == m_plan.size())
        return std::nullopt;
    const bool large = m_plan[m_next].large;
    // A producer that finished without this unit stopped on a cancel.
    m_changed.wait(lock, [&] { return m_ready.count(m_next) || (large ? m_largeFinished : m_smallFinished); });
    const auto it = m_ready.find(m_next);
    if (it == m_ready.end())
        return std::nullopt;
    std::vector<ParsedDocument> unit = std::move(it->second);
    m_ready.erase(it);
    ++m_next;
    m_changed.notify_all();
    return unit;
}

void ParsePipeline::written(std::vector<ParsedDocument> &&unit)
{
    std::lock_guard lock(m_mutex);
    // Freeing thousands of small parse results took a twentieth of the writer's time, and freeing a large
    // document's hundred thousand rows is as slow: the parsing threads do it, not the writer.
    if (m_plan[m_next - 1].large) { // the unit written is the one next() handed out last
        m_writtenLarge = std::move(unit);
        m_largePending = false;
    } else {
        m_writtenSmall.push_back(std::move(unit));
    }
    m_changed.notify_all();
}

bool ParsePipeline::mayParse(bool large) const
{
    // One large document in memory at a time; small batches at most kSmallAhead ahead of the writer.
    if (large)
        return !m_largePending;
    const auto smallReady = std::count_if(m_ready.begin(), m_ready.end(), [this](const auto &entry) {
        return !m_plan[entry.first].large;
    });
    return size_t(smallReady) < kSmallAhead;
}

void ParsePipeline::produce(bool large)
{
    for (size_t index = 0; index < m_plan.size(); ++index) {
        const Unit &unit = m_plan[index];
        if (unit.large != large)
            continue;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return mayParse(large) || m_stop; });
            if (m_stop)
                break;
            if (large)
                m_largePending = true;
        }
        freeWritten(large);
        if (m_cancel && m_cancel->load()) {
            m_cancelled = true;
            break;
        }
        std::vector<ParsedDocument> batch(unit.files.size());
        for (size_t i = 0; i < batch.size(); ++i)
            batch[i].file = unit.files[i];
        QElapsedTimer timer;
        timer.start();
        parseBatch(batch, m_states);
        m_parseMillis += timer.elapsed();
        std::lock_guard lock(m_mutex);
        m_ready.emplace(index, std::move(batch));
        m_changed.notify_all();
    }
    {
        std::lock_guard lock(m_mutex);
        (large ? m_largeFinished : m_smallFinished) = true;
        m_changed.notify_all();
    }
    if (!large)
        return;
    // The last large document: free it here too, once written, while the writer goes on.
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_largePending || m_stop; });
    }
    freeWritten(true);
}

void ParsePipeline::freeWritten(bool large)
{
    if (!large) {
        std::vector<std::vector<ParsedDocument>> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_writtenSmall);
        }
        return;
    }
    std::vector<ParsedDocument> done;
    {
        std::lock_guard lock(m_mutex);
        done.swap(m_writtenLarge);
    }
    if (done.empty())
        return;
    // A large document's parse results are the largest allocation of a sync: free them before the next
    // large document or the small batches grow the heap again. malloc_trim hands glibc's free pages back
    // to the system; under jemalloc (the app's allocator) it does nothing and jemalloc's decay does that.
    done = {};
    malloc_trim(0);
}

} // namespace meshscope
