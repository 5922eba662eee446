/// \file
/// The part of a registry's state that code which does not know the
/// registry's base can use: its identity, discovery and shared instances.
#ifndef AUTOREG_DETAIL_STATE_HEADER_HPP
#define AUTOREG_DETAIL_STATE_HEADER_HPP

#include <cstdint>
#include <string_view>
#include <vector>

#include "discovery.hpp"
#include "hub.hpp"
#include "shared_instances.hpp"
#include "spinlock.hpp"

namespace autoreg {
namespace detail {

struct registry_state_header {
    registry_state_header(std::string_view name, std::uint64_t hash) noexcept
        : base_name(name), base_hash(hash) {}
    registry_state_header(const registry_state_header&) = delete;
    registry_state_header& operator=(const registry_state_header&) = delete;

    std::string_view base_name;
    std::uint64_t base_hash;
    registry_state_header* next = nullptr;

    discovery discover;
    /// Discoveries, this registry's or its primaries', that accesses must
    /// run or wait for before they may use the registry.
    pending_count pending_discoveries{0};
    shared_instances shared;

    /// The primary registries whose secondary this is: accessing it runs
    /// their discovery first.
    spinlock primaries_lock{};
    std::vector<registry_state_header*> primaries;

    void add_primary(registry_state_header& primary) {
        spin_guard guard(primaries_lock);
        for (registry_state_header* p : primaries) {
            if (p == &primary) return;
        }
        primaries.push_back(&primary);
    }

    /// Runs (or waits for) the discoveries this registry depends on.
    void run_discoveries() {
        std::vector<registry_state_header*> firsts;
        {
            spin_guard guard(primaries_lock);
            firsts = primaries;
        }
        for (registry_state_header* p : firsts) p->discover.run();
        discover.run();
    }

    bool discovery_awaits_this_thread() {
        {
            spin_guard guard(primaries_lock);
            for (registry_state_header* p : primaries) {
                if (p->discover.awaits_this_thread()) return true;
            }
        }
        return discover.awaits_this_thread();
    }
};

}  // namespace detail
}  // namespace autoreg

#endif
