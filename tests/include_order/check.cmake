# Compiles every public header of autoreg on its own after one prelude, and
# <autoreg/autoreg.hpp> with a registering class (registering_class.hpp)
# after it: one compiler run per header, warnings as errors. The prelude is
# included again after the header, where it checks that what it set up is
# intact (see each prelude). Every header is tried; the failures are listed.
#
#   cmake -D CXX=<compiler> -D PRELUDE=<prelude.hpp> -D AUTOREG_INCLUDE_DIR=<include>
#         -D WORK_DIR=<dir> -D INCLUDE_DIRS=<dir|dir...> [-D STANDARD=17]
#         [-D STD_OPTION=<option>] [-D DEFINITIONS=<def|def...>] [-D FLAGS=<flags>]
#         [-D IMPLICIT_INCLUDE_DIRS=<dir|dir...>] -P check.cmake
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/compiler_command.cmake")
autoreg_require_arguments(include_order/check.cmake
    CXX PRELUDE AUTOREG_INCLUDE_DIR WORK_DIR INCLUDE_DIRS)

get_filename_component(_prelude_name "${PRELUDE}" NAME_WE)
file(GLOB _headers RELATIVE "${AUTOREG_INCLUDE_DIR}" "${AUTOREG_INCLUDE_DIR}/autoreg/*.hpp")
list(SORT _headers)
# The umbrella header is compiled with the registering class below (a superset).
list(REMOVE_ITEM _headers autoreg/autoreg.hpp)
if(NOT _headers)
    message(FATAL_ERROR "include_order/check.cmake: no headers in ${AUTOREG_INCLUDE_DIR}/autoreg")
endif()

autoreg_compiler_arguments(_args)
file(MAKE_DIRECTORY "${WORK_DIR}")

set(_failed "")
set(_report "")
foreach(_header IN LISTS _headers ITEMS "autoreg/autoreg.hpp + registering_class.hpp")
    if(_header MATCHES "^autoreg/autoreg.hpp")
        set(_name autoreg_with_class)
        set(_text "#include \"${PRELUDE}\"\n#include <autoreg/autoreg.hpp>\n"
            "#include \"${CMAKE_CURRENT_LIST_DIR}/registering_class.hpp\"\n"
            "#include \"${PRELUDE}\"\n")
    else()
        get_filename_component(_name "${_header}" NAME_WE)
        set(_text "#include \"${PRELUDE}\"\n#include <${_header}>\n#include \"${PRELUDE}\"\n")
    endif()
    set(_source "${WORK_DIR}/${_name}.cpp")
    file(WRITE "${_source}" ${_text})
    execute_process(COMMAND "${CXX}" ${_args} "${_source}"
        RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
    if(_result STREQUAL "0")
        message(STATUS "ok      <${_header}> after ${_prelude_name}")
    else()
        message(STATUS "FAILED  <${_header}> after ${_prelude_name}")
        list(APPEND _failed "<${_header}>")
        # The first errors say what broke; the whole output is kept in a file.
        file(WRITE "${WORK_DIR}/${_name}.log" "${_output}")
        string(LENGTH "${_output}" _length)
        if(_length GREATER 3000)
            string(SUBSTRING "${_output}" 0 3000 _output)
            string(APPEND _output "\n... (the rest: ${WORK_DIR}/${_name}.log)\n")
        endif()
        string(APPEND _report "\n--- <${_header}> after ${_prelude_name} (${_source}) ---\n${_output}")
    endif()
endforeach()

if(_failed)
    list(JOIN _failed ", " _failed)
    message(FATAL_ERROR "after the ${_prelude_name} prelude, these do not compile: ${_failed}\n"
        "compiler: ${CXX} ${_args}${_report}")
endif()
