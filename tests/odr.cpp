// Includes every public header once more in a TU of its own, linked into
// every test executable: a header that defines a non-inline function or
// variable then fails to link (EnTT's test/odr.cpp does the same).
#include <autoreg/autoreg.hpp>
#include <autoreg/config.hpp>
#include <autoreg/errors.hpp>
#include <autoreg/fwd.hpp>
#include <autoreg/registry.hpp>
#include <autoreg/traits.hpp>
#include <autoreg/type_name.hpp>
#include <autoreg/version.hpp>

#include <cstddef>

namespace odr_test {

struct Probe {
    virtual ~Probe() = default;
};

// Instantiates the registry's out-of-line code here as well as in the tests.
std::size_t probe_size() { return autoreg::Registry<Probe>::size(); }

}  // namespace odr_test
