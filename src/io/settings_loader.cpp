// Settings sections of delight.yaml: survey (§3.5), priority (§4.3), plan (§4.4), report (§4.6).
#include "delight/text.hpp"
#include "loader_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace delight::io {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr long long big = std::numeric_limits<long long>::max();

const std::vector<std::string> kano_answer_names = {"like", "expect", "neutral", "live-with",
                                                    "dislike"};
const std::vector<std::string> measure_names = {"performance", "importance", "adequate", "desired",
                                                "satisfaction"};

/// A mapping from one section: a FieldReader over it, or over an empty mapping when absent.
const YamlNode& section(FieldReader& top, std::string_view key) {
    static const YamlNode empty_map = [] {
        YamlNode n;
        n.type = YamlNode::Type::mapping;
        return n;
    }();
    const YamlNode* n = top.get(key);
    return n ? *n : empty_map;
}

std::string column(FieldReader& f, std::string_view key, Need need = Need::optional) {
    return f.text(key, need, 300).value_or("");
}

std::vector<std::pair<std::string, double>> read_labels(FieldReader& f, std::string_view key) {
    std::vector<std::pair<std::string, double>> out;
    const YamlNode* map = f.get(key);
    if (!map) return out;
    if (!map->is_map()) {
        f.error(*map, fmt::format("expected a mapping answer text: value for '{}', got {}", key,
                                  describe(*map)));
        return out;
    }
    for (const auto& [label, value] : map->entries)
        if (auto v = f.node_number(value, std::string(key) + "." + label.value, Range{-inf, inf}))
            out.emplace_back(normalize_answer(label.value), *v);
    return out;
}

std::vector<std::pair<std::string, KanoAnswer>> read_kano_answers(FieldReader& f,
                                                                  std::string_view key) {
    std::vector<std::pair<std::string, KanoAnswer>> out;
    const YamlNode* map = f.get(key);
    if (!map) return out;
    if (!map->is_map()) {
        f.error(*map, fmt::format("expected a mapping answer text: like|expect|neutral|"
                                  "live-with|dislike for '{}', got {}",
                                  key, describe(*map)));
        return out;
    }
    for (const auto& [label, value] : map->entries)
        if (auto v =
                f.node_choice(value, std::string(key) + "." + label.value, kano_answer_names)) {
            auto index = std::find(kano_answer_names.begin(), kano_answer_names.end(), *v) -
                         kano_answer_names.begin();
            out.emplace_back(normalize_answer(label.value), static_cast<KanoAnswer>(index));
        }
    return out;
}

std::optional<Scale> read_question_scale(FieldReader& f) {
    const YamlNode* s = f.get("scale");
    if (!s) return std::nullopt;
    long long lo = 0, hi = 0;
    if (!s->is_seq() || s->items.size() != 2 || !is_core_int(s->items[0].value, lo) ||
        !is_core_int(s->items[1].value, hi) || lo >= hi || lo < -1000 || hi > 1000) {
        f.error(*s, "'scale' must be [min, max] with whole numbers, min < max (e.g. [1, 5])");
        return std::nullopt;
    }
    return Scale{static_cast<int>(lo), static_cast<int>(hi)};
}

