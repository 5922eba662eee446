// The two registries of the microscopes example: handlers that drive an
// instrument, and the metadata readers that go with each of them.
#pragma once

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

/// Reads the metadata files an instrument writes next to its images.
struct MetadataHandler {
    virtual ~MetadataHandler() = default;
    virtual std::string file_pattern() const = 0;
};

/// Knows how one instrument lays out an acquisition.
struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
    virtual std::string vendor() const = 0;
    virtual int channels() const = 0;
};

// Keys come from class names: ImageXpressHandler registers as "imagexpress".
// A handler that names a metadata_handler also registers that class in
// Registry<MetadataHandler>, under the same key.
template <>
struct autoreg::registry_traits<MicroscopeHandler> {
    static constexpr std::string_view strip_suffix = "Handler";
    template <class Handler>
    using metadata = typename Handler::metadata_handler;
    using secondaries = autoreg::secondaries<autoreg::secondary<MetadataHandler, metadata>>;
};
