// shared() (CONTRACT section 3): one instance per key, made on the first
// call, the same object afterwards, made once even when several threads ask
// first at once. The static classes are in
// tests/registrations/shared_services.cpp; each test uses its own keys, so
// that the counts hold when the test cases share one process too.
//
// The tests tagged [concurrency] are worth running under ThreadSanitizer.
#include <autoreg/autoreg.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/shared.hpp"
#include "support/threads.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace shared_test;

namespace {

using Services = Registry<Service>;

constexpr int thread_count = 8;

/// A service made by hand, saying which factory made it.
struct Named : Service {
    explicit Named(std::string name) : name_(std::move(name)) {}
    std::string name() const override { return name_; }
    std::string name_;
};

/// A factory that counts its calls.
auto counting(std::string name, std::atomic<int>& calls) {
    return [name = std::move(name), &calls] {
        calls.fetch_add(1);
        return std::make_unique<Named>(name);
    };
}

/// The file's threads, released at once (see support/threads.hpp).
template <class Work>
int run_together(Work&& work) {
    return test::run_together(thread_count, std::forward<Work>(work));
}

}  // namespace

// ---- One instance per key ------------------------------------------------------------

TEST_CASE("shared returns the same object on every call", "[shared]") {
    std::shared_ptr<Service> first = Services::shared("clock");
    REQUIRE(first != nullptr);
    CHECK(first->name() == "clock");
    std::shared_ptr<Service> second = Services::shared("clock");
    CHECK(second == first);
    CHECK(Services::shared(std::string("clock")) == first);  // any string_view-convertible key
    CHECK(counters::clock.load() == 1);
    // create() still makes a new object every time.
    std::unique_ptr<Service> created = Services::create("clock");
    CHECK(created.get() != first.get());
    CHECK(counters::clock.load() == 2);
    CHECK(Services::shared("clock") == first);
}

TEST_CASE("each key has its own instance", "[shared]") {
    std::atomic<int> a_calls{0};
    std::atomic<int> b_calls{0};
    autoreg::registration a = Services::add("own-a", counting("a", a_calls));
    autoreg::registration b = Services::add("own-b", counting("b", b_calls));
    std::shared_ptr<Service> sa = Services::shared("own-a");
    std::shared_ptr<Service> sb = Services::shared("own-b");
    CHECK(sa != sb);
    CHECK(sa->name() == "a");
    CHECK(sb->name() == "b");
    CHECK(Services::shared("own-a") == sa);
    CHECK(Services::shared("own-b") == sb);
    CHECK(a_calls.load() == 1);
    CHECK(b_calls.load() == 1);
}

TEST_CASE("the registry keeps the instance while no caller holds it", "[shared]") {
    std::atomic<int> calls{0};
    autoreg::registration r = Services::add("kept", counting("kept", calls));
    std::weak_ptr<Service> weak = Services::shared("kept");
    CHECK_FALSE(weak.expired());
    CHECK(Services::shared("kept") == weak.lock());
    CHECK(calls.load() == 1);
}

TEST_CASE("integer keys: one instance per key", "[shared][keys]") {
    std::shared_ptr<Device> disk = Registry<Device>::shared(1);
    std::shared_ptr<Device> tape = Registry<Device>::shared(256);
    REQUIRE(disk != nullptr);
    REQUIRE(tape != nullptr);
    CHECK(disk != tape);
    CHECK(disk->id() == 1);
    CHECK(tape->id() == 256);
    CHECK(Registry<Device>::shared(1) == disk);
    CHECK(Registry<Device>::shared(256) == tape);
    CHECK_THROWS_AS(Registry<Device>::shared(0), autoreg::unknown_key);
}

// ---- Keys that come, go and change -----------------------------------------------------

TEST_CASE("a key added later gets its own instance", "[shared]") {
    std::atomic<int> calls{0};
    std::shared_ptr<Service> logger = Services::shared("logger");
    CHECK_THROWS_AS(Services::shared("late"), autoreg::unknown_key);
    autoreg::registration r = Services::add("late", counting("late", calls));
    std::shared_ptr<Service> late = Services::shared("late");
    REQUIRE(late != nullptr);
    CHECK(late->name() == "late");
    CHECK(late != logger);
    CHECK(Services::shared("late") == late);
    CHECK(Services::shared("logger") == logger);
    CHECK(calls.load() == 1);
}

