# Checks that one public header compiles on its own, warning-free, and can be
# included twice (STYLE.md: "Every public header compiles on its own").
#
#   cmake -D CXX=<compiler> -D HEADER=autoreg/<name>.hpp -D WORK_DIR=<dir>
#         -D INCLUDE_DIRS=<dir|dir...> [-D STANDARD=17] [-D FLAGS=<flags>]
#         [-D IMPLICIT_INCLUDE_DIRS=<dir|dir...>] -P check.cmake
cmake_minimum_required(VERSION 3.16)
foreach(_required IN ITEMS CXX HEADER WORK_DIR INCLUDE_DIRS)
    if(NOT DEFINED ${_required} OR "${${_required}}" STREQUAL "")
        message(FATAL_ERROR "headers/check.cmake: -D ${_required}=... is required")
    endif()
endforeach()
if(NOT DEFINED STANDARD OR STANDARD STREQUAL "")
    set(STANDARD 17)
endif()

string(MAKE_C_IDENTIFIER "${HEADER}" _name)
set(_source "${WORK_DIR}/${_name}.cpp")
file(WRITE "${_source}" "#include <${HEADER}>\n#include <${HEADER}>\n")

string(REPLACE "|" ";" _implicit "${IMPLICIT_INCLUDE_DIRS}")
set(_args "-std=c++${STANDARD}" -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Werror)
string(REPLACE "|" ";" _includes "${INCLUDE_DIRS}")
list(REMOVE_DUPLICATES _includes)
foreach(_dir IN LISTS _includes)
    if(NOT _dir STREQUAL "" AND NOT _dir IN_LIST _implicit)
        list(APPEND _args "-I${_dir}")
    endif()
endforeach()
if(DEFINED FLAGS AND NOT FLAGS STREQUAL "")
    separate_arguments(_flags UNIX_COMMAND "${FLAGS}")
    list(APPEND _args ${_flags})
endif()

execute_process(COMMAND "${CXX}" ${_args} "${_source}"
    RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
if(NOT _result STREQUAL "0")
    message(FATAL_ERROR "<${HEADER}> does not compile on its own\n--- compiler output ---\n${_output}")
endif()
message(STATUS "<${HEADER}> compiles on its own")
