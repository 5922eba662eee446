/// \file
/// The few Windows API functions autoreg calls, declared as <windows.h>
/// declares them.
///
/// Not <windows.h> itself: every header a class definition needs would then
/// bring its macros (min, max, near, ERROR, ...) into the user's code. Each
/// declaration repeats <windows.h>'s exactly (STRICT handles, which both
/// MinGW-w64 and the Windows SDK use unless NO_STRICT is defined), so the two
/// agree in either include order.
#ifndef AUTOREG_DETAIL_WIN32_HPP
#define AUTOREG_DETAIL_WIN32_HPP

#if defined(_WIN32)

#if defined(NO_STRICT)
#error \
    "autoreg: NO_STRICT makes HMODULE a void*, which autoreg's declarations of the Windows API do not match; build without NO_STRICT"
#endif

#include <cstdarg>

// NOLINTBEGIN: names, types and calling conventions are the Windows API's.
struct HINSTANCE__;
// Complete in <windows.h>; autoreg passes a buffer of its size and layout.
struct _BY_HANDLE_FILE_INFORMATION;
extern "C" {
__declspec(dllimport) HINSTANCE__* __stdcall GetModuleHandleW(const wchar_t* name);
__declspec(dllimport) long long(__stdcall* __stdcall GetProcAddress(HINSTANCE__* module,
                                                                    const char* name))();
__declspec(dllimport) HINSTANCE__* __stdcall LoadLibraryExW(const wchar_t* path, void* file,
                                                            unsigned long flags);
__declspec(dllimport) int __stdcall FreeLibrary(HINSTANCE__* module);
__declspec(dllimport) unsigned long __stdcall GetCurrentThreadId(void);
__declspec(dllimport) int __stdcall SwitchToThread(void);
__declspec(dllimport) void __stdcall Sleep(unsigned long milliseconds);
__declspec(dllimport) unsigned long __stdcall GetLastError(void);
__declspec(dllimport) unsigned long __stdcall FormatMessageW(
    unsigned long flags, const void* source, unsigned long message, unsigned long language,
    wchar_t* buffer, unsigned long size, va_list* arguments);
__declspec(dllimport) int __stdcall MultiByteToWideChar(unsigned int code_page, unsigned long flags,
                                                        const char* text, int bytes, wchar_t* wide,
                                                        int wide_size);
__declspec(dllimport) int __stdcall WideCharToMultiByte(unsigned int code_page, unsigned long flags,
                                                        const wchar_t* wide, int wide_size,
                                                        char* text, int bytes,
                                                        const char* default_char,
                                                        int* used_default);
__declspec(dllimport) int __stdcall GetFileInformationByHandle(
    void* file, _BY_HANDLE_FILE_INFORMATION* information);
__declspec(dllimport) int __stdcall MoveFileExW(const wchar_t* from, const wchar_t* to,
                                                unsigned long flags);
}
// NOLINTEND

namespace autoreg {
namespace detail {
namespace win32 {

// The values of <windows.h>'s macros, which autoreg does not include.
inline constexpr unsigned int utf8_code_page = 65001;          // CP_UTF8
inline constexpr unsigned long error_on_invalid_chars = 0x8;   // MB_ERR_INVALID_CHARS
inline constexpr unsigned long format_from_system = 0x1000;    // FORMAT_MESSAGE_FROM_SYSTEM
inline constexpr unsigned long format_ignore_inserts = 0x200;  // FORMAT_MESSAGE_IGNORE_INSERTS
/// LOAD_WITH_ALTERED_SEARCH_PATH: a plugin's own dependencies are looked for
/// in its folder first, as a plugin folder's author expects.
inline constexpr unsigned long altered_search_path = 0x8;
inline constexpr unsigned long move_replace_existing = 0x1;  // MOVEFILE_REPLACE_EXISTING

}  // namespace win32
}  // namespace detail
}  // namespace autoreg

#endif
#endif
