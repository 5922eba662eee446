/// \file
/// The registration of one class: its description, computed at compile time
/// once the class is complete, and the static node that links it.
#ifndef AUTOREG_DETAIL_CLASS_REGISTRATION_HPP
#define AUTOREG_DETAIL_CLASS_REGISTRATION_HPP

#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "../config.hpp"
#include "../fwd.hpp"
#include "../traits.hpp"
#include "../type_name.hpp"
#include "hub.hpp"
#include "index_record.hpp"
#include "node_info.hpp"

namespace autoreg {
namespace detail {

// Not make_unique<Derived>: that instantiates unique_ptr<Derived> for every
// registered class, which more than triples the compile time per class
// (benchmarks/compile_cost.py: 60 ms against 17 ms at -O2).
template <class Base, class Derived, class... Args>
Base* construct(const void* /*context*/, Args&&... args) {
    return new Derived(std::forward<Args>(args)...);
}

template <class Base, class Derived, class ArgsTuple>
struct constructor_of;
template <class Base, class Derived, class... Args>
struct constructor_of<Base, Derived, std::tuple<Args...>> {
    static constexpr bool possible = std::is_constructible_v<Derived, Args...>;
    static constexpr factory_fn<Base> get() noexcept { return &construct<Base, Derived, Args...>; }
};

// The Parent a class names in its AutoRegister<Base, Derived, Parent>, found by
// deduction from the base class; absent where the class has no such base.
template <class Base, class Derived, class Parent>
Parent parent_named_by(const AutoRegister<Base, Derived, Parent>*);

template <class Base, class Derived, class = void>
struct registers_in : std::false_type {};
template <class Base, class Derived>
struct registers_in<
    Base, Derived,
    std::void_t<decltype(parent_named_by<Base, Derived>(static_cast<Derived*>(nullptr)))>>
    : std::true_type {
    using parent = decltype(parent_named_by<Base, Derived>(static_cast<Derived*>(nullptr)));
};

/// Whether `Derived` ends up in `Registry<Base>` (it may be skipped quietly).
template <class Base, class Derived, class Parent>
constexpr bool is_registered() noexcept {
    return !std::is_abstract_v<Derived> && key_rule<Base, Derived, Parent>::has_key;
}

template <class Base, class Parent>
constexpr void describe_parent(node_info<Base>& info) noexcept {
    if constexpr (!std::is_same_v<Parent, Base> && registers_in<Base, Parent>::value) {
        using grandparent = typename registers_in<Base, Parent>::parent;
        if constexpr (is_registered<Base, Parent, grandparent>()) {
            info.has_parent = true;
            info.parent_key = key_rule<Base, Parent, grandparent>::value();
            info.parent_type_name = type_name_v<Parent>;
        }
    }
}

/// Fills a zero-initialised description, field by field: code that stores
/// each address costs a registration less at load time than the dynamic
/// relocation that each address in a constant description needs, and leaves
/// alone the fields that stay zero.
template <class Base, class Derived, class Parent>
constexpr void fill_info(node_info<Base>& info) noexcept {
    using rule = key_rule<Base, Derived, Parent>;
    using args = typename traits<Base>::constructor_args;
    info.header = {traits<Base>::base_name, traits<Base>::base_hash, false, false};

    static_assert(std::is_base_of_v<AutoRegister<Base, Derived, Parent>, Derived>,
                  "autoreg: AutoRegister<Base, Derived, Parent>: Derived must be the class that "
                  "inherits the mixin, as in struct Circle : autoreg::AutoRegister<Shape, Circle>");
    // Abstract classes are never created, so never registered; keyless ones
    // are left out where the traits ask for it.
    if constexpr (std::is_abstract_v<Derived> || (!rule::has_key && traits<Base>::skip_if_no_key)) {
        return;
    } else {
        static_assert(rule::has_key,
                      "autoreg: this class has no key in its registry. Declare one in the class: "
                      "static constexpr std::string_view registry_key = \"...\"; or give "
                      "registry_traits<Base> a strip_suffix to derive keys from class names, or "
                      "skip_if_no_key = true to leave keyless classes out");
        static_assert(std::has_virtual_destructor_v<Base>,
                      "autoreg: the registry's Base needs a virtual destructor, since create() "
                      "returns std::unique_ptr<Base>: add virtual ~Base() = default;");
        static_assert(constructor_of<Base, Derived, args>::possible,
                      "autoreg: this class cannot be constructed from the registry's "
                      "constructor_args (registry_traits<Base>::constructor_args, default none): "
                      "give it a constructor taking exactly those arguments, or write "
                      "using AutoRegister::AutoRegister; to inherit them from its parent");
        info.key = rule::value();
        if constexpr (rule::has_key && is_string_key<typename traits<Base>::key_type>) {
            static_assert(!rule::is_explicit || !rule::value().empty(),
                          "autoreg: this class's registry_key is empty; give it a non-empty one");
            static_assert(!rule::is_derived || !rule::value().empty(),
                          "autoreg: this class's key is empty: with strip_suffix, a class named "
                          "just like the suffix derives the empty key. Declare a key: "
                          "static constexpr std::string_view registry_key = \"...\";");
        }
        info.header.enabled = true;
        info.type_name = type_name_v<Derived>;
        if constexpr (declares_own<description_member, Derived, Parent>()) {
            info.description = std::string_view(Derived::registry_description);
        }
        if constexpr (declares_own<priority_member, Derived, Parent>()) {
            info.priority = static_cast<int>(Derived::registry_priority);
        }
        info.factory = constructor_of<Base, Derived, args>::get();
        describe_parent<Base, Parent>(info);
    }
}

/// A node in static storage that stays linked while its module is loaded.
/// Module-local: its constructor names the module that holds the node, so it
/// must be this module's code even where the module exports its inline
/// functions (default visibility), which the host's copies would replace.
class AUTOREG_LOCAL static_node {
public:
    using describe_fn = const info_header* (*)() noexcept;

#if AUTOREG_REGISTER_FROM_CONSTRUCTOR
    /// Constant-initialised; naming `start`, which registers the node,
    /// instantiates it.
    constexpr static_node(describe_fn /*describe*/, void (* /*start*/)() noexcept) noexcept {}

