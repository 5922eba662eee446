// Registering by hand (CONTRACT section 7): Registry<Base>::add(key, factory)
// and the autoreg::registration it returns, and autoreg::Registrar for
// classes that cannot inherit the mixin. The static classes these tests
// meet ("greet", "motd", "sharpen", 0, "zstd") are in
// tests/registrations/by_hand_static.cpp.
//
// The tests tagged [concurrency] remove registrations while other threads
// create: run them under ThreadSanitizer too (ctest -L concurrency).
#include <autoreg/autoreg.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/by_hand.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace by_hand_test;

namespace by_hand_test {

/// A named factory type: entries() shows its name as the type.
struct MakeEcho {
    std::string text;
    std::unique_ptr<Command> operator()() const { return std::make_unique<Echo>(text); }
};

/// Callable only as const; counts its calls through a pointer.
struct CountingFactory {
    int* calls;
    std::unique_ptr<Command> operator()() const {
        ++*calls;
        return std::make_unique<Echo>("counted");
    }
};

}  // namespace by_hand_test

namespace {

using Commands = Registry<Command>;

auto echo(std::string text) {
    return [text = std::move(text)] { return std::make_unique<Echo>(text); };
}

std::string run(std::string_view key) {
    std::unique_ptr<Command> command = Commands::create(key);
    REQUIRE(command != nullptr);
    return command->run();
}

std::vector<Commands::entry> entries_under(std::string_view key) {
    std::vector<Commands::entry> out;
    for (const auto& e : Commands::entries()) {
        if (e.key == key) out.push_back(e);
    }
    return out;
}

bool has_key(const std::vector<std::string>& keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

// ---- add() and registration ----------------------------------------------------

TEST_CASE("add registers a factory until its registration is destroyed", "[by_hand][add]") {
    REQUIRE_FALSE(Commands::contains("hello"));
    {
        autoreg::registration r = Commands::add("hello", echo("hello, world"));
        CHECK(r);
        CHECK(Commands::contains("hello"));
        CHECK(run("hello") == "hello, world");
        CHECK(Commands::try_create("hello")->run() == "hello, world");
        CHECK(has_key(Commands::keys(), "hello"));
    }
    CHECK_FALSE(Commands::contains("hello"));
    CHECK(Commands::try_create("hello") == nullptr);
    CHECK_THROWS_AS(Commands::create("hello"), autoreg::unknown_key);
    CHECK_FALSE(has_key(Commands::keys(), "hello"));
    CHECK(run("greet") == "hello from Greet");  // the static class is untouched
}

TEST_CASE("factories may capture, and each create calls the factory anew", "[by_hand][add]") {
    int calls = 0;
    const std::string greeting = "captured text";
    autoreg::registration r = Commands::add("capture", [&calls, greeting] {
        ++calls;
        return std::make_unique<Echo>(greeting + " #" + std::to_string(calls));
    });
    CHECK(run("capture") == "captured text #1");
    CHECK(run("capture") == "captured text #2");
    std::unique_ptr<Command> a = Commands::create("capture");
    std::unique_ptr<Command> b = Commands::create("capture");
    CHECK(a.get() != b.get());
    CHECK(calls == 4);
}

TEST_CASE("one factory per line of a configuration file, each with its own data",
          "[by_hand][add][config]") {
    const std::string config =
        "# name=text\n"
        "hello=Hello, world\n"
        "bye=See you tomorrow\n"
        "\n"
        "shout=HEY=YOU\n";  // only the first '=' separates

    std::vector<autoreg::registration> commands;
    std::istringstream in(config);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t equals = line.find('=');
        commands.push_back(Commands::add(
            line.substr(0, equals),
            [text = line.substr(equals + 1)] { return std::make_unique<Echo>(text); },
            autoreg::add_options{0, "from the configuration", "config command"}));
    }
    REQUIRE(commands.size() == 3);

    CHECK(run("hello") == "Hello, world");
    CHECK(run("bye") == "See you tomorrow");
    CHECK(run("shout") == "HEY=YOU");
    const std::vector<std::string> keys = Commands::keys();
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    for (std::string_view key : {"bye", "greet", "hello", "motd", "shout"}) {
        INFO(key);
        CHECK(has_key(keys, key));
    }
    const auto bye = entries_under("bye");
    REQUIRE(bye.size() == 1);
    CHECK(bye[0].type_name == "config command");
    CHECK(bye[0].description == "from the configuration");

    // Reloading the configuration: dropping the handles drops the commands.
    commands.clear();
    for (std::string_view key : {"hello", "bye", "shout"}) {
        INFO(key);
        CHECK_FALSE(Commands::contains(key));
    }
    CHECK(Commands::contains("greet"));
}

TEST_CASE("a registration is movable: the entry follows the handle", "[by_hand][registration]") {
    autoreg::registration outer;
    CHECK_FALSE(outer);
    {
        autoreg::registration inner = Commands::add("moved", echo("moved text"));
        autoreg::registration middle(std::move(inner));
        CHECK_FALSE(inner);  // NOLINT(bugprone-use-after-move): moved-from is empty
        CHECK(middle);
        outer = std::move(middle);
        CHECK_FALSE(middle);  // NOLINT(bugprone-use-after-move)
        CHECK(outer);
    }  // the moved-from handles are destroyed: they own nothing
    CHECK(Commands::contains("moved"));
    CHECK(run("moved") == "moved text");
    outer = autoreg::registration();  // move-assigning over it drops its entry
    CHECK_FALSE(Commands::contains("moved"));
}

TEST_CASE("move-assigning a registration removes the entry it owned before",
          "[by_hand][registration]") {
    autoreg::registration a = Commands::add("first", echo("1"));
    autoreg::registration b = Commands::add("second", echo("2"));
    a = std::move(b);
    CHECK_FALSE(Commands::contains("first"));
    CHECK(Commands::contains("second"));
    CHECK(run("second") == "2");
    CHECK(a);
    CHECK_FALSE(b);  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("registrations in a growing vector keep their entries", "[by_hand][registration]") {
    const std::size_t before = Commands::size();
    std::vector<autoreg::registration> all;  // no reserve: it reallocates, moving them
    for (int i = 0; i < 100; ++i)
        all.push_back(Commands::add("cmd-" + std::to_string(i), echo(std::to_string(i))));
    for (int i = 0; i < 100; ++i) {
        INFO(i);
        CHECK(run("cmd-" + std::to_string(i)) == std::to_string(i));
    }
    CHECK(Commands::size() == before + 100);
    all.erase(all.begin() + 10, all.begin() + 20);
    CHECK(Commands::size() == before + 90);
    CHECK_FALSE(Commands::contains("cmd-15"));
    CHECK(Commands::contains("cmd-9"));
    CHECK(Commands::contains("cmd-20"));
}

TEST_CASE("release keeps the entry for the program's life", "[by_hand][registration]") {
    {
        autoreg::registration r = Commands::add("forever", echo("still here"));
        r.release();
        CHECK_FALSE(r);
    }
    CHECK(Commands::contains("forever"));
    CHECK(run("forever") == "still here");
}

TEST_CASE("reset removes the entry at once", "[by_hand][registration]") {
    autoreg::registration r = Commands::add("short-lived", echo("brief"));
    REQUIRE(Commands::contains("short-lived"));
    r.reset();
    CHECK_FALSE(r);
    CHECK_FALSE(Commands::contains("short-lived"));
    r.reset();  // again: nothing to do
    r.release();
    CHECK_FALSE(Commands::contains("short-lived"));
    CHECK(Commands::contains("greet"));
}

TEST_CASE("the factory object lives exactly as long as its entry", "[by_hand][registration]") {
    auto token = std::make_shared<int>(0);
    autoreg::registration r =
        Commands::add("token", [token] { return std::make_unique<Echo>("token"); });
    CHECK(token.use_count() == 2);  // one copy, kept with the entry
    (void)Commands::create("token");
    CHECK(token.use_count() == 2);  // creating copies nothing that stays
    r.reset();
    CHECK(token.use_count() == 1);

    autoreg::registration kept =
        Commands::add("kept-token", [token] { return std::make_unique<Echo>("kept"); });
    kept.release();
    CHECK(token.use_count() == 2);  // released: kept for the program's life
}

TEST_CASE("a factory callable only as const works", "[by_hand][add]") {
    int calls = 0;
    autoreg::registration r = Commands::add("counting", CountingFactory{&calls});
    CHECK(run("counting") == "counted");
    CHECK(run("counting") == "counted");
    CHECK(calls == 2);
}

TEST_CASE("add with an empty key throws autoreg::error and registers nothing", "[by_hand][add]") {
    const std::size_t before = Commands::size();
    const std::string message = test::message_of<autoreg::error>(
        [] { autoreg::registration r = Commands::add("", echo("nothing")); });
    CHECK_THAT(message, test::has_substr("autoreg:"));
    CHECK_THAT(message, test::has_substr("command registry"));
    CHECK_THAT(message, test::has_substr("non-empty key"));
    CHECK(Commands::size() == before);
    CHECK_FALSE(Commands::contains(""));
    CHECK_THROWS_AS(Commands::add(std::string(), echo("nothing")), autoreg::error);
}

TEST_CASE("add with constructor_args: the factory takes them", "[by_hand][add][constructor_args]") {
    struct Custom : Filter {
        using Filter::Filter;
        std::string name() const override { return "custom"; }
    };
    autoreg::registration r = Registry<Filter>::add(
        "custom", [](int level) { return std::make_unique<Custom>(level * 2); });
    std::unique_ptr<Filter> filter = Registry<Filter>::create("custom", 21);
    REQUIRE(filter != nullptr);
    CHECK(filter->name() == "custom");
    CHECK(filter->level() == 42);
    CHECK(Registry<Filter>::try_create("custom", 1)->level() == 2);
    CHECK(Registry<Filter>::create("sharpen", 5)->level() == 5);
}

TEST_CASE("add with integer keys", "[by_hand][add][keys]") {
    struct Numbered : Opcode {
        explicit Numbered(int c) : c_(c) {}
        int code() const override { return c_; }
        int c_;
    };
    autoreg::registration seven =
        Registry<Opcode>::add(7, [] { return std::make_unique<Numbered>(7); });
    autoreg::registration minus =
        Registry<Opcode>::add(-1, [] { return std::make_unique<Numbered>(-1); });
    CHECK(Registry<Opcode>::keys() == std::vector<int>{-1, 0, 7});
    CHECK(Registry<Opcode>::create(7)->code() == 7);
    CHECK(Registry<Opcode>::create(-1)->code() == -1);
    CHECK(Registry<Opcode>::create(0)->code() == 0);  // the static class

    // Key 0 is a key like any other for an integer registry.
    autoreg::registration zero = Registry<Opcode>::add(
        0, [] { return std::make_unique<Numbered>(100); }, autoreg::add_options{1, {}, {}});
    CHECK(Registry<Opcode>::create(0)->code() == 100);
    zero.reset();
    CHECK(Registry<Opcode>::create(0)->code() == 0);
}

// ---- Entries of hand registrations -----------------------------------------------

TEST_CASE("entries: a hand registration's priority, description and type name",
          "[by_hand][entries]") {
    autoreg::registration r = Commands::add("described", MakeEcho{"x"},
                                            autoreg::add_options{-4, "made by hand", "Custom"});
    const auto found = entries_under("described");
    REQUIRE(found.size() == 1);
    CHECK(found[0].priority == -4);
    CHECK(found[0].description == "made by hand");
    CHECK(found[0].type_name == "Custom");
    CHECK_FALSE(found[0].parent.has_value());
}

TEST_CASE("entries: without add_options, the type name is the factory's type",
          "[by_hand][entries]") {
    autoreg::registration named = Commands::add("named", MakeEcho{"named"});
    autoreg::registration lambda = Commands::add("lambda", echo("lambda"));
    const auto n = entries_under("named");
    REQUIRE(n.size() == 1);
    CHECK(n[0].type_name == "by_hand_test::MakeEcho");
    CHECK(n[0].priority == 0);
    CHECK(n[0].description.empty());
    const auto l = entries_under("lambda");
    REQUIRE(l.size() == 1);
    CHECK_THAT(l[0].type_name, test::has_substr("lambda"));
}

TEST_CASE("hand registrations show in size, keys and leaves", "[by_hand][entries]") {
    const std::size_t before = Commands::size();
    autoreg::registration r = Commands::add("listed", echo("listed"));
    CHECK(Commands::size() == before + 1);
    CHECK(has_key(Commands::keys(), "listed"));
    CHECK(has_key(Commands::leaves(), "listed"));
    r.reset();
    CHECK(Commands::size() == before);
    CHECK_FALSE(has_key(Commands::leaves(), "listed"));
}

// ---- Priorities and conflicts with static registrations --------------------------

TEST_CASE(
    "a hand registration of higher priority overrides a static class, and only while it "
    "lives",
    "[by_hand][priority]") {
    REQUIRE(run("greet") == "hello from Greet");
    {
        autoreg::registration r =
            Commands::add("greet", echo("hello by hand"), autoreg::add_options{1, {}, {}});
        CHECK(run("greet") == "hello by hand");
        CHECK(Commands::conflicts().empty());
        CHECK(entries_under("greet").size() == 2);
        CHECK(entries_under("greet")[0].priority == 1);  // the winner first
    }
    CHECK(run("greet") == "hello from Greet");  // restored: the static entry was never touched
    CHECK(entries_under("greet").size() == 1);
}

TEST_CASE("a hand registration of lower priority is listed but never used", "[by_hand][priority]") {
    autoreg::registration r = Commands::add("motd", echo("by hand"));  // motd has priority 3
    CHECK(run("motd") == "motd from MessageOfTheDay");
    CHECK(Commands::conflicts().empty());
    const auto motd = entries_under("motd");
    REQUIRE(motd.size() == 2);
    CHECK(motd[0].priority == 3);
    CHECK(motd[1].priority == 0);
    r.reset();
    CHECK(run("motd") == "motd from MessageOfTheDay");
    CHECK(entries_under("motd").size() == 1);
}

TEST_CASE("a hand registration with a static class's key and priority is a conflict",
          "[by_hand][conflict]") {
    autoreg::registration r =
        Commands::add("greet", echo("clash"), autoreg::add_options{0, {}, "HandGreet"});
    CHECK(Commands::contains("greet"));
    CHECK(Commands::try_create("greet") == nullptr);
    const std::string message =
        test::message_of<autoreg::duplicate_key>([] { Commands::create("greet"); });
    CHECK_THAT(message, test::has_substr("\"greet\""));
    CHECK_THAT(message, test::has_substr("by_hand_test::Greet"));
    CHECK_THAT(message, test::has_substr("HandGreet"));
    const auto conflicts = Commands::conflicts();
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].key == "greet");
    CHECK(conflicts[0].type_names.size() == 2);
    CHECK(run("motd") == "motd from MessageOfTheDay");  // other keys keep working

