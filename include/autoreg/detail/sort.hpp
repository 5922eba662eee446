/// \file
/// An in-place sort for the cold paths (listings, folder contents), so that
/// the headers need not include <algorithm>: what it adds to every file that
/// includes autoreg is more than all of autoreg's own code that uses it.
#ifndef AUTOREG_DETAIL_SORT_HPP
#define AUTOREG_DETAIL_SORT_HPP

#include <cstddef>
#include <utility>

namespace autoreg {
namespace detail {

/// Heapsort: O(n log n) comparisons whatever the input, no allocation; not
/// stable. `first` is a random-access iterator or pointer.
template <class Iterator, class Less>
void sort_range(Iterator first, Iterator last, Less less) {
    const auto n = static_cast<std::size_t>(last - first);
    const auto at = [&](std::size_t i) -> decltype(*first) {
        return first[static_cast<decltype(last - first)>(i)];
    };
    const auto sift_down = [&](std::size_t root, std::size_t end) {
        for (;;) {
            std::size_t child = 2 * root + 1;
            if (child >= end) return;
            if (child + 1 < end && less(at(child), at(child + 1))) ++child;
            if (!less(at(root), at(child))) return;
            using std::swap;
            swap(at(root), at(child));
            root = child;
        }
    };
    for (std::size_t i = n / 2; i-- > 0;) sift_down(i, n);
    for (std::size_t end = n; end > 1; --end) {
        using std::swap;
        swap(at(0), at(end - 1));
        sift_down(0, end - 1);
    }
}

template <class Iterator>
void sort_range(Iterator first, Iterator last) {
    sort_range(first, last, [](const auto& a, const auto& b) { return a < b; });
}

}  // namespace detail
}  // namespace autoreg

#endif
