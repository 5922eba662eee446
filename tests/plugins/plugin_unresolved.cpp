// Loading fails: the library needs a symbol that nothing defines.
#include "widget.hpp"

extern "C" int plugin_test_symbol_nobody_defines();

namespace {

struct UnresolvedWidget : autoreg::AutoRegister<Widget, UnresolvedWidget> {
    static constexpr std::string_view registry_key = "unresolved";
    std::string origin() const override {
        return std::to_string(plugin_test_symbol_nobody_defines());
    }
};

}  // namespace
