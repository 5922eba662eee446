# autoreg_target_warnings(<target>...)
#
# Turns on the warnings that autoreg's own code must pass, as errors, on the
# project's own targets (tests, examples, benchmarks). Never call it on the
# INTERFACE target `autoreg`: warning flags are not forced on consumers.
#
# -Werror (/WX) can be switched off with -DAUTOREG_WARNINGS_AS_ERRORS=OFF, for
# example when trying a compiler newer than the ones the project is tested with.
include_guard(GLOBAL)

option(AUTOREG_WARNINGS_AS_ERRORS "Treat warnings as errors in autoreg's own targets" ON)

function(autoreg_target_warnings)
    if(ARGC EQUAL 0)
        message(FATAL_ERROR "autoreg_target_warnings: give at least one target")
    endif()
    foreach(target IN LISTS ARGV)
        if(NOT TARGET "${target}")
            message(FATAL_ERROR "autoreg_target_warnings: '${target}' is not a target")
        endif()
        get_target_property(type "${target}" TYPE)
        if(type STREQUAL "INTERFACE_LIBRARY")
            message(FATAL_ERROR "autoreg_target_warnings: '${target}' is an INTERFACE library; "
                "warning flags belong on the project's own compiled targets, not on consumers")
        endif()

        # MSVC is also true for clang-cl, which takes the MSVC-style flags.
        if(MSVC)
            set(flags /W4 /permissive-)
            if(AUTOREG_WARNINGS_AS_ERRORS)
                list(APPEND flags /WX)
            endif()
        elseif(CMAKE_CXX_COMPILER_ID MATCHES "^(GNU|Clang|AppleClang)$")
            set(flags -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
            if(AUTOREG_WARNINGS_AS_ERRORS)
                list(APPEND flags -Werror)
            endif()
        else()
            set(flags)
        endif()
        target_compile_options("${target}" PRIVATE ${flags})
    endforeach()
endfunction()
