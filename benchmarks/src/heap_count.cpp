/// \file
/// Heap use of one flavour and size (BENCH_NS, BENCH_HEADER): counts every
/// allocation (malloc, calloc, realloc, aligned forms; operator new and
/// glibc's own allocations, such as atexit's blocks, come through them)
/// made during static initialisation and during the first lookup, and prints
/// them as JSON with the static bytes each registration occupies.
///
/// malloc and friends are replaced by forwarding to glibc's __libc_*
/// entry points, which glibc documents as a supported interposition.
#include <malloc.h>

#include <cstddef>
#include <cstdio>

#include BENCH_HEADER
#include "bench_api.hpp"

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);
}

namespace {

struct heap_counts {
    unsigned long allocations;
    long bytes;  // live chunk bytes: usable size plus glibc's size word
};

heap_counts counts{0, 0};

long chunk_bytes(void* p) noexcept {
    return p == nullptr ? 0 : static_cast<long>(malloc_usable_size(p) + sizeof(std::size_t));
}

void* counted(void* p) noexcept {
    if (p != nullptr) {
        ++counts.allocations;
        counts.bytes += chunk_bytes(p);
    }
    return p;
}

// The registry structures each registration occupies outside the heap.
std::size_t static_bytes_per_entry() noexcept {
#if defined(BENCH_AUTOREG)
    // The node (in .bss), its description (.data.rel.ro), the node's guard variable.
    return sizeof(autoreg::detail::node) +
           sizeof(autoreg::detail::node_info<bench::BENCH_NS::Base>) + 8;
#elif defined(BENCH_LLVM)
    return sizeof(llvm::Registry<bench::BENCH_NS::Base>::entry) +
           sizeof(llvm::Registry<bench::BENCH_NS::Base>::node);
#elif defined(BENCH_MAP) || defined(BENCH_POCO)
    return 1;  // the empty registrar object
#else
    return 0;
#endif
}

}  // namespace

extern "C" {
void* malloc(std::size_t size) { return counted(__libc_malloc(size)); }
void* calloc(std::size_t count, std::size_t size) { return counted(__libc_calloc(count, size)); }
void* realloc(void* p, std::size_t size) {
    const long before = chunk_bytes(p);
    void* moved = __libc_realloc(p, size);
    if (moved != nullptr || size == 0) counts.bytes -= before;
    if (p == nullptr || moved != p) return counted(moved);
    counts.bytes += chunk_bytes(moved);
    return moved;
}
void free(void* p) {
    counts.bytes -= chunk_bytes(p);
    __libc_free(p);
}
void* memalign(std::size_t alignment, std::size_t size) {
    return counted(__libc_memalign(alignment, size));
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
    return counted(__libc_memalign(alignment, size));
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
    void* p = counted(__libc_memalign(alignment, size));
    if (p == nullptr) return 12;  // ENOMEM
    *out = p;
    return 0;
}
}

int main() {
    const heap_counts at_main = counts;
#if defined(BENCH_EMPTY) || defined(BENCH_DIRECT)
    const heap_counts after_first = counts;
#else
    const bool found = bench::BENCH_NS::contains(bench::absent_keys[0]);
    const heap_counts after_first = counts;
    if (found) return 1;
#endif
    std::printf(
        "{\"before_main\": {\"allocations\": %lu, \"bytes\": %ld}, "
        "\"first_access\": {\"allocations\": %lu, \"bytes\": %ld}, "
        "\"static_bytes_per_entry\": %zu}\n",
        at_main.allocations, at_main.bytes, after_first.allocations - at_main.allocations,
        after_first.bytes - at_main.bytes, static_bytes_per_entry());
    return 0;
}
