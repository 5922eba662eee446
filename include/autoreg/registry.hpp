/// \file
/// `Registry<Base>`: the per-base singleton through which classes are
/// created by key and the registrations are inspected.
#ifndef AUTOREG_REGISTRY_HPP
#define AUTOREG_REGISTRY_HPP

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "config.hpp"
#include "detail/messages.hpp"
#include "detail/state.hpp"
#include "errors.hpp"
#include "fwd.hpp"
#include "traits.hpp"

namespace autoreg {
namespace detail {

/// The state of `Registry<Base>`, found in the hub once per module.
template <class Base>
class state_cache {
public:
    static registry_state<Base>& get() {
        registry_state<Base>* state = cached_.load(std::memory_order_acquire);
        if (AUTOREG_LIKELY(state != nullptr)) return *state;
        return attach();
    }

private:
    AUTOREG_COLD static registry_state<Base>& attach() {
        registry_state<Base>& state = find_or_create_state<Base>(the_hub());
        cached_.store(&state, std::memory_order_release);
        return state;
    }
    static inline std::atomic<registry_state<Base>*> cached_{nullptr};
};

template <class Base>
AUTOREG_COLD std::string printable_key(typename traits<Base>::key_view key) {
    if constexpr (is_string_key<typename traits<Base>::key_type>) {
        return quote_key(key);
    } else {
        return fmt::format("{}", key_order_value(key));
    }
}

template <class Base>
AUTOREG_COLD std::vector<std::string> printable_keys(const snapshot<Base>& snap) {
    std::vector<std::string> out;
    out.reserve(snap.order.size());
    for (std::uint32_t slot : snap.order) {
        if constexpr (is_string_key<typename traits<Base>::key_type>) {
            out.emplace_back(snap.buckets[slot].key);
        } else {
            out.push_back(printable_key<Base>(snap.buckets[slot].key));
        }
    }
    return out;
}

/// Throws what a failed lookup means: `unknown_key` where `found` is null,
/// `duplicate_key` where the key is conflicted.
template <class Base>
[[noreturn]] AUTOREG_COLD void fail_lookup(const snapshot<Base>& snap,
                                           typename traits<Base>::key_view key,
                                           const typename snapshot<Base>::bucket* found) {
    constexpr bool string_keys = is_string_key<typename traits<Base>::key_type>;
    if (found == nullptr) {
        std::string_view raw;
        if constexpr (string_keys) raw = key;
        raise<unknown_key>(unknown_key_message(traits<Base>::name(), raw, printable_key<Base>(key),
                                               printable_keys(snap), string_keys));
    }
    std::vector<std::string_view> types;
    const int top = snap.candidates[found->first].info->priority;
    for (std::uint32_t i = found->first; i < found->first + found->count; ++i) {
        if (snap.candidates[i].info->priority == top) {
            types.push_back(snap.candidates[i].info->type_name);
        }
    }
    raise<duplicate_key>(
        duplicate_key_message(traits<Base>::name(), printable_key<Base>(key), top, types));
}

/// create() and try_create() with the registry's constructor arguments as
/// their own parameters, so that arguments convert as in a plain call.
template <class Base, class ArgsTuple>
class creation;

template <class Base, class... Args>
class creation<Base, std::tuple<Args...>> {
public:
    using key_view = typename traits<Base>::key_view;

    /// Makes the class registered under `key`.
    /// \throws unknown_key where nothing is registered under `key` (the
    /// message suggests the closest keys); duplicate_key where two classes
    /// claim it with the same priority. A constructor's exception propagates.
    /// \code
    /// std::unique_ptr<Shape> s = autoreg::Registry<Shape>::create("circle");
    /// \endcode
    static std::unique_ptr<Base> create(key_view key, Args... args) {
        reader<Base> snap(state_cache<Base>::get());
        const auto* found = snap->find(key);
        if (AUTOREG_UNLIKELY(found == nullptr || found->factory == nullptr)) {
            fail_lookup(*snap, key, found);
        }
        return found->factory(found->context, std::forward<Args>(args)...);
    }

