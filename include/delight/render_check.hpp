#pragma once
// Renderings of a list of diagnostics for `delight check` (§4 "Extra commands").
#include "delight/diagnostic.hpp"

#include <string>

namespace delight::render {

/// {"version":1,"ok":bool,"diagnostics":[{"file","line","col","severity","message"}]}
/// (line/col null where they do not apply). ok is false when there is an error, or a warning
/// under strict.
std::string check_json(const Diagnostics& diags, bool strict);

/// GitHub Actions workflow commands: ::error file=F,line=L,col=C::MESSAGE (escaped).
std::string check_github(const Diagnostics& diags);

/// GitLab code-quality report: a JSON array of issues with stable fingerprints.
std::string check_gitlab(const Diagnostics& diags);

} // namespace delight::render
