# Pulls the code blocks out of one Markdown file (README.md, docs/*.md) and
# checks one of them; see snippets.cmake for the blocks and their markers.
#
# Check block <n> (what the test autoreg.docs.<doc>.<n> runs):
#   cmake -D DOC=<file.md> -D WORK_DIR=<dir> -D INDEX=<n> -D COUNT=<blocks> -D MODE=<mode>
#         -D CXX=<compiler> -D INCLUDE_DIRS=<dir|dir...> [-D STANDARD=17]
#         [-D DEFINITIONS=<def|def...>] [-D FLAGS=<flags>] [-D IMPLICIT_INCLUDE_DIRS=<dir|dir...>]
#         [-D GENERATOR=<generator> -D MAKE_PROGRAM=<path> -D AUTOREG_SOURCE_DIR=<dir>
#          -D FMT_DIR=<dir> -D PREFIX_PATH=<dir|dir...>]    (for ```cmake blocks)
#         -P extract.cmake
#   COUNT and MODE are what CMake saw when it registered the test: a file that
#   changed since then fails the test until CMake runs again.
#
# Extract every block, to read what the tests compile:
#   cmake -D DOC=<file.md> -D WORK_DIR=<dir> -P extract.cmake
#
# A ```cpp block of <doc>.md becomes <WORK_DIR>/<doc>_<n>.cpp: the prelude
# tests/docs/prelude_<doc>.hpp (or <autoreg/autoreg.hpp> where there is none),
# which declares what the document's snippets use without defining, then the
# block, at namespace scope or as the body of a function (statements), after a
# #line that makes the compiler's messages point into the Markdown file. It
# must compile with -fsyntax-only and the warnings of the other compiler tests,
# as errors. A ```cmake block becomes the project <WORK_DIR>/<doc>_<n>/: autoreg
# added with add_subdirectory, then tests/docs/prelude_<doc>.cmake (the targets
# and files the snippets use), then the block; it must configure and generate.
cmake_minimum_required(VERSION 3.16)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/compiler_command.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/snippets.cmake")
autoreg_require_arguments(docs/extract.cmake DOC WORK_DIR)

get_filename_component(_doc_file "${DOC}" NAME)
get_filename_component(_doc "${DOC}" NAME_WE)
set(_prelude_dir "${CMAKE_CURRENT_LIST_DIR}")

autoreg_docs_parse("${DOC}" _snippet)
if(NOT _snippet_ERROR STREQUAL "")
    message(FATAL_ERROR "${DOC}: wrong snippet markers\n${_snippet_ERROR}")
endif()

# autoreg_docs_write_cpp(<n> <out>): writes block <n> as a source file.
function(autoreg_docs_write_cpp n out)
    set(_prelude "${_prelude_dir}/prelude_${_doc}.hpp")
    string(CONCAT _text "// ${_doc_file}, block ${n} (line ${_snippet_${n}_LINE}), compiled as "
        "${_snippet_${n}_MODE} by tests/docs/extract.cmake\n")
    if(EXISTS "${_prelude}")
        string(APPEND _text "#include \"${_prelude}\"\n")
    else()
        string(APPEND _text "#include <autoreg/autoreg.hpp>\n")
    endif()
    if(_snippet_${n}_MODE STREQUAL "statements")
        string(APPEND _text "void autoreg_docs_snippet_${n}();\n"
            "void autoreg_docs_snippet_${n}() {\n")
    endif()
    string(APPEND _text "#line ${_snippet_${n}_LINE} \"${DOC}\"\n" "${_snippet_${n}_CODE}")
    if(_snippet_${n}_MODE STREQUAL "statements")
        string(APPEND _text "}\n")
    endif()
    file(WRITE "${out}" "${_text}")
endfunction()

# autoreg_docs_write_cmake(<n> <dir>): writes block <n> as a project.
function(autoreg_docs_write_cmake n dir)
    set(_prelude "${_prelude_dir}/prelude_${_doc}.cmake")
    file(WRITE "${dir}/snippet.cmake" "${_snippet_${n}_CODE}")
    string(CONCAT _text "# ${_doc_file}, block ${n} (line ${_snippet_${n}_LINE}), configured by "
        "tests/docs/extract.cmake\n"
        "cmake_minimum_required(VERSION 3.16...3.28)\n"
        "project(autoreg_docs_${_doc}_${n} LANGUAGES CXX)\n"
        "add_subdirectory(\"\${AUTOREG_SOURCE_DIR}\" autoreg)\n"
        "# What the prelude may look at: the snippet's own code.\n"
        "file(READ \"\${CMAKE_CURRENT_SOURCE_DIR}/snippet.cmake\" AUTOREG_DOCS_SNIPPET)\n")
    if(EXISTS "${_prelude}")
        string(APPEND _text "include(\"${_prelude}\")\n")
    endif()
    string(APPEND _text "include(\"\${CMAKE_CURRENT_SOURCE_DIR}/snippet.cmake\")\n")
    file(WRITE "${dir}/CMakeLists.txt" "${_text}")
endfunction()

