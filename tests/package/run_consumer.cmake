# Builds and runs one consumer project of autoreg, as a user would; fails
# loudly, with the full output of the failing step, on any error.
#
#   cmake -D CONSUMER_SOURCE_DIR=<dir> -D CONSUMER_BINARY_DIR=<dir> [options] -P run_consumer.cmake
#
# Options (all -D, all before -P):
#   INSTALL_FROM=<autoreg build dir>   first `cmake --install` that build tree ...
#   INSTALL_PREFIX=<dir>               ... into this prefix (emptied first), and
#                                      point the consumer at it with CMAKE_PREFIX_PATH
#   AUTOREG_SOURCE_DIR=<dir>           passed on to the consumer (add_subdirectory)
#   EXPECTED_VERSION=<x.y.z>           passed on as AUTOREG_EXPECTED_VERSION
#   CONFIG=<config>                    build configuration (CMAKE_BUILD_TYPE / --config)
#   GENERATOR, GENERATOR_PLATFORM, GENERATOR_TOOLSET, MAKE_PROGRAM,
#   CXX_COMPILER, CXX_STANDARD, CXX_STANDARD_REQUIRED, CXX_EXTENSIONS,
#   CXX_FLAGS, EXE_LINKER_FLAGS,
#   TOOLCHAIN_FILE                     the parent build's settings, passed on
#   EMULATOR_FILE=<file>               sets EMULATOR, which runs the consumer
cmake_minimum_required(VERSION 3.16)

foreach(_required IN ITEMS CONSUMER_SOURCE_DIR CONSUMER_BINARY_DIR)
    if(NOT DEFINED ${_required} OR "${${_required}}" STREQUAL "")
        message(FATAL_ERROR "run_consumer.cmake: -D ${_required}=... is required")
    endif()
endforeach()
if(DEFINED INSTALL_FROM AND NOT DEFINED INSTALL_PREFIX)
    message(FATAL_ERROR "run_consumer.cmake: INSTALL_FROM needs INSTALL_PREFIX")
endif()

get_filename_component(_consumer_name "${CONSUMER_SOURCE_DIR}" NAME)

# run_step(<name> <command>...): run a command, after ${run_prefix} (the
# emulator: a list that passing through ARGN would split); on failure stop
# with its output.
set(run_prefix "")
function(run_step name)
    set(_shown "")
    foreach(_arg IN LISTS ARGN)
        if(_arg MATCHES "[ \t]")
            string(APPEND _shown " \"${_arg}\"")
        else()
            string(APPEND _shown " ${_arg}")
        endif()
    endforeach()
    if(NOT "${run_prefix}" STREQUAL "")
        set(_shown " [${run_prefix}]${_shown}")
    endif()
    message(STATUS "[${_consumer_name}] ${name}:${_shown}")
    execute_process(COMMAND ${run_prefix} ${ARGN}
        RESULT_VARIABLE _result
        OUTPUT_VARIABLE _output
        ERROR_VARIABLE _output)
    if(NOT _result STREQUAL "0")
        # A plain message() prints the output unchanged (FATAL_ERROR would re-wrap it).
        message("---------------- output of the failed step ----------------\n"
            "${_output}"
            "------------------------------------------------------------")
        message(FATAL_ERROR "[${_consumer_name}] FAILED: ${name} (exit status: ${_result})\n"
            "command:${_shown}")
    endif()
    message("${_output}")
endfunction()

set(_config_args)
if(NOT "${CONFIG}" STREQUAL "")
    set(_config_args --config "${CONFIG}")
endif()

# 1. Install autoreg into a fresh prefix.
if(DEFINED INSTALL_FROM)
    file(REMOVE_RECURSE "${INSTALL_PREFIX}")
    run_step("install autoreg"
        "${CMAKE_COMMAND}" --install "${INSTALL_FROM}" --prefix "${INSTALL_PREFIX}" ${_config_args})
    file(GLOB_RECURSE _installed RELATIVE "${INSTALL_PREFIX}" "${INSTALL_PREFIX}/*")
    list(SORT _installed)
    list(JOIN _installed "\n  " _installed)
    message(STATUS "installed into ${INSTALL_PREFIX}:\n  ${_installed}")
