# What the ```cmake blocks of README.md use without defining it themselves: a
# program and a static library of plugins. Each block is configured after
# this, in a project that has added autoreg (see tests/docs/extract.cmake).
file(WRITE "${CMAKE_CURRENT_SOURCE_DIR}/main.cpp" "int main() { return 0; }\n")
file(WRITE "${CMAKE_CURRENT_SOURCE_DIR}/codecs.cpp" "int codecs_static_symbol = 0;\n")
add_executable(app main.cpp)
add_library(codecs_static STATIC codecs.cpp)
target_link_libraries(codecs_static PUBLIC autoreg::autoreg)
