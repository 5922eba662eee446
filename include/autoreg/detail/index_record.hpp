/// \file
/// The index record of one registration: its registry, key, type name,
/// description, priority and parent, as bytes that the compiler places in a
/// section of its own, so that plugin_index can read a plugin's keys from its
/// file without loading it. Plain bytes, no addresses: a record needs no
/// relocation, and reads the same in any process.
#ifndef AUTOREG_DETAIL_INDEX_RECORD_HPP
#define AUTOREG_DETAIL_INDEX_RECORD_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../config.hpp"

namespace autoreg {
namespace detail {

// GCC ignores the section attribute on anything a template instantiates
// (GCC bug 70435), so a record is written by the assembler instead: each
// registration's code appends its words to the section, once per unit that
// instantiates it. plugin_index drops the copies.
//
// ELF: the section is not allocated: it costs the file its bytes and the
// process nothing, and linkers keep such sections under --gc-sections
// without being told.
//
// PE (MinGW-w64 GCC, x86-64): the assembler has no section stack there
// (.pushsection, .previous), so the words are written by a function of
// their own, which returns to its own section by name: GCC places each
// instantiated function of external linkage in `.text$<its symbol>`, which
// the asm names through the function's address. The section is read-only
// data ("dr"), named in 8 characters, which is all GNU ld keeps of a name
// in an image; it is mapped with the DLL but never touched. Each function
// refers to its words, so that GNU ld keeps them under --gc-sections. Clang
// targeting MinGW places functions otherwise, and writes none.
#if defined(__ELF__) && (defined(__GNUC__) || defined(__clang__))
/// 1 where registrations leave records that index_libraries() can read.
#define AUTOREG_INDEX_RECORDS 1
#define AUTOREG_RECORD_SECTION "autoreg_records"
#define AUTOREG_RECORD_SECTION_START ".pushsection " AUTOREG_RECORD_SECTION ",\"\""
#define AUTOREG_RECORD_SECTION_END ".popsection"
#elif defined(__MINGW32__) && defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define AUTOREG_INDEX_RECORDS 1
#define AUTOREG_RECORD_SECTION ".autoreg"
#define AUTOREG_RECORD_SECTION_START ".section " AUTOREG_RECORD_SECTION ",\"dr\"\n1:"
// Operand 8 is the emitting function's address, printed as its symbol. The
// address of the words just written is loaded (and never used): a
// relocation from the function's section to them, without which GNU ld's
// --gc-sections drops the section, as nothing else refers to it.
#define AUTOREG_RECORD_SECTION_END ".section .text$%P8,\"x\"\n\tleaq 1b(%%rip), %%rax"
#else
#define AUTOREG_INDEX_RECORDS 0
#endif

#if AUTOREG_INDEX_RECORDS
// The operand modifier that prints a constant bare (no `$` on x86).
#if defined(__x86_64__) || defined(__i386__)
#define AUTOREG_RECORD_WORD(n) "%P" #n
#else
#define AUTOREG_RECORD_WORD(n) "%c" #n
#endif
#define AUTOREG_RECORD_WORDS \
    AUTOREG_RECORD_WORD(0) "," AUTOREG_RECORD_WORD(1) "," AUTOREG_RECORD_WORD(2) "," AUTOREG_RECORD_WORD( \
        3) "," AUTOREG_RECORD_WORD(4) "," AUTOREG_RECORD_WORD(5) "," AUTOREG_RECORD_WORD(6) "," AUTOREG_RECORD_WORD(7)
#endif

/// The section's name, as the index looks it up in a file: `autoreg_records`
/// in ELF files, `.autoreg` in PE files (Windows).
#if defined(_WIN32)
inline constexpr std::string_view record_section_name = ".autoreg";
#else
inline constexpr std::string_view record_section_name = "autoreg_records";
#endif

/// A record starts with these bytes; the last is the format's revision.
inline constexpr char record_magic[4] = {'a', 'r', 'g', '\x01'};

/// The fixed part: magic, total size (u32), priority (i32), whether the key is
/// a string, whether a parent is named, then six string lengths (u16 each).
inline constexpr std::size_t record_header_size = 4 + 4 + 4 + 1 + 1 + 6 * 2;

/// What a record says. Views into the record where it was decoded.
struct record_fields {
    std::string_view base_name;
    /// A string key's text, or an integer key's value as 8 little-endian bytes.
    std::string_view key;
    std::string_view type_name;
    std::string_view description;
    std::string_view parent_key;
    std::string_view parent_type_name;
    std::int32_t priority = 0;
    bool string_key = true;
    bool has_parent = false;
};

template <std::size_t Size>
struct record_bytes {
    char bytes[Size];
};

/// An integer or enum key as the 8 bytes a record holds.
struct integer_key_text {
    char bytes[8];
};
template <class Key>
constexpr integer_key_text integer_key_bytes(Key key) noexcept {
    std::uint64_t value = 0;
    if constexpr (std::is_enum_v<Key>) {
        value = static_cast<std::uint64_t>(static_cast<std::underlying_type_t<Key>>(key));
    } else {
        value = static_cast<std::uint64_t>(key);
    }
    integer_key_text out{};
    for (std::size_t i = 0; i < 8; ++i) out.bytes[i] = static_cast<char>((value >> (8 * i)) & 0xff);
    return out;
}

/// The key an integer record holds, as `Key`.
template <class Key>
Key integer_key_of(std::string_view bytes) noexcept {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8 && i < bytes.size(); ++i) {
        value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    }
    if constexpr (std::is_enum_v<Key>) {
        return static_cast<Key>(static_cast<std::underlying_type_t<Key>>(value));
    } else {
        return static_cast<Key>(value);
    }
}

constexpr std::size_t record_size(const record_fields& f) noexcept {
    return record_header_size + f.base_name.size() + f.key.size() + f.type_name.size() +
           f.description.size() + f.parent_key.size() + f.parent_type_name.size();
}

/// Whether every string fits a record's 16-bit length.
constexpr bool record_fits(const record_fields& f) noexcept {
    constexpr std::size_t limit = 0xffff;
    return f.base_name.size() <= limit && f.key.size() <= limit && f.type_name.size() <= limit &&
           f.description.size() <= limit && f.parent_key.size() <= limit &&
           f.parent_type_name.size() <= limit;
}

template <std::size_t Size>
constexpr record_bytes<Size> encode_record(const record_fields& f) noexcept {
    record_bytes<Size> out{};
    std::size_t at = 0;
    const auto put = [&](std::uint64_t value, std::size_t bytes) {
        for (std::size_t i = 0; i < bytes; ++i) {
            out.bytes[at++] = static_cast<char>((value >> (8 * i)) & 0xff);
        }
    };
    for (char c : record_magic) out.bytes[at++] = c;
    put(Size, 4);
    put(static_cast<std::uint32_t>(f.priority), 4);
    put(f.string_key ? 1 : 0, 1);
    put(f.has_parent ? 1 : 0, 1);
    const std::string_view strings[] = {f.base_name,   f.key,        f.type_name,
                                        f.description, f.parent_key, f.parent_type_name};
    for (std::string_view s : strings) put(s.size(), 2);
    for (std::string_view s : strings) {
        for (char c : s) out.bytes[at++] = c;
    }
    return out;
}

/// How many 32-bit words one assembler statement writes (GCC allows 30
/// operands): the last statement pads the record with up to 31 zero bytes.
inline constexpr std::size_t record_chunk_words = 8;

/// The record's bytes [4 * index, 4 * index + 4) as one word that the target
/// stores in that byte order; zero past the end.
template <std::size_t Size>
constexpr std::int32_t record_word(const record_bytes<Size>& record, std::size_t index) noexcept {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t at = 4 * index + i;
        const std::uint32_t byte = at < Size ? static_cast<unsigned char>(record.bytes[at]) : 0U;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        value |= byte << (8 * (3 - i));
#else
        value |= byte << (8 * i);
#endif
    }
    return static_cast<std::int32_t>(value);
}

