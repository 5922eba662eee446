/// \file
/// Registering by hand: `autoreg::registration`, the handle `add()` returns,
/// and `autoreg::Registrar`, for classes that cannot inherit the mixin.
#ifndef AUTOREG_REGISTRATION_HPP
#define AUTOREG_REGISTRATION_HPP

#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/hub.hpp"
#include "detail/node_info.hpp"
#include "detail/owned.hpp"
#include "detail/state.hpp"
#include "errors.hpp"
#include "fwd.hpp"
#include "traits.hpp"
#include "type_name.hpp"

namespace autoreg {

/// Options of a hand registration, for `Registry<Base>::add()` and `Registrar`.
/// \code
/// autoreg::add_options options;
/// options.type_name = "Echo";
/// options.description = "prints its text";
/// auto r = autoreg::Registry<Command>::add("greet", factory, options);
/// \endcode
/// The strings are copied: they need not outlive the call.
struct add_options {
    /// As `registry_priority`: the higher priority wins a key without conflict.
    int priority = 0;
    /// As `registry_description`, shown by `entries()` and `describe()`.
    std::string_view description = {};
    /// The name `entries()` shows as the type; by default the factory's type.
    std::string_view type_name = {};
};

namespace detail {

/// A registration whose node and description live with it, not in static
/// constexpr storage. Linked by activate(); unlinked on destruction, which
/// waits until no reader can still be using it.
template <class Base>
class owned_entry {
public:
    using key_view = typename traits<Base>::key_view;
    using key_owned = typename traits<Base>::key_owned;

    /// `type_name` is used where `options` gives none.
    /// \throws autoreg::error for an empty string key.
    owned_entry(key_view key, std::string_view type_name, const add_options& options,
                factory_fn<Base> factory, const void* context)
        : key_(checked(key)),
          type_name_(options.type_name.empty() ? type_name : options.type_name),
          description_(options.description) {
        info_.header = {traits<Base>::base_name, traits<Base>::base_hash, true, false};
        info_.key = key_view(key_);
        info_.type_name = type_name_;
        info_.description = description_;
        info_.priority = options.priority;
        info_.factory = factory;
        node_.info = &info_.header;
        node_.context = context;
    }
    ~owned_entry() { deactivate(); }
    owned_entry(const owned_entry&) = delete;
    owned_entry& operator=(const owned_entry&) = delete;

    void activate() noexcept { link(node_); }

    void deactivate() noexcept {
        if (!node_.linked) return;
        unlink(node_);
        // Without a state no reader has ever looked, so none can be using it.
        if (registry_state<Base>* state = find_state<Base>(joined_hub())) {
            state->synchronize_and_reclaim(the_hub());
        }
    }

private:
    static key_view checked(key_view key) {
        if constexpr (is_string_key<typename traits<Base>::key_type>) {
            if (key.empty()) {
                raise<error>(std::string("autoreg: a registration by hand in the ") +
                             std::string(traits<Base>::name()) + " registry needs a non-empty key");
            }
        }
        return key;
    }

    key_owned key_;
    std::string type_name_;
    std::string description_;
    node_info<Base> info_{};
    node node_{};
};

/// The type-erased owner a `registration` holds.
class removable {
public:
    virtual ~removable() = default;
};

template <class Base, class Factory, class ArgsTuple>
struct is_factory : std::false_type {};
template <class Base, class Factory, class... Args>
struct is_factory<Base, Factory, std::tuple<Args...>>
    : std::bool_constant<std::is_invocable_r_v<std::unique_ptr<Base>, const Factory&, Args&&...>> {
};

template <class Base, class Factory, class ArgsTuple>
class callable_entry;

template <class Base, class Factory, class... Args>
class callable_entry<Base, Factory, std::tuple<Args...>> final : public removable {
public:
    callable_entry(typename traits<Base>::key_view key, Factory factory, const add_options& options)
        : factory_(std::move(factory)),
          entry_(key, type_name_v<Factory>, options, &call, &factory_) {
        entry_.activate();
    }

private:
    static Base* call(const void* context, Args&&... args) {
        std::unique_ptr<Base> made =
            (*static_cast<const Factory*>(context))(std::forward<Args>(args)...);
        return made.release();
    }

