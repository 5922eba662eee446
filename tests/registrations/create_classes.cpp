// Registered classes of the create() tests.
#include <autoreg/autoreg.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/create.hpp"

namespace create_test {

struct Hammer : autoreg::AutoRegister<Tool, Hammer> {
    static constexpr std::string_view registry_key = "hammer";
    std::string name() const override { return "hammer"; }
};

struct Saw : autoreg::AutoRegister<Tool, Saw> {
    static constexpr std::string_view registry_key = "saw";
    std::string name() const override { return "saw"; }
};

// Longer than the keys the index holds in its buckets: looked up another way.
struct Wrench : autoreg::AutoRegister<Tool, Wrench> {
    static constexpr std::string_view registry_key = "pneumatic-torque-wrench-with-ratchet";
    std::string name() const override { return "wrench"; }
};

// Constructor inherited from the base through the mixin.
struct Hello : autoreg::AutoRegister<Greeting, Hello> {
    static constexpr std::string_view registry_key = "hello";
    using AutoRegister::AutoRegister;
    std::string text() const override { return "hello " + who_ + " x" + std::to_string(times_); }
};

// A constructor of its own.
struct Goodbye : autoreg::AutoRegister<Greeting, Goodbye> {
    static constexpr std::string_view registry_key = "goodbye";
    Goodbye(std::string who, int times) : AutoRegister(who + "!", times * 10) {}
    std::string text() const override { return "goodbye " + who_ + " x" + std::to_string(times_); }
};

struct Drain : autoreg::AutoRegister<Sink, Drain> {
    static constexpr std::string_view registry_key = "drain";
    using AutoRegister::AutoRegister;
    std::string name() const override { return "drain"; }
};

struct Counting : autoreg::AutoRegister<Observer, Counting> {
    static constexpr std::string_view registry_key = "counting";
    Counting(Tally& tally, const std::vector<int>& data) : AutoRegister(tally, data) {
        ++tally.hits;  // visible to the caller only if passed by reference
    }
    void observe() override { tally_->hits += static_cast<int>(data_->size()); }
};

struct Sturdy : autoreg::AutoRegister<Fragile, Sturdy> {
    static constexpr std::string_view registry_key = "sturdy";
    explicit Sturdy(int code) : code_(code) {}
    int code() const override { return code_; }

private:
    int code_;
};

struct ThrowsRuntimeError : autoreg::AutoRegister<Fragile, ThrowsRuntimeError> {
    static constexpr std::string_view registry_key = "throws-runtime-error";
    explicit ThrowsRuntimeError(int code) {
        throw std::runtime_error("constructor failed with " + std::to_string(code));
    }
    int code() const override { return 0; }
};

struct ThrowsCustom : autoreg::AutoRegister<Fragile, ThrowsCustom> {
    static constexpr std::string_view registry_key = "throws-custom";
    explicit ThrowsCustom(int code) { throw construction_failure{code}; }
    int code() const override { return 0; }
};

// A constructor may itself fail to find a key in some registry: that
// exception is the constructor's, and try_create() must not swallow it.
struct ThrowsUnknownKey : autoreg::AutoRegister<Fragile, ThrowsUnknownKey> {
    static constexpr std::string_view registry_key = "throws-unknown-key";
    explicit ThrowsUnknownKey(int /*code*/) { autoreg::Registry<Tool>::create("no-such-tool"); }
    int code() const override { return 0; }
};

// A constructor that creates from another registry: nested lookups work.
struct Toolbox : autoreg::AutoRegister<Fragile, Toolbox> {
    static constexpr std::string_view registry_key = "toolbox";
    explicit Toolbox(int code)
        : tool_(autoreg::Registry<Tool>::create(code == 1 ? "saw" : "hammer")) {}
    int code() const override { return static_cast<int>(tool_->name().size()); }

private:
    std::unique_ptr<Tool> tool_;
};

}  // namespace create_test
