/// \file
/// What `registry_traits<Base>` says, with its defaults filled in, and the
/// compile-time rules that give every registered class its key.
#ifndef AUTOREG_TRAITS_HPP
#define AUTOREG_TRAITS_HPP

#include <cstddef>
#include <cstdint>
#include <iosfwd>  // std::string, named here, defined where it is used
#include <string_view>
#include <tuple>
#include <type_traits>

#include "fwd.hpp"
#include "type_name.hpp"

namespace autoreg {
namespace detail {

// ---- Reading the user's traits, member by member, with defaults. ----------

template <class T, class = void>
struct traits_key_type {
    using type = std::string;
};
template <class T>
struct traits_key_type<T, std::void_t<typename T::key_type>> {
    using type = typename T::key_type;
};

template <class T, class = void>
struct traits_constructor_args {
    using type = std::tuple<>;
};
template <class T>
struct traits_constructor_args<T, std::void_t<typename T::constructor_args>> {
    using type = typename T::constructor_args;
};

template <class T, class = void>
struct traits_has_name : std::false_type {};
template <class T>
struct traits_has_name<T, std::void_t<decltype(T::name)>> : std::true_type {};

template <class T, class = void>
struct traits_has_strip_suffix : std::false_type {};
template <class T>
struct traits_has_strip_suffix<T, std::void_t<decltype(T::strip_suffix)>> : std::true_type {};

template <class T, class = void>
struct traits_skip_if_no_key : std::false_type {};
template <class T>
struct traits_skip_if_no_key<T, std::void_t<decltype(T::skip_if_no_key)>>
    : std::bool_constant<static_cast<bool>(T::skip_if_no_key)> {};

template <class T>
struct is_tuple : std::false_type {};
template <class... Ts>
struct is_tuple<std::tuple<Ts...>> : std::true_type {};

// ---- Keys of every supported kind behind one interface. ---------------------

template <class Key>
inline constexpr bool is_string_key =
    std::is_same_v<Key, std::string> || std::is_same_v<Key, std::string_view>;

template <class Key>
struct key_kind {
    static_assert(is_string_key<Key> || std::is_integral_v<Key> || std::is_enum_v<Key>,
                  "autoreg: registry_traits<Base>::key_type must be std::string, "
                  "std::string_view, an integer type or an enum");
    static_assert(!std::is_same_v<Key, bool>,
                  "autoreg: registry_traits<Base>::key_type "
                  "cannot be bool; use an enum");
    /// What lookups take and nodes store: no allocation for string keys.
    using view = std::conditional_t<is_string_key<Key>, std::string_view, Key>;
    /// What listings return: owning, so it outlives an unloaded plugin.
    using owned = std::conditional_t<is_string_key<Key>, std::string, Key>;
};

// ---- Compile-time text. --------------------------------------------------

template <std::size_t Capacity>
struct fixed_text {
    char data[Capacity + 1]{};
    std::size_t size = 0;

