/// \file
/// An immutable lookup index of one registry, built from the hub's list.
///
/// Readers use a snapshot inside a read section without locks; a change to
/// the list makes the next access build a new one and retire the old.
#ifndef AUTOREG_DETAIL_SNAPSHOT_HPP
#define AUTOREG_DETAIL_SNAPSHOT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../config.hpp"
#include "aligned_array.hpp"
#include "atomic.hpp"
#include "chunked_pointers.hpp"
#include "hash.hpp"
#include "hub.hpp"
#include "indexed.hpp"
#include "node_info.hpp"
#include "scratch_array.hpp"
#include "sort.hpp"

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

/// What a bucket keeps of an integer or enum key: the key itself, which is
/// as cheap to compare as any hash.
template <class Key>
struct stored_key {
    struct probe {
        std::uint64_t hash;
        Key key;
    };
    static probe probe_of(Key value) noexcept { return {hash_key(value), value}; }

    void store(const probe& p) noexcept { key = p.key; }
    bool matches(const probe& p) const noexcept { return key == p.key; }

    Key key{};
};

/// What a bucket keeps of a string key: its words beside the view, so that a
/// key of up to inline_key_size bytes is compared within the bucket, without
/// reading the key's text in the registering module's static storage
/// (another cache line). Longer keys compare the rest of their bytes there.
template <>
struct stored_key<std::string_view> {
    struct probe {
        std::uint64_t hash;
        key_words words;
        std::string_view key;
    };
    static probe probe_of(std::string_view text) noexcept {
        const key_words text_words = words_of(text);
        return {hash_key(text, text_words), text_words, text};
    }

    void store(const probe& p) noexcept {
        words = p.words;
        key = p.key;
    }
    bool matches(const probe& p) const noexcept {
        // One branch for short keys rather than one per word.
        const std::uint64_t differ = (words.first ^ p.words.first) |
                                     (words.middle ^ p.words.middle) | (words.last ^ p.words.last) |
                                     static_cast<std::uint64_t>(key.size() ^ p.key.size());
        if (differ != 0) return false;
        // The probe's length rather than the (equal) stored one: where the
        // caller has ruled out long keys, the compiler drops this test.
        return p.key.size() <= inline_key_size ||
               std::memcmp(key.data(), p.key.data(), key.size()) == 0;
    }

    key_words words{};
    std::string_view key{};
};

/// A string key's bucket fills, and is aligned to, one cache line, so that a
/// lookup that hits reads one line of the index. Other buckets keep their
/// natural alignment (a key, then pointers), which alignas may not lower.
template <class Key>
inline constexpr std::size_t bucket_alignment = std::is_same_v<Key, std::string_view> ? 64
                                                : alignof(Key) > alignof(void*)       ? alignof(Key)
                                                                                : alignof(void*);

template <class Base>
struct snapshot {
    using key_view = typename traits<Base>::key_view;

    struct candidate {
        const node_info<Base>* info;
        const node* source;
    };

    struct alignas(bucket_alignment<key_view>) bucket : stored_key<key_view> {
        /// The winner's factory; null where the key is conflicted, or where
        /// the winner is indexed and its library not loaded yet. Atomic, as
        /// is the context, because loading that library patches both in the
        /// published index (see patch_fulfilled): the factory is stored
        /// last, with release, and read first, with acquire.
        mutable atomic<factory_fn<Base>> factory{nullptr};
        /// The factory's context; for an indexed winner its indexed_library.
        mutable atomic<const void*> context{nullptr};
        /// candidates[first, first + count), best first; count 0: empty bucket.
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };
    static_assert(!std::is_same_v<key_view, std::string_view> || sizeof(bucket) == 64,
                  "a string key's bucket is meant to fill one cache line");

    snapshot() = default;
    snapshot(const snapshot&) = delete;
    snapshot& operator=(const snapshot&) = delete;
    ~snapshot() { delete sorted_.load(memory_order_acquire); }

    std::uint64_t generation = 0;
    /// Grouped by key, in bucket order; within a key the winner first.
    std::vector<candidate> candidates;
    aligned_array<bucket> buckets;
    /// The descriptions of indexed classes, as registrations have them;
    /// candidates point into it, so it never grows once filled.
    std::vector<node_info<Base>> indexed;
    /// A key's first slot is its hash's top bits: hash >> shift.
    unsigned shift = 63;
    std::size_t mask = 0;
    std::size_t distinct = 0;

    AUTOREG_ALWAYS_INLINE const bucket* find(key_view key) const noexcept {
        if constexpr (std::is_same_v<key_view, std::string_view>) {
            if (AUTOREG_UNLIKELY(key.size() > inline_key_size)) return find_long(key);
        }
        return find(stored_key<key_view>::probe_of(key));
    }

