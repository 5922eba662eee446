// <autoreg/autoreg.hpp> includes only the standard headers its API needs
// (<memory> <stdexcept> <string> <vector>) and small ones: not {fmt}, nor the
// headers that cost more to compile than all of autoreg's own code did
// (benchmarks/results/results.md, "Headers alone"). A description prints
// through {fmt} as the string it is, whatever the include order (see
// tests/include_order). libstdc++'s include guards, so checked with it only.
#include <autoreg/autoreg.hpp>

#include "codec.hpp"

#if defined(__GLIBCXX__)
#if defined(FMT_VERSION)
#error "<autoreg/autoreg.hpp> includes {fmt}"
#endif
#if defined(_GLIBCXX_ALGORITHM)
#error "<autoreg/autoreg.hpp> includes <algorithm>"
#endif
#if defined(_GLIBCXX_MUTEX) || defined(_GLIBCXX_THREAD)
#error "<autoreg/autoreg.hpp> includes <mutex> or <thread>"
#endif
#if defined(_GLIBCXX_UNORDERED_SET) || defined(_GLIBCXX_UNORDERED_MAP)
#error "<autoreg/autoreg.hpp> includes an unordered container"
#endif
#if defined(_GLIBCXX_FILESYSTEM) && !defined(_WIN32)
#error "<autoreg/autoreg.hpp> includes <filesystem>"
#endif
#if defined(_GLIBCXX_SYSTEM_ERROR) && !defined(_WIN32) && __cplusplus < 202002L
#error "<autoreg/autoreg.hpp> includes <system_error>"
#endif
#endif

// The class that class_definition.cpp defines registered from there.
int main() { return autoreg::Registry<header_budget::Codec>::create("flac") != nullptr ? 0 : 1; }
