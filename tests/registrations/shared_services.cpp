// Registered classes of the shared() tests.
#include <autoreg/autoreg.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "support/shared.hpp"

namespace shared_test {

struct Clock : autoreg::AutoRegister<Service, Clock> {
    static constexpr std::string_view registry_key = "clock";
    Clock() { counters::clock.fetch_add(1); }
    std::string name() const override { return "clock"; }
};

struct Logger : autoreg::AutoRegister<Service, Logger> {
    static constexpr std::string_view registry_key = "logger";
    Logger() { counters::logger.fetch_add(1); }
    std::string name() const override { return "logger"; }
};

// Slow to construct, so that threads asking at once all ask before it is done.
struct Slow : autoreg::AutoRegister<Service, Slow> {
    static constexpr std::string_view registry_key = "slow";
    Slow() {
        counters::slow.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::string name() const override { return "slow"; }
};

struct Flaky : autoreg::AutoRegister<Service, Flaky> {
    static constexpr std::string_view registry_key = "flaky";
    Flaky() {
        if (counters::flaky.fetch_add(1) == 0) throw flaky_failure{};
    }
    std::string name() const override { return "flaky"; }
};

// Its constructor asks for the instance it is constructing.
struct Selfish : autoreg::AutoRegister<Service, Selfish> {
    static constexpr std::string_view registry_key = "selfish";
    Selfish() {
        counters::selfish.fetch_add(1);
        self_ = autoreg::Registry<Service>::shared("selfish");
    }
    std::string name() const override { return "selfish"; }
    std::shared_ptr<Service> self_;
};

// Its constructor asks for another key's instance.
struct Composite : autoreg::AutoRegister<Service, Composite> {
    static constexpr std::string_view registry_key = "composite";
    Composite() : logger_(autoreg::Registry<Service>::shared("logger")) {
        counters::composite.fetch_add(1);
    }
    std::string name() const override { return "composite of " + logger_->name(); }
    std::shared_ptr<Service> logger_;
};

// Two classes under one key with one priority: a conflict.
struct TwinA : autoreg::AutoRegister<Service, TwinA> {
    static constexpr std::string_view registry_key = "twin";
    std::string name() const override { return "twin a"; }
};
struct TwinB : autoreg::AutoRegister<Service, TwinB> {
    static constexpr std::string_view registry_key = "twin";
    std::string name() const override { return "twin b"; }
};

struct Disk : autoreg::AutoRegister<Device, Disk> {
    static constexpr int registry_key = 1;
    int id() const override { return 1; }
};
struct Tape : autoreg::AutoRegister<Device, Tape> {
    static constexpr int registry_key = 256;  // same low byte as 0, differs from 1
    int id() const override { return 256; }
};

}  // namespace shared_test
