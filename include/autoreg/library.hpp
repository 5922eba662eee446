/// \file
/// Plugins: shared libraries whose classes register as they load and
/// disappear as they unload.
#ifndef AUTOREG_LIBRARY_HPP
#define AUTOREG_LIBRARY_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "config.hpp"
#include "detail/atomic.hpp"
#include "detail/hub.hpp"
#include "detail/state_header.hpp"
#include "detail/text.hpp"
#include "errors.hpp"

#include "detail/dynamic_loader.hpp"

namespace autoreg {
namespace detail {

/// One library loaded through load_library(), shared by its handles.
struct loaded_library {
    void* handle;
    std::uintptr_t token;
    std::size_t handles;
    loaded_library* next;
};

/// Holds the hub's library lock; the thread that holds it may take it again.
class library_guard : spin_guard<recursive_lock> {
public:
    explicit library_guard(hub& h) noexcept : spin_guard<recursive_lock>(h.library_lock) {}
};

inline void set_hidden(hub& h, std::uintptr_t owner, bool hidden) noexcept {
    spin_guard guard(h.list_lock);
    for_each_node(h, [&](node& n) {
        if (n.owner == owner) n.hidden = hidden;
    });
    h.generation.fetch_add(1, memory_order_release);
}

/// After a library has unloaded: its own nodes went with it, unlinked by its
/// module's exit handler, so those still linked belong to libraries it had
/// loaded that stay (another module needs them). They are no longer that
/// library's to hide.
inline void release_survivors(hub& h, std::uintptr_t owner) noexcept {
    spin_guard guard(h.list_lock);
    for_each_node(h, [&](node& n) {
        if (n.owner == owner) {
            n.owner = 0;
            n.hidden = false;
        }
    });
    h.generation.fetch_add(1, memory_order_release);
}

inline void release_shared_instances(hub& h, std::uintptr_t owner) {
    std::vector<std::shared_ptr<void>> released;
    {
        spin_guard guard(h.states_lock);
        for (registry_state_header* s = h.states; s != nullptr; s = s->next) {
            auto taken = s->shared.take_owned_by(owner);
            for (auto& instance : taken) released.push_back(std::move(instance));
        }
    }
    // The destructors run here, after the lock, while the library is mapped.
}

}  // namespace detail

/// A loaded plugin library. Destroying the handle (or unload()) unloads the
/// library and removes its registrations; no factory of an unloaded library
/// is ever called, and shared() instances its classes made are released
/// first. Objects its factories made must be destroyed before the handle.
/// Movable, not copyable.
/// \code
/// autoreg::library zstd = autoreg::load_library("plugins/libzstd_codec.so");
/// {
///     auto codec = autoreg::Registry<Codec>::create("zstd");
/// }                // objects the plugin made go first
/// zstd.unload();   // then the plugin, and the "zstd" key with it
/// \endcode
class library {
public:
    /// An empty handle, which holds no library.
    library() noexcept = default;
    /// Takes the other handle's library; the other handle becomes empty.
    library(library&& other) noexcept
        : path_(std::move(other.path_)), record_(std::exchange(other.record_, nullptr)) {}
    /// Unloads the library this handle holds, if any, and takes the other's.
    library& operator=(library&& other) noexcept {
        if (this != &other) {
            unload();
            path_ = std::move(other.path_);
            record_ = std::exchange(other.record_, nullptr);
        }
        return *this;
    }
    /// Unloads the library, as unload() does.
    ~library() { unload(); }
    /// Not copyable: each handle unloads the library once. Load the library
    /// again for a second handle; it stays loaded until both are gone.
    library(const library&) = delete;
    /// Not copyable, for the same reason.
    library& operator=(const library&) = delete;

    /// The path the library was loaded from.
    const std::string& path() const noexcept { return path_; }

    /// Whether the handle holds a loaded library.
    explicit operator bool() const noexcept { return record_ != nullptr; }

    /// Unloads now; the handle becomes empty. Waits until no other thread
    /// is inside a factory of any registry, so do not call it from one.
    void unload() noexcept;

private:
    friend library load_library(const std::string& path);
    library(std::string path, detail::loaded_library* record) noexcept
        : path_(std::move(path)), record_(record) {}

