/// \file
/// The text of every run-time error, in one place. Cold code: nothing here
/// runs unless something went wrong or a listing was asked for.
#ifndef AUTOREG_DETAIL_MESSAGES_HPP
#define AUTOREG_DETAIL_MESSAGES_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../config.hpp"
#include "text.hpp"

namespace autoreg {
namespace detail {

// The functions here are templates only so that their bodies, and the parts
// of the standard library that they instantiate, are compiled in
// the translation units that report an error, not in every one that
// includes autoreg: that was a quarter of what the umbrella header cost to
// compile beyond the standard headers it includes.

/// Longest part of a key quoted in a message; the rest is summarised, so a
/// hostile 1 MiB key costs no more than a short one.
inline constexpr std::size_t shown_key_bytes = 64;
inline constexpr std::size_t shown_key_count = 20;

/// Appends `c` as it reads between `quote`s: printable ASCII as itself, the
/// quote and backslash escaped, every other byte as \xhh.
template <class = void>
AUTOREG_COLD void append_escaped(std::string& out, unsigned char c, char quote) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
        out += static_cast<char>(c);
    } else {
        constexpr std::string_view digits = "0123456789abcdef";
        out += "\\x";
        out += digits[c >> 4];
        out += digits[c & 0xf];
    }
}

/// A key as a quoted, printable string: bytes outside printable ASCII are
/// escaped and long keys shortened.
template <class = void>
AUTOREG_COLD std::string quote_key(std::string_view key) {
    std::string out = "\"";
    const std::size_t shown = key.size() < shown_key_bytes ? key.size() : shown_key_bytes;
    for (std::size_t i = 0; i < shown; ++i)
        append_escaped(out, static_cast<unsigned char>(key[i]), '"');
    out += '"';
    if (shown < key.size()) out += concat("... (", key.size(), " bytes in all)");
    return out;
}

template <class Key>
inline constexpr bool is_character_key = std::is_same_v<Key, char>
#if defined(__cpp_char8_t)
                                         || std::is_same_v<Key, char8_t>
#endif
    ;
template <class Key>
inline constexpr bool is_wide_character_key =
    std::is_same_v<Key, wchar_t> || std::is_same_v<Key, char16_t> || std::is_same_v<Key, char32_t>;

/// An integer or enum key as messages and describe() show it. A character
/// type's key reads as the character, as its author wrote it ('a', U+00E9):
/// its number (97) says nothing. signed and unsigned char are numbers, as
/// std::int8_t and std::uint8_t are those types. An enum shows its value.
template <class Key>
AUTOREG_COLD std::string key_as_text(Key key) {
    if constexpr (is_character_key<Key>) {
        std::string out = "'";
        append_escaped(out, static_cast<unsigned char>(key), '\'');
        out += '\'';
        return out;
    } else if constexpr (is_wide_character_key<Key>) {
        constexpr std::string_view digits = "0123456789ABCDEF";
        const auto code = static_cast<std::uint32_t>(key);
        std::string out = "U+";
        int shift = 12;  // at least four digits, as Unicode writes them
        while (shift < 28 && (code >> (shift + 4)) != 0) shift += 4;
        for (; shift >= 0; shift -= 4) out += digits[(code >> shift) & 0xfU];
        return out;
    } else if constexpr (std::is_enum_v<Key>) {
        return std::to_string(static_cast<std::underlying_type_t<Key>>(key));
    } else {
        return std::to_string(key);
    }
}

