// Regression tests: one TEST_CASE per fixed bug, named after what broke, with
// a line saying where it was reported and what the fix was. Empty so far.
#include "catch.hpp"
