// Bases for the inspection tests: Instrument, whose classes
// tests/registrations/inspect_*.cpp register, and bases used only for name().
#ifndef AUTOREG_TESTS_SUPPORT_INSPECT_HPP
#define AUTOREG_TESTS_SUPPORT_INSPECT_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

namespace inspect_test {

struct Instrument {
    virtual ~Instrument() = default;
    virtual std::string sound() const = 0;
};

/// Derived from Instrument without the mixin: a Parent that is not registered.
struct Percussion : Instrument {};

/// A registry nothing registers in.
struct Vacant {
    virtual ~Vacant() = default;
};

// Bases whose registries are only asked for their name().
struct StorageBackend {
    virtual ~StorageBackend() = default;
};
struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
};
struct HTTPServerBase {
    virtual ~HTTPServerBase() = default;
};
struct PluginMetaRegistry {
    virtual ~PluginMetaRegistry() = default;
};
struct io_device {
    virtual ~io_device() = default;
};
struct Shape {
    virtual ~Shape() = default;
};
struct Base {
    virtual ~Base() = default;
};
struct Codec2Handler {
    virtual ~Codec2Handler() = default;
};
template <class T>
struct SinkBase {
    virtual ~SinkBase() = default;
};
struct Outer {
    struct InnerMeta {
        virtual ~InnerMeta() = default;
    };
};
/// Named by its traits.
struct Widget {
    virtual ~Widget() = default;
};

}  // namespace inspect_test

template <>
struct autoreg::registry_traits<inspect_test::Widget> {
    static constexpr std::string_view name = "gadget";
};

#endif
