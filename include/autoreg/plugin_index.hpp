/// \file
/// Lazy plugins: a folder of shared libraries indexed from their files,
/// without loading them; each is loaded when one of its keys is first asked
/// for.
#ifndef AUTOREG_PLUGIN_INDEX_HPP
#define AUTOREG_PLUGIN_INDEX_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config.hpp"
#include "detail/atomic.hpp"
#include "detail/hash.hpp"
#include "detail/hub.hpp"
#include "detail/index_record.hpp"
#include "detail/indexed.hpp"
#include "detail/owned.hpp"
#include "detail/sort.hpp"
#include "detail/text.hpp"
#include "errors.hpp"
#include "library.hpp"
#include "traits.hpp"

#if (defined(__ELF__) && defined(AUTOREG_HAS_DLFCN)) || defined(_WIN32)
/// 1 where index_libraries() can read libraries' files (ELF systems, and
/// Windows: PE files).
#define AUTOREG_HAS_PLUGIN_INDEX 1
#include "detail/file_access.hpp"
#include "detail/file_bytes.hpp"
#include "detail/index_cache.hpp"
#include "detail/library_file.hpp"
#else
#define AUTOREG_HAS_PLUGIN_INDEX 0
#endif

namespace autoreg {
namespace detail {

/// An indexed library, as its plugin_index keeps it.
struct index_library : indexed_library {
    /// What the hub lists while the index lives; its context is the library.
    node link;
    /// The records, where they were read from the file rather than the cache.
    std::string records_read;
    /// Serialises loading and unloading; recursive so that a library whose
    /// static initialisers ask for one of its own keys gets an error, not a
    /// deadlock.
    recursive_lock lock;
    library handle;
    bool loading = false;
};

struct index_contents {
#if AUTOREG_HAS_PLUGIN_INDEX
    /// The cache file's bytes, which libraries' records may view.
    file_bytes cache_bytes;
#endif
    std::vector<owned<index_library>> libraries;
    std::string cache_failure;
};

/// Records, as the hub's last fulfilment, a loading of an indexed library
/// that found the list at `from` with serials up to `after_serial`, where
/// nothing but that loading's links changed the list: each link numbers one
/// node and bumps the generation once, anything else bumps it alone. One
/// right after the last fulfilment extends it, so that a registry not used
/// in between patches its index with both.
inline void record_fulfilment(hub& h, std::uint64_t from, std::uint64_t after_serial) noexcept {
    spin_guard guard(h.list_lock);
    const std::uint64_t to = h.generation.load(memory_order_relaxed);
    if (to - from != h.next_serial - after_serial) return;
    fulfilment& last = h.last_fulfilment;
    const std::uint64_t last_to = last.to.load(memory_order_relaxed);
    if (last_to == 0 || last_to != from) {
        last.from = from;
        last.after_serial = after_serial;
    }
    last.to.store(to, memory_order_release);
}

AUTOREG_COLD inline void load_indexed_library(indexed_library& indexed) {
    auto& self = static_cast<index_library&>(indexed);
    const detail::spin_guard guard(self.lock);
    if (self.handle) return;
    if (self.loading) {
        raise<error>(concat("autoreg: ", self.path,
                            " asked for one of the keys it declares while it was being loaded, "
                            "before the class had registered; its static initialisers must not "
                            "create its own classes"));
    }
    self.loading = true;
    struct done_loading {
        bool& flag;
        ~done_loading() { flag = false; }
    } done{self.loading};
    hub& h = joined_hub();
    std::uint64_t from = 0;
    std::uint64_t after_serial = 0;
    {
        spin_guard list_guard(h.list_lock);
        from = h.generation.load(memory_order_relaxed);
        after_serial = h.next_serial;
    }
    self.handle = load_library(self.path);
    self.loaded.store(true, memory_order_release);
    record_fulfilment(h, from, after_serial);
}

}  // namespace detail

/// A folder of plugins indexed by index_libraries(): while it lives, the
/// registries list the classes its libraries declare, and create() of one
/// of their keys loads the library that declares it. Destroying it (or
/// reset by assignment) unloads the libraries it loaded and removes the
/// keys it indexed; objects their factories made must be destroyed first.
/// Movable, not copyable.
class plugin_index {
public:
    /// An empty index.
    plugin_index() noexcept = default;
    /// Takes the other index's libraries; the other becomes empty.
    plugin_index(plugin_index&& other) noexcept = default;
    /// Drops this index, as the destructor does, and takes the other's.
    plugin_index& operator=(plugin_index&& other) noexcept {
        if (this != &other) {
            reset();
            contents_ = std::move(other.contents_);
        }
        return *this;
    }
    /// Unloads what the index loaded and removes what it indexed.
    ~plugin_index() { reset(); }
    plugin_index(const plugin_index&) = delete;
    plugin_index& operator=(const plugin_index&) = delete;

