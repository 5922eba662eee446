// Starting threads together, so that their first calls really race.
#pragma once

#include <atomic>
#include <thread>
#include <type_traits>
#include <vector>

namespace test {

/// Runs `work(thread_index)` on `thread_count` threads released at once.
/// Where `work` returns a count (of mistakes, say), returns their sum.
template <class Work>
int run_together(int thread_count, Work&& work) {
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> total{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            ready.fetch_add(1);
            while (!go.load()) std::this_thread::yield();
            if constexpr (std::is_void_v<std::invoke_result_t<Work&, int>>) {
                work(t);
            } else {
                total.fetch_add(work(t));
            }
        });
    }
    while (ready.load() != thread_count) std::this_thread::yield();
    go.store(true);
    for (std::thread& thread : threads) thread.join();
    return total.load();
}

}  // namespace test
