// Classes in a static library that no other code references.
#include "widget.hpp"

namespace {

struct StaticOne : autoreg::AutoRegister<Widget, StaticOne> {
    static constexpr std::string_view registry_key = "static-one";
    std::string origin() const override { return "static library"; }
};

struct StaticTwo : autoreg::AutoRegister<Widget, StaticTwo> {
    static constexpr std::string_view registry_key = "static-two";
    std::string origin() const override { return "static library"; }
};

}  // namespace
