/// \file
/// A fixed-size array of over-aligned elements in one block from plain
/// `operator new`, for an index's buckets.
///
/// Not std::vector: for a type aligned beyond the default it allocates
/// through the aligned `operator new`, which a registry's first access then
/// has the dynamic linker bind on its first call, with the two functions it
/// calls (aligned_alloc, and libgcc's __popcountdi2): about 2,400
/// instructions, 150 per entry of a registry of 16 (benchmarks/startup.py).
#ifndef AUTOREG_DETAIL_ALIGNED_ARRAY_HPP
#define AUTOREG_DETAIL_ALIGNED_ARRAY_HPP

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

namespace autoreg {
namespace detail {

template <class T>
class aligned_array {
    static_assert(std::is_trivially_destructible_v<T>,
                  "aligned_array frees its elements without destroying them");

public:
    aligned_array() noexcept = default;
    aligned_array(const aligned_array&) = delete;
    aligned_array& operator=(const aligned_array&) = delete;
    ~aligned_array() {
        if (block_ != nullptr) ::operator delete(block_);
    }

    /// Replaces the elements with `count` value-initialised ones.
    void assign(std::size_t count) {
        // Not even a null one: that, too, would bind operator delete.
        if (block_ != nullptr) ::operator delete(block_);
        block_ = nullptr;
        data_ = nullptr;
        size_ = 0;
        std::size_t space = count * sizeof(T) + alignof(T);
        block_ = ::operator new(space);
        void* first = block_;
        first = std::align(alignof(T), count * sizeof(T), first, space);
        data_ = static_cast<T*>(first);
        for (std::size_t i = 0; i < count; ++i) ::new (static_cast<void*>(data_ + i)) T();
        size_ = count;
    }

    std::size_t size() const noexcept { return size_; }
    T* data() noexcept { return data_; }
    const T* data() const noexcept { return data_; }
    T& operator[](std::size_t i) noexcept { return data_[i]; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    T* begin() noexcept { return data_; }
    T* end() noexcept { return data_ + size_; }
    const T* begin() const noexcept { return data_; }
    const T* end() const noexcept { return data_ + size_; }

private:
    void* block_ = nullptr;
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace detail
}  // namespace autoreg

#endif
