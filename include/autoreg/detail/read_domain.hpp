/// \file
/// Read-side critical sections that cost readers no atomic read-modify-write
/// and let writers wait until no reader can still see what they removed (a
/// sleepable read-copy-update).
///
/// On Linux each thread owns a slot, a cache line of its own whose counter is
/// odd while the thread reads. Entering and leaving are plain stores to it;
/// the store-to-load ordering that a reader's plain store lacks is supplied by
/// the writer, which makes every running thread execute a full barrier with
/// membarrier(2) before it looks at the slots. Writers are rare (a rebuild of
/// a registry's index, a removal, a library unload), readers are create().
///
/// Where membarrier is refused (old kernels, some sandboxes) readers fence
/// instead; threads beyond the slots, and platforms without them, count
/// themselves on shared striped counters with atomic increments. Under
/// ThreadSanitizer every reader and writer orders itself with an atomic
/// read-modify-write instead of a fence (see full_barrier()), so that TSan
/// sees the synchronisation and GCC's -Werror=tsan accepts the code.
#ifndef AUTOREG_DETAIL_READ_DOMAIN_HPP
#define AUTOREG_DETAIL_READ_DOMAIN_HPP

#include <cstdint>

#include "../config.hpp"
#include "atomic.hpp"
#include "spinlock.hpp"

#if defined(__linux__)
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#define AUTOREG_READER_SLOTS 1
#else
#define AUTOREG_READER_SLOTS 0
#endif

namespace autoreg {
namespace detail {

class read_domain;

/// One thread's announcement that it reads. Only its owner writes `seq`;
/// writers read it, and a thread claiming a free slot reads the owner's
/// identity to tell whether that thread still exists.
struct alignas(64) reader_slot {
    /// Odd while the owner is inside a read section. Only the outermost of
    /// nested sections changes it.
    atomic<std::uint32_t> seq{0};
    /// 0 while the slot is free.
    atomic<int> owner_tid{0};
    atomic<int> owner_pid{0};
};

/// The slot a thread reads through, and the domain it belongs to.
struct thread_reader {
    read_domain* domain;
    reader_slot* slot;
};

}  // namespace detail
}  // namespace autoreg

#if AUTOREG_READER_SLOTS
// One per thread per process, like the hub: every module of the process must
// find a thread's slot, including modules that never saw the thread before.
// Constant-initialised and trivially destructible, so no module registers a
// thread-exit handler for it (which would keep a plugin from unloading); a
// thread's slot is reclaimed once the thread is gone instead.
extern "C" {
// NOLINTBEGIN(misc-definitions-in-headers): one weak definition per module,
// merged into one per process by the loader.
// clang-format off
__attribute__((weak, visibility("default")))
thread_local autoreg::detail::thread_reader autoreg_thread_reader_v3{nullptr, nullptr};
// clang-format on
// NOLINTEND(misc-definitions-in-headers)
}
#endif

namespace autoreg {
namespace detail {

#if AUTOREG_READER_SLOTS
/// getpid(2) through syscall(), which claiming a slot calls anyway: glibc's
/// getpid would be one more symbol for the dynamic linker to bind in a
/// thread's first read section (about 750 instructions).
inline int process_id() noexcept { return static_cast<int>(::syscall(SYS_getpid)); }
#endif

inline constexpr unsigned reader_slots = 128;
inline constexpr unsigned reader_stripes = 8;

// A thread keeps the stripe it was given; 0 means not yet given one.
inline thread_local unsigned thread_stripe = 0;

class read_domain {
public:
    /// Where a section was counted: the thread's slot, else a shared stripe.
    /// Sections on one thread end in the reverse order of their entry.
    struct ticket {
        reader_slot* slot;
        /// The even `seq` that ends the section; odd (1) for a nested one,
        /// which leaves `seq` alone. Known in advance, so that leaving needs
        /// no load of what entering stored.
        std::uint32_t leave_seq;
        std::uint16_t stripe;
        std::uint16_t parity;
    };

