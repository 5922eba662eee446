// A registering shared library that another module links at build time
// (DT_NEEDED): the host links one, present before main and never unloaded;
// a plugin links another, loaded and unloaded with that plugin.
#include "instrument.hpp"

namespace {

struct Dependency : autoreg::AutoRegister<Instrument, Dependency> {
    static constexpr std::string_view registry_key = MATRIX_VARIANT;
    std::string origin() const override { return MATRIX_VARIANT; }
};

}  // namespace

/// Named by the module that links this library, so that the link is kept
/// even with --as-needed.
extern "C" __attribute__((visibility("default"))) const char* MATRIX_ANCHOR() {
    return MATRIX_VARIANT;
}
