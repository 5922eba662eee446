// The translation unit clang-tidy checks autoreg's headers through (see
// tests/lint/CMakeLists.txt). Including the headers alone would leave most of
// autoreg unchecked: clang-tidy sees into a template only where it is
// instantiated. So this file uses every public feature once, with string,
// enum and integer keys, constructor arguments, a parent, a secondary
// registry, hand registrations, discovery and plugins.
#include <autoreg/autoreg.hpp>

#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/core.h>

namespace lint {

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
};

struct Circle : autoreg::AutoRegister<Shape, Circle> {
    static constexpr std::string_view registry_key = "circle";
    static constexpr std::string_view registry_description = "a round shape";
    double area() const override { return 3.14; }
};

struct Disc : autoreg::AutoRegister<Shape, Disc, Circle> {
    static constexpr std::string_view registry_key = "disc";
    static constexpr int registry_priority = 2;
};

struct Polygon : Shape {
    double area() const override { return 1.0; }
};

struct Square : Shape {
    explicit Square(double side) : side_(side) {}
    double area() const override { return side_ * side_; }

private:
    double side_;
};

struct Metadata {
    virtual ~Metadata() = default;
};
struct ScannerMetadata : Metadata {};

struct ScannerHandler {
    virtual ~ScannerHandler() = default;
    explicit ScannerHandler(std::string device) : device_(std::move(device)) {}
    const std::string& device() const { return device_; }

private:
    std::string device_;
};

enum class Level { low, high };
struct Alarm {
    virtual ~Alarm() = default;
};
struct Channel {
    virtual ~Channel() = default;
};

}  // namespace lint

template <>
struct autoreg::registry_traits<lint::ScannerHandler> {
    static constexpr std::string_view strip_suffix = "Handler";
    using constructor_args = std::tuple<std::string>;
    template <class D>
    using metadata = typename D::metadata_handler;
    using secondaries = autoreg::secondaries<autoreg::secondary<lint::Metadata, metadata>>;
};

template <>
struct autoreg::registry_traits<lint::Alarm> {
    static constexpr std::string_view name = "alarm";
    using key_type = lint::Level;
};

template <>
struct autoreg::registry_traits<lint::Channel> {
    using key_type = int;
    static constexpr bool skip_if_no_key = true;
};

namespace lint {

struct FlatbedScannerHandler : autoreg::AutoRegister<ScannerHandler, FlatbedScannerHandler> {
    using AutoRegister::AutoRegister;
    using metadata_handler = ScannerMetadata;
};

struct LoudAlarm : autoreg::AutoRegister<Alarm, LoudAlarm> {
    static constexpr Level registry_key = Level::high;
};

struct ChannelSeven : autoreg::AutoRegister<Channel, ChannelSeven> {
    static constexpr int registry_key = 7;
};
struct Unnumbered : autoreg::AutoRegister<Channel, Unnumbered> {};

const autoreg::Registrar<Shape, Polygon> polygon_registration{"polygon"};

static_assert(autoreg::Registry<Shape>::key_of<Circle>() == "circle");
static_assert(autoreg::Registry<ScannerHandler>::key_of<FlatbedScannerHandler>() ==
              "flatbedscanner");

int use_everything(const std::string& plugin_folder) {
    using shapes = autoreg::Registry<Shape>;
    int failures = 0;

    shapes::require({"circle", "disc"});
    const std::unique_ptr<Shape> circle = shapes::create("circle");
    if (circle == nullptr || !shapes::contains("disc") || shapes::try_create("none") != nullptr) {
        ++failures;
    }
    const std::shared_ptr<Shape> shared = shapes::shared("polygon");
    autoreg::registration square = shapes::add(
        "square", [side = 2.0] { return std::make_unique<Square>(side); },
        autoreg::add_options{1, "added by hand", "Square"});
    for (const auto& entry : shapes::entries()) {
        if (entry.key.empty() || entry.type_name.empty()) ++failures;
    }
    if (shapes::keys().size() != shapes::size() || shapes::leaves().empty() ||
        !shapes::conflicts().empty()) {
        ++failures;
    }
    fmt::print("{}\n{}\n", shapes::name(), autoreg::describe<Shape>());
    square.reset();

    using scanners = autoreg::Registry<ScannerHandler>;
    scanners::set_discovery([] {});
    const auto scanner = scanners::create("flatbedscanner", std::string("usb0"));
    if (scanner->device() != "usb0" ||
        autoreg::Registry<Metadata>::create("flatbedscanner") == nullptr) {
        ++failures;
    }

    if (autoreg::Registry<Alarm>::create(Level::high) == nullptr ||
        autoreg::Registry<Alarm>::contains(Level::low) ||
        autoreg::Registry<Channel>::try_create(7) == nullptr) {
        ++failures;
    }

    try {
        shapes::create("circel");
    } catch (const autoreg::unknown_key& e) {
        std::puts(e.what());
    }
    try {
        std::vector<autoreg::library> plugins = autoreg::load_libraries(plugin_folder);
        autoreg::library one = autoreg::load_library(plugin_folder + "/libone.so");
        one.unload();
        autoreg::plugin_index index =
            autoreg::index_libraries(plugin_folder, plugin_folder + "/index.cache");
        for (const std::string& path : index.paths()) {
            if (index.loaded(path)) index.unload(path);
        }
        index.unload();
    } catch (const autoreg::error& e) {
        std::puts(e.what());
    }
    return failures;
}

}  // namespace lint

int main(int argc, char** argv) {
    try {
        return lint::use_everything(argc > 1 ? argv[1] : ".") == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}\n", e.what());
        return 1;
    }
}