    r.reset();
    CHECK(run("greet") == "hello from Greet");
    CHECK(Commands::conflicts().empty());
}

TEST_CASE("two hand registrations under one key: priorities, conflicts, and removal of either",
          "[by_hand][conflict]") {
    autoreg::registration low =
        Commands::add("dup", echo("low"), autoreg::add_options{1, {}, "Low"});
    autoreg::registration high =
        Commands::add("dup", echo("high"), autoreg::add_options{2, {}, "High"});
    CHECK(run("dup") == "high");
    high.reset();
    CHECK(run("dup") == "low");  // the one left wins again

    autoreg::registration same =
        Commands::add("dup", echo("same"), autoreg::add_options{1, {}, "Same"});
    CHECK_THROWS_AS(Commands::create("dup"), autoreg::duplicate_key);
    low.reset();  // removes "low" only, and with it the conflict
    CHECK(run("dup") == "same");
    same.reset();
    CHECK_FALSE(Commands::contains("dup"));
}

// An index of up to 64 registrations is built in working memory on the
// stack, a larger one on the heap: both group and order keys alike.
TEST_CASE("registries of every size around the build's stack limit find every key",
          "[by_hand][conflict]") {
    const std::size_t statics = Commands::size();
    for (const std::size_t added :
         {std::size_t{40}, std::size_t{63}, std::size_t{64}, std::size_t{65}, std::size_t{300}}) {
        INFO(statics + added << " registrations");
        std::vector<autoreg::registration> held;
        // The last two share a key: the higher priority wins, in both orders.
        for (std::size_t i = 0; i + 2 < added; ++i) {
            const std::string key = "sized-" + std::to_string(i);
            held.push_back(Commands::add(key, echo(key)));
        }
        held.push_back(
            Commands::add("sized-shared", echo("low"), autoreg::add_options{1, {}, "Low"}));
        held.push_back(
            Commands::add("sized-shared", echo("high"), autoreg::add_options{2, {}, "High"}));
        CHECK(Commands::size() == statics + added - 1);
        for (std::size_t i = 0; i + 2 < added; ++i) {
            const std::string key = "sized-" + std::to_string(i);
            CHECK(run(key) == key);
        }
        CHECK(run("sized-shared") == "high");
        const auto shared = entries_under("sized-shared");
        REQUIRE(shared.size() == 2);
        CHECK(shared[0].type_name == "High");
        CHECK(run("greet") == "hello from Greet");
        held.clear();
        CHECK(Commands::size() == statics);
    }
}

