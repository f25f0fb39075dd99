// delight check: validate everything and print every problem; silent when all is well.
#include "command.hpp"
#include "delight/project.hpp"
#include "delight/render_check.hpp"
#include "delight/survey_check.hpp"
#include "output.hpp"

#include <algorithm>
#include <iostream>
#include <tuple>

namespace delight::cli {
namespace {

struct CheckOptions {
    bool strict = false;
};

/// Problems in file order (files in the order they were read), then by line and column, so
/// the output reads top to bottom like the files.
void sort_by_position(Diagnostics& diags) {
    std::vector<std::string> files;
    for (const Diagnostic& d : diags.items())
        if (std::find(files.begin(), files.end(), d.loc.file) == files.end())
            files.push_back(d.loc.file);
    auto rank = [&](const Diagnostic& d) {
        return std::make_tuple(std::find(files.begin(), files.end(), d.loc.file) - files.begin(),
                               d.loc.line, d.loc.col);
    };
    std::vector<Diagnostic> items = diags.items();
    std::stable_sort(items.begin(), items.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
    diags = Diagnostics();
    for (Diagnostic& d : items)
        diags.add(std::move(d));
}

int run_check(const CommonOptions& common, const CheckOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::json,
                                         render::Format::github, render::Format::gitlab});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics diags;
    Project project = io::load_project(where, diags);
    io::check_survey_waves(project, where, diags);
    sort_by_position(diags);
    bool failed = diags.has_errors() || (opts.strict && !diags.items().empty());
    switch (out.format) {
    case render::Format::json:
        emit(out, render::check_json(diags, opts.strict));
        break;
    case render::Format::github:
        emit(out, render::check_github(diags));
        break;
    case render::Format::gitlab:
        emit(out, render::check_gitlab(diags));
        break;
    default: {
        render::Style style = stderr_style(common);
        for (const Diagnostic& d : diags.items())
            if (d.severity == Severity::error || !common.quiet || opts.strict)
                print_diagnostic(std::cerr, d, style);
    }
    }
    return static_cast<int>(failed ? ExitCode::input : ExitCode::ok);
}

} // namespace

void register_check(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<CheckOptions>();
    CLI::App* cmd = app.add_subcommand(
        "check", "Validate the project: keys, types, ranges, references, duplicates, survey "
                 "columns and answer labels. Prints every problem; nothing when all is well.");
    cmd->add_flag("--strict", opts->strict, "Treat warnings as errors (exit 3)");
    cmd->footer("Formats (-O): table (messages on stderr, the default), json, github (Actions "
                "annotations), gitlab (code-quality report).\n\nExamples:\n"
                "  delight check\n  delight check --strict -O github");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_check(common, *opts); };
    });
}

} // namespace delight::cli
