/// \file
/// autoreg's locks: a spinlock for the short, rare critical sections of
/// registration and rebuilding, and a recursive one, whose waiters sleep, for
/// loading libraries.
/// Constant-initialised, trivially destructible, they never throw.
#ifndef AUTOREG_DETAIL_SPINLOCK_HPP
#define AUTOREG_DETAIL_SPINLOCK_HPP

#include <cstdint>

#include "../config.hpp"
#include "atomic.hpp"

#if defined(_WIN32)
#include "win32.hpp"
#else
#include <pthread.h>
#include <sched.h>
#include <time.h>
#endif
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
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

/// A lock for sections that may run long (a dlopen that runs a library's
/// static initialisers, for milliseconds or seconds): a thread that waits
/// sleeps rather than spins, so that threads asking for one plugin's key at
/// once do not each burn a core while one loads it. On Linux waiters sleep
/// on a futex; elsewhere they yield a few times, then nap.
class sleeping_lock {
public:
    constexpr sleeping_lock() noexcept = default;
    sleeping_lock(const sleeping_lock&) = delete;
    sleeping_lock& operator=(const sleeping_lock&) = delete;

    void lock() noexcept {
        std::uint32_t expected = unlocked;
        if (AUTOREG_LIKELY(
                state_.compare_exchange_strong(expected, locked, memory_order_acquire))) {
            return;
        }
        lock_contended();
    }
    void unlock() noexcept {
        if (state_.exchange(unlocked, memory_order_release) == contended) wake_one();
    }

private:
    static constexpr std::uint32_t unlocked = 0;
    static constexpr std::uint32_t locked = 1;
    /// Locked, and a thread may sleep waiting: unlocking must wake one.
    static constexpr std::uint32_t contended = 2;

    AUTOREG_COLD void lock_contended() noexcept {
        // Marked contended by every waiter as it takes the lock, since it
        // cannot know whether others still sleep: at worst one needless wake.
        for (unsigned waits = 0; state_.exchange(contended, memory_order_acquire) != unlocked;
             ++waits) {
            wait_while_contended(waits);
        }
    }

#if defined(__linux__)
    // <linux/futex.h>'s values, which not every libc's headers provide.
    static constexpr int futex_wait_private = 0 | 128;  // FUTEX_WAIT | FUTEX_PRIVATE_FLAG
    static constexpr int futex_wake_private = 1 | 128;  // FUTEX_WAKE | FUTEX_PRIVATE_FLAG

    // Returns at once where the word is no longer `contended`, and may wake
    // spuriously: the caller tries again either way.
    void wait_while_contended(unsigned /*waits*/) noexcept {
        (void)::syscall(SYS_futex, state_.address(), futex_wait_private, contended, nullptr,
                        nullptr, 0);
    }
    void wake_one() noexcept {
        (void)::syscall(SYS_futex, state_.address(), futex_wake_private, 1, nullptr, nullptr, 0);
    }
#else
    // No portable futex: a short wait is yielded away, a long one polled at
    // a millisecond, which is short beside loading a library.
    static void wait_while_contended(unsigned waits) noexcept {
        if (waits < 16) {
            yield_cpu();
            return;
        }
#if defined(_WIN32)
        Sleep(1);
#else
        const timespec nap{0, 1000000};
        (void)::nanosleep(&nap, nullptr);
#endif
    }
    static void wake_one() noexcept {}
#endif

    atomic<std::uint32_t> state_{unlocked};
};

/// A sleeping_lock that the thread holding it may take again.
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
    sleeping_lock lock_;
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
