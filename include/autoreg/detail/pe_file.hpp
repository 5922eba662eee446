/// \file
/// Just enough of a PE file (a Windows DLL) for plugin_index: the bytes of
/// one section, found through the COFF section table, read without mapping
/// or loading the file. PE32 and PE32+ alike: the section table does not
/// depend on the optional header, which is only skipped. Plain bytes, read
/// the same on any host, so that the tests run everywhere.
#ifndef AUTOREG_DETAIL_PE_FILE_HPP
#define AUTOREG_DETAIL_PE_FILE_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "file_access.hpp"

namespace autoreg {
namespace detail {

/// What reading a section found.
enum class pe_status { found, absent, not_pe, unreadable };

/// What reading a section needs besides the section, kept from one file to
/// the next.
struct pe_buffers {
    std::string header;
    std::string table;
};

/// The little-endian number of `size` bytes at `at` in `bytes`.
inline std::uint32_t pe_number(std::string_view bytes, std::size_t at, std::size_t size) noexcept {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < size; ++i) {
        value |= std::uint32_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    }
    return value;
}

/// Reads the section called `name` (at most 8 bytes: an image keeps no
/// longer names) of the PE file at `path` into `section`, and the file's
/// identity into `id`. `failure` says what went wrong where the result is
/// not_pe or unreadable.
inline pe_status read_pe_section(const std::string& path, std::string_view name,
                                 std::string& section, file_identity& id, std::string& failure,
                                 pe_buffers& buffers) {
    section.clear();
    const file_descriptor file(path);
    bool regular = false;
    if (file.get() < 0 || !identity_of(file.get(), id, regular)) {
        failure = errno_text();
        return pe_status::unreadable;
    }
    const int fd = file.get();
    const std::uint64_t file_size = id.size;
    // The MS-DOS header: "MZ", and at 0x3c where the PE header starts.
    std::string& header = buffers.header;
    if (!read_at(fd, 0, 64, header) || header.compare(0, 2, "MZ") != 0) {
        failure = "not a PE file";
        return pe_status::not_pe;
    }
    const std::uint64_t pe_at = pe_number(header, 0x3c, 4);
    // "PE\0\0", then the COFF file header (20 bytes).
    constexpr std::size_t signature_and_header = 4 + 20;
    if (pe_at > file_size || file_size - pe_at < signature_and_header ||
        !read_at(fd, pe_at, signature_and_header, header) ||
        header.compare(0, 4, std::string_view("PE\0\0", 4)) != 0) {
        failure = "not a PE file";
        return pe_status::not_pe;
    }
    const std::uint64_t count = pe_number(header, 4 + 2, 2);
    const std::uint64_t optional_size = pe_number(header, 4 + 16, 2);
    const std::uint64_t table_at = pe_at + signature_and_header + optional_size;
    constexpr std::uint64_t entry_size = 40;
    const auto malformed = [&] {
        failure = "its PE section table is malformed";
        return pe_status::unreadable;
    };
    if (table_at > file_size || count > (file_size - table_at) / entry_size) return malformed();
    std::string& table = buffers.table;
    if (!read_at(fd, table_at, static_cast<std::size_t>(count * entry_size), table)) {
        return malformed();
    }
    if (name.size() > 8) return pe_status::absent;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = i * entry_size;
        // Name[8], NUL-padded: a shorter name ends in a NUL. A longer one
        // ("/<offset>" into the string table) never matches.
        if (table.compare(at, name.size(), name) != 0 ||
            (name.size() < 8 && table[at + name.size()] != '\0')) {
            continue;
        }
        const std::uint64_t virtual_size = pe_number(table, at + 8, 4);
        const std::uint64_t raw_size = pe_number(table, at + 16, 4);
        const std::uint64_t raw_at = pe_number(table, at + 20, 4);
        constexpr std::uint32_t uninitialized = 0x80;  // IMAGE_SCN_CNT_UNINITIALIZED_DATA
        if ((pe_number(table, at + 36, 4) & uninitialized) != 0 || raw_size == 0) {
            return pe_status::absent;
        }
        // The raw data are padded to the file alignment; in an image the
        // virtual size is the section's own (in an object file, zero).
        const std::uint64_t size =
            virtual_size != 0 && virtual_size < raw_size ? virtual_size : raw_size;
        if (raw_at > file_size || size > file_size - raw_at ||
            !read_at(fd, raw_at, static_cast<std::size_t>(size), section)) {
            return malformed();
        }
        return pe_status::found;
    }
    return pe_status::absent;
}

}  // namespace detail
}  // namespace autoreg

#endif
