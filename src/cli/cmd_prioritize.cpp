// delight prioritize: rank the white spaces by importance, gap, Kano, our ability and where
// competitors stand, in two tracks (PRODUCT.md §4.3).
#include "command.hpp"
#include "delight/git_revision.hpp"
#include "delight/priority.hpp"
#include "delight/project.hpp"
#include "delight/render_priority.hpp"
#include "delight/sensitivity.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace delight::cli {
namespace {

struct PrioritizeOptions {
    std::string method, track, against;
    int top = 0;
    bool all = false, explain = false;
    long long sensitivity = 0, top_k = 0;
    long long seed = -1;
};

} // namespace

PriorityResult rank_or_refuse(const Project& project, bool all) {
    PriorityResult r = prioritize(project, PriorityOptions{all});
    if (r.missing.empty()) return r;
    std::string list;
    for (const MissingInput& m : r.missing) {
        std::string fields;
        for (const std::string& f : m.fields)
            fields += (fields.empty() ? "" : ", ") + f;
        list += fmt::format("\n  {} ({}:{}): no {}", m.expectation->id, m.expectation->loc.file,
                            m.expectation->loc.line, fields);
    }
    throw Error(ExitCode::input, r.missing.front().expectation->loc,
                fmt::format("the {} method needs values that {} expectation{} lack:{}",
                            name(r.method), r.missing.size(), r.missing.size() == 1 ? "" : "s",
                            list));
}

