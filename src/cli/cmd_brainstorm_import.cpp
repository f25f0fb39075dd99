// delight brainstorm import: interview notes → evidence and new expectations (PRODUCT.md
// §4.1), appended with every existing byte kept (§3.7).
#include "command.hpp"
#include "delight/file_edit.hpp"
#include "delight/interview_import.hpp"
#include "delight/interview_notes.hpp"
#include "delight/project.hpp"
#include "delight/render_import.hpp"
#include "delight/similarity.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace delight::cli {
namespace {

struct ImportOptions {
    std::string file;
    bool dry_run = false;
};

constexpr const char* new_evidence_comment =
    "Evidence behind the catalogue (PRODUCT.md §3.4): what customers said, by account and date.\n"
    "Created by `delight brainstorm import`; quotes are personal data: reports show them only\n"
    "with --quotes.";

io::AppendItem expectation_item(const Expectation& e) {
    io::AppendItem item;
    item.fields = {{"id", e.id},
                   {"text", e.text},
                   {"kind", std::string(name(e.kind))},
                   {"touchpoint", e.touchpoint},
                   {"functions", e.functions},
                   {"source", e.source}};
    return item;
}

io::AppendItem evidence_item(const Evidence& ev) {
    io::AppendItem item;
    item.fields.emplace_back("expectation", ev.expectation);
    if (!ev.account.empty()) item.fields.emplace_back("account", ev.account);
    if (!ev.date.empty()) item.fields.emplace_back("date", ev.date);
    if (!ev.quote.empty()) item.fields.emplace_back("quote", ev.quote);
    item.fields.emplace_back("source", std::string(name(ev.source)));
    return item;
}

/// New expectations go to the catalogue's first file; evidence to the first evidence file,
/// or to a new evidence.yaml linked from delight.yaml when the project has no evidence yet.
io::FileEdits plan_edits(const io::ProjectLocation& where, const ImportPlan& plan) {
    io::FileEdits edits;
    std::vector<io::AppendItem> items;
    for (const Expectation& e : plan.new_expectations)
        items.push_back(expectation_item(e));
    if (!items.empty())
        edits.append(io::list_append_target(where, "expectations"), "expectations", items);
    items.clear();
    for (const Evidence& ev : plan.new_evidence)
        items.push_back(evidence_item(ev));
    if (items.empty()) return edits;
    io::ListTarget target = io::list_append_target(where, "evidence");
    if (target.kind != io::ListTarget::Kind::absent) {
        edits.append(target, "evidence", items);
        return edits;
    }
    const std::string name = "evidence.yaml";
    edits.create((std::filesystem::path(where.directory) / name).string(),
                 io::display_path(where, name),
                 io::new_yaml_list_file(new_evidence_comment, items));
    edits.append_key(target.path, target.display, "evidence", name);
    return edits;
}

std::string summary(const Output& out, const std::vector<InterviewNote>& notes,
                    const ImportPlan& plan) {
    switch (out.format) {
    case render::Format::markdown:
        return render::import_markdown(notes, plan);
    case render::Format::csv:
        return render::import_csv(notes, plan, out.style);
    case render::Format::json:
        return render::import_json(notes, plan);
    default:
        return render::import_text(notes, plan, out.style);
    }
}

void report_edits(const io::FileEdits& edits, bool dry_run) {
    if (edits.empty()) {
        std::cerr << "delight: nothing to add\n";
        return;
    }
    for (const io::FileEdit& e : edits.edits())
        std::cerr << fmt::format("delight: {} {}\n",
                                 dry_run ? (e.created ? "would create" : "would append to")
                                         : (e.created ? "created" : "appended to"),
                                 e.display);
}

int run_import(const CommonOptions& common, const ImportOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::markdown,
                                         render::Format::csv, render::Format::json});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    print_warnings(warnings, common);
    Diagnostics problems;
    std::vector<InterviewNote> notes = io::read_interview_notes(opts.file, project, problems);
    if (problems.has_errors()) {
        std::vector<Diagnostic> sorted = problems.items();
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
        });
        for (const Diagnostic& d : sorted)
            print_diagnostic(std::cerr, d, stderr_style(common));
        return static_cast<int>(ExitCode::input);
    }
    ImportPlan plan = plan_interview_import(project, notes, near_duplicate_threshold);
    io::FileEdits edits = plan_edits(where, plan);
    if (opts.dry_run) {
        std::cout << edits.diff() << std::flush;
        Output to_stderr = out;
        to_stderr.format = render::Format::table;
        to_stderr.style.color = false;
        if (!common.quiet) std::cerr << summary(to_stderr, notes, plan);
    } else {
        edits.write();
        emit(out, summary(out, notes, plan));
    }
    if (!common.quiet) report_edits(edits, opts.dry_run);
    return 0;
}

} // namespace

void register_brainstorm_import(CLI::App& brainstorm, const CommonOptions& common,
                                Action& selected) {
    auto opts = std::make_shared<ImportOptions>();
    CLI::App* cmd = brainstorm.add_subcommand(
        "import", "Import interview notes: evidence for the expectations they match, new "
                  "expectations for needs that match none; prints what it matched, added and "
                  "could not place.");
    cmd->add_option("file", opts->file,
                    "CSV with the columns account, expectation (an id or the need in words), "
                    "quote, date; optionally touchpoint, function (';'-separated), kind. '-' "
                    "reads standard input")
        ->required()
        ->type_name("FILE.csv");
    cmd->add_flag("--dry-run", opts->dry_run,
                  "Print the unified diffs (stdout) and the summary (stderr); write nothing");
    cmd->footer("A note matches an expectation by id, by the same text, or by a similar text "
                "(the near-duplicate measure, threshold 0.70). Notes without a match and "
                "without touchpoint and function are listed for triage, not added. Importing "
                "the same file twice adds nothing.\nFormats (-O) of the summary: table (the "
                "default), markdown, csv, json.\n\nExamples:\n"
                "  delight brainstorm import interviews/2027-02.csv --dry-run\n"
                "  delight brainstorm import - -O json < notes.csv");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_import(common, *opts); };
    });
}

} // namespace delight::cli
