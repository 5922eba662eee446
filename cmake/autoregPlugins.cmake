# CMake helpers for programs whose classes come from static libraries or plugins.
#
#   autoreg_link_plugins(<target> <static-library>...)
#       Links each static library into <target> whole, so that the linker keeps
#       object files that nothing references and their classes stay registered.
#
#   autoreg_enable_plugins(<executable>)
#       Makes the executable share its registries with the shared libraries
#       (DLLs) it loads with autoreg::load_library() and those it links:
#       exports its symbols on ELF platforms; on Windows exports autoreg's
#       hub, which every DLL looks up in the executable.

include_guard(GLOBAL)

function(autoreg_link_plugins target)
    if(NOT TARGET "${target}")
        message(FATAL_ERROR "autoreg_link_plugins: '${target}' is not a target")
    endif()
    foreach(library IN LISTS ARGN)
        if(TARGET "${library}")
            get_target_property(_autoreg_type "${library}" TYPE)
            if(NOT _autoreg_type STREQUAL "STATIC_LIBRARY")
                message(FATAL_ERROR
                    "autoreg_link_plugins: '${library}' is a ${_autoreg_type}; only static "
                    "libraries need linking whole (load shared ones with autoreg::load_library)")
            endif()
        endif()
        if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.24)
            target_link_libraries("${target}" PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${library}>")
        elseif(APPLE)
            target_link_libraries("${target}" PRIVATE "-Wl,-force_load" "${library}")
        elseif(MSVC)
            target_link_libraries("${target}" PRIVATE "${library}")
            target_link_options("${target}" PRIVATE "/WHOLEARCHIVE:$<TARGET_FILE:${library}>")
        else()
            target_link_libraries("${target}" PRIVATE
                "-Wl,--whole-archive" "${library}" "-Wl,--no-whole-archive")
        endif()
    endforeach()
endfunction()

function(autoreg_enable_plugins target)
    if(NOT TARGET "${target}")
        message(FATAL_ERROR "autoreg_enable_plugins: '${target}' is not a target")
    endif()
    get_target_property(_autoreg_type "${target}" TYPE)
    if(NOT _autoreg_type STREQUAL "EXECUTABLE")
        message(FATAL_ERROR "autoreg_enable_plugins: '${target}' is a ${_autoreg_type}, not an executable")
    endif()
    # ENABLE_EXPORTS links the executable with -rdynamic (--export-dynamic),
    # which puts autoreg's hub symbol where the plugins' loader finds it. On
    # Windows it makes the import library that lets DLLs link with the
    # executable, and AUTOREG_EXPORT_HUB exports the hub (dllexport) for
    # DLLs to find with GetProcAddress.
    set_target_properties("${target}" PROPERTIES ENABLE_EXPORTS ON)
    if(WIN32)
        target_compile_definitions("${target}" PRIVATE AUTOREG_EXPORT_HUB)
    endif()
endfunction()
