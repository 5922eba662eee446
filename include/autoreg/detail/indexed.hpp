/// \file
/// What the hub holds of a library that plugin_index read from its file
/// without loading it: the records of its classes, and how to load it, which
/// the first create() of one of their keys does.
#ifndef AUTOREG_DETAIL_INDEXED_HPP
#define AUTOREG_DETAIL_INDEXED_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "atomic.hpp"
#include "hub.hpp"
#include "index_record.hpp"

namespace autoreg {
namespace detail {

/// A library that plugin_index indexed. The hub lists one node per library,
/// not per class, so that indexing a folder costs memory in proportion to
/// its records' bytes only; a registry's snapshot reads the records it needs
/// when it is built. Registries reach the library only through `load`, so
/// that they need nothing of plugin_index but this.
struct indexed_library {
    /// Loads the library unless it is loaded; throws autoreg::error naming
    /// the library and the loader's message where it cannot.
    void (*load)(indexed_library& self);
    std::string path;
    /// The library's distinct records, one after the other, well formed;
    /// in storage its plugin_index keeps.
    std::string_view records;
    std::size_t record_count = 0;
    /// Whether the library is loaded now: a patch may take its classes'
    /// nodes only then (indexed_twin). What entries() says of each class is
    /// the index's own record of the node it patched in (loaded_node).
    atomic<bool> loaded{false};
};

/// The header of every indexed library's node: of no registry, so that only
/// code that knows indexed nodes reads them.
inline constexpr info_header indexed_library_header{{}, 0, true, true};

inline bool is_indexed(const node& n) noexcept { return n.info->indexed; }

/// The library an indexed node stands for.
inline const indexed_library& indexed_library_of(const node& n) noexcept {
    return *static_cast<const indexed_library*>(n.context);
}

/// Calls `visit(fields)` for each record of `library`.
template <class Visit>
void for_each_record(const indexed_library& library, Visit&& visit) {
    const std::string_view records = library.records;
    record_fields fields;
    for (std::size_t at = 0; at < records.size() && decode_record(records, at, fields);) {
        visit(static_cast<const record_fields&>(fields));
    }
}

}  // namespace detail
}  // namespace autoreg

#endif