endif()

# 2. Configure the consumer in a fresh build directory, like the parent build.
file(REMOVE_RECURSE "${CONSUMER_BINARY_DIR}")
set(_configure "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${CONSUMER_BINARY_DIR}")
if(NOT "${GENERATOR}" STREQUAL "")
    list(APPEND _configure -G "${GENERATOR}")
endif()
if(NOT "${GENERATOR_PLATFORM}" STREQUAL "")
    list(APPEND _configure -A "${GENERATOR_PLATFORM}")
endif()
if(NOT "${GENERATOR_TOOLSET}" STREQUAL "")
    list(APPEND _configure -T "${GENERATOR_TOOLSET}")
endif()
foreach(_pass IN ITEMS
        MAKE_PROGRAM CXX_COMPILER CXX_STANDARD CXX_STANDARD_REQUIRED CXX_EXTENSIONS
        CXX_FLAGS EXE_LINKER_FLAGS TOOLCHAIN_FILE)
    if(NOT "${${_pass}}" STREQUAL "")
        list(APPEND _configure "-DCMAKE_${_pass}=${${_pass}}")
    endif()
endforeach()
if(NOT "${CONFIG}" STREQUAL "")
    list(APPEND _configure "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
if(DEFINED INSTALL_PREFIX)
    list(APPEND _configure
        "-DCMAKE_PREFIX_PATH=${INSTALL_PREFIX}"
        "-DAUTOREG_EXPECTED_PREFIX=${INSTALL_PREFIX}"
        # Only the fresh prefix may satisfy find_package(autoreg).
        -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
    if(NOT "${TOOLCHAIN_FILE}" STREQUAL "")
        # A cross-compiling toolchain finds packages only below its roots.
        list(APPEND _configure "-DCMAKE_FIND_ROOT_PATH=${INSTALL_PREFIX}")
    endif()
endif()
if(NOT "${EXPECTED_VERSION}" STREQUAL "")
    list(APPEND _configure "-DAUTOREG_EXPECTED_VERSION=${EXPECTED_VERSION}")
endif()
if(NOT "${AUTOREG_SOURCE_DIR}" STREQUAL "")
    list(APPEND _configure "-DAUTOREG_SOURCE_DIR=${AUTOREG_SOURCE_DIR}")
endif()
run_step("configure" ${_configure})

# 3. Build it.
run_step("build" "${CMAKE_COMMAND}" --build "${CONSUMER_BINARY_DIR}" ${_config_args})

# 4. Run it: it returns 0 only when the registry made a working Square.
set(_candidates
    "${CONSUMER_BINARY_DIR}/consumer"
    "${CONSUMER_BINARY_DIR}/consumer.exe"
    "${CONSUMER_BINARY_DIR}/${CONFIG}/consumer"
    "${CONSUMER_BINARY_DIR}/${CONFIG}/consumer.exe")
set(_program "")
foreach(_candidate IN LISTS _candidates)
    if(NOT IS_DIRECTORY "${_candidate}" AND EXISTS "${_candidate}")
        set(_program "${_candidate}")
        break()
    endif()
endforeach()
if(_program STREQUAL "")
    message(FATAL_ERROR "[${_consumer_name}] FAILED: the build made no 'consumer' program in "
        "${CONSUMER_BINARY_DIR}")
endif()
set(EMULATOR "")
if(NOT "${EMULATOR_FILE}" STREQUAL "")
    include("${EMULATOR_FILE}")
endif()
set(run_prefix "${EMULATOR}")
run_step("run" "${_program}")
message(STATUS "[${_consumer_name}] passed")
