// The ELF reader behind index_libraries() (include/autoreg/detail/elf_file.hpp)
// on files this machine's compiler never makes: 32- and 64-bit, either byte
// order, a section table too big for the header's counts, and damaged
// files. Each file is written byte by byte here, as the ELF specification
// lays it out, so the test does not trust the reader to describe it.
#include <autoreg/detail/elf_file.hpp>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "catch.hpp"

namespace {

using autoreg::detail::elf_buffers;
using autoreg::detail::elf_status;
using autoreg::detail::file_identity;
using autoreg::detail::read_elf_section;

struct layout {
    layout(bool is_wide, bool is_big_endian, bool counts_in_section_0 = false,
           bool no_file_space = false)
        : wide(is_wide),
          big_endian(is_big_endian),
          extended_counts(counts_in_section_0),
          records_no_bits(no_file_space) {}
    bool wide;
    bool big_endian;
    /// Counts in section 0, as for more than 0xff00 sections.
    bool extended_counts;
    /// The records section occupies no file space (SHT_NOBITS).
    bool records_no_bits;
};

class elf_writer {
public:
    explicit elf_writer(const layout& l) : l_(l) {}

    void put(std::string& out, std::size_t at, std::uint64_t value, std::size_t size) const {
        if (out.size() < at + size) out.resize(at + size, '\0');
        for (std::size_t i = 0; i < size; ++i) {
            const std::size_t shift = 8 * (l_.big_endian ? size - 1 - i : i);
            out[at + i] = static_cast<char>((value >> shift) & 0xff);
        }
    }

    /// A file with a NUL section, the section-name table and `records` as
    /// the section autoreg_records, in that order.
    std::string file(std::string_view records) const {
        const std::size_t word = l_.wide ? 8 : 4;
        const std::size_t header_size = l_.wide ? 64 : 52;
        const std::size_t entry_size = l_.wide ? 64 : 40;
        const std::string names = std::string("\0.shstrtab\0autoreg_records\0", 27);
        std::string out =
            "\x7f"
            "ELF";
        out += static_cast<char>(l_.wide ? 2 : 1);
        out += static_cast<char>(l_.big_endian ? 2 : 1);
        out += '\x01';  // EI_VERSION
        out.resize(header_size, '\0');
        const std::size_t names_at = out.size();
        out += names;
        const std::size_t records_at = out.size();
        out += records;
        const std::size_t table_at = (out.size() + 7) / 8 * 8;
        out.resize(table_at, '\0');

        put(out, 16, 3, 2);  // e_type ET_DYN
        put(out, l_.wide ? 0x28 : 0x20, table_at, word);
        put(out, l_.wide ? 0x3a : 0x2e, entry_size, 2);
        put(out, l_.wide ? 0x3c : 0x30, l_.extended_counts ? 0 : 3, 2);
        put(out, l_.wide ? 0x3e : 0x32, l_.extended_counts ? 0xffff : 1, 2);

        const auto section = [&](std::size_t index, std::uint64_t name, std::uint64_t type,
                                 std::uint64_t offset, std::uint64_t size, std::uint64_t link) {
            const std::size_t at = table_at + index * entry_size;
            out.resize(at + entry_size, '\0');
            put(out, at, name, 4);
            put(out, at + 4, type, 4);
            put(out, at + (l_.wide ? 24 : 16), offset, word);
            put(out, at + (l_.wide ? 32 : 20), size, word);
            put(out, at + (l_.wide ? 40 : 24), link, 4);
        };
        if (l_.extended_counts) {
            section(0, 0, 0, 0, 3, 1);  // sh_size: the count, sh_link: the names' index
        } else {
            section(0, 0, 0, 0, 0, 0);
        }
        section(1, 1, 3, names_at, names.size(), 0);  // SHT_STRTAB
        section(2, 11, l_.records_no_bits ? 8 : 1, records_at, records.size(), 0);
        return out;
    }

private:
    layout l_;
};

std::string written(const std::string& bytes) {
    static int made = 0;
    const std::string path =
        (std::filesystem::temp_directory_path() /
         ("autoreg-elf-" + std::to_string(getpid()) + "-" + std::to_string(++made)))
            .string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

elf_status read_records(const std::string& bytes, std::string& section, std::string& failure) {
    const std::string path = written(bytes);
    file_identity id;
    elf_buffers buffers;
    const elf_status status =
        read_elf_section(path, "autoreg_records", section, id, failure, buffers);
    CHECK(id.size == bytes.size());
    std::filesystem::remove(path);
    return status;
}

const std::string records = std::string("arg\x01 some record bytes\0\x7f\xff", 25);

}  // namespace

TEST_CASE("the records section is read from ELF files of each class and byte order") {
    for (const bool wide : {false, true}) {
        for (const bool big_endian : {false, true}) {
            for (const bool extended_counts : {false, true}) {
                INFO("64-bit " << wide << ", big-endian " << big_endian << ", counts in section 0 "
                               << extended_counts);
                const std::string file =
                    elf_writer({wide, big_endian, extended_counts}).file(records);
                std::string section;
                std::string failure;
                CHECK(read_records(file, section, failure) == elf_status::found);
                CHECK(section == records);
                CHECK(failure.empty());
            }
        }
    }
}

TEST_CASE("a section of no file space, or none of that name, is absent") {
    std::string section;
    std::string failure;
    CHECK(read_records(elf_writer({true, false, false, true}).file(records), section, failure) ==
          elf_status::absent);
    // A longer name that starts with the one looked for is another section.
    std::string renamed = elf_writer({true, false}).file(records);
    const std::size_t name = renamed.find("autoreg_records");
    REQUIRE(name != std::string::npos);
    renamed.replace(name, 16, std::string("autoreg_recordsX", 16));
    CHECK(read_records(renamed, section, failure) == elf_status::absent);
}

TEST_CASE("a damaged ELF file is unreadable, and a file that is not ELF says so") {
    std::string section;
    std::string failure;
    const std::string good = elf_writer({false, true}).file(records);
    // Cut inside the section table, which sits at the end.
    CHECK(read_records(good.substr(0, good.size() - 20), section, failure) ==
          elf_status::unreadable);
    CHECK(failure == "its ELF section headers are malformed");
    // A records section that runs past the end of the file.
    std::string past_end = good;
    elf_writer({false, true}).put(past_end, past_end.size() - 40 + 20, 1u << 20, 4);
    CHECK(read_records(past_end, section, failure) == elf_status::unreadable);
    failure.clear();
    CHECK(read_records("#!/bin/sh\necho not a library\n", section, failure) == elf_status::not_elf);
    CHECK(failure == "not an ELF file");
}