// ---- Registrar ---------------------------------------------------------------------

TEST_CASE("Registrar registers a class that cannot inherit the mixin", "[by_hand][registrar]") {
    std::unique_ptr<Codec> zstd = Registry<Codec>::create("zstd");
    REQUIRE(zstd != nullptr);
    CHECK(zstd->name() == "zstd");
    CHECK(dynamic_cast<vendor::ZstdCodec*>(zstd.get()) != nullptr);

    const auto entries = Registry<Codec>::entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].key == "zstd");
    CHECK(entries[0].type_name == "by_hand_test::vendor::ZstdCodec");
    CHECK(entries[0].description == "fast, good ratio");
    CHECK(entries[0].priority == 0);
}

TEST_CASE("a Registrar object registers while it lives", "[by_hand][registrar]") {
    REQUIRE_FALSE(Registry<Codec>::contains("lz4"));
    {
        const autoreg::Registrar<Codec, vendor::Lz4Codec> lz4{"lz4"};
        CHECK(Registry<Codec>::create("lz4")->name() == "lz4");
        CHECK(Registry<Codec>::keys() == std::vector<std::string>{"lz4", "zstd"});
    }
    CHECK_FALSE(Registry<Codec>::contains("lz4"));
    CHECK(Registry<Codec>::keys() == std::vector<std::string>{"zstd"});
}

