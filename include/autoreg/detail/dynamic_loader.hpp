/// \file
/// The operating system's dynamic loader, as load_library() needs it: open
/// and close a library, tell whether one is still mapped, list a folder's
/// libraries. dlopen on POSIX systems, LoadLibraryExW on Windows.
#ifndef AUTOREG_DETAIL_DYNAMIC_LOADER_HPP
#define AUTOREG_DETAIL_DYNAMIC_LOADER_HPP

#include <string>
#include <string_view>
#include <vector>

#include "../config.hpp"
#include "../errors.hpp"
#include "sort.hpp"
#include "text.hpp"

#if defined(_WIN32)
#include <filesystem>
#include <system_error>

#include "win32.hpp"
#else
#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>

#include <cerrno>
#endif

namespace autoreg {
namespace detail {

[[noreturn]] AUTOREG_COLD inline void folder_unreadable(const std::string& folder,
                                                        const std::string& reason) {
    raise<error>(concat("autoreg: cannot read the plugin folder ", folder, ": ", reason));
}

/// The path of the file `name` in `folder`, as the folder's listing names it.
inline std::string path_in(const std::string& folder, const std::string& name) {
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    path.append(folder).append(1, '/').append(name);
    return path;
}

/// `names`, sorted. Views are sorted and the names copied out once: sorting
/// the strings themselves swapped each about ten times, a tenth of a warm
/// start-up's instructions at 1,000 files.
inline std::vector<std::string> sorted_names(const std::vector<std::string>& names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    sort_range(views.begin(), views.end());
    std::vector<std::string> sorted;
    sorted.reserve(views.size());
    for (const std::string_view name : views) sorted.emplace_back(name);
    return sorted;
}

#if defined(_WIN32)

/// `text` as UTF-16; false if it is not valid UTF-8.
inline bool widen(std::string_view text, std::wstring& wide) {
    wide.clear();
    if (text.empty()) return true;
    const int bytes = static_cast<int>(text.size());
    const int size = MultiByteToWideChar(win32::utf8_code_page, win32::error_on_invalid_chars,
                                         text.data(), bytes, nullptr, 0);
    if (size <= 0) return false;
    wide.resize(static_cast<std::size_t>(size));
    return MultiByteToWideChar(win32::utf8_code_page, win32::error_on_invalid_chars, text.data(),
                               bytes, wide.data(), size) == size;
}

/// `wide` as UTF-8 (unpaired surrogates become U+FFFD).
inline std::string narrow(std::wstring_view wide) {
    if (wide.empty()) return {};
    const int units = static_cast<int>(wide.size());
    const int size = WideCharToMultiByte(win32::utf8_code_page, 0, wide.data(), units, nullptr, 0,
                                         nullptr, nullptr);
    if (size <= 0) return {};
    std::string text(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(win32::utf8_code_page, 0, wide.data(), units, text.data(), size, nullptr,
                        nullptr);
    return text;
}

/// The system's text for an error code, in UTF-8, without the line break
/// FormatMessage ends it with.
inline std::string system_message(unsigned long code) {
    wchar_t buffer[512];
    unsigned long size = FormatMessageW(win32::format_from_system | win32::format_ignore_inserts,
                                        nullptr, code, 0, buffer, 512, nullptr);
    while (size > 0 && (buffer[size - 1] == L'\n' || buffer[size - 1] == L'\r' ||
                        buffer[size - 1] == L' ' || buffer[size - 1] == L'.')) {
        --size;
    }
    if (size == 0) return concat("error ", code);
    return concat(narrow(std::wstring_view(buffer, size)), " (error ", code, ")");
}

/// The absolute path LoadLibraryExW needs for its altered search order, with
/// backslashes; false (and `failure` set) if `path` is not UTF-8.
inline bool windows_path(const std::string& path, std::wstring& absolute, std::string& failure) {
    std::wstring wide;
    if (!widen(path, wide)) {
        failure = "the path is not valid UTF-8";
        return false;
    }
    std::error_code error;
    std::filesystem::path full = std::filesystem::absolute(std::filesystem::path(wide), error);
    if (error) full = std::filesystem::path(wide);
    absolute = full.make_preferred().wstring();
    return true;
}

inline void* open_library(const std::string& path, std::string& failure) {
    std::wstring absolute;
    if (!windows_path(path, absolute, failure)) return nullptr;
    HINSTANCE__* module = LoadLibraryExW(absolute.c_str(), nullptr, win32::altered_search_path);
    if (module == nullptr) failure = system_message(GetLastError());
    return module;
}

inline void close_library(void* handle) noexcept {
    static_cast<void>(FreeLibrary(static_cast<HINSTANCE__*>(handle)));
}

/// Whether the library loaded from `path` is still mapped after its last
/// close: another LoadLibrary of it keeps it.
inline bool still_loaded(const std::string& path) noexcept {
#if AUTOREG_HAS_EXCEPTIONS
    try {
#endif
        std::wstring absolute;
        std::string failure;
        return windows_path(path, absolute, failure) &&
               GetModuleHandleW(absolute.c_str()) != nullptr;
#if AUTOREG_HAS_EXCEPTIONS
    } catch (...) {
        return false;  // no memory for the path: the library counts as gone
    }
#endif
}

/// The names of the libraries in `folder`, sorted byte-wise.
inline std::vector<std::string> library_names_in(const std::string& folder) {
    std::wstring wide;
    if (!widen(folder, wide)) {
        folder_unreadable(folder, "the path is not valid UTF-8");
    }
    std::error_code failure;
    std::filesystem::directory_iterator entry(std::filesystem::path(wide), failure);
    if (failure) {
        folder_unreadable(folder, failure.message());
    }
    std::vector<std::string> names;
    for (; entry != std::filesystem::directory_iterator(); entry.increment(failure)) {
        std::error_code ignored;
        if (!entry->is_regular_file(ignored)) continue;
        std::wstring name = entry->path().filename().wstring();
        if (name.size() <= 4) continue;
        std::wstring extension = name.substr(name.size() - 4);
        for (wchar_t& c : extension) {
            if (c >= L'A' && c <= L'Z') c = static_cast<wchar_t>(c - L'A' + L'a');
        }
        if (extension == L".dll") names.push_back(narrow(name));
    }
    if (failure) {
        folder_unreadable(folder, failure.message());
    }
    return sorted_names(names);
}

#else

inline void* open_library(const std::string& path, std::string& failure) {
    dlerror();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* message = dlerror();
        failure = message != nullptr ? message : "unknown error";
    }
    return handle;
}

inline void close_library(void* handle) noexcept { dlclose(handle); }

/// Whether the library loaded from `path` is still mapped after its last
/// close: RTLD_NODELETE and GNU unique symbols keep it.
inline bool still_loaded(const std::string& path) noexcept {
    void* resident = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (resident == nullptr) return false;
    dlclose(resident);
    return true;
}

/// An open directory stream, closed when it goes.
class directory_stream {
public:
    explicit directory_stream(const std::string& path) noexcept : dir_(opendir(path.c_str())) {}
    ~directory_stream() {
        if (dir_ != nullptr) closedir(dir_);
    }
    directory_stream(const directory_stream&) = delete;
    directory_stream& operator=(const directory_stream&) = delete;
    DIR* get() const noexcept { return dir_; }

private:
    DIR* dir_;
};

/// The names of the libraries in `folder`, sorted byte-wise.
inline std::vector<std::string> library_names_in(const std::string& folder) {
#if defined(__APPLE__)
    constexpr std::string_view extension = ".dylib";
#else
    constexpr std::string_view extension = ".so";
#endif
    const directory_stream dir(folder);
    if (dir.get() == nullptr) {
        // Not strerror: its buffer is shared between threads.
        folder_unreadable(folder, error_text(errno));
    }
    std::vector<std::string> names;
    std::string path;
    while (const dirent* entry = readdir(dir.get())) {
        const std::string_view name = entry->d_name;
        if (name.size() <= extension.size() ||
            name.substr(name.size() - extension.size()) != extension) {
            continue;
        }
        // The directory's own word where it has one: a stat per file was a
        // tenth of indexing a folder from a warm cache.
        if (entry->d_type == DT_REG) {
            names.emplace_back(name);
            continue;
        }
        if (entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN) continue;
        path.assign(folder).append(1, '/').append(name);
        struct stat info {};
        if (stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode)) names.emplace_back(name);
    }
    return sorted_names(names);
}

#endif

}  // namespace detail
}  // namespace autoreg

#endif
