/// \file
/// `AutoRegister`: the mixin whose inheritance registers a class.
#ifndef AUTOREG_AUTO_REGISTER_HPP
#define AUTOREG_AUTO_REGISTER_HPP

#include <string_view>
#include <tuple>
#include <type_traits>

#include "detail/class_registration.hpp"
#include "fwd.hpp"
#include "secondary.hpp"

namespace autoreg {

/// Inherit it to register a class in `Registry<Base>`; the definition alone
/// registers, during static initialisation of the program or library.
/// \code
/// struct Circle : autoreg::AutoRegister<Shape, Circle> {
///     static constexpr std::string_view registry_key = "circle";
///     double area() const override { return 3.14; }
/// };
/// struct Disc : autoreg::AutoRegister<Shape, Disc, Circle> {  // a deeper class
///     static constexpr std::string_view registry_key = "disc";
/// };
/// \endcode
/// `AutoRegister` derives publicly from `Parent` (`Base` or a class derived
/// from it) and inherits its constructors. Abstract classes are not registered.
/// `Base` needs a virtual destructor, and `Derived` a constructor taking the
/// registry's `constructor_args` (`using AutoRegister::AutoRegister;` inherits
/// the parent's).
///
/// The class may declare these `static constexpr` members; only its own count,
/// never those it inherits:
/// - `registry_key`: its key (else derived from its name where
///   `registry_traits<Base>` has a `strip_suffix`; else a compile error, or
///   no registration where the traits say `skip_if_no_key = true`);
/// - `registry_description`: a text that `entries()` and `describe()` show;
/// - `registry_priority` (an `int`, default 0): the higher priority wins a key
///   that several classes claim, without a conflict.
template <class Base, class Derived, class Parent>
class AutoRegister : public Parent {
    static_assert(std::is_base_of_v<Base, Parent>,
                  "autoreg: AutoRegister<Base, Derived, Parent>: Parent must be Base or a class "
                  "derived from Base");

public:
    /// The constructors of `Parent`, inherited.
    using Parent::Parent;

private:
    // Naming the node in a member type makes every definition of a class
    // that inherits the mixin instantiate, and so run, its registration.
    using autoreg_registration_ =
        detail::instantiate<&detail::class_registration<Base, Derived, Parent>::node>;
    using autoreg_secondary_registrations_ =
        typename detail::secondary_nodes<Base, Derived, Parent>::type;
};

}  // namespace autoreg

#endif
