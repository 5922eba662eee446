/// \file
/// Hashing of lookup keys: a word at a time, so a 24-byte key costs a few
/// multiplications rather than one per byte.
#ifndef AUTOREG_DETAIL_HASH_HPP
#define AUTOREG_DETAIL_HASH_HPP

#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

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

inline std::uint64_t hash_key(std::string_view key) noexcept {
    const char* p = key.data();
    std::size_t n = key.size();
    std::uint64_t h = mix(n ^ 0x2545f4914f6cdd1dull);
    if (n >= 8) {
        // The last word overlaps the previous one rather than needing a
        // byte-by-byte tail; the length already went into the seed.
        const char* last = p + n - 8;
        while (p < last) {
            h = (h ^ load64(p)) * hash_multiplier;
            h ^= h >> 31;
            p += 8;
        }
        h = (h ^ load64(last)) * hash_multiplier;
    } else if (n >= 4) {
        h = (h ^ (load32(p) | (load32(p + n - 4) << 32))) * hash_multiplier;
    } else if (n > 0) {
        const auto first = static_cast<unsigned char>(p[0]);
        const auto middle = static_cast<unsigned char>(p[n / 2]);
        const auto last_byte = static_cast<unsigned char>(p[n - 1]);
        h = (h ^ (std::uint64_t{first} | std::uint64_t{middle} << 8 | std::uint64_t{last_byte} << 16)) *
            hash_multiplier;
    }
    return mix(h);
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
