// Plugins as they are used: shared libraries built with -fvisibility=hidden,
// loaded and unloaded at run time by a host that exports its registries.
#include "catch.hpp"
#include "widget.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

std::mutex notes_mutex;
std::map<std::string, int> notes;

int note_count(const std::string& event) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    return notes[event];
}

const std::string plugin_dir = AUTOREG_TEST_PLUGIN_DIR;
const std::string broken_dir = AUTOREG_TEST_BROKEN_DIR;
const std::string alpha_path = plugin_dir + "/libalpha.so";
const std::string beta_path = plugin_dir + "/libbeta.so";
const std::string gamma_path = std::string(AUTOREG_TEST_FIRST_USER_DIR) + "/libgamma.so";

using widgets = autoreg::Registry<Widget>;

std::string error_of(const std::string& path) {
    try {
        autoreg::library lib = autoreg::load_library(path);
    } catch (const autoreg::error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

extern "C" void plugin_test_note(const char* event) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    ++notes[event];
}

TEST_CASE("a plugin's classes register as it loads and disappear as it unloads") {
    REQUIRE_FALSE(widgets::contains("alpha"));
    {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        CHECK(alpha);
        CHECK(alpha.path() == alpha_path);
        REQUIRE(widgets::contains("alpha"));
        CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    }
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK(widgets::try_create("alpha") == nullptr);
    CHECK_THROWS_AS(widgets::create("alpha"), autoreg::unknown_key);

    autoreg::library again = autoreg::load_library(alpha_path);
    CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    again.unload();
    CHECK_FALSE(again);
    CHECK_FALSE(widgets::contains("alpha"));
}

TEST_CASE("a registry a plugin used first outlives the plugin") {
    {
        autoreg::library gamma = autoreg::load_library(gamma_path);
        REQUIRE(note_count("gamma saw no gadgets") == 1);
    }
    // The registry's state, which the plugin made, must not refer to the
    // plugin's memory any more (it once kept the plugin's copy of its name).
    CHECK(autoreg::Registry<Gadget>::size() == 0);
    CHECK_FALSE(autoreg::Registry<Gadget>::contains("gadget"));
    CHECK(autoreg::Registry<Gadget>::try_create("gadget") == nullptr);
}

TEST_CASE("a moved library handle unloads once, from where it ends up") {
    autoreg::library first = autoreg::load_library(alpha_path);
    autoreg::library second = std::move(first);
    CHECK_FALSE(first);
    CHECK(widgets::contains("alpha"));
    second = autoreg::library();
    CHECK_FALSE(widgets::contains("alpha"));
}

TEST_CASE("two handles to one library keep it until both are gone") {
    autoreg::library first = autoreg::load_library(alpha_path);
    {
        autoreg::library second = autoreg::load_library(alpha_path);
        CHECK(widgets::contains("alpha"));
    }
    CHECK(widgets::contains("alpha"));
    first.unload();
    CHECK_FALSE(widgets::contains("alpha"));
}

TEST_CASE("a thousand load and unload cycles leave the registry as it was") {
    const auto keys_before = widgets::keys();
    for (int cycle = 0; cycle < 1000; ++cycle) {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        REQUIRE(widgets::size() == keys_before.size() + 3);
        REQUIRE(widgets::create("alpha")->origin() == "plugin alpha");
    }
    CHECK(widgets::keys() == keys_before);
}

TEST_CASE("load_libraries loads every shared library of a folder in name order") {
    // The folder also holds notes.txt and a directory named skipped.so.
    std::vector<autoreg::library> loaded = autoreg::load_libraries(plugin_dir);
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0].path() == alpha_path);
    CHECK(loaded[1].path() == beta_path);
    CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    CHECK(widgets::create("beta")->origin() == "plugin beta");
    loaded.clear();
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK_FALSE(widgets::contains("beta"));
}

TEST_CASE("a plugin's key that collides with the host's poisons only that key, until it unloads") {
    CHECK(widgets::create("host")->origin() == "host");
    {
        autoreg::library beta = autoreg::load_library(beta_path);
        try {
            widgets::create("host");
            FAIL("create of a conflicted key must throw");
        } catch (const autoreg::duplicate_key& e) {
            CHECK_THAT(e.what(), test::has_substr("\"host\""));
            CHECK_THAT(e.what(), test::has_substr("HostWidget"));
            CHECK_THAT(e.what(), test::has_substr("BetaImpostor"));
        }
        CHECK(widgets::contains("host"));
        CHECK(widgets::create("beta")->origin() == "plugin beta");
        REQUIRE(widgets::conflicts().size() == 1);
        CHECK(widgets::conflicts()[0].key == "host");
    }
    CHECK(widgets::conflicts().empty());
    CHECK(widgets::create("host")->origin() == "host");
}

