#include "microscope.hpp"

// A handler without a metadata handler: it is simply absent from the
// secondary registry.
struct CellInsightHandler : autoreg::AutoRegister<MicroscopeHandler, CellInsightHandler> {
    static constexpr std::string_view registry_description = "Thermo Fisher CellInsight";
    std::string vendor() const override { return "Thermo Fisher"; }
    int channels() const override { return 4; }
};
