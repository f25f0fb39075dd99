// Atomic writes (PRODUCT.md §3.7): the old file stays intact and no temporary file is left,
// whether the write succeeds, fails or is interrupted.
#include "delight/atomic_file.hpp"
#include "delight/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using delight::io::write_file_atomic;

namespace {

/// A fresh directory under the system's temp directory, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "delight-atomic-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_plain(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

/// The diagnostic of the delight::Error that write_file_atomic throws, checking its code.
std::string failure_message(const std::string& path, const std::string& content) {
    try {
        write_file_atomic(path, content);
    } catch (const delight::Error& e) {
        CHECK(e.code() == delight::ExitCode::os);
        CHECK(e.diagnostic().loc.file == path);
        CHECK(e.diagnostic().loc.line == 0);
        return e.diagnostic().message;
    }
    FAIL("write_file_atomic did not throw");
    return {};
}

int wait_exit_code(pid_t child) {
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

bool has_temp_file(const fs::path& dir) {
    for (const std::string& name : entries(dir))
        if (name.front() == '.') return true;
    return false;
}

} // namespace

TEST_CASE("write_file_atomic writes and replaces a file", "[io][atomic]") {
    TempDir dir;
    const std::string path = dir / "plan.md";
    write_file_atomic(path, "first\n");
    CHECK(read(path) == "first\n");
    write_file_atomic(path, "second, longer\n");
    CHECK(read(path) == "second, longer\n");
    write_file_atomic(path, "");
    CHECK(read(path).empty());
    CHECK(entries(dir.path) == std::vector<std::string>{"plan.md"});
}

TEST_CASE("write_file_atomic accepts a path without a directory", "[io][atomic]") {
    TempDir dir;
    const fs::path old_cwd = fs::current_path();
    fs::current_path(dir.path);
    write_file_atomic("out.csv", "a,b\n");
    fs::current_path(old_cwd);
    CHECK(read(dir / "out.csv") == "a,b\n");
    CHECK(entries(dir.path) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_file_atomic gives a new file 0666 minus the umask", "[io][atomic]") {
    TempDir dir;
    const mode_t old_mask = ::umask(027);
    write_file_atomic(dir / "new.txt", "x");
    ::umask(old_mask);
    CHECK(mode_of(dir / "new.txt") == 0640);
}

TEST_CASE("write_file_atomic keeps the mode bits of the file it replaces", "[io][atomic]") {
    TempDir dir;
    const std::string path = dir / "script.sh";
    for (const mode_t mode : {mode_t{0755}, mode_t{0600}, mode_t{0444}}) {
        write_plain(path, "old");
        REQUIRE(::chmod(path.c_str(), mode) == 0);
        write_file_atomic(path, "new");
        CHECK(read(path) == "new");
        CHECK(mode_of(path) == mode);
    }
}

TEST_CASE("write_file_atomic writes through a symlink and keeps it", "[io][atomic]") {
    TempDir dir;
    fs::create_directory(dir.path / "real");
    write_plain(dir / "real/delight.yaml", "old");
    fs::create_symlink("real/delight.yaml", dir.path / "link.yaml");
    write_file_atomic(dir / "link.yaml", "new");
    CHECK(fs::is_symlink(dir.path / "link.yaml"));
    CHECK(read(dir / "real/delight.yaml") == "new");
    CHECK(entries(dir.path / "real") == std::vector<std::string>{"delight.yaml"});
}

TEST_CASE("write_file_atomic reports a missing directory", "[io][atomic]") {
    TempDir dir;
    const std::string path = dir / "missing/out.txt";
    CHECK(failure_message(path, "x") == "cannot write: No such file or directory");
    CHECK(entries(dir.path).empty());
}

TEST_CASE("write_file_atomic reports a directory path under a regular file", "[io][atomic]") {
    TempDir dir;
    write_plain(dir / "file", "keep");
    const std::string path = dir / "file/out.txt";
    CHECK(failure_message(path, "x") == "cannot write: Not a directory");
    CHECK(entries(dir.path) == std::vector<std::string>{"file"});
    CHECK(read(dir / "file") == "keep");
}

TEST_CASE("write_file_atomic reports an unwritable directory", "[io][atomic]") {
    if (::geteuid() == 0) {
        WARN("running as root: permission bits do not stop writes; check skipped");
        return;
    }
    TempDir dir;
    const std::string path = dir / "out.txt";
    write_plain(path, "old");
    REQUIRE(::chmod(dir.path.c_str(), 0555) == 0);
    CHECK(failure_message(path, "new") == "cannot write: Permission denied");
    REQUIRE(::chmod(dir.path.c_str(), 0755) == 0);
    CHECK(read(path) == "old");
    CHECK(entries(dir.path) == std::vector<std::string>{"out.txt"});
}

TEST_CASE("write_file_atomic refuses to replace a directory or a FIFO", "[io][atomic]") {
    TempDir dir;
    fs::create_directory(dir.path / "sub");
    CHECK(failure_message(dir / "sub", "x") == "cannot write: Is a directory");
    CHECK(failure_message(dir / "sub/", "x") == "cannot write: Is a directory");
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    CHECK(failure_message(dir / "fifo", "x") == "cannot write: not a regular file");
    CHECK(entries(dir.path) == std::vector<std::string>{"fifo", "sub"});
    CHECK(entries(dir.path / "sub").empty());
}

TEST_CASE("write_file_atomic keeps the old file when a size limit stops the write",
          "[io][atomic]") {
    TempDir dir;
    const std::string path = dir / "report.csv";
    write_plain(path, "old content\n");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // As main() should: ignore SIGXFSZ so the write fails with EFBIG.
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(10);
        try {
            write_file_atomic(path, std::string(100000, 'x'));
        } catch (const delight::Error& e) {
            const bool expected = e.code() == delight::ExitCode::os &&
                                  e.diagnostic().message == "cannot write: File too large";
            ::_exit(expected ? 0 : 11);
        } catch (...) {
            ::_exit(12);
        }
        ::_exit(13);
    }
    CHECK(wait_exit_code(child) == 0);
    CHECK(read(path) == "old content\n");
    CHECK(entries(dir.path) == std::vector<std::string>{"report.csv"});
}

TEST_CASE("an interrupted write leaves the old or the new file and no temp file", "[io][atomic]") {
    const auto [sig, code] =
        GENERATE(std::pair{SIGTERM, 143}, std::pair{SIGINT, 130}, std::pair{SIGHUP, 129});
    TempDir dir;
    const std::string path = dir / "plan.yaml";
    const std::string big(8 << 20, 'y');
    write_plain(path, "old");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        delight::io::install_signal_cleanup();
        for (;;)
            write_file_atomic(path, big);
    }
    // Signal the child while a temp file exists (it may be renamed just before the signal).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < deadline)
        seen = has_temp_file(dir.path);
    ::kill(child, sig);
    CHECK(seen);
    CHECK(wait_exit_code(child) == code);
    CHECK_FALSE(has_temp_file(dir.path));
    const std::string content = read(path);
    CHECK((content == "old" || content == big));
}

TEST_CASE("install_signal_cleanup leaves an ignored signal ignored", "[io][atomic]") {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::signal(SIGINT, SIG_IGN);
        delight::io::install_signal_cleanup();
        ::raise(SIGINT);
        ::_exit(0);
    }
    CHECK(wait_exit_code(child) == 0);
}
