/// \file
/// Files as plugin_index reads and writes them: a file's identity (what
/// tells one version of it from the next), reading at an offset, and
/// replacing a file whole. POSIX calls, or the Windows C runtime's.
#ifndef AUTOREG_DETAIL_FILE_ACCESS_HPP
#define AUTOREG_DETAIL_FILE_ACCESS_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(_WIN32)
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <share.h>
#include <sys/stat.h>

#include <cstring>

#include "dynamic_loader.hpp"
#include "win32.hpp"
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cerrno>

#include "text.hpp"

namespace autoreg {
namespace detail {

/// What tells one version of a file from another, as the cache keeps it.
/// On Windows: the size, the last-write and creation times (100 ns
/// resolution, as nanoseconds since 1970), the file index and the volume's
/// serial number.
struct file_identity {
    std::uint64_t size = 0;
    std::uint64_t mtime_ns = 0;
    std::uint64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;

    friend bool operator==(const file_identity& a, const file_identity& b) noexcept {
        return a.size == b.size && a.mtime_ns == b.mtime_ns && a.ctime_ns == b.ctime_ns &&
               a.inode == b.inode && a.device == b.device;
    }
    friend bool operator!=(const file_identity& a, const file_identity& b) noexcept {
        return !(a == b);
    }
};

inline std::string errno_text() { return error_text(errno); }

#if defined(_WIN32)

/// An open file, closed by its destructor; the path is UTF-8.
class file_descriptor {
public:
    explicit file_descriptor(const std::string& path) {
        std::wstring wide;
        if (!widen(path, wide)) {
            errno = EINVAL;
            return;
        }
        static_cast<void>(
            _wsopen_s(&fd_, wide.c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT, _SH_DENYNO, 0));
    }
    ~file_descriptor() {
        if (fd_ >= 0) _close(fd_);
    }
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;
    int get() const noexcept { return fd_; }

private:
    int fd_ = -1;
};

/// Reads `size` bytes at `offset` into `out`; false where the file holds fewer.
inline bool read_at(int fd, std::uint64_t offset, std::size_t size, char* out) noexcept {
    if (_lseeki64(fd, static_cast<long long>(offset), SEEK_SET) < 0) return false;
    std::size_t done = 0;
    while (done < size) {
        const std::size_t left = size - done;
        const unsigned int chunk =
            left > 0x40000000 ? 0x40000000U : static_cast<unsigned int>(left);
        const int got = _read(fd, out + done, chunk);
        if (got <= 0) return false;
        done += static_cast<std::size_t>(got);
    }
    return true;
}

/// The identity of the open file `fd`, and whether it is a regular file
/// (not a folder or a device).
inline bool identity_of(int fd, file_identity& id, bool& regular) noexcept {
    const std::intptr_t handle = _get_osfhandle(fd);
    if (handle == -1) return false;
    // BY_HANDLE_FILE_INFORMATION, read at its fields' offsets (4-byte
    // aligned, 52 bytes): declaring the struct would clash with <windows.h>.
    alignas(8) unsigned char info[52] = {};
    if (GetFileInformationByHandle(reinterpret_cast<void*>(handle),
                                   reinterpret_cast<_BY_HANDLE_FILE_INFORMATION*>(info)) == 0) {
        errno = EIO;
        return false;
    }
    const auto word = [&info](std::size_t at) {
        std::uint32_t value = 0;
        std::memcpy(&value, info + at, sizeof value);
        return std::uint64_t{value};
    };
    const auto pair = [&word](std::size_t high, std::size_t low) {
        return word(high) << 32 | word(low);
    };
    // FILETIME: 100 ns ticks since 1601; as nanoseconds since 1970.
    constexpr std::uint64_t ticks_to_1970 = 116444736000000000ULL;
    const auto time = [&pair](std::size_t at) { return (pair(at + 4, at) - ticks_to_1970) * 100; };
    constexpr std::uint64_t directory = 0x10;  // FILE_ATTRIBUTE_DIRECTORY
    constexpr std::uint64_t device = 0x40;     // FILE_ATTRIBUTE_DEVICE
    regular = (word(0) & (directory | device)) == 0;
    id.ctime_ns = time(4);
    id.mtime_ns = time(20);
    id.device = word(28);
    id.size = pair(32, 36);
    id.inode = pair(44, 48);
    return true;
}

/// The files of one folder, by path.
class folder_files {
public:
    explicit folder_files(const std::string& /*folder*/) noexcept {}

