# Reads the code blocks of a Markdown file, for tests/docs/CMakeLists.txt (at
# configure time, to register one test per block) and extract.cmake (at test
# time, to compile the block as the file says it now).
#
# The blocks checked are ```cpp (or ```c++) and ```cmake; every other fenced
# block (```sh, output shown in a plain ``` block) is ignored. An HTML comment
# on the line before a block (blank lines between are allowed) says how to
# check it; GitHub does not show it:
#
#   <!-- snippet: declarations -->     compiled at namespace scope (the default)
#   <!-- snippet: statements -->       compiled as the body of a function
#   <!-- snippet: skip (reason) -->    not checked, for the reason given
#
# A ```cmake block is configured in a small project (see extract.cmake); it
# takes no marker but skip. Any other line that starts with "<!-- snippet" is
# an error, and so is a marker that no checked block follows.

# autoreg_docs_parse(<markdown file> <prefix>) sets in the caller's scope:
#   <prefix>_COUNT            the number of checked blocks, numbered from 1
#   <prefix>_<n>_LANGUAGE     cpp or cmake
#   <prefix>_<n>_MODE         declarations, statements or skip (cpp); configure or
#                             skip (cmake)
#   <prefix>_<n>_REASON       why a skipped block is skipped
#   <prefix>_<n>_LINE         the line of the file where the block's code starts
#   <prefix>_<n>_CODE         the block's code, each line ending with a newline
#   <prefix>_ERROR            what is wrong with the file's markers, or empty
# The text is walked with string(FIND) rather than read as a CMake list, so
# that ';', '[' and ']' in code survive.
function(autoreg_docs_parse markdown prefix)
    file(READ "${markdown}" _text)
    get_filename_component(_file "${markdown}" NAME)
    set(_count 0)
    set(_errors "")
    set(_line_number 0)
    set(_inside OFF)       # inside a fenced block
    set(_checked OFF)      # ... that is checked
    set(_fence "")         # the opening fence's backquotes
    set(_indent 0)         # the opening fence's indentation
    set(_marker "")        # the pending marker's mode, until a block takes it
    set(_marker_reason "")
    set(_marker_line 0)
    while(NOT _text STREQUAL "")
        string(FIND "${_text}" "\n" _end)
        if(_end EQUAL -1)
            set(_line "${_text}")
            set(_text "")
        else()
            string(SUBSTRING "${_text}" 0 ${_end} _line)
            math(EXPR _end "${_end} + 1")
            string(SUBSTRING "${_text}" ${_end} -1 _text)
        endif()
        string(REGEX REPLACE "\r$" "" _line "${_line}")
        math(EXPR _line_number "${_line_number} + 1")

        if(_inside)
            if(_line MATCHES "^[ \t]*(```+)[ \t]*$")
                string(LENGTH "${CMAKE_MATCH_1}" _closing)
                string(LENGTH "${_fence}" _opening)
                if(NOT _closing LESS _opening)
                    set(_inside OFF)
                    if(_checked)
                        set(${prefix}_${_count}_CODE "${_code}" PARENT_SCOPE)
                    endif()
                    continue()
                endif()
            endif()
            if(_checked)
                # Drop the opening fence's indentation, as Markdown does.
                if(_indent GREATER 0 AND _line MATCHES "^[ ]+")
                    string(LENGTH "${CMAKE_MATCH_0}" _spaces)
                    if(_spaces GREATER _indent)
                        set(_spaces ${_indent})
                    endif()
                    string(SUBSTRING "${_line}" ${_spaces} -1 _line)
                endif()
                string(APPEND _code "${_line}\n")
            endif()
            continue()
        endif()

        if(_line MATCHES "^[ \t]*<!--[ \t]*snippet")
            if(_line MATCHES "^<!-- snippet: (declarations|statements) -->[ \t]*$")
                set(_mode "${CMAKE_MATCH_1}")
                set(_reason "")
            elseif(_line MATCHES "^<!-- snippet: skip \\((.+)\\) -->[ \t]*$")
                set(_mode skip)
                set(_reason "${CMAKE_MATCH_1}")
            else()
                string(APPEND _errors "${_file}:${_line_number}: not a snippet marker; write "
                    "<!-- snippet: declarations -->, <!-- snippet: statements --> or "
                    "<!-- snippet: skip (reason) -->\n")
                continue()
            endif()
            if(NOT _marker STREQUAL "")
                string(APPEND _errors "${_file}:${_marker_line}: a snippet marker that no code "
                    "block follows\n")
            endif()
            set(_marker "${_mode}")
            set(_marker_reason "${_reason}")
            set(_marker_line ${_line_number})
        elseif(_line MATCHES "^([ ]*)(```+)[ \t]*([^ \t`]*)")
            string(LENGTH "${CMAKE_MATCH_1}" _indent)
            set(_fence "${CMAKE_MATCH_2}")
            string(TOLOWER "${CMAKE_MATCH_3}" _language)
            set(_inside ON)
            set(_checked OFF)
            if(_language STREQUAL "c++")
                set(_language cpp)
            endif()
            if(_language STREQUAL "cpp" OR _language STREQUAL "cmake")
                set(_checked ON)
                math(EXPR _count "${_count} + 1")
                set(_code "")
                set(_mode declarations)
                set(_reason "")
                if(NOT _marker STREQUAL "")
                    set(_mode "${_marker}")
                    set(_reason "${_marker_reason}")
                endif()
                if(_language STREQUAL "cmake" AND NOT _mode STREQUAL "skip")
                    if(NOT _marker STREQUAL "")
                        string(APPEND _errors "${_file}:${_marker_line}: a ```cmake block "
                            "takes no snippet marker but skip\n")
                    endif()
                    set(_mode configure)
                endif()
                math(EXPR _first "${_line_number} + 1")
                set(${prefix}_${_count}_LANGUAGE "${_language}" PARENT_SCOPE)
                set(${prefix}_${_count}_MODE "${_mode}" PARENT_SCOPE)
                set(${prefix}_${_count}_REASON "${_reason}" PARENT_SCOPE)
                set(${prefix}_${_count}_LINE "${_first}" PARENT_SCOPE)
            elseif(NOT _marker STREQUAL "")
                string(APPEND _errors "${_file}:${_marker_line}: a snippet marker before a "
                    "```${_language} block, which is not checked; remove the marker\n")
            endif()
            set(_marker "")
        elseif(NOT _line MATCHES "^[ \t]*$" AND NOT _marker STREQUAL "")
            string(APPEND _errors "${_file}:${_marker_line}: a snippet marker that no code "
                "block follows\n")
            set(_marker "")
        endif()
    endwhile()
    if(_inside)
        string(APPEND _errors "${_file}: a code block is never closed\n")
        if(_checked)
            set(${prefix}_${_count}_CODE "${_code}" PARENT_SCOPE)
        endif()
    endif()
    if(NOT _marker STREQUAL "")
        string(APPEND _errors "${_file}:${_marker_line}: a snippet marker that no code block "
            "follows\n")
    endif()
    set(${prefix}_COUNT ${_count} PARENT_SCOPE)
    set(${prefix}_ERROR "${_errors}" PARENT_SCOPE)
endfunction()
