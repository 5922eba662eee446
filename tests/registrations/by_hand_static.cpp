// Static registrations that the by-hand tests meet: classes with the mixin,
// and a Registrar for a third-party type.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/by_hand.hpp"

namespace by_hand_test {

struct Greet : autoreg::AutoRegister<Command, Greet> {
    static constexpr std::string_view registry_key = "greet";
    std::string run() const override { return "hello from Greet"; }
};

struct MessageOfTheDay : autoreg::AutoRegister<Command, MessageOfTheDay> {
    static constexpr std::string_view registry_key = "motd";
    static constexpr int registry_priority = 3;
    std::string run() const override { return "motd from MessageOfTheDay"; }
};

struct Sharpen : autoreg::AutoRegister<Filter, Sharpen> {
    static constexpr std::string_view registry_key = "sharpen";
    using AutoRegister::AutoRegister;
    std::string name() const override { return "sharpen"; }
};

struct Halt : autoreg::AutoRegister<Opcode, Halt> {
    static constexpr int registry_key = 0;
    int code() const override { return 0; }
};

namespace {
// As the contract shows it: a static Registrar for a type that cannot
// inherit the mixin.
const autoreg::Registrar<Codec, vendor::ZstdCodec> zstd_registration{
    "zstd", autoreg::add_options{0, "fast, good ratio", {}}};
}  // namespace

}  // namespace by_hand_test
