# Cross-compiles autoreg for 64-bit Windows with Debian's MinGW-w64 (posix
# threads) and runs what it builds under Wine, so that ctest runs the tests:
#
#   cmake -S . -B build/mingw -G Ninja \
#       -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
#
# Packages: g++-mingw-w64-x86-64-posix, wine. {fmt} and Catch2 come from
# Debian's libfmt-dev and catch2 as headers only: their CMake packages are
# built for Linux and point at /usr/include, whose C library headers must not
# reach a Windows build. This file gives the build a prefix of its own that
# holds links to just those two header folders, and describes both to CMake.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

# The posix thread model: GCC 12's win32 model has no std::thread.
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

# COFF objects hold at most 32,767 sections; a unit with many templates at -O0
# exceeds that ("file too big") unless the assembler writes the big-object form.
set(CMAKE_CXX_FLAGS_INIT "-Wa,-mbig-obj")

find_program(AUTOREG_WINE NAMES wine wine64 PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(NOT AUTOREG_WINE)
    message(FATAL_ERROR "autoreg: the MinGW toolchain runs its tests under Wine; install wine")
endif()
# Wine finds the MinGW runtime DLLs (libstdc++, libgcc, winpthread) on
# WINEPATH; its own diagnostics would drown the tests' output.
set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_COMMAND};-E;env;WINEDEBUG=-all;\
WINEPATH=Z:\\usr\\lib\\gcc\\x86_64-w64-mingw32\\12-posix\;Z:\\usr\\x86_64-w64-mingw32\\lib;\
${AUTOREG_WINE}")

# The prefix with the header-only dependencies. CMAKE_BINARY_DIR is the
# project's build folder, or a try_compile's, which needs none of this.
set(_autoreg_prefix "${CMAKE_BINARY_DIR}/mingw-prefix")
if(NOT EXISTS "${_autoreg_prefix}/lib/cmake/Catch2/Catch2Config.cmake")
    file(MAKE_DIRECTORY "${_autoreg_prefix}/include" "${_autoreg_prefix}/lib/cmake/fmt"
        "${_autoreg_prefix}/lib/cmake/Catch2")
    foreach(_dir fmt catch2)
        if(EXISTS "/usr/include/${_dir}")
            file(CREATE_LINK "/usr/include/${_dir}" "${_autoreg_prefix}/include/${_dir}" SYMBOLIC)
        endif()
    endforeach()
    # catch_discover_tests, which runs the tests through the emulator.
    foreach(_script Catch.cmake CatchAddTests.cmake)
        if(EXISTS "/usr/lib/cmake/Catch2/${_script}")
            file(CREATE_LINK "/usr/lib/cmake/Catch2/${_script}"
                "${_autoreg_prefix}/lib/cmake/Catch2/${_script}" SYMBOLIC)
        endif()
    endforeach()
    file(WRITE "${_autoreg_prefix}/lib/cmake/fmt/fmt-config.cmake"
        "# {fmt} header-only, from Debian's libfmt-dev (see cmake/mingw-w64-x86_64.cmake).\n"
        "if(NOT TARGET fmt::fmt-header-only)\n"
        "    add_library(fmt::fmt-header-only INTERFACE IMPORTED)\n"
        "    set_target_properties(fmt::fmt-header-only PROPERTIES\n"
        "        INTERFACE_INCLUDE_DIRECTORIES \"${_autoreg_prefix}/include\"\n"
        "        INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)\n"
        "    add_library(fmt::fmt ALIAS fmt::fmt-header-only)\n"
        "endif()\n")
    file(WRITE "${_autoreg_prefix}/lib/cmake/Catch2/Catch2Config.cmake"
        "# Catch2 2 header-only, from Debian's catch2 (see cmake/mingw-w64-x86_64.cmake).\n"
        "set(Catch2_VERSION 2)\n"
        "if(NOT TARGET Catch2::Catch2)\n"
        "    add_library(Catch2::Catch2 INTERFACE IMPORTED)\n"
        "    set_target_properties(Catch2::Catch2 PROPERTIES\n"
        "        INTERFACE_INCLUDE_DIRECTORIES \"${_autoreg_prefix}/include\")\n"
        "endif()\n")
endif()

# Appended, so that a prefix given with -DCMAKE_FIND_ROOT_PATH (where a
# Windows build of a dependency was installed) is searched as well.
list(APPEND CMAKE_FIND_ROOT_PATH "${_autoreg_prefix}" /usr/x86_64-w64-mingw32)
list(REMOVE_DUPLICATES CMAKE_FIND_ROOT_PATH)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