    // Declared first: the entry, destroyed first, waits for readers that may
    // still be calling the factory.
    Factory factory_;
    owned_entry<Base> entry_;
};

}  // namespace detail

/// Keeps a hand registration (from `Registry<Base>::add`) alive: destroying
/// it removes the entry, and only that entry. Movable, not copyable.
/// \code
/// autoreg::registration r = autoreg::Registry<Command>::add(
///     "greet", [text = std::string("hi")] { return std::make_unique<Echo>(text); });
/// r.release();  // keep the entry for the life of the program
/// \endcode
/// Destroying a registration waits until no other thread is inside one of
/// the registry's factories; do not destroy one from inside a factory.
class registration {
public:
    /// An empty handle, which owns no entry.
    registration() noexcept = default;
    /// Takes ownership of an entry; `Registry<Base>::add()` makes its handles so.
    explicit registration(detail::owned<detail::removable> entry) noexcept
        : entry_(std::move(entry)) {}
    /// Takes the other handle's entry; the other handle becomes empty.
    registration(registration&&) noexcept = default;
    /// Removes the entry this handle owns, if any, and takes the other's.
    registration& operator=(registration&&) noexcept = default;
    /// Removes the entry, if the handle still owns one.
    ~registration() = default;

    /// Keeps the entry for the life of the program; the handle becomes empty.
    void release() noexcept { static_cast<void>(entry_.release()); }

    /// Removes the entry now; the handle becomes empty.
    void reset() noexcept { entry_.reset(); }

    /// Whether the handle still owns an entry.
    explicit operator bool() const noexcept { return entry_ != nullptr; }

private:
    detail::owned<detail::removable> entry_;
};

/// Registers `T`, a class derived from `Base` that cannot inherit the mixin
/// (a third-party type), for the lifetime of the Registrar object. `create()`
/// constructs `T` from the registry's `constructor_args`.
/// \throws autoreg::error for an empty string key.
/// \code
/// static const autoreg::Registrar<Codec, vendor::Zstd> zstd_registration{"zstd"};
/// \endcode
/// Destroying a Registrar removes the entry and waits as destroying a
/// `registration` does.
template <class Base, class T>
class Registrar {
    static_assert(std::is_base_of_v<Base, T>,
                  "autoreg: Registrar<Base, T>: T must be derived from Base");

public:
    /// Registers `T` under `key`, with the priority, description and type name
    /// that `options` gives (by default: 0, none, `T`'s name).
    /// \throws autoreg::error for an empty string key.
    explicit Registrar(typename detail::traits<Base>::key_view key, const add_options& options = {})
        : entry_(key, detail::type_name_v<T>, options, factory(), nullptr) {
        entry_.activate();
    }
    /// Neither copyable nor movable: the entry lives exactly as long as this object.
    Registrar(const Registrar&) = delete;
    /// Not assignable, for the same reason.
    Registrar& operator=(const Registrar&) = delete;

private:
    template <class ArgsTuple>
    struct make;
    template <class... Args>
    struct make<std::tuple<Args...>> {
        static_assert(std::is_constructible_v<T, Args...>,
                      "autoreg: Registrar<Base, T>: T cannot be constructed from the registry's "
                      "constructor_args");
        static Base* call(const void* /*context*/, Args&&... args) {
            return new T(std::forward<Args>(args)...);
        }
    };
    static constexpr detail::factory_fn<Base> factory() noexcept {
        return &make<typename detail::traits<Base>::constructor_args>::call;
    }

    detail::owned_entry<Base> entry_;
};

}  // namespace autoreg

#endif
