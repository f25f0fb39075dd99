#pragma once
// Finding and loading a project (PRODUCT.md §3): delight.yaml plus the list files it names.
#include "delight/diagnostic.hpp"
#include "delight/model.hpp"

#include <string>

namespace delight::io {

/// Where a project lives. Paths are usable with open(); display paths are what diagnostics
/// show (relative to the current directory when under it).
struct ProjectLocation {
    std::string yaml_path;   ///< .../delight.yaml
    std::string directory;   ///< its folder
    std::string display_dir; ///< "" for the current directory, else "path/" with a slash
    /// A git revision: files are read with `git show REV:path` (no checkout), see
    /// git_revision.hpp. Empty: the working tree.
    std::string revision;
};

/// Finds delight.yaml: --project FILE wins; else the nearest of DIR (-C) or the current
/// directory and its parents, as git finds .git. Throws ExitCode::os when none is found.
ProjectLocation find_project(const std::string& directory_option,
                             const std::string& project_option);

/// Loads and validates everything (keys, types, ranges, references, duplicates), adding
/// every problem to diags (`check`). The returned project holds what could be read.
Project load_project(const ProjectLocation& where, Diagnostics& diags);

/// For commands other than `check`: loads, and throws the first error as delight::Error
/// (ExitCode::input). Warnings are left in warnings for the caller to print.
Project load_project_strict(const ProjectLocation& where, Diagnostics& warnings);

/// Reads a project file (path relative to the project folder) from the working tree or, when
/// where.revision is set, from git; same refusals and limits as read_small_file.
std::string read_project_file(const ProjectLocation& where, const std::string& relative,
                              const std::string& display, std::size_t max_bytes);

/// The display name of a path relative to the project folder.
std::string display_path(const ProjectLocation& where, const std::string& relative);

/// Resolves a path or glob from delight.yaml against the project folder. Rejects absolute
/// paths and paths leaving the folder. Returns the relative paths (sorted) it matches.
/// Problems are reported at loc.
std::vector<std::string> resolve_project_paths(const ProjectLocation& where,
                                               const std::string& pattern, const Location& loc,
                                               Diagnostics& diags);

/// Where new items of a list section go (`brainstorm add` and `import`, PRODUCT.md §3.7):
/// the section's first file — the first match of its first path or glob, as the loader
/// orders them — or delight.yaml itself for an inline list (or `key:` with no value).
struct ListTarget {
    enum class Kind { inline_list, yaml_file, csv_file, absent };
    Kind kind = Kind::absent;
    std::string path;    ///< the file to append to, usable with open(); delight.yaml when
                         ///< inline or absent
    std::string display; ///< its display name
};

/// The ListTarget of section key ("expectations", "evidence" …) of the project's
/// delight.yaml (read again: the appender needs its bytes anyway). Throws delight::Error
/// (ExitCode::input) when its first path matches no file or leaves the project folder.
ListTarget list_append_target(const ProjectLocation& where, std::string_view key);

} // namespace delight::io