    constexpr read_domain() noexcept = default;

    ticket enter() noexcept {
#if AUTOREG_READER_SLOTS
        const thread_reader self = autoreg_thread_reader_v3;
        if (AUTOREG_LIKELY(self.domain == this)) return enter_slot(*self.slot);
#endif
        return enter_slow();
    }

    void exit(ticket t) noexcept {
        if (AUTOREG_LIKELY(t.slot != nullptr)) {
            if ((t.leave_seq & 1u) == 0) t.slot->seq.store(t.leave_seq, memory_order_release);
            return;
        }
        stripes_[t.stripe].count[t.parity].fetch_sub(1, memory_order_release);
    }

    /// Returns once every read section that began before the call has ended.
    /// Must not be called from inside a read section.
    void synchronize() noexcept {
        spin_guard writers(writer_lock_);
        order_writes_before_slot_reads();
        const unsigned claimed = claimed_slots_.load(memory_order_acquire);
        for (unsigned i = 0; i < claimed; ++i) wait_for_slot(slots_[i]);
        // Two flips: a reader may have read the epoch just before a flip and
        // counted itself under the parity the first drain already passed.
        for (int flip = 0; flip < 2; ++flip) {
            const unsigned old_parity = epoch_.fetch_add(1, memory_order_seq_cst) & 1u;
            for (auto& stripe : stripes_) {
                while (stripe.count[old_parity].load(memory_order_seq_cst) != 0) {
                    yield_cpu();
                }
            }
        }
    }

    /// True when, slot by slot and stripe by stripe, no reader was inside at
    /// the moment it was looked at: then every section begun before the call
    /// is over. Never waits, so it is safe from inside a read section (it
    /// then fails).
    bool quiescent_now() noexcept {
        order_writes_before_slot_reads();
        const unsigned claimed = claimed_slots_.load(memory_order_acquire);
        for (unsigned i = 0; i < claimed; ++i) {
            if (inside_section(slots_[i])) return false;
        }
        for (auto& stripe : stripes_) {
            if (stripe.count[0].load(memory_order_seq_cst) != 0 ||
                stripe.count[1].load(memory_order_seq_cst) != 0) {
                return false;
            }
        }
        return true;
    }

    /// Whether readers skip their fence because writers use membarrier.
    bool asymmetric() const noexcept {
        return fence_mode_.load(memory_order_acquire) == mode_asymmetric;
    }

private:
    struct alignas(64) stripe_counts {
        atomic<std::uint32_t> count[2]{};
    };

    static constexpr unsigned mode_undecided = 0;
    static constexpr unsigned mode_asymmetric = 1;
    static constexpr unsigned mode_fenced = 2;

    void order_announcement_before_reads() noexcept {
#if !AUTOREG_TSAN
        if (AUTOREG_LIKELY(fence_mode_.load(memory_order_relaxed) == mode_asymmetric)) {
            // The writer's membarrier orders the announcement for us; only
            // the compiler must not move the reads above it.
            atomic_signal_fence(memory_order_seq_cst);
            return;
        }
#endif
        full_barrier();
    }

    /// Orders a thread's stores before its later loads, against every other
    /// thread's full_barrier(). Under TSan, a sequentially consistent
    /// read-modify-write of one word that all threads share stands in for
    /// the fence: any two of them are ordered, the later one reads what the
    /// earlier one wrote, and TSan sees that synchronisation (it models no
    /// fence). Only such builds pay for the shared cache line.
    void full_barrier() noexcept {
#if AUTOREG_TSAN
        (void)barrier_word_.fetch_add(1, memory_order_seq_cst);
#else
        atomic_thread_fence(memory_order_seq_cst);
#endif
    }

