/// \file
/// The atomics autoreg uses, on the compiler's builtins: <atomic> costs
/// every file that defines a registered class a third of what the map's
/// headers cost, and from C++20 on it brings <string> and <system_error>
/// with it (benchmarks/results/results.md, headers alone). The names and
/// semantics are std::atomic's, for the operations autoreg needs.
#ifndef AUTOREG_DETAIL_ATOMIC_HPP
#define AUTOREG_DETAIL_ATOMIC_HPP

#include <cstddef>

#if defined(_MSC_VER) && !defined(__clang__)
#include <atomic>
#endif

namespace autoreg {
namespace detail {

#if defined(_MSC_VER) && !defined(__clang__)  // written, untested: no builtins

using std::atomic;
using std::atomic_signal_fence;
using std::atomic_thread_fence;
using std::memory_order;
using std::memory_order_acq_rel;
using std::memory_order_acquire;
using std::memory_order_relaxed;
using std::memory_order_release;
using std::memory_order_seq_cst;

#else

enum memory_order : int {
    memory_order_relaxed = __ATOMIC_RELAXED,
    memory_order_acquire = __ATOMIC_ACQUIRE,
    memory_order_release = __ATOMIC_RELEASE,
    memory_order_acq_rel = __ATOMIC_ACQ_REL,
    memory_order_seq_cst = __ATOMIC_SEQ_CST,
};

/// The strongest order a failed compare-exchange may have, as std::atomic
/// derives it from the order of success.
constexpr memory_order failure_order(memory_order success) noexcept {
    return success == memory_order_acq_rel   ? memory_order_acquire
           : success == memory_order_release ? memory_order_relaxed
                                             : success;
}

/// An integer, bool or pointer, read and written atomically. Constant-
/// initialised and trivially destructible, like std::atomic; always lock-free.
template <class T>
class atomic {
public:
    constexpr atomic() noexcept = default;
    // NOLINTNEXTLINE(google-explicit-constructor): std::atomic's is implicit too.
    constexpr atomic(T value) noexcept : value_(value) {}
    atomic(const atomic&) = delete;
    atomic& operator=(const atomic&) = delete;

    T load(memory_order order = memory_order_seq_cst) const noexcept {
        return __atomic_load_n(&value_, order);
    }
    void store(T value, memory_order order = memory_order_seq_cst) noexcept {
        __atomic_store_n(&value_, value, order);
    }
    T exchange(T value, memory_order order = memory_order_seq_cst) noexcept {
        return __atomic_exchange_n(&value_, value, order);
    }
    bool compare_exchange_strong(T& expected, T desired,
                                 memory_order order = memory_order_seq_cst) noexcept {
        return __atomic_compare_exchange_n(&value_, &expected, desired, false, order,
                                           failure_order(order));
    }
    T fetch_add(T amount, memory_order order = memory_order_seq_cst) noexcept {
        return __atomic_fetch_add(&value_, amount, order);
    }
    T fetch_sub(T amount, memory_order order = memory_order_seq_cst) noexcept {
        return __atomic_fetch_sub(&value_, amount, order);
    }
    /// The word itself, for futex(2); not std::atomic's.
    T* address() noexcept { return &value_; }

private:
    // T is often a pointer: its size is the point here, not its pointee's.
    static constexpr std::size_t size = sizeof(T);  // NOLINT(bugprone-sizeof-expression)
    static_assert(__atomic_always_lock_free(size, nullptr), "autoreg: a lock-free type");
    // As std::atomic: aligned to its size, also where the ABI aligns 8-byte
    // integers to 4 (32-bit x86).
    alignas(size) T value_{};
};

inline void atomic_thread_fence(memory_order order) noexcept { __atomic_thread_fence(order); }
inline void atomic_signal_fence(memory_order order) noexcept { __atomic_signal_fence(order); }

#endif

}  // namespace detail
}  // namespace autoreg

#endif
