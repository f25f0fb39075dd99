// Runs git as a child process (no shell: arguments are passed as they are) and reads its
// output. Used only by --against; the working-tree path never starts git.
#include "delight/git_revision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace delight::io {
namespace {

struct GitResult {
    int status = -1;
    std::string out, err;
    bool truncated = false;
};

void read_pipes(int out_fd, int err_fd, GitResult& r, std::size_t max_out) {
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    char buf[65536];
    int open = 2;
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                fds[i].fd = -1;
                --open;
                continue;
            }
            std::string& dest = i == 0 ? r.out : r.err;
            if (dest.size() < max_out)
                dest.append(buf, static_cast<std::size_t>(n));
            else
                r.truncated = true;
        }
    }
}

GitResult run_git(const std::string& dir, const std::vector<std::string>& args,
                  std::size_t max_out) {
    int out_pipe[2], err_pipe[2];
    GitResult r;
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) return r;
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return r;
    }
    std::vector<std::string> full = {"git", "-C", dir};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : full)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // git's messages are translated; the ones we relay (not a repository) must be the same
    // bytes under every locale (PRODUCT.md §3.7), so git runs with LC_ALL=C. Built before
    // fork(): the child may only call async-signal-safe functions.
    std::vector<std::string> env_text = {"LC_ALL=C"};
    for (char** e = environ; *e; ++e) {
        const std::string_view var = *e;
        if (var.rfind("LC_ALL=", 0) != 0 && var.rfind("LANGUAGE=", 0) != 0)
            env_text.emplace_back(var);
    }
    std::vector<char*> envp;
    for (std::string& e : env_text)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        ::execvpe("git", argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (pid > 0) read_pipes(out_pipe[0], err_pipe[0], r, max_out);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    if (pid > 0 && ::waitpid(pid, &status, 0) == pid)
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string first_line(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    if (line.rfind("fatal: ", 0) == 0) line = line.substr(7);
    return line;
}

} // namespace

ProjectLocation at_revision(const ProjectLocation& where, const std::string& rev) {
    if (rev.empty() || rev[0] == '-')
        throw Error(ExitCode::input, Location{}, fmt::format("'{}' is not a git revision", rev));
    GitResult r =
        run_git(where.directory, {"rev-parse", "--verify", "--quiet", rev + "^{commit}"}, 4096);
    if (r.status == 127 || r.status < 0)
        throw Error(ExitCode::input, Location{}, "--against needs git, which could not be run");
    if (r.status != 0) {
        GitResult inside = run_git(where.directory, {"rev-parse", "--git-dir"}, 4096);
        std::string why = inside.status != 0 ? "the project is not in a git repository (" +
                                                   first_line(inside.err) + ")"
                                             : fmt::format("unknown git revision '{}'", rev);
        throw Error(ExitCode::input, Location{}, "--against: " + why);
    }
    ProjectLocation at = where;
    at.revision = r.out.substr(0, r.out.find('\n'));
    return at;
}

std::string read_at_revision(const ProjectLocation& where, const std::string& relative,
                             const std::string& display, std::size_t max_bytes) {
    GitResult r =
        run_git(where.directory, {"show", where.revision + ":./" + relative}, max_bytes + 1);
    if (r.status != 0)
        throw Error(ExitCode::os, Location{display, 0, 0, ""},
                    fmt::format("cannot read '{}' at {}: {}", display, where.revision.substr(0, 12),
                                first_line(r.err)));
    if (r.truncated || r.out.size() > max_bytes)
        throw Error(ExitCode::input, Location{display, 0, 0, ""},
                    fmt::format("'{}' is over the limit of {} bytes", display, max_bytes));
    return r.out;
}

std::vector<std::string> files_at_revision(const ProjectLocation& where) {
    GitResult r =
        run_git(where.directory, {"ls-tree", "-r", "--name-only", "-z", where.revision}, 64u << 20);
    std::vector<std::string> files;
    if (r.status != 0) return files;
    std::size_t start = 0;
    while (start < r.out.size()) {
        std::size_t end = r.out.find('\0', start);
        if (end == std::string::npos) end = r.out.size();
        files.push_back(r.out.substr(start, end - start));
        start = end + 1;
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace delight::io
