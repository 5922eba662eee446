// The plugin matrix (see CMakeLists.txt): every way of building a plugin must
// register into this host's registry, unregister as it unloads, and never
// leave the registry touching an unmapped library.
#include "catch.hpp"
#include "instrument.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <dlfcn.h>
#include <elf.h>
#include <fmt/format.h>

#if defined(__SANITIZE_ADDRESS__)
#define MATRIX_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MATRIX_LSAN 1
#endif
#endif
#ifdef MATRIX_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace {

struct HostInstrument : autoreg::AutoRegister<Instrument, HostInstrument> {
    static constexpr std::string_view registry_key = "host";
    std::string origin() const override { return "host"; }
};

using instruments = autoreg::Registry<Instrument>;

}  // namespace

// The host's registering dependency, which the host names as programs name
// the libraries they link.
extern "C" const char* host_dependency_anchor();

namespace {

std::mutex notes_mutex;
std::map<std::string, int> notes;

int note_count(const std::string& event) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    return notes[event];
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

const std::vector<std::string> variants = split(MATRIX_VARIANTS);

std::string path_of(const std::string& variant) {
    return std::string(MATRIX_DIR) + "/libmatrix_" + variant + ".so";
}

/// A static libstdc++ allocates its emergency exception pool (71 KiB) as the
/// library loads and never frees it: each unload of the static_runtime
/// variant leaks it, libstdc++'s doing. LeakSanitizer is told to ignore what
/// loading allocates on this thread, only where that variant is loaded.
#ifdef MATRIX_LSAN
class runtime_pool_ignored {
public:
    explicit runtime_pool_ignored(bool ignore) : ignore_(ignore) {
        if (ignore_) __lsan_disable();
    }
    ~runtime_pool_ignored() {
        if (ignore_) __lsan_enable();
    }
    runtime_pool_ignored(const runtime_pool_ignored&) = delete;
    runtime_pool_ignored& operator=(const runtime_pool_ignored&) = delete;

private:
    bool ignore_;
};
#else
// Without LeakSanitizer there is nothing to ignore.
struct runtime_pool_ignored {
    explicit runtime_pool_ignored(bool /*ignore*/) {}
};
#endif

autoreg::library load(const std::string& variant) {
    const runtime_pool_ignored ignored(variant == "static_runtime");
    return autoreg::load_library(path_of(variant));
}

std::vector<autoreg::library> load_folder() {
    const runtime_pool_ignored ignored(true);
    return autoreg::load_libraries(MATRIX_DIR);
}

/// Whether `table` names `key` as a word of its own ("hidden.service" is
/// within "inlines_hidden.service", but not as a word).
bool mentions(const std::string& table, const std::string& key) {
    const auto part_of_key = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
    };
    for (std::size_t at = table.find(key); at != std::string::npos; at = table.find(key, at + 1)) {
        const std::size_t end = at + key.size();
        if ((at == 0 || !part_of_key(table[at - 1])) &&
            (end == table.size() || !part_of_key(table[end]))) {
            return true;
        }
    }
    return false;
}

/// Whether the loader keeps the library mapped although nothing holds it.
bool resident(const std::string& path) {
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr) return false;
    dlclose(handle);
    return true;
}

/// Whether the library file exports an STB_GNU_UNIQUE symbol, which makes
/// glibc's loader keep it mapped for good. GCC emits them for inline
/// variables of default visibility that survive optimisation; Clang never
/// does. Read from the file, so that the expectation follows the build.
bool has_unique_symbol(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    const std::string image{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    Elf64_Ehdr header{};
    REQUIRE(image.size() >= sizeof header);
    std::memcpy(&header, image.data(), sizeof header);
    REQUIRE(std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
    REQUIRE(header.e_ident[EI_CLASS] == ELFCLASS64);  // what the reading below assumes
    for (std::size_t i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr section{};
        const std::size_t at = header.e_shoff + i * header.e_shentsize;
        REQUIRE(at + sizeof section <= image.size());
        std::memcpy(&section, image.data() + at, sizeof section);
        if (section.sh_type != SHT_DYNSYM) continue;
        REQUIRE(section.sh_offset + section.sh_size <= image.size());
        for (std::size_t offset = 0; offset + sizeof(Elf64_Sym) <= section.sh_size;
             offset += sizeof(Elf64_Sym)) {
            Elf64_Sym symbol{};
            std::memcpy(&symbol, image.data() + section.sh_offset + offset, sizeof symbol);
            if (ELF64_ST_BIND(symbol.st_info) == STB_GNU_UNIQUE) return true;
        }
    }
    return false;
}

/// The variants the loader keeps mapped after their last dlclose.
bool stays_resident(const std::string& variant) {
    if (variant == "unique") return has_unique_symbol(path_of(variant));
    return variant == "nodelete";
}

/// The keys a loaded variant brings: its plugin's four, and its own
/// dependency's for the plugin that links one.
std::vector<std::string> keys_of(const std::string& variant) {
    std::vector<std::string> keys{variant, variant + ".by-hand", variant + ".second",
                                  variant + ".service"};
    if (variant == "with_dependency") keys.push_back("plugin_dependency");
    return keys;
}

/// Checks that the registry lists exactly the host's keys and those of
/// `loaded`, through every query, and that nothing else can be created.
void check_exactly(const std::vector<std::string>& loaded) {
    std::vector<std::string> expected{"host", "host_dependency"};
    for (const std::string& variant : loaded) {
        for (std::string& key : keys_of(variant)) expected.push_back(std::move(key));
    }
    std::sort(expected.begin(), expected.end());
    INFO("loaded: " << fmt::format("{}", fmt::join(loaded, ", ")));

    CHECK(instruments::keys() == expected);
    CHECK(instruments::size() == expected.size());
    std::vector<std::string> listed;
    for (const auto& entry : instruments::entries()) listed.push_back(entry.key);
    CHECK(listed == expected);
    CHECK(instruments::leaves() == expected);
    CHECK(instruments::conflicts().empty());
    const std::string table = fmt::format("{}", autoreg::describe<Instrument>());
    CHECK(instruments::create("host")->origin() == "host");
    CHECK(instruments::create("host_dependency")->origin() == "host_dependency");

    for (const std::string& variant : variants) {
        const bool is_loaded = std::find(loaded.begin(), loaded.end(), variant) != loaded.end();
        INFO("variant " << variant);
        CHECK(instruments::contains(variant) == is_loaded);
        CHECK(mentions(table, variant + ".service") == is_loaded);
        if (is_loaded) {
            CHECK(instruments::create(variant)->origin() == variant);
            CHECK(instruments::create(variant + ".second")->origin() == variant + " second");
            CHECK(instruments::create(variant + ".by-hand")->origin() == variant + " by hand");
        } else {
            CHECK(instruments::try_create(variant) == nullptr);
            CHECK(instruments::try_create(variant + ".by-hand") == nullptr);
            CHECK_THROWS_AS(instruments::create(variant + ".second"), autoreg::unknown_key);
        }
    }
}

/// After the variant's handle is gone: the library is unmapped, or, where
/// the loader keeps it, still mapped with its registrations hidden.
void check_unloaded(const std::string& variant) {
    INFO("variant " << variant);
    CHECK(resident(path_of(variant)) == stays_resident(variant));
    CHECK_FALSE(instruments::contains(variant));
}

}  // namespace

extern "C" void matrix_note(const char* event) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    ++notes[event];
}

