/// \file
/// Compiler and platform switches shared by every autoreg header.
#ifndef AUTOREG_CONFIG_HPP
#define AUTOREG_CONFIG_HPP

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
/// 1 where exceptions are enabled, 0 under -fno-exceptions: then the calls that
/// would throw print the same message to stderr and abort instead.
#define AUTOREG_HAS_EXCEPTIONS 1
#else
#define AUTOREG_HAS_EXCEPTIONS 0
#endif

#if defined(__GNUC__) || defined(__clang__)
/// Marks a function as rarely called and never inlined. Cold paths (messages,
/// listings) stay out of line so that the hot paths the compiler inlines into
/// callers remain a handful of instructions.
#define AUTOREG_COLD __attribute__((cold, noinline))
/// Keeps a function out of line without calling it rare: a less common case
/// of a hot path, kept out so that the compiler still inlines the common one.
#define AUTOREG_NOINLINE __attribute__((noinline))
/// Inlines a function whatever the compiler's size heuristics say: for the
/// few steps of create() that its callers must not pay a call for.
#define AUTOREG_ALWAYS_INLINE __attribute__((always_inline)) inline
/// `AUTOREG_LIKELY(x)`: `x` as a condition, which the compiler may assume is
/// usually true, e.g. `if (AUTOREG_LIKELY(state != nullptr)) return *state;`.
#define AUTOREG_LIKELY(x) __builtin_expect(!!(x), 1)
/// `AUTOREG_UNLIKELY(x)`: `x` as a condition, which the compiler may assume is
/// usually false.
#define AUTOREG_UNLIKELY(x) __builtin_expect(!!(x), 0)
/// Exports a symbol (default visibility). The process-wide hub must stay one
/// object per process even in libraries built with -fvisibility=hidden, so its
/// symbol is always exported.
#if defined(_WIN32)
// PE has no symbol visibility (GCC warns that it ignores the attribute): every
// symbol of a module is its own unless exported, which these never are.
#define AUTOREG_EXPORT
#else
#define AUTOREG_EXPORT __attribute__((visibility("default")))
#endif
/// Runs a static initialiser early: registrations run before the program's own
/// static initialisers (priority 101 is the first one not reserved), so those
/// may already use registries.
#define AUTOREG_EARLY __attribute__((init_priority(101)))
/// Hides a symbol (hidden visibility). autoreg's per-class objects (nodes,
/// their descriptions, type names) belong to the module that defines the
/// class. Hidden, they need no dynamic symbol: GCC would otherwise make each
/// one STB_GNU_UNIQUE, which costs the dynamic loader a lookup per
/// registration and pins a plugin in memory for good.
#if defined(_WIN32)
#define AUTOREG_LOCAL
#else
#define AUTOREG_LOCAL __attribute__((visibility("hidden")))
#endif
#else  // MSVC: written, untested.
#define AUTOREG_COLD __declspec(noinline)
#define AUTOREG_NOINLINE __declspec(noinline)
#define AUTOREG_ALWAYS_INLINE __forceinline
#define AUTOREG_LIKELY(x) (x)
#define AUTOREG_UNLIKELY(x) (x)
#define AUTOREG_EXPORT
#define AUTOREG_EARLY
#define AUTOREG_LOCAL
#endif

#if defined(__GNUC__) || defined(__clang__)
/// 1 where the C++ runtime runs a module's static destructors when that
/// module unloads (glibc's __cxa_atexit; in a MinGW-w64 DLL, the DLL's own
/// exit table): there static nodes are trivially destructible and each module
/// unlinks its nodes as it unloads; 0 elsewhere (MSVC, untested), where every
/// node has a destructor.
#define AUTOREG_MODULE_EXIT_HANDLERS 1
#else
#define AUTOREG_MODULE_EXIT_HANDLERS 0
#endif

/// 1 where a registration runs from a function with the constructor(101)
/// attribute rather than as the initialiser of an init_priority(101)
/// variable: Clang 13 (and older) calls the initialiser of an inline
/// variable with init_priority from the unit's own start-up function through
/// a local symbol of the variable's COMDAT group, so a program or library in
/// which two units define one registered class failed to link at -O0
/// ("defined in discarded section .text.startup[...]"). Each unit's entry
/// names the constructor function's global symbol instead, and the
/// registration ignores all calls but the first.
#if defined(__clang__) && !defined(__apple_build_version__) && __clang_major__ < 14 && \
    AUTOREG_MODULE_EXIT_HANDLERS && !defined(_WIN32)
#define AUTOREG_REGISTER_FROM_CONSTRUCTOR 1
/// Runs a function as early as AUTOREG_EARLY runs an initialiser.
#define AUTOREG_EARLY_FUNCTION __attribute__((constructor(101)))
#else
#define AUTOREG_REGISTER_FROM_CONSTRUCTOR 0
#endif

#if !defined(_WIN32) && defined(__has_include)
#if __has_include(<dlfcn.h>)
/// 1 where the dynamic linker's interface (dlopen, dlsym) exists.
#define AUTOREG_HAS_DLFCN 1
#endif
#endif

/// AUTOREG_TSAN is 1 when compiled with ThreadSanitizer (GCC's or Clang's).
/// TSan models atomic operations but not fences (GCC refuses to compile a
/// fence under -Werror=tsan), so the read side then orders itself with
/// read-modify-writes instead: slower, and seen by TSan.
#if defined(__SANITIZE_THREAD__)
#define AUTOREG_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AUTOREG_TSAN 1
#endif
#endif
#ifndef AUTOREG_TSAN
#define AUTOREG_TSAN 0
#endif

#endif
