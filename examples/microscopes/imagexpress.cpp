// Nothing outside this file names these classes: defining them registers them.
#include "microscope.hpp"

struct ImageXpressMetadata : MetadataHandler {
    static constexpr std::string_view registry_description = "one .HTD file per plate";
    std::string file_pattern() const override { return "*.HTD"; }
};

struct ImageXpressHandler : autoreg::AutoRegister<MicroscopeHandler, ImageXpressHandler> {
    static constexpr std::string_view registry_description = "Molecular Devices ImageXpress";
    using metadata_handler = ImageXpressMetadata;
    std::string vendor() const override { return "Molecular Devices"; }
    int channels() const override { return 5; }
};

// A newer model of the same family: registered as "imagexpressconfocal", with
// ImageXpressHandler as its parent in the listings, and its metadata handler.
struct ImageXpressConfocalHandler
    : autoreg::AutoRegister<MicroscopeHandler, ImageXpressConfocalHandler, ImageXpressHandler> {
    static constexpr std::string_view registry_description = "ImageXpress Confocal HT.ai";
    int channels() const override { return 8; }
};
