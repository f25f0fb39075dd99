// delight report: the whole audit in one document — executive summary, narrative, coverage,
// gap, ranking, plan and survey results — as Markdown or self-contained HTML (PRODUCT.md §4.6).
#include "command.hpp"
#include "delight/atomic_file.hpp"
#include "delight/project.hpp"
#include "delight/prompt_library.hpp"
#include "delight/render_report.hpp"
#include "delight/render_svg.hpp"
#include "delight/report.hpp"
#include "delight/similarity.hpp"
#include "delight/survey_reader.hpp"
#include "inputs.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace delight::cli {
namespace {

struct ReportOptions {
    std::vector<std::string> sections;
    std::string charts; ///< --charts DIR
    bool quotes = false;
};

/// Prompts shown per blind spot in the coverage section: one, so that a client report stays
/// readable (`brainstorm` shows three by default).
constexpr std::size_t report_prompts = 1;
/// The narrative is prose for people, not data: a megabyte is far beyond any real one.
constexpr std::size_t narrative_limit = std::size_t{1} << 20;

std::vector<ReportSection> chosen_sections(const std::vector<std::string>& names) {
    std::vector<ReportSection> out;
    for (std::size_t i = 0; i < report_section_count; ++i) {
        auto s = static_cast<ReportSection>(i);
        if (names.empty() || std::find(names.begin(), names.end(), name(s)) != names.end())
            out.push_back(s);
    }
    return out;
}

/// Reads the waves survey.waves names: the last one measures the expectations (outside-in),
/// two or more are compared as survey-diff does with its defaults.
void add_survey(Report& report, const Project& project, const io::ProjectLocation& where) {
    if (!project.survey) return;
    std::vector<io::WaveInput> waves = mapped_waves(project, where, true);
    if (waves.empty()) return;
    SurveyData data = io::read_survey_waves(project, waves, io::SegmentBy{});
    if (data.waves.empty()) return;
    report.survey_gap = gap_survey(project, data, data.waves.size() - 1);
    if (data.waves.size() >= 2) report.diff = survey_diff(project, data, SurveyDiffOptions{}, "");
}

void write_charts(const CommonOptions& common, const Report& report, const std::string& dir) {
    std::filesystem::path folder = output_folder(common, dir);
    for (const render::ReportChart& c : render::report_charts(report))
        io::write_file_atomic((folder / (c.name + ".svg")).string(),
                              render::svg::standalone(c.svg));
}

int run_report(const CommonOptions& common, const ReportOptions& opts) {
    Output out = resolve_output(common, {render::Format::markdown, render::Format::html});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    PromptLibrary library = io::prompt_library(project, warnings);

    Report report;
    report.project = &project;
    report.title = project.report.title.empty() ? project.name : project.report.title;
    if (report.title.empty()) report.title = "Customer delight audit";
    report.sections =
        chosen_sections(opts.sections.empty() ? project.report.sections : opts.sections);
    report.quotes = opts.quotes;
    if (!project.report.narrative.empty())
        report.narrative = io::read_project_file(where, project.report.narrative,
                                                 io::display_path(where, project.report.narrative),
                                                 narrative_limit);
    report.catalogue =
        summarize_catalogue(project, {}, library, report_prompts, near_duplicate_threshold);
    report.gap = analyse_gap(project, Crosshair::midpoint);
    PriorityResult ranking = prioritize(project, PriorityOptions{});
    if (ranking.missing.empty()) report.ranking = std::move(ranking);
    if (report.ranking && project.plan && !project.plan->start.empty()) {
        report.plan = make_plan(project, *report.ranking, {});
        for (const std::string& w : report.plan->warnings)
            warnings.warning(Location{}, w);
        if (!project.accounts.empty())
            report.pilot =
                select_pilot(project.accounts, project.plan->pilot, project.plan->control);
    }
    add_survey(report, project, where);
    print_warnings(warnings, common);
    summarize_report(report);

    if (!opts.charts.empty()) write_charts(common, report, opts.charts);
    if (out.format == render::Format::html)
        emit(out, render::report_html(report, std::string("delight ") + DELIGHT_VERSION));
    else
        emit(out, render::report_markdown(report));
    return 0;
}

} // namespace

void register_report(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report", "The whole audit in one document: an executive summary in plain sentences, "
                  "the narrative, coverage, gap, ranking, plan and survey results — Markdown "
                  "for pull requests and CI job summaries, or one self-contained HTML file "
                  "with charts for clients.");
    cmd->add_option("--sections", opts->sections,
                    "Sections to include, in document order whatever the order given "
                    "(default: report.sections, else all)")
        ->delimiter(',')
        ->check(
            CLI::IsMember({"summary", "narrative", "coverage", "gap", "ranking", "plan", "survey"}))
        ->type_name("NAME,…");
    cmd->add_option("--charts", opts->charts,
                    "Also write each chart as a standalone SVG into DIR (coverage.svg, ipa.svg, "
                    "kano.svg, before-after.svg: those there is data for)")
        ->type_name("DIR");
    cmd->add_flag("--quotes", opts->quotes,
                  "Include the evidence quotes (personal data: off by default)");
    cmd->footer("Formats (-O): markdown (default), html; -o FILE.html picks html.\n\nExamples:\n"
                "  delight report -o report.html --charts slides/\n"
                "  delight report -O markdown --sections summary,survey >> "
                "\"$GITHUB_STEP_SUMMARY\"");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_report(common, *opts); };
    });
}

} // namespace delight::cli