SurveyQuestion read_question(LoadContext& ctx, const YamlDocument& doc, const YamlNode& node) {
    SurveyQuestion q;
    q.loc = doc.at(node);
    const YamlNode* type = node.is_map() ? node.find("type") : nullptr;
    std::string t = type && type->is_scalar() ? type->value : "likert";
    if (t == "nps") {
        FieldReader f(doc, node, ctx.diags, "NPS question", {"type", "column"});
        q.type = SurveyQuestion::Type::nps;
        q.column = column(f, "column", Need::required);
    } else if (t == "kano") {
        FieldReader f(doc, node, ctx.diags, "Kano question",
                      {"type", "functional", "dysfunctional", "expectation", "answers"});
        q.type = SurveyQuestion::Type::kano;
        q.functional = column(f, "functional", Need::required);
        q.dysfunctional = column(f, "dysfunctional", Need::required);
        if (auto id = f.id("expectation", Need::required)) {
            q.expectation = *id;
            ctx.refs.push_back({PendingRef::Target::expectation, *id, f.at(*f.get("expectation")),
                                "survey question"});
        }
        q.answers = read_kano_answers(f, "answers");
    } else {
        FieldReader f(doc, node, ctx.diags, "survey question",
                      {"type", "column", "expectation", "measure", "scale", "labels"});
        if (type) f.node_choice(*type, "type", {"likert", "nps", "kano"});
        q.column = column(f, "column", Need::required);
        if (auto id = f.id("expectation")) {
            q.expectation = *id;
            ctx.refs.push_back({PendingRef::Target::expectation, *id, f.at(*f.get("expectation")),
                                "survey question"});
        }
        if (auto m = f.choice("measure", measure_names))
            q.measure = static_cast<Measure>(
                std::find(measure_names.begin(), measure_names.end(), *m) - measure_names.begin());
        q.scale = read_question_scale(f);
        q.labels = read_labels(f, "labels");
    }
    return q;
}

void read_questions(LoadContext& ctx, FieldReader& f, SurveyMapping& s) {
    const YamlNode* list = f.get("questions", Need::required);
    if (!list) return;
    if (!list->is_seq() || list->items.empty()) {
        f.error(*list, "'questions' must be a non-empty list of survey questions");
        return;
    }
    std::vector<std::pair<std::string, Location>> columns;
    for (const YamlNode& item : list->items) {
        SurveyQuestion q = read_question(ctx, f.doc(), item);
        for (const std::string& c : {q.column, q.functional, q.dysfunctional}) {
            if (c.empty()) continue;
            auto it = std::find_if(columns.begin(), columns.end(),
                                   [&](const auto& p) { return p.first == c; });
            if (it != columns.end())
                ctx.diags.error(q.loc, fmt::format("column '{}' is mapped twice (also at line {})",
                                                   c, it->second.line));
            else
                columns.emplace_back(c, q.loc);
        }
        s.questions.push_back(std::move(q));
    }
}

} // namespace

void load_survey(LoadContext& ctx, FieldReader& top) {
    const YamlNode* node = top.get("survey");
    if (!node) return;
    FieldReader f(top.doc(), *node, ctx.diags, "survey",
                  {"waves", "wave", "id", "account", "group", "groups", "segment", "delimiter",
                   "header_rows", "na", "labels", "kano_answers", "max_invalid", "questions"});
    if (!f.is_map()) return;
    SurveyMapping s;
    s.loc = f.where();
    for (auto& [path, loc] : f.text_list("waves"))
        s.waves.push_back(path);
    s.wave_column = column(f, "wave");
    s.id_column = column(f, "id");
    s.account_column = column(f, "account");
    s.group_column = column(f, "group");
    s.segment_column = column(f, "segment");
    if (const YamlNode* g = f.get("groups")) {
        FieldReader gf(f.doc(), *g, ctx.diags, "survey groups", {"pilot", "control"});
        s.pilot_label = gf.text("pilot").value_or("pilot");
        s.control_label = gf.text("control").value_or("control");
    }
    if (auto d = f.choice("delimiter", {",", ";", "\t"})) s.delimiter = (*d)[0];
    s.header_rows = static_cast<int>(f.integer("header_rows", 1, 100).value_or(1));
    if (f.get("na")) {
        s.na.clear();
        for (auto& [text, loc] : f.text_list("na"))
            s.na.push_back(normalize_answer(text));
    }
    s.labels = read_labels(f, "labels");
    s.kano_answers = read_kano_answers(f, "kano_answers");
    s.max_invalid = f.number("max_invalid", Range{0, 1}).value_or(0.05);
    read_questions(ctx, f, s);
    ctx.project.survey = std::move(s);
}