    AUTOREG_ALWAYS_INLINE const bucket* find(
        const typename stored_key<key_view>::probe& probe) const noexcept {
        const bucket* table = buckets.data();
        for (std::size_t i = first_slot(probe.hash);; i = (i + 1) & mask) {
            const bucket& b = table[i];
            if (b.count == 0) return nullptr;
            if (b.matches(probe)) return &b;
        }
    }

    std::size_t first_slot(std::uint64_t hash) const noexcept {
        return static_cast<std::size_t>(hash >> shift);
    }

    /// Whether `b`'s winner is an indexed class whose library is not loaded,
    /// or whose loading has not patched `b` yet. Decided by what a patch
    /// leaves as it is, and the factory: a patch stores the context first.
    bool awaits_loading(const bucket& b) const noexcept {
        return b.factory.load(memory_order_acquire) == nullptr && !conflicted(b) &&
               candidates[b.first].info->header.indexed;
    }

    /// The library that declares `b`'s winner, where awaits_loading(b).
    indexed_library& library_awaited(const bucket& b) const noexcept {
        // The library is the index's, and the index lets it be loaded.
        return const_cast<indexed_library&>(indexed_library_of(*candidates[b.first].source));
    }

    /// The node that loading its library registered for candidate `index`,
    /// an indexed class, where patch_fulfilled() found it; else null (also
    /// for a library loaded without registering the class). For a bucket's
    /// winner, read after the bucket's factory.
    const node* loaded_node(std::size_t index) const noexcept { return loaded_nodes_.load(index); }

    /// Records `loaded` as the node its library registered for `twin`, an
    /// indexed candidate of `b`; where `twin` wins `b`, makes `b` call it.
    /// Under the registry's rebuild lock.
    void patch(const bucket& b, const candidate& twin, const node& loaded,
               factory_fn<Base> factory) const {
        const auto index = static_cast<std::size_t>(&twin - candidates.data());
        loaded_nodes_.store(candidates.size(), index, &loaded);
        if (index != b.first || conflicted(b)) return;
        b.context.store(loaded.context, memory_order_relaxed);
        b.factory.store(factory, memory_order_release);
    }

    bool conflicted(const bucket& b) const noexcept {
        return b.count > 1 &&
               candidates[b.first].info->priority == candidates[b.first + 1].info->priority;
    }

    std::size_t size() const noexcept { return distinct; }

    /// The occupied buckets in key order, for listings. Sorted on first use
    /// rather than when built: lookups never need it, and sorting was most
    /// of the cost of a registry's first access.
    const std::vector<std::uint32_t>& order() const {
        if (const auto* known = sorted_.load(memory_order_acquire)) return *known;
        std::vector<std::uint32_t> sorted;
        sorted.reserve(distinct);
        for (std::size_t i = 0; i < buckets.size(); ++i) {
            if (buckets[i].count != 0) sorted.push_back(static_cast<std::uint32_t>(i));
        }
        sort_range(sorted.begin(), sorted.end(), [this](std::uint32_t a, std::uint32_t b) {
            return key_less(buckets[a].key, buckets[b].key);
        });
        const auto* fresh = new std::vector<std::uint32_t>(std::move(sorted));
        const std::vector<std::uint32_t>* expected = nullptr;
        if (sorted_.compare_exchange_strong(expected, fresh, memory_order_acq_rel)) return *fresh;
        delete fresh;
        return *expected;  // another thread sorted first
    }

private:
    // Out of line, so that create() inlines the lookup of short keys without
    // the loop that hashes long ones and the comparison of their rest.
    AUTOREG_NOINLINE const bucket* find_long(key_view key) const noexcept {
        return find(stored_key<key_view>::probe_of(key));
    }

    mutable atomic<const std::vector<std::uint32_t>*> sorted_{nullptr};
    /// Per candidate, what patch() found registered for it.
    mutable chunked_pointers<const node> loaded_nodes_;
};

