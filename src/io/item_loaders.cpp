// The items of list sections: expectations (§3.2), accounts (§3.3), evidence (§3.4), prompts.
// References to delight.yaml's own lists (touchpoints, functions, competitors) are checked
// here; references between lists are queued for check_references().
#include "delight/text.hpp"
#include "loader_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace delight::io {

const std::vector<std::string> expectation_keys = {
    "id",         "text",     "kind",        "kano",     "touchpoint", "functions",
    "importance", "delivery", "performance", "adequate", "desired",    "competitors",
    "ability",    "effort",   "reach",       "impact",   "confidence", "after",
    "question",   "source",   "retired",     "notes"};
const std::vector<std::string> account_keys = {"id",           "name", "segment",
                                               "satisfaction", "nps",  "revenue"};
const std::vector<std::string> evidence_keys = {"expectation", "account", "date", "quote",
                                                "source"};
const std::vector<std::string> prompt_keys = {"text", "kind", "touchpoint", "function"};

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
const std::vector<std::string> kind_names = {"stated", "implied", "latent", "future"};
const std::vector<std::string> kano_names = {"must-be",     "performance", "attractive",
                                             "indifferent", "reverse",     "unknown"};
const std::vector<std::string> delivery_names = {"missing", "partial", "meeting", "exceeding"};
const std::vector<std::string> standing_names = {"better", "equal", "worse"};
const std::vector<std::string> ability_names = {"budget", "technology", "personnel", "skills"};
const std::vector<std::string> satisfaction_names = {"satisfied", "neutral", "dissatisfied"};
const std::vector<std::string> evidence_source_names = {"interview", "survey", "complaint",
                                                        "observation"};

template <class E>
E enum_at(const std::vector<std::string>& names, const std::string& value) {
    auto it = std::find(names.begin(), names.end(), value);
    return static_cast<E>(it - names.begin());
}

/// Reports an unknown id of one of delight.yaml's lists at loc.
bool known_id(LoadContext& ctx, const std::string& id, const std::vector<std::string>& list,
              const char* what, const Location& loc) {
    // Hashed: the lists are short in practice, but a hostile file's are not.
    if (ctx.known_ids(list).count(id)) return true;
    ctx.diags.error(loc, fmt::format("unknown {} '{}'{}", what, id, ctx.suggest(id, list)));
    return false;
}

void read_competitors(LoadContext& ctx, FieldReader& f, Expectation& e) {
    const YamlNode* map = f.get("competitors");
    if (!map) return;
    if (!map->is_map()) {
        f.error(*map, fmt::format("expected a mapping competitor: better|equal|worse for "
                                  "'competitors', got {}",
                                  describe(*map)));
        return;
    }
    for (const auto& [key, value] : map->entries) {
        if (!known_id(ctx, key.value, ctx.project.competitors, "competitor", f.at(key))) continue;
        if (auto s = f.node_choice(value, "competitors." + key.value, standing_names))
            e.competitors.emplace_back(key.value, enum_at<Standing>(standing_names, *s));
    }
}

void read_ability(FieldReader& f, Expectation& e, const Scale& scale) {
    const YamlNode* map = f.get("ability");
    if (!map) return;
    if (!map->is_map()) {
        f.error(*map, fmt::format("expected a mapping for 'ability' (budget, technology, "
                                  "personnel, skills), got {}",
                                  describe(*map)));
        return;
    }
    for (const auto& [key, value] : map->entries) {
        if (std::find(ability_names.begin(), ability_names.end(), key.value) ==
            ability_names.end()) {
            f.error(key, fmt::format("unknown ability factor '{}'; use budget, technology, "
                                     "personnel or skills{}",
                                     key.value, suggestion_suffix(key.value, ability_names)));
            continue;
        }
        if (auto v = f.node_number(value, "ability." + key.value,
                                   Range{double(scale.min), double(scale.max)}))
            e.ability.emplace_back(enum_at<AbilityFactor>(ability_names, key.value), *v);
    }
}

void read_expectation_numbers(FieldReader& f, Expectation& e, const Scale& scale) {
    Range sr{double(scale.min), double(scale.max)};
    e.importance = f.number("importance", sr);
    e.performance = f.number("performance", sr);
    e.adequate = f.number("adequate", sr);
    e.desired = f.number("desired", sr);
    if (e.adequate && e.desired && *e.adequate > *e.desired)
        f.diags().error(f.at(*f.get("adequate")),
                        fmt::format("adequate ({}) is above desired ({}): the adequate level "
                                    "is the lowest acceptable one",
                                    number_text(*e.adequate), number_text(*e.desired)));
    e.effort = f.number("effort", Range{0, inf, true}).value_or(1.0);
    e.reach = f.integer("reach", 0, std::numeric_limits<long long>::max());
    if (const YamlNode* impact = f.get("impact")) {
        auto v = f.node_number(*impact, "impact", Range{0, inf});
        if (v && *v != 0.25 && *v != 0.5 && *v != 1 && *v != 2 && *v != 3)
            f.error(*impact, "'impact' must be one of 0.25, 0.5, 1, 2, 3 (RICE)");
        else
            e.impact = v;
    }
    e.confidence = f.number("confidence", Range{0, 1});
}

