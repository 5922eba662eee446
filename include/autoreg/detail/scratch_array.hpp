/// \file
/// Working memory for building an index: on the stack for a small registry,
/// else on the heap.
///
/// A registry's first access that frees memory has the dynamic linker bind
/// operator delete, the operator delete it calls and free, on their first
/// calls: about 2,000 instructions, 125 per entry of a registry of 16
/// (benchmarks/startup.py). A small registry's build frees nothing.
#ifndef AUTOREG_DETAIL_SCRATCH_ARRAY_HPP
#define AUTOREG_DETAIL_SCRATCH_ARRAY_HPP

#include <cstddef>
#include <type_traits>
#include <vector>

namespace autoreg {
namespace detail {

template <class T, std::size_t Inline>
class scratch_array {
    static_assert(std::is_trivial_v<T>, "scratch_array neither initialises nor destroys elements");

public:
    explicit scratch_array(std::size_t count) {
        if (count > Inline) {
            heap_.resize(count);
            data_ = heap_.data();
        }
    }
    scratch_array(const scratch_array&) = delete;
    scratch_array& operator=(const scratch_array&) = delete;

    T& operator[](std::size_t i) noexcept { return data_[i]; }

private:
    T inline_[Inline];
    std::vector<T> heap_;
    T* data_ = inline_;
};

}  // namespace detail
}  // namespace autoreg

#endif
