/// \file
/// The instances `Registry<Base>::shared()` hands out: one per key, made once
/// even when several threads ask first at the same moment.
///
/// Type-erased (keys as bytes, instances as shared_ptr<void>), so that a
/// library being unloaded can have its instances released without knowing
/// their registries' types.
#ifndef AUTOREG_DETAIL_SHARED_INSTANCES_HPP
#define AUTOREG_DETAIL_SHARED_INSTANCES_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "hub.hpp"
#include "spinlock.hpp"

namespace autoreg {
namespace detail {

/// The bytes of a key: the text of a string key, the object representation
/// of an integer or enum.
inline std::string_view key_bytes(const std::string_view& key) noexcept { return key; }
template <class Key>
std::string_view key_bytes(const Key& key) noexcept {
    static_assert(std::is_integral_v<Key> || std::is_enum_v<Key>);
    return {reinterpret_cast<const char*>(&key), sizeof key};
}

class shared_instances {
public:
    /// What a caller of shared() must do next.
    enum class claim { ready, build, wait, recursive };

    /// The registration that makes a key's instance, as seen inside a read
    /// section: copied out, since the node may be gone once it ends.
    struct maker {
        std::uint64_t serial;
        std::uintptr_t owner;
    };

    /// Looks for the instance `made_by` made for `key`; where there is none,
    /// the first caller is told to build it and the others to wait.
    claim find_or_claim(std::string_view key, maker made_by, std::shared_ptr<void>& out) {
        std::shared_ptr<void> replaced;  // declared first: released after the lock
        spin_guard guard(lock_);
        record* r = find(key);
        if (r == nullptr) {
            records_.push_back(record{std::string(key), nullptr, {0, 0}, 0});
            r = &records_.back();
        }
        if (r->builder != 0) {
            return r->builder == current_thread_tag() ? claim::recursive : claim::wait;
        }
        if (r->instance != nullptr && r->made_by.serial == made_by.serial) {
            out = r->instance;
            return claim::ready;
        }
        // No instance yet, or one made by a registration since replaced.
        replaced = std::move(r->instance);
        r->made_by = made_by;
        r->builder = current_thread_tag();
        return claim::build;
    }

    void publish(std::string_view key, std::shared_ptr<void> instance) noexcept {
        spin_guard guard(lock_);
        record* r = find(key);
        r->instance = std::move(instance);
        r->builder = 0;
    }

    void abandon(std::string_view key) noexcept {
        spin_guard guard(lock_);
        record* r = find(key);
        r->made_by = {0, 0};
        r->builder = 0;
    }

    /// Takes out every instance a node of `owner` made, for the caller to
    /// release before the library that holds their code unloads.
    std::vector<std::shared_ptr<void>> take_owned_by(std::uintptr_t owner) {
        std::vector<std::shared_ptr<void>> out;
        spin_guard guard(lock_);
        for (record& r : records_) {
            if (r.made_by.owner == owner && r.instance != nullptr) {
                out.push_back(std::move(r.instance));
                r.made_by = {0, 0};
            }
        }
        return out;
    }

private:
    struct record {
        std::string key;
        std::shared_ptr<void> instance;
        maker made_by;
        std::uintptr_t builder;  // the thread building the instance, or 0
    };

    record* find(std::string_view key) noexcept {
        for (record& r : records_) {
            if (r.key == key) return &r;
        }
        return nullptr;
    }

    spinlock lock_{};
    std::vector<record> records_;
};

}  // namespace detail
}  // namespace autoreg

#endif
