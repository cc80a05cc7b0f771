#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace meshscope {

/// @brief Calls `work(i)` for every i in [0, count) on the cores there are, the calling thread included,
/// and returns when all calls are done. Indexes are handed out one at a time, so a few slow items (a
/// large document among small ones) do not leave the other threads idle. `work` must be safe to call
/// concurrently for different indexes.
///
/// At most `maxThreads` threads, and no more than one per `minItemsPerThread` items: starting a thread
/// costs more than a few cheap items.
template <typename Work>
void parallelFor(size_t count, Work &&work, size_t minItemsPerThread = 1, unsigned maxThreads = 8)
{
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t threads = std::min({cores, size_t(maxThreads), std::max<size_t>(1, count / std::max<size_t>(1, minItemsPerThread))});
    std::atomic_size_t next{0};
    auto run = [&] {
        for (size_t i = next++; i < count; i = next++)
            work(i);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(run);
    run();
    for (std::thread &t : pool)
        t.join();
}

} // namespace meshscope
