// Lazy plugins (contract section 11): a folder indexed from its files, each
// library loaded by the first create() of one of its keys. Every test case
// runs in a process of its own, on a copy of the plugins in a folder of its
// own, so that it can rebuild, replace and corrupt them. On Linux the
// plugins are ELF shared objects; on Windows (run under Wine), PE DLLs.
#include <autoreg/autoreg.hpp>
#include <fmt/core.h>

#if defined(_WIN32)
#include <process.h>
#else
#include <dlfcn.h>
#include <unistd.h>
#endif

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"
#include "colour.hpp"

using autoreg::Registry;
using lazy_test::Channel;
using lazy_test::Colour;
namespace fs = std::filesystem;

namespace {

const std::string built = AUTOREG_TEST_LAZY_DIR;
const std::string rebuilt = AUTOREG_TEST_LAZY_V2_DIR;

#if defined(_WIN32)
const std::string extension = ".dll";
const std::string red_file = "libred.dll";
const std::string blue_file = "libblue.dll";
const std::string green_file = "libgreen.dll";
/// What the index says of a file in the folder that is not a library.
const std::string not_a_library = "not a PE file";
int process_id() { return _getpid(); }
#else
const std::string extension = ".so";
const std::string red_file = "libred.so";
const std::string blue_file = "libblue.so";
const std::string green_file = "libgreen.so";
const std::string not_a_library = "not an ELF file";
int process_id() { return getpid(); }
#endif

/// A fresh folder holding a copy of every built plugin.
std::string plugin_copy() {
    static int made = 0;
    const std::string folder =
        (fs::temp_directory_path() /
         ("autoreg-lazy-" + std::to_string(process_id()) + "-" + std::to_string(++made)))
            .string();
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (const std::string& name : {red_file, blue_file, green_file}) {
        fs::copy_file(built + "/" + name, folder + "/" + name);
    }
    return folder;
}

/// Whether the library at `path` is mapped into this process, loading nothing.
bool mapped(const std::string& path) {
#if defined(_WIN32)
    // GetModuleHandleW of its absolute path, declared as autoreg declares it.
    return autoreg::detail::still_loaded(path);
#else
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr) return false;
    dlclose(handle);  // RTLD_NOLOAD counted a reference
    return true;
#endif
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& bytes) {
    fs::remove(path);  // a new file, as a rebuild makes
    std::ofstream(path, std::ios::binary) << bytes;
}

const std::vector<std::string> all_colours = {"blue", "crimson", "green", "lime", "olive", "red"};

}  // namespace