TEST_CASE("an unknown key throws unknown_key with create's message", "[shared][errors]") {
    const std::string from_shared =
        test::message_of<autoreg::unknown_key>([] { Services::shared("clok"); });
    const std::string from_create =
        test::message_of<autoreg::unknown_key>([] { Services::create("clok"); });
    CHECK(from_shared == from_create);
    CHECK_THAT(from_shared, test::has_substr("\"clok\""));
    CHECK_THAT(from_shared, test::has_substr("\"clock\""));  // did you mean
}

TEST_CASE("a conflicted key throws duplicate_key", "[shared][errors]") {
    const std::string message =
        test::message_of<autoreg::duplicate_key>([] { Services::shared("twin"); });
    CHECK_THAT(message, test::has_substr("\"twin\""));
    CHECK_THAT(message, test::has_substr("shared_test::TwinA"));
    CHECK_THAT(message, test::has_substr("shared_test::TwinB"));
    CHECK_THROWS_AS(Services::shared("twin"), autoreg::duplicate_key);
}

TEST_CASE("a key whose winning registration changes gets a new instance", "[shared][priority]") {
    std::atomic<int> base_calls{0};
    std::atomic<int> override_calls{0};
    autoreg::registration base = Services::add("changing", counting("base", base_calls));
    std::shared_ptr<Service> first = Services::shared("changing");
    CHECK(first->name() == "base");
    {
        autoreg::registration better = Services::add(
            "changing", counting("override", override_calls), autoreg::add_options{1, {}, {}});
        std::shared_ptr<Service> second = Services::shared("changing");
        CHECK(second->name() == "override");
        CHECK(second != first);
        CHECK(Services::shared("changing") == second);
        CHECK(override_calls.load() == 1);

        // An outranked registration changes nothing.
        std::atomic<int> low_calls{0};
        autoreg::registration worse =
            Services::add("changing", counting("low", low_calls), autoreg::add_options{-1, {}, {}});
        CHECK(Services::shared("changing") == second);
        CHECK(low_calls.load() == 0);
    }
    // The override is gone: the base registration wins again, with an
    // instance of its own rather than the override's.
    std::shared_ptr<Service> third = Services::shared("changing");
    CHECK(third->name() == "base");
    CHECK(Services::shared("changing") == third);
}

TEST_CASE("a key removed and added again gets an instance from its new registration", "[shared]") {
    std::atomic<int> calls{0};
    autoreg::registration r = Services::add("readded", counting("old", calls));
    std::shared_ptr<Service> old_instance = Services::shared("readded");
    CHECK(old_instance->name() == "old");
    r.reset();
    CHECK_THROWS_AS(Services::shared("readded"), autoreg::unknown_key);
    r = Services::add("readded", counting("new", calls));
    std::shared_ptr<Service> new_instance = Services::shared("readded");
    CHECK(new_instance->name() == "new");
    CHECK(new_instance != old_instance);
    CHECK(calls.load() == 2);

    // Removed and added again at once, with the same factory type: the new
    // registration may well be allocated where the old one was.
    for (int round = 0; round < 10; ++round) {
        const std::string name = "round-" + std::to_string(round);
        r.reset();
        r = Services::add("readded", counting(name, calls));
        INFO(name);
        CHECK(Services::shared("readded")->name() == name);
    }
    CHECK(calls.load() == 12);
}

// ---- Constructors that throw or ask for shared instances ----------------------------

TEST_CASE("a constructor that asks for its own instance gets autoreg::error, not a deadlock",
          "[shared][errors]") {
    const std::string message =
        test::message_of<autoreg::error>([] { Services::shared("selfish"); });
    CHECK_THAT(message, test::has_substr("\"selfish\""));
    CHECK_THAT(message, test::has_substr("service registry"));
    CHECK(counters::selfish.load() == 1);
    // Nothing was cached: the next call tries again, and fails the same way.
    CHECK_THROWS_AS(Services::shared("selfish"), autoreg::error);
    CHECK(counters::selfish.load() == 2);
    // The registry is fine otherwise.
    CHECK(Services::shared("clock") == Services::shared("clock"));
}

TEST_CASE("a constructor may ask for another key's instance", "[shared]") {
    std::shared_ptr<Service> composite = Services::shared("composite");
    REQUIRE(composite != nullptr);
    CHECK(composite->name() == "composite of logger");
    CHECK(Services::shared("composite") == composite);
    CHECK(counters::composite.load() == 1);
    std::shared_ptr<Service> logger = Services::shared("logger");
    // The instance the constructor got is the logger's one instance.
    CHECK(logger.use_count() >= 3);  // the registry, Composite, and here
    CHECK(counters::logger.load() == 1);
}