if(NOT DEFINED INDEX OR INDEX STREQUAL "")
    set(_written "")
    set(_numbers "")
    if(_snippet_COUNT GREATER 0)
        foreach(_n RANGE 1 ${_snippet_COUNT})
            list(APPEND _numbers ${_n})
        endforeach()
    endif()
    foreach(_n IN LISTS _numbers)
        if(_snippet_${_n}_LANGUAGE STREQUAL "cpp")
            autoreg_docs_write_cpp(${_n} "${WORK_DIR}/${_doc}_${_n}.cpp")
            string(APPEND _written "\n  ${_doc}_${_n}.cpp")
        else()
            autoreg_docs_write_cmake(${_n} "${WORK_DIR}/${_doc}_${_n}")
            string(APPEND _written "\n  ${_doc}_${_n}/CMakeLists.txt")
        endif()
        if(_snippet_${_n}_MODE STREQUAL "skip")
            string(APPEND _written "  (skipped by the tests: ${_snippet_${_n}_REASON})")
        endif()
    endforeach()
    message(STATUS "${_doc_file}: ${_snippet_COUNT} blocks, written to ${WORK_DIR}:${_written}")
    return()
endif()

autoreg_require_arguments(docs/extract.cmake COUNT MODE)
set(_n ${INDEX})
if(NOT _snippet_COUNT EQUAL COUNT OR NOT "${_snippet_${_n}_MODE}" STREQUAL MODE)
    message(FATAL_ERROR "${_doc_file} changed since CMake registered this test: block ${_n} "
        "was ${MODE} of ${COUNT} blocks, it is now '${_snippet_${_n}_MODE}' of "
        "${_snippet_COUNT}. Run CMake again (building does).")
endif()
set(_where "${_doc_file}:${_snippet_${_n}_LINE}")

if(MODE STREQUAL "skip")
    message(STATUS "${_where}: skipped: ${_snippet_${_n}_REASON}")
    return()
endif()

if(_snippet_${_n}_LANGUAGE STREQUAL "cpp")
    autoreg_require_arguments(docs/extract.cmake CXX INCLUDE_DIRS)
    set(_source "${WORK_DIR}/${_doc}_${_n}.cpp")
    autoreg_docs_write_cpp(${_n} "${_source}")
    autoreg_compiler_arguments(_args)
    execute_process(COMMAND "${CXX}" ${_args} "${_source}"
        RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
    if(NOT _result STREQUAL "0")
        if(MODE STREQUAL "declarations")
            string(CONCAT _hint "It was compiled at namespace scope, as every unmarked block is: "
                "a block of statements needs <!-- snippet: statements --> on the line before it.")
        else()
            set(_hint "It was compiled as the body of a function.")
        endif()
        # A plain message() shows the compiler's output unchanged (FATAL_ERROR re-wraps it).
        message("--- compiler output ---\n${_output}-----------------------")
        message(FATAL_ERROR "${_where}: the ```cpp block ${_n} of ${_doc_file} does not compile. "
            "${_hint} Names the document's snippets use without defining belong in "
            "tests/docs/prelude_${_doc}.hpp; a block that cannot compile on its own is marked "
            "<!-- snippet: skip (reason) -->.\nsource: ${_source}")
    endif()
    message(STATUS "${_where}: compiles (${MODE})")
else()
    autoreg_require_arguments(docs/extract.cmake AUTOREG_SOURCE_DIR)
    set(_project "${WORK_DIR}/${_doc}_${_n}")
    file(REMOVE_RECURSE "${_project}")
    autoreg_docs_write_cmake(${_n} "${_project}")
    set(_configure "${CMAKE_COMMAND}" -S "${_project}" -B "${_project}/build"
        "-DAUTOREG_SOURCE_DIR=${AUTOREG_SOURCE_DIR}")
    if(DEFINED GENERATOR AND NOT GENERATOR STREQUAL "")
        list(APPEND _configure -G "${GENERATOR}")
    endif()
    if(DEFINED MAKE_PROGRAM AND NOT MAKE_PROGRAM STREQUAL "")
        list(APPEND _configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
    endif()
    if(DEFINED CXX AND NOT CXX STREQUAL "")
        list(APPEND _configure "-DCMAKE_CXX_COMPILER=${CXX}")
    endif()
    if(DEFINED FMT_DIR AND NOT FMT_DIR STREQUAL "")
        list(APPEND _configure "-Dfmt_DIR=${FMT_DIR}")
    endif()
    if(DEFINED PREFIX_PATH AND NOT PREFIX_PATH STREQUAL "")
        # Through the environment: a ";" in a -D argument would split it here.
        if(WIN32)
            string(REPLACE "|" ";" _prefix_path "${PREFIX_PATH}")
        else()
            string(REPLACE "|" ":" _prefix_path "${PREFIX_PATH}")
        endif()
        set(ENV{CMAKE_PREFIX_PATH} "${_prefix_path}")
    endif()
    execute_process(COMMAND ${_configure}
        RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
    if(NOT _result STREQUAL "0")
        message("--- cmake output ---\n${_output}--------------------")
        message(FATAL_ERROR "${_where}: the ```cmake block ${_n} of ${_doc_file} does not "
            "configure (line k of snippet.cmake is line ${_snippet_${_n}_LINE} + k - 1 of "
            "${_doc_file}). Targets and files the document's snippets use without defining "
            "belong in tests/docs/prelude_${_doc}.cmake.\nproject: ${_project}")
    endif()
    message(STATUS "${_where}: configures")
endif()
