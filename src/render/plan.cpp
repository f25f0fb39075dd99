#include "delight/render_plan.hpp"
#include "delight/render_survey.hpp"

#include <fmt/format.h>

namespace delight::render {
namespace {

using nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string s;
    for (const std::string& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

std::string effort_text(double e) {
    return fmt::format("{:g}", e);
}

std::string note(const PlanAction& a) {
    std::vector<std::string> notes;
    if (a.remediation)
        notes.push_back(fmt::format("remediation: {}{}", a.remediation->verdict,
                                    a.remediation->q ? ", q " + p_text(a.remediation->q) : ""));
    if (a.oversize) notes.push_back("oversize: a wave of its own");
    if (a.pinned) notes.push_back("wave set by override");
    return joined(notes, "; ");
}

/// The success measure: the mapped survey columns, or the question the instrument adds.
std::string measure_text(const PlanAction& a, bool compact) {
    if (!a.measure_from_instrument) return joined(a.measures);
    return compact ? "(new question)" : "new question " + joined(a.measures);
}

Table actions_table(const std::vector<const PlanAction*>& actions, bool with_text) {
    Table t;
    t.columns = {{"expectation", Align::left, true}};
    if (with_text) t.columns.push_back({"what", Align::left, true});
    t.columns.push_back({"track", Align::left, false});
    t.columns.push_back({"owners", Align::left, true});
    t.columns.push_back({"effort", Align::right, false});
    t.columns.push_back({"measure", Align::left, true});
    t.columns.push_back({"target", Align::left, false});
    t.columns.push_back({"note", Align::left, true});
    for (const PlanAction* a : actions) {
        std::vector<std::string> row = {a->expectation->id};
        if (with_text) row.push_back(a->expectation->text);
        row.push_back(name(a->track));
        row.push_back(joined(a->owners));
        row.push_back(effort_text(a->effort));
        row.push_back(measure_text(*a, !with_text));
        row.push_back(a->target_text());
        row.push_back(note(*a));
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string load_line(const PlanWave& w) {
    std::string s;
    for (std::size_t i = 0; i < w.load.size(); ++i) {
        if (w.load[i].second == 0) continue;
        s += fmt::format("{}{} {}/{}", s.empty() ? "" : ", ", w.load[i].first,
                         effort_text(w.load[i].second), effort_text(w.capacity[i].second));
    }
    return s.empty() ? "nothing planned" : s;
}

std::string satisfaction_text(const std::optional<Satisfaction>& s) {
    return s ? name(*s) : "unknown";
}

Table pilot_table(const PilotSelection& p) {
    Table t;
    t.columns = {{"account", Align::left, false},
                 {"name", Align::left, true},
                 {"satisfaction", Align::left, false},
                 {"segment", Align::left, false},
                 {"how", Align::left, false}};
    for (const PilotPick& pick : p.pilot)
        t.rows.push_back({pick.account->id, pick.account->name, satisfaction_text(pick.stratum),
                          pick.account->segment, pick.included ? "included" : "drawn"});
    return t;
}

const char* match_text(ControlMatch::By by) {
    switch (by) {
    case ControlMatch::By::satisfaction_and_segment:
        return "satisfaction and segment";
    case ControlMatch::By::satisfaction:
        return "satisfaction only";
    case ControlMatch::By::none:
        return "no match";
    }
    return "no match";
}

Table control_table(const PilotSelection& p) {
    Table t;
    t.columns = {{"pilot account", Align::left, false},
                 {"control account", Align::left, false},
                 {"name", Align::left, true},
                 {"matched on", Align::left, false}};
    for (const ControlMatch& m : p.control)
        t.rows.push_back({m.pilot->id, m.control ? m.control->id : "–",
                          m.control ? m.control->name : "", match_text(m.by)});
    return t;
}

std::vector<std::string> shortfall_lines(const PilotSelection& p) {
    std::vector<std::string> out;
    for (const Shortfall& s : p.shortfalls)
        out.push_back(
            fmt::format("{}: quota {}, only {} available", name(s.stratum), s.quota, s.available));
    for (const std::string& n : p.notes)
        out.push_back(n);
    return out;
}

std::string heading_line(const PlanView& v) {
    const PlanSettings& s = *v.project->plan;
    std::size_t planned = v.plan->actions.size() - v.plan->later.size();
    return fmt::format("Plan: {} waves of {} weeks from {}; {} actions planned, {} later "
                       "(tracks: basics {}, delight {})",
                       s.waves, s.wave_weeks, s.start, planned, v.plan->later.size(),
                       fmt::format("{:g}", s.basics_share), fmt::format("{:g}", s.delight_share));
}

/// Sections as (title, table or lines), shared by the text and Markdown renderings.
struct Section {
    std::string title;
    std::optional<Table> table;
    std::vector<std::string> lines;
};

std::vector<Section> sections(const PlanView& v, bool with_text) {
    std::vector<Section> out;
    for (const PlanWave& w : v.plan->waves) {
        Section s;
        s.title = fmt::format("Wave {} ({} – {}): {}", w.index, w.start, w.end, load_line(w));
        if (!w.actions.empty()) s.table = actions_table(w.actions, with_text);
        out.push_back(std::move(s));
    }
    if (!v.plan->later.empty())
        out.push_back({"Later (no capacity left in the plan's waves)",
                       actions_table(v.plan->later, with_text),
                       {}});
    if (!v.plan->excluded.empty()) {
        Section s{"Excluded by plan.overrides", std::nullopt, {}};
        for (const Expectation* e : v.plan->excluded)
            s.lines.push_back(e->id);
        out.push_back(std::move(s));
    }
    if (!v.plan->measure_again.empty()) {
        Section s{"Measure again (the survey was inconclusive)", std::nullopt, {}};
        for (const RemediationInput& r : v.plan->measure_again)
            s.lines.push_back(fmt::format("{} ({})", r.expectation, r.column));
        out.push_back(std::move(s));
    }
    if (v.pilot) {
        Section s{fmt::format("Pilot accounts (quota satisfied {}, neutral {}, dissatisfied {})",
                              v.pilot->quota[0], v.pilot->quota[1], v.pilot->quota[2]),
                  pilot_table(*v.pilot), shortfall_lines(*v.pilot)};
        out.push_back(std::move(s));
        if (!v.pilot->control.empty())
            out.push_back({"Control accounts (matched to the pilot)", control_table(*v.pilot), {}});
    }
    if (!v.instrument_columns.empty()) {
        Section s{"Survey instrument columns", std::nullopt, {joined(v.instrument_columns)}};
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

std::string plan_text(const PlanView& v, const Style& style) {
    std::string out = heading_line(v) + "\n";
    for (const Section& s : sections(v, false)) {
        out += "\n" + s.title + "\n";
        if (s.table) out += table_text(*s.table, style);
        for (const std::string& l : s.lines)
            out += "  " + printable(l) + "\n";
    }
    return out;
}

std::string plan_markdown(const PlanView& v) {
    Table title;
    title.columns = {{"project", Align::left, false}};
    title.rows = {{v.project->name}};
    std::string out = "# Action plan\n\n" + table_markdown(title) + "\n" + heading_line(v) + ".\n";
    for (const Section& s : sections(v, true)) {
        out += "\n## " + s.title + "\n\n";
        if (s.table) out += table_markdown(*s.table);
        if (!s.lines.empty()) {
            Table t;
            t.columns = {{"", Align::left, false}};
            for (const std::string& l : s.lines)
                t.rows.push_back({l});
            out += table_markdown(t);
        }
    }
    return out;
}

std::vector<Block> plan_blocks(const PlanView& v) {
    std::vector<Block> out = {{"Overview", {heading_line(v) + "."}, std::nullopt}};
    for (Section& s : sections(v, true))
        out.push_back({std::move(s.title), std::move(s.lines), std::move(s.table)});
    return out;
}

std::string plan_csv(const PlanView& v, const Style& style) {
    Table t;
    for (const char* c : {"order", "wave", "start", "end", "expectation", "summary", "track",
                          "owners", "effort", "measure", "target", "rank", "remediation", "note"})
        t.columns.push_back({c});
    std::size_t order = 0;
    for (const PlanAction& a : v.plan->actions) {
        ++order;
        const PlanWave* w = a.wave ? &v.plan->waves[static_cast<std::size_t>(*a.wave)] : nullptr;
        t.rows.push_back({std::to_string(order), w ? std::to_string(w->index) : "later",
                          w ? w->start : "", w ? w->end : "", a.expectation->id,
                          a.expectation->text, name(a.track), joined(a.owners, ";"),
                          effort_text(a.effort), measure_text(a, false), a.target_text(),
                          a.rank ? std::to_string(*a.rank) : "",
                          a.remediation ? a.remediation->verdict : "", note(a)});
    }
    return table_csv(t, style);
}

namespace {

ordered_json action_json(const PlanAction& a) {
    ordered_json remediation = nullptr;
    if (a.remediation)
        remediation = {
            {"verdict", a.remediation->verdict},
            {"column", a.remediation->column},
            {"delta",
             a.remediation->delta ? ordered_json(*a.remediation->delta) : ordered_json(nullptr)},
            {"q", a.remediation->q ? ordered_json(*a.remediation->q) : ordered_json(nullptr)}};
    return ordered_json{{"expectation", a.expectation->id},
                        {"track", name(a.track)},
                        {"rank", a.rank ? ordered_json(*a.rank) : ordered_json(nullptr)},
                        {"owners", a.owners},
                        {"effort", a.effort},
                        {"measure", a.measures},
                        {"measure_from_instrument", a.measure_from_instrument},
                        {"target", {{"points", a.target_points}, {"metric", a.target_metric}}},
                        {"pinned", a.pinned},
                        {"oversize", a.oversize},
                        {"remediation", remediation}};
}

ordered_json account_json(const Account& a, const std::optional<Satisfaction>& s) {
    return ordered_json{{"id", a.id},
                        {"satisfaction", s ? ordered_json(name(*s)) : ordered_json(nullptr)},
                        {"segment", a.segment}};
}

ordered_json plan_document(const PlanView& v) {
    ordered_json waves = ordered_json::array();
    for (const PlanWave& w : v.plan->waves) {
        ordered_json actions = ordered_json::array();
        for (const PlanAction* a : w.actions)
            actions.push_back(action_json(*a));
        ordered_json load = ordered_json::object();
        for (std::size_t i = 0; i < w.load.size(); ++i)
            load[w.load[i].first] = {{"used", w.load[i].second},
                                     {"capacity", w.capacity[i].second}};
        waves.push_back({{"index", w.index},
                         {"start", w.start},
                         {"end", w.end},
                         {"actions", actions},
                         {"load", load}});
    }
    ordered_json later = ordered_json::array();
    for (const PlanAction* a : v.plan->later)
        later.push_back(action_json(*a));
    ordered_json excluded = ordered_json::array();
    for (const Expectation* e : v.plan->excluded)
        excluded.push_back(e->id);
    ordered_json again = ordered_json::array();
    for (const RemediationInput& r : v.plan->measure_again)
        again.push_back({{"expectation", r.expectation}, {"column", r.column}});
    ordered_json pilot = nullptr, control = nullptr;
    if (v.pilot) {
        ordered_json accounts = ordered_json::array();
        for (const PilotPick& p : v.pilot->pilot) {
            ordered_json a = account_json(*p.account, p.stratum);
            a["included"] = p.included;
            accounts.push_back(a);
        }
        ordered_json shortfall = ordered_json::array();
        for (const Shortfall& s : v.pilot->shortfalls)
            shortfall.push_back(
                {{"stratum", name(s.stratum)}, {"quota", s.quota}, {"available", s.available}});
        pilot = {{"quota",
                  {{"satisfied", v.pilot->quota[0]},
                   {"neutral", v.pilot->quota[1]},
                   {"dissatisfied", v.pilot->quota[2]}}},
                 {"accounts", accounts},
                 {"shortfall", shortfall},
                 {"notes", v.pilot->notes}};
        if (!v.pilot->control.empty()) {
            ordered_json matches = ordered_json::array();
            for (const ControlMatch& m : v.pilot->control) {
                ordered_json a = m.control
                                     ? account_json(*m.control, resolved_satisfaction(*m.control))
                                     : ordered_json::object();
                a["pilot"] = m.pilot->id;
                a["matched_on"] = match_text(m.by);
                matches.push_back(a);
            }
            control = {{"accounts", matches}};
        }
    }
    return ordered_json{{"version", 1},
                        {"start", v.project->plan->start},
                        {"waves", waves},
                        {"later", later},
                        {"excluded", excluded},
                        {"measure_again", again},
                        {"pilot", pilot},
                        {"control", control},
                        {"instrument", v.instrument_columns.empty()
                                           ? ordered_json(nullptr)
                                           : ordered_json{{"questions", v.instrument_columns}}},
                        {"warnings", v.plan->warnings}};
}

/// YAML from JSON: flow collections and double-quoted strings are YAML, so the generated file
/// is the JSON document in block style, which a person can read and any YAML parser loads.
void yaml_value(const ordered_json& j, int indent, std::string& out);

void yaml_scalar(const ordered_json& j, std::string& out) {
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

void yaml_value(const ordered_json& j, int indent, std::string& out) {
    // The caller has written "key:" or "-"; this writes the rest of the entry.
    std::string pad(static_cast<std::size_t>(indent), ' ');
    if (!j.is_structured()) {
        out += " ";
        yaml_scalar(j, out);
        out += "\n";
    } else if (j.empty()) {
        out += j.is_object() ? " {}\n" : " []\n";
    } else {
        out += "\n";
        for (const auto& [k, v] : j.items()) {
            out += pad + (j.is_object() ? k + ":" : "-");
            yaml_value(v, indent + 2, out);
        }
    }
}

} // namespace

std::string plan_json(const PlanView& v) {
    return json_text(plan_document(v));
}

std::string plan_yaml(const PlanView& v) {
    std::string out = "# Generated by `delight plan`; do not edit: it is rewritten on every run.\n"
                      "# Record decisions in delight.yaml (plan.overrides) instead.\n";
    ordered_json doc = plan_document(v);
    for (const auto& [k, val] : doc.items()) {
        out += k + ":";
        yaml_value(val, 2, out);
    }
    return out;
}

} // namespace delight::render