    ticket enter_slot(reader_slot& slot) noexcept {
        const std::uint32_t seq = slot.seq.load(memory_order_relaxed);
        if ((seq & 1u) != 0) return {&slot, 1, 0, 0};
        // Release: a writer that sees the section also sees who owns the slot
        // (free on x86, where it is a plain store too).
        slot.seq.store(seq + 1, memory_order_release);
        order_announcement_before_reads();
        return {&slot, seq + 2, 0, 0};
    }

    AUTOREG_NOINLINE ticket enter_slow() noexcept {
#if AUTOREG_READER_SLOTS
        thread_reader& self = autoreg_thread_reader_v3;
        // A thread whose slot is in another domain (a module with its own
        // hub) counts itself on the stripes here. So does a thread that once
        // found every slot taken: looking again would cost it a scan of the
        // slots, a system call each, in every section.
        if (self.domain == nullptr && thread_stripe == 0) {
            if (reader_slot* slot = claim_slot()) {
                self = {this, slot};
                return enter_slot(*slot);
            }
        }
#endif
        unsigned stripe = thread_stripe;
        if (stripe == 0) stripe = thread_stripe = assign_stripe();
        const unsigned parity = epoch_.load(memory_order_seq_cst) & 1u;
        stripes_[stripe - 1].count[parity].fetch_add(1, memory_order_seq_cst);
        return {nullptr, 1, static_cast<std::uint16_t>(stripe - 1),
                static_cast<std::uint16_t>(parity)};
    }

    unsigned assign_stripe() noexcept {
        return next_stripe_.fetch_add(1, memory_order_relaxed) % reader_stripes + 1;
    }

#if AUTOREG_READER_SLOTS
    static int current_tid() noexcept { return static_cast<int>(::syscall(SYS_gettid)); }

    /// False only once the thread is certainly gone. A reused thread id
    /// reads as alive, which only keeps a slot from being reused. A slot
    /// that names another process is a copy fork() made of a parent thread's
    /// slot: no thread of this process uses it, since the child's own thread
    /// had its slot renamed as the child began (after_fork_in_child).
    static bool owner_alive(const reader_slot& slot) noexcept {
        const int tid = slot.owner_tid.load(memory_order_acquire);
        const int pid = slot.owner_pid.load(memory_order_acquire);
        if (tid == 0 || pid != process_id()) return false;
        return ::syscall(SYS_tgkill, pid, tid, 0) == 0 || errno != ESRCH;
    }

    reader_slot* claim_slot() noexcept {
        decide_fence_mode();
        spin_guard claiming(claim_lock_);
        const unsigned claimed = claimed_slots_.load(memory_order_relaxed);
        for (unsigned i = 0; i < reader_slots; ++i) {
            reader_slot& slot = slots_[i];
            if (i < claimed && owner_alive(slot)) continue;
            // A thread that ended inside a section (killed by a signal
            // handler's longjmp, say) left its counter odd; even it, which
            // also releases a writer that waits for it.
            const std::uint32_t seq = slot.seq.load(memory_order_relaxed);
            if ((seq & 1u) != 0) slot.seq.store(seq + 1, memory_order_release);
            slot.owner_pid.store(process_id(), memory_order_relaxed);
            slot.owner_tid.store(current_tid(), memory_order_release);
            if (i >= claimed) claimed_slots_.store(i + 1, memory_order_release);
            return &slot;
        }
        return nullptr;
    }

    static long membarrier(int command) noexcept {
        return ::syscall(SYS_membarrier, command, 0u, 0);
    }

    // The commands of <linux/membarrier.h>, which not every libc's headers
    // provide.
    static constexpr int membarrier_global = 1 << 0;
    static constexpr int membarrier_private_expedited = 1 << 3;
    static constexpr int membarrier_register_private_expedited = 1 << 4;

