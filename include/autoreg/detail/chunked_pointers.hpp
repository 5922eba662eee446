/// \file
/// A fixed number of atomic pointers, all null at first, whose memory is
/// allocated a small chunk at a time, by the first store into each chunk.
///
/// For the pointers an index patches in, a few per loaded library among
/// thousands of buckets: one zeroed table for every bucket of a 10,000-key
/// index cost its first patch 64 page faults, about 270 µs here, which was
/// nearly all of the next create after a lazy load
/// (benchmarks/lazy/lazy_plugins.py).
#ifndef AUTOREG_DETAIL_CHUNKED_POINTERS_HPP
#define AUTOREG_DETAIL_CHUNKED_POINTERS_HPP

#include <cstddef>

#include "atomic.hpp"

namespace autoreg {
namespace detail {

template <class T>
class chunked_pointers {
public:
    constexpr chunked_pointers() noexcept = default;
    ~chunked_pointers() {
        atomic<chunk*>* top = top_.load(memory_order_acquire);
        if (top == nullptr) return;
        for (std::size_t i = 0; i < chunk_count(); ++i) delete top[i].load(memory_order_relaxed);
        delete[] top;
    }
    chunked_pointers(const chunked_pointers&) = delete;
    chunked_pointers& operator=(const chunked_pointers&) = delete;

    /// Pointer `index`, or null where none was stored. Any thread.
    T* load(std::size_t index) const noexcept {
        const atomic<chunk*>* top = top_.load(memory_order_acquire);
        if (top == nullptr) return nullptr;
        const chunk* c = top[index / chunk_size].load(memory_order_acquire);
        return c != nullptr ? c->slots[index % chunk_size].load(memory_order_relaxed) : nullptr;
    }

    /// Sets pointer `index` of `size`, which every store gives alike.
    /// Stores are serialised by the caller; a reader that must see one
    /// synchronises with something the writer stores after it.
    void store(std::size_t size, std::size_t index, T* value) {
        atomic<chunk*>* top = top_.load(memory_order_relaxed);
        if (top == nullptr) {
            size_ = size;
            top = new atomic<chunk*>[chunk_count()]();
            top_.store(top, memory_order_release);
        }
        atomic<chunk*>& slot = top[index / chunk_size];
        chunk* c = slot.load(memory_order_relaxed);
        if (c == nullptr) {
            c = new chunk();
            slot.store(c, memory_order_release);
        }
        c->slots[index % chunk_size].store(value, memory_order_relaxed);
    }

private:
    static constexpr std::size_t chunk_size = 16;
    struct chunk {
        atomic<T*> slots[chunk_size]{};
    };

    std::size_t chunk_count() const noexcept { return (size_ + chunk_size - 1) / chunk_size; }

    std::size_t size_ = 0;
    atomic<atomic<chunk*>*> top_{nullptr};
};

}  // namespace detail
}  // namespace autoreg

#endif
