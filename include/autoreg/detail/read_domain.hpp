/// \file
/// Read-side critical sections that cost readers two uncontended atomic
/// operations and let writers wait until no reader can still see what they
/// removed (a sleepable-RCU scheme with per-thread stripes).
///
/// Readers never block and never touch a cache line another thread writes,
/// which keeps create() scaling with threads. Writers are rare: a rebuild of a
/// registry's index, a removal, a library unload.
#ifndef AUTOREG_DETAIL_READ_DOMAIN_HPP
#define AUTOREG_DETAIL_READ_DOMAIN_HPP

#include <atomic>
#include <cstdint>

#include "spinlock.hpp"

namespace autoreg {
namespace detail {

inline constexpr unsigned reader_stripes = 32;

// A thread keeps the stripe it was given; 0 means not yet given one.
inline thread_local unsigned thread_stripe = 0;

class read_domain {
public:
    struct ticket {
        unsigned stripe;
        unsigned parity;
    };

    constexpr read_domain() noexcept = default;

    ticket enter() noexcept {
        unsigned stripe = thread_stripe;
        if (stripe == 0) stripe = thread_stripe = assign_stripe();
        const unsigned parity = epoch_.load(std::memory_order_seq_cst) & 1u;
        stripes_[stripe - 1].count[parity].fetch_add(1, std::memory_order_seq_cst);
        return {stripe - 1, parity};
    }

    void exit(ticket t) noexcept {
        stripes_[t.stripe].count[t.parity].fetch_sub(1, std::memory_order_release);
    }

    /// Returns once every read section that began before the call has ended.
    /// Must not be called from inside a read section.
    void synchronize() noexcept {
        spin_guard writers(writer_lock_);
        // Two flips: a reader may have read the epoch just before a flip and
        // counted itself under the parity the first drain already passed.
        for (int flip = 0; flip < 2; ++flip) {
            const unsigned old_parity = epoch_.fetch_add(1, std::memory_order_seq_cst) & 1u;
            for (auto& stripe : stripes_) {
                while (stripe.count[old_parity].load(std::memory_order_seq_cst) != 0) {
                    yield_cpu();
                }
            }
        }
    }

    /// True when, stripe by stripe, no reader was inside at the moment that
    /// stripe was looked at: then every section begun before the call is over.
    /// Never waits, so it is safe from inside a read section (it then fails).
    bool quiescent_now() noexcept {
        for (auto& stripe : stripes_) {
            if (stripe.count[0].load(std::memory_order_seq_cst) != 0 ||
                stripe.count[1].load(std::memory_order_seq_cst) != 0) {
                return false;
            }
        }
        return true;
    }

private:
    struct alignas(64) stripe_counts {
        std::atomic<std::uint32_t> count[2]{};
    };

    unsigned assign_stripe() noexcept {
        return next_stripe_.fetch_add(1, std::memory_order_relaxed) % reader_stripes + 1;
    }

    stripe_counts stripes_[reader_stripes]{};
    std::atomic<unsigned> epoch_{0};
    std::atomic<unsigned> next_stripe_{0};
    spinlock writer_lock_{};
};

/// Holds a read section open for its lifetime.
class read_section {
public:
    explicit read_section(read_domain& domain) noexcept
        : domain_(domain), ticket_(domain.enter()) {}
    ~read_section() { domain_.exit(ticket_); }
    read_section(const read_section&) = delete;
    read_section& operator=(const read_section&) = delete;

private:
    read_domain& domain_;
    read_domain::ticket ticket_;
};

}  // namespace detail
}  // namespace autoreg

#endif
