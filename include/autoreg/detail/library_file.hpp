/// \file
/// The records section of a library's file, read by the reader of the
/// platform's library format: ELF, or PE on Windows.
#ifndef AUTOREG_DETAIL_LIBRARY_FILE_HPP
#define AUTOREG_DETAIL_LIBRARY_FILE_HPP

#include <string>
#include <string_view>

#include "file_access.hpp"

#if defined(_WIN32)
#include "pe_file.hpp"
#else
#include "elf_file.hpp"
#endif

namespace autoreg {
namespace detail {

/// What reading a library's section found.
enum class library_status { found, absent, not_library, unreadable };

/// Reads sections of libraries' files, one file after the other.
class library_file_reader {
public:
    /// Reads the section `name` of the library at `path` into `section`, and
    /// the file's identity into `id`. `failure` says what went wrong where
    /// the result is not_library or unreadable.
    library_status read(const std::string& path, std::string_view name, std::string& section,
                        file_identity& id, std::string& failure) {
#if defined(_WIN32)
        switch (read_pe_section(path, name, section, id, failure, buffers_)) {
            case pe_status::found:
                return library_status::found;
            case pe_status::absent:
                return library_status::absent;
            case pe_status::not_pe:
                return library_status::not_library;
            case pe_status::unreadable:
                break;
        }
#else
        switch (read_elf_section(path, name, section, id, failure, buffers_)) {
            case elf_status::found:
                return library_status::found;
            case elf_status::absent:
                return library_status::absent;
            case elf_status::not_elf:
                return library_status::not_library;
            case elf_status::unreadable:
                break;
        }
#endif
        return library_status::unreadable;
    }

private:
#if defined(_WIN32)
    pe_buffers buffers_;
#else
    elf_buffers buffers_;
#endif
};

}  // namespace detail
}  // namespace autoreg

#endif
