/// \file
/// Messages put together from their parts, without {fmt}: including
/// <fmt/core.h> cost every file that includes autoreg more than the
/// standard headers the API needs (benchmarks/results/results.md).
#ifndef AUTOREG_DETAIL_TEXT_HPP
#define AUTOREG_DETAIL_TEXT_HPP

#include <cstring>  // strerror_r, in both its forms, where there is one
#include <string>
#include <string_view>
#include <type_traits>

namespace autoreg {
namespace detail {

template <class Part>
void append_part(std::string& out, const Part& part) {
    if constexpr (std::is_integral_v<Part>) {
        static_assert(!std::is_same_v<Part, char> && !std::is_same_v<Part, bool>,
                      "a character or a bool in a message: append it as text");
        out += std::to_string(part);
    } else {
        out += std::string_view(part);
    }
}

/// The parts, texts as they are and integers in decimal, one after another.
template <class... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    (append_part(out, parts), ...);
    return out;
}

#if !defined(_WIN32)
// strerror_r returns the text in its GNU form and fills the buffer in its
// POSIX one; strerror would be simpler, but may share its buffer across
// threads.
inline std::string strerror_result(const char* text, const char* /*buffer*/) { return text; }
inline std::string strerror_result(int failed, const char* buffer) {
    return failed == 0 ? std::string(buffer) : std::string("unknown error");
}

/// The C library's text for an errno value.
inline std::string error_text(int code) {
    char buffer[256] = "";
    return strerror_result(strerror_r(code, buffer, sizeof buffer), buffer);
}
#else
/// The C runtime's text for an errno value.
inline std::string error_text(int code) {
    char buffer[256] = "";
    return strerror_s(buffer, sizeof buffer, code) == 0 ? std::string(buffer)
                                                        : std::string("unknown error");
}
#endif

}  // namespace detail
}  // namespace autoreg

#endif
