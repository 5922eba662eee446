/// \file
/// Forward declarations of autoreg's public names, for headers that only
/// mention them.
#ifndef AUTOREG_FWD_HPP
#define AUTOREG_FWD_HPP

namespace autoreg {

/// Configures `Registry<Base>`; specialise it for your base class, next to the
/// base (before any class registers in, or any code uses, that registry).
/// Every member is optional:
/// \code
/// template <> struct autoreg::registry_traits<StorageBackend> {
///     static constexpr std::string_view name = "storage backend";  // for messages
///     static constexpr std::string_view strip_suffix = "Backend";  // derived keys
///     static constexpr bool skip_if_no_key = false;   // quietly skip keyless classes
///     using key_type = std::string;                   // or an enum, or an integer
///     using constructor_args = std::tuple<>;          // the arguments of create()
///     using secondaries = autoreg::secondaries<>;     // companion registries
/// };
/// \endcode
/// Without `name`, the name is derived from the base's (`StorageBackend` gives
/// `storage backend`); without `strip_suffix`, a class needs a `registry_key`.
/// `secondaries` is described in <autoreg/secondary.hpp>.
template <class Base>
struct registry_traits {};

/// The registry of every class registered for `Base`; see <autoreg/registry.hpp>.
template <class Base>
class Registry;

/// The mixin whose inheritance registers `Derived` in `Registry<Base>`; see
/// <autoreg/auto_register.hpp>.
template <class Base, class Derived, class Parent = Base>
class AutoRegister;

/// The base of autoreg's exceptions; see <autoreg/errors.hpp>.
class error;
/// Thrown for a key under which nothing is registered.
class unknown_key;
/// Thrown for a key that two classes claim with the same priority.
class duplicate_key;
/// Thrown by `require()` for keys that are not registered.
class missing_keys;

}  // namespace autoreg

#endif