TEST_CASE("Registrar with add_options follows the priority rules", "[by_hand][registrar]") {
    {
        // A second class under "zstd", outranking the static Registrar.
        const autoreg::Registrar<Codec, vendor::Lz4Codec> override{
            "zstd", autoreg::add_options{1, "not really zstd", {}}};
        CHECK(Registry<Codec>::create("zstd")->name() == "lz4");
        const auto entries = Registry<Codec>::entries();
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].type_name == "by_hand_test::vendor::Lz4Codec");
        CHECK(entries[0].description == "not really zstd");
        CHECK(entries[0].priority == 1);
    }
    CHECK(Registry<Codec>::create("zstd")->name() == "zstd");
    {
        const autoreg::Registrar<Codec, vendor::Lz4Codec> clash{"zstd"};
        CHECK_THROWS_AS(Registry<Codec>::create("zstd"), autoreg::duplicate_key);
    }
    CHECK(Registry<Codec>::create("zstd")->name() == "zstd");
}

TEST_CASE("Registrar with constructor_args", "[by_hand][registrar][constructor_args]") {
    const autoreg::Registrar<Filter, vendor::BlurFilter> blur{"blur"};
    std::unique_ptr<Filter> filter = Registry<Filter>::create("blur", 9);
    REQUIRE(filter != nullptr);
    CHECK(filter->name() == "blur");
    CHECK(filter->level() == 9);
}