/// The description of an indexed class as `Registry<Base>` reads
/// registrations; false where it is another registry's class.
template <class Base>
bool describe_indexed(const record_fields& f, node_info<Base>& out) noexcept {
    using key_view = typename traits<Base>::key_view;
    constexpr bool string_keys = is_string_key<typename traits<Base>::key_type>;
    // A unit-local base is known by its unit's copy of the name, which no
    // file records.
    if constexpr (traits<Base>::base_is_unit_local) return false;
    if (f.string_key != string_keys || f.base_name != traits<Base>::base_name) return false;
    const auto key_of = [](std::string_view bytes) {
        if constexpr (string_keys) {
            return key_view(bytes);
        } else {
            return integer_key_of<key_view>(bytes);
        }
    };
    out.header = info_header{f.base_name, traits<Base>::base_hash, true, true};
    out.key = key_of(f.key);
    out.type_name = f.type_name;
    out.description = f.description;
    out.priority = f.priority;
    out.factory = nullptr;
    out.has_parent = f.has_parent;
    out.parent_key = f.has_parent ? key_of(f.parent_key) : key_view{};
    out.parent_type_name = f.parent_type_name;
    return true;
}

/// Collects the nodes of `Registry<Base>` from the hub's list, and the
/// classes of indexed libraries; the list lock is held so that the
/// generation matches the content.
template <class Base>
void collect_candidates(hub& h, snapshot<Base>& out) {
    spin_guard guard(h.list_lock);
    out.generation = h.generation.load(memory_order_relaxed);
    // Counting first costs a walk of the list; growing the vector instead
    // cost a first access about one allocation and one copy per doubling.
    std::size_t linked = 0;
    std::size_t indexed = 0;
    for_each_node(h, [&](const node& n) {
        if (is_indexed(n)) {
            indexed += indexed_library_of(n).record_count;
        } else {
            ++linked;
        }
    });
    out.candidates.reserve(linked + indexed);
    out.indexed.reserve(indexed);
    for_each_node(h, [&](const node& n) {
        if (n.hidden) return;
        const info_header* header = n.info;
        if (AUTOREG_UNLIKELY(header->indexed)) {
            for_each_record(indexed_library_of(n), [&](const record_fields& fields) {
                node_info<Base> info{};
                if (!describe_indexed(fields, info)) return;
                out.indexed.push_back(info);
                out.candidates.push_back({&out.indexed.back(), &n});
            });
            return;
        }
        if (!header->enabled || !is_registry_of<Base>(header->base_name, header->base_hash)) {
            return;
        }
        out.candidates.push_back({&info_of<Base>(n), &n});
    });
}

/// Within one key: the higher priority first, then by type name, so that
/// messages and listings are stable; a registered class before the same
/// class indexed. Keys rarely have more than one class.
template <class Candidate>
void order_within_key(Candidate* first, Candidate* last) {
    for (Candidate* i = first + 1; i < last; ++i) {
        for (Candidate* j = i; j > first; --j) {
            const auto& a = *j[-1].info;
            const auto& b = *j->info;
            const bool in_order =
                a.priority > b.priority ||
                (a.priority == b.priority &&
                 (a.type_name < b.type_name ||
                  (a.type_name == b.type_name && (!a.header.indexed || b.header.indexed))));
            if (in_order) break;
            std::swap(j[-1], *j);
        }
    }
}

/// Whether `c`, an indexed class, is among the registered ones in [first,
/// last): its library is loaded (or another module registers the class), and
/// the index entry is moot.
template <class Candidate>
bool registered_too(const Candidate& c, const Candidate* first, const Candidate* last) {
    for (const Candidate* other = first; other != last; ++other) {
        if (!other->info->header.indexed && other->info->type_name == c.info->type_name) {
            return true;
        }
    }
    return false;
}

/// Up to this many registrations, building an index takes its working
/// memory from the stack (1.25 kB), and so frees nothing.
inline constexpr std::size_t small_build = 64;

