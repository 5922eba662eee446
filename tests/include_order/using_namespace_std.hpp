// Prelude: standard headers, then `using namespace std;` at global scope, as
// some programs have it before their other includes. Every name of the
// standard library is then also found in the global namespace, so autoreg
// must not name anything there unqualified that std:: also has (byte, hash,
// size, data, begin, function, ...). Included again after the header under
// test, the prelude uses a few of those names.
#ifndef AUTOREG_INCLUDE_ORDER_PRELUDE
#define AUTOREG_INCLUDE_ORDER_PRELUDE

#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

using namespace std;

#else

namespace include_order {
inline size_t counted(const vector<string>& words) { return size(words); }
}  // namespace include_order

#endif
