// Bases of the secondary-registry tests (CONTRACT section 6). The primary
// registry, MicroscopeHandler, lists four secondaries; the classes are in
// tests/registrations/secondary_microscopes.cpp.
#ifndef AUTOREG_TESTS_SUPPORT_SECONDARY_HPP
#define AUTOREG_TESTS_SUPPORT_SECONDARY_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>
#include <tuple>

namespace secondary_test {

/// The primary registry: keys derived by stripping "Handler".
struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
    virtual std::string name() const = 0;
};

/// Secondary keyed by the primary key (the default).
struct MetadataHandler {
    virtual ~MetadataHandler() = default;
    virtual std::string format() const = 0;
};

/// Secondary keyed by the primary key, with constructor_args of its own.
struct Viewer {
    explicit Viewer(int zoom) : zoom_(zoom) {}
    virtual ~Viewer() = default;
    virtual std::string kind() const = 0;
    int zoom() const { return zoom_; }

private:
    int zoom_;
};

/// Secondary keyed by another member of the class: its file_extension.
struct Exporter {
    virtual ~Exporter() = default;
    virtual std::string write() const = 0;
};

/// Secondary with integer keys, keyed by the class's model_number.
struct Calibration {
    virtual ~Calibration() = default;
    virtual double factor() const = 0;
};

}  // namespace secondary_test

template <>
struct autoreg::registry_traits<secondary_test::MicroscopeHandler> {
    static constexpr std::string_view strip_suffix = "Handler";

    template <class D>
    using metadata = typename D::metadata_handler;
    template <class D>
    using viewer = typename D::viewer;
    template <class D>
    using exporter = typename D::exporter;
    template <class D>
    struct by_extension {
        static constexpr std::string_view value = D::file_extension;
    };
    template <class D>
    using calibration = typename D::calibration;
    template <class D>
    struct by_model_number {
        static constexpr int value = D::model_number;
    };

    using secondaries = autoreg::secondaries<
        autoreg::secondary<secondary_test::MetadataHandler, metadata>,
        autoreg::secondary<secondary_test::Viewer, viewer>,
        autoreg::secondary<secondary_test::Exporter, exporter, by_extension>,
        autoreg::secondary<secondary_test::Calibration, calibration, by_model_number>>;
};

template <>
struct autoreg::registry_traits<secondary_test::Viewer> {
    using constructor_args = std::tuple<int>;
};

template <>
struct autoreg::registry_traits<secondary_test::Calibration> {
    using key_type = int;
};

#endif
