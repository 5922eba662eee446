// Creating (CONTRACT section 3): create(), try_create(), constructor_args,
// exceptions from constructors, and the kinds of string a key may be.

// This file replaces operator new and delete with malloc and free (below).
// GCC 11 and 12 at -O2 inline them, here and into autoreg's headers, and then
// report free() of what operator new returned (-Wmismatched-new-delete),
// although operator new is this malloc: a false positive of the warning, not
// of the test. GCC places the report in the header, so the pragma comes first.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#include <autoreg/autoreg.hpp>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/create.hpp"
#include "support/throws.hpp"

using autoreg::Registry;
using namespace create_test;

// ---- Counting this thread's allocations ---------------------------------------

// ThreadSanitizer's runtime defines operator new itself, so a program built
// with it cannot replace it; on Windows a replacement in the executable does
// not see what the C++ runtime's DLL allocates. The counting test is left to
// the other builds.
#if defined(__SANITIZE_THREAD__) || defined(_WIN32)
#define AUTOREG_TEST_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AUTOREG_TEST_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef AUTOREG_TEST_COUNT_ALLOCATIONS
#define AUTOREG_TEST_COUNT_ALLOCATIONS 1
#endif

#if AUTOREG_TEST_COUNT_ALLOCATIONS

namespace {
thread_local bool counting_allocations = false;
thread_local std::size_t allocation_count = 0;
}  // namespace

