// delight brainstorm add: append one expectation to the catalogue (PRODUCT.md §4.1, §3.7).
#include "command.hpp"
#include "delight/expectation_id.hpp"
#include "delight/file_edit.hpp"
#include "delight/project.hpp"
#include "delight/similarity.hpp"
#include "delight/text.hpp"
#include "delight/utf8.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace delight::cli {
namespace {

struct AddOptions {
    std::string text, touchpoint, kind, kano, id;
    std::vector<std::string> functions;
    double importance = 0;
    bool has_importance = false;
    bool dry_run = false;
};

[[noreturn]] void invalid(std::string message) {
    throw Error(ExitCode::input, Location{}, std::move(message));
}

void require_known(const char* what, const std::string& value,
                   const std::vector<std::string>& known) {
    if (std::find(known.begin(), known.end(), value) != known.end()) return;
    std::string hint = suggestion_suffix(value, known);
    if (hint.empty()) {
        hint = "; use one of: ";
        for (std::size_t i = 0; i < known.size(); ++i)
            hint += (i ? ", " : "") + known[i];
    }
    invalid(fmt::format("unknown {} '{}'{}", what, value, hint));
}

std::string where_is(const Expectation& e) {
    return e.loc.line > 0 ? fmt::format("{}:{}", e.loc.file, e.loc.line) : e.loc.file;
}

/// The text, trimmed, checked like the `text` field of a file (§3: one line, ≤ 300).
std::string checked_text(const std::string& raw) {
    std::size_t a = raw.find_first_not_of(" \t");
    if (a == std::string::npos) invalid("the expectation text is empty");
    std::string text = raw.substr(a, raw.find_last_not_of(" \t") - a + 1);
    if (first_invalid_utf8(text)) invalid("the expectation text is not valid UTF-8");
    if (!is_one_line(text)) invalid("the expectation text must be one line");
    if (code_points(text) > 300)
        invalid(
            fmt::format("the expectation text has {} characters; at most 300", code_points(text)));
    return text;
}

/// Refuses an exact duplicate (after normalize_answer); warns about the most similar one.
void check_duplicates(const Project& project, const std::string& text, Diagnostics& warnings) {
    std::vector<std::string> texts;
    const std::string key = normalize_answer(text);
    for (const Expectation& e : project.expectations) {
        if (normalize_answer(e.text) == key)
            invalid(fmt::format("expectation '{}' ({}) already has this text", e.id, where_is(e)));
        texts.push_back(e.text);
    }
    if (auto match = best_match(text, texts, near_duplicate_threshold)) {
        const Expectation& e = project.expectations[match->first];
        warnings.warning(Location{}, fmt::format("near-duplicate of '{}' ({}, similarity {:.2f}): "
                                                 "{}",
                                                 e.id, where_is(e), match->second, e.text));
    }
}

std::string checked_id(const Project& project, const AddOptions& o, const std::string& text) {
    std::vector<std::string> ids;
    for (const Expectation& e : project.expectations)
        ids.push_back(e.id);
    if (o.id.empty()) return make_expectation_id(text, ids);
    if (!is_valid_id(o.id))
        invalid(fmt::format("'{}' is not a valid id: use lowercase letters, digits and single "
                            "hyphens, at most 64 characters",
                            o.id));
    for (const Expectation& e : project.expectations)
        if (e.id == o.id) invalid(fmt::format("id '{}' is already used ({})", o.id, where_is(e)));
    return o.id;
}

/// The new item in §3.2 key order; kind, kano and importance only when given.
io::AppendItem new_expectation(const Project& project, const AddOptions& o, Diagnostics& warnings) {
    std::string text = checked_text(o.text);
    require_known("touchpoint", o.touchpoint, project.touchpoints);
    std::vector<std::string> functions;
    for (const std::string& f : o.functions) {
        require_known("function", f, project.functions);
        if (std::find(functions.begin(), functions.end(), f) == functions.end())
            functions.push_back(f);
    }
    const Scale& s = project.scale;
    // !(a <= x <= b) also refuses NaN ("--importance nan" parses as a double).
    if (o.has_importance && !(o.importance >= s.min && o.importance <= s.max))
        invalid(
            fmt::format("importance {} is outside the scale {}..{}", o.importance, s.min, s.max));
    check_duplicates(project, text, warnings);
    io::AppendItem item;
    item.fields.emplace_back("id", checked_id(project, o, text));
    item.fields.emplace_back("text", text);
    if (!o.kind.empty()) item.fields.emplace_back("kind", o.kind);
    if (!o.kano.empty()) item.fields.emplace_back("kano", o.kano);
    item.fields.emplace_back("touchpoint", o.touchpoint);
    item.fields.emplace_back("functions", functions);
    if (o.has_importance) item.fields.emplace_back("importance", o.importance);
    return item;
}

int run_add(const CommonOptions& common, const AddOptions& opts) {
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    io::AppendItem item = new_expectation(project, opts, warnings);
    print_warnings(warnings, common);
    io::ListTarget target = io::list_append_target(where, "expectations");
    io::FileEdits edits;
    edits.append(target, "expectations", {item});
    const std::string& id = std::get<std::string>(item.fields.front().second);
    if (opts.dry_run) {
        std::cout << edits.diff() << std::flush;
    } else {
        edits.write();
    }
    if (!common.quiet)
        std::cerr << fmt::format("delight: {} expectation '{}' to {}{}\n",
                                 opts.dry_run ? "would add" : "added", id, target.display,
                                 opts.dry_run ? " (dry run: nothing written)" : "");
    return 0;
}

} // namespace

