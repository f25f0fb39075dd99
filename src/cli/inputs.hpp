#pragma once
// Input paths the commands share: paths typed by the user (relative to -C), and the survey
// waves a project maps.
#include "command.hpp"
#include "delight/project.hpp"
#include "delight/survey_reader.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace delight::cli {

/// A path the user typed: relative to -C DIR when given (as if started there); "-" and
/// absolute paths as they are.
std::string user_path(const CommonOptions& common, const std::string& path);

/// A folder the user named for output files (relative to -C), created with its parents when
/// missing; an OS refusal is exit 4.
std::filesystem::path output_folder(const CommonOptions& common, const std::string& dir);

/// Wave files typed on the command line, in order ('-' is standard input).
std::vector<io::WaveInput> typed_waves(const CommonOptions& common,
                                       const std::vector<std::string>& paths);

/// The waves survey.waves names (globs expanded, sorted within each pattern). An unreadable
/// pattern is an input error (exit 3); none at all is a usage error (exit 2) unless
/// allow_none, when the list is simply empty.
std::vector<io::WaveInput> mapped_waves(const Project& project, const io::ProjectLocation& where,
                                        bool allow_none = false);

/// Throws an input error (exit 3) when the project has no `survey:` mapping.
void require_survey(const Project& project, const io::ProjectLocation& where);

} // namespace delight::cli
