// Input paths the commands share (see inputs.hpp).
#include "inputs.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace delight::cli {

std::string user_path(const CommonOptions& common, const std::string& path) {
    if (path == "-" || common.directory.empty() || std::filesystem::path(path).is_absolute())
        return path;
    return (std::filesystem::path(common.directory) / path).string();
}

std::filesystem::path output_folder(const CommonOptions& common, const std::string& dir) {
    std::filesystem::path folder = user_path(common, dir);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw Error(ExitCode::os, Location{dir, 0, 0, ""},
                    fmt::format("cannot create the folder: {}", ec.message()));
    return folder;
}

std::vector<io::WaveInput> typed_waves(const CommonOptions& common,
                                       const std::vector<std::string>& paths) {
    std::vector<io::WaveInput> out;
    for (const std::string& p : paths)
        out.push_back({user_path(common, p), p == "-" ? "<stdin>" : p, io::wave_label(p)});
    return out;
}

std::vector<io::WaveInput> mapped_waves(const Project& project, const io::ProjectLocation& where,
                                        bool allow_none) {
    std::vector<io::WaveInput> out;
    Diagnostics diags;
    for (const std::string& pattern : project.survey->waves)
        for (const std::string& rel :
             io::resolve_project_paths(where, pattern, project.survey->loc, diags))
            out.push_back({(std::filesystem::path(where.directory) / rel).string(),
                           io::display_path(where, rel), io::wave_label(rel)});
    for (const Diagnostic& d : diags.items())
        if (d.severity == Severity::error) throw Error(ExitCode::input, d);
    if (out.empty() && !allow_none)
        throw Error(ExitCode::usage, Location{io::display_path(where, "delight.yaml"), 0, 0, ""},
                    "no survey waves: give the wave files (delight survey-diff A.csv B.csv) or "
                    "list them in survey.waves");
    return out;
}

void require_survey(const Project& project, const io::ProjectLocation& where) {
    if (!project.survey)
        throw Error(ExitCode::input, Location{io::display_path(where, "delight.yaml"), 0, 0, ""},
                    "there is no `survey:` mapping in the project; add one to say which columns "
                    "hold which questions (PRODUCT.md §3.5, `delight init` writes an example)");
}

} // namespace delight::cli
