/// \file
/// The instances `Registry<Base>::shared()` hands out: one per key, made once
/// even when several threads ask first at the same moment.
#ifndef AUTOREG_DETAIL_SHARED_INSTANCES_HPP
#define AUTOREG_DETAIL_SHARED_INSTANCES_HPP

#include <cstdint>
#include <memory>
#include <vector>

#include "../traits.hpp"
#include "hub.hpp"
#include "spinlock.hpp"

namespace autoreg {
namespace detail {

template <class Base>
class shared_instances {
public:
    using key_view = typename traits<Base>::key_view;
    using key_owned = typename traits<Base>::key_owned;

    /// What a caller of shared() must do next.
    enum class claim { ready, build, wait, recursive };

    /// Looks for the instance `maker` made for `key`; where there is none,
    /// the first caller is told to build it and the others to wait.
    claim find_or_claim(key_view key, const node* maker, std::shared_ptr<Base>& out) {
        std::shared_ptr<Base> replaced;  // released outside the lock
        spin_guard guard(lock_);
        record* r = find(key);
        if (r == nullptr) {
            records_.push_back(record{key_owned(key), nullptr, nullptr, 0});
            r = &records_.back();
        }
        if (r->builder != 0) {
            return r->builder == current_thread_tag() ? claim::recursive : claim::wait;
        }
        if (r->instance != nullptr && r->maker == maker) {
            out = r->instance;
            return claim::ready;
        }
        // No instance yet, or one made by a registration since replaced.
        replaced = std::move(r->instance);
        r->maker = maker;
        r->builder = current_thread_tag();
        return claim::build;
    }

    void publish(key_view key, std::shared_ptr<Base> instance) noexcept {
        spin_guard guard(lock_);
        record* r = find(key);
        r->instance = std::move(instance);
        r->builder = 0;
    }

    void abandon(key_view key) noexcept {
        spin_guard guard(lock_);
        record* r = find(key);
        r->maker = nullptr;
        r->builder = 0;
    }

    /// Takes out every instance a node of `owner` made, so that the caller
    /// can release them before the library that owns their code unloads.
    std::vector<std::shared_ptr<Base>> take_owned_by(std::uintptr_t owner) {
        std::vector<std::shared_ptr<Base>> out;
        spin_guard guard(lock_);
        for (record& r : records_) {
            if (r.maker != nullptr && r.maker->owner == owner && r.instance != nullptr) {
                out.push_back(std::move(r.instance));
                r.maker = nullptr;
            }
        }
        return out;
    }

private:
    struct record {
        key_owned key;
        std::shared_ptr<Base> instance;
        const node* maker;
        std::uintptr_t builder;  // thread building the instance, or 0
    };

    record* find(key_view key) noexcept {
        for (record& r : records_) {
            if (key_view(r.key) == key) return &r;
        }
        return nullptr;
    }

    spinlock lock_{};
    std::vector<record> records_;
};

}  // namespace detail
}  // namespace autoreg

#endif
