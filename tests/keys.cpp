// Keys (CONTRACT section 2): explicit keys, keys derived from class names,
// inherited keys ignored, skip_if_no_key, enum and integer key types.
#include <autoreg/autoreg.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "catch.hpp"
#include "support/keys.hpp"
#include "support/throws.hpp"

using autoreg::Registry;

// ---- key_of<Derived>() at compile time ---------------------------------------
// key_of needs the class itself, so these classes are defined here, in a
// registry of their own; the run-time tests below use only keys.

namespace keys_of_test {

struct Probe {
    virtual ~Probe() = default;
    virtual std::string kind() const = 0;
};

}  // namespace keys_of_test

template <>
struct autoreg::registry_traits<keys_of_test::Probe> {
    static constexpr std::string_view strip_suffix = "Probe";
};

namespace keys_of_test {

struct DiskProbe : autoreg::AutoRegister<Probe, DiskProbe> {
    std::string kind() const override { return "DiskProbe"; }
};

namespace outer {
namespace inner {
struct NetProbe : autoreg::AutoRegister<Probe, NetProbe> {
    std::string kind() const override { return "NetProbe"; }
};
}  // namespace inner
}  // namespace outer

template <class T, int N>
struct TemplateProbe : autoreg::AutoRegister<Probe, TemplateProbe<T, N>> {
    std::string kind() const override { return "TemplateProbe"; }
};
template struct TemplateProbe<std::vector<int>, 2>;

namespace {
struct HiddenProbe : autoreg::AutoRegister<Probe, HiddenProbe> {
    std::string kind() const override { return "HiddenProbe"; }
};
}  // namespace

struct GivenProbe : autoreg::AutoRegister<Probe, GivenProbe> {
    static constexpr std::string_view registry_key = "given";
    std::string kind() const override { return "GivenProbe"; }
};

struct ChildProbe : autoreg::AutoRegister<Probe, ChildProbe, GivenProbe> {
    std::string kind() const override { return "ChildProbe"; }
};

struct GrandchildProbe : autoreg::AutoRegister<Probe, GrandchildProbe, ChildProbe> {
    static constexpr std::string_view registry_key = "grandchild-given";
    std::string kind() const override { return "GrandchildProbe"; }
};

enum class Level { low = 1, high = 5 };
struct Gauge {
    virtual ~Gauge() = default;
};

}  // namespace keys_of_test

template <>
struct autoreg::registry_traits<keys_of_test::Gauge> {
    using key_type = keys_of_test::Level;
};

namespace keys_of_test {

struct HighGauge : autoreg::AutoRegister<Gauge, HighGauge> {
    static constexpr Level registry_key = Level::high;
};

struct Counter {
    virtual ~Counter() = default;
};

}  // namespace keys_of_test

template <>
struct autoreg::registry_traits<keys_of_test::Counter> {
    using key_type = long long;  // 64 bits on LLP64 (Windows) too
};

namespace keys_of_test {

struct BigCounter : autoreg::AutoRegister<Counter, BigCounter> {
    static constexpr long long registry_key = 1LL << 40;
};

struct Glyph {
    virtual ~Glyph() = default;
};
struct Rune {
    virtual ~Rune() = default;
};
struct Small {
    virtual ~Small() = default;
};

}  // namespace keys_of_test

template <>
struct autoreg::registry_traits<keys_of_test::Glyph> {
    using key_type = char;
};
template <>
struct autoreg::registry_traits<keys_of_test::Rune> {
    using key_type = char32_t;
};
template <>
struct autoreg::registry_traits<keys_of_test::Small> {
    using key_type = signed char;  // std::int8_t: a number
};

namespace keys_of_test {

struct LetterGlyph : autoreg::AutoRegister<Glyph, LetterGlyph> {
    static constexpr char registry_key = 'a';
};
struct QuoteGlyph : autoreg::AutoRegister<Glyph, QuoteGlyph> {
    static constexpr char registry_key = '\'';
};
struct AcuteRune : autoreg::AutoRegister<Rune, AcuteRune> {
    static constexpr char32_t registry_key = U'\u00e9';
};
struct SmileRune : autoreg::AutoRegister<Rune, SmileRune> {
    static constexpr char32_t registry_key = U'\U0001F600';
};
struct SevenSmall : autoreg::AutoRegister<Small, SevenSmall> {
    static constexpr signed char registry_key = 7;
};

}  // namespace keys_of_test

