#include "widget.hpp"

std::string HostMadeWidget::origin() const { return "made in the host"; }

namespace {

struct HostWidget : autoreg::AutoRegister<Widget, HostWidget> {
    static constexpr std::string_view registry_key = "host";
    std::string origin() const override { return "host"; }
};

}  // namespace
