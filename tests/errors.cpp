// Errors (CONTRACT section 5): the exception types, what unknown_key and
// duplicate_key say, hostile keys, conflicts and priorities.
#include <autoreg/autoreg.hpp>

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "support/errors.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace errors_test;
using test::has_substr;

namespace {

template <class Base, class Key>
std::string unknown_key_message(const Key& key) {
    return test::message_of<autoreg::unknown_key>([&] { Registry<Base>::create(key); });
}

template <class Base, class Key>
std::string duplicate_key_message(const Key& key) {
    return test::message_of<autoreg::duplicate_key>([&] { Registry<Base>::create(key); });
}

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos;
         at = text.find(part, at + part.size())) {
        ++count;
    }
    return count;
}

}  // namespace

// ---- The exception types -------------------------------------------------------

static_assert(std::is_base_of_v<std::runtime_error, autoreg::error>);
static_assert(std::is_base_of_v<autoreg::error, autoreg::unknown_key>);
static_assert(std::is_base_of_v<autoreg::error, autoreg::duplicate_key>);
static_assert(std::is_base_of_v<autoreg::error, autoreg::missing_keys>);
static_assert(!std::is_base_of_v<autoreg::unknown_key, autoreg::duplicate_key>);
static_assert(!std::is_base_of_v<autoreg::duplicate_key, autoreg::unknown_key>);

TEST_CASE("error types carry their message", "[errors][types]") {
    CHECK(std::string(autoreg::error("e").what()) == "e");
    CHECK(std::string(autoreg::unknown_key("u").what()) == "u");
    CHECK(std::string(autoreg::duplicate_key("d").what()) == "d");
    CHECK(std::string(autoreg::missing_keys("m").what()) == "m");
}

TEST_CASE("autoreg's errors are caught as autoreg::error and std::runtime_error",
          "[errors][types]") {
    CHECK_THROWS_AS(Registry<Shape>::create("square"), autoreg::error);
    CHECK_THROWS_AS(Registry<Shape>::create("square"), std::runtime_error);
    CHECK_THROWS_AS(Registry<Component>::create("clash"), autoreg::error);
    CHECK_THROWS_AS(Registry<Component>::create("clash"), std::runtime_error);
    // Each failure is its own type.
    CHECK_THROWS_AS(Registry<Shape>::create("square"), autoreg::unknown_key);
    CHECK_THROWS_AS(Registry<Component>::create("clash"), autoreg::duplicate_key);
    try {
        Registry<Component>::create("clash");
    } catch (const autoreg::unknown_key&) {
        FAIL("a conflicted key is not an unknown one");
    } catch (const autoreg::duplicate_key&) {
        SUCCEED();
    }
}

// ---- unknown_key -----------------------------------------------------------------

TEST_CASE("unknown_key names the registry, the key, a close key and the known keys",
          "[errors][unknown_key]") {
    const std::string message = unknown_key_message<Shape>("circel");
    CHECK_THAT(message,
               test::starts_with("autoreg: unknown key \"circel\" in the shape registry."));
    CHECK_THAT(message, has_substr(" Did you mean \"circle\"?"));
    CHECK_THAT(message, has_substr(" Known keys (2): \"circle\", \"disc\"."));
}

TEST_CASE("did you mean: the closest keys, closest first, at most three", "[errors][unknown_key]") {
    CHECK_THAT(unknown_key_message<Gadget>("alpz"),
               has_substr("Did you mean \"alps\" or \"alpha\"?"));
    CHECK_THAT(unknown_key_message<Gadget>("ca"),
               has_substr("Did you mean \"can\", \"cap\" or \"car\"?"));
    CHECK_THAT(unknown_key_message<Gadget>("ALPS"), has_substr("Did you mean \"alps\""));  // case
    CHECK_THAT(unknown_key_message<Gadget>("betta"), has_substr("Did you mean \"beta\"?"));
}

TEST_CASE("did you mean: nothing when no key is close", "[errors][unknown_key]") {
    const std::string message = unknown_key_message<Gadget>("zzzzzzzz");
    CHECK_THAT(message, !has_substr("Did you mean"));
    CHECK_THAT(message, has_substr("Known keys (8): \"alpha\", \"alpine\", \"alps\", \"beta\", "
                                   "\"can\", \"cap\", \"car\", \"cat\"."));
}

TEST_CASE("the known keys are listed up to twenty", "[errors][unknown_key]") {
    const std::string message = unknown_key_message<Crowd>("nope");
    CHECK_THAT(message, has_substr("Known keys (25): \"k00\", \"k01\", \"k02\""));
    CHECK_THAT(message, has_substr("\"k18\", \"k19\", ... and 5 more."));
    CHECK_THAT(message, !has_substr("\"k20\""));
    CHECK_THAT(message, !has_substr("\"k24\""));
}