TEST_CASE("a constructor that throws: nothing is cached and the next call retries",
          "[shared][exceptions]") {
    CHECK_THROWS_AS(Services::shared("flaky"), flaky_failure);
    CHECK(counters::flaky.load() == 1);
    std::shared_ptr<Service> flaky = Services::shared("flaky");
    REQUIRE(flaky != nullptr);
    CHECK(flaky->name() == "flaky");
    CHECK(counters::flaky.load() == 2);
    CHECK(Services::shared("flaky") == flaky);
    CHECK(counters::flaky.load() == 2);
}

// ---- Concurrency -------------------------------------------------------------------------

TEST_CASE("the instance is made once when 8 threads ask first at the same moment",
          "[shared][concurrency]") {
    std::vector<std::shared_ptr<Service>> got(thread_count);
    run_together([&](int t) { got[static_cast<std::size_t>(t)] = Services::shared("slow"); });
    CHECK(counters::slow.load() == 1);
    REQUIRE(got[0] != nullptr);
    CHECK(got[0]->name() == "slow");
    for (const auto& instance : got) CHECK(instance == got[0]);
}

TEST_CASE("8 threads asking for 4 keys at once: one instance per key", "[shared][concurrency]") {
    std::atomic<int> calls[4]{};
    std::vector<autoreg::registration> registrations;
    for (int k = 0; k < 4; ++k) {
        const std::string key = "parallel-" + std::to_string(k);
        registrations.push_back(Services::add(key, [key, &calls, k] {
            calls[k].fetch_add(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return std::make_unique<Named>(key);
        }));
    }
    std::vector<std::vector<std::shared_ptr<Service>>> got(thread_count);
    run_together([&](int t) {
        for (int i = 0; i < 4; ++i) {
            const int k = (t + i) % 4;  // each thread starts with a different key
            got[static_cast<std::size_t>(t)].push_back(
                Services::shared("parallel-" + std::to_string(k)));
        }
    });
    for (int k = 0; k < 4; ++k) {
        INFO(k);
        CHECK(calls[k].load() == 1);
    }
    for (int t = 0; t < thread_count; ++t) {
        for (int i = 0; i < 4; ++i) {
            const int k = (t + i) % 4;
            const auto& instance = got[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)];
            REQUIRE(instance != nullptr);
            CHECK(instance->name() == "parallel-" + std::to_string(k));
            CHECK(instance == Services::shared("parallel-" + std::to_string(k)));
        }
    }
}

TEST_CASE("a constructor that throws while other threads wait: one of them makes it instead",
          "[shared][concurrency][exceptions]") {
    std::atomic<int> calls{0};
    autoreg::registration r = Services::add("fails-first", [&calls] {
        const int call = calls.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (call == 0) throw std::runtime_error("first construction fails");
        return std::make_unique<Named>("made on retry");
    });
    std::atomic<int> failures{0};
    std::vector<std::shared_ptr<Service>> got(thread_count);
    run_together([&](int t) {
        try {
            got[static_cast<std::size_t>(t)] = Services::shared("fails-first");
        } catch (const std::runtime_error&) {
            failures.fetch_add(1);
        }
    });
    CHECK(failures.load() == 1);
    CHECK(calls.load() == 2);
    std::set<Service*> distinct;
    for (const auto& instance : got) {
        if (instance != nullptr) distinct.insert(instance.get());
    }
    REQUIRE(distinct.size() == 1);
    CHECK((*distinct.begin())->name() == "made on retry");
}

TEST_CASE("shared on other threads while the key's registration changes", "[shared][concurrency]") {
    constexpr int rounds = 3000;
    std::atomic<bool> stop{false};
    std::atomic<int> mistakes{0};
    std::atomic<long> served{0};
    autoreg::registration current =
        Services::add("rotating", [] { return std::make_unique<Named>("rotating-0"); });

    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t) {
        readers.emplace_back([&] {
            while (!stop.load()) {
                std::shared_ptr<Service> instance = Services::shared("rotating");
                if (instance == nullptr || instance->name().rfind("rotating-", 0) != 0)
                    mistakes.fetch_add(1);
                served.fetch_add(1);
            }
        });
    }
    while (served.load() == 0) std::this_thread::yield();
    for (int round = 1; round <= rounds; ++round) {
        const std::string name = "rotating-" + std::to_string(round);
        current = Services::add(
            "rotating", [name] { return std::make_unique<Named>(name); },
            autoreg::add_options{round, {}, {}});
    }
    stop.store(true);
    for (std::thread& reader : readers) reader.join();

    CHECK(mistakes.load() == 0);
    CHECK(Services::shared("rotating")->name() == "rotating-" + std::to_string(rounds));
}
