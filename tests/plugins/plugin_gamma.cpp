// The first user of Registry<Gadget>: it makes that registry's state while it
// loads (a static initialiser), then is unloaded; the host uses the registry
// afterwards.
#include "widget.hpp"

namespace {

const bool counted = [] {
    plugin_test_note(autoreg::Registry<Gadget>::size() == 0 ? "gamma saw no gadgets"
                                                            : "gamma saw gadgets");
    return true;
}();

}  // namespace