    /// Registers the node on the first call; the next ones, one per unit
    /// that defines the class, do nothing. Static initialisation of one
    /// module runs on one thread.
    void start(describe_fn describe) noexcept {
        if (node_.info == nullptr) link_described(describe);
    }
#else
    /// `describe` fills the node's description and returns it.
    explicit static_node(describe_fn describe) noexcept { link_described(describe); }
#endif
#if !AUTOREG_MODULE_EXIT_HANDLERS
    ~static_node() { unlink(node_); }
#endif
    static_node(const static_node&) = delete;
    static_node& operator=(const static_node&) = delete;

private:
    void link_described(describe_fn describe) noexcept {
        node_.info = describe();
        node_.module = this_module();
#if AUTOREG_MODULE_EXIT_HANDLERS
        link_static(node_);
#else
        link(node_);
#endif
    }

    node node_;
};

/// What a registration's index record says, and the record itself, in the
/// records section. `Registration::fill` describes the registration.
template <class Base, class Registration>
struct AUTOREG_LOCAL recorded {
    static constexpr node_info<Base> described = [] {
        node_info<Base> info{};
        Registration::fill(info);
        return info;
    }();
    static constexpr bool emitted =
        AUTOREG_INDEX_RECORDS && described.header.enabled && !traits<Base>::base_is_unit_local;

    using key_view = typename traits<Base>::key_view;
    static constexpr bool string_keys = is_string_key<typename traits<Base>::key_type>;

    // An integer key's 8 bytes need storage of their own to be viewed.
    static constexpr auto storage_of(key_view key) noexcept {
        if constexpr (string_keys) {
            return key;
        } else {
            return integer_key_bytes(key);
        }
    }
    static constexpr auto key_storage = storage_of(described.key);
    static constexpr auto parent_storage = storage_of(described.parent_key);
    template <class Storage>
    static constexpr std::string_view text_of(const Storage& storage) noexcept {
        if constexpr (string_keys) {
            return storage;
        } else {
            return {storage.bytes, sizeof storage.bytes};
        }
    }

    static constexpr record_fields fields() noexcept {
        record_fields f;
        f.base_name = traits<Base>::base_name;
        f.key = text_of(key_storage);
        f.type_name = described.type_name;
        f.description = described.description;
        f.priority = described.priority;
        f.string_key = string_keys;
        f.has_parent = described.has_parent;
        if (described.has_parent) {
            f.parent_key = text_of(parent_storage);
            f.parent_type_name = described.parent_type_name;
        }
        return f;
    }
    static_assert(!emitted || record_fits(fields()),
                  "autoreg: a registration's key, type name or description is longer than "
                  "65,535 bytes, which its index record cannot hold");

    static constexpr std::size_t size = record_size(fields());
    static constexpr record_bytes<size> record = encode_record<size>(fields());
    static constexpr std::int32_t word(std::size_t index) noexcept {
        return record_word(record, index);
    }

    /// Fills `info`, and writes the record where the registration is linked.
    AUTOREG_ALWAYS_INLINE static void describe(node_info<Base>& info) noexcept {
        Registration::fill(info);
#if AUTOREG_INDEX_RECORDS
        if constexpr (emitted) {
            constexpr std::size_t words = (size + 3) / 4;
            emit_record<recorded, size>(
                std::make_index_sequence<(words + record_chunk_words - 1) / record_chunk_words>());
        }
#endif
    }
};

template <class Base, class Derived, class Parent>
struct AUTOREG_LOCAL class_registration {
    static constexpr void fill(node_info<Base>& out) noexcept {
        fill_info<Base, Derived, Parent>(out);
    }
    static inline node_info<Base> info{};
    static const info_header* describe() noexcept {
        recorded<Base, class_registration>::describe(info);
        return &info.header;
    }
    // Only a function's address is named here: GCC instantiates this
    // initialiser while Derived is still incomplete.
#if AUTOREG_REGISTER_FROM_CONSTRUCTOR
    AUTOREG_EARLY_FUNCTION static void start() noexcept { node.start(&describe); }
    static inline static_node node{&describe, &start};
#else
    AUTOREG_EARLY static inline static_node node{&describe};
#endif
};

template <auto* Object>
struct instantiate {};

}  // namespace detail
}  // namespace autoreg

#endif
