// Prelude: the macros that <windows.h> (with its min and max, unless NOMINMAX)
// and X11's headers define, spelled as they spell them. The standard headers
// come first, as they must: libstdc++'s own <algorithm> does not survive a
// function-like min or max, so what is tested is autoreg's code and {fmt}'s.
// Included again after the header under test, the prelude checks that every
// macro is still there, unchanged.
#ifndef AUTOREG_INCLUDE_ORDER_PRELUDE
#define AUTOREG_INCLUDE_ORDER_PRELUDE

#include "every_standard_header.hpp"

// <windows.h>: minwindef.h, winnt.h, wingdi.h.
#define near
#define far
#define min(a, b) (((a) < (b)) ? (a) : (b))
#define max(a, b) (((a) > (b)) ? (a) : (b))
#define small char
#define interface struct
#define ERROR 0
#define DELETE (0x00010000L)
#define IN
#define OUT
// X11: X.h, Xlib.h.
#define None 0L
#define Bool int
#define Status int
#define True 1
#define False 0
#define Success 0
#define Always 2

#else

#if !defined(near) || !defined(far) || !defined(min) || !defined(max) || !defined(small) ||        \
    !defined(interface) || !defined(ERROR) || !defined(DELETE) || !defined(IN) || !defined(OUT) || \
    !defined(None) || !defined(Bool) || !defined(Status) || !defined(True) || !defined(False) ||   \
    !defined(Success) || !defined(Always)
#error "autoreg's header removed one of the platform macros defined before it"
#endif
namespace include_order {
static_assert(min(1, 2) == 1 && max(1, 2) == 2, "min and max are the prelude's again");
static_assert(sizeof(small) == 1 && DELETE == 0x00010000L && None == 0L && Always == 2,
              "the prelude's macros, unchanged");
}  // namespace include_order

#endif
