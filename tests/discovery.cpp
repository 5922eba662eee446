// Discovery (CONTRACT section 8, without plugins): set_discovery(fn) runs fn
// once, at the first access after it is set, whichever call that is;
// concurrent first accesses wait for it; fn may use the registry; accessing a
// secondary registry runs its primary's discovery first. A discovery that
// throws: the exception reaches the access that ran it, what it registered
// stays, the registry stays usable, and fn does not run again unless set
// again.
//
// The tests tagged [concurrency] are worth running under ThreadSanitizer.
#include <autoreg/autoreg.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/discovery.hpp"
#include "support/threads.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace discovery_test;

namespace {

constexpr int thread_count = 8;

/// Thrown by discoveries; deliberately not a std::exception.
struct discovery_failure {
    int code;
};

/// The file's threads, released at once (see support/threads.hpp).
template <class Work>
int run_together(Work&& work) {
    return test::run_together(thread_count, std::forward<Work>(work));
}

template <class T>
bool has(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

template <int Case>
struct registry_of {
    using type = Registry<Finding<Case>>;
};

/// Sets a discovery on Finding<Case> that registers "found"; checks that it
/// has not run, that `access` runs it (access checks that it sees "found"),
/// and that a second access does not run it again.
template <int Case, class Access>
void check_first_access_runs_discovery(Access access) {
    using R = Registry<Finding<Case>>;
    auto runs = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([runs] {
        runs->fetch_add(1);
        R::add("found", make_found<Case>("found")).release();
    });
    CHECK(runs->load() == 0);  // setting it runs nothing
    access(registry_of<Case>{});
    CHECK(runs->load() == 1);
    access(registry_of<Case>{});
    CHECK(runs->load() == 1);
}

}  // namespace

// ---- Once, at the first access -------------------------------------------------------

TEST_CASE("the discovery runs once, at the first access after it is set", "[discovery]") {
    using R = Registry<Finding<1>>;
    auto runs = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([runs] {
        runs->fetch_add(1);
        R::add("one", make_found<1>("one")).release();
        R::add("two", make_found<1>("two")).release();
    });
    CHECK(runs->load() == 0);
    CHECK(R::keys() == std::vector<std::string>{"one", "two"});
    CHECK(runs->load() == 1);
    for (int i = 0; i < 10; ++i) {
        CHECK(R::create("one")->name() == "one");
        CHECK(R::contains("two"));
        CHECK(R::size() == 2);
    }
    CHECK(runs->load() == 1);
}

TEST_CASE("every kind of access runs the discovery first", "[discovery]") {
    SECTION("create") {
        check_first_access_runs_discovery<10>(
            [](auto r) { CHECK(decltype(r)::type::create("found")->name() == "found"); });
    }
    SECTION("try_create") {
        check_first_access_runs_discovery<11>(
            [](auto r) { CHECK(decltype(r)::type::try_create("found") != nullptr); });
    }
    SECTION("contains") {
        check_first_access_runs_discovery<12>(
            [](auto r) { CHECK(decltype(r)::type::contains("found")); });
    }
    SECTION("size") {
        check_first_access_runs_discovery<13>(
            [](auto r) { CHECK(decltype(r)::type::size() == 1); });
    }
    SECTION("keys") {
        check_first_access_runs_discovery<14>(
            [](auto r) { CHECK(decltype(r)::type::keys() == std::vector<std::string>{"found"}); });
    }
    SECTION("entries") {
        check_first_access_runs_discovery<15>(
            [](auto r) { CHECK(decltype(r)::type::entries().size() == 1); });
    }
    SECTION("leaves") {
        check_first_access_runs_discovery<16>([](auto r) {
            CHECK(decltype(r)::type::leaves() == std::vector<std::string>{"found"});
        });
    }
    SECTION("conflicts") {
        check_first_access_runs_discovery<17>([](auto r) {
            using R = typename decltype(r)::type;
            CHECK(R::conflicts().empty());
            CHECK(R::contains("found"));
        });
    }
    SECTION("require") {
        check_first_access_runs_discovery<18>(
            [](auto r) { CHECK_NOTHROW(decltype(r)::type::require({"found"})); });
    }
    SECTION("shared") {
        check_first_access_runs_discovery<19>(
            [](auto r) { CHECK(decltype(r)::type::shared("found")->name() == "found"); });
    }
    SECTION("describe") {
        check_first_access_runs_discovery<20>([](auto) {
            CHECK_THAT(fmt::format("{}", autoreg::describe<Finding<20>>()),
                       test::has_substr("finding registry: 1 entry"));
        });
    }
}

TEST_CASE("a discovery set after the registry was used runs at the next access", "[discovery]") {
    using R = Registry<Finding<2>>;
    CHECK(R::size() == 0);  // built, empty
    auto runs = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([runs] {
        runs->fetch_add(1);
        R::add("later", make_found<2>("later")).release();
    });
    CHECK(runs->load() == 0);
    CHECK(R::contains("later"));
    CHECK(runs->load() == 1);
}

TEST_CASE("a new discovery set after the first ran runs at the next access", "[discovery]") {
    using R = Registry<Finding<3>>;
    auto first = std::make_shared<std::atomic<int>>(0);
    auto second = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([first] {
        first->fetch_add(1);
        R::add("from-first", make_found<3>("first")).release();
    });
    CHECK(R::keys() == std::vector<std::string>{"from-first"});
    R::set_discovery([second] {
        second->fetch_add(1);
        R::add("from-second", make_found<3>("second")).release();
    });
    CHECK(second->load() == 0);
    CHECK(R::keys() == std::vector<std::string>{"from-first", "from-second"});
    CHECK(first->load() == 1);
    CHECK(second->load() == 1);
    CHECK(R::size() == 2);
    CHECK(second->load() == 1);
}

TEST_CASE("a discovery may keep its registrations in a vector it captures", "[discovery]") {
    using R = Registry<Finding<4>>;
    std::vector<autoreg::registration> found;
    R::set_discovery([&found] {
        found.push_back(R::add("kept-a", make_found<4>("a")));
        found.push_back(R::add("kept-b", make_found<4>("b")));
    });
    CHECK(R::create("kept-b")->name() == "b");
    CHECK(found.size() == 2);
    found.clear();  // the owner drops them: they go
    CHECK(R::size() == 0);
}

// ---- The discovery uses the registry -------------------------------------------------

TEST_CASE("a discovery may use its own registry without deadlock", "[discovery]") {
    using R = Registry<Finding<5>>;
    auto runs = std::make_shared<std::atomic<int>>(0);
    auto seen_inside = std::make_shared<std::vector<std::string>>();
    R::set_discovery([runs, seen_inside] {
        runs->fetch_add(1);
        CHECK(R::size() == 0);
        CHECK_FALSE(R::contains("inner"));
        R::add("inner", make_found<5>("inner")).release();
        // What it registered is visible at once, to itself.
        CHECK(R::contains("inner"));
        CHECK(R::create("inner")->name() == "inner");
        CHECK(R::shared("inner")->name() == "inner");
        *seen_inside = R::keys();
        R::add("second", make_found<5>("second")).release();
    });
    CHECK(R::keys() == std::vector<std::string>{"inner", "second"});
    CHECK(*seen_inside == std::vector<std::string>{"inner"});
    CHECK(runs->load() == 1);
}

// ---- Concurrent first accesses ---------------------------------------------------------

TEST_CASE("8 concurrent first accesses wait for the discovery and all see what it registered",
          "[discovery][concurrency]") {
    using R = Registry<Finding<6>>;
    auto runs = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([runs] {
        runs->fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        for (const char* key : {"alpha", "beta", "gamma"})
            R::add(key, make_found<6>(key)).release();
    });
    std::atomic<int> mistakes{0};
    run_together([&](int t) {
        // Each thread makes a different first call.
        bool ok = false;
        switch (t % 4) {
            case 0:
                ok = R::contains("gamma");
                break;
            case 1:
                ok = R::keys() == std::vector<std::string>{"alpha", "beta", "gamma"};
                break;
            case 2:
                ok = R::size() == 3;
                break;
            default: {
                std::unique_ptr<Finding<6>> made = R::try_create("beta");
                ok = made != nullptr && made->name() == "beta";
            }
        }
        if (!ok) mistakes.fetch_add(1);
    });
    CHECK(mistakes.load() == 0);
    CHECK(runs->load() == 1);
}

TEST_CASE("concurrent first accesses see registrations kept in a vector the discovery captures",
          "[discovery][concurrency]") {
    using R = Registry<Finding<7>>;
    std::vector<autoreg::registration> kept;
    std::atomic<int> runs{0};
    R::set_discovery([&] {
        runs.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (int i = 0; i < 20; ++i) {
            const std::string key = "kept-" + std::to_string(i);
            kept.push_back(R::add(key, make_found<7>(key)));
        }
    });
    std::atomic<int> mistakes{0};
    run_together([&](int t) {
        const std::string key = "kept-" + std::to_string(t);
        std::unique_ptr<Finding<7>> made = R::try_create(key);
        if (made == nullptr || made->name() != key) mistakes.fetch_add(1);
    });
    CHECK(mistakes.load() == 0);
    CHECK(runs.load() == 1);
    CHECK(R::size() == 20);
    kept.clear();
    CHECK(R::size() == 0);
}

TEST_CASE("other threads wait for the discovery even after it used the registry itself",
          "[discovery][concurrency]") {
    using R = Registry<Finding<8>>;
    std::atomic<bool> inside{false};
    std::atomic<bool> finished{false};
    R::set_discovery([&] {
        (void)R::size();  // the discovery's own access
        inside.store(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        R::add("late", make_found<8>("late")).release();
        finished.store(true);
    });
    bool seen = false;
    bool waited = false;
    std::thread other([&] {
        while (!inside.load()) std::this_thread::yield();
        seen = R::contains("late");  // a first access while the discovery runs
        waited = finished.load();
    });
    CHECK(R::contains("late"));  // runs the discovery
    other.join();
    CHECK(waited);
    CHECK(seen);
}

// ---- A discovery that throws -----------------------------------------------------------

TEST_CASE("a discovery that throws: the access gets the exception, the rest stays",
          "[discovery][exceptions]") {
    using R = Registry<Finding<9>>;
    auto runs = std::make_shared<std::atomic<int>>(0);
    R::set_discovery([runs] {
        runs->fetch_add(1);
        R::add("before", make_found<9>("before")).release();
        throw discovery_failure{42};
    });
    try {
        (void)R::keys();
        FAIL("the access that ran the discovery did not throw");
    } catch (const discovery_failure& failure) {
        CHECK(failure.code == 42);  // the discovery's own exception, unchanged
    }
    CHECK(runs->load() == 1);

    // What it registered before throwing stays, and the registry works.
    CHECK(R::contains("before"));
    CHECK(R::create("before")->name() == "before");
    CHECK(R::keys() == std::vector<std::string>{"before"});
    CHECK(R::size() == 1);
    // It is not run again...
    CHECK(runs->load() == 1);

    // ...unless set again.
    R::set_discovery([runs] {
        runs->fetch_add(1);
        R::add("after", make_found<9>("after")).release();
    });
    CHECK(R::keys() == std::vector<std::string>{"after", "before"});
    CHECK(runs->load() == 2);
}

TEST_CASE("a discovery that throws while other threads wait: they go on",
          "[discovery][concurrency][exceptions]") {
    using R = Registry<Finding<21>>;
    std::atomic<int> runs{0};
    R::set_discovery([&runs] {
        runs.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        R::add("partial", make_found<21>("partial")).release();
        throw discovery_failure{7};
    });
    std::atomic<int> failures{0};
    std::atomic<int> mistakes{0};
    run_together([&](int) {
        try {
            if (!R::contains("partial")) mistakes.fetch_add(1);
        } catch (const discovery_failure&) {
            failures.fetch_add(1);
        }
    });
    CHECK(runs.load() == 1);
    CHECK(failures.load() == 1);
    CHECK(mistakes.load() == 0);
    CHECK(R::contains("partial"));
}

// ---- Secondary registries ----------------------------------------------------------------

TEST_CASE("accessing a secondary registry first runs the primary's discovery",
          "[discovery][secondary]") {
    auto runs = std::make_shared<std::atomic<int>>(0);
    Registry<Scanner>::set_discovery([runs] {
        runs->fetch_add(1);
        Registry<ScanReport>::add("drum", [] {
            return std::make_unique<NamedReport>("drum");
        }).release();
    });
    CHECK(runs->load() == 0);
    CHECK(Registry<ScanReport>::contains("drum"));  // the secondary, first
    CHECK(runs->load() == 1);
    CHECK(Registry<ScanReport>::create("drum")->title() == "drum");
    CHECK(Registry<ScanReport>::create("flatbed")->title() == "flatbed report");  // static
    CHECK(Registry<Scanner>::keys() == std::vector<std::string>{"flatbed"});
    CHECK(runs->load() == 1);
}

TEST_CASE("a secondary with a discovery of its own: the primary's runs first",
          "[discovery][secondary]") {
    auto order = std::make_shared<std::vector<std::string>>();
    Registry<Scanner>::set_discovery([order] { order->push_back("primary"); });
    Registry<ScanReport>::set_discovery([order] { order->push_back("secondary"); });
    CHECK(Registry<ScanReport>::size() >= 1);
    CHECK(*order == std::vector<std::string>{"primary", "secondary"});
    CHECK(Registry<Scanner>::size() >= 1);
    CHECK(order->size() == 2);
}

TEST_CASE("concurrent first accesses to a secondary wait for the primary's discovery",
          "[discovery][secondary][concurrency]") {
    std::atomic<int> runs{0};
    Registry<Scanner>::set_discovery([&runs] {
        runs.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        Registry<ScanReport>::add("sheet-fed", [] {
            return std::make_unique<NamedReport>("sheet-fed");
        }).release();
    });
    std::atomic<int> mistakes{0};
    run_together([&](int t) {
        const bool ok = t % 2 == 0 ? Registry<ScanReport>::contains("sheet-fed")
                                   : Registry<ScanReport>::try_create("sheet-fed") != nullptr;
        if (!ok) mistakes.fetch_add(1);
    });
    CHECK(mistakes.load() == 0);
    CHECK(runs.load() == 1);
}
