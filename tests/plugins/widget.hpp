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

// What the host exports to its plugins. Windows marks both ends: the host
// exports, a plugin (AUTOREG_TEST_PLUGIN) imports.
#if !defined(_WIN32)
#define PLUGIN_TEST_HOST_API __attribute__((visibility("default")))
#elif defined(AUTOREG_TEST_PLUGIN)
#define PLUGIN_TEST_HOST_API __declspec(dllimport)
#else
#define PLUGIN_TEST_HOST_API __declspec(dllexport)
#endif

extern "C" PLUGIN_TEST_HOST_API void plugin_test_note(const char* event);

/// A widget whose code lives in the host (its key function is defined there),
/// so that one a plugin's factory made may outlive the plugin.
struct PLUGIN_TEST_HOST_API HostMadeWidget : Widget {
    std::string origin() const override;
};

/// A registry the host does not use until the gamma plugin has used it and
/// been unloaded: the registry must outlive the library that made it.
struct Gadget {
    virtual ~Gadget() = default;
};
