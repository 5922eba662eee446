/// \file
/// Just enough of an ELF file for plugin_index: the bytes of one section,
/// found through the section headers, read without mapping or loading the
/// file. 32- and 64-bit files of either byte order.
#ifndef AUTOREG_DETAIL_ELF_FILE_HPP
#define AUTOREG_DETAIL_ELF_FILE_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "file_access.hpp"

namespace autoreg {
namespace detail {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
inline constexpr bool host_big_endian = true;
#else
inline constexpr bool host_big_endian = false;
#endif

/// What reading a section found.
enum class elf_status { found, absent, not_elf, unreadable };

/// What reading a section needs besides the section, kept from one file to
/// the next: a folder's first indexing spent a tenth of its time allocating
/// these anew for each file.
struct elf_buffers {
    std::string header;
    std::string table;
    std::string names;
};

/// Reads the section called `name` of the ELF file at `path` into `section`,
/// and the file's identity into `id`. `failure` says what went wrong where
/// the result is not_elf or unreadable.
inline elf_status read_elf_section(const std::string& path, std::string_view name,
                                   std::string& section, file_identity& id, std::string& failure,
                                   elf_buffers& buffers) {
    section.clear();
    const file_descriptor file(path);
    bool regular = false;
    if (file.get() < 0 || !identity_of(file.get(), id, regular)) {
        failure = errno_text();
        return elf_status::unreadable;
    }
    const int fd = file.get();
    std::string& header = buffers.header;
    if (!read_at(fd, 0, 64, header) || header.compare(0, 4,
                                                      "\x7f"
                                                      "ELF") != 0) {
        failure = "not an ELF file";
        return elf_status::not_elf;
    }
    const bool wide = header[4] == 2;
    const bool big_endian = header[5] == 2;
    if ((header[4] != 1 && !wide) || (header[5] != 1 && !big_endian)) {
        failure = "not an ELF file of a known class and byte order";
        return elf_status::not_elf;
    }
    // One load and at most a byte swap per field: decoding byte by byte was
    // two thirds of indexing a folder without a cache (in instructions).
    const auto number = [big_endian](std::string_view bytes, std::size_t at, std::size_t size) {
        const char* const p = bytes.data() + at;
        if (size == 2) {
            std::uint16_t v = 0;
            std::memcpy(&v, p, sizeof v);
            return std::uint64_t{big_endian != host_big_endian ? __builtin_bswap16(v) : v};
        }
        if (size == 4) {
            std::uint32_t v = 0;
            std::memcpy(&v, p, sizeof v);
            return std::uint64_t{big_endian != host_big_endian ? __builtin_bswap32(v) : v};
        }
        std::uint64_t v = 0;
        std::memcpy(&v, p, sizeof v);
        return big_endian != host_big_endian ? __builtin_bswap64(v) : v;
    };
    const std::size_t word = wide ? 8 : 4;
    const std::uint64_t table_at = number(header, wide ? 0x28 : 0x20, word);
    const std::uint64_t entry_size = number(header, wide ? 0x3a : 0x2e, 2);
    std::uint64_t count = number(header, wide ? 0x3c : 0x30, 2);
    std::uint64_t names_index = number(header, wide ? 0x3e : 0x32, 2);
    const std::uint64_t file_size = id.size;
    const std::size_t min_entry = wide ? 64 : 40;
    const auto malformed = [&] {
        failure = "its ELF section headers are malformed";
        return elf_status::unreadable;
    };
    if (table_at == 0) return elf_status::absent;  // no section headers (stripped of them)
    if (entry_size < min_entry || table_at >= file_size) return malformed();
    // Fields of section `index` in the table `table`.
    struct section_header {
        std::uint64_t name, type, offset, size;
    };
    std::string& table = buffers.table;
    const auto section_at = [&](std::uint64_t index) {
        const auto at = static_cast<std::size_t>(index * entry_size);
        return section_header{number(table, at, 4), number(table, at + 4, 4),
                              number(table, at + (wide ? 24 : 16), word),
                              number(table, at + (wide ? 32 : 20), word)};
    };
    if (count == 0 || names_index == 0xffff) {
        // Many sections: the counts are in the first section header.
        if (!read_at(fd, table_at, static_cast<std::size_t>(entry_size), table)) return malformed();
        const std::size_t at = 0;
        if (count == 0) count = number(table, at + (wide ? 32 : 20), word);
        if (names_index == 0xffff) names_index = number(table, at + (wide ? 40 : 24), 4);
    }
    if (count == 0 || count > (file_size - table_at) / entry_size || names_index >= count) {
        return malformed();
    }
    if (!read_at(fd, table_at, static_cast<std::size_t>(count * entry_size), table)) {
        return malformed();
    }
    const auto in_file = [&](const section_header& s) {
        return s.offset <= file_size && s.size <= file_size - s.offset;
    };
    const section_header names_header = section_at(names_index);
    std::string& names = buffers.names;
    if (!in_file(names_header) ||
        !read_at(fd, names_header.offset, static_cast<std::size_t>(names_header.size), names)) {
        return malformed();
    }
    constexpr std::uint64_t no_bits = 8;  // SHT_NOBITS: occupies no file space
    for (std::uint64_t i = 1; i < count; ++i) {
        const section_header s = section_at(i);
        if (s.name >= names.size()) return malformed();
        // `names` ends in a NUL of its own (std::string), so the byte after
        // a matching prefix is there to check.
        if (names.compare(static_cast<std::size_t>(s.name), name.size(), name) != 0 ||
            names[static_cast<std::size_t>(s.name) + name.size()] != '\0') {
            continue;
        }
        if (s.type == no_bits) return elf_status::absent;
        if (!in_file(s) || !read_at(fd, s.offset, static_cast<std::size_t>(s.size), section)) {
            return malformed();
        }
        return elf_status::found;
    }
    return elf_status::absent;
}

}  // namespace detail
}  // namespace autoreg

#endif
