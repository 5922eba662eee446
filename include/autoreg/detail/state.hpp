/// \file
/// The state of one registry: one object per base per process, kept in the
/// hub, found by the base's name so that every module shares it.
#ifndef AUTOREG_DETAIL_STATE_HPP
#define AUTOREG_DETAIL_STATE_HPP

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "atomic.hpp"
#include "hub.hpp"
#include "read_domain.hpp"
#include "snapshot.hpp"
#include "spinlock.hpp"
#include "state_header.hpp"

namespace autoreg {
namespace detail {

template <class Base>
struct registry_state : registry_state_header {
    registry_state() : registry_state_header(lasting_base_name(), traits<Base>::base_hash) {}

    atomic<const snapshot<Base>*> current{nullptr};
    /// The hub generation `current` was built from; 0 before the first build.
    atomic<std::uint64_t> built_generation{0};

    spinlock rebuild_lock{};
    /// Snapshots replaced while readers might still hold them (rebuild_lock).
    std::vector<const snapshot<Base>*> retired;

    /// Runs pending discoveries, then builds a snapshot if the hub changed
    /// since the last one. Safe to call from inside a read section (a factory
    /// that creates): it never waits for readers.
    void refresh(hub& h) {
        for (;;) {
            run_discoveries();
            spin_guard guard(rebuild_lock);
            // A discovery set meanwhile must run before the build it affects.
            if (discovery_awaits_this_thread()) continue;
            if (built_generation.load(memory_order_acquire) !=
                    h.generation.load(memory_order_acquire) &&
                !patch_if_fulfilled(h)) {
                rebuild(h);
            }
            return;
        }
    }

    /// Makes the next access refresh, e.g. to run a discovery just set.
    void invalidate() noexcept {
        spin_guard guard(rebuild_lock);
        built_generation.store(0, memory_order_release);
    }

private:
    // The state outlives the module that made it, and with it that module's
    // copy of the name, so it keeps a copy of its own (never freed, like the
    // state). A unit-local base is known by its unit's copy, and only that
    // unit, so that module, can use the state.
    static std::string_view lasting_base_name() {
        constexpr std::string_view name = traits<Base>::base_name;
        if constexpr (traits<Base>::base_is_unit_local) {
            return name;
        } else {
            // operator new, not new[]: a registry's first access binds one
            // symbol fewer (each costs the dynamic linker ~800 instructions).
            auto* copy = static_cast<char*>(::operator new(name.size()));
            std::memcpy(copy, name.data(), name.size());
            return {copy, name.size()};
        }
    }

    /// Where the only changes since the index was built are loadings of
    /// indexed libraries (the hub's last fulfilment), patches the index
    /// instead of rebuilding it: a rebuild costs in proportion to every
    /// key, indexed or not (12 ms at 10,000), the patch to the library's
    /// own. False where it cannot; then the caller rebuilds.
    bool patch_if_fulfilled(hub& h) {
        const snapshot<Base>* snap = current.load(memory_order_acquire);
        const fulfilment& f = h.last_fulfilment;
        if (snap == nullptr || f.to.load(memory_order_acquire) == 0) return false;
        // The lock keeps the list, and the libraries whose nodes it reads,
        // as they were at the generation checked.
        spin_guard guard(h.list_lock);
        const std::uint64_t to = f.to.load(memory_order_relaxed);
        const std::uint64_t built = built_generation.load(memory_order_relaxed);
        if (built < f.from || built >= to || to != h.generation.load(memory_order_relaxed)) {
            return false;
        }
        // Within fulfilments each generation numbers one node, so the index
        // built at `built` has seen the serials up to this one.
        if (!patch_fulfilled(h, *snap, f.after_serial + (built - f.from))) return false;
        built_generation.store(to, memory_order_release);
        return true;
    }

