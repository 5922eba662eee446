// The names autoreg computes from C++ names, printed one per line and
// compared with tests/names/expected.txt: derived keys, registry names and
// the type names that docs/keys.md promises are spelled alike everywhere.
// Every configuration of tools/check.sh runs it, GCC 11 and 12, Clang 13 to 16,
// libstdc++ and libc++, so a difference between any two compilers fails one of
// them. Not Catch2: the whole point is one plain file of expected text.
//
//   autoreg_names <expected.txt>   checks, printing each differing line
//   autoreg_names                  prints the lines (to write expected.txt)
#include <autoreg/autoreg.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---- Registries whose names are derived from their base's name ------------

struct StorageBackend {
    virtual ~StorageBackend() = default;
};
struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
};
struct HTTPServerBase {
    virtual ~HTTPServerBase() = default;
};
namespace io {
struct FileReaderRegistry {
    virtual ~FileReaderRegistry() = default;
};
}  // namespace io
template <class T>
struct PluginMeta {
    virtual ~PluginMeta() = default;
};
struct Codec {
    virtual ~Codec() = default;
};

template <>
struct autoreg::registry_traits<StorageBackend> {
    static constexpr std::string_view strip_suffix = "Backend";
};
template <>
struct autoreg::registry_traits<MicroscopeHandler> {
    static constexpr std::string_view strip_suffix = "Handler";
};

// ---- Classes whose keys are derived from their names ----------------------

namespace fs {
struct DiskStorageBackend : autoreg::AutoRegister<StorageBackend, DiskStorageBackend> {};
inline namespace v2 {
struct CloudBackend : autoreg::AutoRegister<StorageBackend, CloudBackend> {};
}  // namespace v2
}  // namespace fs

template <class T>
struct CacheBackend : autoreg::AutoRegister<StorageBackend, CacheBackend<T>> {};
template struct CacheBackend<int>;

// The argument is spelled differently by libstdc++ and libc++; the key is not.
template <class T>
struct PoolBackend : autoreg::AutoRegister<StorageBackend, PoolBackend<T>> {};
template struct PoolBackend<std::vector<std::pair<std::string, int>>>;

template <int N>
struct RingBackend : autoreg::AutoRegister<StorageBackend, RingBackend<N>> {};
template struct RingBackend<3>;

struct Outer {
    struct InnerBackend : autoreg::AutoRegister<StorageBackend, InnerBackend> {};
};

template <class T>
struct Box {
    struct LidBackend : autoreg::AutoRegister<StorageBackend, LidBackend> {};
};
template struct Box<double>;

namespace {
struct HiddenBackend : autoreg::AutoRegister<StorageBackend, HiddenBackend> {};
}  // namespace

// No suffix to strip, digits and underscores kept, lowercased.
struct Mp4_Reader : autoreg::AutoRegister<StorageBackend, Mp4_Reader> {};

struct XMLHandler : autoreg::AutoRegister<MicroscopeHandler, XMLHandler> {};
struct ImageXpressHandler : autoreg::AutoRegister<MicroscopeHandler, ImageXpressHandler> {};

// A class defined in a function, registered by its definition all the same.
void define_local_class() {
    struct LocalHandler : autoreg::AutoRegister<MicroscopeHandler, LocalHandler> {};
}

// ---- Printing and comparing ----------------------------------------------

namespace {

template <class Base>
void print_registry(std::ostream& out) {
    out << "registry " << autoreg::Registry<Base>::name() << '\n';
    for (const auto& entry : autoreg::Registry<Base>::entries()) {
        out << "  key " << entry.key << " <- " << entry.type_name << '\n';
    }
}

// Type names that differ between compilers (docs/keys.md lists them) are
// printed by what they have in common: their derived key above.
constexpr std::string_view portable_type_names[] = {
    "fs::DiskStorageBackend", "CacheBackend<int>",       "RingBackend<3>",
    "Outer::InnerBackend",    "Box<double>::LidBackend",
};

bool is_portable(std::string_view type_name) {
    for (std::string_view name : portable_type_names) {
        if (name == type_name) return true;
    }
    return false;
}

std::string lines() {
    std::ostringstream out;
    out << "registry " << autoreg::Registry<HTTPServerBase>::name() << '\n';
    out << "registry " << autoreg::Registry<io::FileReaderRegistry>::name() << '\n';
    out << "registry " << autoreg::Registry<PluginMeta<int>>::name() << '\n';
    out << "registry " << autoreg::Registry<Codec>::name() << '\n';
    std::ostringstream all;
    print_registry<StorageBackend>(all);
    print_registry<MicroscopeHandler>(all);
    // Keep a type name only where it is portable; the key always.
    std::istringstream in(all.str());
    for (std::string line; std::getline(in, line);) {
        const std::size_t arrow = line.find(" <- ");
        if (arrow != std::string::npos && !is_portable(std::string_view(line).substr(arrow + 4))) {
            line.resize(arrow);
        }
        out << line << '\n';
    }
    return out.str();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string actual = lines();
    if (argc < 2) {
        std::cout << actual;
        return 0;
    }
    std::ifstream file(argv[1]);
    if (!file) {
        std::cerr << "autoreg_names: cannot read " << argv[1] << '\n';
        return 2;
    }
    const std::string expected{std::istreambuf_iterator<char>(file),
                               std::istreambuf_iterator<char>()};
    if (actual == expected) {
        std::cout << "autoreg_names: all " << split_lines(actual).size() << " lines as expected\n";
        return 0;
    }
    const std::vector<std::string> want = split_lines(expected);
    const std::vector<std::string> got = split_lines(actual);
    for (std::size_t i = 0; i < want.size() || i < got.size(); ++i) {
        const std::string w = i < want.size() ? want[i] : "(none)";
        const std::string g = i < got.size() ? got[i] : "(none)";
        if (w != g)
            std::cerr << "line " << i + 1 << ": expected \"" << w << "\", got \"" << g << "\"\n";
    }
    std::cerr << "autoreg_names: the names differ from " << argv[1] << '\n';
    return 1;
}
