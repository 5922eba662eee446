// Classes of the enum- and integer-keyed registries, and of the
// skip_if_no_key and string_view-keyed ones.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/keys.hpp"

namespace keys_test {

struct RedPaint : autoreg::AutoRegister<Paint, RedPaint> {
    static constexpr Color registry_key = Color::red;
    std::string kind() const override { return "RedPaint"; }
};
struct GreenPaint : autoreg::AutoRegister<Paint, GreenPaint> {
    static constexpr Color registry_key = Color::green;
    std::string kind() const override { return "GreenPaint"; }
};
struct BlackPaint : autoreg::AutoRegister<Paint, BlackPaint> {
    static constexpr Color registry_key = Color::black;
    std::string kind() const override { return "BlackPaint"; }
};

struct HttpPort : autoreg::AutoRegister<Port, HttpPort> {
    static constexpr int registry_key = 80;
    std::string kind() const override { return "HttpPort"; }
};
struct HttpsPort : autoreg::AutoRegister<Port, HttpsPort> {
    static constexpr int registry_key = 443;
    std::string kind() const override { return "HttpsPort"; }
};
struct NoPort : autoreg::AutoRegister<Port, NoPort> {
    static constexpr int registry_key = -1;
    std::string kind() const override { return "NoPort"; }
};
struct ZeroPort : autoreg::AutoRegister<Port, ZeroPort> {
    static constexpr int registry_key = 0;
    std::string kind() const override { return "ZeroPort"; }
};

struct NamedExtension : autoreg::AutoRegister<Extension, NamedExtension> {
    static constexpr std::string_view registry_key = "named";
    std::string kind() const override { return "NamedExtension"; }
};
struct UnnamedExtension : autoreg::AutoRegister<Extension, UnnamedExtension> {  // skipped
    std::string kind() const override { return "UnnamedExtension"; }
};
// Only an inherited key: skipped as well.
struct ChildOfNamedExtension
    : autoreg::AutoRegister<Extension, ChildOfNamedExtension, NamedExtension> {
    std::string kind() const override { return "ChildOfNamedExtension"; }
};

struct GzipCodec : autoreg::AutoRegister<Codec, GzipCodec> {
    static constexpr std::string_view registry_key = "gzip";
    std::string kind() const override { return "GzipCodec"; }
};
struct ZstdCodec : autoreg::AutoRegister<Codec, ZstdCodec> {
    static constexpr const char* registry_key = "zstd";  // any string_view-convertible constant
    std::string kind() const override { return "ZstdCodec"; }
};

}  // namespace keys_test
