# Fails unless README.md contains each file given in FILES verbatim, so that
# the README's complete example is the program the tests build and run.
#   cmake -DREADME=<README.md> "-DFILES=<a|b|c>" -P check_readme.cmake
file(READ "${README}" readme)
string(REPLACE "|" ";" files "${FILES}")
foreach(source IN LISTS files)
    file(READ "${source}" text)
    string(FIND "${readme}" "${text}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "README.md no longer contains ${source} verbatim; update one of them")
    endif()
endforeach()