    std::string path_;
    detail::loaded_library* record_ = nullptr;
};

namespace detail {

AUTOREG_COLD inline void check_host_shares_registries(const std::string& path) {
    if (global_hub_definition() == &the_hub()) return;
#if defined(_WIN32)
    constexpr const char* fix =
        "Build the executable with autoreg_enable_plugins(<target>) in CMake, or compile it "
        "with -DAUTOREG_EXPORT_HUB.";
#else
    constexpr const char* fix =
        "Build the executable with autoreg_enable_plugins(<target>) in CMake (which sets "
        "ENABLE_EXPORTS), or link it with -rdynamic.";
#endif
    raise<error>(concat(
        "autoreg: cannot load ", path,
        ": this program does not share its registries with the libraries it loads. Its "
        "executable does not export the symbol autoreg_hub_v10, so the library would register "
        "its classes into a separate copy of every registry. ",
        fix));
}

}  // namespace detail

/// Loads the shared library at `path`; its classes register as it loads.
/// The library is loaded with all its symbols resolved at once (RTLD_NOW).
/// Loading a library that is already loaded returns another handle to it.
/// \throws autoreg::error naming the path and the loader's own message, or
/// saying how to fix a host that cannot share its registries (one that does
/// not export its symbols: see `autoreg_enable_plugins`). On Windows the
/// path is UTF-8 and the message is the system's (FormatMessage).
/// \code
/// autoreg::library codecs = autoreg::load_library("./plugins/libzstd_codec.so");
/// auto codec = autoreg::Registry<Codec>::create("zstd");
/// \endcode
inline library load_library(const std::string& path) {
    detail::hub& h = detail::joined_hub();
    detail::check_host_shares_registries(path);
    detail::library_guard guard(h);
    const std::uintptr_t token = ++h.next_library_token;
    const std::uintptr_t outer_owner = h.loading_owner.exchange(token);
    const std::uintptr_t outer_thread = h.loading_thread.exchange(detail::current_thread_tag());
    std::string failure;
    void* handle = detail::open_library(path, failure);
    h.loading_owner.store(outer_owner);
    h.loading_thread.store(outer_thread);
    if (handle == nullptr) {
        detail::raise<error>(detail::concat("autoreg: cannot load library ", path, ": ", failure));
    }
    for (detail::loaded_library* r = h.libraries; r != nullptr; r = r->next) {
        if (r->handle == handle) {
            // Loaded before: through another handle, or left resident by a
            // loader that could not unload it, with its nodes hidden.
            if (r->handles++ == 0) detail::set_hidden(h, r->token, false);
            return library(path, r);
        }
    }
    auto* record = new detail::loaded_library{handle, token, 1, h.libraries};
    h.libraries = record;
    return library(path, record);
}

inline void library::unload() noexcept {
    if (record_ == nullptr) return;
    detail::hub& h = detail::joined_hub();
    detail::library_guard guard(h);
    detail::loaded_library* record = std::exchange(record_, nullptr);
    void* handle = record->handle;
    if (--record->handles == 0) {
        detail::set_hidden(h, record->token, true);
        h.readers.synchronize();  // no reader can still be in one of its factories
        detail::release_shared_instances(h, record->token);
    }
    detail::close_library(handle);
    if (record->handles != 0) return;
    // A library may stay resident (RTLD_NODELETE, GNU unique symbols, or
    // another LoadLibrary of it); then its nodes stay hidden until it is
    // loaded again.
    if (detail::still_loaded(path_)) return;
    detail::release_survivors(h, record->token);
    for (detail::loaded_library** r = &h.libraries; *r != nullptr; r = &(*r)->next) {
        if (*r == record) {
            *r = record->next;
            break;
        }
    }
    delete record;
}

/// Loads every shared library (`.so`; `.dylib` on macOS; `.dll`, in any
/// letter case, on Windows) in `folder`, in byte-wise order of the names'
/// UTF-8, skipping other files and subfolders.
/// \throws autoreg::error for a missing folder or a library that fails to
/// load; libraries loaded before the failure are unloaded again.
/// \code
/// std::vector<autoreg::library> plugins = autoreg::load_libraries("/usr/lib/app/plugins");
/// \endcode
inline std::vector<library> load_libraries(const std::string& folder) {
    const std::vector<std::string> names = detail::library_names_in(folder);
    std::vector<library> loaded;
    loaded.reserve(names.size());
    for (const std::string& name : names)
        loaded.push_back(load_library(detail::path_in(folder, name)));
    return loaded;
}

}  // namespace autoreg

#endif
