// delight plan: the action plan in waves within capacity, fixing the basics and betting on
// delight from the first wave; pilot and control accounts; remediation (PRODUCT.md §4.4).
#include "command.hpp"
#include "delight/atomic_file.hpp"
#include "delight/instrument.hpp"
#include "delight/pilot.hpp"
#include "delight/plan.hpp"
#include "delight/project.hpp"
#include "delight/remediation.hpp"
#include "delight/render_instrument.hpp"
#include "delight/render_plan.hpp"
#include "inputs.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace delight::cli {
namespace {

struct PlanOptions {
    std::string remediate;
    std::string instrument;
};

/// Writes questions.md, template.csv and survey.yaml into dir (created when missing); each file
/// atomically. Returns the instrument's columns.
std::vector<std::string> write_instrument(const CommonOptions& common, const Project& project,
                                          const PlanResult& plan, const std::string& dir) {
    std::vector<const Expectation*> actions;
    for (const PlanAction& a : plan.actions)
        actions.push_back(a.expectation);
    Instrument instrument = build_instrument(project, actions);
    std::filesystem::path folder = output_folder(common, dir);
    io::write_file_atomic((folder / "questions.md").string(),
                          render::instrument_questions_markdown(instrument));
    io::write_file_atomic((folder / "template.csv").string(),
                          render::instrument_template_csv(instrument));
    io::write_file_atomic((folder / "survey.yaml").string(),
                          render::instrument_survey_yaml(instrument));
    return instrument_columns(instrument);
}

int run_plan(const CommonOptions& common, const PlanOptions& opts) {
    Output out =
        resolve_output(common, {render::Format::table, render::Format::markdown,
                                render::Format::csv, render::Format::json, render::Format::yaml});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    if (!project.plan || project.plan->start.empty())
        throw Error(ExitCode::input,
                    project.plan ? project.plan->loc
                                 : Location{io::display_path(where, "delight.yaml"), 0, 0, ""},
                    "`delight plan` needs plan.start (the first wave's date, YYYY-MM-DD) in "
                    "delight.yaml");
    PriorityResult ranking = rank_or_refuse(project, false);
    std::vector<RemediationInput> remediation;
    if (!opts.remediate.empty())
        remediation = io::read_remediation(user_path(common, opts.remediate), opts.remediate);
    PlanResult plan = make_plan(project, ranking, remediation);
    for (const std::string& w : plan.warnings)
        warnings.warning(Location{}, w);
    std::optional<PilotSelection> pilot;
    if (!project.accounts.empty())
        pilot = select_pilot(project.accounts, project.plan->pilot, project.plan->control);
    print_warnings(warnings, common);
    render::PlanView view{&project, &plan, pilot ? &*pilot : nullptr, {}};
    if (!opts.instrument.empty())
        view.instrument_columns = write_instrument(common, project, plan, opts.instrument);
    switch (out.format) {
    case render::Format::json:
        emit(out, render::plan_json(view));
        break;
    case render::Format::csv:
        emit(out, render::plan_csv(view, out.style));
        break;
    case render::Format::markdown:
        emit(out, render::plan_markdown(view));
        break;
    case render::Format::yaml:
        emit(out, render::plan_yaml(view));
        break;
    default:
        emit(out, render::plan_text(view, out.style));
    }
    return 0;
}

} // namespace

void register_plan(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<PlanOptions>();
    CLI::App* cmd = app.add_subcommand(
        "plan", "The action plan: white spaces from the highest priority down, basics and "
                "delight interleaved from the first wave, packed into waves within each "
                "function's capacity; pilot accounts mixing satisfied, neutral and "
                "dissatisfied customers, with a matched control group.");
    cmd->add_option("--remediate", opts->remediate,
                    "survey-diff JSON: declined and unchanged expectations become remediation "
                    "actions ahead of new work; inconclusive ones are listed to measure again")
        ->type_name("DIFF.json");
    cmd->add_option("--instrument", opts->instrument,
                    "Write the survey instrument measuring the actions into DIR: questions.md "
                    "(to send), template.csv (the export's header), survey.yaml (the mapping to "
                    "paste into delight.yaml)")
        ->type_name("DIR");
    cmd->footer("Formats (-O): table, markdown, csv, json, yaml.\n\nExamples:\n"
                "  delight plan -O markdown -o plan.md --instrument survey-2027\n"
                "  delight survey-diff -O json > diff.json && delight plan --remediate diff.json");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_plan(common, *opts); };
    });
}

} // namespace delight::cli
