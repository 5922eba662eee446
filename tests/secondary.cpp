// Secondary registries (CONTRACT section 6): each registered class that names
// a secondary's type registers that type in the secondary registry, under its
// own primary key or under the key the secondary's KeyOf gives. The classes
// are in tests/registrations/secondary_microscopes.cpp; these tests know only
// the keys and what the objects say about themselves.
#include <autoreg/autoreg.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support/secondary.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace secondary_test;

namespace {

using Microscopes = Registry<MicroscopeHandler>;
using Metadata = Registry<MetadataHandler>;
using Viewers = Registry<Viewer>;
using Exporters = Registry<Exporter>;
using Calibrations = Registry<Calibration>;

std::vector<Metadata::entry> metadata_entries_under(std::string_view key) {
    std::vector<Metadata::entry> out;
    for (const auto& e : Metadata::entries()) {
        if (e.key == key) out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("a secondary entry is created under its class's primary key", "[secondary]") {
    std::unique_ptr<MetadataHandler> metadata = Metadata::create("imagexpress");
    REQUIRE(metadata != nullptr);
    CHECK(metadata->format() == "imagexpress-htd");
    // The primary registry still makes the primary class under that key.
    CHECK(Microscopes::create("imagexpress")->name() == "imagexpress");
}

TEST_CASE("a class that does not name the secondary type is skipped", "[secondary]") {
    // lattice and plain name no metadata_handler.
    const std::vector<std::string> expected{"generic", "imagexpress", "opera", "spinningdisk"};
    CHECK(Metadata::keys() == expected);
    CHECK_FALSE(Metadata::contains("lattice"));
    CHECK_FALSE(Metadata::contains("plain"));
    CHECK(Metadata::try_create("plain") == nullptr);
    const std::string message =
        test::message_of<autoreg::unknown_key>([] { Metadata::create("plain"); });
    CHECK_THAT(message, test::has_substr("\"plain\""));
    CHECK_THAT(message, test::has_substr("metadata registry"));
}

TEST_CASE("secondaries leave the primary registry as it is", "[secondary]") {
    const std::vector<std::string> expected{"imagexpress", "lattice", "opera", "plain",
                                            "spinningdisk"};
    CHECK(Microscopes::keys() == expected);
    CHECK(Microscopes::entries().size() == 6);  // "opera" twice
    CHECK(Microscopes::conflicts().empty());
}

TEST_CASE("several secondaries per primary, each with only the classes that name it",
          "[secondary]") {
    CHECK(Viewers::keys() == std::vector<std::string>{"imagexpress", "lattice"});
    CHECK(Exporters::keys() == std::vector<std::string>{"ome.tiff", "tif"});
    CHECK(Calibrations::keys() == std::vector<int>{7, 4000});
    // ImageXpressHandler is in all four.
    CHECK(Metadata::contains("imagexpress"));
    CHECK(Viewers::contains("imagexpress"));
    CHECK(Exporters::contains("tif"));
    CHECK(Calibrations::contains(4000));
}

TEST_CASE("a secondary with constructor_args of its own", "[secondary][constructor_args]") {
    std::unique_ptr<Viewer> viewer = Viewers::create("imagexpress", 3);
    REQUIRE(viewer != nullptr);
    CHECK(viewer->kind() == "imagexpress-viewer");
    CHECK(viewer->zoom() == 3);
    CHECK(Viewers::create("lattice", 12)->zoom() == 12);
    CHECK(Viewers::try_create("lattice", 1)->kind() == "lattice-viewer");
    CHECK(Viewers::try_create("opera", 1) == nullptr);
}

TEST_CASE("a secondary keyed by another member of the class (KeyOf)", "[secondary][key_of]") {
    // ImageXpressHandler::file_extension is "tif", LatticeHandler's "ome.tiff".
    CHECK(Exporters::create("tif")->write() == "tiff");
    CHECK(Exporters::create("ome.tiff")->write() == "ome-tiff");
    // The primary keys are not keys there.
    CHECK_FALSE(Exporters::contains("imagexpress"));
    CHECK_FALSE(Exporters::contains("lattice"));
}

TEST_CASE("KeyOf with an integer key_type", "[secondary][key_of]") {
    CHECK(Calibrations::create(4000)->factor() == 1.5);
    CHECK(Calibrations::create(7)->factor() == 0.25);
    CHECK(Calibrations::try_create(8) == nullptr);
    CHECK_THROWS_AS(Calibrations::create(0), autoreg::unknown_key);
}

TEST_CASE("secondary entries name the companion type, its description and no parent",
          "[secondary][entries]") {
    const auto imagexpress = metadata_entries_under("imagexpress");
    REQUIRE(imagexpress.size() == 1);
    CHECK(imagexpress[0].type_name == "secondary_test::ImageXpressMetadata");
    CHECK(imagexpress[0].description == "HTD plate files");
    CHECK(imagexpress[0].priority == 0);
    CHECK_FALSE(imagexpress[0].parent.has_value());

    for (const auto& e : Exporters::entries()) {
        INFO(e.key);
        CHECK(e.type_name.find("Exporter") != std::string::npos);
        CHECK(e.description.empty());
    }
}

TEST_CASE("a primary class that outranks another under its key brings its companion along",
          "[secondary][priority]") {
    // Under "opera": OperaHandler (priority 0) and OperaPhenixHandler (5).
    CHECK(Microscopes::create("opera")->name() == "opera-phenix");
    CHECK(Metadata::create("opera")->format() == "phenix-xml");
    CHECK(Metadata::conflicts().empty());

    const auto opera = metadata_entries_under("opera");
    REQUIRE(opera.size() == 2);
    CHECK(opera[0].type_name == "secondary_test::PhenixMetadata");
    CHECK(opera[0].priority == 5);
    CHECK(opera[1].type_name == "secondary_test::OperaMetadata");
    CHECK(opera[1].priority == 0);
}

TEST_CASE("an abstract primary class registers no companion", "[secondary]") {
    CHECK_FALSE(Microscopes::contains("confocal"));
    CHECK_FALSE(Metadata::contains("confocal"));
}

TEST_CASE("a class naming the type through its Parent registers it under its own key",
          "[secondary]") {
    // SpinningDiskHandler inherits ConfocalHandler's metadata_handler.
    CHECK(Metadata::create("spinningdisk")->format() == "confocal-ome");
}

TEST_CASE("a secondary registry keeps the classes registered in it directly", "[secondary]") {
    CHECK(Metadata::create("generic")->format() == "generic");
    CHECK(Metadata::size() == 4);
    CHECK(Metadata::entries().size() == 5);
}

TEST_CASE("every secondary entry is created as the class it names", "[secondary]") {
    for (const auto& key : Metadata::keys()) {
        INFO(key);
        CHECK(Metadata::create(key) != nullptr);
    }
    for (const auto& key : Viewers::keys()) {
        INFO(key);
        CHECK(Viewers::create(key, 1)->zoom() == 1);
    }
    for (const auto& key : Exporters::keys()) {
        INFO(key);
        CHECK(Exporters::create(key) != nullptr);
    }
    for (int key : Calibrations::keys()) {
        INFO(key);
        CHECK(Calibrations::create(key)->factor() > 0);
    }
}
