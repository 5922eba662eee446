// Which registry a base's classes go to (CONTRACT section 1): one per base
// type. A base in an anonymous namespace is a different type in every
// translation unit, spelled alike in all of them; each must get a registry of
// its own rather than share one by name (they once did, and two units' classes
// under one key made a conflict in both).
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/identity.hpp"
#include "support/shared_class.hpp"

using identity_test::seen;

TEST_CASE("each unit's base in an anonymous namespace has a registry of its own") {
    const seen a = identity_test::seen_by_unit_a();
    const seen b = identity_test::seen_by_unit_b();
    CHECK(a.keys == std::vector<std::string>{"only in a", "part"});
    CHECK(b.keys == std::vector<std::string>{"only in b", "part"});
    CHECK(a.conflicts == 0);
    CHECK(b.conflicts == 0);
    CHECK(a.part_maker == "unit a");
    CHECK(b.part_maker == "unit b");
}

TEST_CASE("a unit that registers nothing under its anonymous base sees an empty registry") {
    const seen here = seen_here();
    CHECK(here.keys.empty());
    CHECK(here.part_maker == "none");
}

TEST_CASE("a class that two units define is registered once") {
    using gears = autoreg::Registry<identity_test::Gear>;
    CHECK(gears::keys() == std::vector<std::string>{"shared gear"});
    CHECK(gears::entries().size() == 1);
    CHECK(gears::conflicts().empty());
    CHECK(gears::create("shared gear")->name() == "defined in two units");
}
