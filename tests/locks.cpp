// autoreg's locks on their own: the recursive lock that serialises loading
// libraries excludes, lets its holder take it again, and makes a thread that
// waits sleep, since it may wait for as long as a library's initialisers run.
#include <autoreg/detail/spinlock.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "catch.hpp"

#if defined(_WIN32)
#include <windows.h>
#else
#include <time.h>
#endif

using autoreg::detail::recursive_lock;
using autoreg::detail::spin_guard;

namespace {

/// The CPU time the calling thread has used, in seconds.
double thread_cpu_seconds() {
#if defined(_WIN32)
    FILETIME created{}, exited{}, kernel{}, user{};
    REQUIRE(GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user) != 0);
    const auto seconds = [](const FILETIME& t) {
        const std::uint64_t ticks = (std::uint64_t{t.dwHighDateTime} << 32) | t.dwLowDateTime;
        return static_cast<double>(ticks) * 1e-7;  // 100 ns ticks
    };
    return seconds(kernel) + seconds(user);
#else
    timespec now{};
    REQUIRE(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
#endif
}

}  // namespace

TEST_CASE("the recursive lock lets one thread in at a time", "[locks][concurrency]") {
    recursive_lock lock;
    long counter = 0;  // plain: only the lock orders the increments
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                spin_guard<recursive_lock> guard(lock);
                ++counter;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(counter == 80000);
}

TEST_CASE("the recursive lock's holder takes it again, and others wait for the last unlock",
          "[locks][concurrency]") {
    recursive_lock lock;
    std::atomic<bool> other_in{false};
    lock.lock();
    lock.lock();
    std::thread other([&] {
        spin_guard<recursive_lock> guard(lock);
        other_in = true;
    });
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(other_in.load());  // still held once
    lock.unlock();
    other.join();
    CHECK(other_in.load());
}

TEST_CASE("a thread waiting for the recursive lock sleeps rather than spins",
          "[locks][concurrency]") {
    recursive_lock lock;
    std::atomic<bool> held{false};
    std::thread holder([&] {
        spin_guard<recursive_lock> guard(lock);
        held = true;
        // As a library's static initialisers may, under the library lock.
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
    });
    while (!held.load()) std::this_thread::yield();
    const auto started = std::chrono::steady_clock::now();
    const double cpu_before = thread_cpu_seconds();
    lock.lock();
    const double cpu = thread_cpu_seconds() - cpu_before;
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    lock.unlock();
    holder.join();
    INFO("waited " << waited << " s, of which " << cpu << " s on the CPU");
    REQUIRE(waited > 0.2);
    // A waiter that yields in a loop spends about as much CPU time as it
    // waits wherever a core is free for it.
    CHECK(cpu < 0.05);
}