TEST_CASE("an empty registry's message says how registrations get lost", "[errors][unknown_key]") {
    const std::string message = unknown_key_message<Vacancy>("x");
    CHECK_THAT(message, test::starts_with("autoreg: unknown key \"x\" in the vacancy registry"));
    CHECK_THAT(message, has_substr("is empty"));
    CHECK_THAT(message, has_substr("autoreg_link_plugins"));
    CHECK_THAT(message, has_substr("whole-archive"));
    CHECK_THAT(message, !has_substr("Known keys"));
}

TEST_CASE("a non-empty registry's message has no static-library hint", "[errors][unknown_key]") {
    CHECK_THAT(unknown_key_message<Shape>("square"), !has_substr("is empty"));
}

TEST_CASE("non-string keys are printed as numbers", "[errors][unknown_key]") {
    const std::string alarm = unknown_key_message<Alarm>(Level::extreme);
    CHECK_THAT(alarm, test::starts_with("autoreg: unknown key 7 in the alarm registry."));
    CHECK_THAT(alarm, has_substr("Known keys (3): -1, 1, 2."));
    CHECK_THAT(alarm, !has_substr("Did you mean"));
    CHECK_THAT(alarm, !has_substr("\""));

    const std::string channel = unknown_key_message<Channel>(5);
    CHECK_THAT(channel, test::starts_with("autoreg: unknown key 5 in the channel registry."));
    CHECK_THAT(channel, has_substr("Known keys (2): 3, 12."));
}

// ---- Hostile keys -------------------------------------------------------------------

TEST_CASE("keys are quoted with non-printable bytes escaped", "[errors][hostile]") {
    CHECK_THAT(unknown_key_message<Shape>(std::string_view("ci\0rcle", 7)),
               has_substr("unknown key \"ci\\x00rcle\" in"));
    CHECK_THAT(unknown_key_message<Shape>("\xff\xfe"), has_substr("unknown key \"\\xff\\xfe\" in"));
    CHECK_THAT(unknown_key_message<Shape>("line\nbreak\ttab\x7f"),
               has_substr("unknown key \"line\\x0abreak\\x09tab\\x7f\" in"));
    CHECK_THAT(unknown_key_message<Shape>("say \"hi\""),
               has_substr("unknown key \"say \\\"hi\\\"\" in"));
    CHECK_THAT(unknown_key_message<Shape>("a\\b"), has_substr("unknown key \"a\\\\b\" in"));
}

TEST_CASE("messages are printable whatever the key's bytes", "[errors][hostile]") {
    std::string every_byte;
    for (int b = 255; b >= 0; --b) every_byte += static_cast<char>(b);
    for (std::size_t start = 0; start < every_byte.size(); start += 32) {
        const std::string key = every_byte.substr(start, 32);
        const std::string shape = unknown_key_message<Shape>(key);
        const std::string vacancy = unknown_key_message<Vacancy>(key);
        INFO("key bytes from " << start);
        CHECK(test::is_printable_ascii(shape));
        CHECK(test::is_printable_ascii(vacancy));
    }
}

TEST_CASE("keys of up to 64 bytes are shown whole", "[errors][hostile]") {
    const std::string key(64, 'a');
    const std::string message = unknown_key_message<Shape>(key);
    CHECK_THAT(message, has_substr("\"" + key + "\" in the shape registry"));
    CHECK_THAT(message, !has_substr("bytes in all"));
}

TEST_CASE("longer keys are cut to 64 bytes", "[errors][hostile]") {
    const std::string message = unknown_key_message<Shape>(std::string(65, 'a'));
    CHECK_THAT(message, has_substr("\"" + std::string(64, 'a') + "\"... (65 bytes in all)"));
    CHECK_THAT(message, !has_substr(std::string(65, 'a')));

    // Counted in bytes of the key, before escaping.
    const std::string escaped = unknown_key_message<Shape>(std::string(100, '\xff'));
    CHECK(count_of(escaped, "\\xff") == 64);
    CHECK_THAT(escaped, has_substr("... (100 bytes in all)"));
}

TEST_CASE("a 1 MiB key makes a short message, quickly", "[errors][hostile]") {
    std::string key = "circle";
    key.resize(std::size_t{1} << 20, 'x');
    const auto start = std::chrono::steady_clock::now();
    const std::string message = unknown_key_message<Shape>(key);
    const auto elapsed = std::chrono::steady_clock::now() - start;

    CHECK(message.size() < 2048);
    CHECK_THAT(message, test::starts_with("autoreg: unknown key \"circlexxx"));
    CHECK_THAT(message, has_substr("... (1048576 bytes in all)"));
    CHECK_THAT(message, has_substr("Known keys (2): \"circle\", \"disc\"."));
    // Generous: quadratic work on 1 MiB would take hours, not seconds.
    CHECK(elapsed < std::chrono::seconds(2));

    CHECK(Registry<Shape>::try_create(key) == nullptr);
    CHECK_FALSE(Registry<Shape>::contains(key));
}

