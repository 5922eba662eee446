/// \file
/// A lock for the short, rare critical sections of registration and
/// rebuilding: constant-initialised, trivially destructible, never throws.
#ifndef AUTOREG_DETAIL_SPINLOCK_HPP
#define AUTOREG_DETAIL_SPINLOCK_HPP

#include "atomic.hpp"

#if defined(_WIN32)
#include "win32.hpp"
#else
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
