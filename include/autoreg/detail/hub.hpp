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
#include <cstddef>
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
    /// What the registration is: a class's key, factory and the rest.
    const info_header* info = nullptr;
    /// What a hand registration's factory runs.
    const void* context = nullptr;
    /// Static nodes form a singly linked list, pushed at the front, so that
    /// linking writes into no other translation unit's object (which
    /// AddressSanitizer's strict initialisation-order check would report).
    /// Hand registrations, removed one by one, are doubly linked.
    node* prev = nullptr;
    node* next = nullptr;
    /// The module (executable or shared library) whose static storage holds
    /// the node; null for nodes with a destructor of their own.
    const void* module = nullptr;
    /// The library whose loading linked this node; 0 for the executable.
    std::uintptr_t owner = 0;
    /// Never reused, unlike the node's address: what shared() instances are
    /// remembered by.
    std::uint64_t serial = 0;
    bool linked = false;
    /// Set while its library is being unloaded, and while a library that
    /// could not be unloaded stays resident after its handle was destroyed.
    bool hidden = false;
};

struct registry_state_header;
struct loaded_library;

/// Modules whose nodes the hub holds; each gets one exit handler that
/// unlinks them when the module unloads.
inline constexpr std::size_t max_modules = 1024;

struct hub {
    spinlock list_lock{};
    node* static_nodes = nullptr;
    node* dynamic_nodes = nullptr;
    /// Bumped on every change of the list, so that a registry can tell with
    /// one load whether its index is current.
    std::atomic<std::uint64_t> generation{1};
    std::uint64_t next_serial = 0;

    const void* modules[max_modules]{};
    std::size_t module_count = 0;
    const void* last_module = nullptr;

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
// unloaded. The name carries the revision of the layout of everything reached
// through it (the hub, each registry's state and index, the hash that builds
// the index): modules built with two revisions must not share one hub.
extern "C" {
#if defined(_MSC_VER) && !defined(__clang__)  // untested
__declspec(selectany) autoreg::detail::hub autoreg_hub_v4{};
#else
// One definition per module, merged into one per process by the loader.
// NOLINTNEXTLINE(misc-definitions-in-headers)
__attribute__((weak, visibility("default"))) autoreg::detail::hub autoreg_hub_v4{};
#endif
}

#if AUTOREG_MODULE_EXIT_HANDLERS
// Itanium C++ ABI: every module has its own hidden __dso_handle, and exit
// handlers registered with it run when that module unloads.
extern "C" {
extern void* __dso_handle;
int __cxa_atexit(void (*function)(void*), void* argument, void* module);
}
#endif

namespace autoreg {
namespace detail {

inline hub& the_hub() noexcept { return autoreg_hub_v4; }

/// The module whose code calls this: each has its own __dso_handle.
inline const void* this_module() noexcept {
#if AUTOREG_MODULE_EXIT_HANDLERS
    return &__dso_handle;
#else
    return nullptr;
#endif
}

// Process-wide, unlike the address of a thread_local, which differs between
// the executable and each library.
inline std::uintptr_t current_thread_tag() noexcept {
#if defined(_WIN32)
    return static_cast<std::uintptr_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
#else
    return reinterpret_cast<std::uintptr_t>(reinterpret_cast<void*>(pthread_self()));
#endif
}

inline void unlink_module(void* module) noexcept;

#if AUTOREG_MODULE_EXIT_HANDLERS
/// Makes sure the module holding `n` unlinks its nodes when it unloads
/// (list lock held). One exit handler per module, not one per node: a
/// handler per node would cost a registration far more than the link, and
/// the C runtime allocates once it has more than a few dozen of them.
inline void watch_module(hub& h, const void* module) noexcept {
    if (module == nullptr || module == h.last_module) return;
    h.last_module = module;
    for (std::size_t i = 0; i < h.module_count; ++i) {
        if (h.modules[i] == module) return;
    }
    if (h.module_count == max_modules) return;  // its nodes then stay linked
    h.modules[h.module_count++] = module;
    void* handle = const_cast<void*>(module);
    __cxa_atexit(&unlink_module, handle, handle);
}
#endif

/// Calls `visit(node&)` for every linked node (list lock held).
template <class Visit>
void for_each_node(hub& h, Visit&& visit) {
    for (node* n = h.static_nodes; n != nullptr; n = n->next) visit(*n);
    for (node* n = h.dynamic_nodes; n != nullptr; n = n->next) visit(*n);
}

/// What every link does first (list lock held): number the node, and
/// attribute it to the library being loaded on this thread, if any.
inline void stamp(hub& h, node& n) noexcept {
    n.serial = ++h.next_serial;
    if (AUTOREG_UNLIKELY(h.loading_owner.load(std::memory_order_relaxed) != 0) &&
        h.loading_thread.load(std::memory_order_relaxed) == current_thread_tag()) {
        n.owner = h.loading_owner.load(std::memory_order_relaxed);
    }
}

/// Links a node in static storage; it stays until its module unloads.
inline void link_static(node& n) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    stamp(h, n);
#if AUTOREG_MODULE_EXIT_HANDLERS
    watch_module(h, n.module);
#endif
    n.next = h.static_nodes;
    h.static_nodes = &n;
    n.linked = true;
    h.generation.fetch_add(1, std::memory_order_release);
}

/// Links a hand registration's node; unlink() removes it.
inline void link(node& n) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    stamp(h, n);
    n.prev = nullptr;
    n.next = h.dynamic_nodes;
    if (h.dynamic_nodes != nullptr) h.dynamic_nodes->prev = &n;
    h.dynamic_nodes = &n;
    n.linked = true;
    h.generation.fetch_add(1, std::memory_order_release);
}

inline void unlink(node& n) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    if (!n.linked) return;
    (n.prev != nullptr ? n.prev->next : h.dynamic_nodes) = n.next;
    if (n.next != nullptr) n.next->prev = n.prev;
    n.prev = n.next = nullptr;
    n.linked = false;
    h.generation.fetch_add(1, std::memory_order_release);
}

/// Runs as the module unloads (dlclose, or exit): its nodes are about to
/// disappear with its static storage.
inline void unlink_module(void* module) noexcept {
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    for (node** link = &h.static_nodes; *link != nullptr;) {
        node* n = *link;
        if (n->module == module) {
            *link = n->next;
            n->next = nullptr;
            n->linked = false;
        } else {
            link = &n->next;
        }
    }
    for (std::size_t i = 0; i < h.module_count; ++i) {
        if (h.modules[i] == module) {
            h.modules[i] = h.modules[--h.module_count];
            break;
        }
    }
    if (h.last_module == module) h.last_module = nullptr;
    h.generation.fetch_add(1, std::memory_order_release);
}

}  // namespace detail
}  // namespace autoreg

#endif