    void rebuild(hub& h) {
        std::unique_ptr<snapshot<Base>> fresh;
        {
            // Building reads descriptions in the libraries' static storage:
            // a library being unloaded waits for this section to end.
            read_section reading(h.readers);
            fresh = build_snapshot<Base>(h);
        }
        // Room to retire the index it replaces, before publishing: the first
        // index replaces none, and allocates nothing for it.
        if (current.load(memory_order_relaxed) != nullptr) retired.reserve(retired.size() + 1);
        const std::uint64_t generation = fresh->generation;
        const snapshot<Base>* old = current.exchange(fresh.release(), memory_order_seq_cst);
        built_generation.store(generation, memory_order_release);
        if (old != nullptr) retired.push_back(old);
        if (h.readers.quiescent_now()) free_retired();
    }

public:
    /// Frees retired snapshots; only once no reader can hold them.
    void free_retired() noexcept {
        for (const snapshot<Base>* old : retired) delete old;
        retired.clear();
    }

    /// Waits until no reader can see what was unlinked before the call, then
    /// frees the snapshots retired until then. Not from inside a read section.
    void synchronize_and_reclaim(hub& h) noexcept {
        std::vector<const snapshot<Base>*> reclaimable;
        {
            spin_guard guard(rebuild_lock);
            reclaimable.swap(retired);
        }
        h.readers.synchronize();
        for (const snapshot<Base>* old : reclaimable) delete old;
    }
};

template <class Base>
registry_state<Base>* find_state_locked(hub& h) noexcept {
    for (registry_state_header* s = h.states; s != nullptr; s = s->next) {
        if (is_registry_of<Base>(s->base_name, s->base_hash)) {
            return static_cast<registry_state<Base>*>(s);
        }
    }
    return nullptr;
}

/// The state of `Registry<Base>` where some module has made it, else null.
template <class Base>
registry_state<Base>* find_state(hub& h) noexcept {
    spin_guard guard(h.states_lock);
    return find_state_locked<Base>(h);
}

template <class Base>
registry_state<Base>& find_or_create_state(hub& h) {
    spin_guard guard(h.states_lock);
    if (registry_state<Base>* existing = find_state_locked<Base>(h)) return *existing;
    // Never freed: other modules keep pointers to it for the process's life.
    auto* state = new registry_state<Base>();
    state->next = h.states;
    h.states = state;
    return *state;
}

/// A read section with the registry's current snapshot. The snapshot, and
/// every factory it lists, stay valid for the reader's lifetime.
template <class Base>
class reader {
public:
    AUTOREG_ALWAYS_INLINE explicit reader(registry_state<Base>& state)
        : ticket_(the_hub().readers.enter()) {
        // Checked inside the section: a removal that bumps the generation
        // after this check waits for this section before it frees anything.
        // A pending discovery sends every access to refresh(), which runs it
        // or waits for it.
        if (AUTOREG_UNLIKELY(!built_from_current(state) ||
                             state.pending_discoveries.load(memory_order_acquire) != 0)) {
            catch_up(state);
        }
        snapshot_ = state.current.load(memory_order_seq_cst);
    }
    ~reader() { the_hub().readers.exit(ticket_); }
    reader(const reader&) = delete;
    reader& operator=(const reader&) = delete;

    const snapshot<Base>& operator*() const noexcept { return *snapshot_; }
    const snapshot<Base>* operator->() const noexcept { return snapshot_; }

private:
    static bool built_from_current(const registry_state<Base>& state) noexcept {
        return state.built_generation.load(memory_order_acquire) ==
               the_hub().generation.load(memory_order_seq_cst);
    }

    // Refreshes outside the section: a discovery may unload libraries, and a
    // rebuild must not count as a reader of what it replaces. Should it
    // throw, the constructor fails with no section open. On the thread that
    // runs a pending discovery, one refresh suffices.
    AUTOREG_COLD void catch_up(registry_state<Base>& state) {
        do {
            the_hub().readers.exit(ticket_);
            state.refresh(the_hub());
            ticket_ = the_hub().readers.enter();
        } while (!built_from_current(state));
    }

    read_domain::ticket ticket_;
    const snapshot<Base>* snapshot_ = nullptr;
};

}  // namespace detail
}  // namespace autoreg

#endif
