// Atomic replacement of a file (PRODUCT.md §3.7): a temp file in the same directory, written,
// fsync'ed and renamed over the target; it never outlives a failure or an interrupting signal.
#include "delight/atomic_file.hpp"

#include "delight/diagnostic.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <system_error>

namespace delight::io {
namespace {

// Shared with the signal handler, which only reads them: the path of the temp file being
// written, and whether it may exist. The path is in place before the flag is set.
char g_temp_path[PATH_MAX];
volatile sig_atomic_t g_temp_active = 0;
// One write at a time, since the handler knows a single temp path.
std::mutex g_write_mutex;

constexpr const char* temp_suffix = ".tmp";
constexpr int temp_suffix_length = 4;
constexpr std::size_t max_name_in_temp = 200; // ".NAME.XXXXXX.tmp" stays under NAME_MAX
constexpr std::size_t max_chunk = std::size_t{1} << 30;

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
    throw Error(ExitCode::os, Location{path, 0, 0, ""}, "cannot write: " + reason);
}

[[noreturn]] void fail_errno(const std::string& path, int error) {
    fail(path, std::generic_category().message(error));
}

/// The file to replace: a symlink is followed, so the link survives and its target changes.
std::filesystem::path resolve_target(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    std::error_code error;
    std::filesystem::path real = std::filesystem::weakly_canonical(path, error);
    if (error) fail_errno(path, error.value());
    return real;
}

/// The existing target's status, or nothing when there is none yet. Refuses what rename()
/// must not replace: a directory, a device, a FIFO.
std::optional<struct stat> existing_target(const std::filesystem::path& target,
                                           const std::string& shown) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return std::nullopt;
        fail_errno(shown, errno);
    }
    if (S_ISDIR(st.st_mode)) fail_errno(shown, EISDIR);
    if (!S_ISREG(st.st_mode)) fail(shown, "not a regular file");
    return st;
}

/// What open(O_CREAT, 0666) would have given a new file; mkstemp always gives 0600.
mode_t new_file_mode() {
    const mode_t mask = ::umask(0); // there is no way to read the umask without setting it
    ::umask(mask);
    return 0666 & ~mask;
}

/// Owns the temp file until it is renamed: closes and removes it on every other path.
class TempFile {
  public:
    TempFile(const std::filesystem::path& target, const std::string& shown);
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile();

    void set_mode(mode_t mode, const std::optional<struct stat>& existing);
    void write_all(std::string_view content);
    void commit(const std::filesystem::path& target);

  private:
    const std::string& m_shown; // the path as the user gave it, for messages
    int m_fd = -1;
};

TempFile::TempFile(const std::filesystem::path& target, const std::string& shown) : m_shown(shown) {
    const std::string name = target.filename().string().substr(0, max_name_in_temp);
    const std::filesystem::path temp =
        target.parent_path() / ("." + name + ".XXXXXX" + temp_suffix);
    const std::string& text = temp.native();
    if (text.size() >= sizeof g_temp_path) fail_errno(m_shown, ENAMETOOLONG);
    std::memcpy(g_temp_path, text.c_str(), text.size() + 1);
    // Set before the file exists: a signal in between unlinks a name nobody has created.
    g_temp_active = 1;
    m_fd = ::mkostemps(g_temp_path, temp_suffix_length, O_CLOEXEC);
    if (m_fd < 0) {
        const int error = errno;
        g_temp_active = 0;
        fail_errno(m_shown, error);
    }
}

TempFile::~TempFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (g_temp_active) ::unlink(g_temp_path);
    g_temp_active = 0;
}

void TempFile::set_mode(mode_t mode, const std::optional<struct stat>& existing) {
    if (::fchmod(m_fd, mode) != 0) fail_errno(m_shown, errno);
    // Best effort, as editors do: only root (or a member of the group) may hand the file
    // back to the old owner; otherwise the new file is ours.
    if (existing && (existing->st_uid != ::geteuid() || existing->st_gid != ::getegid())) {
        if (::fchown(m_fd, existing->st_uid, existing->st_gid) != 0) {
            // keep our ownership
        }
    }
}

void TempFile::write_all(std::string_view content) {
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, std::min(left, max_chunk));
        if (n < 0 && errno == EINTR) continue;
        // Disk full (ENOSPC), a file-size limit (EFBIG, with SIGXFSZ ignored), I/O errors.
        if (n < 0) fail_errno(m_shown, errno);
        if (n == 0) fail_errno(m_shown, EIO); // no progress and no reason: do not spin
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

void TempFile::commit(const std::filesystem::path& target) {
    int rc = 0;
    do {
        rc = ::fsync(m_fd);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) fail_errno(m_shown, errno);
    rc = ::close(m_fd);
    m_fd = -1;
    // On Linux the descriptor is gone even after EINTR, and the data is already synced.
    if (rc != 0 && errno != EINTR) fail_errno(m_shown, errno);
    if (::rename(g_temp_path, target.c_str()) != 0) fail_errno(m_shown, errno);
    g_temp_active = 0;
}

/// Makes the rename itself durable. Best effort: some file systems refuse to sync a directory.
void sync_directory(const std::filesystem::path& target) {
    const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    if (::fsync(fd) != 0) {
        // the file itself is safely on disk; nothing to undo
    }
    ::close(fd);
}

void on_interrupt(int sig) {
    // Async-signal-safe only: unlink and _exit. 128 + the signal number, as shells report.
    if (g_temp_active) ::unlink(g_temp_path);
    ::_exit(sig == SIGINT ? 130 : sig == SIGHUP ? 129 : 143);
}

} // namespace

void write_file_atomic(const std::string& path, std::string_view content) {
    const std::lock_guard<std::mutex> lock(g_write_mutex);
    const std::filesystem::path target = resolve_target(path);
    if (!target.has_filename()) fail_errno(path, EISDIR); // "out/"
    const std::optional<struct stat> existing = existing_target(target, path);
    const mode_t mode = existing ? (existing->st_mode & 0777) : new_file_mode();
    {
        TempFile temp(target, path);
        temp.set_mode(mode, existing);
        temp.write_all(content);
        temp.commit(target);
    }
    sync_directory(target);
}

void install_signal_cleanup() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&action.sa_mask, sig); // one handler at a time
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        // A signal ignored on entry (nohup, a background job) stays ignored.
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(sig, &action, nullptr);
    }
}

} // namespace delight::io