void load_priority(LoadContext& ctx, FieldReader& top) {
    FieldReader f(top.doc(), section(top, "priority"), ctx.diags, "priority",
                  {"method", "weights", "kano_values", "sensitivity"});
    if (!f.is_map()) return;
    PrioritySettings& p = ctx.project.priority;
    if (auto m = f.choice("method", {"weighted", "odi", "rice"}))
        p.method = *m == "odi" ? PriorityMethod::odi
                               : (*m == "rice" ? PriorityMethod::rice : PriorityMethod::weighted);
    if (const YamlNode* w = f.get("weights")) {
        FieldReader wf(f.doc(), *w, ctx.diags, "priority weights",
                       {"importance", "gap", "kano", "ability", "competition"});
        for (std::size_t i = 0; i < criterion_count; ++i)
            if (auto v = wf.number(name(static_cast<Criterion>(i)), Range{0, inf}))
                p.weights[i] = *v;
        double sum = 0;
        for (double v : p.weights)
            sum += v;
        if (sum <= 0) f.error(*w, "the priority weights add up to 0; give at least one weight");
    }
    if (const YamlNode* k = f.get("kano_values")) {
        FieldReader kf(
            f.doc(), *k, ctx.diags, "priority kano_values",
            {"must-be", "performance", "attractive", "indifferent", "reverse", "unknown"});
        for (std::size_t i = 0; i < 6; ++i)
            if (auto v = kf.number(name(static_cast<Kano>(i)), Range{0, 1})) p.kano_values[i] = *v;
    }
    if (const YamlNode* s = f.get("sensitivity")) {
        FieldReader sf(f.doc(), *s, ctx.diags, "priority sensitivity",
                       {"draws", "concentration", "seed", "top_k"});
        p.sensitivity.draws = sf.integer("draws", 1, 1000000).value_or(1000);
        p.sensitivity.concentration = sf.number("concentration", Range{0, inf, true}).value_or(50);
        p.sensitivity.seed =
            static_cast<unsigned long long>(sf.integer("seed", 0, big).value_or(1));
        p.sensitivity.top_k = sf.integer("top_k", 1, big).value_or(5);
    }
}

namespace {

void read_pilot(LoadContext& ctx, FieldReader& f, PilotSettings& pilot) {
    const YamlNode* node = f.get("pilot");
    if (!node) return;
    FieldReader pf(f.doc(), *node, ctx.diags, "plan pilot",
                   {"size", "mix", "seed", "include", "exclude"});
    pilot.size = pf.integer("size", 1, 100000).value_or(9);
    if (const YamlNode* mix = pf.get("mix")) {
        FieldReader mf(f.doc(), *mix, ctx.diags, "pilot mix",
                       {"satisfied", "neutral", "dissatisfied"});
        for (std::size_t i = 0; i < 3; ++i)
            if (auto v = mf.number(name(static_cast<Satisfaction>(i)), Range{0, inf}))
                pilot.mix[i] = *v;
        if (pilot.mix[0] + pilot.mix[1] + pilot.mix[2] <= 0)
            pf.error(*mix, "the pilot mix adds up to 0");
    }
    pilot.seed = static_cast<unsigned long long>(pf.integer("seed", 0, big).value_or(1));
    for (const char* key : {"include", "exclude"}) {
        for (auto& [id, loc] : pf.text_list(key)) {
            ctx.refs.push_back({PendingRef::Target::account, id, loc, std::string("pilot ") + key});
            (std::string(key) == "include" ? pilot.include : pilot.exclude).push_back(id);
        }
    }
}

void read_overrides(LoadContext& ctx, FieldReader& f, PlanSettings& plan) {
    const YamlNode* list = f.get("overrides");
    if (!list) return;
    if (!list->is_seq()) {
        f.error(*list, "'overrides' must be a list");
        return;
    }
    for (const YamlNode& item : list->items) {
        FieldReader of(f.doc(), item, ctx.diags, "plan override",
                       {"expectation", "wave", "exclude", "owners", "effort", "target"});
        if (!of.is_map()) continue;
        PlanOverride o;
        o.loc = of.where();
        if (auto id = of.id("expectation", Need::required)) {
            o.expectation = *id;
            ctx.refs.push_back({PendingRef::Target::expectation, *id, of.at(*of.get("expectation")),
                                "plan override"});
        }
        o.wave = of.integer("wave", 1, 1000);
        o.exclude = of.boolean("exclude").value_or(false);
        for (auto& [id, loc] : of.id_list("owners")) {
            ctx.refs.push_back({PendingRef::Target::function, id, loc, "owners"});
            o.owners.push_back(id);
        }
        o.effort = of.number("effort", Range{0, inf, true});
        o.target = of.number("target", Range{-100, 100});
        plan.overrides.push_back(std::move(o));
    }
}

void read_capacity(LoadContext& ctx, FieldReader& f, PlanSettings& plan) {
    const YamlNode* cap = f.get("capacity");
    if (!cap) return;
    if (cap->is_map()) {
        for (const auto& [key, value] : cap->entries) {
            ctx.refs.push_back({PendingRef::Target::function, key.value, f.at(key), "capacity"});
            if (auto v = f.node_number(value, "capacity." + key.value, Range{0, inf, true}))
                plan.capacity.emplace_back(key.value, *v);
        }
    } else if (auto v = f.node_number(*cap, "capacity", Range{0, inf, true})) {
        plan.default_capacity = *v;
    }
}

} // namespace

