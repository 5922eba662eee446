// Registered classes of the secondary-registry tests. Only the primary
// classes inherit a mixin; their companions reach the secondary registries
// through the member types the traits' alias templates name.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/secondary.hpp"

namespace secondary_test {

// ---- Companions: none of them inherits a mixin --------------------------------

struct ImageXpressMetadata : MetadataHandler {
    static constexpr std::string_view registry_description = "HTD plate files";
    std::string format() const override { return "imagexpress-htd"; }
};
struct OperaMetadata : MetadataHandler {
    std::string format() const override { return "opera-xml"; }
};
struct PhenixMetadata : MetadataHandler {
    std::string format() const override { return "phenix-xml"; }
};
struct ConfocalMetadata : MetadataHandler {
    std::string format() const override { return "confocal-ome"; }
};

struct ImageXpressViewer : Viewer {
    using Viewer::Viewer;
    std::string kind() const override { return "imagexpress-viewer"; }
};
struct LatticeViewer : Viewer {
    using Viewer::Viewer;
    std::string kind() const override { return "lattice-viewer"; }
};

struct TiffExporter : Exporter {
    std::string write() const override { return "tiff"; }
};
struct OmeTiffExporter : Exporter {
    std::string write() const override { return "ome-tiff"; }
};

struct XpressCalibration : Calibration {
    double factor() const override { return 1.5; }
};
struct LatticeCalibration : Calibration {
    double factor() const override { return 0.25; }
};

// ---- Registered directly in a secondary registry --------------------------------

struct GenericMetadata : autoreg::AutoRegister<MetadataHandler, GenericMetadata> {
    static constexpr std::string_view registry_key = "generic";
    std::string format() const override { return "generic"; }
};

// ---- The primary classes ----------------------------------------------------------

// Names a companion for every secondary.
struct ImageXpressHandler : autoreg::AutoRegister<MicroscopeHandler, ImageXpressHandler> {
    using metadata_handler = ImageXpressMetadata;
    using viewer = ImageXpressViewer;
    using exporter = TiffExporter;
    static constexpr std::string_view file_extension = "tif";
    using calibration = XpressCalibration;
    static constexpr int model_number = 4000;
    std::string name() const override { return "imagexpress"; }
};

// Names metadata only.
struct OperaHandler : autoreg::AutoRegister<MicroscopeHandler, OperaHandler> {
    using metadata_handler = OperaMetadata;
    std::string name() const override { return "opera"; }
};

// Outranks OperaHandler under "opera", in both registries.
struct OperaPhenixHandler : autoreg::AutoRegister<MicroscopeHandler, OperaPhenixHandler> {
    static constexpr std::string_view registry_key = "opera";
    static constexpr int registry_priority = 5;
    using metadata_handler = PhenixMetadata;
    std::string name() const override { return "opera-phenix"; }
};

// Names everything but metadata.
struct LatticeHandler : autoreg::AutoRegister<MicroscopeHandler, LatticeHandler> {
    using viewer = LatticeViewer;
    using exporter = OmeTiffExporter;
    static constexpr std::string_view file_extension = "ome.tiff";
    using calibration = LatticeCalibration;
    static constexpr int model_number = 7;
    std::string name() const override { return "lattice"; }
};

// Names nothing: in the primary registry only.
struct PlainHandler : autoreg::AutoRegister<MicroscopeHandler, PlainHandler> {
    std::string name() const override { return "plain"; }
};

// Abstract (name() not overridden): registered nowhere, companion included.
struct ConfocalHandler : autoreg::AutoRegister<MicroscopeHandler, ConfocalHandler> {
    using metadata_handler = ConfocalMetadata;
};

// Inherits its Parent's member type, so it names ConfocalMetadata too.
struct SpinningDiskHandler
    : autoreg::AutoRegister<MicroscopeHandler, SpinningDiskHandler, ConfocalHandler> {
    std::string name() const override { return "spinningdisk"; }
};

}  // namespace secondary_test
