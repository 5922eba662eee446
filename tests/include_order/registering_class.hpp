// After <autoreg/autoreg.hpp>: a class that registers through the mixin, and
// the calls that instantiate the registry's templates, all after the prelude;
// and {fmt} after autoreg, which a description must not care about.
#include <fmt/core.h>

namespace include_order {
struct widget {
    virtual ~widget() = default;
};

struct button : autoreg::AutoRegister<widget, button> {
    static constexpr std::string_view registry_key = "button";
};

inline bool make_button() { return autoreg::Registry<widget>::create("button") != nullptr; }

inline std::string describe_widgets() {
    return fmt::format("{} keys\n{}", autoreg::Registry<widget>::keys().size(),
                       autoreg::describe<widget>());
}
}  // namespace include_order
