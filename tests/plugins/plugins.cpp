// Plugins as they are used: shared libraries built with -fvisibility=hidden,
// loaded and unloaded at run time by a host that exports its registries.
#include "catch.hpp"
#include "widget.hpp"

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#if defined(_WIN32)
#include <windows.h>  // after autoreg: its macros must not matter either way
#else
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

std::mutex notes_mutex;
std::map<std::string, int> notes;

int note_count(const std::string& event) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    return notes[event];
}

const std::string plugin_dir = AUTOREG_TEST_PLUGIN_DIR;
const std::string broken_dir = AUTOREG_TEST_BROKEN_DIR;
const std::string suffix = AUTOREG_TEST_LIBRARY_SUFFIX;  // .so or .dll
const std::string alpha_path = plugin_dir + "/libalpha" + suffix;
const std::string beta_path = plugin_dir + "/libbeta" + suffix;
const std::string gamma_path = std::string(AUTOREG_TEST_FIRST_USER_DIR) + "/libgamma" + suffix;

using widgets = autoreg::Registry<Widget>;

// A UTF-8 path as the file system takes it (std::filesystem::u8path is
// deprecated in C++20).
std::filesystem::path native_path(const std::string& utf8) {
#if defined(_WIN32)
    std::wstring wide(utf8.size(), L'\0');
    const int size = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()),
                                         wide.data(), static_cast<int>(wide.size()));
    wide.resize(static_cast<std::size_t>(size));
    return std::filesystem::path(wide).make_preferred();
#else
    return std::filesystem::path(utf8);
#endif
}

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

    const std::string missing = plugin_dir + "/libmissing" + suffix;
    std::string message = error_of(missing);
    CHECK_THAT(message, test::starts_with("autoreg: cannot load library " + missing + ": "));
#if defined(_WIN32)
    CHECK_THAT(message, test::has_substr("(error 126)"));  // ERROR_MOD_NOT_FOUND
#else
    CHECK_THAT(message, test::has_substr("No such file"));
#endif

    const std::string not_a_library = broken_dir + "/libnot_a_library" + suffix;
    message = error_of(not_a_library);
    CHECK_THAT(message, test::starts_with("autoreg: cannot load library " + not_a_library + ": "));
#if defined(_WIN32)
    CHECK_THAT(message, test::has_substr("(error 193)"));  // ERROR_BAD_EXE_FORMAT
#else
    CHECK(message.size() > ("autoreg: cannot load library " + not_a_library + ": ").size());

    const std::string unresolved = broken_dir + "/libunresolved.so";
    message = error_of(unresolved);
    CHECK_THAT(message, test::has_substr(unresolved));
    CHECK_THAT(message, test::has_substr("plugin_test_symbol_nobody_defines"));
#endif

    CHECK(widgets::size() == size_before);
    CHECK_FALSE(widgets::contains("unresolved"));
}

TEST_CASE("a library in a folder whose name is not ASCII loads from its UTF-8 path") {
    namespace fs = std::filesystem;
    // "plugins-ü-π", spelled in bytes so that the source's encoding does not matter.
    const std::string folder = broken_dir + "/plugins-\xc3\xbc-\xcf\x80";
    const fs::path native = native_path(folder);
    fs::remove_all(native);
    fs::create_directories(native);
    fs::copy_file(native_path(alpha_path), native / ("libalpha" + suffix));
    {
        std::vector<autoreg::library> loaded = autoreg::load_libraries(folder);
        REQUIRE(loaded.size() == 1);
        CHECK(loaded[0].path() == folder + "/libalpha" + suffix);
        CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    }
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK_THAT(error_of(folder + "/libmissing" + suffix), test::has_substr(folder));
    fs::remove_all(native);
}

#if defined(_WIN32)

TEST_CASE("a DLL unloaded with FreeLibrary takes its registrations with it") {
    const std::wstring path = native_path(alpha_path).wstring();
    HMODULE module = LoadLibraryW(path.c_str());
    REQUIRE(module != nullptr);
    CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    REQUIRE(FreeLibrary(module));
    CHECK(GetModuleHandleW(path.c_str()) == nullptr);
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK(widgets::try_create("alpha") == nullptr);
    // A DLL loaded before autoreg::load_library saw it is that loader's: a
    // library handle on it does not take its classes away while the first
    // reference keeps it mapped; the last FreeLibrary does.
    module = LoadLibraryW(path.c_str());
    REQUIRE(module != nullptr);
    {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        CHECK(widgets::contains("alpha"));
    }
    CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    REQUIRE(FreeLibrary(module));
    CHECK_FALSE(widgets::contains("alpha"));
    // The other way round: FreeLibrary of an extra reference leaves the
    // handle's classes in place.
    {
        autoreg::library alpha = autoreg::load_library(alpha_path);
        module = LoadLibraryW(path.c_str());
        REQUIRE(FreeLibrary(module));
        CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    }
    CHECK_FALSE(widgets::contains("alpha"));
}