#if AUTOREG_INDEX_RECORDS && defined(__ELF__)
/// Appends words [First, First + 8) of `Record::word` to the section.
/// Inlined, always: the chunks of one record must follow each other there,
/// as the statements of one function do.
template <class Record, std::size_t First>
AUTOREG_ALWAYS_INLINE void emit_record_chunk() noexcept {
    __asm__ __volatile__(AUTOREG_RECORD_SECTION_START "\n\t.long " AUTOREG_RECORD_WORDS
                                                      "\n\t" AUTOREG_RECORD_SECTION_END
                         :
                         : "n"(Record::word(First)), "n"(Record::word(First + 1)),
                           "n"(Record::word(First + 2)), "n"(Record::word(First + 3)),
                           "n"(Record::word(First + 4)), "n"(Record::word(First + 5)),
                           "n"(Record::word(First + 6)), "n"(Record::word(First + 7)));
}

/// Writes `Record`'s `Size` bytes to the records section.
template <class Record, std::size_t Size, std::size_t... Chunk>
AUTOREG_ALWAYS_INLINE void emit_record(std::index_sequence<Chunk...> /*chunks*/) noexcept {
    (emit_record_chunk<Record, Chunk * record_chunk_words>(), ...);
}
#elif AUTOREG_INDEX_RECORDS
/// Appends words [First, First + 8) of `Words::word` to the section, from
/// inside the function `Emitter`, whose section the statement returns to.
template <class Words, std::size_t First, auto Emitter>
AUTOREG_ALWAYS_INLINE void emit_record_chunk() noexcept {
    __asm__ __volatile__(AUTOREG_RECORD_SECTION_START "\n\t.long " AUTOREG_RECORD_WORDS
                                                      "\n\t" AUTOREG_RECORD_SECTION_END
                         :
                         : "n"(Words::word[First]), "n"(Words::word[First + 1]),
                           "n"(Words::word[First + 2]), "n"(Words::word[First + 3]),
                           "n"(Words::word[First + 4]), "n"(Words::word[First + 5]),
                           "n"(Words::word[First + 6]), "n"(Words::word[First + 7]), "X"(Emitter)
                         : "rax");
}