TEST_CASE("an indexed folder lists its keys and loads nothing until one is created") {
    const std::string folder = plugin_copy();
    const autoreg::plugin_index index = autoreg::index_libraries(folder);
    CHECK(index.paths() == std::vector<std::string>{folder + "/" + blue_file,
                                                    folder + "/" + green_file,
                                                    folder + "/" + red_file});
    CHECK(Registry<Colour>::keys() == all_colours);
    CHECK(Registry<Colour>::size() == 6);
    CHECK(Registry<Colour>::contains("olive"));
    CHECK(Registry<Channel>::contains(7));
    CHECK(Registry<Colour>::conflicts().empty());  // lime, recorded by two units, is listed once
    for (const auto& e : Registry<Colour>::entries()) CHECK_FALSE(e.loaded);
    const auto entries = Registry<Colour>::entries();
    const auto crimson = std::find_if(entries.begin(), entries.end(),
                                      [](const auto& e) { return e.key == "crimson"; });
    REQUIRE(crimson != entries.end());
    CHECK(crimson->type_name == "lazy_test::CrimsonColour");
    CHECK(crimson->parent == std::optional<std::string>("red"));
    const auto red =
        std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.key == "red"; });
    CHECK(red->priority == 5);
    const autoreg::description before = autoreg::describe<Colour>();
    CHECK(fmt::format("{}", before).find("green, in two units") != std::string::npos);
    CHECK(before.title == "colour registry: 6 entries, 6 not loaded");
    CHECK(before.loaded == std::vector<bool>(6, false));
    CHECK(before.find("  loaded\n") != std::string::npos);  // the last column's heading
    for (const std::string& path : index.paths()) CHECK_FALSE(mapped(path));

    CHECK(Registry<Colour>::create("olive")->name() == "olive");
    CHECK(mapped(folder + "/" + green_file));
    CHECK_FALSE(mapped(folder + "/" + red_file));
    CHECK_FALSE(mapped(folder + "/" + blue_file));
    CHECK(index.loaded(folder + "/" + green_file));
    for (const auto& e : Registry<Colour>::entries()) {
        CHECK(e.loaded == (e.key == "green" || e.key == "lime" || e.key == "olive"));
    }
    CHECK(Registry<Colour>::keys() == all_colours);
    const autoreg::description after = autoreg::describe<Colour>();
    CHECK(after.title == "colour registry: 6 entries, 3 not loaded");
    for (std::size_t i = 0; i < after.rows.size(); ++i) {
        const std::string& key = after.rows[i][0];
        CHECK(after.loaded[i] == (key == "green" || key == "lime" || key == "olive"));
    }
    CHECK(after.find("  yes\n") != std::string::npos);
    CHECK(after.find("  no\n") != std::string::npos);
    // The create that loaded called the class at once; this one reads the
    // rebuilt index, where the class is an ordinary registration.
    CHECK(Registry<Colour>::create("lime")->name() == "lime");
    CHECK(Registry<Colour>::try_create("olive")->name() == "olive");
}

// POSIX only: symbolic links on Windows need a privilege (or developer
// mode) that a test cannot count on, and DLL folders seldom hold them.
#if !defined(_WIN32)
TEST_CASE("a folder's links to libraries are indexed, and what is not a file is not") {
    const std::string folder = plugin_copy();
    fs::rename(folder + "/" + red_file, folder + "/libred.so.1");
    fs::create_symlink("libred.so.1", folder + "/" + red_file);
    fs::create_directory(folder + "/libdirectory.so");
    fs::create_symlink("missing.so.1", folder + "/libdangling.so");
    const autoreg::plugin_index index = autoreg::index_libraries(folder);
    CHECK(index.paths() == std::vector<std::string>{folder + "/" + blue_file,
                                                    folder + "/" + green_file,
                                                    folder + "/" + red_file});
    CHECK(Registry<Colour>::create("crimson")->name() == "crimson");
    CHECK(index.loaded(folder + "/" + red_file));
}
#endif

TEST_CASE("integer keys, try_create and shared load the library that declares them") {
    const std::string folder = plugin_copy();
    const autoreg::plugin_index index = autoreg::index_libraries(folder);
    CHECK(Registry<Channel>::keys() == std::vector<int>{7});
    CHECK(Registry<Channel>::create(7)->number() == 7);
    CHECK(mapped(folder + "/" + blue_file));
    CHECK(Registry<Colour>::try_create("red")->name() == "red");
    CHECK(Registry<Colour>::try_create("mauve") == nullptr);
    const auto lime = Registry<Colour>::shared("lime");
    CHECK(lime == Registry<Colour>::shared("lime"));
    CHECK(lime->name() == "lime");
}

