/// \file
/// `Registry<Base>`: the per-base singleton through which classes are
/// created by key and the registrations are inspected.
#ifndef AUTOREG_REGISTRY_HPP
#define AUTOREG_REGISTRY_HPP

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "config.hpp"
#include "detail/atomic.hpp"
#include "detail/indexed.hpp"
#include "detail/messages.hpp"
#include "detail/state.hpp"
#include "detail/text.hpp"
#include "errors.hpp"
#include "fwd.hpp"
#include "registration.hpp"
#include "secondary.hpp"
#include "traits.hpp"

namespace autoreg {
namespace detail {

/// The state of `Registry<Base>`, found in the hub once per module.
template <class Base>
class AUTOREG_LOCAL state_cache {
public:
    static registry_state<Base>& get() {
        registry_state<Base>* state = cached_.load(memory_order_acquire);
        if (AUTOREG_LIKELY(state != nullptr)) return *state;
        return attach();
    }

private:
    AUTOREG_COLD static registry_state<Base>& attach() {
        registry_state<Base>& state = find_or_create_state<Base>(joined_hub());
        cached_.store(&state, memory_order_release);
        return state;
    }
    static inline atomic<registry_state<Base>*> cached_{nullptr};
};

template <class Base>
AUTOREG_COLD std::string printable_key(typename traits<Base>::key_view key) {
    if constexpr (is_string_key<typename traits<Base>::key_type>) {
        return quote_key(key);
    } else {
        return key_as_text(key);
    }
}

template <class Base>
AUTOREG_COLD std::vector<std::string> printable_keys(const snapshot<Base>& snap) {
    std::vector<std::string> out;
    const std::vector<std::uint32_t>& order = snap.order();
    out.reserve(order.size());
    for (std::uint32_t slot : order) {
        if constexpr (is_string_key<typename traits<Base>::key_type>) {
            out.emplace_back(snap.buckets[slot].key);
        } else {
            out.push_back(printable_key<Base>(snap.buckets[slot].key));
        }
    }
    return out;
}

/// What an indexed key whose library has been loaded without registering it
/// means: the file changed since it was indexed.
template <class Base>
[[noreturn]] AUTOREG_COLD void fail_unregistered(const snapshot<Base>& snap,
                                                 typename traits<Base>::key_view key,
                                                 const typename snapshot<Base>::bucket& found) {
    const indexed_library& library = snap.library_awaited(found);
    raise<error>(concat("autoreg: ", library.path, " was indexed as declaring the key ",
                        printable_key<Base>(key), " of the ", traits<Base>::name(),
                        " registry, but loading it did not register that key; the file may have "
                        "changed since it was indexed"));
}

/// Loads the library that declares `found`'s indexed winner; inside the
/// caller's read section, so that the plugin_index cannot go meanwhile.
template <class Base>
AUTOREG_COLD void load_indexed(const snapshot<Base>& snap,
                               const typename snapshot<Base>::bucket& found) {
    indexed_library& library = snap.library_awaited(found);
    library.load(library);
}

/// The class `found`'s library registered for `key` as it loaded, or null.
/// A library links its nodes at the front of the static list, so the search
/// ends within its own classes; the snapshot, which a change of the list makes
/// the next reader rebuild, is not needed to call the factory at once.
template <class Base>
AUTOREG_COLD const node* registered_by_loading(const snapshot<Base>& snap,
                                               typename traits<Base>::key_view key,
                                               const typename snapshot<Base>::bucket& found) {
    const std::string_view type_name = snap.candidates[found.first].info->type_name;
    hub& h = the_hub();
    spin_guard guard(h.list_lock);
    for (const node* n = h.static_nodes; n != nullptr; n = n->next) {
        const info_header& header = *n->info;
        if (n->hidden || !header.enabled || header.indexed ||
            !is_registry_of<Base>(header.base_name, header.base_hash)) {
            continue;
        }
        const node_info<Base>& info = info_of<Base>(*n);
        if (info.key == key && info.type_name == type_name) return n;
    }
    return nullptr;
}

/// Throws what a failed lookup means: `unknown_key` where `found` is null,
/// `duplicate_key` where the key is conflicted, `error` where it is indexed
/// and its library was loaded without registering it.
template <class Base>
[[noreturn]] AUTOREG_COLD void fail_lookup(const snapshot<Base>& snap,
                                           typename traits<Base>::key_view key,
                                           const typename snapshot<Base>::bucket* found) {
    constexpr bool string_keys = is_string_key<typename traits<Base>::key_type>;
    if (found != nullptr && snap.awaits_loading(*found)) {
        fail_unregistered<Base>(snap, key, *found);
    }
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

/// The bucket create() uses for `key`; throws what create() throws.
template <class Base>
const typename snapshot<Base>::bucket& lookup_or_fail(const snapshot<Base>& snap,
                                                      typename traits<Base>::key_view key) {
    const auto* found = snap.find(key);
    if (AUTOREG_UNLIKELY(found == nullptr ||
                         found->factory.load(memory_order_acquire) == nullptr)) {
        fail_lookup(snap, key, found);
    }
    return *found;
}

/// Where a lookup found no factory: loads the library of an indexed key and
/// returns the node its loading registered for the key, else null (the
/// caller then looks again in a new snapshot); throws what fail_lookup()
/// throws where the key is not indexed.
template <class Base>
AUTOREG_COLD const node* load_or_fail(const snapshot<Base>& snap,
                                      typename traits<Base>::key_view key,
                                      const typename snapshot<Base>::bucket* found) {
    if (found == nullptr || !snap.awaits_loading(*found)) fail_lookup(snap, key, found);
    load_indexed<Base>(snap, *found);
    return registered_by_loading(snap, key, *found);
}

/// create() and try_create() with the registry's constructor arguments as
/// their own parameters, so that arguments convert as in a plain call.
template <class Base, class ArgsTuple>
class creation;

template <class Base, class... Args>
class creation<Base, std::tuple<Args...>> {
public:
    using key_view = typename traits<Base>::key_view;

    /// Makes the class registered under `key`. A key that a plugin_index
    /// holds loads its library first, once (see index_libraries()).
    /// \throws unknown_key where nothing is registered under `key` (the
    /// message suggests the closest keys); duplicate_key where two classes
    /// claim it with the same priority; autoreg::error, naming the library
    /// and the loader's message, where an indexed library fails to load. A
    /// constructor's exception propagates.
    /// \code
    /// std::unique_ptr<Shape> s = autoreg::Registry<Shape>::create("circle");
    /// \endcode
    static std::unique_ptr<Base> create(key_view key, Args... args) {
        {
            reader<Base> snap(state_cache<Base>::get());
            const auto* found = snap->find(key);
            if (AUTOREG_LIKELY(found != nullptr)) {
                if (const auto factory = found->factory.load(memory_order_acquire)) {
                    return make(factory, found->context.load(memory_order_relaxed),
                                std::forward<Args>(args)...);
                }
            }
            if (const node* loaded = load_or_fail(*snap, key, found)) {
                return make(info_of<Base>(*loaded).factory, loaded->context,
                            std::forward<Args>(args)...);
            }
        }
        // An indexed key, whose library has just been loaded.
        reader<Base> snap(state_cache<Base>::get());
        return call(lookup_or_fail(*snap, key), std::forward<Args>(args)...);
    }

    /// Like create(), but returns null where create() would throw
    /// unknown_key or duplicate_key; a constructor's exception propagates, as
    /// does the autoreg::error of an indexed library that fails to load.
    /// \code
    /// if (auto s = autoreg::Registry<Shape>::try_create(name)) fmt::print("{}\n", s->area());
    /// \endcode
    static std::unique_ptr<Base> try_create(key_view key, Args... args) {
        {
            reader<Base> snap(state_cache<Base>::get());
            const auto* found = snap->find(key);
            if (AUTOREG_LIKELY(found != nullptr)) {
                if (const auto factory = found->factory.load(memory_order_acquire)) {
                    return make(factory, found->context.load(memory_order_relaxed),
                                std::forward<Args>(args)...);
                }
            }
            if (found == nullptr || !snap->awaits_loading(*found)) return nullptr;
            load_indexed<Base>(*snap, *found);
            if (const node* loaded = registered_by_loading(*snap, key, *found)) {
                return make(info_of<Base>(*loaded).factory, loaded->context,
                            std::forward<Args>(args)...);
            }
        }
        reader<Base> snap(state_cache<Base>::get());
        const auto* found = snap->find(key);
        if (found == nullptr) return nullptr;
        if (AUTOREG_UNLIKELY(snap->awaits_loading(*found))) {
            fail_unregistered<Base>(*snap, key, *found);
        }
        if (found->factory.load(memory_order_acquire) == nullptr) return nullptr;
        return call(*found, std::forward<Args>(args)...);
    }

private:
    /// Calls the factory of `found`, which has one.
    static std::unique_ptr<Base> call(const typename snapshot<Base>::bucket& found, Args... args) {
        return make(found.factory.load(memory_order_acquire),
                    found.context.load(memory_order_relaxed), std::forward<Args>(args)...);
    }

    AUTOREG_ALWAYS_INLINE static std::unique_ptr<Base> make(factory_fn<Base> factory,
                                                            const void* context, Args&&... args) {
        return std::unique_ptr<Base>(factory(context, std::forward<Args>(args)...));
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
/// `create(key, args...)` and `try_create(key, args...)`, documented above,
/// come from a base class whose parameters are the registry's
/// `constructor_args`, so that arguments convert as in a plain call.
template <class Base>
class Registry : public detail::creation<Base, typename detail::traits<Base>::constructor_args> {
    using traits = detail::traits<Base>;

public:
    /// Not constructible: every member is static.
    Registry() = delete;

    /// The registry's base class, `Base`.
    using base_type = Base;
    /// `registry_traits<Base>::key_type`, by default `std::string`.
    using key_type = typename traits::key_type;
    /// What lookups take: `std::string_view` for string keys, so that any
    /// string converts without allocating.
    using key_view = typename traits::key_view;
    /// The owning form of a key, as listings return it.
    using key_owned = typename traits::key_owned;
    /// `registry_traits<Base>::constructor_args`, by default `std::tuple<>`:
    /// the arguments that `create()` passes on to the constructor.
    using constructor_args = typename traits::constructor_args;

    /// One registration, as `entries()` lists it.
    struct entry {
        /// The key the class is registered under.
        key_owned key;
        /// The registered class's readable name, e.g. `fs::DiskBackend`; for a
        /// hand registration `add_options::type_name`, else the factory's type
        /// (a Registrar's class).
        std::string type_name;
        /// `Derived::registry_description` (`add_options::description` for a
        /// hand registration), or empty.
        std::string description;
        /// `Derived::registry_priority` (`add_options::priority`), by default 0.
        int priority;
        /// The key of the class's Parent, where that Parent is registered.
        std::optional<key_owned> parent;
        /// False for a class a plugin_index read from a library that is not
        /// loaded yet: the first create() of its key loads it.
        bool loaded = true;
    };

    /// A key claimed by several classes of the same, highest priority.
    struct conflict {
        /// The key in conflict; create() of it throws duplicate_key.
        key_owned key;
        /// The readable names of the classes that claim it with that priority.
        std::vector<std::string> type_names;
    };

    /// The registry's name for messages: `registry_traits<Base>::name`, or
    /// derived from Base's name (`StorageBackend` gives `storage backend`).
    static constexpr std::string_view name() noexcept { return traits::name(); }

    /// The key `Derived` is registered under, computed at compile time; a
    /// compile error where `Derived` does not inherit `AutoRegister<Base, Derived, ...>`
    /// or has no key.
    /// \code
    /// static_assert(autoreg::Registry<StorageBackend>::key_of<DiskBackend>() == "disk");
    /// \endcode
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

    /// Registers `factory` under `key` until the returned handle is destroyed.
    /// `factory` is any callable (captures allowed), called as const with the
    /// registry's constructor_args, returning something convertible to
    /// `std::unique_ptr<Base>`. Keys follow the priority and conflict rules
    /// of static registrations.
    /// \code
    /// std::vector<autoreg::registration> commands;
    /// for (const auto& line : config_lines)
    ///     commands.push_back(autoreg::Registry<Command>::add(
    ///         line.name, [text = line.text] { return std::make_unique<Echo>(text); }));
    /// \endcode
    /// \throws autoreg::error for an empty string key.
    template <class Factory>
    [[nodiscard]] static registration add(key_view key, Factory&& factory,
                                          const add_options& options = {}) {
        using callable = std::decay_t<Factory>;
        if constexpr (!detail::is_factory<Base, callable, constructor_args>::value) {
            static_assert(detail::is_factory<Base, callable, constructor_args>::value,
                          "autoreg: Registry<Base>::add(key, factory): factory must be callable "
                          "as const with the registry's constructor_args and return something "
                          "convertible to std::unique_ptr<Base>");
            return registration();
        } else {
            return add_checked(key, std::forward<Factory>(factory), options);
        }
    }

    /// The one instance of the class registered under `key`: made on the
    /// first call, the same object afterwards, made once even when several
    /// threads ask first. A key whose registration changes gets a new one.
    /// Only for registries without constructor_args.
    /// \throws what create() throws, or autoreg::error where the class's
    /// constructor asks for its own shared instance.
    static std::shared_ptr<Base> shared(key_view key) {
        static_assert(std::tuple_size_v<constructor_args> == 0,
                      "autoreg: Registry<Base>::shared() makes instances without arguments, so "
                      "it needs a registry whose constructor_args is empty");
        using claim = detail::shared_instances::claim;
        detail::shared_instances& instances = state().shared;
        const std::string_view bytes = detail::key_bytes(key);
        bool loaded_indexed = false;
        for (;;) {
            detail::shared_instances::maker maker{};
            {
                detail::reader<Base> snap(state());
                const auto* found = snap->find(key);
                if (found != nullptr && !loaded_indexed && snap->awaits_loading(*found)) {
                    detail::load_indexed<Base>(*snap, *found);
                    loaded_indexed = true;
                    continue;
                }
                maker = maker_of(*snap, detail::lookup_or_fail(*snap, key));
            }
            std::shared_ptr<void> out;
            switch (instances.find_or_claim(bytes, maker, out)) {
                case claim::ready:
                    return std::static_pointer_cast<Base>(out);
                case claim::wait:
                    detail::yield_cpu();
                    continue;
                case claim::recursive:
                    detail::raise<error>(detail::concat(
                        "autoreg: shared(", detail::printable_key<Base>(key), ") of the ", name(),
                        " registry was called again while its instance was being constructed, "
                        "by that construction itself"));
                case claim::build:
                    break;
            }
            std::shared_ptr<Base> made;
#if AUTOREG_HAS_EXCEPTIONS
            try {
                made = make_shared_instance(key, maker);
            } catch (...) {
                instances.abandon(bytes);
                throw;
            }
#else
            made = make_shared_instance(key, maker);
#endif
            if (made == nullptr) {  // the registration changed meanwhile
                instances.abandon(bytes);
                continue;
            }
            instances.publish(bytes, made);
            return made;
        }
    }

    /// Sets a function that registers classes on demand, typically by
    /// loading plugins: it runs once, at the first access of this registry
    /// (or of one of its secondaries) after it is set. Concurrent first
    /// accesses wait for it; the function itself may use the registry. An
    /// exception it throws reaches the access that ran it, the registrations
    /// it made stay, and it is not run again unless set again. The function
    /// object is destroyed once it has run, so what must outlive it (library
    /// handles, registrations) belongs in a static or a captured reference.
    /// Setting a discovery before the previous one ran replaces it.
    /// \code
    /// autoreg::Registry<Codec>::set_discovery([] {
    ///     static auto plugins = autoreg::load_libraries("/usr/lib/myapp/codecs");
    /// });
    /// \endcode
    template <class Function>
    static void set_discovery(Function&& function) {
        static_assert(std::is_invocable_v<std::decay_t<Function>&>,
                      "autoreg: Registry<Base>::set_discovery(fn): fn must be callable without "
                      "arguments");
        detail::registry_state<Base>& primary = state();
        std::vector<detail::pending_count*> waiting{&primary.pending_discoveries};
        attach_secondaries(primary, waiting, static_cast<secondary_list*>(nullptr));
        primary.discover.set(
            detail::owned<detail::task>(
                new detail::task_of<std::decay_t<Function>>(std::forward<Function>(function))),
            std::move(waiting));
    }

    /// Checks that every key in `required` is registered, e.g. at start-up.
    /// \throws missing_keys naming each missing key and the likely cause.
    /// \code
    /// autoreg::Registry<Codec>::require({"zstd", "lz4"});
    /// \endcode
    static void require(std::initializer_list<key_view> required) {
        std::vector<std::string> missing;
        bool empty = false;
        {
            detail::reader<Base> snap(state());
            empty = snap->size() == 0;
            for (const key_view& key : required) {
                if (snap->find(key) == nullptr) missing.push_back(detail::printable_key<Base>(key));
            }
        }
        if (!missing.empty()) {
            detail::raise<missing_keys>(detail::missing_keys_message(name(), missing, empty));
        }
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
        const std::vector<std::uint32_t>& order = snap->order();
        out.reserve(order.size());
        for (std::uint32_t slot : order) out.emplace_back(snap->buckets[slot].key);
        return out;
    }

    /// Every registration, sorted by key; under one key the winner first.
    static std::vector<entry> entries() {
        detail::reader<Base> snap(state());
        std::vector<entry> out;
        out.reserve(snap->candidates.size());
        for (std::uint32_t slot : snap->order()) {
            const auto& b = snap->buckets[slot];
            for (std::uint32_t i = b.first; i < b.first + b.count; ++i) {
                const auto& info = *snap->candidates[i].info;
                entry e{key_owned(info.key),
                        std::string(info.type_name),
                        std::string(info.description),
                        info.priority,
                        std::nullopt,
                        !info.header.indexed || snap->loaded_node(i) != nullptr};
                if (info.has_parent && parent_is_registered(*snap, info)) {
                    e.parent = key_owned(info.parent_key);
                }
                out.push_back(std::move(e));
            }
        }
        return out;
    }

    /// The keys of registered classes that no registered class names as its
    /// Parent, sorted.
    static std::vector<key_owned> leaves() {
        detail::reader<Base> snap(state());
        std::vector<bool> is_parent(snap->buckets.size(), false);
        for (const auto& c : snap->candidates) {
            if (c.info->has_parent && parent_is_registered(*snap, *c.info)) {
                is_parent[static_cast<std::size_t>(snap->find(c.info->parent_key) -
                                                   snap->buckets.data())] = true;
            }
        }
        std::vector<key_owned> out;
        for (std::uint32_t slot : snap->order()) {
            if (!is_parent[slot]) out.emplace_back(snap->buckets[slot].key);
        }
        return out;
    }

    /// The keys that two or more classes claim with the same priority.
    static std::vector<conflict> conflicts() {
        detail::reader<Base> snap(state());
        std::vector<conflict> out;
        for (std::uint32_t slot : snap->order()) {
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
    // add(), once the factory is known to fit.
    template <class Factory>
    static registration add_checked(key_view key, Factory&& factory, const add_options& options) {
        using entry = detail::callable_entry<Base, std::decay_t<Factory>, constructor_args>;
        return registration(detail::owned<detail::removable>(
            new entry(key, std::forward<Factory>(factory), options)));
    }

    using secondary_list = typename detail::traits_secondaries<registry_traits<Base>>::type;

    static detail::registry_state<Base>& state() { return detail::state_cache<Base>::get(); }

    // Makes each secondary run `primary`'s discovery first, and adds it to
    // the registries whose accesses wait for that discovery.
    template <class... OtherBase, template <class> class... TypeOf, template <class> class... KeyOf>
    static void attach_secondaries(detail::registry_state<Base>& primary,
                                   std::vector<detail::pending_count*>& waiting,
                                   secondaries<secondary<OtherBase, TypeOf, KeyOf>...>* /*list*/) {
        (detail::find_or_create_state<OtherBase>(detail::joined_hub()).add_primary(primary), ...);
        (waiting.push_back(
             &detail::find_or_create_state<OtherBase>(detail::joined_hub()).pending_discoveries),
         ...);
    }

    static detail::shared_instances::maker maker_of(
        const detail::snapshot<Base>& snap, const typename detail::snapshot<Base>::bucket& b) {
        // A bucket patched when its indexed library loaded calls the node
        // that library registered, whose owner unloading releases by.
        const detail::node* loaded = snap.loaded_node(b.first);
        const detail::node& winner = loaded != nullptr ? *loaded : *snap.candidates[b.first].source;
        return {winner.serial, winner.owner};
    }

    // Null where the key's winner is no longer `maker`.
    static std::shared_ptr<Base> make_shared_instance(key_view key,
                                                      detail::shared_instances::maker maker) {
        detail::reader<Base> snap(state());
        const auto& found = detail::lookup_or_fail(*snap, key);
        if (maker_of(*snap, found).serial != maker.serial) return nullptr;
        const auto factory = found.factory.load(detail::memory_order_acquire);
        return std::shared_ptr<Base>(factory(found.context.load(detail::memory_order_relaxed)));
    }

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
