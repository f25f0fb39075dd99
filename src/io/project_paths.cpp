// Project discovery (like git's .git search) and safe resolution of the paths and globs that
// delight.yaml names: they must stay inside the project folder.
#include "delight/project.hpp"

#include "delight/git_revision.hpp"
#include "delight/yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>
#include <glob.h>
#include <system_error>

namespace fs = std::filesystem;

namespace delight::io {
namespace {

std::string display_dir_for(const fs::path& dir) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    fs::path rel = ec ? fs::path() : fs::path(dir).lexically_relative(cwd);
    std::string s;
    if (!rel.empty() && *rel.begin() != "..")
        s = rel.generic_string();
    else
        s = dir.generic_string();
    if (s == "." || s.empty()) return "";
    return s.back() == '/' ? s : s + "/";
}

ProjectLocation location_of(const fs::path& yaml) {
    fs::path abs = fs::absolute(yaml).lexically_normal();
    ProjectLocation where;
    where.yaml_path = abs.string();
    where.directory = abs.parent_path().string();
    where.display_dir = display_dir_for(abs.parent_path());
    return where;
}

/// Globs in the working tree; matches that resolve outside the project (symbolic links) are
/// refused. matched counts every match, refused or not.
std::vector<std::string> glob_working_tree(const ProjectLocation& where, const fs::path& normal,
                                           const Location& loc, Diagnostics& diags,
                                           std::size_t& matched) {
    std::string full = (fs::path(where.directory) / normal).string();
    glob_t g{};
    int rc = ::glob(full.c_str(), GLOB_NOSORT | GLOB_ERR, nullptr, &g);
    std::vector<std::string> out;
    matched = rc == 0 ? g.gl_pathc : 0;
    std::error_code ec;
    fs::path root = fs::weakly_canonical(where.directory, ec);
    for (std::size_t i = 0; i < matched; ++i) {
        fs::path match(g.gl_pathv[i]);
        fs::path rel = fs::weakly_canonical(match, ec).lexically_relative(root);
        if (ec || rel.empty() || *rel.begin() == "..") {
            diags.error(loc, fmt::format("'{}' resolves outside the project folder "
                                         "(a symbolic link?)",
                                         match.lexically_relative(where.directory).string()));
            continue;
        }
        out.push_back(match.lexically_relative(where.directory).generic_string());
    }
    ::globfree(&g);
    return out;
}

/// Globs among the files git has at where.revision.
std::vector<std::string> glob_revision(const ProjectLocation& where, const std::string& pattern,
                                       std::size_t& matched) {
    std::vector<std::string> out;
    for (const std::string& file : files_at_revision(where))
        if (::fnmatch(pattern.c_str(), file.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0)
            out.push_back(file);
    matched = out.size();
    return out;
}

} // namespace

ProjectLocation find_project(const std::string& directory_option,
                             const std::string& project_option) {
    std::error_code ec;
    if (!project_option.empty()) {
        if (!fs::exists(project_option, ec))
            throw Error(ExitCode::os, Location{project_option, 0, 0, ""},
                        fmt::format("cannot read '{}': No such file or directory", project_option));
        return location_of(project_option);
    }
    fs::path start = directory_option.empty() ? fs::current_path(ec) : fs::path(directory_option);
    if (!directory_option.empty() && !fs::is_directory(start, ec))
        throw Error(ExitCode::os, Location{},
                    fmt::format("cannot use -C '{}': not a directory", directory_option));
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    for (;;) {
        fs::path candidate = dir / "delight.yaml";
        if (fs::exists(candidate, ec)) return location_of(candidate);
        if (dir == dir.root_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    throw Error(ExitCode::os, Location{},
                fmt::format("no delight.yaml in {} or any parent folder (create one with "
                            "'delight init', or pass -C DIR or --project FILE)",
                            directory_option.empty() ? "the current folder" : directory_option));
}

std::string display_path(const ProjectLocation& where, const std::string& relative) {
    return where.display_dir + relative;
}

std::vector<std::string> resolve_project_paths(const ProjectLocation& where,
                                               const std::string& pattern, const Location& loc,
                                               Diagnostics& diags) {
    fs::path p(pattern);
    if (pattern.empty() || p.is_absolute()) {
        diags.error(loc, fmt::format("'{}' must be a path relative to delight.yaml", pattern));
        return {};
    }
    fs::path normal = p.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..") {
        diags.error(loc, fmt::format("'{}' leaves the project folder; keep project files "
                                     "inside it",
                                     pattern));
        return {};
    }
    std::size_t matched = 0;
    std::vector<std::string> out = where.revision.empty()
                                       ? glob_working_tree(where, normal, loc, diags, matched)
                                       : glob_revision(where, normal.generic_string(), matched);
    std::sort(out.begin(), out.end());
    if (matched == 0)
        diags.error(loc, pattern.find_first_of("*?[") == std::string::npos
                             ? fmt::format("file '{}' not found", pattern)
                             : fmt::format("no file matches '{}'", pattern));
    return out;
}

} // namespace delight::io

namespace delight::io {

std::string read_project_file(const ProjectLocation& where, const std::string& relative,
                              const std::string& display, std::size_t max_bytes) {
    if (!where.revision.empty()) return read_at_revision(where, relative, display, max_bytes);
    return read_small_file((fs::path(where.directory) / relative).string(), display, max_bytes);
}

} // namespace delight::io
