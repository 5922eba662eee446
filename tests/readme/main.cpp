// main.cpp
#include <fmt/core.h>
#include "shapes.hpp"
int main(int argc, char** argv) {
    auto shape = autoreg::Registry<Shape>::create(argc > 1 ? argv[1] : "circle");
    fmt::print("area {}\n", shape->area());
    fmt::print("{}", autoreg::describe<Shape>());  // a table of every registered shape
}