    /// The paths of the indexed libraries, in the order of their names.
    std::vector<std::string> paths() const {
        std::vector<std::string> out;
        if (contents_ == nullptr) return out;
        for (const auto& library : contents_->libraries) out.push_back(library->path);
        return out;
    }

    /// Whether the library at `path` (as paths() lists it) is loaded now.
    bool loaded(const std::string& path) const {
        detail::index_library* library = find(path);
        if (library == nullptr) return false;
        const detail::spin_guard guard(library->lock);
        return static_cast<bool>(library->handle);
    }

    /// Unloads every library the index loaded; their keys stay indexed, and
    /// the next create() of one loads its library again. Waits until no
    /// other thread is inside a factory of any registry.
    void unload() noexcept {
        if (contents_ == nullptr) return;
        for (const auto& library : contents_->libraries) unload(*library);
    }

    /// Unloads the library at `path` (as paths() lists it), if the index
    /// loaded it; its keys stay indexed.
    void unload(const std::string& path) noexcept {
        if (detail::index_library* library = find(path)) unload(*library);
    }

    /// Why the cache file could not be written (for instance, its folder is
    /// not writable), or empty. The index works without it.
    std::string cache_error() const {
        return contents_ != nullptr ? contents_->cache_failure : std::string();
    }

private:
    friend plugin_index index_libraries(const std::string& folder, const std::string& cache_file);
    explicit plugin_index(detail::owned<detail::index_contents> contents) noexcept
        : contents_(std::move(contents)) {}

    detail::index_library* find(const std::string& path) const noexcept {
        if (contents_ == nullptr) return nullptr;
        for (const auto& library : contents_->libraries) {
            if (library->path == path) return library.get();
        }
        return nullptr;
    }

    static void unload(detail::index_library& indexed) noexcept {
        library handle;
        {
            const detail::spin_guard guard(indexed.lock);
            handle = std::move(indexed.handle);
            indexed.loaded.store(false, detail::memory_order_release);
        }
        // Unloading waits for readers, one of which may be waiting for the
        // lock to load this library: so not under the lock.
        handle.unload();
    }

    void reset() noexcept {
        if (contents_ == nullptr) return;
        detail::hub& h = detail::joined_hub();
        {
            detail::spin_guard guard(h.list_lock);
            for (const auto& library : contents_->libraries) {
                detail::unlink_locked(h, library->link);
            }
            h.generation.fetch_add(1, detail::memory_order_release);
        }
        // A create() that found an indexed key loads its library inside its
        // read section: once none is left, no thread can reach the index.
        h.readers.synchronize();
        unload();
        contents_.reset();
    }

    detail::owned<detail::index_contents> contents_;
};

namespace detail {

#if AUTOREG_HAS_PLUGIN_INDEX

[[noreturn]] AUTOREG_COLD inline void cannot_index(const std::string& path,
                                                   const std::string& reason) {
    raise<error>(concat("autoreg: cannot index ", path, ": ", reason));
}

/// The distinct records of a records section, one after the other, and in
/// `count` their number; throws where the section holds something that is
/// not a record.
inline std::string distinct_records(const std::string& path, std::string_view section,
                                    std::size_t& count) {
    std::vector<std::string_view> found;
    std::size_t at = 0;
    for (;;) {
        while (at < section.size() && section[at] == '\0') ++at;  // padding
        if (at == section.size()) break;
        const std::size_t start = at;
        record_fields fields;
        if (!decode_record(section, at, fields)) {
            cannot_index(path, concat("its ", record_section_name,
                                      " section holds something at offset ", start,
                                      " that is not a record of this autoreg version; was it built "
                                      "with another?"));
        }
        found.push_back(section.substr(start, at - start));
    }
    // Every unit that defines a class emits its record; keep the first of
    // each. Ordered by hash first: comparing the records' bytes, which share
    // their first tens, was a fifth of indexing a folder without a cache.
    struct hashed {
        std::uint64_t hash;
        std::size_t index;
    };
    std::vector<hashed> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = {hash_key(found[i]), i};
    const auto same = [&](const hashed& a, const hashed& b) {
        return a.hash == b.hash && found[a.index] == found[b.index];
    };
    sort_range(order.begin(), order.end(), [&](const hashed& a, const hashed& b) {
        if (a.hash != b.hash) return a.hash < b.hash;
        const int bytes = found[a.index].compare(found[b.index]);
        return bytes < 0 || (bytes == 0 && a.index < b.index);
    });
    std::vector<bool> keep(found.size(), false);
    for (std::size_t i = 0; i < order.size(); ++i) {
        keep[order[i].index] = i == 0 || !same(order[i], order[i - 1]);
    }
    std::string out;
    count = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (!keep[i]) continue;
        out.append(found[i]);
        ++count;
    }
    return out;
}

/// How many records `records` holds; false where it holds anything but
/// whole records.
inline bool count_records(std::string_view records, std::size_t& count) noexcept {
    count = 0;
    record_fields fields;
    for (std::size_t at = 0; at < records.size(); ++count) {
        if (!decode_record(records, at, fields)) return false;
    }
    return true;
}

/// Reads the libraries of one folder, one after the other.
class folder_reader {
public:
    explicit folder_reader(const std::string& folder) : folder_(folder) {}