    /// Decided once per domain, before any reader skips its fence.
    void decide_fence_mode() noexcept {
        if (fence_mode_.load(memory_order_acquire) != mode_undecided) return;
        const unsigned mode =
            membarrier(membarrier_register_private_expedited) == 0 ? mode_asymmetric : mode_fenced;
        unsigned expected = mode_undecided;
        fence_mode_.compare_exchange_strong(expected, mode, memory_order_acq_rel);
    }
#endif

    /// A full barrier on every thread that might be reading: after it, a
    /// reader has either announced itself visibly or will see what the
    /// writer published before it.
    void order_writes_before_slot_reads() noexcept {
#if AUTOREG_READER_SLOTS
        // Decided here too, by a read-modify-write where still undecided, so
        // that no writer can miss the mode a reader already acted on.
        decide_fence_mode();
#endif
        full_barrier();
#if AUTOREG_READER_SLOTS
        if (fence_mode_.load(memory_order_acquire) != mode_asymmetric) return;
        if (membarrier(membarrier_private_expedited) == 0) return;
        // Registration is per process image; a child of fork() may have
        // lost it. The global command needs none, only more time.
        if (membarrier(membarrier_register_private_expedited) == 0 &&
            membarrier(membarrier_private_expedited) == 0) {
            return;
        }
        if (membarrier(membarrier_global) == 0) return;
        // Readers skip their fences on the promise of this call; without it
        // no writer could know when they are done.
        (void)std::fputs(
            "autoreg: membarrier(2) failed after it had been granted; cannot free "
            "memory safely, aborting\n",
            stderr);
        std::abort();
#endif
    }

    /// A thread that ended inside its section, or a parent's thread whose
    /// slot fork() copied, never leaves it: neither counts.
    static bool inside_section(const reader_slot& slot) noexcept {
        if ((slot.seq.load(memory_order_acquire) & 1u) == 0) return false;
#if AUTOREG_READER_SLOTS
        return owner_alive(slot);
#else
        return true;
#endif
    }

    void wait_for_slot(reader_slot& slot) noexcept {
        const std::uint32_t seq = slot.seq.load(memory_order_acquire);
        if ((seq & 1u) == 0) return;
        for (unsigned spins = 1; slot.seq.load(memory_order_acquire) == seq; ++spins) {
#if AUTOREG_READER_SLOTS
            if (spins % 1024 == 0 && !owner_alive(slot)) return;
#endif
            yield_cpu();
        }
    }

    reader_slot slots_[reader_slots]{};
    atomic<unsigned> claimed_slots_{0};
    atomic<unsigned> fence_mode_{mode_undecided};
    // Used by TSan builds only, present in all: modules built with and
    // without TSan share one domain, so its layout must not differ.
    atomic<unsigned> barrier_word_{0};
    stripe_counts stripes_[reader_stripes]{};
    atomic<unsigned> epoch_{0};
    atomic<unsigned> next_stripe_{0};
    spinlock writer_lock_{};
    spinlock claim_lock_{};
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

#if AUTOREG_READER_SLOTS
/// In the child of fork(): the forking thread, now the child's only thread,
/// keeps its slot under its new identity; every other slot the child copied
/// names the parent and so counts as free.
AUTOREG_LOCAL inline void after_fork_in_child() noexcept {
    reader_slot* slot = autoreg_thread_reader_v3.slot;
    if (slot == nullptr) return;
    slot->owner_pid.store(process_id(), memory_order_relaxed);
    slot->owner_tid.store(static_cast<int>(::syscall(SYS_gettid)), memory_order_release);
}

// Every module installs the handler as it loads, hidden so that each calls its
// own copy: glibc drops a module's fork handlers when it unloads, and a thread
// may fork long after the module that gave it its slot has gone.
struct AUTOREG_LOCAL fork_handler_installer {
    fork_handler_installer() noexcept { ::pthread_atfork(nullptr, nullptr, &after_fork_in_child); }
};
AUTOREG_LOCAL inline const fork_handler_installer install_fork_handler{};
#endif

}  // namespace detail
}  // namespace autoreg

#endif
