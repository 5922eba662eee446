# Shared by the scripts that run the compiler themselves (compile_fail/,
# headers/): the checks of their -D arguments and the compiler's arguments.
# Lists arrive '|'-separated so that they survive add_test().

# Fails unless every variable named is defined and not empty.
function(autoreg_require_arguments script)
    foreach(_required IN LISTS ARGN)
        if(NOT DEFINED ${_required} OR "${${_required}}" STREQUAL "")
            message(FATAL_ERROR "${script}: -D ${_required}=... is required")
        endif()
    endforeach()
endfunction()

# Sets <out> to the arguments of a warning-free syntax check at STANDARD
# (default 17; STD_OPTION, where given, is the compiler's flag for it) with INCLUDE_DIRS, DEFINITIONS and FLAGS. Directories the
# compiler searches anyway (IMPLICIT_INCLUDE_DIRS) are not repeated with -I:
# that would reorder the system headers and break #include_next.
function(autoreg_compiler_arguments out)
    set(_standard 17)
    if(DEFINED STANDARD AND NOT STANDARD STREQUAL "")
        set(_standard "${STANDARD}")
    endif()
    set(_std_option "-std=c++${_standard}")
    # The spelling the compiler knows, e.g. -std=c++2b for C++23 in Clang 16.
    if(DEFINED STD_OPTION AND NOT STD_OPTION STREQUAL "")
        set(_std_option "${STD_OPTION}")
    endif()
    set(_args "${_std_option}" -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow
        -Wconversion -Werror)
    string(REPLACE "|" ";" _implicit "${IMPLICIT_INCLUDE_DIRS}")
    string(REPLACE "|" ";" _includes "${INCLUDE_DIRS}")
    list(REMOVE_DUPLICATES _includes)
    foreach(_dir IN LISTS _includes)
        if(NOT _dir STREQUAL "" AND NOT _dir IN_LIST _implicit)
            list(APPEND _args "-I${_dir}")
        endif()
    endforeach()
    string(REPLACE "|" ";" _definitions "${DEFINITIONS}")
    foreach(_definition IN LISTS _definitions)
        if(NOT _definition STREQUAL "")
            list(APPEND _args "-D${_definition}")
        endif()
    endforeach()
    if(DEFINED FLAGS AND NOT FLAGS STREQUAL "")
        separate_arguments(_flags UNIX_COMMAND "${FLAGS}")
        list(APPEND _args ${_flags})
    endif()
    set(${out} "${_args}" PARENT_SCOPE)
endfunction()