/// Builds the index in time linear in the registrations: each candidate is
/// hashed into the table once, and the table itself groups equal keys.
template <class Base>
std::unique_ptr<snapshot<Base>> build_snapshot(hub& h) {
    using candidate = typename snapshot<Base>::candidate;
    using key_view = typename snapshot<Base>::key_view;
    auto snap = std::make_unique<snapshot<Base>>();
    collect_candidates(h, *snap);
    const std::size_t count = snap->candidates.size();
    // The candidates in the order found; snap->candidates receives them
    // grouped by key, in place.
    scratch_array<candidate, small_build> found(count);
    for (std::size_t i = 0; i < count; ++i) found[i] = snap->candidates[i];

    // At most half full, so probes stay short and an empty bucket ends them.
    unsigned bits = 1;
    while ((std::size_t{1} << bits) < 2 * count) ++bits;
    const std::size_t capacity = std::size_t{1} << bits;
    auto& buckets = snap->buckets;
    buckets.assign(capacity);
    snap->mask = capacity - 1;
    snap->shift = 64 - bits;

    scratch_array<std::uint32_t, small_build> slot_of(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto probe = stored_key<key_view>::probe_of(found[i].info->key);
        std::size_t slot = snap->first_slot(probe.hash);
        while (buckets[slot].count != 0 && !buckets[slot].matches(probe)) {
            slot = (slot + 1) & snap->mask;
        }
        if (buckets[slot].count == 0) {
            buckets[slot].store(probe);
            ++snap->distinct;
        }
        ++buckets[slot].count;
        slot_of[i] = static_cast<std::uint32_t>(slot);
    }

    // Each key's candidates become one run, in bucket order: `first` is
    // first the end of its run and moves back as candidates are placed,
    // last to first, so that equal keys keep their order of discovery.
    std::uint32_t next = 0;
    for (auto& b : buckets) {
        next += b.count;
        b.first = next;
    }
    for (std::size_t i = count; i-- > 0;) {
        snap->candidates[--buckets[slot_of[i]].first] = found[i];
    }
    // Runs lie in bucket order, so dropping the index entries of loaded
    // classes moves each run back, never onto a candidate not yet visited.
    std::uint32_t kept = 0;
    for (auto& b : buckets) {
        if (b.count == 0) continue;
        candidate* group = snap->candidates.data() + b.first;
        if (b.count > 1) order_within_key(group, group + b.count);
        const std::uint32_t first = kept;
        for (std::uint32_t i = 0; i < b.count; ++i) {
            // Copied: the run kept so far may already cover where it was.
            const candidate c = group[i];
            const candidate* kept_first = snap->candidates.data() + first;
            if (c.info->header.indexed &&
                registered_too(c, kept_first, kept_first + (kept - first))) {
                continue;
            }
            snap->candidates[kept++] = c;
        }
        b.first = first;
        b.count = kept - first;
        const candidate& winner = snap->candidates[first];
        if (!snap->conflicted(b)) {
            b.factory.store(winner.info->factory, memory_order_relaxed);
            b.context.store(winner.source->context, memory_order_relaxed);
        }
    }
    snap->candidates.resize(kept);
    return snap;
}

/// The candidate of `b` that `registered`, a node's class, is where `b`
/// lists it as an indexed library's, that library is loaded, and no other
/// candidate names the same class (a rebuild would drop that one, which a
/// patch cannot); else null.
template <class Base>
const typename snapshot<Base>::candidate* indexed_twin(const snapshot<Base>& snap,
                                                       const typename snapshot<Base>::bucket& b,
                                                       const node_info<Base>& registered) noexcept {
    const typename snapshot<Base>::candidate* twin = nullptr;
    for (std::uint32_t i = b.first; i < b.first + b.count; ++i) {
        const auto& c = snap.candidates[i];
        if (c.info->type_name != registered.type_name) continue;
        if (twin != nullptr || !c.info->header.indexed || c.info->priority != registered.priority ||
            !indexed_library_of(*c.source).loaded.load(memory_order_acquire)) {
            return nullptr;
        }
        twin = &c;
    }
    return twin;
}

/// Patches `snap` with the nodes that fulfilments linked after the serial
/// `seen`, where each of them that belongs to Registry<Base> is a class
/// that `snap` lists as a loaded library's; false, patching nothing, where
/// one is not (a library changed since it was indexed, or its loading
/// registered more). The list lock is held, and the list has changed by
/// nothing but fulfilments since `snap` was built.
template <class Base>
bool patch_fulfilled(hub& h, const snapshot<Base>& snap, std::uint64_t seen) {
    // Each list is pushed at the front, so its nodes run from the newest
    // serial down: the fulfilment's are the first ones.
    const auto for_each_new = [&](auto&& visit) {
        for (const node* list : {h.static_nodes, h.dynamic_nodes}) {
            for (const node* n = list; n != nullptr && n->serial > seen; n = n->next) {
                if (!visit(*n)) return false;
            }
        }
        return true;
    };
    const auto ours = [](const node& n) {
        return n.info->enabled && is_registry_of<Base>(n.info->base_name, n.info->base_hash);
    };
    const bool all_listed = for_each_new([&](const node& n) {
        if (n.hidden || n.info->indexed) return false;
        if (!ours(n)) return true;
        const node_info<Base>& registered = info_of<Base>(n);
        const auto* b = snap.find(registered.key);
        return b != nullptr && indexed_twin(snap, *b, registered) != nullptr;
    });
    if (!all_listed) return false;
    for_each_new([&](const node& n) {
        if (!ours(n)) return true;
        const node_info<Base>& registered = info_of<Base>(n);
        const auto& b = *snap.find(registered.key);
        snap.patch(b, *indexed_twin(snap, b, registered), n, registered.factory);
        return true;
    });
    return true;
}

}  // namespace detail
}  // namespace autoreg

#endif
