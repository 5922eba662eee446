// Registered classes of the error tests: conflicts and priorities.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/errors.hpp"

namespace errors_test {

struct Solo : autoreg::AutoRegister<Component, Solo> {
    std::string name() const override { return "Solo"; }
    static constexpr std::string_view registry_key = "solo";
};

// Two classes, one key, same (default) priority: a conflict.
struct ClashA : autoreg::AutoRegister<Component, ClashA> {
    std::string name() const override { return "ClashA"; }
    static constexpr std::string_view registry_key = "clash";
};
struct ClashB : autoreg::AutoRegister<Component, ClashB> {
    std::string name() const override { return "ClashB"; }
    static constexpr std::string_view registry_key = "clash";
};

// Three.
struct TripleC : autoreg::AutoRegister<Component, TripleC> {
    std::string name() const override { return "TripleC"; }
    static constexpr std::string_view registry_key = "triple";
};
struct TripleA : autoreg::AutoRegister<Component, TripleA> {
    std::string name() const override { return "TripleA"; }
    static constexpr std::string_view registry_key = "triple";
};
struct TripleB : autoreg::AutoRegister<Component, TripleB> {
    std::string name() const override { return "TripleB"; }
    static constexpr std::string_view registry_key = "triple";
};

// Two share the top priority; the third, lower, is not part of the conflict.
struct RankedA : autoreg::AutoRegister<Component, RankedA> {
    std::string name() const override { return "RankedA"; }
    static constexpr std::string_view registry_key = "ranked";
    static constexpr int registry_priority = 2;
};
struct RankedB : autoreg::AutoRegister<Component, RankedB> {
    std::string name() const override { return "RankedB"; }
    static constexpr std::string_view registry_key = "ranked";
    static constexpr int registry_priority = 2;
};
struct RankedLow : autoreg::AutoRegister<Component, RankedLow> {
    std::string name() const override { return "RankedLow"; }
    static constexpr std::string_view registry_key = "ranked";
};

// A higher priority wins silently.
struct LayerBottom : autoreg::AutoRegister<Component, LayerBottom> {
    std::string name() const override { return "LayerBottom"; }
    static constexpr std::string_view registry_key = "layered";
};
struct LayerTop : autoreg::AutoRegister<Component, LayerTop> {
    std::string name() const override { return "LayerTop"; }
    static constexpr std::string_view registry_key = "layered";
    static constexpr int registry_priority = 10;
};
struct LayerMiddle : autoreg::AutoRegister<Component, LayerMiddle> {
    std::string name() const override { return "LayerMiddle"; }
    static constexpr std::string_view registry_key = "layered";
    static constexpr int registry_priority = 4;
};

// A negative priority loses to the default.
struct UnderDefault : autoreg::AutoRegister<Component, UnderDefault> {
    std::string name() const override { return "UnderDefault"; }
    static constexpr std::string_view registry_key = "under";
};
struct UnderNegative : autoreg::AutoRegister<Component, UnderNegative> {
    std::string name() const override { return "UnderNegative"; }
    static constexpr std::string_view registry_key = "under";
    static constexpr int registry_priority = -1;
};

}  // namespace errors_test