TEST_CASE("a 1 MiB key against many keys stays bounded too", "[errors][hostile]") {
    const std::string key(std::size_t{1} << 20, 'k');
    const auto start = std::chrono::steady_clock::now();
    const std::string message = unknown_key_message<Crowd>(key);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(message.size() < 2048);
    CHECK(elapsed < std::chrono::seconds(2));
}

// ---- duplicate_key, priorities, conflicts() ----------------------------------------

TEST_CASE("duplicate_key names the key, the registry and both classes", "[errors][duplicate_key]") {
    const std::string message = duplicate_key_message<Component>("clash");
    CHECK_THAT(message, test::starts_with("autoreg: key \"clash\" of the component registry"));
    CHECK_THAT(message, has_substr("is claimed by 2 classes with priority 0: "
                                   "errors_test::ClashA and errors_test::ClashB."));
    CHECK_THAT(message, has_substr("registry_priority"));  // what to do about it
}

TEST_CASE("duplicate_key names every class that shares the top priority",
          "[errors][duplicate_key]") {
    CHECK_THAT(duplicate_key_message<Component>("triple"),
               has_substr("claimed by 3 classes with priority 0: errors_test::TripleA, "
                          "errors_test::TripleB and errors_test::TripleC."));
    const std::string ranked = duplicate_key_message<Component>("ranked");
    CHECK_THAT(ranked, has_substr("claimed by 2 classes with priority 2: errors_test::RankedA and "
                                  "errors_test::RankedB."));
    CHECK_THAT(ranked, !has_substr("RankedLow"));  // outranked: not part of the conflict
}

TEST_CASE("duplicate_key with integer keys prints the number", "[errors][duplicate_key]") {
    CHECK_THAT(
        duplicate_key_message<Channel>(12),
        test::starts_with("autoreg: key 12 of the channel registry is claimed by 2 classes"));
    CHECK(Registry<Channel>::try_create(12) == nullptr);
    CHECK(Registry<Channel>::try_create(3) != nullptr);
}

TEST_CASE("a conflict poisons only its own key", "[errors][duplicate_key]") {
    CHECK(Registry<Component>::try_create("clash") == nullptr);
    CHECK(Registry<Component>::try_create("triple") == nullptr);
    CHECK(Registry<Component>::try_create("ranked") == nullptr);
    CHECK(Registry<Component>::contains("clash"));  // still there, conflicted

    CHECK(Registry<Component>::create("solo")->name() == "Solo");
    CHECK(Registry<Component>::try_create("solo")->name() == "Solo");
    const std::vector<std::string> keys{"clash", "layered", "ranked", "solo", "triple", "under"};
    CHECK(Registry<Component>::keys() == keys);
    CHECK(Registry<Component>::size() == 6);
}

TEST_CASE("the higher registry_priority wins a key silently", "[errors][priority]") {
    CHECK(Registry<Component>::create("layered")->name() == "LayerTop");    // 10 over 4 and 0
    CHECK(Registry<Component>::create("under")->name() == "UnderDefault");  // 0 over -1
    CHECK(Registry<Component>::try_create("layered")->name() == "LayerTop");
}

TEST_CASE("conflicts lists each conflicted key with its classes", "[errors][conflicts]") {
    const auto conflicts = Registry<Component>::conflicts();
    REQUIRE(conflicts.size() == 3);
    CHECK(conflicts[0].key == "clash");
    CHECK(conflicts[0].type_names ==
          std::vector<std::string>{"errors_test::ClashA", "errors_test::ClashB"});
    CHECK(conflicts[1].key == "ranked");
    CHECK(conflicts[1].type_names ==
          std::vector<std::string>{"errors_test::RankedA", "errors_test::RankedB"});
    CHECK(conflicts[2].key == "triple");
    CHECK(conflicts[2].type_names == std::vector<std::string>{"errors_test::TripleA",
                                                              "errors_test::TripleB",
                                                              "errors_test::TripleC"});
}

TEST_CASE("conflicts with integer keys, and none where there are none", "[errors][conflicts]") {
    const auto channel = Registry<Channel>::conflicts();
    REQUIRE(channel.size() == 1);
    CHECK(channel[0].key == 12);
    CHECK(channel[0].type_names.size() == 2);

    CHECK(Registry<Shape>::conflicts().empty());
    CHECK(Registry<Alarm>::conflicts().empty());
}

// ---- Lazy plugins where they cannot be ----------------------------------------

TEST_CASE("index_libraries() fails loudly where it cannot index, and says what to do instead",
          "[errors][plugin_index]") {
    const std::string message = test::message_of<autoreg::error>(
        [] { static_cast<void>(autoreg::index_libraries("no-such-plugin-folder")); });
    CHECK(message.find("no-such-plugin-folder") != std::string::npos);
#if AUTOREG_HAS_PLUGIN_INDEX
    CHECK(message.find("cannot read the plugin folder") != std::string::npos);
#else
    // macOS: libraries are neither ELF nor PE files, and the message says so.
    CHECK(message.find("load_libraries()") != std::string::npos);
#endif
}
