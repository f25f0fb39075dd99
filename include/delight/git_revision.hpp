#pragma once
// Reading a project as it was at a git revision, without a checkout (`--against REV`):
// every file comes from `git show REV:./path`, run in the project folder.
#include "delight/project.hpp"

#include <string>
#include <vector>

namespace delight::io {

/// The same project at revision rev. Throws delight::Error (ExitCode::input) when the folder
/// is not in a git repository or rev is not a revision, with git's reason.
ProjectLocation at_revision(const ProjectLocation& where, const std::string& rev);

/// A file of the project at where.revision (path relative to the project folder). A file the
/// revision does not have is ExitCode::os ("not in REV"); one over max_bytes is refused.
std::string read_at_revision(const ProjectLocation& where, const std::string& relative,
                             const std::string& display, std::size_t max_bytes);

/// Every file under the project folder at where.revision, relative to it, sorted.
std::vector<std::string> files_at_revision(const ProjectLocation& where);

} // namespace delight::io
