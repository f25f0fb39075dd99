#pragma once
// `check` of survey wave files against the survey mapping (§3.5): columns present, answers
// decodable, invalid shares within max_invalid.
#include "delight/diagnostic.hpp"
#include "delight/model.hpp"
#include "delight/project.hpp"

namespace delight::io {

/// Streams each file of survey.waves once; adds every problem to diags.
void check_survey_waves(const Project& project, const ProjectLocation& where, Diagnostics& diags);

} // namespace delight::io
