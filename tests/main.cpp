// The main() of every test executable built with Catch2 2; compiled once.
// (Catch2 3 brings its own, Catch2::Catch2WithMain.)
#define CATCH_CONFIG_MAIN
#include "catch.hpp"
