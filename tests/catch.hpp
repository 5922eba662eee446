// The one place that knows which Catch2 the tests build with: Catch2 2
// (<catch2/catch.hpp>, single header) or Catch2 3 (split headers, own main).
// tests/CMakeLists.txt defines AUTOREG_TEST_CATCH2_MAJOR.
#ifndef AUTOREG_TESTS_CATCH_HPP
#define AUTOREG_TESTS_CATCH_HPP

#include <string>

#if AUTOREG_TEST_CATCH2_MAJOR >= 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <catch2/matchers/catch_matchers_vector.hpp>
#else
#include <catch2/catch.hpp>
#endif

namespace test {

/// `CHECK_THAT(text, has_substr("..."))`: Catch2 3 renamed the string
/// matcher (its `Contains` is for ranges).
inline auto has_substr(const std::string& part) {
#if AUTOREG_TEST_CATCH2_MAJOR >= 3
    return Catch::Matchers::ContainsSubstring(part);
#else
    return Catch::Matchers::Contains(part);
#endif
}

inline auto starts_with(const std::string& prefix) { return Catch::Matchers::StartsWith(prefix); }

}  // namespace test

#endif
