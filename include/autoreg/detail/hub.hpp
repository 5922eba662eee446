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

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../config.hpp"
#include "atomic.hpp"

#if defined(_WIN32)
#include "win32.hpp"
#endif
#if defined(AUTOREG_HAS_DLFCN)
#include <dlfcn.h>
#if defined(__ELF__) && __has_include(<link.h>)
#include <link.h>
#define AUTOREG_ELF_DYNAMIC 1
// The module's own dynamic section, which the linker defines in every module
// that has one: declared as <link.h> declares it, but weak, since a static
// executable has none. The redeclaration is the point: it adds the weakness.
// NOLINTNEXTLINE(readability-redundant-declaration)
__attribute__((weak)) extern ElfW(Dyn) _DYNAMIC[];
#endif
#endif
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
    /// True for a class that plugin_index read from a library not loaded yet:
    /// the header is then an indexed_info's, and the node's context its
    /// indexed_library.
    bool indexed;
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

/// Changes of the list that were only loadings of indexed libraries, one
/// after the other: the generations they span and the serial after which
/// their nodes were numbered. A registry whose index was built at `from`
/// patches that index with the nodes numbered since, where each is a class
/// it lists as a loaded library's, instead of building anew: loading an
/// indexed library then costs its registries no rebuild.
struct fulfilment {
    std::uint64_t from = 0;
    /// 0 until the first fulfilment. Atomic so that a registry's refresh can
    /// tell without the list lock that there has never been one.
    atomic<std::uint64_t> to{0};
    std::uint64_t after_serial = 0;
};

struct hub {
    spinlock list_lock{};
    node* static_nodes = nullptr;
    node* dynamic_nodes = nullptr;
    /// Bumped on every change of the list, so that a registry can tell with
    /// one load whether its index is current.
    atomic<std::uint64_t> generation{1};
    std::uint64_t next_serial = 0;
    /// The list's last changes, where they were fulfilments (list lock).
    fulfilment last_fulfilment{};

    spinlock states_lock{};
    registry_state_header* states = nullptr;

    read_domain readers{};

    /// Set while load_library() runs dlopen, so that the nodes it links can be
    /// attributed to the library.
    atomic<std::uintptr_t> loading_owner{0};
    atomic<std::uintptr_t> loading_thread{0};

    /// Serialises loading and unloading of libraries; recursive because a
    /// library's static initialisers may load another.
    recursive_lock library_lock{};
    loaded_library* libraries = nullptr;
    std::uintptr_t next_library_token = 0;
};

}  // namespace detail
}  // namespace autoreg

// One hub per process. The name carries the revision of the layout of
// everything reached through it (the hub, each registry's state and index,
// the hash that builds the index): modules built with two revisions must not
// share one hub.
extern "C" {
#if defined(_WIN32)
// Windows binds no symbol across modules: each module has its copy, and
// join_process_hub() finds the one the executable exports. Only an executable
// exports it (AUTOREG_EXPORT_HUB, which autoreg_enable_plugins defines): an
// export in a DLL would end MinGW's default of exporting all its symbols.
#if defined(AUTOREG_EXPORT_HUB)
__declspec(dllexport)
#endif
    // NOLINTNEXTLINE(misc-definitions-in-headers)
    inline autoreg::detail::hub autoreg_hub_v10{};
#else
// The symbol is exported even from libraries built with -fvisibility=hidden,
// so the dynamic linker binds every module to the first definition, the
// host's. It is weak rather than inline because GCC makes inline variables
// STB_GNU_UNIQUE, and a library holding one can never be unloaded.
// One definition per module, merged into one per process by the loader.
// NOLINTNEXTLINE(misc-definitions-in-headers)
__attribute__((weak, visibility("default"))) autoreg::detail::hub autoreg_hub_v10{};
#endif
}

