// describe() and leaves() (CONTRACT section 4). describe<Base>() prints, through
// {fmt}, a title "<name> registry: N entries", a header, a line of dashes and
// one row per registration in key order: columns as wide as their widest
// cell, two spaces apart, priorities right-aligned, trailing blanks trimmed.
// The classes are in tests/registrations/describe_drinks.cpp.
#include <autoreg/autoreg.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/describe.hpp"

using autoreg::Registry;
using namespace describe_test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

/// Compares line by line, so that a failure shows the line that differs.
void check_lines(const std::string& text, const std::vector<std::string>& expected) {
    const std::vector<std::string> lines = lines_of(text);
    for (std::size_t i = 0; i < expected.size() && i < lines.size(); ++i) {
        INFO("line " << i);
        CHECK(lines[i] == expected[i]);
    }
    CHECK(lines.size() == expected.size());
    CHECK(text.back() == '\n');
}

}  // namespace

// ---- describe() ------------------------------------------------------------------

// The expected tables are written as they print: clang-format must not wrap them.
// clang-format off
TEST_CASE("describe: a small registry, line by line", "[describe]") {
    check_lines(fmt::format("{}", autoreg::describe<Drink>()),
                {
                    "drink registry: 7 entries",
                    "key           type                        priority  description          parent",
                    "------------  --------------------------  --------  -------------------  --------",
                    "coffee        describe_test::Coffee              0",
                    "doppio        describe_test::Doppio              0                       espresso",
                    "espresso      describe_test::Espresso           -3  short                coffee",
                    "green-tea     describe_test::GreenTea           10  unoxidised           tea",
                    "orange-juice  describe_test::OrangeJuice         0",
                    "tea           describe_test::Tea                 0  leaves in hot water",
                    "water         describe_test::Water               0",
                });
}

TEST_CASE("describe: one entry, and the title says so", "[describe]") {
    check_lines(fmt::format("{}", autoreg::describe<Spoon>()),
                {
                    "spoon registry: 1 entry",
                    "key       type                     priority  description  parent",
                    "--------  -----------------------  --------  -----------  ------",
                    "teaspoon  describe_test::Teaspoon         0",
                });
}

TEST_CASE("describe: integer keys, printed as numbers in numeric order", "[describe][keys]") {
    check_lines(fmt::format("{}", autoreg::describe<Channel>()),
                {
                    "channel registry: 3 entries",
                    "key  type                     priority  description  parent",
                    "---  -----------------------  --------  -----------  ------",
                    "-1   describe_test::TestCard         0  off air",
                    "2    describe_test::News             0",
                    "10   describe_test::LateNews         0               2",
                });
}

// clang-format on

TEST_CASE("describe: an empty registry has its title", "[describe]") {
    const std::string text = fmt::format("{}", autoreg::describe<Saucer>());
    const std::vector<std::string> lines = lines_of(text);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0] == "saucer registry: 0 entries");
    CHECK(lines.size() <= 3);  // at most a header and its dashes: no rows
}

// clang-format off
TEST_CASE("describe: the columns follow the widest cell, as registrations come and go",
          "[describe]") {
    const std::string before = fmt::format("{}", autoreg::describe<Spoon>());
    {
        struct Ladle : Spoon {};
        autoreg::registration r = Registry<Spoon>::add(
            "ladle", [] { return std::make_unique<Ladle>(); },
            autoreg::add_options{12345, "for soup, mostly", "Ladle"});
        check_lines(fmt::format("{}", autoreg::describe<Spoon>()),
                    {
                        "spoon registry: 2 entries",
                        "key       type                     priority  description       parent",
                        "--------  -----------------------  --------  ----------------  ------",
                        "ladle     Ladle                       12345  for soup, mostly",
                        "teaspoon  describe_test::Teaspoon         0",
                    });
    }
    CHECK(fmt::format("{}", autoreg::describe<Spoon>()) == before);
}
// clang-format on