    constexpr void push_back(char c) noexcept { data[size++] = c; }
    constexpr std::string_view view() const noexcept { return {data, size}; }
};

constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char to_lower(char c) noexcept {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool ends_with(std::string_view text, std::string_view suffix) noexcept {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// `ImageXpressHandler` with suffix `Handler` becomes `imagexpress`.
template <std::size_t Capacity>
constexpr fixed_text<Capacity> derive_key_text(std::string_view name,
                                               std::string_view suffix) noexcept {
    if (!suffix.empty() && ends_with(name, suffix)) name.remove_suffix(suffix.size());
    fixed_text<Capacity> out;
    for (char c : name) out.push_back(to_lower(c));
    return out;
}

constexpr std::string_view strip_one_role_suffix(std::string_view name) noexcept {
    for (std::string_view suffix : {"Base", "Meta", "Handler", "Registry"}) {
        if (name.size() > suffix.size() && ends_with(name, suffix)) {
            name.remove_suffix(suffix.size());
            break;
        }
    }
    return name;
}

/// `StorageBackend` becomes `storage backend`, `HTTPServerBase` `http server`.
template <std::size_t Capacity>
constexpr fixed_text<Capacity> derive_registry_name(std::string_view name) noexcept {
    name = strip_one_role_suffix(name);
    fixed_text<Capacity> out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '_') {
            if (out.size != 0 && out.data[out.size - 1] != ' ') out.push_back(' ');
            continue;
        }
        if (is_upper(c) && i != 0 && out.size != 0 && out.data[out.size - 1] != ' ') {
            const char before = name[i - 1];
            const bool after_lower = i + 1 < name.size() && is_lower(name[i + 1]);
            if (is_lower(before) || is_digit(before) || (is_upper(before) && after_lower)) {
                out.push_back(' ');
            }
        }
        out.push_back(to_lower(c));
    }
    return out;
}

constexpr std::uint64_t fnv1a(std::string_view text) noexcept {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

// ---- The registry's configuration, defaults filled in. -------------------

template <class Base>
struct AUTOREG_LOCAL traits {
    using user = registry_traits<Base>;
    using key_type = typename traits_key_type<user>::type;
    using key_view = typename key_kind<key_type>::view;
    using key_owned = typename key_kind<key_type>::owned;
    using constructor_args = typename traits_constructor_args<user>::type;
    static_assert(is_tuple<constructor_args>::value,
                  "autoreg: registry_traits<Base>::constructor_args must be a std::tuple<...> "
                  "of the arguments that create() passes to the constructor");

    static constexpr bool skip_if_no_key = traits_skip_if_no_key<user>::value;
    static constexpr bool has_strip_suffix = traits_has_strip_suffix<user>::value;

    static constexpr std::string_view strip_suffix() noexcept {
        if constexpr (has_strip_suffix) {
            static_assert(is_string_key<key_type>,
                          "autoreg: registry_traits<Base>::strip_suffix derives string keys; "
                          "a registry with an integer or enum key_type needs explicit "
                          "registry_key members");
            return std::string_view(user::strip_suffix);
        } else {
            return {};
        }
    }

    /// The identity of the registry across shared libraries.
    static constexpr std::string_view base_name = type_name_v<Base>;
    static constexpr std::uint64_t base_hash = fnv1a(base_name);
    /// A base in an anonymous namespace is a different type in every
    /// translation unit, under the same name in all of them.
    static constexpr bool base_is_unit_local = names_unit_local_type(base_name);

    static constexpr auto derived_name =
        derive_registry_name<2 * short_name(base_name).size()>(short_name(base_name));

    static constexpr std::string_view name() noexcept {
        if constexpr (traits_has_name<user>::value) {
            return std::string_view(user::name);
        } else {
            return derived_name.view();
        }
    }
};

/// Whether a registry or registration known by (`name`, `hash`) is
/// `Registry<Base>`'s. Bases are matched by name, across shared libraries,
/// except those in an anonymous namespace: each translation unit's is its
/// own, told apart by the address of its name, which the unit holds itself.
template <class Base>
bool is_registry_of(std::string_view name, std::uint64_t hash) noexcept {
    if (hash != traits<Base>::base_hash) return false;
    if constexpr (traits<Base>::base_is_unit_local) {
        return name.data() == traits<Base>::base_name.data();
    } else {
        return name == traits<Base>::base_name;
    }
}

// ---- Keys of registered classes. -------------------------------------------

// The members a registered class may declare, each found through a getter so
// that one detector serves them all.
struct key_member {
    template <class T>
    static constexpr auto address() noexcept -> decltype(&T::registry_key) {
        return &T::registry_key;
    }
};
struct description_member {
    template <class T>
    static constexpr auto address() noexcept -> decltype(&T::registry_description) {
        return &T::registry_description;
    }
};
struct priority_member {
    template <class T>
    static constexpr auto address() noexcept -> decltype(&T::registry_priority) {
        return &T::registry_priority;
    }
};

template <class Member, class T, class = void>
struct has_member : std::false_type {};
template <class Member, class T>
struct has_member<Member, T, std::void_t<decltype(Member::template address<T>())>>
    : std::true_type {};

/// A member counts only where `Derived` declares it itself: a key found
/// through `Parent` would make every subclass collide with its parent.
template <class Member, class Derived, class Parent>
constexpr bool declares_own() noexcept {
    if constexpr (!has_member<Member, Derived>::value) {
        return false;
    } else {
        static_assert(std::is_pointer_v<decltype(Member::template address<Derived>())>,
                      "autoreg: registry_key, registry_description and registry_priority must "
                      "be static constexpr members, e.g. "
                      "static constexpr std::string_view registry_key = \"circle\";");
        if constexpr (!has_member<Member, Parent>::value) {
            return true;
        } else {
            return static_cast<const void*>(Member::template address<Derived>()) !=
                   static_cast<const void*>(Member::template address<Parent>());
        }
    }
}

template <class Base, class Derived>
struct AUTOREG_LOCAL derived_key_text {
    static constexpr std::string_view source = short_name(type_name<Derived>());
    static constexpr auto storage =
        derive_key_text<source.size()>(source, traits<Base>::strip_suffix());
};

/// How `Derived` gets its key in `Registry<Base>`; `Parent` is the class it
/// names in its AutoRegister.
template <class Base, class Derived, class Parent>
struct key_rule {
    using key_view = typename traits<Base>::key_view;
    static constexpr bool is_explicit = declares_own<key_member, Derived, Parent>();
    static constexpr bool is_derived = !is_explicit && traits<Base>::has_strip_suffix;
    static constexpr bool has_key = is_explicit || is_derived;

    static constexpr key_view value() noexcept {
        if constexpr (is_explicit) {
            static_assert(std::is_convertible_v<decltype(Derived::registry_key), key_view>,
                          "autoreg: Derived::registry_key must be convertible to the "
                          "registry's key_type (std::string_view for string keys)");
            return key_view(Derived::registry_key);
        } else if constexpr (is_derived) {
            return derived_key_text<Base, Derived>::storage.view();
        } else {
            return key_view{};
        }
    }
};

}  // namespace detail
}  // namespace autoreg

#endif
