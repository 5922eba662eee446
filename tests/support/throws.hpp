// Helpers for checking what autoreg throws.
#ifndef AUTOREG_TESTS_SUPPORT_THROWS_HPP
#define AUTOREG_TESTS_SUPPORT_THROWS_HPP

#include <string>

#include "catch.hpp"

namespace test {

/// Runs `f`, which must throw `Error`, and returns the exception's message.
/// Fails the test case if `f` returns or throws something else.
template <class Error, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("expected an exception, but none was thrown");
    return {};
}

/// Whether every byte of `text` is printable ASCII (no control bytes, no
/// bytes above 0x7e): what a terminal or a log shows unchanged.
inline bool is_printable_ascii(const std::string& text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e) return false;
    }
    return true;
}

}  // namespace test

#endif
