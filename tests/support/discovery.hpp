// Bases of the discovery tests (CONTRACT section 8, without plugins). A
// discovery runs once per set_discovery(), so most test cases use a registry
// of their own: Finding<N> for a distinct N. Scanner is a primary registry
// whose secondary is ScanReport; tests/registrations/discovery_scanners.cpp
// registers one class in both.
#ifndef AUTOREG_TESTS_SUPPORT_DISCOVERY_HPP
#define AUTOREG_TESTS_SUPPORT_DISCOVERY_HPP

#include <autoreg/autoreg.hpp>

#include <memory>
#include <string>
#include <utility>

namespace discovery_test {

template <int Case>
struct Finding {
    virtual ~Finding() = default;
    virtual std::string name() const = 0;
};

template <int Case>
struct Found : Finding<Case> {
    explicit Found(std::string name) : name_(std::move(name)) {}
    std::string name() const override { return name_; }

private:
    std::string name_;
};

/// A factory for Registry<Finding<Case>>::add().
template <int Case>
auto make_found(std::string name) {
    return [name = std::move(name)]() -> std::unique_ptr<Finding<Case>> {
        return std::make_unique<Found<Case>>(name);
    };
}

struct ScanReport {
    virtual ~ScanReport() = default;
    virtual std::string title() const = 0;
};

struct Scanner {
    virtual ~Scanner() = default;
    virtual std::string name() const = 0;
};

/// A report made by hand.
struct NamedReport : ScanReport {
    explicit NamedReport(std::string title) : title_(std::move(title)) {}
    std::string title() const override { return title_; }

private:
    std::string title_;
};

}  // namespace discovery_test

template <>
struct autoreg::registry_traits<discovery_test::Scanner> {
    template <class D>
    using report = typename D::report;
    using secondaries =
        autoreg::secondaries<autoreg::secondary<discovery_test::ScanReport, report>>;
};

#endif
