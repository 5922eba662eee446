/// \file
/// plugin_index's cache file: for each library of a folder, the identity of
/// the file it was read from and the records read. Trusted only whole: a
/// cache of another format revision, another autoreg version or another
/// folder, or whose checksum fails, is read as empty.
#ifndef AUTOREG_DETAIL_INDEX_CACHE_HPP
#define AUTOREG_DETAIL_INDEX_CACHE_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../version.hpp"
#include "file_access.hpp"
#include "file_bytes.hpp"
#include "hash.hpp"
#include "index_record.hpp"

namespace autoreg {
namespace detail {

/// One library as the cache remembers it.
struct cached_library {
    std::string name;
    file_identity id;
    /// The library's distinct records, one after the other; a view of the
    /// cache's bytes, or of what was read from the library's file.
    std::string_view records;
};

inline constexpr std::string_view cache_magic = "autoreg plugin index cache\n";
/// Bumped whenever what follows the magic, or the checksum, changes.
inline constexpr std::uint64_t cache_revision = 3;

/// Four words at a time, in four lanes whose multiplications overlap:
/// hash_bytes' one lane took 1.4 times as long over a cache of 10,000
/// records. It detects damage, not forgery. Every cache holds at least its
/// magic, more than four words.
inline std::uint64_t cache_checksum(std::string_view bytes) noexcept {
    if (bytes.size() < 32) return 0;
    std::uint64_t lane[4] = {bytes.size(), hash_multiplier, ~bytes.size(), ~hash_multiplier};
    const char* p = bytes.data();
    const char* const last = p + bytes.size() - 32;
    const auto step = [&lane](const char* at) {
        for (std::size_t i = 0; i < 4; ++i) {
            lane[i] = (lane[i] ^ load64(at + 8 * i)) * hash_multiplier;
            lane[i] ^= lane[i] >> 29;
        }
    };
    for (; p < last; p += 32) step(p);
    step(last);  // overlaps the previous block rather than needing a tail
    return mix(lane[0] ^ mix(lane[1] ^ mix(lane[2] ^ mix(lane[3]))));
}

class cache_writer {
public:
    void number(std::uint64_t value) {
        for (std::size_t i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>(value >> (8 * i)));
    }
    void text(std::string_view value) {
        number(value.size());
        bytes_.append(value);
    }
    std::string finish() {
        number(cache_checksum(bytes_));
        return std::move(bytes_);
    }

private:
    std::string bytes_{cache_magic};
};

class cache_reader {
public:
    explicit cache_reader(std::string_view bytes) noexcept : bytes_(bytes) {}
    bool number(std::uint64_t& value) noexcept {
        if (bytes_.size() - at_ < 8) return false;
        const char* const p = bytes_.data() + at_;
        value = std::uint64_t{record_u32(p)} | std::uint64_t{record_u32(p + 4)} << 32;
        at_ += 8;
        return true;
    }
    bool text(std::string_view& value) noexcept {
        std::uint64_t size = 0;
        if (!number(size) || size > bytes_.size() - at_) return false;
        value = bytes_.substr(at_, static_cast<std::size_t>(size));
        at_ += static_cast<std::size_t>(size);
        return true;
    }
    bool at_end() const noexcept { return at_ == bytes_.size(); }

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

inline void write_identity(cache_writer& out, const file_identity& id) {
    for (std::uint64_t value : {id.size, id.mtime_ns, id.ctime_ns, id.inode, id.device}) {
        out.number(value);
    }
}

inline bool read_identity(cache_reader& in, file_identity& id) noexcept {
    return in.number(id.size) && in.number(id.mtime_ns) && in.number(id.ctime_ns) &&
           in.number(id.inode) && in.number(id.device);
}

/// The libraries the cache at `path` holds for `folder`, sorted by name; none
/// where it is missing or not to be trusted. Their records view `bytes`, the
/// file's content, which the caller keeps while it uses them: one copy of
/// the records rather than one per library was a third of the memory a warm
/// start-up touches.
inline std::vector<cached_library> read_index_cache(const std::string& path,
                                                    const std::string& folder, file_bytes& bytes) {
    std::vector<cached_library> out;
    const file_descriptor file(path);
    file_identity id;
    bool regular = false;
    if (file.get() < 0 || !identity_of(file.get(), id, regular) || !regular) return out;
    const auto size = static_cast<std::size_t>(id.size);
    if (size < cache_magic.size() + 8 || !bytes.read(file.get(), size)) return out;
    const std::string_view body = bytes.view().substr(0, size - 8);
    cache_reader check(bytes.view().substr(size - 8));
    std::uint64_t checksum = 0;
    if (body.substr(0, cache_magic.size()) != cache_magic || !check.number(checksum) ||
        checksum != cache_checksum(body)) {
        return out;
    }
    cache_reader in(body.substr(cache_magic.size()));
    std::uint64_t revision = 0;
    std::uint64_t version = 0;
    std::string_view cached_folder;
    std::uint64_t count = 0;
    if (!in.number(revision) || revision != cache_revision || !in.number(version) ||
        version != AUTOREG_VERSION || !in.text(cached_folder) || cached_folder != folder ||
        !in.number(count) || count > body.size()) {
        return out;
    }
    out.resize(static_cast<std::size_t>(count));
    for (cached_library& library : out) {
        std::string_view name;
        if (!in.text(name) || !read_identity(in, library.id) || !in.text(library.records)) {
            return {};
        }
        library.name = name;
    }
    if (!in.at_end()) return {};
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (!(out[i - 1].name < out[i].name)) return {};
    }
    return out;
}

/// The library named `name` in `cached` (sorted by name), or null.
inline const cached_library* cached_entry(const std::vector<cached_library>& cached,
                                          std::string_view name) noexcept {
    std::size_t low = 0;
    std::size_t high = cached.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (cached[middle].name < name) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low < cached.size() && cached[low].name == name ? &cached[low] : nullptr;
}

/// Replaces the cache at `path` with `libraries`, through a temporary file
/// renamed over it (replace_file), so that the cache is at every moment either the old one
/// or the new one, whole. A crash before the data reach the disk may leave
/// a file whose checksum fails, which is read as no cache. False, with the
/// reason in `failure`, where it cannot be written.
inline bool write_index_cache(const std::string& path, const std::string& folder,
                              const std::vector<cached_library>& libraries, std::string& failure) {
    failure.clear();
    cache_writer out;
    out.number(cache_revision);
    out.number(AUTOREG_VERSION);
    out.text(folder);
    out.number(libraries.size());
    for (const cached_library& library : libraries) {
        out.text(library.name);
        write_identity(out, library.id);
        out.text(library.records);
    }
    return replace_file(path, out.finish(), failure);
}

}  // namespace detail
}  // namespace autoreg

#endif
