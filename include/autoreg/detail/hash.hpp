/// \file
/// Hashing of lookup keys. A string key of up to `inline_key_size` bytes is
/// read as three words without a loop, and those words, with its length, are
/// the whole key: the index keeps them in its buckets and compares them in
/// place. Longer keys are hashed a word at a time.
#ifndef AUTOREG_DETAIL_HASH_HPP
#define AUTOREG_DETAIL_HASH_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "../config.hpp"

namespace autoreg {
namespace detail {

inline constexpr std::uint64_t hash_multiplier = 0x9fb21c651e98df25ull;

constexpr std::uint64_t mix(std::uint64_t x) noexcept {
    x ^= x >> 32;
    x *= hash_multiplier;
    x ^= x >> 29;
    x *= hash_multiplier;
    x ^= x >> 32;
    return x;
}

inline std::uint64_t load64(const char* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

inline std::uint64_t load32(const char* p) noexcept {
    std::uint32_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

/// Keys up to this long are held entirely by their key_words.
inline constexpr std::size_t inline_key_size = 24;

/// A string key's bytes as three words. From 8 bytes on they are the words
/// at the start, the middle and the end, which overlap and, up to
/// `inline_key_size` bytes, cover every byte: with the length they determine
/// the key, and no byte past the key is read. Of a longer key they are a
/// cheap filter before comparing the rest.
struct key_words {
    std::uint64_t first;
    std::uint64_t middle;
    std::uint64_t last;
};

inline key_words words_of(std::string_view key) noexcept {
    const char* p = key.data();
    const std::size_t n = key.size();
    if (AUTOREG_LIKELY(n >= 8)) {
        return {load64(p), load64(p + (n - 8) / 2), load64(p + n - 8)};
    }
    if (n >= 4) return {load32(p) | load32(p + n - 4) << 32, 0, 0};
    if (n == 0) return {0, 0, 0};
    // One to three bytes: the first, middle and last are all of them.
    const auto first = static_cast<unsigned char>(p[0]);
    const auto middle = static_cast<unsigned char>(p[n / 2]);
    const auto last = static_cast<unsigned char>(p[n - 1]);
    return {std::uint64_t{first} | std::uint64_t{middle} << 8 | std::uint64_t{last} << 16, 0, 0};
}

/// Hashes a long key's every byte, so that long keys sharing their first,
/// middle and last words still spread over the table.
AUTOREG_NOINLINE inline std::uint64_t hash_bytes(std::string_view key) noexcept {
    const char* p = key.data();
    const char* last = p + key.size() - 8;  // called only for keys longer than a word
    std::uint64_t h = mix(key.size() ^ 0x2545f4914f6cdd1dull);
    // The last word overlaps the previous one rather than needing a
    // byte-by-byte tail; the length already went into the seed.
    for (; p < last; p += 8) {
        h = (h ^ load64(p)) * hash_multiplier;
        h ^= h >> 31;
    }
    return mix((h ^ load64(last)) * hash_multiplier);
}

/// The hash of a string key whose words are `words`: for short keys three
/// independent multiplications, whose sum is folded once so that keys that
/// differ only in a few digits still spread (lookups take the slot from the
/// top bits).
inline std::uint64_t hash_key(std::string_view key, const key_words& words) noexcept {
    if (AUTOREG_UNLIKELY(key.size() > inline_key_size)) return hash_bytes(key);
    std::uint64_t h = (words.first ^ key.size()) * hash_multiplier +
                      words.middle * 0xc2b2ae3d27d4eb4full + words.last * 0x165667b19e3779f9ull;
    h ^= h >> 32;
    return h * hash_multiplier;
}

inline std::uint64_t hash_key(std::string_view key) noexcept {
    return hash_key(key, words_of(key));
}

template <class Key>
std::uint64_t hash_key(Key key) noexcept {
    static_assert(std::is_integral_v<Key> || std::is_enum_v<Key>);
    if constexpr (std::is_enum_v<Key>) {
        return mix(static_cast<std::uint64_t>(static_cast<std::underlying_type_t<Key>>(key)));
    } else {
        return mix(static_cast<std::uint64_t>(key));
    }
}

}  // namespace detail
}  // namespace autoreg

#endif