TEST_CASE("describe: the same registry prints the same text every time", "[describe]") {
    const std::string first = fmt::format("{}", autoreg::describe<Drink>());
    for (int i = 0; i < 10; ++i) CHECK(fmt::format("{}", autoreg::describe<Drink>()) == first);
}

TEST_CASE("describe: terminal-friendly text", "[describe]") {
    const std::string text = fmt::format("{}", autoreg::describe<Drink>());
    CHECK(text.find('\t') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    const std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() == 10);
    for (const std::string& line : lines) {
        INFO(line);
        REQUIRE_FALSE(line.empty());
        CHECK(line.back() != ' ');
    }
    // Every column starts where its heading starts.
    const std::string& header = lines[1];
    for (const char* heading : {"type", "priority", "description", "parent"}) {
        const std::size_t column = header.find(heading);
        REQUIRE(column != std::string::npos);
        CHECK(lines[2][column - 1] == ' ');
        CHECK(lines[2][column - 2] == ' ');
        CHECK(lines[2][column] == '-');
    }
}

TEST_CASE("describe: the value is the table as a string, however it is printed", "[describe]") {
    const autoreg::description d = autoreg::describe<Drink>();
    const std::string& text = d;
    CHECK(text.rfind("drink registry: 7 entries\nkey ", 0) == 0);
    CHECK(fmt::format("{}", d) == text);
    CHECK(fmt::format("[{}]", d) == "[" + text + "]");
    std::ostringstream out;
    out << d;
    CHECK(out.str() == text);
    CHECK(std::string(autoreg::describe<Drink>()) == text);  // the same at every call
}

TEST_CASE("describe: the value lists the entries, title apart", "[describe]") {
    const autoreg::description d = autoreg::describe<Drink>();
    CHECK(d.title == "drink registry: 7 entries");
    REQUIRE(d.rows.size() == 7);
    CHECK(d.rows[2][0] == "espresso");
    CHECK(d.rows[2][1] == "describe_test::Espresso");
    CHECK(d.rows[2][2] == "-3");
    CHECK(d.rows[2][3] == "short");
    CHECK(d.rows[2][4] == "coffee");
}

// ---- leaves() ----------------------------------------------------------------------

TEST_CASE("leaves: the keys no registered class names as its Parent, sorted", "[leaves]") {
    // coffee, espresso and tea are Parents; orange-juice's Parent is abstract.
    CHECK(Registry<Drink>::leaves() ==
          std::vector<std::string>{"doppio", "green-tea", "orange-juice", "water"});
}

TEST_CASE("leaves: integer keys in numeric order", "[leaves][keys]") {
    CHECK(Registry<Channel>::leaves() == std::vector<int>{-1, 10});
}

TEST_CASE("leaves: one class, none, and hand registrations", "[leaves]") {
    CHECK(Registry<Spoon>::leaves() == std::vector<std::string>{"teaspoon"});
    CHECK(Registry<Saucer>::leaves().empty());
    struct Ladle : Spoon {};
    autoreg::registration r =
        Registry<Spoon>::add("ladle", [] { return std::make_unique<Ladle>(); });
    CHECK(Registry<Spoon>::leaves() == std::vector<std::string>{"ladle", "teaspoon"});
    r.reset();
    CHECK(Registry<Spoon>::leaves() == std::vector<std::string>{"teaspoon"});
}

TEST_CASE("leaves agree with the parents entries name", "[leaves]") {
    std::vector<std::string> named_as_parent;
    for (const auto& e : Registry<Drink>::entries()) {
        if (e.parent) named_as_parent.push_back(*e.parent);
    }
    const std::vector<std::string> leaves = Registry<Drink>::leaves();
    for (const std::string& key : Registry<Drink>::keys()) {
        INFO(key);
        const bool is_parent =
            std::find(named_as_parent.begin(), named_as_parent.end(), key) != named_as_parent.end();
        const bool is_leaf = std::find(leaves.begin(), leaves.end(), key) != leaves.end();
        CHECK(is_leaf != is_parent);
    }
}
