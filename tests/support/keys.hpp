// Bases of the classes that tests/registrations/keys_*.cpp register, and the
// traits that decide how those classes get their keys.
#ifndef AUTOREG_TESTS_SUPPORT_KEYS_HPP
#define AUTOREG_TESTS_SUPPORT_KEYS_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

namespace keys_test {

/// Keys derived from class names, "Backend" removed.
struct StorageBackend {
    virtual ~StorageBackend() = default;
    /// The registered class's name as written in its source.
    virtual std::string kind() const = 0;
};

/// Enum keys.
enum class Color : int { black = -3, red = 1, green = 2, blue = 7 };
struct Paint {
    virtual ~Paint() = default;
    virtual std::string kind() const = 0;
};

/// Integer keys.
struct Port {
    virtual ~Port() = default;
    virtual std::string kind() const = 0;
};

/// skip_if_no_key: keyless classes are left out.
struct Extension {
    virtual ~Extension() = default;
    virtual std::string kind() const = 0;
};

/// std::string_view as key_type.
struct Codec {
    virtual ~Codec() = default;
    virtual std::string kind() const = 0;
};

}  // namespace keys_test

template <>
struct autoreg::registry_traits<keys_test::StorageBackend> {
    static constexpr std::string_view strip_suffix = "Backend";
};

template <>
struct autoreg::registry_traits<keys_test::Paint> {
    using key_type = keys_test::Color;
};

template <>
struct autoreg::registry_traits<keys_test::Port> {
    using key_type = int;
};

template <>
struct autoreg::registry_traits<keys_test::Extension> {
    static constexpr bool skip_if_no_key = true;
};

template <>
struct autoreg::registry_traits<keys_test::Codec> {
    using key_type = std::string_view;
};

#endif
