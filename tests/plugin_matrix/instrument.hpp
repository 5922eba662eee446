// The registry that every plugin of the matrix registers into. Each plugin is
// the same source, plugin.cpp, built another way; MATRIX_VARIANT names the way
// and prefixes every key the plugin registers.
#pragma once

#include <autoreg/autoreg.hpp>

#include <string>

struct Instrument {
    virtual ~Instrument() = default;
    virtual std::string origin() const = 0;
};

/// Exported by the host: plugins report here when their objects die, so that
/// the host can tell that shared() instances are released before an unload.
extern "C" __attribute__((visibility("default"))) void matrix_note(const char* event);