    /// Like create(), but returns null where create() would throw
    /// unknown_key or duplicate_key; a constructor's exception propagates.
    static std::unique_ptr<Base> try_create(key_view key, Args... args) {
        reader<Base> snap(state_cache<Base>::get());
        const auto* found = snap->find(key);
        if (found == nullptr || found->factory == nullptr) return nullptr;
        return found->factory(found->context, std::forward<Args>(args)...);
    }
};

}  // namespace detail

/// The registry of every class registered for `Base`: one per base per
/// process, created on first use, configured by `registry_traits<Base>`.
/// All members are static and safe to call concurrently.
/// \code
/// auto shape = autoreg::Registry<Shape>::create("circle");
/// for (const auto& key : autoreg::Registry<Shape>::keys()) fmt::print("{}\n", key);
/// \endcode
template <class Base>
class Registry
    : public detail::creation<Base, typename detail::traits<Base>::constructor_args> {
    using traits = detail::traits<Base>;

public:
    Registry() = delete;

    using base_type = Base;
    /// `registry_traits<Base>::key_type`, by default `std::string`.
    using key_type = typename traits::key_type;
    /// What lookups take: `std::string_view` for string keys, so that any
    /// string converts without allocating.
    using key_view = typename traits::key_view;
    /// The owning form of a key, as listings return it.
    using key_owned = typename traits::key_owned;
    using constructor_args = typename traits::constructor_args;

    /// One registration, as `entries()` lists it.
    struct entry {
        key_owned key;
        /// The registered class's readable name, e.g. `fs::DiskBackend`.
        std::string type_name;
        /// `Derived::registry_description`, or empty.
        std::string description;
        int priority;
        /// The key of the class's Parent, where that Parent is registered.
        std::optional<key_owned> parent;
    };

    /// A key claimed by several classes of the same, highest priority.
    struct conflict {
        key_owned key;
        std::vector<std::string> type_names;
    };

    /// The registry's name for messages: `registry_traits<Base>::name`, or
    /// derived from Base's name (`StorageBackend` gives `storage backend`).
    static constexpr std::string_view name() noexcept { return traits::name(); }

    /// The key `Derived` is registered under, computed at compile time.
    template <class Derived>
    static constexpr key_view key_of() noexcept {
        static_assert(detail::registers_in<Base, Derived>::value,
                      "autoreg: Registry<Base>::key_of<Derived>(): Derived does not inherit "
                      "autoreg::AutoRegister<Base, Derived, ...>");
        using parent = typename detail::registers_in<Base, Derived>::parent;
        static_assert(detail::key_rule<Base, Derived, parent>::has_key,
                      "autoreg: Registry<Base>::key_of<Derived>(): Derived has no key; declare "
                      "static constexpr std::string_view registry_key = \"...\";");
        return detail::key_rule<Base, Derived, parent>::value();
    }

    /// Whether any class is registered under `key`, conflicted or not.
    static bool contains(key_view key) {
        detail::reader<Base> snap(state());
        return snap->find(key) != nullptr;
    }

    /// The number of keys.
    static std::size_t size() {
        detail::reader<Base> snap(state());
        return snap->size();
    }

    /// Every key, sorted.
    static std::vector<key_owned> keys() {
        detail::reader<Base> snap(state());
        std::vector<key_owned> out;
        out.reserve(snap->order.size());
        for (std::uint32_t slot : snap->order) out.emplace_back(snap->buckets[slot].key);
        return out;
    }

    /// Every registration, sorted by key; under one key the winner first.
    static std::vector<entry> entries() {
        detail::reader<Base> snap(state());
        std::vector<entry> out;
        out.reserve(snap->candidates.size());
        for (const auto& c : snap->candidates) {
            const auto& info = *c.info;
            entry e{key_owned(info.key), std::string(info.type_name),
                    std::string(info.description), info.priority, std::nullopt};
            if (info.has_parent && parent_is_registered(*snap, info)) {
                e.parent = key_owned(info.parent_key);
            }
            out.push_back(std::move(e));
        }
        return out;
    }

    /// The keys that two or more classes claim with the same priority.
    static std::vector<conflict> conflicts() {
        detail::reader<Base> snap(state());
        std::vector<conflict> out;
        for (std::uint32_t slot : snap->order) {
            const auto& b = snap->buckets[slot];
            if (!snap->conflicted(b)) continue;
            conflict c{key_owned(b.key), {}};
            const int top = snap->candidates[b.first].info->priority;
            for (std::uint32_t i = b.first; i < b.first + b.count; ++i) {
                if (snap->candidates[i].info->priority != top) break;
                c.type_names.emplace_back(snap->candidates[i].info->type_name);
            }
            out.push_back(std::move(c));
        }
        return out;
    }

private:
    static detail::registry_state<Base>& state() { return detail::state_cache<Base>::get(); }

    static bool parent_is_registered(const detail::snapshot<Base>& snap,
                                     const detail::node_info<Base>& info) {
        const auto* found = snap.find(info.parent_key);
        if (found == nullptr) return false;
        for (std::uint32_t i = found->first; i < found->first + found->count; ++i) {
            if (snap.candidates[i].info->type_name == info.parent_type_name) return true;
        }
        return false;
    }
};

}  // namespace autoreg

#endif