/// Writes a record's words to the records section, from a function of
/// their own: out of line, and named by the words alone, so that it has
/// external linkage, and GCC places it in `.text$<its symbol>`, even where
/// the registered class is in an anonymous namespace (a function named
/// after it would be local, and in `.text`).
template <std::int32_t... Words>
struct record_emitter {
    static constexpr std::int32_t word[] = {Words...};
    template <std::size_t... Chunk>
    AUTOREG_NOINLINE static void emit(std::index_sequence<Chunk...> /*chunks*/) noexcept {
        (emit_record_chunk<record_emitter, Chunk * record_chunk_words,
                           &record_emitter::emit<Chunk...>>(),
         ...);
    }
};

template <class Record, std::size_t... Word>
AUTOREG_ALWAYS_INLINE void emit_record_words(std::index_sequence<Word...> /*words*/) noexcept {
    record_emitter<Record::word(Word)...>::emit(
        std::make_index_sequence<sizeof...(Word) / record_chunk_words>());
}

/// Writes `Record`'s `Size` bytes to the records section.
template <class Record, std::size_t Size, std::size_t... Chunk>
AUTOREG_ALWAYS_INLINE void emit_record(std::index_sequence<Chunk...> /*chunks*/) noexcept {
    emit_record_words<Record>(std::make_index_sequence<sizeof...(Chunk) * record_chunk_words>());
}
#endif

/// A record's little-endian numbers, in a form that compilers read with one
/// load: decoding byte by byte in a loop was most of a warm start-up's
/// instructions (every cached record is decoded once to count it, and once
/// more by the registry's first access).
inline std::uint32_t record_u16(const char* p) noexcept {
    return std::uint32_t{static_cast<unsigned char>(p[0])} |
           std::uint32_t{static_cast<unsigned char>(p[1])} << 8;
}
inline std::uint32_t record_u32(const char* p) noexcept {
    return record_u16(p) | record_u16(p + 2) << 16;
}

/// Reads the record at `at` in `section` and moves `at` past it. Zero bytes
/// between records (alignment padding) are skipped. False where no whole,
/// well-formed record of this revision starts there.
inline bool decode_record(std::string_view section, std::size_t& at, record_fields& out) noexcept {
    while (at < section.size() && section[at] == '\0') ++at;
    if (section.size() - at < record_header_size) return false;
    const char* const head = section.data() + at;
    if (record_u32(head) != record_u32(record_magic)) return false;
    const std::uint32_t size = record_u32(head + 4);
    if (size < record_header_size || size > section.size() - at) return false;
    out.priority = static_cast<std::int32_t>(record_u32(head + 8));
    out.string_key = head[12] != 0;
    out.has_parent = head[13] != 0;
    std::string_view* strings[] = {&out.base_name,   &out.key,        &out.type_name,
                                   &out.description, &out.parent_key, &out.parent_type_name};
    std::size_t text = record_header_size;
    for (std::size_t i = 0; i < 6; ++i) {
        const std::size_t length = record_u16(head + 14 + 2 * i);
        if (length > size - text) return false;
        *strings[i] = std::string_view(head + text, length);
        text += length;
    }
    if (text != size || out.base_name.empty() || (!out.string_key && out.key.size() != 8)) {
        return false;
    }
    at += size;
    return true;
}

}  // namespace detail
}  // namespace autoreg

#endif
