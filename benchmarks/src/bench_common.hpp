/// \file
/// What every benchmark program shares: the common base of the generated
/// classes and the generated keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace bench {

/// Every generated class derives from it (through its flavour's own Base),
/// so that each figure checks it made the class the key names.
struct Object {
    virtual ~Object() = default;
    virtual int id() const noexcept = 0;
};

/// The keys of the generated classes (class i has key i), and keys that no
/// class has: same lengths, same alphabet (keys.cpp, generated).
extern const std::string_view present_keys[];
extern const std::size_t present_key_count;
extern const std::string_view absent_keys[];
extern const std::size_t absent_key_count;

/// Keeps the compiler from dropping the computation of `p`.
inline void escape(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    asm volatile("" : : "g"(p) : "memory");
#else
    static const void* volatile sink;
    sink = p;
#endif
}

}  // namespace bench
