// What the snippets of docs/keys.md use without defining it themselves; each
// snippet is compiled after this (see tests/docs/extract.cmake).
#ifndef AUTOREG_DOCS_PRELUDE_KEYS_HPP
#define AUTOREG_DOCS_PRELUDE_KEYS_HPP

#include <autoreg/autoreg.hpp>

#include <string_view>

// Keys derived from class names, as in the list at the top of keys.md.
struct StorageBackend {
    virtual ~StorageBackend() = default;
};
template <>
struct autoreg::registry_traits<StorageBackend> {
    static constexpr std::string_view strip_suffix = "Backend";
};
namespace fs {
struct DiskStorageBackend : autoreg::AutoRegister<StorageBackend, DiskStorageBackend> {};
}  // namespace fs

#endif
