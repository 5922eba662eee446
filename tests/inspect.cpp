// Looking inside (CONTRACT section 4): contains, size, keys, entries, name.
#include <autoreg/autoreg.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "support/inspect.hpp"

using autoreg::Registry;
using namespace inspect_test;

namespace {

using Instruments = Registry<Instrument>;
using entry = Instruments::entry;

std::vector<entry> entries_under(std::string_view key) {
    std::vector<entry> out;
    for (const entry& e : Instruments::entries()) {
        if (e.key == key) out.push_back(e);
    }
    return out;
}

entry only_entry_under(std::string_view key) {
    std::vector<entry> found = entries_under(key);
    REQUIRE(found.size() == 1);
    return found.front();
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

TEST_CASE("contains: every registered key, conflicted or not", "[inspect][contains]") {
    for (std::string_view key : {"bass", "cello", "drum", "electric-bass", "fiddle", "harp",
                                 "hidden", "triangle", "tuning-fork", "violin"}) {
        INFO(key);
        CHECK(Instruments::contains(key));
    }
    CHECK(Instruments::contains("drum"));  // claimed by two classes: still there
    CHECK_FALSE(Instruments::contains("tuba"));
    CHECK_FALSE(Instruments::contains(""));
    CHECK_FALSE(Instruments::contains("Cello"));
}

TEST_CASE("keys: every key once, sorted", "[inspect][keys]") {
    const std::vector<std::string> expected{"bass",        "cello", "drum",   "electric-bass",
                                            "fiddle",      "harp",  "hidden", "triangle",
                                            "tuning-fork", "violin"};
    CHECK(Instruments::keys() == expected);
}

TEST_CASE("size: the number of distinct keys", "[inspect][size]") {
    // 12 classes, but "violin" and "drum" are claimed twice each.
    CHECK(Instruments::size() == 10);
    CHECK(Instruments::size() == Instruments::keys().size());
    CHECK(Instruments::entries().size() == 12);
}

TEST_CASE("an empty registry", "[inspect]") {
    CHECK(Registry<Vacant>::size() == 0);
    CHECK(Registry<Vacant>::keys().empty());
    CHECK(Registry<Vacant>::entries().empty());
    CHECK(Registry<Vacant>::conflicts().empty());
    CHECK_FALSE(Registry<Vacant>::contains("anything"));
    CHECK(Registry<Vacant>::try_create("anything") == nullptr);
}

TEST_CASE("entries: sorted by key, then priority, then type name", "[inspect][entries]") {
    const std::vector<entry> all = Instruments::entries();
    std::vector<std::string> keys;
    std::vector<std::string> types;
    for (const entry& e : all) {
        keys.push_back(e.key);
        types.push_back(e.type_name);
    }
    const std::vector<std::string> expected_keys{
        "bass", "cello",  "drum",     "drum",        "electric-bass", "fiddle",
        "harp", "hidden", "triangle", "tuning-fork", "violin",        "violin"};
    CHECK(keys == expected_keys);
    // Under "violin", the higher priority first; under "drum", equal
    // priorities in type-name order.
    CHECK(types[2] == "inspect_test::Snare");
    CHECK(types[3] == "inspect_test::Tom");
    CHECK(types[10] == "inspect_test::Stradivarius");
    CHECK(types[11] == "inspect_test::PracticeViolin");
}

TEST_CASE("entries: type names are the classes' readable names", "[inspect][entries]") {
    CHECK(only_entry_under("cello").type_name == "inspect_test::Cello");
    CHECK(only_entry_under("tuning-fork").type_name == "inspect_test::Tuned<440>");
    // GCC writes {anonymous}, Clang (anonymous namespace).
    const std::string hidden = only_entry_under("hidden").type_name;
    CHECK_THAT(hidden, test::has_substr("anonymous"));
    CHECK(ends_with(hidden, "::Hidden"));
    CHECK(hidden.rfind("inspect_test::", 0) == 0);
}

TEST_CASE("entries: description", "[inspect][entries]") {
    const std::vector<entry> violins = entries_under("violin");
    REQUIRE(violins.size() == 2);
    CHECK(violins[0].description == "the good one");
    CHECK(violins[1].description == "squeaky");
    CHECK(only_entry_under("bass").description == "deep");
    CHECK(only_entry_under("cello").description.empty());  // none declared
    // ElectricBass inherits DoubleBass's description, which does not count.
    CHECK(only_entry_under("electric-bass").description.empty());
}

TEST_CASE("entries: priority", "[inspect][entries]") {
    const std::vector<entry> violins = entries_under("violin");
    REQUIRE(violins.size() == 2);
    CHECK(violins[0].priority == 5);
    CHECK(violins[1].priority == 0);  // the default
    CHECK(only_entry_under("bass").priority == 3);
    CHECK(only_entry_under("harp").priority == -2);
    // ElectricBass inherits DoubleBass's priority, which does not count.
    CHECK(only_entry_under("electric-bass").priority == 0);
}

TEST_CASE("entries: parent, where the Parent is registered", "[inspect][entries]") {
    CHECK(only_entry_under("bass").parent == std::optional<std::string>("cello"));
    CHECK(only_entry_under("electric-bass").parent == std::optional<std::string>("bass"));
    // PracticeViolin is outranked under "violin" but registered all the same.
    CHECK(only_entry_under("fiddle").parent == std::optional<std::string>("violin"));
    CHECK_FALSE(only_entry_under("cello").parent.has_value());     // Parent is Base
    CHECK_FALSE(only_entry_under("triangle").parent.has_value());  // Parent not registered
    for (const entry& drum : entries_under("drum")) CHECK_FALSE(drum.parent.has_value());
}

TEST_CASE("entries: member types", "[inspect][entries]") {
    static_assert(std::is_same_v<decltype(entry::key), std::string>);
    static_assert(std::is_same_v<decltype(entry::type_name), std::string>);
    static_assert(std::is_same_v<decltype(entry::description), std::string>);
    static_assert(std::is_same_v<decltype(entry::priority), int>);
    static_assert(std::is_same_v<decltype(entry::parent), std::optional<std::string>>);
    CHECK(Instruments::entries().front().key == "bass");
}

TEST_CASE("the listings agree with create", "[inspect]") {
    CHECK(Instruments::create("violin")->sound() == "stradivarius");
    CHECK(Instruments::create("bass")->sound() == "double bass");
    CHECK(Instruments::create("tuning-fork")->sound() == "a440");
    for (const std::string& key : Instruments::keys()) {
        INFO(key);
        if (key == "drum") continue;  // conflicted
        CHECK(Instruments::try_create(key) != nullptr);
    }
}

// ---- name() ----------------------------------------------------------------------

static_assert(Registry<StorageBackend>::name() == "storage backend");
static_assert(Registry<MicroscopeHandler>::name() == "microscope");
static_assert(Registry<Widget>::name() == "gadget");

TEST_CASE("name: derived from the base's name", "[inspect][name]") {
    CHECK(Registry<StorageBackend>::name() == "storage backend");
    CHECK(Registry<MicroscopeHandler>::name() == "microscope");
    CHECK(Registry<Instrument>::name() == "instrument");
    CHECK(Registry<Shape>::name() == "shape");
    CHECK(Registry<HTTPServerBase>::name() == "http server");
    CHECK(Registry<Codec2Handler>::name() == "codec2");
}

TEST_CASE("name: one role suffix removed, and only at the end", "[inspect][name]") {
    CHECK(Registry<PluginMetaRegistry>::name() == "plugin meta");  // only Registry removed
    CHECK(Registry<Base>::name() == "base");                       // nothing would be left
}

TEST_CASE("name: the unqualified name, without template arguments", "[inspect][name]") {
    CHECK(Registry<SinkBase<int>>::name() == "sink");
    CHECK(Registry<Outer::InnerMeta>::name() == "inner");
}

TEST_CASE("name: the traits' name wins", "[inspect][name]") {
    CHECK(Registry<Widget>::name() == "gadget");
}
