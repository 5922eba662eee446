// A plugin: built as a shared library with -fvisibility=hidden. Loading it
// registers its classes in the host's Registry<Codec>.
#include "../codec.hpp"

namespace {

struct ZstdCodec : autoreg::AutoRegister<Codec, ZstdCodec> {
    static constexpr std::string_view registry_description = "from the zstd plugin";
    std::string compress(const std::string& text) const override {
        return "zstd(" + std::to_string(text.size()) + " bytes)";
    }
};

struct ZstdFastCodec : autoreg::AutoRegister<Codec, ZstdFastCodec, ZstdCodec> {
    static constexpr std::string_view registry_description = "from the zstd plugin";
    std::string compress(const std::string& text) const override {
        return "zstd-fast(" + std::to_string(text.size()) + " bytes)";
    }
};

}  // namespace