TEST_CASE("concurrent first creates of one key load its library once") {
    const std::string folder = plugin_copy();
    const autoreg::plugin_index index = autoreg::index_libraries(folder);
    std::atomic<bool> go{false};
    std::atomic<int> made{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            while (!go.load()) std::this_thread::yield();
            for (int j = 0; j < 50; ++j) {
                if (Registry<Colour>::create(j % 2 == 0 ? "green" : "olive")->name().size() >= 5) {
                    made.fetch_add(1);
                }
            }
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    CHECK(made.load() == 400);
    CHECK(index.loaded(folder + "/" + green_file));
    CHECK_FALSE(mapped(folder + "/" + red_file));
}

TEST_CASE("a warm cache gives the same index, and a rebuilt plugin is read again") {
    const std::string folder = plugin_copy();
    const std::string cache = folder + "/index.cache";
    {
        const autoreg::plugin_index index = autoreg::index_libraries(folder, cache);
        CHECK(index.cache_error().empty());
        CHECK(Registry<Colour>::keys() == all_colours);
    }
    CHECK(Registry<Colour>::size() == 0);  // the index is gone, and its keys with it
    REQUIRE(fs::exists(cache));
    const std::string written = read_file(cache);
    {
        const autoreg::plugin_index index = autoreg::index_libraries(folder, cache);
        CHECK(Registry<Colour>::keys() == all_colours);
        CHECK(read_file(cache) == written);  // current: not rewritten
    }
    // Rebuilt with another key: a new file in the old one's place.
    write_file(folder + "/" + red_file, read_file(rebuilt + "/" + red_file));
    const autoreg::plugin_index index = autoreg::index_libraries(folder, cache);
    CHECK(Registry<Colour>::keys() ==
          std::vector<std::string>{"blue", "green", "lime", "olive", "scarlet"});
    CHECK(Registry<Colour>::create("scarlet")->name() == "scarlet");
    CHECK(read_file(cache) != written);
}

TEST_CASE("a corrupt, truncated or foreign cache is ignored and rewritten") {
    const std::string folder = plugin_copy();
    const std::string cache = folder + "/index.cache";
    { const autoreg::plugin_index index = autoreg::index_libraries(folder, cache); }
    const std::string good = read_file(cache);
    REQUIRE(good.size() > 64);

    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x40);
    // A record of another format revision, under a checksum that matches:
    // whole as a cache, wrong in what it says about a library.
    std::string revised = good;
    const std::size_t record = revised.find(std::string("arg\x01", 4));
    REQUIRE(record != std::string::npos);
    revised[record + 3] = '\x02';
    const std::uint64_t checksum =
        autoreg::detail::cache_checksum(std::string_view(revised).substr(0, revised.size() - 8));
    for (std::size_t i = 0; i < 8; ++i) {
        revised[revised.size() - 8 + i] = static_cast<char>((checksum >> (8 * i)) & 0xff);
    }
    const std::vector<std::string> bad = {good.substr(0, good.size() / 2),
                                          flipped,
                                          revised,
                                          "\x7f"
                                          "ELF not a cache at all",
                                          std::string(),
                                          std::string(4096, '\xff')};
    for (const std::string& bytes : bad) {
        write_file(cache, bytes);
        const autoreg::plugin_index index = autoreg::index_libraries(folder, cache);
        CHECK(Registry<Colour>::keys() == all_colours);
        CHECK(index.cache_error().empty());
        CHECK(read_file(cache) == good);
        CHECK(Registry<Colour>::create("blue")->name() == "blue");
    }
    // No temporary file is left behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++files;
    CHECK(files == 4);
}

TEST_CASE("a cache that cannot be written leaves the index working and says why") {
    const std::string folder = plugin_copy();
    const std::string cache = folder + "/no such folder/index.cache";
    const autoreg::plugin_index index = autoreg::index_libraries(folder, cache);
    CHECK(Registry<Colour>::keys() == all_colours);
    CHECK(index.cache_error().find("no such folder") != std::string::npos);
    CHECK(Registry<Colour>::create("red")->name() == "red");
}

