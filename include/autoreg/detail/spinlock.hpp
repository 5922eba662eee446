/// \file
/// autoreg's locks: a spinlock for the short, rare critical sections of
/// registration and rebuilding, and a recursive one for loading libraries.
/// Constant-initialised, trivially destructible, they never throw.
#ifndef AUTOREG_DETAIL_SPINLOCK_HPP
#define AUTOREG_DETAIL_SPINLOCK_HPP

#include <cstdint>

#include "atomic.hpp"

#if defined(_WIN32)
#include "win32.hpp"
#else
#include <pthread.h>
#include <sched.h>
#endif

namespace autoreg {
namespace detail {

inline void yield_cpu() noexcept {
#if defined(_WIN32)
    SwitchToThread();
#else
    sched_yield();
#endif
}

class spinlock {
public:
    constexpr spinlock() noexcept = default;
    spinlock(const spinlock&) = delete;
    spinlock& operator=(const spinlock&) = delete;

    void lock() noexcept {
        while (locked_.exchange(true, memory_order_acquire)) {
            while (locked_.load(memory_order_relaxed)) yield_cpu();
        }
    }
    void unlock() noexcept { locked_.store(false, memory_order_release); }

private:
    atomic<bool> locked_{false};
};

// Process-wide, unlike the address of a thread_local, which differs between
// the executable and each library.
inline std::uintptr_t current_thread_tag() noexcept {
#if defined(_WIN32)
    return GetCurrentThreadId();
#else
    return reinterpret_cast<std::uintptr_t>(reinterpret_cast<void*>(pthread_self()));
#endif
}

/// A spinlock that the thread holding it may take again; for sections that
/// may run long (a library's loading), which is why waiters yield the CPU.
/// Not std::recursive_mutex: <mutex> cost every file that includes autoreg
/// more than the header that uses it (benchmarks/results/results.md).
class recursive_lock {
public:
    constexpr recursive_lock() noexcept = default;
    recursive_lock(const recursive_lock&) = delete;
    recursive_lock& operator=(const recursive_lock&) = delete;

    void lock() noexcept {
        const std::uintptr_t me = current_thread_tag();
        // Only this thread can have stored its own tag.
        if (owner_.load(memory_order_relaxed) == me) {
            ++depth_;
            return;
        }
        lock_.lock();
        owner_.store(me, memory_order_relaxed);
        depth_ = 1;
    }
    void unlock() noexcept {
        if (--depth_ != 0) return;
        owner_.store(0, memory_order_relaxed);
        lock_.unlock();
    }

private:
    spinlock lock_;
    atomic<std::uintptr_t> owner_{0};
    unsigned depth_ = 0;
};

template <class Lock>
class spin_guard {
public:
    explicit spin_guard(Lock& lock) noexcept : lock_(lock) { lock_.lock(); }
    ~spin_guard() { lock_.unlock(); }
    spin_guard(const spin_guard&) = delete;
    spin_guard& operator=(const spin_guard&) = delete;

private:
    Lock& lock_;
};

}  // namespace detail
}  // namespace autoreg

#endif
