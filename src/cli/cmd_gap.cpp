// delight gap: what is fulfilled (and could be enhanced) and what the white spaces are, with
// the IPA quadrant and the Kano reading of each expectation (PRODUCT.md §4.2).
#include "command.hpp"
#include "delight/gap.hpp"
#include "delight/gap_survey.hpp"
#include "delight/git_revision.hpp"
#include "delight/project.hpp"
#include "delight/render_gap.hpp"
#include "delight/survey_reader.hpp"
#include "inputs.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace delight::cli {
namespace {

struct GapOptions {
    std::string crosshair = "midpoint";
    std::vector<std::string> fail_on;
    std::string against;
    std::string survey; ///< --survey WAVE.csv
};

std::vector<std::string> ids_where(const GapResult& r, bool (*pick)(const GapItem&)) {
    std::vector<std::string> ids;
    for (const GapItem& item : r.items)
        if (pick(item)) ids.push_back(item.expectation->id);
    return ids;
}

bool is_dissatisfier(const GapItem& i) {
    return i.reading == Reading::dissatisfier;
}
bool is_white_space(const GapItem& i) {
    return i.list == GapList::white_space;
}

/// Dissatisfiers now that were not dissatisfiers at the revision. With a survey, its
/// measurements apply to the project at REV too, so only catalogue changes count as new.
std::vector<std::string> new_dissatisfiers(const GapResult& now, const io::ProjectLocation& where,
                                           const std::string& rev, Crosshair crosshair,
                                           const GapSurvey* survey) {
    Diagnostics ignored;
    Project then = io::load_project_strict(io::at_revision(where, rev), ignored);
    if (survey) then = apply_measurements(then, survey->measured);
    std::vector<std::string> before = ids_where(analyse_gap(then, crosshair), is_dissatisfier);
    std::vector<std::string> out;
    for (const std::string& id : ids_where(now, is_dissatisfier))
        if (std::find(before.begin(), before.end(), id) == before.end()) out.push_back(id);
    return out;
}

int gate(const std::string& what, const std::vector<std::string>& ids) {
    if (ids.empty()) return 0;
    std::string list;
    for (const std::string& id : ids)
        list += (list.empty() ? "" : ", ") + id;
    std::cerr << fmt::format("delight: gate: {} {}{}: {}\n", ids.size(), what,
                             ids.size() == 1 ? "" : "s", list);
    return static_cast<int>(ExitCode::gate);
}

/// Reads one survey wave and measures the expectations it asks about. With survey.wave set,
/// the file may hold several waves; the last one is used (and named in the output).
GapSurvey read_gap_survey(const CommonOptions& common, const Project& project,
                          const io::ProjectLocation& where, const std::string& path) {
    require_survey(project, where);
    io::WaveInput input{user_path(common, path), path == "-" ? "<stdin>" : path,
                        io::wave_label(path)};
    SurveyData data = io::read_survey_waves(project, {input}, io::SegmentBy{});
    std::size_t wave = data.waves.empty() ? 0 : data.waves.size() - 1;
    GapSurvey survey = gap_survey(project, data, wave);
    if (data.waves.empty()) survey.wave = input.label;
    return survey;
}

std::vector<std::string> outside_in_ids(const GapSurvey* survey) {
    std::vector<std::string> ids;
    if (survey)
        for (const OutsideIn& o : survey->outside_in)
            ids.push_back(o.id);
    return ids;
}

int run_gap(const CommonOptions& common, const GapOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::markdown,
                                         render::Format::csv, render::Format::json});
    bool wants_new = std::find(opts.fail_on.begin(), opts.fail_on.end(), "new-dissatisfier") !=
                     opts.fail_on.end();
    if (wants_new != !opts.against.empty())
        throw Error(ExitCode::usage, Location{},
                    "--fail-on new-dissatisfier and --against REV go together");
    bool wants_outside_in =
        std::find(opts.fail_on.begin(), opts.fail_on.end(), "outside-in") != opts.fail_on.end();
    if (wants_outside_in && opts.survey.empty())
        throw Error(ExitCode::usage, Location{},
                    "--fail-on outside-in needs a survey wave: --survey WAVE.csv");
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    print_warnings(warnings, common);
    Crosshair crosshair = opts.crosshair == "mean" ? Crosshair::mean : Crosshair::midpoint;
    std::optional<GapSurvey> survey;
    // The result points into the project it analysed: the adjusted copy lives here.
    Project adjusted;
    if (!opts.survey.empty()) {
        survey = read_gap_survey(common, project, where, opts.survey);
        adjusted = apply_measurements(project, survey->measured);
    }
    const GapSurvey* with = survey ? &*survey : nullptr;
    GapResult r = analyse_gap(survey ? adjusted : project, crosshair);
    switch (out.format) {
    case render::Format::json:
        emit(out, render::gap_json(r, with));
        break;
    case render::Format::csv:
        emit(out, render::gap_csv(r, out.style));
        break;
    case render::Format::markdown:
        emit(out, render::gap_markdown(r, with));
        break;
    default:
        emit(out, render::gap_text(r, out.style, with));
    }
    int rc = 0;
    for (const std::string& f : opts.fail_on) {
        int g = 0;
        if (f == "dissatisfier") g = gate("dissatisfier", ids_where(r, is_dissatisfier));
        if (f == "white-space") g = gate("white space", ids_where(r, is_white_space));
        if (f == "new-dissatisfier")
            g = gate("new dissatisfier",
                     new_dissatisfiers(r, where, opts.against, crosshair, with));
        if (f == "outside-in") g = gate("outside-in expectation", outside_in_ids(with));
        rc = std::max(rc, g);
    }
    return rc;
}

} // namespace

void register_gap(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<GapOptions>();
    CLI::App* cmd = app.add_subcommand(
        "gap", "What the company fulfils (and could enhance) and the white spaces it does not "
               "deliver, with each expectation's delivery status, gap, IPA quadrant and Kano "
               "reading.");
    cmd->add_option("--crosshair", opts->crosshair,
                    "IPA crosshairs at the scale midpoint or the data means")
        ->check(CLI::IsMember({"midpoint", "mean"}))
        ->capture_default_str();
    cmd->add_option("--fail-on", opts->fail_on,
                    "Exit 1 when any expectation is a dissatisfier, a white space, (with "
                    "--against) a dissatisfier that is new since REV, or (with --survey) on the "
                    "outside-in list")
        ->check(CLI::IsMember({"dissatisfier", "white-space", "new-dissatisfier", "outside-in"}))
        ->type_name("CLASS");
    cmd->add_option("--survey", opts->survey,
                    "A survey wave (CSV, '-' for standard input): measured performance, "
                    "importance, adequate/desired levels and Kano categories replace the team's, "
                    "and the outside-in list shows what customers rate below the team")
        ->type_name("WAVE.csv");
    cmd->add_option("--against", opts->against,
                    "Git revision to compare with for --fail-on new-dissatisfier (read with git "
                    "show, no checkout)")
        ->type_name("REV");
    cmd->footer("Formats (-O): table, markdown, csv, json.\n\nExamples:\n"
                "  delight gap --crosshair mean\n"
                "  delight gap --survey surveys/2027-04.csv --fail-on outside-in\n"
                "  delight gap -O json --against origin/main --fail-on new-dissatisfier");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_gap(common, *opts); };
    });
}

} // namespace delight::cli
