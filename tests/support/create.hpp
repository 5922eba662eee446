// Bases of the classes that tests/registrations/create_*.cpp register, one
// per kind of constructor_args.
#ifndef AUTOREG_TESTS_SUPPORT_CREATE_HPP
#define AUTOREG_TESTS_SUPPORT_CREATE_HPP

#include <autoreg/autoreg.hpp>

#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace create_test {

/// No constructor arguments.
struct Tool {
    virtual ~Tool() = default;
    virtual std::string name() const = 0;
};

/// Arguments by value, which create() converts as a plain call would.
struct Greeting {
    Greeting(std::string who, int times) : who_(std::move(who)), times_(times) {}
    virtual ~Greeting() = default;
    virtual std::string text() const = 0;

protected:
    std::string who_;
    int times_;
};

/// A move-only argument.
struct Payload {
    int value;
};
struct Sink {
    explicit Sink(std::unique_ptr<Payload> payload) : payload_(std::move(payload)) {}
    virtual ~Sink() = default;
    virtual std::string name() const = 0;
    const Payload* held() const { return payload_.get(); }

private:
    std::unique_ptr<Payload> payload_;
};

/// Reference arguments: the object must see the caller's objects, not copies.
struct Tally {
    int hits = 0;
};
struct Observer {
    Observer(Tally& tally, const std::vector<int>& data) : tally_(&tally), data_(&data) {}
    virtual ~Observer() = default;
    virtual void observe() = 0;
    Tally* tally_seen() const { return tally_; }
    const std::vector<int>* data_seen() const { return data_; }

protected:
    Tally* tally_;
    const std::vector<int>* data_;
};

/// Constructors that throw.
struct Fragile {
    virtual ~Fragile() = default;
    virtual int code() const = 0;
};
/// Thrown by a constructor; deliberately not a std::exception.
struct construction_failure {
    int code;
};

}  // namespace create_test

template <>
struct autoreg::registry_traits<create_test::Greeting> {
    using constructor_args = std::tuple<std::string, int>;
};

template <>
struct autoreg::registry_traits<create_test::Sink> {
    using constructor_args = std::tuple<std::unique_ptr<create_test::Payload>>;
};

template <>
struct autoreg::registry_traits<create_test::Observer> {
    using constructor_args = std::tuple<create_test::Tally&, const std::vector<int>&>;
};

template <>
struct autoreg::registry_traits<create_test::Fragile> {
    using constructor_args = std::tuple<int>;
};

#endif