void register_brainstorm_add(CLI::App& brainstorm, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<AddOptions>();
    CLI::App* cmd = brainstorm.add_subcommand(
        "add", "Append one expectation to the catalogue (the first file of `expectations:`), "
               "keeping every existing byte of the file.");
    cmd->add_option("text", opts->text, "What the customer expects, in their words (one line)")
        ->required();
    cmd->add_option("--touchpoint", opts->touchpoint, "Touchpoint id (required)")
        ->required()
        ->type_name("T");
    cmd->add_option("--function", opts->functions,
                    "Owning function id (required; repeat for several owners)")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name("F");
    cmd->add_option("--kind", opts->kind,
                    "stated|implied|latent|future (default: not written, "
                    "read as stated)")
        ->check(CLI::IsMember({"stated", "implied", "latent", "future"}))
        ->type_name("K");
    cmd->add_option("--kano", opts->kano,
                    "must-be|performance|attractive|indifferent|reverse|unknown (default: not "
                    "written, read as unknown)")
        ->check(CLI::IsMember(
            {"must-be", "performance", "attractive", "indifferent", "reverse", "unknown"}))
        ->type_name("C");
    CLI::Option* importance =
        cmd->add_option("--importance", opts->importance, "Importance on the project's scale")
            ->type_name("N");
    cmd->add_option("--id", opts->id,
                    "Id to use (default: made from the text, e.g. 'invoices-arrive-on-time')")
        ->type_name("ID");
    cmd->add_flag("--dry-run", opts->dry_run, "Print the unified diff; write nothing");
    cmd->footer("Refuses an unknown touchpoint or function and a text already in the catalogue "
                "(exit 3); warns about near-duplicates.\n\nExamples:\n"
                "  delight brainstorm add \"Invoices arrive on time\" --touchpoint billing "
                "--function finance --kind implied --importance 5\n"
                "  delight brainstorm add \"A named contact for escalations\" --touchpoint "
                "support --function service --function after-sales-support --dry-run");
    cmd->callback([&common, opts, importance, &selected] {
        opts->has_importance = importance->count() > 0;
        selected = [&common, opts] { return run_add(common, *opts); };
    });
}

} // namespace delight::cli
