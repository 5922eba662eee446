/// \file
/// The exceptions autoreg throws, and how it fails without exceptions.
#ifndef AUTOREG_ERRORS_HPP
#define AUTOREG_ERRORS_HPP

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "config.hpp"
#include "fwd.hpp"

namespace autoreg {

/// The base of every exception autoreg throws, and itself what a failed
/// `load_library()`, an empty key given to `add()` and a few other misuses
/// throw. Its message says what happened, to which registry and with which
/// key where there is one, and what to do next.
/// \code
/// try {
///     auto shape = autoreg::Registry<Shape>::create(name);
/// } catch (const autoreg::error& e) {
///     fmt::print(stderr, "{}\n", e.what());
/// }
/// \endcode
class error : public std::runtime_error {
public:
    /// Takes the message that what() returns.
    using std::runtime_error::runtime_error;
};

/// `create()` or `shared()` was given a key under which nothing is registered.
class unknown_key : public error {
public:
    /// Takes the message that what() returns.
    using error::error;
};

/// Two classes claim a key with the same priority; only that key is affected.
class duplicate_key : public error {
public:
    /// Takes the message that what() returns.
    using error::error;
};

/// `require()` found keys that no class is registered under.
class missing_keys : public error {
public:
    /// Takes the message that what() returns.
    using error::error;
};

namespace detail {

/// Throws `Error`; built with -fno-exceptions, prints the message and aborts.
template <class Error>
[[noreturn]] AUTOREG_COLD void raise(const std::string& message) {
#if AUTOREG_HAS_EXCEPTIONS
    throw Error(message);
#else
    std::fprintf(stderr, "%s\n", message.c_str());
    std::fflush(stderr);
    std::abort();
#endif
}

}  // namespace detail
}  // namespace autoreg

#endif
