# Compiles one file of tests/compile_fail/ twice and checks both outcomes:
#   - as it is, the compile must fail with a message matching the file's
#     "// expect-error: <regex>" line (and none matching its optional
#     "// reject: <regex>" lines: a misleading follow-up error);
#   - with -DAUTOREG_EXPECT_OK, which shows the fix, it must compile cleanly.
#
#   cmake -D CXX=<compiler> -D SOURCE=<file.cpp> -D INCLUDE_DIRS=<dir|dir...>
#         [-D STANDARD=17] [-D DEFINITIONS=<def|def...>] [-D FLAGS=<flags>]
#         [-D IMPLICIT_INCLUDE_DIRS=<dir|dir...>] -P check.cmake
#
# Lists are separated by '|' so that they survive add_test().
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/compiler_command.cmake")
autoreg_require_arguments(compile_fail/check.cmake CXX SOURCE INCLUDE_DIRS)

file(STRINGS "${SOURCE}" _expect REGEX "^// expect-error: ")
file(STRINGS "${SOURCE}" _reject REGEX "^// reject: ")
list(LENGTH _expect _expect_count)
if(NOT _expect_count EQUAL 1)
    message(FATAL_ERROR "${SOURCE}: needs exactly one '// expect-error: <regex>' line")
endif()
string(REGEX REPLACE "^// expect-error: " "" _expect "${_expect}")
if(NOT _expect MATCHES "^autoreg:")
    message(FATAL_ERROR "${SOURCE}: the expected error must start with 'autoreg:'")
endif()

autoreg_compiler_arguments(_args)

get_filename_component(_name "${SOURCE}" NAME_WE)

# 1. As written: must fail, with autoreg's message.
execute_process(COMMAND "${CXX}" ${_args} "${SOURCE}"
    RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(_result STREQUAL "0")
    message(FATAL_ERROR "${_name}: compiled, but must fail with: ${_expect}\n${_output}")
endif()
if(NOT _output MATCHES "${_expect}")
    message(FATAL_ERROR "${_name}: failed to compile, but not with the expected message\n"
        "expected (regex): ${_expect}\n--- compiler output ---\n${_output}")
endif()
foreach(_line IN LISTS _reject)
    string(REGEX REPLACE "^// reject: " "" _regex "${_line}")
    if(_output MATCHES "${_regex}")
        message(FATAL_ERROR "${_name}: the expected error came with a misleading one\n"
            "rejected (regex): ${_regex}\n--- compiler output ---\n${_output}")
    endif()
endforeach()

# 2. With the fix: must compile, warning-free.
execute_process(COMMAND "${CXX}" ${_args} -DAUTOREG_EXPECT_OK "${SOURCE}"
    RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result STREQUAL "0")
    message(FATAL_ERROR "${_name}: with -DAUTOREG_EXPECT_OK (the fix) it must compile\n"
        "--- compiler output ---\n${_output}")
endif()

message(STATUS "${_name}: fails as expected, and compiles once fixed")
