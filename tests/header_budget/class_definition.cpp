// What a file that only defines registered classes includes stays off the
// standard headers that cost most to compile: issue 16's budget for it is 0.6x
// the hand-written map's <memory> <string> <unordered_map>, and <string> alone
// is half of that (benchmarks/results/results.md, "Headers alone"). A header
// that comes back through <autoreg/auto_register.hpp> fails this build, named.
// libstdc++'s include guards, so checked with libstdc++ only.
#include <string_view>

#include <autoreg/auto_register.hpp>

#include "codec.hpp"

#if defined(__GLIBCXX__)
#if defined(_GLIBCXX_MEMORY)
#error "<autoreg/auto_register.hpp> includes <memory>"
#endif
#if defined(_GLIBCXX_STRING)
#error "<autoreg/auto_register.hpp> includes <string>"
#endif
#if defined(_GLIBCXX_VECTOR)
#error "<autoreg/auto_register.hpp> includes <vector>"
#endif
#if defined(_GLIBCXX_ATOMIC)
#error "<autoreg/auto_register.hpp> includes <atomic> (from C++20 on, it includes <string>)"
#endif
#if defined(_GLIBCXX_STDEXCEPT) || defined(_GLIBCXX_SYSTEM_ERROR)
#error "<autoreg/auto_register.hpp> includes <stdexcept> or <system_error>"
#endif
#if defined(FMT_VERSION)
#error "<autoreg/auto_register.hpp> includes {fmt}"
#endif
#endif

// And what it includes is enough to define one, which nothing here names:
// umbrella.cpp creates it by its key.
namespace header_budget {
struct Flac : autoreg::AutoRegister<Codec, Flac> {
    static constexpr std::string_view registry_key = "flac";
};
}  // namespace header_budget