/// Levenshtein distance of the (shortened) texts, ignoring ASCII case.
template <class = void>
AUTOREG_COLD std::size_t edit_distance(std::string_view a, std::string_view b) {
    a = a.substr(0, shown_key_bytes);
    b = b.substr(0, shown_key_bytes);
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution =
                diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            std::size_t best = above + 1 < row[j - 1] + 1 ? above + 1 : row[j - 1] + 1;
            row[j] = substitution < best ? substitution : best;
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// Up to three known keys close enough to `key` to be what was meant.
template <class = void>
AUTOREG_COLD std::vector<std::string_view> closest_keys(std::string_view key,
                                                        const std::vector<std::string>& known) {
    const std::size_t length = key.size() < shown_key_bytes ? key.size() : shown_key_bytes;
    const std::size_t limit = length < 6 ? 2 : length / 3;
    std::vector<std::pair<std::size_t, std::string_view>> close_enough;
    for (const std::string& candidate : known) {
        const std::size_t distance = edit_distance(key, candidate);
        if (distance <= limit) close_enough.emplace_back(distance, candidate);
    }
    // Known keys arrive sorted; a stable pass keeps ties in that order.
    std::vector<std::string_view> out;
    for (std::size_t d = 0; d <= limit && out.size() < 3; ++d) {
        for (const auto& [distance, candidate] : close_enough) {
            if (distance == d && out.size() < 3) out.push_back(candidate);
        }
    }
    return out;
}

template <class = void>
AUTOREG_COLD std::string quoted_list(const std::vector<std::string>& keys, bool already_printable) {
    std::string out;
    const std::size_t shown = keys.size() < shown_key_count ? keys.size() : shown_key_count;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i != 0) out += ", ";
        out += already_printable ? keys[i] : quote_key(keys[i]);
    }
    if (shown < keys.size()) out += concat(", ... and ", keys.size() - shown, " more");
    return out;
}

inline constexpr std::string_view static_library_hint =
    "Classes register when the object file that defines them is linked in; the linker drops "
    "object files of a static library that nothing references. Link such a library whole "
    "with autoreg_link_plugins(<target> <library>) in CMake (or -Wl,--whole-archive), or "
    "load plugins with autoreg::load_library().";

/// `printable_key` is already quoted; `known` holds the registry's keys, quoted
/// as needed (`string_keys` says whether they are raw strings to quote).
template <class = void>
AUTOREG_COLD std::string unknown_key_message(std::string_view registry, std::string_view raw_key,
                                             const std::string& printable_key,
                                             const std::vector<std::string>& known,
                                             bool string_keys) {
    if (known.empty()) {
        return concat("autoreg: unknown key ", printable_key, " in the ", registry,
                      " registry, which is empty: no class has registered in it. ",
                      static_library_hint);
    }
    std::string message =
        concat("autoreg: unknown key ", printable_key, " in the ", registry, " registry.");
    if (string_keys) {
        const std::vector<std::string_view> suggestions = closest_keys(raw_key, known);
        for (std::size_t i = 0; i < suggestions.size(); ++i) {
            message += i == 0 ? " Did you mean " : i + 1 == suggestions.size() ? " or " : ", ";
            message += quote_key(suggestions[i]);
        }
        if (!suggestions.empty()) message += "?";
    }
    message += concat(" Known keys (", known.size(), "): ", quoted_list(known, !string_keys), ".");
    return message;
}

template <class = void>
AUTOREG_COLD std::string duplicate_key_message(std::string_view registry,
                                               const std::string& printable_key, int priority,
                                               const std::vector<std::string_view>& types) {
    std::string classes;
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i != 0) classes += i + 1 == types.size() ? " and " : ", ";
        classes += types[i];
    }
    return concat("autoreg: key ", printable_key, " of the ", registry, " registry is claimed by ",
                  types.size(), " classes with priority ", priority, ": ", classes,
                  ". Give all but one another registry_key, or one of them a higher "
                  "registry_priority.");
}

template <class = void>
AUTOREG_COLD std::string missing_keys_message(std::string_view registry,
                                              const std::vector<std::string>& missing,
                                              bool registry_empty) {
    return concat("autoreg: the ", registry, " registry lacks ", missing.size(), " required key",
                  missing.size() == 1 ? "" : "s", ": ", quoted_list(missing, true), ". ",
                  registry_empty ? "The registry is empty. " : "", static_library_hint);
}

}  // namespace detail
}  // namespace autoreg

#endif
