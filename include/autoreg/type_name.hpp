/// \file
/// Readable type names computed at compile time.
#ifndef AUTOREG_TYPE_NAME_HPP
#define AUTOREG_TYPE_NAME_HPP

#include <cstddef>
#include <string_view>

#include "config.hpp"

namespace autoreg {
namespace detail {

template <class T>
constexpr std::string_view function_signature() noexcept {
#if defined(__clang__) || defined(__GNUC__)
    return __PRETTY_FUNCTION__;
#elif defined(_MSC_VER)  // untested
    return __FUNCSIG__;
#else
#error "autoreg: type names need __PRETTY_FUNCTION__ or __FUNCSIG__"
#endif
}

// Where a known type sits in the signature tells how much text surrounds any
// type, so nothing depends on the exact spelling a compiler uses.
struct signature_frame {
    std::size_t prefix;
    std::size_t suffix;
};

constexpr signature_frame measure_signature_frame() noexcept {
    constexpr std::string_view probe = function_signature<double>();
    constexpr std::string_view known = "double";
    const std::size_t at = probe.find(known);
    return {at, probe.size() - at - known.size()};
}

inline constexpr signature_frame frame = measure_signature_frame();

/// The full name of `T` as the compiler spells it, e.g. `fs::DiskBackend`.
template <class T>
constexpr std::string_view type_name() noexcept {
    constexpr std::string_view signature = function_signature<T>();
    std::string_view name =
        signature.substr(frame.prefix, signature.size() - frame.prefix - frame.suffix);
#if defined(_MSC_VER) && !defined(__clang__)  // untested
    for (std::string_view tag : {"class ", "struct ", "enum ", "union "}) {
        if (name.substr(0, tag.size()) == tag) name.remove_prefix(tag.size());
    }
#endif
    return name;
}

template <std::size_t Capacity>
struct name_storage {
    char data[Capacity + 1]{};
    constexpr std::string_view view() const noexcept { return {data, Capacity}; }
};

template <class T>
struct AUTOREG_LOCAL type_name_holder {
    static constexpr std::string_view raw = type_name<T>();
    static constexpr name_storage<raw.size()> storage = [] {
        name_storage<raw.size()> out{};
        for (std::size_t i = 0; i < raw.size(); ++i) out.data[i] = raw[i];
        return out;
    }();
};

/// The name of `T`, in static storage of its own, usable in constant
/// expressions on every compiler (a view of the signature itself is not).
template <class T>
inline constexpr std::string_view type_name_v = type_name_holder<T>::storage.view();

constexpr bool opens_bracket(char c) noexcept {
    return c == '<' || c == '(' || c == '[' || c == '{';
}
constexpr bool closes_bracket(char c) noexcept {
    return c == '>' || c == ')' || c == ']' || c == '}';
}

/// The unqualified name: no namespaces or enclosing scopes, no template
/// arguments. `ns::Outer<int>::Inner<char>` becomes `Inner`.
constexpr std::string_view short_name(std::string_view name) noexcept {
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (opens_bracket(c)) {
            ++depth;
        } else if (closes_bracket(c)) {
            --depth;
        } else if (depth == 0 && c == ':' && i + 1 < name.size() && name[i + 1] == ':') {
            start = i + 2;
            ++i;
        }
    }
    name.remove_prefix(start);
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (opens_bracket(name[i])) return name.substr(0, i);
    }
    return name;
}

/// Whether `name` (a type_name()) is of a type in an anonymous namespace, as
/// GCC (`{anonymous}::`) or Clang (`(anonymous namespace)::`) spells it.
constexpr bool names_unit_local_type(std::string_view name) noexcept {
    return name.find("{anonymous}::") != std::string_view::npos ||
           name.find("(anonymous namespace)::") != std::string_view::npos;
}

}  // namespace detail
}  // namespace autoreg

#endif
