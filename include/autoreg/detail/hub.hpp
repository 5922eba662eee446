/// \file
/// The process-wide hub: every registration of every registry, as an
/// intrusive list of nodes that live in static storage.
///
/// A registration links a node in O(1) without allocating: the hub is
/// constant-initialised, so a node may link itself from any static
/// initialiser in any order. Each registry builds its lookup index from the
/// list lazily, on first access after the list changed.
#ifndef AUTOREG_DETAIL_HUB_HPP
#define AUTOREG_DETAIL_HUB_HPP

#include <atomic>
#include <cstdint>
#include <string_view>

#if defined(_WIN32)
#include <thread>
#else
#include <pthread.h>
#endif

#include "../config.hpp"
#include "read_domain.hpp"
#include "spinlock.hpp"

namespace autoreg {
namespace detail {

/// The part of a registration's description that every registry can read,
/// whatever its base: enough to tell whether the node belongs to it.
struct info_header {
    std::string_view base_name;
    std::uint64_t base_hash;
    /// False for abstract classes and for keyless ones under skip_if_no_key.
    bool enabled;
};

struct node;

/// One registered class (or hand-made entry) in the hub's list.
struct node {
    using info_fn = const info_header* (*)() noexcept;

    /// The description is reached through a function because it needs the
    /// complete class, which the mixin's base clause does not have yet.
    info_fn describe = nullptr;
    /// Hand registrations carry their description, and the callable their
    /// factory runs, with them.
    const info_header* info = nullptr;
    const void* context = nullptr;
    node* prev = nullptr;
    node* next = nullptr;
    /// The library whose loading linked this node; 0 for the executable.
    std::uintptr_t owner = 0;
    bool linked = false;
    /// Set while its library is being unloaded, and while a library that
    /// could not be unloaded stays resident after its handle was destroyed.
    bool hidden = false;
};

inline const info_header* header_of(const node& n) noexcept {
    return n.info != nullptr ? n.info : n.describe();
}

struct registry_state_header;
struct loaded_library;

struct hub {
    spinlock list_lock{};
    node* head = nullptr;
    node* tail = nullptr;
    /// Bumped on every change of the list, so that a registry can tell with
    /// one load whether its index is current.
    std::atomic<std::uint64_t> generation{1};

    spinlock states_lock{};
    registry_state_header* states = nullptr;

    read_domain readers{};

    /// Set while load_library() runs dlopen, so that the nodes it links can be
    /// attributed to the library.
    std::atomic<std::uintptr_t> loading_owner{0};
    std::atomic<std::uintptr_t> loading_thread{0};

    /// Serialises loading and unloading of libraries; recursive because a
    /// library's static initialisers may load another.
    spinlock library_lock{};
    std::uintptr_t library_lock_owner = 0;
    unsigned library_lock_depth = 0;
    loaded_library* libraries = nullptr;
    std::uintptr_t next_library_token = 0;
};

}  // namespace detail
}  // namespace autoreg

// One hub per process: the symbol is exported even from libraries built with
// -fvisibility=hidden, so the dynamic linker binds every module to the first
// definition, the host's. It is weak rather than inline because GCC makes
// inline variables STB_GNU_UNIQUE, and a library holding one can never be
// unloaded. The name carries the layout's revision.
extern "C" {
#if defined(_MSC_VER) && !defined(__clang__)  // untested
__declspec(selectany) autoreg::detail::hub autoreg_hub_v1{};
#else
__attribute__((weak, visibility("default"))) autoreg::detail::hub autoreg_hub_v1{};
#endif
}

namespace autoreg {
namespace detail {

inline hub& the_hub() noexcept { return autoreg_hub_v1; }

// Process-wide, unlike the address of a thread_local, which differs between
// the executable and each library.
inline std::uintptr_t current_thread_tag() noexcept {
#if defined(_WIN32)
    return static_cast<std::uintptr_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
#else
    return reinterpret_cast<std::uintptr_t>(reinterpret_cast<void*>(pthread_self()));
#endif
}

inline void link(node& n) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    if (h.loading_thread.load(std::memory_order_relaxed) == current_thread_tag()) {
        n.owner = h.loading_owner.load(std::memory_order_relaxed);
    }
    n.prev = h.tail;
    n.next = nullptr;
    if (h.tail != nullptr) {
        h.tail->next = &n;
    } else {
        h.head = &n;
    }
    h.tail = &n;
    n.linked = true;
    h.generation.fetch_add(1, std::memory_order_release);
}

inline void unlink(node& n) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    if (!n.linked) return;
    (n.prev != nullptr ? n.prev->next : h.head) = n.next;
    (n.next != nullptr ? n.next->prev : h.tail) = n.prev;
    n.prev = n.next = nullptr;
    n.linked = false;
    h.generation.fetch_add(1, std::memory_order_release);
}

}  // namespace detail
}  // namespace autoreg

#endif