void load_plan(LoadContext& ctx, FieldReader& top) {
    const YamlNode* node = top.get("plan");
    if (!node) return;
    FieldReader f(
        top.doc(), *node, ctx.diags, "plan",
        {"start", "wave_weeks", "waves", "capacity", "tracks", "pilot", "control", "overrides"});
    if (!f.is_map()) return;
    PlanSettings plan;
    plan.loc = f.where();
    plan.start = f.date("start").value_or("");
    plan.wave_weeks = f.integer("wave_weeks", 1, 520).value_or(6);
    plan.waves = f.integer("waves", 1, 1000).value_or(4);
    read_capacity(ctx, f, plan);
    if (const YamlNode* t = f.get("tracks")) {
        FieldReader tf(f.doc(), *t, ctx.diags, "plan tracks", {"basics", "delight"});
        plan.basics_share = tf.number("basics", Range{0, inf}).value_or(0.6);
        plan.delight_share = tf.number("delight", Range{0, inf}).value_or(0.4);
        if (plan.basics_share + plan.delight_share <= 0)
            tf.error(*t, "the track shares add up to 0");
    }
    read_pilot(ctx, f, plan.pilot);
    plan.control = f.boolean("control").value_or(true);
    read_overrides(ctx, f, plan);
    ctx.project.plan = std::move(plan);
}

void load_report(LoadContext& ctx, FieldReader& top) {
    FieldReader f(top.doc(), section(top, "report"), ctx.diags, "report",
                  {"title", "narrative", "sections"});
    if (!f.is_map()) return;
    ReportSettings& r = ctx.project.report;
    r.title = f.text("title").value_or("");
    if (const YamlNode* n = f.get("narrative")) {
        if (auto path = f.node_text(*n, "narrative")) {
            auto found = resolve_project_paths(ctx.where, *path, f.at(*n), ctx.diags);
            if (!found.empty()) r.narrative = found.front();
        }
    }
    const std::vector<std::string> names = {"summary", "narrative", "coverage", "gap",
                                            "ranking", "plan",      "survey"};
    if (const YamlNode* s = f.get("sections")) {
        if (!s->is_seq())
            f.error(*s, "'sections' must be a list");
        else
            for (const YamlNode& item : s->items)
                if (auto v = f.node_choice(item, "sections", names)) r.sections.push_back(*v);
    }
}

} // namespace delight::io
