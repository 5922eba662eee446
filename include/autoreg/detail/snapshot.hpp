/// \file
/// An immutable lookup index of one registry, built from the hub's list.
///
/// Readers use a snapshot inside a read section without locks; a change to
/// the list makes the next access build a new one and retire the old.
#ifndef AUTOREG_DETAIL_SNAPSHOT_HPP
#define AUTOREG_DETAIL_SNAPSHOT_HPP

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hash.hpp"
#include "hub.hpp"
#include "node_info.hpp"

namespace autoreg {
namespace detail {

template <class Key>
constexpr auto key_order_value(Key key) noexcept {
    if constexpr (std::is_enum_v<Key>) {
        return static_cast<std::underlying_type_t<Key>>(key);
    } else {
        return key;
    }
}

template <class Key>
bool key_less(const Key& a, const Key& b) noexcept {
    return key_order_value(a) < key_order_value(b);
}

template <class Base>
struct snapshot {
    using key_view = typename traits<Base>::key_view;

    struct candidate {
        const node_info<Base>* info;
        const node* source;
    };

    struct bucket {
        std::uint64_t hash = 0;
        key_view key{};
        /// The winner's factory; null where the key is conflicted.
        factory_fn<Base> factory = nullptr;
        const void* context = nullptr;
        /// candidates[first, first + count), best first; count 0: empty bucket.
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };

    std::uint64_t generation = 0;
    std::vector<candidate> candidates;
    std::vector<bucket> buckets;
    /// Occupied buckets in key order, for listings.
    std::vector<std::uint32_t> order;
    std::size_t mask = 0;

    const bucket* find(key_view key) const noexcept {
        const std::uint64_t hash = hash_key(key);
        const bucket* table = buckets.data();
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const bucket& b = table[i];
            if (b.count == 0) return nullptr;
            if (b.hash == hash && b.key == key) return &b;
        }
    }

    bool conflicted(const bucket& b) const noexcept {
        return b.count > 1 &&
               candidates[b.first].info->priority == candidates[b.first + 1].info->priority;
    }

    std::size_t size() const noexcept { return order.size(); }
};

/// Collects the nodes of `Registry<Base>` from the hub's list; the list lock
/// is held so that the generation matches the content.
template <class Base>
void collect_candidates(hub& h, snapshot<Base>& out) {
    spin_guard guard(h.list_lock);
    out.generation = h.generation.load(std::memory_order_relaxed);
    for_each_node(h, [&](const node& n) {
        if (n.hidden) return;
        const info_header* header = header_of(n);
        if (!header->enabled || header->base_hash != traits<Base>::base_hash ||
            header->base_name != traits<Base>::base_name) {
            return;
        }
        out.candidates.push_back({&info_of<Base>(n), &n});
    });
}

template <class Base>
std::unique_ptr<snapshot<Base>> build_snapshot(hub& h) {
    using candidate = typename snapshot<Base>::candidate;
    auto snap = std::make_unique<snapshot<Base>>();
    collect_candidates(h, *snap);

    auto& candidates = snap->candidates;
    std::sort(candidates.begin(), candidates.end(), [](const candidate& a, const candidate& b) {
        if (a.info->key != b.info->key) return key_less(a.info->key, b.info->key);
        if (a.info->priority != b.info->priority) return a.info->priority > b.info->priority;
        return a.info->type_name < b.info->type_name;
    });

    std::size_t distinct = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i == 0 || candidates[i].info->key != candidates[i - 1].info->key) ++distinct;
    }
    // At most half full, so probes stay short and an empty bucket always ends them.
    std::size_t capacity = 2;
    while (capacity < 2 * distinct) capacity *= 2;
    snap->buckets.resize(capacity);
    snap->mask = capacity - 1;
    snap->order.reserve(distinct);

    for (std::size_t first = 0; first < candidates.size();) {
        std::size_t last = first + 1;
        while (last < candidates.size() && candidates[last].info->key == candidates[first].info->key) {
            ++last;
        }
        const std::uint64_t hash = hash_key(candidates[first].info->key);
        std::size_t slot = hash & snap->mask;
        while (snap->buckets[slot].count != 0) slot = (slot + 1) & snap->mask;

        auto& b = snap->buckets[slot];
        b.hash = hash;
        b.key = candidates[first].info->key;
        b.first = static_cast<std::uint32_t>(first);
        b.count = static_cast<std::uint32_t>(last - first);
        if (!snap->conflicted(b)) {
            b.factory = candidates[first].info->factory;
            b.context = candidates[first].source->context;
        }
        snap->order.push_back(static_cast<std::uint32_t>(slot));
        first = last;
    }
    return snap;
}

}  // namespace detail
}  // namespace autoreg

#endif