TEST_CASE("shared() instances a plugin made are released before it unloads") {
    const int destroyed_before = note_count("alpha-service destroyed");
    {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        auto first = widgets::shared("alpha-service");
        CHECK(first == widgets::shared("alpha-service"));
        CHECK(first->origin() == "plugin alpha service");
    }
    // The registry held the last reference; the destructor ran in the plugin
    // while it was still loaded (after, it would have crashed).
    CHECK(note_count("alpha-service destroyed") == destroyed_before + 1);

    autoreg::library alpha = autoreg::load_library(alpha_path);
    auto fresh = widgets::shared("alpha-service");
    CHECK(fresh->origin() == "plugin alpha service");
}

TEST_CASE("libraries that fail to load give the path and the loader's reason") {
    const std::size_t size_before = widgets::size();

    const std::string missing = plugin_dir + "/libmissing.so";
    std::string message = error_of(missing);
    CHECK_THAT(message, test::starts_with("autoreg: cannot load library " + missing + ": "));
    CHECK_THAT(message, test::has_substr("No such file"));

    const std::string not_elf = broken_dir + "/libnot_a_library.so";
    message = error_of(not_elf);
    CHECK_THAT(message, test::starts_with("autoreg: cannot load library " + not_elf + ": "));
    CHECK(message.size() > ("autoreg: cannot load library " + not_elf + ": ").size());

    const std::string unresolved = broken_dir + "/libunresolved.so";
    message = error_of(unresolved);
    CHECK_THAT(message, test::has_substr(unresolved));
    CHECK_THAT(message, test::has_substr("plugin_test_symbol_nobody_defines"));

    CHECK(widgets::size() == size_before);
    CHECK_FALSE(widgets::contains("unresolved"));
}

TEST_CASE("load_libraries of a missing folder names the folder") {
    const std::string folder = plugin_dir + "/no-such-folder";
    try {
        autoreg::load_libraries(folder);
        FAIL("a missing folder must throw");
    } catch (const autoreg::error& e) {
        CHECK_THAT(e.what(), test::has_substr(folder));
        CHECK_THAT(e.what(), test::has_substr("No such file or directory"));
    }
}

TEST_CASE("load_libraries of a folder with a broken library unloads what it loaded") {
    CHECK_THROWS_AS(autoreg::load_libraries(broken_dir), autoreg::error);
    CHECK_FALSE(widgets::contains("unresolved"));
}

TEST_CASE("a discovery that loads plugins runs once for concurrent first accesses") {
    std::vector<autoreg::library> plugins;
    std::atomic<int> runs{0};
    widgets::set_discovery([&] {
        ++runs;
        plugins = autoreg::load_libraries(plugin_dir);
        // The discovery may use its own registry.
        CHECK(widgets::contains("alpha"));
    });
    std::vector<std::thread> threads;
    std::atomic<int> found{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (widgets::create("beta")->origin() == "plugin beta") ++found;
        });
    }
    for (auto& t : threads) t.join();
    CHECK(runs == 1);
    CHECK(found == 8);
    CHECK(widgets::contains("alpha"));
    plugins.clear();
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK(runs == 1);
}

TEST_CASE("lookups run safely while another thread loads and unloads a plugin") {
    std::atomic<bool> stop{false};
    std::atomic<long> hits{0};
    std::atomic<long> wrong{0};
    auto reader = [&] {
        while (!stop.load()) {
            // Made by the plugin's factory, of host code: it may outlive the plugin.
            if (auto w = widgets::try_create("alpha-made")) {
                if (w->origin() == "made in the host") {
                    ++hits;
                } else {
                    ++wrong;
                }
            }
            static_cast<void>(widgets::contains("alpha"));
            if (widgets::create("host")->origin() != "host") ++wrong;
        }
    };
    std::thread first(reader);
    std::thread second(reader);
    for (int cycle = 0; cycle < 200; ++cycle) {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        std::this_thread::yield();
    }
    stop = true;
    first.join();
    second.join();
    CHECK(wrong == 0);
    CHECK_FALSE(widgets::contains("alpha-made"));
    INFO("creates that found the plugin loaded: " << hits.load());
}
