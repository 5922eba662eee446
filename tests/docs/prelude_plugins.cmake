# What the ```cmake blocks of docs/plugins.md use without defining it
# themselves. Each block is configured after this, in a project that has added
# autoreg (see tests/docs/extract.cmake); AUTOREG_DOCS_SNIPPET is its code.
foreach(_source IN ITEMS zstd lz4)
    file(WRITE "${CMAKE_CURRENT_SOURCE_DIR}/${_source}.cpp" "int ${_source}_symbol = 0;\n")
endforeach()
file(WRITE "${CMAKE_CURRENT_SOURCE_DIR}/main.cpp" "int main() { return 0; }\n")
# The program, unless the block adds it itself.
if(NOT AUTOREG_DOCS_SNIPPET MATCHES "add_executable\\(app[ \t\n)]")
    add_executable(app main.cpp)
endif()