// ---- Concurrency -------------------------------------------------------------------

namespace {

/// Set by the main thread once a registration's destructor has returned; a
/// factory that finds its flag set was called after its removal.
struct removal_flags {
    static constexpr int count = 4096;
    std::atomic<bool> removed[count]{};
};

}  // namespace

TEST_CASE("create on other threads while registrations are removed and added again",
          "[by_hand][concurrency]") {
    constexpr int reader_count = 4;
    constexpr int rounds = 1500;
    removal_flags flags;
    std::atomic<int> late_calls{0};
    std::atomic<int> wrong_objects{0};
    std::atomic<int> lost_static{0};
    std::atomic<long> made{0};
    std::atomic<bool> stop{false};

    const auto factory_for = [&](int generation) {
        return [&flags, &late_calls, generation] {
            if (flags.removed[generation].load()) late_calls.fetch_add(1);
            return std::make_unique<Echo>("gen-" + std::to_string(generation));
        };
    };

    std::vector<std::thread> readers;
    for (int t = 0; t < reader_count; ++t) {
        readers.emplace_back([&, t] {
            while (!stop.load()) {
                std::unique_ptr<Command> c;
                if (t % 2 == 0) {
                    c = Commands::try_create("volatile");
                } else {
                    try {
                        c = Commands::create("volatile");
                    } catch (const autoreg::unknown_key&) {
                    }
                }
                if (c != nullptr) {
                    made.fetch_add(1);
                    if (c->run().rfind("gen-", 0) != 0) wrong_objects.fetch_add(1);
                }
                // Every rebuild must keep the other keys.
                std::unique_ptr<Command> greet = Commands::try_create("greet");
                if (greet == nullptr || greet->run() != "hello from Greet")
                    lost_static.fetch_add(1);
            }
        });
    }

    // Wait until the readers run, so that removals overlap their lookups.
    autoreg::registration current = Commands::add("volatile", factory_for(0));
    int generation = 0;
    while (made.load() == 0) std::this_thread::yield();
    for (int round = 0; round < rounds; ++round) {
        const int old_generation = generation;
        generation = (generation + 1) % removal_flags::count;
        flags.removed[generation].store(false);
        if (round % 3 == 0) {
            // Remove, then add: a moment without the key.
            current.reset();
            flags.removed[old_generation].store(true);
            current = Commands::add("volatile", factory_for(generation));
        } else {
            // Add a higher priority before removing the old one: never absent.
            autoreg::registration next = Commands::add("volatile", factory_for(generation),
                                                       autoreg::add_options{round, {}, {}});
            current = std::move(next);  // destroys the old registration
            flags.removed[old_generation].store(true);
        }
    }
    current.reset();
    flags.removed[generation].store(true);
    stop.store(true);
    for (std::thread& reader : readers) reader.join();

    CHECK(made.load() > 0);
    CHECK(late_calls.load() == 0);
    CHECK(wrong_objects.load() == 0);
    CHECK(lost_static.load() == 0);
    CHECK_FALSE(Commands::contains("volatile"));
}

