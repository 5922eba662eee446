/// \file
/// The version of autoreg, in one place; CMake reads it from here.
#ifndef AUTOREG_VERSION_HPP
#define AUTOREG_VERSION_HPP

#define AUTOREG_VERSION_MAJOR 0
#define AUTOREG_VERSION_MINOR 1
#define AUTOREG_VERSION_PATCH 0

/// The version as one number: major * 10000 + minor * 100 + patch.
#define AUTOREG_VERSION \
    (AUTOREG_VERSION_MAJOR * 10000 + AUTOREG_VERSION_MINOR * 100 + AUTOREG_VERSION_PATCH)

#endif