// Every replaceable form that pairs with free(), so that no allocation made
// by one form is released by another (sanitizers check that).
namespace {
void* counted_malloc(std::size_t size) noexcept {
    if (counting_allocations) ++allocation_count;
    return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = counted_malloc(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    if (void* p = counted_malloc(size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return counted_malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return counted_malloc(size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

template <class F>
std::size_t allocations_during(F&& f) {
    allocation_count = 0;
    counting_allocations = true;
    f();
    counting_allocations = false;
    return allocation_count;
}

}  // namespace
#endif  // AUTOREG_TEST_COUNT_ALLOCATIONS

// ---- create() and try_create() -----------------------------------------------

TEST_CASE("create makes the class registered under the key", "[create]") {
    std::unique_ptr<Tool> hammer = Registry<Tool>::create("hammer");
    REQUIRE(hammer != nullptr);
    CHECK(hammer->name() == "hammer");
    CHECK(Registry<Tool>::create("saw")->name() == "saw");
}

TEST_CASE("every create makes a new object", "[create]") {
    std::unique_ptr<Tool> first = Registry<Tool>::create("hammer");
    std::unique_ptr<Tool> second = Registry<Tool>::create("hammer");
    CHECK(first.get() != second.get());
}

TEST_CASE("create of an unknown key throws unknown_key", "[create]") {
    CHECK_THROWS_AS(Registry<Tool>::create("chisel"), autoreg::unknown_key);
    CHECK_THROWS_AS(Registry<Tool>::create(""), autoreg::unknown_key);
    CHECK_THROWS_AS(Registry<Tool>::create("Hammer"), autoreg::unknown_key);  // case matters
}

TEST_CASE("try_create returns null where create would throw", "[create][try_create]") {
    CHECK(Registry<Tool>::try_create("chisel") == nullptr);
    CHECK(Registry<Tool>::try_create("") == nullptr);
    std::unique_ptr<Tool> saw = Registry<Tool>::try_create("saw");
    REQUIRE(saw != nullptr);
    CHECK(saw->name() == "saw");
}

// ---- Kinds of keys -------------------------------------------------------------

TEST_CASE("any string_view-convertible key works", "[create][keys]") {
    const char* pointer = "hammer";
    char buffer[] = "hammer";
    const std::string string = "hammer";
    const std::string_view view = "hammer";

    CHECK(Registry<Tool>::create("hammer")->name() == "hammer");  // literal
    CHECK(Registry<Tool>::create(pointer)->name() == "hammer");
    CHECK(Registry<Tool>::create(buffer)->name() == "hammer");
    CHECK(Registry<Tool>::create(string)->name() == "hammer");
    CHECK(Registry<Tool>::create(std::string("hammer"))->name() == "hammer");
    CHECK(Registry<Tool>::create(view)->name() == "hammer");
    CHECK(Registry<Tool>::try_create(string)->name() == "hammer");
    CHECK(Registry<Tool>::contains(string));
}

TEST_CASE("a key is its bytes: no terminating NUL needed, embedded NULs count", "[create][keys]") {
    const std::string_view prefix_of_longer("hammer-and-tongs", 6);
    CHECK(Registry<Tool>::create(prefix_of_longer)->name() == "hammer");

    const std::string with_nul("hammer\0", 7);
    CHECK_FALSE(Registry<Tool>::contains(with_nul));
    CHECK(Registry<Tool>::try_create(with_nul) == nullptr);
    CHECK_THROWS_AS(Registry<Tool>::create(with_nul), autoreg::unknown_key);

    CHECK_FALSE(Registry<Tool>::contains(std::string_view("ham", 3)));  // a prefix is no match
}

// ---- constructor_args ----------------------------------------------------------

TEST_CASE("constructor_args are passed on and converted", "[create][constructor_args]") {
    // const char* converts to std::string, as in a plain call.
    CHECK(Registry<Greeting>::create("hello", "world", 2)->text() == "hello world x2");
    CHECK(Registry<Greeting>::create("goodbye", "world", 2)->text() == "goodbye world! x20");

    std::string who = "me";
    CHECK(Registry<Greeting>::create("hello", who, 3)->text() == "hello me x3");
    CHECK(who == "me");  // an lvalue is copied, not moved from

    CHECK(Registry<Greeting>::try_create("hello", std::string("you"), 1)->text() == "hello you x1");
    CHECK(Registry<Greeting>::try_create("hi", "you", 1) == nullptr);
    CHECK_THROWS_AS(Registry<Greeting>::create("hi", "you", 1), autoreg::unknown_key);
}

TEST_CASE("move-only constructor arguments", "[create][constructor_args]") {
    auto payload = std::make_unique<Payload>(Payload{42});
    const Payload* original = payload.get();
    std::unique_ptr<Sink> sink = Registry<Sink>::create("drain", std::move(payload));
    REQUIRE(sink != nullptr);
    CHECK(sink->held() == original);  // the very object: moved all the way
    CHECK(sink->held()->value == 42);

    CHECK(
        Registry<Sink>::try_create("drain", std::make_unique<Payload>(Payload{7}))->held()->value ==
        7);
    CHECK(Registry<Sink>::try_create("sewer", std::make_unique<Payload>(Payload{7})) == nullptr);
}

TEST_CASE("reference constructor arguments refer to the caller's objects",
          "[create][constructor_args]") {
    Tally tally;
    const std::vector<int> data{1, 2, 3};
    std::unique_ptr<Observer> observer = Registry<Observer>::create("counting", tally, data);
    REQUIRE(observer != nullptr);
    CHECK(tally.hits == 1);  // the constructor counted on the caller's Tally
    CHECK(observer->tally_seen() == &tally);
    CHECK(observer->data_seen() == &data);
    observer->observe();
    CHECK(tally.hits == 4);

    CHECK(Registry<Observer>::try_create("absent", tally, data) == nullptr);
    CHECK(tally.hits == 4);
}

TEST_CASE("a constructor may create from another registry", "[create]") {
    CHECK(Registry<Fragile>::create("toolbox", 1)->code() == 3);  // "saw"
    CHECK(Registry<Fragile>::create("toolbox", 2)->code() == 6);  // "hammer"
}

// ---- Exceptions from constructors ----------------------------------------------

TEST_CASE("a constructor's exception propagates unchanged", "[create][exceptions]") {
    const std::string message = test::message_of<std::runtime_error>(
        [] { Registry<Fragile>::create("throws-runtime-error", 7); });
    CHECK(message == "constructor failed with 7");

    try {
        Registry<Fragile>::create("throws-runtime-error", 1);
        FAIL("create did not throw");
    } catch (const autoreg::error&) {
        FAIL("the constructor's exception became an autoreg::error");
    } catch (const std::runtime_error&) {
        SUCCEED();
    }

    try {
        Registry<Fragile>::create("throws-custom", 3);
        FAIL("create did not throw");
    } catch (const construction_failure& failure) {
        CHECK(failure.code == 3);
    }
}

TEST_CASE("try_create does not swallow a constructor's exception",
          "[create][try_create][exceptions]") {
    CHECK_THROWS_AS(Registry<Fragile>::try_create("throws-runtime-error", 1), std::runtime_error);
    CHECK_THROWS_AS(Registry<Fragile>::try_create("throws-custom", 1), construction_failure);
    // Even an autoreg::unknown_key, when the constructor is what threw it.
    const std::string message = test::message_of<autoreg::unknown_key>(
        [] { Registry<Fragile>::try_create("throws-unknown-key", 0); });
    CHECK_THAT(message, test::has_substr("\"no-such-tool\""));
    CHECK_THAT(message, test::has_substr("tool registry"));
}

TEST_CASE("the registry is intact after a constructor threw", "[create][exceptions]") {
    const std::vector<std::string> keys_before = Registry<Fragile>::keys();
    for (int i = 0; i < 100; ++i) {
        CHECK_THROWS_AS(Registry<Fragile>::create("throws-runtime-error", i), std::runtime_error);
        CHECK_THROWS_AS(Registry<Fragile>::try_create("throws-custom", i), construction_failure);
    }
    CHECK(Registry<Fragile>::keys() == keys_before);
    CHECK(Registry<Fragile>::contains("throws-runtime-error"));
    CHECK(Registry<Fragile>::create("sturdy", 5)->code() == 5);
    CHECK(Registry<Fragile>::try_create("sturdy", 6)->code() == 6);
    CHECK(Registry<Tool>::create("hammer")->name() == "hammer");
}

// ---- Cost ----------------------------------------------------------------------

#if AUTOREG_TEST_COUNT_ALLOCATIONS
TEST_CASE("create, try_create and contains allocate nothing but the new object", "[create][cost]") {
    const std::string key = "hammer";
    (void)Registry<Tool>::create(key);  // the first access may build the registry's index

    CHECK(allocations_during([&] { (void)Registry<Tool>::create(key); }) == 1);
    CHECK(allocations_during([&] { (void)Registry<Tool>::create("saw"); }) == 1);
    CHECK(allocations_during([&] { (void)Registry<Tool>::try_create(key); }) == 1);
    CHECK(allocations_during([&] { (void)Registry<Tool>::try_create("chisel"); }) == 0);
    CHECK(allocations_during([&] { (void)Registry<Tool>::contains(key); }) == 0);
    CHECK(allocations_during([&] { (void)Registry<Tool>::contains("chisel"); }) == 0);
    // Keys too long for the index's buckets take a path of their own.
    const std::string long_key = "pneumatic-torque-wrench-with-ratchet";
    const std::string long_absent = "pneumatic-torque-wrench-with-rachet";
    CHECK(allocations_during([&] { (void)Registry<Tool>::create(long_key); }) == 1);
    CHECK(allocations_during([&] { (void)Registry<Tool>::try_create(long_key); }) == 1);
    CHECK(allocations_during([&] { (void)Registry<Tool>::try_create(long_absent); }) == 0);
    CHECK(allocations_during([&] { (void)Registry<Tool>::contains(long_key); }) == 0);
    CHECK(allocations_during([&] { (void)Registry<Tool>::contains(long_absent); }) == 0);
    // The counter itself works: a string too long for SSO allocates.
    std::string kept;
    CHECK(allocations_during([&] { kept.assign(100, 'x'); }) == 1);
}
#endif