TEST_CASE("threads adding and removing their own keys while others create",
          "[by_hand][concurrency]") {
    constexpr int writer_count = 3;
    constexpr int rounds = 300;
    std::atomic<int> mistakes{0};
    std::atomic<int> writers_done{0};

    std::vector<std::thread> threads;
    for (int w = 0; w < writer_count; ++w) {
        threads.emplace_back([&, w] {
            for (int round = 0; round < rounds; ++round) {
                const std::string key = "writer-" + std::to_string(w) + "-" + std::to_string(round);
                autoreg::registration r = Commands::add(key, echo(key));
                std::unique_ptr<Command> made = Commands::try_create(key);
                if (made == nullptr || made->run() != key) mistakes.fetch_add(1);
                r.reset();
                if (Commands::contains(key)) mistakes.fetch_add(1);
            }
            writers_done.fetch_add(1);
        });
    }
    threads.emplace_back([&] {
        while (writers_done.load() != writer_count) {
            std::unique_ptr<Command> greet = Commands::try_create("greet");
            if (greet == nullptr || greet->run() != "hello from Greet") mistakes.fetch_add(1);
            const std::vector<std::string> keys = Commands::keys();
            if (!std::is_sorted(keys.begin(), keys.end()) || !has_key(keys, "motd"))
                mistakes.fetch_add(1);
        }
    });
    for (std::thread& thread : threads) thread.join();

    CHECK(mistakes.load() == 0);
    for (const std::string& key : Commands::keys()) {
        INFO(key);
        CHECK(key.rfind("writer-", 0) != 0);
    }
}
