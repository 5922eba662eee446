/// \file
/// Secondary registries: a class registered in a primary registry also
/// registers a companion type it names in another registry.
#ifndef AUTOREG_SECONDARY_HPP
#define AUTOREG_SECONDARY_HPP

#include <tuple>
#include <type_traits>

#include "detail/class_registration.hpp"
#include "detail/node_info.hpp"
#include "fwd.hpp"
#include "traits.hpp"
#include "type_name.hpp"

namespace autoreg {

/// The default `KeyOf` of a `secondary`: the companion is registered under
/// its class's own key in the primary registry.
template <class Derived>
struct primary_key {};

/// One secondary registry of a primary: every registered class `D` for which
/// `TypeOf<D>` names a type registers that type in `Registry<OtherBase>`,
/// under `KeyOf<D>::value`, by default `D`'s primary key.
/// \code
/// template <> struct autoreg::registry_traits<MicroscopeHandler> {
///     static constexpr std::string_view strip_suffix = "Handler";
///     template <class D> using metadata = typename D::metadata_handler;
///     using secondaries = autoreg::secondaries<autoreg::secondary<MetadataHandler, metadata>>;
/// };
/// \endcode
/// A class that does not name the type is skipped. The companion must derive
/// from `OtherBase`, not be abstract, and be constructible from
/// `registry_traits<OtherBase>::constructor_args` (compile errors say so); it
/// takes its class's `registry_priority`, and the companion's
/// `registry_description` where it has one.
/// To key it otherwise, give `KeyOf`, whose `KeyOf<D>::value` is the key:
/// \code
/// template <class D> struct by_format {
///     static constexpr std::string_view value = D::file_format;
/// };
/// using secondaries =
///     autoreg::secondaries<autoreg::secondary<MetadataHandler, metadata, by_format>>;
/// \endcode
template <class OtherBase, template <class> class TypeOf,
          template <class> class KeyOf = primary_key>
struct secondary {};

/// The list of a primary registry's secondaries, as `registry_traits<Base>::secondaries`:
/// `using secondaries = autoreg::secondaries<secondary<A, a_of>, secondary<B, b_of>>;`.
/// Accessing a secondary registry runs its primary's discovery first.
template <class... Secondary>
struct secondaries {};

namespace detail {

template <class T, class = void>
struct traits_secondaries {
    using type = secondaries<>;
};
template <class T>
struct traits_secondaries<T, std::void_t<typename T::secondaries>> {
    using type = typename T::secondaries;
};

template <template <class> class TypeOf, class Derived, class = void>
struct names_type : std::false_type {};
template <template <class> class TypeOf, class Derived>
struct names_type<TypeOf, Derived, std::void_t<TypeOf<Derived>>> : std::true_type {};

template <template <class> class KeyOf>
inline constexpr bool uses_primary_key = false;
template <>
inline constexpr bool uses_primary_key<primary_key> = true;

template <class Primary, class Derived, class Parent, class Secondary>
struct secondary_registration;

template <class Primary, class Derived, class Parent, class OtherBase,
          template <class> class TypeOf, template <class> class KeyOf>
struct AUTOREG_LOCAL
    secondary_registration<Primary, Derived, Parent, secondary<OtherBase, TypeOf, KeyOf>> {
    // Filled field by field, like a primary registration (fill_info).
    static constexpr void fill(node_info<OtherBase>& out) noexcept {
        out.header = {traits<OtherBase>::base_name, traits<OtherBase>::base_hash, false, false};
        if constexpr (is_registered<Primary, Derived, Parent>() &&
                      names_type<TypeOf, Derived>::value) {
            using companion = TypeOf<Derived>;
            using key_view = typename traits<OtherBase>::key_view;
            static_assert(std::is_base_of_v<OtherBase, companion>,
                          "autoreg: secondary<OtherBase, TypeOf>: the type a class names for this "
                          "secondary registry must derive from OtherBase");
            static_assert(!std::is_abstract_v<companion>,
                          "autoreg: secondary<OtherBase, TypeOf>: the type a class names for this "
                          "secondary registry must not be abstract");
            static_assert(constructor_of<OtherBase, companion,
                                         typename traits<OtherBase>::constructor_args>::possible,
                          "autoreg: secondary<OtherBase, TypeOf>: the type a class names cannot "
                          "be constructed from registry_traits<OtherBase>::constructor_args");
            if constexpr (uses_primary_key<KeyOf>) {
                static_assert(std::is_convertible_v<typename traits<Primary>::key_view, key_view>,
                              "autoreg: secondary<OtherBase, TypeOf>: the primary key does not "
                              "convert to the secondary registry's key_type; give a KeyOf");
                out.key = key_view(key_rule<Primary, Derived, Parent>::value());
            } else {
                out.key = key_view(KeyOf<Derived>::value);
            }
            out.header.enabled = true;
            out.type_name = type_name_v<companion>;
            if constexpr (has_member<description_member, companion>::value) {
                out.description = std::string_view(companion::registry_description);
            }
            // The companion follows its class: an override in the primary
            // registry brings its own companion along.
            if constexpr (declares_own<priority_member, Derived, Parent>()) {
                out.priority = static_cast<int>(Derived::registry_priority);
            }
            out.factory = constructor_of<OtherBase, companion,
                                         typename traits<OtherBase>::constructor_args>::get();
        }
    }

    static inline node_info<OtherBase> info{};
    static const info_header* describe() noexcept {
        recorded<OtherBase, secondary_registration>::describe(info);
        return &info.header;
    }
#if AUTOREG_REGISTER_FROM_CONSTRUCTOR
    AUTOREG_EARLY_FUNCTION static void start() noexcept { node.start(&describe); }
    static inline static_node node{&describe, &start};
#else
    AUTOREG_EARLY static inline static_node node{&describe};
#endif
};

template <auto*... Objects>
struct instantiate_all {};

template <class Primary, class Derived, class Parent,
          class List = typename traits_secondaries<registry_traits<Primary>>::type>
struct secondary_nodes;
template <class Primary, class Derived, class Parent, class... Secondary>
struct secondary_nodes<Primary, Derived, Parent, secondaries<Secondary...>> {
    using type =
        instantiate_all<&secondary_registration<Primary, Derived, Parent, Secondary>::node...>;
};

}  // namespace detail
}  // namespace autoreg

#endif
