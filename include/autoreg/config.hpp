/// \file
/// Compiler and platform switches shared by every autoreg header.
#ifndef AUTOREG_CONFIG_HPP
#define AUTOREG_CONFIG_HPP

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define AUTOREG_HAS_EXCEPTIONS 1
#else
#define AUTOREG_HAS_EXCEPTIONS 0
#endif

// Cold paths (messages, listings) stay out of line so that the hot paths the
// compiler inlines into callers remain a handful of instructions.
#if defined(__GNUC__) || defined(__clang__)
#define AUTOREG_COLD __attribute__((cold, noinline))
#define AUTOREG_LIKELY(x) __builtin_expect(!!(x), 1)
#define AUTOREG_UNLIKELY(x) __builtin_expect(!!(x), 0)
// The process-wide hub must stay one object per process even in libraries
// built with -fvisibility=hidden, so its symbol is always exported.
#define AUTOREG_EXPORT __attribute__((visibility("default")))
// Registrations run before the program's own static initialisers (priority
// 101 is the first one not reserved), so those may already use registries.
#define AUTOREG_EARLY __attribute__((init_priority(101)))
// autoreg's per-class objects (nodes, their descriptions, type names) belong
// to the module that defines the class. Hidden, they need no dynamic symbol:
// GCC would otherwise make each one STB_GNU_UNIQUE, which costs the dynamic
// loader a lookup per registration and pins a plugin in memory for good.
#define AUTOREG_LOCAL __attribute__((visibility("hidden")))
#else  // MSVC: written, untested.
#define AUTOREG_COLD __declspec(noinline)
#define AUTOREG_LIKELY(x) (x)
#define AUTOREG_UNLIKELY(x) (x)
#define AUTOREG_EXPORT
#define AUTOREG_EARLY
#define AUTOREG_LOCAL
#endif

// Where the C++ ABI offers per-module exit handlers, static nodes are
// trivially destructible and each module unlinks its nodes as it unloads;
// elsewhere (MSVC) every node has a destructor.
#if !defined(_WIN32) && (defined(__GNUC__) || defined(__clang__))
#define AUTOREG_MODULE_EXIT_HANDLERS 1
#else
#define AUTOREG_MODULE_EXIT_HANDLERS 0
#endif

#endif