    /// The identity of the file `name` at `path`, in the folder.
    bool identity(const std::string& path, const std::string& /*name*/, file_identity& id) const {
        const file_descriptor file(path);
        bool regular = false;
        return file.get() >= 0 && identity_of(file.get(), id, regular);
    }
};

/// Replaces the file at `path` with `bytes`, through a temporary file moved
/// over it (MoveFileExW, replacing), so that the file is at every moment
/// either the old one or the new one, whole. False, with the reason in
/// `failure`, where it cannot be written.
inline bool replace_file(const std::string& path, std::string_view bytes, std::string& failure) {
    failure.clear();
    const std::string temporary = path + ".tmp-" + std::to_string(_getpid());
    std::wstring wide_path;
    std::wstring wide_temporary;
    if (!widen(path, wide_path) || !widen(temporary, wide_temporary)) {
        failure = "cannot write " + path + ": the path is not valid UTF-8";
        return false;
    }
    int fd = -1;
    const int opened = _wsopen_s(&fd, wide_temporary.c_str(),
                                 _O_WRONLY | _O_CREAT | _O_TRUNC | _O_BINARY | _O_NOINHERIT,
                                 _SH_DENYNO, _S_IREAD | _S_IWRITE);
    if (opened != 0 || fd < 0) {
        failure = "cannot create " + temporary + ": " + error_text(opened != 0 ? opened : errno);
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const std::size_t left = bytes.size() - done;
        const unsigned int chunk =
            left > 0x40000000 ? 0x40000000U : static_cast<unsigned int>(left);
        const int wrote = _write(fd, bytes.data() + done, chunk);
        if (wrote <= 0) break;
        done += static_cast<std::size_t>(wrote);
    }
    const bool written = done == bytes.size();
    if (!written) failure = "cannot write " + temporary + ": " + errno_text();
    if (_close(fd) != 0 && written) failure = "cannot write " + temporary + ": " + errno_text();
    if (failure.empty() &&
        MoveFileExW(wide_temporary.c_str(), wide_path.c_str(), win32::move_replace_existing) == 0) {
        failure =
            "cannot rename " + temporary + " to " + path + ": " + system_message(GetLastError());
    }
    if (failure.empty()) return true;
    _wunlink(wide_temporary.c_str());
    return false;
}

#else

inline file_identity identity_of(const struct stat& info) noexcept {
    const auto ns = [](const timespec& t) {
        return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ULL +
               static_cast<std::uint64_t>(t.tv_nsec);
    };
    file_identity id;
    id.size = static_cast<std::uint64_t>(info.st_size);
    id.mtime_ns = ns(info.st_mtim);
    id.ctime_ns = ns(info.st_ctim);
    id.inode = static_cast<std::uint64_t>(info.st_ino);
    id.device = static_cast<std::uint64_t>(info.st_dev);
    return id;
}

/// An open file, closed by its destructor.
class file_descriptor {
public:
    explicit file_descriptor(const std::string& path) noexcept
        : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~file_descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;
    int get() const noexcept { return fd_; }

private:
    int fd_;
};

/// Reads `size` bytes at `offset` into `out`; false where the file holds fewer.
inline bool read_at(int fd, std::uint64_t offset, std::size_t size, char* out) noexcept {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::pread(fd, out + done, size - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        done += static_cast<std::size_t>(got);
    }
    return true;
}

/// The identity of the open file `fd`, and whether it is a regular file.
inline bool identity_of(int fd, file_identity& id, bool& regular) noexcept {
    struct stat info {};
    if (::fstat(fd, &info) != 0) return false;
    id = identity_of(info);
    regular = S_ISREG(info.st_mode);
    return true;
}

/// The files of one folder. Relative to the folder's descriptor, a stat
/// resolves one name rather than the whole path; a warm start-up is mostly
/// its stats.
class folder_files {
public:
    explicit folder_files(const std::string& folder) noexcept : folder_(folder) {}

    /// The identity of the file `name` at `path`, in the folder.
    bool identity(const std::string& path, const std::string& name,
                  file_identity& id) const noexcept {
        struct stat info {};
        const int result = folder_.get() >= 0 ? ::fstatat(folder_.get(), name.c_str(), &info, 0)
                                              : ::stat(path.c_str(), &info);
        if (result != 0) return false;
        id = identity_of(info);
        return true;
    }

private:
    file_descriptor folder_;
};

/// Replaces the file at `path` with `bytes`, through a temporary file
/// renamed over it, so that the file is at every moment either the old one
/// or the new one, whole. False, with the reason in `failure`, where it
/// cannot be written.
inline bool replace_file(const std::string& path, std::string_view bytes, std::string& failure) {
    failure.clear();
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        failure = "cannot create " + temporary + ": " + errno_text();
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) break;
        done += static_cast<std::size_t>(wrote);
    }
    const bool written = done == bytes.size();
    if (!written) failure = "cannot write " + temporary + ": " + errno_text();
    if (::close(fd) != 0 && written) failure = "cannot write " + temporary + ": " + errno_text();
    if (failure.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) {
        failure = "cannot rename " + temporary + " to " + path + ": " + errno_text();
    }
    if (failure.empty()) return true;
    ::unlink(temporary.c_str());
    return false;
}

#endif

/// Reads `size` bytes at `offset` into `out`; false where the file holds fewer.
inline bool read_at(int fd, std::uint64_t offset, std::size_t size, std::string& out) {
    out.resize(size);
    return read_at(fd, offset, size, out.data());
}

}  // namespace detail
}  // namespace autoreg

#endif