    /// The records of the library `name` at `path`, from the cache where it
    /// knows this version of the file and its records are readable, else
    /// from the file, into `storage`; `count` is set to their number.
    cached_library read(const std::string& path, std::string name, const cached_library* cached,
                        std::string& storage, bool& from_cache, std::size_t& count) {
        cached_library out;
        out.name = std::move(name);
        file_identity id;
        from_cache = cached != nullptr && folder_.identity(path, out.name, id) &&
                     id == cached->id && count_records(cached->records, count);
        if (from_cache) {
            out.id = cached->id;
            out.records = cached->records;
            return out;
        }
        count = 0;
        std::string failure;
        switch (file_.read(path, record_section_name, section_, out.id, failure)) {
            case library_status::found:
                storage = distinct_records(path, section_, count);
                out.records = storage;
                break;
            case library_status::absent:
                break;  // no registering class, or one not built for indexing
            case library_status::not_library:
            case library_status::unreadable:
                cannot_index(path, failure);
        }
        return out;
    }

private:
    folder_files folder_;
    library_file_reader file_;
    std::string section_;
};

#endif

}  // namespace detail

/// Indexes the shared libraries in `folder` (those load_libraries() would
/// load) without loading any: each library's classes are read from its file,
/// where the compiler recorded them (see docs/plugins.md). While the
/// returned index lives, create(), try_create() and shared() of an indexed
/// key load the library that declares it, once, also when several threads
/// ask first; contains(), keys(), size(), entries() and describe() list
/// indexed keys without loading anything.
///
/// `cache_file`, if given, keeps what was read for the next start-up: a
/// library whose file changed (size, times, inode) is read again, and a
/// cache that is corrupt, truncated, of another autoreg version or another
/// folder is ignored. (On Windows: size, last-write and creation times,
/// file index.) The cache is rewritten, atomically, when it was not
/// current; where it cannot be written the index works without, and
/// plugin_index::cache_error() says why.
/// \throws autoreg::error for a missing folder, or a library file that is
/// not a library of the platform's format (ELF; PE on Windows) or whose
/// records are malformed; on platforms whose libraries are neither (macOS),
/// always.
/// \code
/// static autoreg::plugin_index plugins =
///     autoreg::index_libraries("/usr/lib/app/plugins", "/var/cache/app/plugins.idx");
/// auto codec = autoreg::Registry<Codec>::create("zstd");  // loads libzstd_codec.so
/// \endcode
inline plugin_index index_libraries(const std::string& folder,
                                    const std::string& cache_file = std::string()) {
#if AUTOREG_HAS_PLUGIN_INDEX
    detail::hub& h = detail::joined_hub();
    const std::vector<std::string> names = detail::library_names_in(folder);
    detail::owned<detail::index_contents> contents(new detail::index_contents());
    const std::vector<detail::cached_library> cached =
        cache_file.empty() ? std::vector<detail::cached_library>()
                           : detail::read_index_cache(cache_file, folder, contents->cache_bytes);
    std::vector<detail::cached_library> read;
    read.reserve(names.size());
    contents->libraries.reserve(names.size());
    detail::folder_reader reader(folder);
    bool cache_current = cached.size() == names.size();
    for (const std::string& name : names) {
        const detail::cached_library* hit = detail::cached_entry(cached, name);
        detail::owned<detail::index_library> library(new detail::index_library());
        library->load = &detail::load_indexed_library;
        library->path = detail::path_in(folder, name);
        bool from_cache = false;
        read.push_back(reader.read(library->path, name, hit, library->records_read, from_cache,
                                   library->record_count));
        library->records = read.back().records;
        cache_current = cache_current && from_cache;
        contents->libraries.push_back(std::move(library));
    }
    if (!cache_file.empty() && !cache_current) {
        detail::write_index_cache(cache_file, folder, read, contents->cache_failure);
    }
    {
        detail::spin_guard guard(h.list_lock);
        for (const auto& library : contents->libraries) {
            if (library->record_count == 0) continue;
            library->link.info = &detail::indexed_library_header;
            library->link.context = library.get();
            detail::link_locked(h, library->link);
        }
        h.generation.fetch_add(1, detail::memory_order_release);
    }
    return plugin_index(std::move(contents));
#else
    static_cast<void>(cache_file);
    detail::raise<error>(detail::concat(
        "autoreg: cannot index ", folder,
        ": index_libraries() reads the classes of ELF shared libraries and PE DLLs from their "
        "files, and this platform's libraries are neither; load them with load_libraries() "
        "instead"));
#endif
}

}  // namespace autoreg

#endif
