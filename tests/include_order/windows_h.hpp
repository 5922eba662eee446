// The real <windows.h>, as a Windows user includes it: without NOMINMAX or
// WIN32_LEAN_AND_MEAN, so with min, max, near, far, ERROR, DELETE and the
// rest of its macros, and with its own declarations of the functions autoreg
// declares itself (detail/win32.hpp). Windows builds only.
#pragma once
#include <windows.h>