TEST_CASE("a plugin replaced by a file that is not a library fails loudly") {
    const std::string folder = plugin_copy();
    SECTION("after indexing: create() names the library and the loader's message") {
        const autoreg::plugin_index index = autoreg::index_libraries(folder);
        write_file(folder + "/" + blue_file, "this text is not a library\n");
        try {
            Registry<Colour>::create("blue");
            FAIL("create() of a key whose library cannot load did not throw");
        } catch (const autoreg::error& e) {
            const std::string message = e.what();
            CHECK(message.find(folder + "/" + blue_file) != std::string::npos);
            CHECK(message.find("cannot load library") != std::string::npos);
        }
        // The registry stays usable, and the key stays indexed.
        CHECK(Registry<Colour>::create("green")->name() == "green");
        CHECK(Registry<Colour>::contains("blue"));
        CHECK_THROWS_AS(Registry<Channel>::try_create(7), autoreg::error);
    }
    SECTION("before indexing, with a cache that knew the library: the index names the file") {
        const std::string cache = folder + "/index.cache";
        { const autoreg::plugin_index index = autoreg::index_libraries(folder, cache); }
        write_file(folder + "/" + blue_file, "this text is not a library\n");
        try {
            autoreg::index_libraries(folder, cache);
            FAIL("index_libraries() of a folder with a non-library did not throw");
        } catch (const autoreg::error& e) {
            const std::string message = e.what();
            CHECK(message.find(folder + "/" + blue_file) != std::string::npos);
            CHECK(message.find(not_a_library) != std::string::npos);
        }
        CHECK(Registry<Colour>::size() == 0);
    }
}

TEST_CASE("a key two indexed libraries declare is a conflict") {
    const std::string folder = plugin_copy();
    fs::copy_file(folder + "/" + blue_file, folder + "/libblue_again" + extension);
    const autoreg::plugin_index index = autoreg::index_libraries(folder);
    CHECK_THROWS_AS(Registry<Colour>::create("blue"), autoreg::duplicate_key);
    const auto conflicts = Registry<Colour>::conflicts();
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].key == "blue");
    CHECK(conflicts[0].type_names.size() == 2);
    CHECK(Registry<Colour>::try_create("blue") == nullptr);
    CHECK_FALSE(mapped(folder + "/" + blue_file));
    CHECK_FALSE(mapped(folder + "/libblue_again" + extension));
}

TEST_CASE("indexed libraries unload, and load again when asked") {
    const std::string folder = plugin_copy();
    autoreg::plugin_index index = autoreg::index_libraries(folder);
    CHECK(Registry<Colour>::create("crimson")->name() == "crimson");
    REQUIRE(mapped(folder + "/" + red_file));
    index.unload(folder + "/" + red_file);
    CHECK_FALSE(mapped(folder + "/" + red_file));
    CHECK_FALSE(index.loaded(folder + "/" + red_file));
    CHECK(Registry<Colour>::keys() == all_colours);
    CHECK(Registry<Colour>::create("red")->name() == "red");
    CHECK(mapped(folder + "/" + red_file));

    autoreg::plugin_index moved = std::move(index);
    CHECK(moved.loaded(folder + "/" + red_file));
    moved = autoreg::plugin_index();  // dropping the index unloads what it loaded
    CHECK_FALSE(mapped(folder + "/" + red_file));
    CHECK(Registry<Colour>::size() == 0);
}

/// The index Registry<Base> reads now; a new one after each rebuild.
template <class Base>
const void* current_index() {
    static_cast<void>(Registry<Base>::size());  // catches up first
    auto* state = autoreg::detail::find_state<Base>(autoreg::detail::the_hub());
    return state != nullptr ? state->current.load() : nullptr;
}

