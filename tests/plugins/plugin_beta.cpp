#include "widget.hpp"

namespace {

struct BetaWidget : autoreg::AutoRegister<Widget, BetaWidget> {
    static constexpr std::string_view registry_key = "beta";
    std::string origin() const override { return "plugin beta"; }
};

// Claims the key the host's own HostWidget has, with the same priority.
struct BetaImpostor : autoreg::AutoRegister<Widget, BetaImpostor> {
    static constexpr std::string_view registry_key = "host";
    std::string origin() const override { return "plugin beta impostor"; }
};

}  // namespace
