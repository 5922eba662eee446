// Bases of the by-hand registration tests (CONTRACT section 7): add(),
// autoreg::registration and autoreg::Registrar. The static registrations they
// meet are in tests/registrations/by_hand_static.cpp.
#ifndef AUTOREG_TESTS_SUPPORT_BY_HAND_HPP
#define AUTOREG_TESTS_SUPPORT_BY_HAND_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <tuple>
#include <utility>

namespace by_hand_test {

/// Commands, some made at run time from configuration. "greet" is registered
/// statically (priority 0), "motd" statically with priority 3.
struct Command {
    virtual ~Command() = default;
    virtual std::string run() const = 0;
};

/// The one concrete command the hand-made factories make.
struct Echo : Command {
    explicit Echo(std::string text) : text_(std::move(text)) {}
    std::string run() const override { return text_; }

private:
    std::string text_;
};

/// A registry with constructor_args, for factories that take arguments.
struct Filter {
    explicit Filter(int level) : level_(level) {}
    virtual ~Filter() = default;
    virtual std::string name() const = 0;
    int level() const { return level_; }

private:
    int level_;
};

/// A registry with integer keys.
struct Opcode {
    virtual ~Opcode() = default;
    virtual int code() const = 0;
};

/// Third-party classes: derived from the bases, but unable to inherit a mixin.
struct Codec {
    virtual ~Codec() = default;
    virtual std::string name() const = 0;
};
namespace vendor {
struct ZstdCodec : Codec {
    std::string name() const override { return "zstd"; }
};
struct Lz4Codec : Codec {
    std::string name() const override { return "lz4"; }
};
struct BlurFilter : Filter {
    explicit BlurFilter(int level) : Filter(level) {}
    std::string name() const override { return "blur"; }
};
}  // namespace vendor

}  // namespace by_hand_test

template <>
struct autoreg::registry_traits<by_hand_test::Filter> {
    using constructor_args = std::tuple<int>;
};

template <>
struct autoreg::registry_traits<by_hand_test::Opcode> {
    using key_type = int;
};

#endif
