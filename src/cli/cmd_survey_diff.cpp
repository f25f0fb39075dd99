// delight survey-diff: what changed between survey waves, per question and expectation, with
// honest statistics and verdicts (PRODUCT.md §4.5).
#include "command.hpp"
#include "delight/project.hpp"
#include "delight/render_survey.hpp"
#include "delight/survey_diff.hpp"
#include "delight/survey_reader.hpp"
#include "inputs.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace delight::cli {
namespace {

struct SurveyDiffCliOptions {
    std::vector<std::string> files;
    std::vector<std::string> counts;
    std::string kano_table = "classic";
    std::string kano_rule = "mode";
    std::string by;
    double fdr = 0.05;
    std::uint64_t min_n = 30;
    std::optional<double> margin;
    std::vector<std::string> fail_on;
};

int run_survey_diff(const CommonOptions& common, const SurveyDiffCliOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::markdown,
                                         render::Format::csv, render::Format::json});
    if (!opts.files.empty() && !opts.counts.empty())
        throw Error(ExitCode::usage, Location{},
                    "give either wave files or --counts files, not both");
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    print_warnings(warnings, common);
    require_survey(project, where);
    io::SegmentBy by = io::parse_segment_by(opts.by);
    SurveyData data;
    if (!opts.counts.empty()) {
        data = io::read_survey_counts(project, typed_waves(common, opts.counts), by);
    } else {
        std::vector<io::WaveInput> waves =
            opts.files.empty() ? mapped_waves(project, where) : typed_waves(common, opts.files);
        data = io::read_survey_waves(project, waves, by);
    }
    SurveyDiffOptions options;
    options.kano_table =
        opts.kano_table == "pouliot" ? stats::KanoTable::pouliot : stats::KanoTable::classic;
    options.kano_rule =
        opts.kano_rule == "aom-first" ? stats::KanoRule::aom_first : stats::KanoRule::mode;
    options.fdr = opts.fdr;
    options.min_n = opts.min_n;
    options.margin = opts.margin;
    SurveyDiffResult r = survey_diff(project, data, options, opts.by);
    switch (out.format) {
    case render::Format::json:
        emit(out, render::survey_diff_json(r));
        break;
    case render::Format::csv:
        emit(out, render::survey_diff_csv(r, out.style));
        break;
    case render::Format::markdown:
        emit(out, render::survey_diff_markdown(r));
        break;
    default:
        emit(out, render::survey_diff_text(r, out.style));
    }
    if (!opts.fail_on.empty() && any_declined(r)) {
        std::string list;
        for (const ExpectationVerdict& e : r.all.expectations)
            if (e.verdict == Verdict::declined) list += (list.empty() ? "" : ", ") + e.id;
        std::cerr << "delight: gate: declined: " << list << "\n";
        return static_cast<int>(ExitCode::gate);
    }
    return 0;
}

} // namespace

void register_survey_diff(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<SurveyDiffCliOptions>();
    CLI::App* cmd = app.add_subcommand(
        "survey-diff",
        "What changed between survey waves: per question and expectation, with Welch, "
        "Mann–Whitney, Wilcoxon and BH q-values, NPS, Kano, pilot vs control "
        "difference-in-differences, and a verdict that claims no more than the data show.");
    cmd->add_option("waves", opts->files,
                    "Wave CSV files, earliest first ('-' reads standard input); default: "
                    "survey.waves")
        ->type_name("WAVE.csv");
    cmd->add_option("--counts", opts->counts,
                    "Read pre-aggregated histograms instead of raw waves (repeatable; see "
                    "docs/scale-out.md)")
        ->type_name("FILE");
    cmd->add_option("--kano-table", opts->kano_table, "Kano evaluation table")
        ->check(CLI::IsMember({"classic", "pouliot"}))
        ->capture_default_str();
    cmd->add_option("--kano-rule", opts->kano_rule,
                    "Kano category: the most frequent (mode), or must-be/performance/attractive "
                    "first when they outnumber the rest (aom-first)")
        ->check(CLI::IsMember({"mode", "aom-first"}))
        ->capture_default_str();
    cmd->add_option("--by", opts->by,
                    "Also split by segment: 'segment' (survey.segment, else the account's), "
                    "'satisfaction' (through accounts) or a column of the waves")
        ->type_name("WHAT");
    cmd->add_option("--fdr", opts->fdr, "False discovery rate for improved/declined verdicts")
        ->check(CLI::Range(1e-12, 1.0))
        ->capture_default_str();
    cmd->add_option("--min-n", opts->min_n,
                    "Fewest answers (per wave and cell) for a verdict; fewer: 'too few answers'")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40))
        ->capture_default_str();
    cmd->add_option("--margin", opts->margin,
                    "'No change' when the 95% CI of the change lies within ±MARGIN (default: "
                    "0.1 × the scale's range)")
        ->check(CLI::Range(0.0, 1e9))
        ->type_name("MARGIN");
    cmd->add_option("--fail-on", opts->fail_on, "Exit 1 when any expectation declined")
        ->check(CLI::IsMember({"declined"}))
        ->type_name("declined");
    cmd->footer("Formats (-O): table, markdown, csv, json.\n\nExamples:\n"
                "  delight survey-diff\n"
                "  delight survey-diff surveys/2027-01.csv surveys/2027-04.csv --by segment\n"
                "  delight survey-diff -O json --fail-on declined > diff.json");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_survey_diff(common, *opts); };
    });
}

} // namespace delight::cli