namespace {

using namespace keys_of_test;
using Probes = Registry<Probe>;

static_assert(Probes::key_of<DiskProbe>() == "disk");
static_assert(Probes::key_of<outer::inner::NetProbe>() == "net", "namespaces are dropped");
static_assert(Probes::key_of<TemplateProbe<std::vector<int>, 2>>() == "template",
              "template arguments are dropped");
static_assert(Probes::key_of<HiddenProbe>() == "hidden",
              "anonymous namespaces are dropped, whatever the compiler calls them");
static_assert(Probes::key_of<GivenProbe>() == "given", "an explicit key wins");
static_assert(Probes::key_of<ChildProbe>() == "child", "an inherited key is ignored");
static_assert(Probes::key_of<GrandchildProbe>() == "grandchild-given");

// Usable wherever a constant expression is needed.
static_assert(std::is_same_v<decltype(Probes::key_of<DiskProbe>()), std::string_view>);
constexpr std::string_view disk_key = Probes::key_of<DiskProbe>();
static_assert(disk_key.size() == 4);
static_assert(std::integral_constant<std::size_t, Probes::key_of<DiskProbe>().size()>::value == 4);

static_assert(Registry<Gauge>::key_of<HighGauge>() == Level::high);
static_assert(std::is_same_v<decltype(Registry<Gauge>::key_of<HighGauge>()), Level>);
static_assert(Registry<Counter>::key_of<BigCounter>() == (1LL << 40));
static_assert(std::is_same_v<decltype(Registry<Counter>::key_of<BigCounter>()), long long>);

template <class Derived>
void check_registered_under_key_of() {
    constexpr std::string_view key = Probes::key_of<Derived>();
    INFO("key: " << key);
    std::unique_ptr<Probe> made = Probes::create(key);
    REQUIRE(made != nullptr);
    CHECK(dynamic_cast<Derived*>(made.get()) != nullptr);
    const Probe& object = *made;
    CHECK(typeid(object) == typeid(Derived));
}

}  // namespace

TEST_CASE("a class is registered under the key key_of gives", "[keys][key_of]") {
    check_registered_under_key_of<DiskProbe>();
    check_registered_under_key_of<outer::inner::NetProbe>();
    check_registered_under_key_of<TemplateProbe<std::vector<int>, 2>>();
    check_registered_under_key_of<HiddenProbe>();
    check_registered_under_key_of<GivenProbe>();
    check_registered_under_key_of<ChildProbe>();
    check_registered_under_key_of<GrandchildProbe>();
    CHECK(Registry<Gauge>::contains(Level::high));
    CHECK(Registry<Counter>::contains(1LL << 40));
}

// ---- Keys of classes nothing refers to (tests/registrations/keys_*.cpp) ------

namespace {

template <class Base, class Key>
std::string kind_of(const Key& key) {
    std::unique_ptr<Base> made = Registry<Base>::create(key);
    REQUIRE(made != nullptr);
    return made->kind();
}

}  // namespace

TEST_CASE("derived keys: suffix removed, lowercased, unqualified", "[keys][derived]") {
    using keys_test::StorageBackend;
    const std::vector<std::string> expected{
        "backend", "backendpool", "cached",      "childofexplicit", "disk",    "explicit-key",
        "http",    "inner",       "memorystore", "networkstorage",  "scratch", "sharded"};
    CHECK(Registry<StorageBackend>::keys() == expected);

    CHECK(kind_of<StorageBackend>("disk") == "DiskBackend");
    CHECK(kind_of<StorageBackend>("networkstorage") == "fs::remote::NetworkStorageBackend");
    CHECK(kind_of<StorageBackend>("cached") == "CachedBackend<int>");
    CHECK(kind_of<StorageBackend>("sharded") == "ShardedBackend<3>");
    CHECK(kind_of<StorageBackend>("inner") == "Holder::InnerBackend");
    CHECK(kind_of<StorageBackend>("scratch") == "ScratchBackend");
    CHECK(kind_of<StorageBackend>("memorystore") == "MemoryStore");
    CHECK(kind_of<StorageBackend>("http") == "HTTPBackend");
    CHECK(kind_of<StorageBackend>("backendpool") == "BackendPool");
    CHECK(kind_of<StorageBackend>("backend") == "BackendBackend");
}

TEST_CASE("an explicit registry_key wins over the derived key", "[keys][explicit]") {
    using keys_test::StorageBackend;
    CHECK(kind_of<StorageBackend>("explicit-key") == "ExplicitBackend");
    CHECK_FALSE(Registry<StorageBackend>::contains("explicit"));
}

TEST_CASE("a registry_key inherited from the Parent is ignored", "[keys][explicit]") {
    using keys_test::StorageBackend;
    // Had the child used its parent's key, "explicit-key" would be a conflict.
    CHECK(kind_of<StorageBackend>("childofexplicit") == "ChildOfExplicitBackend");
    CHECK(Registry<StorageBackend>::conflicts().empty());
}

TEST_CASE("skip_if_no_key leaves keyless classes out", "[keys][skip_if_no_key]") {
    using keys_test::Extension;
    // UnnamedExtension has no key; ChildOfNamedExtension only an inherited one.
    CHECK(Registry<Extension>::keys() == std::vector<std::string>{"named"});
    REQUIRE(Registry<Extension>::entries().size() == 1);
    CHECK(Registry<Extension>::entries()[0].type_name == "keys_test::NamedExtension");
    CHECK(kind_of<Extension>("named") == "NamedExtension");
}