TEST_CASE("the matrix has every variant built here") {
    CHECK(std::string(host_dependency_anchor()) == "host_dependency");
    INFO("skipped in this build: " << MATRIX_SKIPPED);
    if (std::string(MATRIX_SKIPPED).empty()) CHECK(variants.size() == 8);
    check_exactly({});
}

TEST_CASE("each plugin registers as it loads and unregisters as it unloads three times over") {
    for (const std::string& variant : variants) {
        DYNAMIC_SECTION(variant) {
            const std::string service_gone = variant + ".service destroyed";
            for (int round = 1; round <= 3; ++round) {
                INFO("round " << round);
                autoreg::library plugin = load(variant);
                check_exactly({variant});
                // Held by the registry only: released before the unload.
                CHECK(instruments::shared(variant + ".service")->origin() == variant + " service");
                CHECK(note_count(service_gone) == round - 1);
                plugin.unload();
                CHECK(note_count(service_gone) == round);
                check_unloaded(variant);
                check_exactly({});
            }
        }
    }
}

TEST_CASE("GCC makes the unique variant resident") {
#if defined(__GNUC__) && !defined(__clang__)
    CHECK(has_unique_symbol(path_of("unique")));
    CHECK(stays_resident("unique"));
#else
    CHECK_FALSE(has_unique_symbol(path_of("unique")));
#endif
    CHECK_FALSE(has_unique_symbol(path_of("hidden")));
}

TEST_CASE("a resident plugin's registrations stay hidden until it is loaded again") {
    for (const std::string& variant : variants) {
        if (!stays_resident(variant)) continue;
        DYNAMIC_SECTION(variant) {
            const std::string path = path_of(variant);
            {
                autoreg::library plugin = autoreg::load_library(path);
                check_exactly({variant});
            }
            REQUIRE(resident(path));
            check_exactly({});
            for (int round = 1; round <= 3; ++round) {
                INFO("round " << round);
                autoreg::library plugin = autoreg::load_library(path);
                check_exactly({variant});
                plugin.unload();
                CHECK(resident(path));
                check_exactly({});
            }
        }
    }
}

TEST_CASE("a plugin's own dependency loads and unloads with it") {
    const std::string dependency =
        std::string(MATRIX_DIR) + "/../lib/libmatrix_plugin_dependency.so";
    for (int round = 1; round <= 3; ++round) {
        INFO("round " << round);
        {
            autoreg::library plugin = autoreg::load_library(path_of("with_dependency"));
            CHECK(resident(dependency));
            CHECK(instruments::create("plugin_dependency")->origin() == "plugin_dependency");
        }
        CHECK_FALSE(resident(dependency));
        check_exactly({});
    }
}

TEST_CASE("all plugins at once unloaded first to last and then last to first") {
    for (const bool first_to_last : {true, false}) {
        DYNAMIC_SECTION((first_to_last ? "first to last" : "last to first")) {
            std::vector<autoreg::library> loaded;
            for (const std::string& variant : variants) {
                loaded.push_back(load(variant));
            }
            std::vector<std::string> remaining = variants;
            check_exactly(remaining);
            while (!remaining.empty()) {
                const std::size_t index = first_to_last ? 0 : remaining.size() - 1;
                const std::string variant = remaining[index];
                loaded[index].unload();
                loaded.erase(loaded.begin() + static_cast<std::ptrdiff_t>(index));
                remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(index));
                check_unloaded(variant);
                check_exactly(remaining);
            }
        }
    }
}

TEST_CASE("load_libraries loads the whole matrix folder and unloads it") {
    for (int round = 1; round <= 3; ++round) {
        INFO("round " << round);
        {
            std::vector<autoreg::library> loaded = load_folder();
            CHECK(loaded.size() == variants.size());
            check_exactly(variants);
        }
        for (const std::string& variant : variants) check_unloaded(variant);
        check_exactly({});
    }
}
