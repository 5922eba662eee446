// A plugin built with -fvisibility=hidden; nothing in the host names these.
#include "widget.hpp"

namespace {

struct AlphaWidget : autoreg::AutoRegister<Widget, AlphaWidget> {
    static constexpr std::string_view registry_key = "alpha";
    std::string origin() const override { return "plugin alpha"; }
};

// Its shared() instance must be released before the library unloads.
struct AlphaService : autoreg::AutoRegister<Widget, AlphaService> {
    static constexpr std::string_view registry_key = "alpha-service";
    ~AlphaService() override { plugin_test_note("alpha-service destroyed"); }
    std::string origin() const override { return "plugin alpha service"; }
};

// A factory in this library that makes objects of the host's code: creating
// them is allowed while another thread unloads the library, and the registry
// must never call the factory once it is gone.
const autoreg::Registrar<Widget, HostMadeWidget> made_by_alpha{"alpha-made"};

}  // namespace
