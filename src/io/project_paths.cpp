// Project discovery (like git's .git search) and safe resolution of the paths and globs that
// delight.yaml names: they must stay inside the project folder.
#include "delight/project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
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
    std::string full = (fs::path(where.directory) / normal).string();
    glob_t g{};
    int rc = ::glob(full.c_str(), GLOB_NOSORT | GLOB_ERR, nullptr, &g);
    std::vector<std::string> out;
    if (rc == 0) {
        std::error_code ec;
        fs::path root = fs::weakly_canonical(where.directory, ec);
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
            fs::path match(g.gl_pathv[i]);
            fs::path canon = fs::weakly_canonical(match, ec);
            fs::path rel = canon.lexically_relative(root);
            if (ec || rel.empty() || *rel.begin() == "..") {
                diags.error(loc, fmt::format("'{}' resolves outside the project folder "
                                             "(a symbolic link?)",
                                             match.lexically_relative(where.directory).string()));
                continue;
            }
            out.push_back(match.lexically_relative(where.directory).generic_string());
        }
    }
    ::globfree(&g);
    std::sort(out.begin(), out.end());
    if (out.empty() && rc != GLOB_NOSPACE)
        diags.error(loc, pattern.find_first_of("*?[") == std::string::npos
                             ? fmt::format("file '{}' not found", pattern)
                             : fmt::format("no file matches '{}'", pattern));
    return out;
}

} // namespace delight::io