TEST_CASE("enum keys", "[keys][enum]") {
    using keys_test::Color;
    using keys_test::Paint;
    static_assert(std::is_same_v<Registry<Paint>::key_type, Color>);
    static_assert(std::is_same_v<Registry<Paint>::key_owned, Color>);

    CHECK(kind_of<Paint>(Color::red) == "RedPaint");
    CHECK(kind_of<Paint>(Color::green) == "GreenPaint");
    CHECK(kind_of<Paint>(Color::black) == "BlackPaint");
    CHECK_FALSE(Registry<Paint>::contains(Color::blue));
    CHECK(Registry<Paint>::try_create(Color::blue) == nullptr);
    // Sorted by value, not by name or registration order.
    CHECK(Registry<Paint>::keys() == std::vector<Color>{Color::black, Color::red, Color::green});
}

TEST_CASE("integer keys", "[keys][integer]") {
    using keys_test::Port;
    static_assert(std::is_same_v<Registry<Port>::key_type, int>);

    CHECK(kind_of<Port>(80) == "HttpPort");
    CHECK(kind_of<Port>(443) == "HttpsPort");
    CHECK(kind_of<Port>(-1) == "NoPort");
    CHECK(kind_of<Port>(0) == "ZeroPort");
    CHECK_FALSE(Registry<Port>::contains(8080));
    // Numerically sorted: as strings, "443" would come before "80".
    CHECK(Registry<Port>::keys() == std::vector<int>{-1, 0, 80, 443});
}

// A char key reads as the character its author wrote, not as its code.
TEST_CASE("character keys read as characters in messages and describe()", "[keys][integer]") {
    using keys_of_test::Glyph;
    using keys_of_test::Rune;
    using keys_of_test::Small;
    CHECK(Registry<Glyph>::keys() == std::vector<char>{'\'', 'a'});
    const std::string glyph =
        test::message_of<autoreg::unknown_key>([] { Registry<Glyph>::create('\n'); });
    CHECK_THAT(glyph, test::has_substr("unknown key '\\x0a'"));
    CHECK_THAT(glyph, test::has_substr("'\\'', 'a'"));
    const autoreg::description described = autoreg::describe<Glyph>();
    REQUIRE(described.rows.size() == 2);
    CHECK(described.rows[0][0] == "'\\''");
    CHECK(described.rows[1][0] == "'a'");

    const std::string rune =
        test::message_of<autoreg::unknown_key>([] { Registry<Rune>::create(U'x'); });
    CHECK_THAT(rune, test::has_substr("unknown key U+0078"));
    CHECK_THAT(rune, test::has_substr("U+00E9, U+1F600"));

    const std::string small = test::message_of<autoreg::unknown_key>(
        [] { Registry<Small>::create(static_cast<signed char>(-3)); });
    CHECK_THAT(small, test::has_substr("unknown key -3"));
    CHECK_THAT(small, test::has_substr(": 7"));
}

TEST_CASE("std::string_view as key_type lists owning strings", "[keys][string_view]") {
    using keys_test::Codec;
    static_assert(std::is_same_v<Registry<Codec>::key_owned, std::string>);
    CHECK(kind_of<Codec>("gzip") == "GzipCodec");
    CHECK(kind_of<Codec>("zstd") == "ZstdCodec");
    CHECK(Registry<Codec>::keys() == std::vector<std::string>{"gzip", "zstd"});
}

TEST_CASE("string keys are std::string in listings", "[keys]") {
    static_assert(std::is_same_v<Registry<keys_test::StorageBackend>::key_type, std::string>);
    static_assert(std::is_same_v<decltype(Registry<keys_test::StorageBackend>::keys()),
                                 std::vector<std::string>>);
    static_assert(std::is_same_v<Registry<keys_test::StorageBackend>::key_view, std::string_view>);
    CHECK(Registry<keys_test::StorageBackend>::size() == 12);
}

// keys() and load_libraries() sort with autoreg's own heapsort (not
// <algorithm>, which cost every including file more than autoreg's own code):
// against std::sort, on every size to 70, with duplicates and presorted runs.
TEST_CASE("autoreg's sort orders what std::sort orders", "[keys][sort]") {
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (std::size_t n = 0; n <= 70; ++n) {
        for (const std::uint32_t spread : {3u, 1000u, 1u << 24}) {
            std::vector<std::uint32_t> values(n);
            for (auto& v : values) v = next() % spread;
            if (n % 7 == 0) std::sort(values.begin(), values.begin() + static_cast<long>(n / 2));
            std::vector<std::uint32_t> expected = values;
            std::sort(expected.begin(), expected.end());
            autoreg::detail::sort_range(values.begin(), values.end());
            INFO("size " << n << ", values below " << spread);
            CHECK(values == expected);
        }
    }
    std::vector<std::string> words{"pear", "apple", "fig", "apple", "kiwi", ""};
    autoreg::detail::sort_range(words.begin(), words.end(),
                                [](const std::string& a, const std::string& b) { return a > b; });
    CHECK(words == std::vector<std::string>{"pear", "kiwi", "fig", "apple", "apple", ""});
}
