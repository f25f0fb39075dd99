// delight brainstorm: the state of the catalogue (coverage, kinds, verification, blind spots
// with workshop prompts, near-duplicates), and its sub-subcommands (export, …).
#include "command.hpp"
#include "delight/brainstorm.hpp"
#include "delight/project.hpp"
#include "delight/prompt_library.hpp"
#include "delight/render_brainstorm.hpp"
#include "delight/similarity.hpp"
#include "delight/text.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace delight::cli {
namespace {

struct BrainstormOptions {
    std::string touchpoint, function, kind;
    std::size_t prompts = 3;
};

/// "; use one of: a, b, c" when nothing is close enough for a "did you mean".
std::string unknown_value(const char* what, const std::string& value,
                          const std::vector<std::string>& known) {
    std::string hint = suggestion_suffix(value, known);
    if (hint.empty()) {
        hint = "; use one of: ";
        for (std::size_t i = 0; i < known.size(); ++i)
            hint += (i ? ", " : "") + known[i];
    }
    return fmt::format("unknown {} '{}'{}", what, value, hint);
}

/// The filter, with unknown values refused as invalid input (exit 3), like an unknown id in
/// a file.
BrainstormFilter make_filter(const Project& project, const BrainstormOptions& opts) {
    auto check = [](const char* what, const std::string& value,
                    const std::vector<std::string>& known) {
        if (!value.empty() && std::find(known.begin(), known.end(), value) == known.end())
            throw Error(ExitCode::input, Location{}, unknown_value(what, value, known));
    };
    check("touchpoint", opts.touchpoint, project.touchpoints);
    check("function", opts.function, project.functions);
    const std::vector<std::string> kinds = {"stated", "implied", "latent", "future"};
    check("kind", opts.kind, kinds);
    BrainstormFilter filter{opts.touchpoint, opts.function, std::nullopt};
    if (!opts.kind.empty())
        filter.kind =
            static_cast<Kind>(std::find(kinds.begin(), kinds.end(), opts.kind) - kinds.begin());
    return filter;
}

int run_brainstorm(const CommonOptions& common, const BrainstormOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::markdown,
                                         render::Format::csv, render::Format::json});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    BrainstormFilter filter = make_filter(project, opts);
    PromptLibrary library = io::prompt_library(project, warnings);
    print_warnings(warnings, common);
    BrainstormSummary summary =
        summarize_catalogue(project, filter, library, opts.prompts, near_duplicate_threshold);
    switch (out.format) {
    case render::Format::markdown:
        emit(out, render::brainstorm_markdown(summary));
        break;
    case render::Format::csv:
        emit(out, render::brainstorm_csv(summary, out.style));
        break;
    case render::Format::json:
        emit(out, render::brainstorm_json(summary));
        break;
    default:
        emit(out, render::brainstorm_text(summary, out.style));
    }
    return 0;
}

int run_export(const CommonOptions& common) {
    Output out = resolve_output(common, {render::Format::csv});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    print_warnings(warnings, common);
    emit(out, render::catalogue_csv(project, out.style));
    return 0;
}

void register_export(CLI::App& brainstorm, const CommonOptions& common, Action& selected) {
    CLI::App* cmd = brainstorm.add_subcommand(
        "export", "Write the catalogue as a CSV list file (one row per expectation) for rating "
                  "in a spreadsheet; `expectations:` can point at it to load it back.");
    cmd->footer("Format (-O): csv only. Text cells starting with = + - @ get a leading ' "
                "(formula neutralisation); use --raw-csv for a file you mean to load back.\n\n"
                "Examples:\n  delight brainstorm export -o catalogue.csv --raw-csv\n"
                "  delight brainstorm export > ratings.csv");
    cmd->callback([&common, &selected] { selected = [&common] { return run_export(common); }; });
}

} // namespace

/// The sub-subcommands of `delight brainstorm`. Register new ones (add, import) here.
void register_brainstorm_subcommands(CLI::App& brainstorm, const CommonOptions& common,
                                     Action& selected) {
    register_export(brainstorm, common, selected);
    register_brainstorm_add(brainstorm, common, selected);
    register_brainstorm_import(brainstorm, common, selected);
}

void register_brainstorm(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<BrainstormOptions>();
    CLI::App* cmd = app.add_subcommand(
        "brainstorm", "The state of the catalogue: touchpoint x function coverage, kinds, "
                      "interview verification, blind spots with workshop prompts, "
                      "near-duplicates.");
    cmd->require_subcommand(0, 1);
    cmd->add_option("--touchpoint", opts->touchpoint, "Only this touchpoint")->type_name("T");
    cmd->add_option("--function", opts->function, "Only expectations this function owns")
        ->type_name("F");
    cmd->add_option("--kind", opts->kind, "Only this kind: stated|implied|latent|future")
        ->type_name("K");
    cmd->add_option("--prompts", opts->prompts, "Prompts shown per blind spot (default: 3)")
        ->type_name("N")
        ->check(CLI::Range(0, 100));
    cmd->footer("Formats (-O): table (a heat map; the default), markdown, csv (one row per "
                "blind spot with its prompts), json.\n\nExamples:\n"
                "  delight brainstorm\n  delight brainstorm --touchpoint billing --prompts 5");
    register_brainstorm_subcommands(*cmd, common, selected);
    cmd->callback([cmd, &common, opts, &selected] {
        if (!cmd->get_subcommands().empty()) return; // a sub-subcommand was chosen
        selected = [&common, opts] { return run_brainstorm(common, *opts); };
    });
}

} // namespace delight::cli