TEST_CASE("load_libraries takes .dll in any letter case and skips other files") {
    namespace fs = std::filesystem;
    const std::string folder_name = broken_dir + "/letter-case";
    const fs::path folder = native_path(folder_name);
    fs::remove_all(folder);
    fs::create_directories(folder / "folder.dll");
    fs::copy_file(native_path(alpha_path), folder / "B-ALPHA.DLL");
    fs::copy_file(native_path(beta_path), folder / "a-beta.dll");
    fs::copy_file(native_path(beta_path), folder / "beta.dll.txt");
    {
        std::vector<autoreg::library> loaded = autoreg::load_libraries(folder_name);
        REQUIRE(loaded.size() == 2);
        CHECK_THAT(loaded[0].path(), test::has_substr("B-ALPHA.DLL"));  // 'B' < 'a'
        CHECK_THAT(loaded[1].path(), test::has_substr("a-beta.dll"));
        CHECK(widgets::contains("alpha"));
        CHECK(widgets::contains("beta"));
    }
    CHECK_FALSE(widgets::contains("alpha"));
    CHECK_FALSE(widgets::contains("beta"));
    fs::remove_all(folder);
}

#else

namespace {

// Root opens any file whatever its permissions, through the capabilities
// CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. On Linux capabilities belong to a
// thread: this guard takes the two out of the calling thread's effective set
// (they stay permitted) and puts them back when it ends, so that root meets
// file permissions as any user does. Without root there is nothing to drop.
class permissions_apply {
public:
    permissions_apply() {
        if (geteuid() != 0) {
            active_ = true;
            return;
        }
        if (syscall(SYS_capget, &header_, saved_) != 0) return;
        __user_cap_data_struct reduced[2] = {saved_[0], saved_[1]};
        for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH}) {
            reduced[cap / 32].effective &= ~(1U << static_cast<unsigned>(cap % 32));
        }
        dropped_ = syscall(SYS_capset, &header_, reduced) == 0;
        active_ = dropped_;
    }
    ~permissions_apply() {
        if (dropped_) static_cast<void>(syscall(SYS_capset, &header_, saved_));
    }
    permissions_apply(const permissions_apply&) = delete;
    permissions_apply& operator=(const permissions_apply&) = delete;

    /// False where root's capabilities could not be dropped (a seccomp
    /// filter, say): file permissions then do not apply to this process.
    bool active() const { return active_; }

private:
    __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct saved_[2]{};
    bool dropped_ = false;
    bool active_ = false;
};

}  // namespace

TEST_CASE("libraries the process may not read fail to load with the loader's reason") {
    namespace fs = std::filesystem;
    using perms = fs::perms;
    // Made here, not by the build: nobody should have to clean up a folder
    // they cannot read. The name has no .so, so load_libraries(broken_dir)
    // in the other tests skips it.
    const fs::path root = broken_dir + "/permission-test";
    fs::remove_all(root);
    const fs::path unreadable_file = root / "libunreadable.so";
    const fs::path closed_folder = root / "closed";  // readable, not searchable
    const fs::path closed_file = closed_folder / "libalpha.so";
    const fs::path unlisted_folder = root / "unlisted";  // searchable, not readable
    fs::create_directories(closed_folder);
    fs::create_directories(unlisted_folder);
    fs::copy_file(alpha_path, unreadable_file);
    fs::copy_file(alpha_path, closed_file);
    fs::copy_file(alpha_path, unlisted_folder / "libalpha.so");
    fs::permissions(unreadable_file, perms::none);
    fs::permissions(closed_folder, perms::owner_read);
    fs::permissions(unlisted_folder, perms::owner_write | perms::owner_exec);

    std::string unreadable_message;
    std::string closed_message;
    std::string unlisted_message = "no error";
    bool applied = false;
    {
        permissions_apply guard;
        applied = guard.active();
        if (applied) {
            unreadable_message = error_of(unreadable_file.string());
            closed_message = error_of(closed_file.string());
            try {
                autoreg::load_libraries(unlisted_folder.string());
            } catch (const autoreg::error& e) {
                unlisted_message = e.what();
            }
        }
    }
    fs::permissions(unreadable_file, perms::owner_read | perms::owner_write);
    fs::permissions(closed_folder, perms::owner_all);
    fs::permissions(unlisted_folder, perms::owner_all);

    if (!applied) {
        WARN(
            "skipped: running as root, and root's CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH "
            "could not be dropped, so file permissions do not apply to this process");
        fs::remove_all(root);
        return;
    }
    const std::string prefix = "autoreg: cannot load library ";
    CHECK_THAT(unreadable_message, test::starts_with(prefix + unreadable_file.string() + ": "));
    CHECK_THAT(unreadable_message, test::has_substr("Permission denied"));
    CHECK_THAT(closed_message, test::starts_with(prefix + closed_file.string() + ": "));
    CHECK_THAT(closed_message, test::has_substr("Permission denied"));
    CHECK_THAT(unlisted_message, test::has_substr(unlisted_folder.string()));
    CHECK_THAT(unlisted_message, test::has_substr("Permission denied"));
    CHECK_FALSE(widgets::contains("alpha"));

    // The same files load once readable: permission was the only reason.
    {
        autoreg::library unreadable = autoreg::load_library(unreadable_file.string());
        CHECK(widgets::create("alpha")->origin() == "plugin alpha");
    }
    CHECK(autoreg::load_libraries(unlisted_folder.string()).size() == 1);
    CHECK_FALSE(widgets::contains("alpha"));
    fs::remove_all(root);
}

#endif

TEST_CASE("load_libraries of a missing folder names the folder") {
    const std::string folder = plugin_dir + "/no-such-folder";
    try {
        autoreg::load_libraries(folder);
        FAIL("a missing folder must throw");
    } catch (const autoreg::error& e) {
        CHECK_THAT(e.what(), test::has_substr(folder));
#if !defined(_WIN32)
        CHECK_THAT(e.what(), test::has_substr("No such file or directory"));
#endif
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
