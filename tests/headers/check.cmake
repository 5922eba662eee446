# Checks that one public header compiles on its own, warning-free, and can be
# included twice (STYLE.md: "Every public header compiles on its own").
#
#   cmake -D CXX=<compiler> -D HEADER=autoreg/<name>.hpp -D WORK_DIR=<dir>
#         -D INCLUDE_DIRS=<dir|dir...> [-D STANDARD=17] [-D FLAGS=<flags>]
#         [-D IMPLICIT_INCLUDE_DIRS=<dir|dir...>] -P check.cmake
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/compiler_command.cmake")
autoreg_require_arguments(headers/check.cmake CXX HEADER WORK_DIR INCLUDE_DIRS)

string(MAKE_C_IDENTIFIER "${HEADER}" _name)
set(_source "${WORK_DIR}/${_name}.cpp")
file(WRITE "${_source}" "#include <${HEADER}>\n#include <${HEADER}>\n")

autoreg_compiler_arguments(_args)

execute_process(COMMAND "${CXX}" ${_args} "${_source}"
    RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result STREQUAL "0")
    message(FATAL_ERROR "<${HEADER}> does not compile on its own\n--- compiler output ---\n${_output}")
endif()
message(STATUS "<${HEADER}> compiles on its own")
