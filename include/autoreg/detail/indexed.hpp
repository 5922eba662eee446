/// \file
/// What the hub holds of a class that plugin_index read from a library's file
/// without loading the library: the record's fields, and the library that
/// declares it, which the first create() of its key loads.
#ifndef AUTOREG_DETAIL_INDEXED_HPP
#define AUTOREG_DETAIL_INDEXED_HPP

#include <string>

#include "hub.hpp"
#include "index_record.hpp"

namespace autoreg {
namespace detail {

/// The description of an indexed class, in the place of a node_info.
struct indexed_info {
    // First member, as in node_info, so that the hub can read it.
    info_header header;
    record_fields fields;
};

/// A library that plugin_index indexed: the context of its classes' nodes.
/// Registries reach it only through `load`, so that they need nothing of
/// plugin_index but this.
struct indexed_library {
    /// Loads the library unless it is loaded; throws autoreg::error naming
    /// the library and the loader's message where it cannot.
    void (*load)(indexed_library& self);
    std::string path;
};

inline bool is_indexed(const node& n) noexcept { return n.info->indexed; }

inline const indexed_info& indexed_info_of(const node& n) noexcept {
    // info_header is the first member of the standard-layout indexed_info.
    return *reinterpret_cast<const indexed_info*>(n.info);
}

}  // namespace detail
}  // namespace autoreg

#endif