namespace {

void warn_defaults(const PriorityResult& r, Diagnostics& warnings) {
    std::string ability, reverse;
    int n_ability = 0;
    for (const PriorityItem& item : r.items) {
        if (!item.track) {
            warnings.warning(item.expectation->loc,
                             fmt::format("'{}' is a reverse expectation (customers prefer it "
                                         "absent): listed without a rank",
                                         item.expectation->id));
        } else if (item.ability_defaulted && r.method == PriorityMethod::weighted) {
            ability += (ability.empty() ? "" : ", ") + item.expectation->id;
            ++n_ability;
        }
    }
    if (n_ability > 0)
        warnings.warning(Location{}, fmt::format("no ability rating for {} item{} ({}): 0.5 used",
                                                 n_ability, n_ability == 1 ? "" : "s", ability));
}

/// --against: each item's move since REV and which criteria changed.
void compare_with(const PriorityResult& now, const PriorityResult& then,
                  render::PriorityView& view) {
    std::map<std::string, const PriorityItem*> old;
    for (const PriorityItem& item : then.items)
        old[item.expectation->id] = &item;
    for (const PriorityItem& item : now.items) {
        auto it = old.find(item.expectation->id);
        std::vector<std::string> changed;
        std::string move = "new";
        if (it != old.end()) {
            const PriorityItem& was = *it->second;
            move = item.rank && was.rank ? fmt::format("{:+d}", *was.rank - *item.rank) : "–";
            if (move == "+0") move = "0";
            for (std::size_t c = 0; c < criterion_count; ++c)
                if (std::fabs(item.criteria[c] - was.criteria[c]) > 1e-12)
                    changed.push_back(name(static_cast<Criterion>(c)));
            old.erase(it);
        }
        view.moves.push_back(move);
        view.changed.push_back(changed);
    }
    for (const auto& [id, item] : old)
        view.gone.push_back(id);
}

void apply_overrides(Project& project, const PrioritizeOptions& opts) {
    if (opts.method == "odi") project.priority.method = PriorityMethod::odi;
    if (opts.method == "rice") project.priority.method = PriorityMethod::rice;
    if (opts.method == "weighted") project.priority.method = PriorityMethod::weighted;
    SensitivitySettings& s = project.priority.sensitivity;
    if (opts.sensitivity > 0) s.draws = opts.sensitivity;
    if (opts.top_k > 0) s.top_k = opts.top_k;
    if (opts.seed >= 0) s.seed = static_cast<unsigned long long>(opts.seed);
}

int run_prioritize(const CommonOptions& common, const PrioritizeOptions& opts) {
    Output out = resolve_output(common, {render::Format::table, render::Format::markdown,
                                         render::Format::csv, render::Format::json});
    io::ProjectLocation where = io::find_project(common.directory, common.project_file);
    Diagnostics warnings;
    Project project = io::load_project_strict(where, warnings);
    apply_overrides(project, opts);
    if (opts.sensitivity > 0 && project.priority.method != PriorityMethod::weighted)
        throw Error(ExitCode::usage, Location{},
                    "--sensitivity redraws the weights of the weighted method; it does not "
                    "apply to --method odi or rice");
    PriorityResult r = rank_or_refuse(project, opts.all);
    warn_defaults(r, warnings);
    print_warnings(warnings, common);
    render::PriorityView view;
    if (!opts.track.empty()) view.track = opts.track == "delight" ? Track::delight : Track::basics;
    view.top = opts.top;
    view.explain = opts.explain;
    view.top_k = project.priority.sensitivity.top_k;
    if (opts.sensitivity > 0) view.sensitivity = rank_sensitivity(r, project.priority.sensitivity);
    Project old_project;
    if (!opts.against.empty()) {
        Diagnostics ignored;
        old_project = io::load_project_strict(io::at_revision(where, opts.against), ignored);
        apply_overrides(old_project, opts);
        compare_with(r, rank_or_refuse(old_project, opts.all), view);
    }
    switch (out.format) {
    case render::Format::json:
        emit(out, render::priority_json(r, view));
        break;
    case render::Format::csv:
        emit(out, render::priority_csv(r, view, out.style));
        break;
    case render::Format::markdown:
        emit(out, render::priority_markdown(r, view));
        break;
    default:
        emit(out, render::priority_text(r, view, out.style));
    }
    return 0;
}

void declare_options(CLI::App* cmd, PrioritizeOptions& o) {
    cmd->add_option("--method", o.method,
                    "weighted (default, or priority.method), odi (Ulwick's opportunity score) or "
                    "rice")
        ->check(CLI::IsMember({"weighted", "odi", "rice"}));
    cmd->add_option("--track", o.track, "Show one track: basics or delight")
        ->check(CLI::IsMember({"basics", "delight"}));
    cmd->add_option("--top", o.top, "Show the first N ranked items")->check(CLI::PositiveNumber);
    cmd->add_flag("--all", o.all, "Rank fulfilled expectations too (with gap 0)");
    cmd->add_flag("--explain", o.explain,
                  "Print each item's criteria, weights and contributions (they add up to the "
                  "score)");
    cmd->add_option("--sensitivity", o.sensitivity,
                    "Redraw the weights N times from a Dirichlet around them and report rank "
                    "spreads (median, 5th–95th percentile, p(top k))")
        ->check(CLI::Range(1LL, 1000000LL))
        ->type_name("N");
    cmd->add_option("--top-k", o.top_k, "k for p(top k) (default priority.sensitivity.top_k, 5)")
        ->check(CLI::PositiveNumber)
        ->type_name("K");
    cmd->add_option("--seed", o.seed, "Seed for --sensitivity (default priority.sensitivity.seed)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--against", o.against,
                    "Also rank the project as it was at git revision REV and show each item's "
                    "move and the criteria that moved it")
        ->type_name("REV");
}

} // namespace

void register_prioritize(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto opts = std::make_shared<PrioritizeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "prioritize", "Rank the white spaces by importance, gap, Kano category, our ability "
                      "(budget, technology, personnel, skills) and where competitors stand, "
                      "in two tracks: basics and delight.");
    declare_options(cmd, *opts);
    cmd->footer("Formats (-O): table, markdown, csv, json.\n\nExamples:\n"
                "  delight prioritize --explain --top 5\n"
                "  delight prioritize --sensitivity 1000 --top-k 5 --against HEAD~1");
    cmd->callback([&common, opts, &selected] {
        selected = [&common, opts] { return run_prioritize(common, *opts); };
    });
}

} // namespace delight::cli