TEST_CASE("loading an indexed library patches the index rather than rebuilding it") {
    const std::string folder = plugin_copy();
    autoreg::plugin_index index = autoreg::index_libraries(folder);
    const void* built_index = current_index<Colour>();
    const void* built_channels = current_index<Channel>();
    REQUIRE(built_index != nullptr);
    REQUIRE(built_channels != nullptr);

    CHECK(Registry<Colour>::create("olive")->name() == "olive");  // loads libgreen.so
    CHECK(current_index<Colour>() == built_index);
    CHECK(Registry<Colour>::create("lime")->name() == "lime");
    CHECK(Registry<Colour>::try_create("green")->name() == "green");
    CHECK(Registry<Colour>::keys() == all_colours);
    for (const auto& e : Registry<Colour>::entries()) {
        CHECK(e.loaded == (e.key == "green" || e.key == "lime" || e.key == "olive"));
    }
    CHECK(autoreg::describe<Colour>().title == "colour registry: 6 entries, 3 not loaded");
    CHECK(Registry<Colour>::create("crimson")->name() == "crimson");  // loads libred.so
    CHECK(Registry<Colour>::create("red")->name() == "red");
    CHECK(current_index<Colour>() == built_index);
    // libblue.so registers in two registries: each patches its own index.
    CHECK(Registry<Colour>::create("blue")->name() == "blue");
    CHECK(Registry<Channel>::create(7)->number() == 7);
    CHECK(current_index<Channel>() == built_channels);
    CHECK(current_index<Colour>() == built_index);

    // A shared instance made through a patched index belongs to the library
    // that registered the class: unloading it releases the instance.
    std::weak_ptr<Colour> lime = Registry<Colour>::shared("lime");
    CHECK(Registry<Colour>::shared("lime") == lime.lock());
    CHECK_FALSE(lime.expired());
    index.unload(folder + "/" + green_file);
    CHECK(lime.expired());
    CHECK_FALSE(mapped(folder + "/" + green_file));
    CHECK(current_index<Colour>() != built_index);  // unloading rebuilds
    for (const auto& e : Registry<Colour>::entries()) {
        CHECK(e.loaded == (e.key == "crimson" || e.key == "red" || e.key == "blue"));
    }
    CHECK(Registry<Colour>::create("lime")->name() == "lime");  // and loads again
}

TEST_CASE("a class that its rebuilt library no longer registers is not loaded") {
    const std::string folder = plugin_copy();
    autoreg::plugin_index index = autoreg::index_libraries(folder);
    const void* built_index = current_index<Colour>();
    // Rebuilt after indexing: libgreen.so now registers green alone, and
    // libred.so scarlet instead of red and crimson.
    write_file(folder + "/" + green_file, read_file(rebuilt + "/" + green_file));
    write_file(folder + "/" + red_file, read_file(rebuilt + "/" + red_file));
    const auto loaded_keys = [] {
        std::vector<std::string> out;
        for (const auto& e : Registry<Colour>::entries()) {
            if (e.loaded) out.push_back(e.key);
        }
        return out;
    };
    const auto fails_unregistered = [](const std::string& key) {
        try {
            Registry<Colour>::create(key);
        } catch (const autoreg::error& e) {
            return std::string(e.what()).find("loading it did not register that key") !=
                   std::string::npos;
        }
        return false;
    };

    // Only classes the index lists: the index is patched.
    CHECK(Registry<Colour>::create("green")->name() == "green");
    CHECK(current_index<Colour>() == built_index);
    CHECK(fails_unregistered("lime"));
    CHECK(fails_unregistered("olive"));
    CHECK(loaded_keys() == std::vector<std::string>{"green"});
    CHECK(autoreg::describe<Colour>().title == "colour registry: 6 entries, 5 not loaded");

    // A class the index does not list: the index is rebuilt.
    CHECK(fails_unregistered("red"));
    CHECK(current_index<Colour>() != built_index);
    CHECK(fails_unregistered("crimson"));
    CHECK(loaded_keys() == std::vector<std::string>{"green", "scarlet"});
    CHECK(Registry<Colour>::create("scarlet")->name() == "scarlet");
    CHECK(Registry<Colour>::keys() ==
          std::vector<std::string>{"blue", "crimson", "green", "lime", "olive", "red", "scarlet"});
}

TEST_CASE("a missing folder is an error") {
    CHECK_THROWS_AS(autoreg::index_libraries("/nonexistent/autoreg/plugins"), autoreg::error);
}
