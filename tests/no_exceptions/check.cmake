# Runs tests/no_exceptions/main.cpp's program in one mode and checks that it
# aborted after the working calls, with autoreg's message on stderr.
#
#   cmake -D PROGRAM=<path> -D MODE=unknown|duplicate -D EXPECT=<regex>
#         [-D EMULATOR_FILE=<file that sets EMULATOR>] -P check.cmake
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/compiler_command.cmake")
autoreg_require_arguments(no_exceptions/check.cmake PROGRAM MODE EXPECT)

set(EMULATOR "")
if(EMULATOR_FILE)
    include("${EMULATOR_FILE}")
endif()
execute_process(COMMAND ${EMULATOR} "${PROGRAM}" "${MODE}"
    RESULT_VARIABLE _result
    OUTPUT_VARIABLE _stdout
    ERROR_VARIABLE _stderr)

set(_report "exit status: ${_result}\n--- stdout ---\n${_stdout}--- stderr ---\n${_stderr}")
set(_failures "")
if(_result STREQUAL "0")
    string(APPEND _failures "  the program exited normally; it should have aborted\n")
endif()
foreach(_marker IN ITEMS "queries: ok" "try_create: ok")
    string(FIND "${_stdout}" "${_marker}" _at)
    if(_at EQUAL -1)
        string(APPEND _failures "  stdout lacks '${_marker}'\n")
    endif()
endforeach()
if(_stdout MATCHES "FAILED|create returned")
    string(APPEND _failures "  stdout reports a failure\n")
endif()
if(NOT _stderr MATCHES "${EXPECT}")
    string(APPEND _failures "  stderr does not match '${EXPECT}'\n")
endif()

if(_failures)
    message(FATAL_ERROR "no_exceptions (${MODE}):\n${_failures}${_report}")
endif()
message(STATUS "no_exceptions (${MODE}): aborted as expected\n${_report}")
