/// \file
/// The version of autoreg, in one place; CMake reads it from here.
#ifndef AUTOREG_VERSION_HPP
#define AUTOREG_VERSION_HPP

/// The major version number.
#define AUTOREG_VERSION_MAJOR 0
/// The minor version number.
#define AUTOREG_VERSION_MINOR 1
/// The patch version number.
#define AUTOREG_VERSION_PATCH 0

/// The version as one number: major * 10000 + minor * 100 + patch. Host and
/// plugins must be built against the same version: the layout of the
/// process-wide registry they share is fixed only within one.
/// \code
/// #if AUTOREG_VERSION >= 100  // autoreg 0.1.0 or later
/// \endcode
#define AUTOREG_VERSION \
    (AUTOREG_VERSION_MAJOR * 10000 + AUTOREG_VERSION_MINOR * 100 + AUTOREG_VERSION_PATCH)

#endif
