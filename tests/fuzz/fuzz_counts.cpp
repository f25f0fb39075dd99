// libFuzzer target: `survey-diff --counts` files (docs/scale-out.md) read against the example
// project's survey mapping, then every statistic computed and rendered as survey-diff would.
//
//   byte 0 % 3   --by: none, segment, satisfaction
//   the rest     split at each "\0\0" into up to three files (answers, Kano, pairs — any
//                order: the reader tells them by their header)
//
// Checked: only delight::Error with ExitCode::input (or usage, for a --by the files cannot
// serve) is thrown, naming one of the files with line and column >= 0; what the reader
// accepts, survey_diff and the JSON rendering digest without any exception.
#include "delight/project.hpp"
#include "delight/render_survey.hpp"
#include "delight/survey_diff.hpp"
#include "delight/survey_reader.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

const char* const by_values[] = {"", "segment", "satisfaction"};
constexpr std::size_t max_files = 3;

fs::path g_dir;
delight::Project g_project;

void write_file(const fs::path& path, std::string_view bytes) {
    delight::fuzz::write_file(path, bytes, "fuzz_counts");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    g_dir = delight::fuzz::temp_folder("fuzz_counts");
    // tests/fuzz/run.sh runs the targets from the repository's root.
    delight::Diagnostics warnings;
    g_project = delight::io::load_project_strict(
        delight::io::find_project("examples/fieldwise", ""), warnings);
    if (!g_project.survey) delight::fuzz::finding("fuzz_counts: the example has no survey");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string by = by_values[data[0] % 3];
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    std::vector<delight::io::WaveInput> files;
    while (files.size() < max_files) {
        std::size_t cut = files.size() + 1 < max_files ? rest.find(std::string_view("\0\0", 2))
                                                       : std::string_view::npos;
        std::string name = "counts" + std::to_string(files.size()) + ".csv";
        write_file(g_dir / name, rest.substr(0, cut));
        files.push_back({(g_dir / name).string(), name, "counts"});
        if (cut == std::string_view::npos) break;
        rest.remove_prefix(cut + 2);
    }
    delight::fuzz::expect_only_delight_errors(
        "counts",
        [&] {
            delight::SurveyData counts = delight::io::read_survey_counts(
                g_project, files, delight::io::parse_segment_by(by));
            delight::SurveyDiffResult r =
                delight::survey_diff(g_project, counts, delight::SurveyDiffOptions{}, by);
            (void)delight::render::survey_diff_json(r);
        },
        [&](const delight::Error& e) {
            const delight::Location& loc = e.diagnostic().loc;
            if (e.code() != delight::ExitCode::input && e.code() != delight::ExitCode::usage)
                delight::fuzz::finding("counts: unexpected exit code");
            if (loc.line < 0 || loc.col < 0)
                delight::fuzz::finding("counts: bad location " + delight::fuzz::describe(loc));
        });
    return 0;
}
