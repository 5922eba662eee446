// The statically registered class of the discovery tests: a Scanner that
// names a ScanReport, so that both registries have a class before any
// discovery runs.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/discovery.hpp"

namespace discovery_test {

struct FlatbedReport : ScanReport {
    std::string title() const override { return "flatbed report"; }
};

struct FlatbedScanner : autoreg::AutoRegister<Scanner, FlatbedScanner> {
    static constexpr std::string_view registry_key = "flatbed";
    using report = FlatbedReport;
    std::string name() const override { return "flatbed"; }
};

}  // namespace discovery_test
