/// \file
/// Forward declarations of autoreg's public names, for headers that only
/// mention them.
#ifndef AUTOREG_FWD_HPP
#define AUTOREG_FWD_HPP

namespace autoreg {

/// Configures `Registry<Base>`; specialise it for your base class. Every member
/// is optional:
/// \code
/// template <> struct autoreg::registry_traits<StorageBackend> {
///     static constexpr std::string_view name = "storage backend";  // for messages
///     static constexpr std::string_view strip_suffix = "Backend";  // derived keys
///     static constexpr bool skip_if_no_key = false;   // quietly skip keyless classes
///     using key_type = std::string;                   // or an enum, or an integer
///     using constructor_args = std::tuple<>;          // the arguments of create()
/// };
/// \endcode
template <class Base>
struct registry_traits {};

template <class Base>
class Registry;

template <class Base, class Derived, class Parent = Base>
class AutoRegister;

class error;
class unknown_key;
class duplicate_key;
class missing_keys;

}  // namespace autoreg

#endif
