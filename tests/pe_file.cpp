// The PE reader behind index_libraries() on Windows
// (include/autoreg/detail/pe_file.hpp), on files written byte by byte here,
// as the PE/COFF specification lays them out, so that the test does not
// trust the reader to describe them: PE32+ and PE32 images, a section table
// without the records, long and near-miss names, and damaged files. The
// reader only parses bytes, so this runs on every platform.
#include <autoreg/detail/pe_file.hpp>
#if defined(_WIN32)
#include <process.h>
#else
#include <unistd.h>
#endif

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

using autoreg::detail::file_identity;
using autoreg::detail::pe_buffers;
using autoreg::detail::pe_status;
using autoreg::detail::read_pe_section;

void put(std::string& out, std::size_t at, std::uint64_t value, std::size_t size) {
    if (out.size() < at + size) out.resize(at + size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        out[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
}

struct pe_section {
    std::string name;  // up to 8 bytes, as the table holds it
    std::string bytes;
};

/// An image: MS-DOS header and stub, "PE\0\0" at 0x80, the COFF header, an
/// optional header of PE32+ (240 bytes) or PE32 (224), the section table,
/// then each section's raw data padded to 0x200 bytes (the file alignment),
/// its VirtualSize the bytes' own size.
std::string pe_image(bool pe32_plus, const std::vector<pe_section>& sections) {
    std::string out = "MZ";
    constexpr std::size_t pe_at = 0x80;
    put(out, 0x3c, pe_at, 4);
    out.resize(pe_at, '\0');
    out += std::string("PE\0\0", 4);
    const std::size_t coff = out.size();
    const std::size_t optional_size = pe32_plus ? 240 : 224;
    put(out, coff, pe32_plus ? 0x8664 : 0x14c, 2);  // Machine
    put(out, coff + 2, sections.size(), 2);         // NumberOfSections
    put(out, coff + 16, optional_size, 2);          // SizeOfOptionalHeader
    put(out, coff + 18, 0x2022, 2);                 // Characteristics: DLL, executable
    const std::size_t optional = coff + 20;
    put(out, optional, pe32_plus ? 0x20b : 0x10b, 2);  // Magic
    out.resize(optional + optional_size, '\0');
    const std::size_t table = out.size();
    out.resize(table + 40 * sections.size(), '\0');
    std::size_t raw_at = (out.size() + 0x1ff) / 0x200 * 0x200;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const pe_section& s = sections[i];
        const std::size_t entry = table + 40 * i;
        const std::size_t raw_size = (s.bytes.size() + 0x1ff) / 0x200 * 0x200;
        for (std::size_t c = 0; c < s.name.size(); ++c) out[entry + c] = s.name[c];
        put(out, entry + 8, s.bytes.size(), 4);     // VirtualSize
        put(out, entry + 12, 0x1000 * (i + 1), 4);  // VirtualAddress
        put(out, entry + 16, raw_size, 4);          // SizeOfRawData
        put(out, entry + 20, raw_at, 4);            // PointerToRawData
        put(out, entry + 36, 0x40000040, 4);        // initialised data, readable
        out.resize(raw_at, '\0');
        out += s.bytes;
        raw_at += raw_size;
        out.resize(raw_at, '\0');
    }
    return out;
}

int process_id() {
#if defined(_WIN32)
    return _getpid();
#else
    return getpid();
#endif
}

std::string written(const std::string& bytes) {
    static int made = 0;
    const std::string path =
        (std::filesystem::temp_directory_path() /
         ("autoreg-pe-" + std::to_string(process_id()) + "-" + std::to_string(++made)))
            .string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

pe_status read_records(const std::string& bytes, std::string& section, std::string& failure,
                       std::string_view name = ".autoreg") {
    const std::string path = written(bytes);
    file_identity id;
    pe_buffers buffers;
    const pe_status status = read_pe_section(path, name, section, id, failure, buffers);
    CHECK(id.size == bytes.size());
    std::filesystem::remove(path);
    return status;
}

const std::string records = std::string("arg\x01 some record bytes\0\x7f\xff", 25);
const std::vector<pe_section> usual = {
    {".text", "\xc3"}, {".rdata", "constants"}, {".autoreg", records}, {".reloc", "relocs"}};

}  // namespace

TEST_CASE("the records section is read from PE32+ and PE32 images") {
    for (const bool pe32_plus : {true, false}) {
        INFO("PE32+ " << pe32_plus);
        std::string section;
        std::string failure;
        CHECK(read_records(pe_image(pe32_plus, usual), section, failure) == pe_status::found);
        CHECK(section == records);  // the bytes, not the file alignment's padding
        CHECK(failure.empty());
    }
    // In an object file, VirtualSize is zero: the raw size is the section's.
    std::string object = pe_image(true, usual);
    const std::size_t name = object.find(".autoreg");
    REQUIRE(name != std::string::npos);
    put(object, name + 8, 0, 4);
    std::string section;
    std::string failure;
    CHECK(read_records(object, section, failure) == pe_status::found);
    CHECK(section.size() == 0x200);
    CHECK(section.substr(0, records.size()) == records);
}

TEST_CASE("a PE file without the section, or with others of like names, has none") {
    std::string section;
    std::string failure;
    CHECK(read_records(pe_image(true, {{".text", "\xc3"}, {".rdata", "x"}}), section, failure) ==
          pe_status::absent);
    CHECK(read_records(pe_image(true, {}), section, failure) == pe_status::absent);
    // Names that share a prefix with the one looked for, and a long name
    // ("/4": offset 4 in the COFF string table) as object files have.
    const std::vector<pe_section> near = {
        {".autore", records}, {".autoreX", records}, {"/4", records}, {".autoreg", "arg\x01"}};
    CHECK(read_records(pe_image(true, near), section, failure) == pe_status::found);
    CHECK(section == "arg\x01");
    CHECK(read_records(pe_image(true, near), section, failure, ".autor") == pe_status::absent);
    CHECK(read_records(pe_image(true, near), section, failure, "autoreg_records") ==
          pe_status::absent);
    // Uninitialised data occupy no file space.
    std::string bss = pe_image(true, usual);
    put(bss, bss.find(".autoreg") + 36, 0xc0000080, 4);
    CHECK(read_records(bss, section, failure) == pe_status::absent);
}

TEST_CASE("a damaged PE file is unreadable, and a file that is not PE says so") {
    std::string section;
    std::string failure;
    const std::string good = pe_image(true, usual);
    const std::size_t table = good.find(".text");
    REQUIRE(table != std::string::npos);
    // Cut inside the section table.
    CHECK(read_records(good.substr(0, table + 60), section, failure) == pe_status::unreadable);
    CHECK(failure == "its PE section table is malformed");
    // A records section that runs past the end of the file.
    std::string past_end = good;
    put(past_end, past_end.find(".autoreg") + 20, good.size() - 8, 4);
    failure.clear();
    CHECK(read_records(past_end, section, failure) == pe_status::unreadable);
    CHECK(failure == "its PE section table is malformed");
    // More sections than the file holds entries for.
    std::string many = good;
    put(many, 0x80 + 4 + 2, 0xffff, 2);
    CHECK(read_records(many, section, failure) == pe_status::unreadable);
    // An optional header said to be bigger than the file.
    std::string optional = good;
    put(optional, 0x80 + 4 + 16, 0xffff, 2);
    CHECK(read_records(optional, section, failure) == pe_status::unreadable);

    failure.clear();
    CHECK(read_records("#!/bin/sh\necho not a library\n", section, failure) == pe_status::not_pe);
    CHECK(failure == "not a PE file");
    // MS-DOS headers without a PE header: cut before it, or pointing past
    // the end, or at something else.
    CHECK(read_records(good.substr(0, 0x82), section, failure) == pe_status::not_pe);
    std::string far = good;
    put(far, 0x3c, 0xfffffff0, 4);
    CHECK(read_records(far, section, failure) == pe_status::not_pe);
    std::string other = good;
    other[0x81] = 'X';
    CHECK(read_records(other, section, failure) == pe_status::not_pe);
    CHECK(read_records("MZ", section, failure) == pe_status::not_pe);
    CHECK(read_records("\x7f"
                       "ELF\x02\x01\x01",
                       section, failure) == pe_status::not_pe);
}
