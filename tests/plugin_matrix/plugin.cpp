// One plugin of the matrix: two classes through the mixin, one through a
// Registrar, and a service that shared() keeps. Nothing in the host names them.
#include "instrument.hpp"

#include <string_view>

#ifndef MATRIX_VARIANT
#error "build with -DMATRIX_VARIANT=\"<name>\""
#endif

namespace {

constexpr std::string_view variant = MATRIX_VARIANT;

struct Primary : autoreg::AutoRegister<Instrument, Primary> {
    static constexpr std::string_view registry_key = MATRIX_VARIANT;
    std::string origin() const override { return std::string(variant); }
};

struct Secondary : autoreg::AutoRegister<Instrument, Secondary> {
    static constexpr std::string_view registry_key = MATRIX_VARIANT ".second";
    std::string origin() const override { return std::string(variant) + " second"; }
};

struct Service : autoreg::AutoRegister<Instrument, Service> {
    static constexpr std::string_view registry_key = MATRIX_VARIANT ".service";
    ~Service() override { matrix_note(MATRIX_VARIANT ".service destroyed"); }
    std::string origin() const override { return std::string(variant) + " service"; }
};

struct ByHand : Instrument {
    std::string origin() const override { return std::string(variant) + " by hand"; }
};
const autoreg::Registrar<Instrument, ByHand> by_hand{MATRIX_VARIANT ".by-hand"};

#ifdef MATRIX_DEPENDENCY_ANCHOR
// This plugin links a registering library of its own; naming it keeps the
// link even with --as-needed.
extern "C" const char* MATRIX_DEPENDENCY_ANCHOR();
[[maybe_unused]] const char* const dependency_name = MATRIX_DEPENDENCY_ANCHOR();
#endif

}  // namespace

#ifdef MATRIX_UNIQUE
// An inline variable of the plugin's own with default visibility, which GCC
// makes STB_GNU_UNIQUE: glibc then never unloads the library.
// Exported, so that no optimiser drops the variable (an unused pointer to it
// left GCC 11 at -O2 without the symbol).
inline int matrix_unique_counter = 0;
extern "C" __attribute__((visibility("default"))) int* matrix_unique_address() {
    return &matrix_unique_counter;
}
#endif
