// The registry the plugin tests load classes into. The host exports
// `plugin_test_note`, which plugins call from their destructors so that the
// host can tell when plugin objects die.
#pragma once

#include <autoreg/autoreg.hpp>

#include <string>

struct Widget {
    virtual ~Widget() = default;
    virtual std::string origin() const = 0;
};

extern "C" __attribute__((visibility("default"))) void plugin_test_note(const char* event);

/// A widget whose code lives in the host (its key function is defined there),
/// so that one a plugin's factory made may outlive the plugin.
struct __attribute__((visibility("default"))) HostMadeWidget : Widget {
    std::string origin() const override;
};

/// A registry the host does not use until the gamma plugin has used it and
/// been unloaded: the registry must outlive the library that made it.
struct Gadget {
    virtual ~Gadget() = default;
};
