// Built with -fno-exceptions (CONTRACT section 5): try_create and the
// queries work as usual; a call that would throw prints the message to
// stderr and aborts. check.cmake runs this program and judges its output.
//
//   no_exceptions unknown     create() of an unknown key: must abort
//   no_exceptions duplicate   create() of a conflicted key: must abort
#include <autoreg/autoreg.hpp>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#if AUTOREG_HAS_EXCEPTIONS
#error "tests/no_exceptions must be compiled with -fno-exceptions"
#endif

namespace no_exceptions_test {

struct Shape {
    virtual ~Shape() = default;
    virtual int sides() const = 0;
};

struct Square : autoreg::AutoRegister<Shape, Square> {
    static constexpr std::string_view registry_key = "square";
    int sides() const override { return 4; }
};

struct Twice1 : autoreg::AutoRegister<Shape, Twice1> {
    static constexpr std::string_view registry_key = "twice";
    int sides() const override { return 1; }
};

struct Twice2 : autoreg::AutoRegister<Shape, Twice2> {
    static constexpr std::string_view registry_key = "twice";
    int sides() const override { return 2; }
};

}  // namespace no_exceptions_test

using autoreg::Registry;
using no_exceptions_test::Shape;

namespace {

int fail(const char* what) {
    std::printf("FAILED: %s\n", what);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return fail("usage: no_exceptions unknown|duplicate");
    const bool unknown = std::strcmp(argv[1], "unknown") == 0;

    // The queries work as usual.
    if (!Registry<Shape>::contains("square")) return fail("contains(\"square\")");
    if (Registry<Shape>::contains("circle")) return fail("!contains(\"circle\")");
    if (Registry<Shape>::size() != 2) return fail("size() == 2");
    if (Registry<Shape>::conflicts().size() != 1) return fail("conflicts().size() == 1");
    if (Registry<Shape>::create("square")->sides() != 4) return fail("create(\"square\")");
    std::printf("queries: ok\n");

    // try_create returns null instead of failing.
    if (Registry<Shape>::try_create("circle") != nullptr) return fail("try_create(unknown)");
    if (Registry<Shape>::try_create("twice") != nullptr) return fail("try_create(duplicate)");
    if (Registry<Shape>::try_create("square") == nullptr) return fail("try_create(known)");
    std::printf("try_create: ok\n");
    std::fflush(stdout);

    // This must not return.
    std::unique_ptr<Shape> made = Registry<Shape>::create(unknown ? "circle" : "twice");
    std::printf("create returned %s\n", made ? "an object" : "null");
    return 0;
}