void load_expectation(LoadContext& ctx, const ListItem& item) {
    Project& p = ctx.project;
    FieldReader f(*item.doc, *item.node, ctx.diags, "expectation", expectation_keys);
    if (!f.is_map()) return;
    Expectation e;
    e.loc = f.where();
    e.id = f.id("id", Need::required).value_or("");
    e.text = f.text("text", Need::required).value_or("");
    if (auto k = f.choice("kind", kind_names)) e.kind = enum_at<Kind>(kind_names, *k);
    if (auto k = f.choice("kano", kano_names)) e.kano = enum_at<Kano>(kano_names, *k);
    if (auto t = f.id("touchpoint", Need::required)) {
        known_id(ctx, *t, p.touchpoints, "touchpoint", f.at(*f.get("touchpoint")));
        e.touchpoint = *t;
    }
    const YamlNode* fn = f.get("functions", Need::required);
    auto functions = f.id_list("functions");
    if (fn && fn->is_seq() && fn->items.empty())
        f.error(*fn, "'functions' needs at least one owner function");
    for (auto& [id, loc] : functions) {
        known_id(ctx, id, p.functions, "function", loc);
        e.functions.push_back(id);
    }
    if (auto d = f.choice("delivery", delivery_names))
        e.delivery = enum_at<Delivery>(delivery_names, *d);
    read_expectation_numbers(f, e, p.scale);
    read_competitors(ctx, f, e);
    read_ability(f, e, p.scale);
    for (auto& [id, loc] : f.id_list("after")) {
        ctx.refs.push_back({PendingRef::Target::expectation, id, loc, "after"});
        e.after.push_back(id);
    }
    e.question = f.text("question").value_or("");
    e.source = f.text("source").value_or("brainstorm");
    e.retired = f.boolean("retired").value_or(false);
    e.notes = f.text("notes", Need::optional, 2000).value_or("");
    p.expectations.push_back(std::move(e));
}

void load_account(LoadContext& ctx, const ListItem& item) {
    FieldReader f(*item.doc, *item.node, ctx.diags, "account", account_keys);
    if (!f.is_map()) return;
    Account a;
    a.loc = f.where();
    a.id = f.text("id", Need::required, 64).value_or("");
    a.name = f.text("name").value_or("");
    a.segment = f.id("segment").value_or("");
    if (auto s = f.choice("satisfaction", satisfaction_names))
        a.satisfaction = enum_at<Satisfaction>(satisfaction_names, *s);
    if (auto n = f.integer("nps", 0, 10)) a.nps = static_cast<int>(*n);
    a.revenue = f.number("revenue", Range{0, inf});
    ctx.project.accounts.push_back(std::move(a));
}

void load_evidence_item(LoadContext& ctx, const ListItem& item) {
    FieldReader f(*item.doc, *item.node, ctx.diags, "evidence", evidence_keys);
    if (!f.is_map()) return;
    Evidence ev;
    ev.loc = f.where();
    if (auto id = f.id("expectation", Need::required)) {
        ev.expectation = *id;
        ctx.refs.push_back(
            {PendingRef::Target::expectation, *id, f.at(*f.get("expectation")), "evidence"});
    }
    if (auto acc = f.text("account", Need::optional, 64)) {
        ev.account = *acc;
        ctx.refs.push_back(
            {PendingRef::Target::account, *acc, f.at(*f.get("account")), "evidence"});
    }
    ev.date = f.date("date").value_or("");
    ev.quote = f.text("quote", Need::optional, 2000).value_or("");
    if (auto s = f.choice("source", evidence_source_names))
        ev.source = enum_at<EvidenceSource>(evidence_source_names, *s);
    ctx.project.evidence.push_back(std::move(ev));
}

void load_prompt(LoadContext& ctx, const ListItem& item) {
    FieldReader f(*item.doc, *item.node, ctx.diags, "prompt", prompt_keys);
    if (!f.is_map()) return;
    Prompt pr;
    pr.loc = f.where();
    pr.text = f.text("text", Need::required).value_or("");
    if (auto k = f.choice("kind", kind_names)) pr.kind = enum_at<Kind>(kind_names, *k);
    if (auto t = f.id("touchpoint")) {
        known_id(ctx, *t, ctx.project.touchpoints, "touchpoint", f.at(*f.get("touchpoint")));
        pr.touchpoint = *t;
    }
    if (auto fn = f.id("function")) {
        known_id(ctx, *fn, ctx.project.functions, "function", f.at(*f.get("function")));
        pr.function = *fn;
    }
    ctx.project.prompts.push_back(std::move(pr));
}

} // namespace

void load_expectations(LoadContext& ctx, const std::vector<ListItem>& items) {
    for (const ListItem& item : items)
        load_expectation(ctx, item);
}
void load_accounts(LoadContext& ctx, const std::vector<ListItem>& items) {
    for (const ListItem& item : items)
        load_account(ctx, item);
}
void load_evidence(LoadContext& ctx, const std::vector<ListItem>& items) {
    for (const ListItem& item : items)
        load_evidence_item(ctx, item);
}
void load_prompts(LoadContext& ctx, const std::vector<ListItem>& items) {
    for (const ListItem& item : items)
        load_prompt(ctx, item);
}

} // namespace delight::io
