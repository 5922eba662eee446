// Prelude: an inline function with a function-local static object that has a
// destructor (a Meyers singleton), defined and called before autoreg. GCC then
// declares __dso_handle implicitly, for the static's __cxa_atexit call, so
// autoreg must not declare it itself. Included again after the header under
// test, the prelude calls the singleton once more.
#ifndef AUTOREG_INCLUDE_ORDER_PRELUDE
#define AUTOREG_INCLUDE_ORDER_PRELUDE

#include <string>

namespace include_order {
struct settings_store {
    std::string name = "settings";
    ~settings_store() { name.clear(); }
};

inline settings_store& settings() {
    static settings_store instance;
    return instance;
}

inline const bool settings_used = !settings().name.empty();
}  // namespace include_order

#else

namespace include_order {
inline bool settings_used_again() { return !settings().name.empty(); }
}  // namespace include_order

#endif