namespace autoreg {
namespace detail {

// Everything below marked AUTOREG_LOCAL exists once per module (executable or
// shared library) and is never bound to another module's copy, whatever the
// visibility a module is built with: it is how a module knows itself.

/// The hub this module uses. It starts as the one the loader bound the
/// module to, which is the process's unless the module was linked with
/// -Bsymbolic (that binds a library's references to its own definitions, and
/// so to a hub of its own); join_process_hub() corrects it before the module
/// first uses the hub.
AUTOREG_LOCAL inline atomic<hub*> module_hub{&autoreg_hub_v10};
AUTOREG_LOCAL inline atomic<bool> module_joined{false};

/// The hub, on paths that only a module that already joined it can reach
/// (create(), with a registry state found through joined_hub()).
AUTOREG_LOCAL inline hub& the_hub() noexcept { return *module_hub.load(memory_order_relaxed); }

/// The definition of the hub that the dynamic linker binds modules to: the
/// first in the global scope (the executable, the libraries it was linked
/// with, then those loaded RTLD_GLOBAL). Null where none of them exports one.
/// Looked up through the main program's handle, not RTLD_DEFAULT, which in a
/// library linked with -Bsymbolic finds that library's own definition first.
/// On Windows: the one the executable exports, if it does.
AUTOREG_COLD inline hub* global_hub_definition() noexcept {
#if defined(_WIN32)
    HINSTANCE__* program = GetModuleHandleW(nullptr);
    if (program == nullptr) return nullptr;
    // A data export, which GetProcAddress returns as if it were a function.
    return reinterpret_cast<hub*>(GetProcAddress(program, "autoreg_hub_v10"));
#elif defined(AUTOREG_HAS_DLFCN)
    void* program = dlopen(nullptr, RTLD_NOW);
    if (program == nullptr) return nullptr;
    void* found = dlsym(program, "autoreg_hub_v10");
    dlclose(program);
    return static_cast<hub*>(found);
#else
    return nullptr;
#endif
}

/// Whether this module was linked with -Bsymbolic, which binds its own
/// references to its own definitions: then the hub it was bound to may not
/// be the process's. Read from its dynamic section (GNU ld and gold set
/// DT_SYMBOLIC, lld the DF_SYMBOLIC flag), without the look-up that every
/// other module would pay for, and which allocates where it fails.
AUTOREG_LOCAL inline bool module_binds_itself() noexcept {
#if defined(AUTOREG_ELF_DYNAMIC)
    for (const ElfW(Dyn)* entry = _DYNAMIC; entry != nullptr && entry->d_tag != DT_NULL; ++entry) {
        if (entry->d_tag == DT_SYMBOLIC) return true;
        if (entry->d_tag == DT_FLAGS && (entry->d_un.d_val & DF_SYMBOLIC) != 0) return true;
    }
    return false;
#else
    return true;  // Windows, and ELF without <link.h>: always look it up
#endif
}

AUTOREG_COLD AUTOREG_LOCAL inline hub& join_process_hub() noexcept {
    if (module_binds_itself()) {
        if (hub* process = global_hub_definition()) {
            module_hub.store(process, memory_order_relaxed);
        }
    }
    module_joined.store(true, memory_order_release);
    return the_hub();
}

/// The hub, on every path by which a module may touch it first: linking a
/// node, finding a registry's state, loading a library.
AUTOREG_LOCAL inline hub& joined_hub() noexcept {
    if (AUTOREG_LIKELY(module_joined.load(memory_order_acquire))) return the_hub();
    return join_process_hub();
}

#if AUTOREG_MODULE_EXIT_HANDLERS
/// Whether this module has registered its exit handler (list lock); its
/// address is the module's identity in the nodes it links. Writable, so that
/// no linker folds it with another module's.
AUTOREG_LOCAL inline bool module_watched = false;
#endif

/// The module whose code calls this.
AUTOREG_LOCAL inline const void* this_module() noexcept {
#if AUTOREG_MODULE_EXIT_HANDLERS
    return &module_watched;
#else
    return nullptr;
#endif
}

inline void unlink_module(hub& h, const void* module) noexcept;

#if AUTOREG_MODULE_EXIT_HANDLERS
AUTOREG_LOCAL inline void unlink_this_module() noexcept { unlink_module(the_hub(), this_module()); }

/// Unlinks this module's nodes as it is destroyed.
struct AUTOREG_LOCAL module_exit_watch {
    ~module_exit_watch() { unlink_this_module(); }
};

/// Makes sure this module unlinks its nodes as it unloads (list lock held).
/// The destructor of a function-local static in this hidden function is
/// registered by the compiler with __cxa_atexit and this module's own
/// __dso_handle, so it runs when this module unloads (dlclose, or exit),
/// before its memory goes, and autoreg declares neither. std::atexit would
/// not do: GCC's ThreadSanitizer runtime (libtsan.so) exports an atexit that
/// the link binds ahead of glibc's per-module one, and runs its handlers only
/// at exit. One handler per module, not one per node: a handler per node
/// would cost a registration far more than the link, and the C runtime
/// allocates once it has more than a few dozen of them.
AUTOREG_LOCAL inline void watch_this_module() noexcept {
    if (module_watched) return;
    module_watched = true;
    static module_exit_watch watch;
    (void)watch;
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
    if (AUTOREG_UNLIKELY(h.loading_owner.load(memory_order_relaxed) != 0) &&
        h.loading_thread.load(memory_order_relaxed) == current_thread_tag()) {
        n.owner = h.loading_owner.load(memory_order_relaxed);
    }
}

/// Links a node in static storage; it stays until its module unloads.
/// Module-local, like watch_this_module(), which must run in the module that
/// holds the node.
AUTOREG_LOCAL inline void link_static(node& n) noexcept {
    hub& h = joined_hub();
    spin_guard guard(h.list_lock);
    stamp(h, n);
#if AUTOREG_MODULE_EXIT_HANDLERS
    watch_this_module();
#endif
    n.next = h.static_nodes;
    h.static_nodes = &n;
    n.linked = true;
    h.generation.fetch_add(1, memory_order_release);
}

/// Links a node with a destructor of its own (list lock held).
inline void link_locked(hub& h, node& n) noexcept {
    stamp(h, n);
    n.prev = nullptr;
    n.next = h.dynamic_nodes;
    if (h.dynamic_nodes != nullptr) h.dynamic_nodes->prev = &n;
    h.dynamic_nodes = &n;
    n.linked = true;
}

inline void unlink_locked(hub& h, node& n) noexcept {
    if (!n.linked) return;
    (n.prev != nullptr ? n.prev->next : h.dynamic_nodes) = n.next;
    if (n.next != nullptr) n.next->prev = n.prev;
    n.prev = n.next = nullptr;
    n.linked = false;
}

/// Links a hand registration's node; unlink() removes it.
inline void link(node& n) noexcept {
    hub& h = joined_hub();
    spin_guard guard(h.list_lock);
    link_locked(h, n);
    h.generation.fetch_add(1, memory_order_release);
}

inline void unlink(node& n) noexcept {
    hub& h = joined_hub();
    spin_guard guard(h.list_lock);
    if (!n.linked) return;
    unlink_locked(h, n);
    h.generation.fetch_add(1, memory_order_release);
}

/// Runs as a module unloads (dlclose, or exit): its nodes are about to
/// disappear with its static storage.
inline void unlink_module(hub& h, const void* module) noexcept {
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
    h.generation.fetch_add(1, memory_order_release);
}

}  // namespace detail
}  // namespace autoreg

#endif
