#include "delight/render_priority.hpp"

#include <fmt/format.h>

namespace delight::render {
namespace {

using nlohmann::ordered_json;

/// The items shown, by index into r.items: --track and --top applied, reverse items last.
std::vector<std::size_t> shown(const PriorityResult& r, const PriorityView& v) {
    std::vector<std::size_t> out;
    int ranked = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const PriorityItem& item = r.items[i];
        if (v.track && item.track != v.track) continue;
        if (item.rank && v.top > 0 && ranked >= v.top) continue;
        if (item.rank) ++ranked;
        out.push_back(i);
    }
    return out;
}

std::string tags_text(const PriorityItem& item) {
    std::string s;
    if (item.differentiator) s += "differentiator";
    if (!item.track) s += "reverse: not ranked";
    return s;
}

int score_decimals(PriorityMethod m) {
    return m == PriorityMethod::rice ? 2 : 1;
}

Table ranking_table(const PriorityResult& r, const PriorityView& v, bool for_text) {
    Table t;
    t.columns = {{"rank", Align::right},
                 {"id", Align::left, !for_text},
                 {"track", Align::left},
                 {"score", Align::right}};
    bool sens = !v.sensitivity.empty(), moves = !v.moves.empty();
    if (sens) {
        t.columns.push_back({"median", Align::right});
        t.columns.push_back({"p05–p95", Align::right});
        t.columns.push_back({fmt::format("p(top {})", v.top_k), Align::right});
    }
    if (moves) t.columns.push_back({"move", Align::right});
    t.columns.push_back({"tags", Align::left, true});
    for (std::size_t i : shown(r, v)) {
        const PriorityItem& item = r.items[i];
        std::vector<std::string> row = {item.rank ? std::to_string(*item.rank) : "–",
                                        item.expectation->id, item.track ? name(*item.track) : "–",
                                        fixed(item.score, score_decimals(r.method))};
        if (sens) {
            const RankSpread& s = v.sensitivity[i];
            bool ranked = item.rank.has_value();
            row.push_back(ranked ? std::to_string(s.median_rank) : "–");
            row.push_back(ranked ? fmt::format("{}–{}", s.rank_p05, s.rank_p95) : "–");
            row.push_back(ranked ? fixed(s.p_top_k, 2) : "–");
        }
        if (moves) {
            std::string m = v.moves[i];
            if (!v.changed[i].empty()) {
                std::string c;
                for (const std::string& n : v.changed[i])
                    c += (c.empty() ? "" : ",") + n;
                m += " (" + c + ")";
            }
            row.push_back(m);
        }
        row.push_back(tags_text(item));
        t.rows.push_back(std::move(row));
    }
    return t;
}

/// --explain: each shown item's criteria, weights and contributions, adding up to the score.
std::string explain_text(const PriorityResult& r, const PriorityView& v, const Style& style,
                         bool markdown) {
    std::string out;
    for (std::size_t i : shown(r, v)) {
        const PriorityItem& item = r.items[i];
        Table t;
        t.columns = {{"criterion"},
                     {"value", Align::right},
                     {"weight", Align::right},
                     {"contribution", Align::right}};
        for (std::size_t c = 0; c < criterion_count; ++c) {
            std::string label = name(static_cast<Criterion>(c));
            if (c == 3 && item.ability_defaulted) label += " (none given: 0.5)";
            if (c == 4 && item.competition_defaulted) label += " (none rated: 0.5)";
            t.rows.push_back({label, fixed(item.criteria[c], 3), fixed(r.weights[c], 3),
                              fixed(item.contributions[c], 2)});
        }
        t.rows.push_back({"score", "", "", fixed(item.score, 2)});
        out += fmt::format("\n{}{} {}: {}\n\n", markdown ? "### " : "",
                           item.rank ? "#" + std::to_string(*item.rank) : "unranked",
                           item.expectation->id, item.expectation->text);
        out += markdown ? table_markdown(t) : table_text(t, style);
    }
    return out;
}

std::string weights_line(const PriorityResult& r) {
    if (r.method != PriorityMethod::weighted)
        return r.method == PriorityMethod::odi
                   ? "Method: odi — opportunity = I + max(I − S, 0) on a 0–10 scale (Ulwick)."
                   : "Method: rice — reach × impact × confidence ÷ effort.";
    std::string s = "Method: weighted — score = 100 × Σ weight × criterion; weights";
    for (std::size_t c = 0; c < criterion_count; ++c)
        s += fmt::format("{} {} {}", c ? "," : "", name(static_cast<Criterion>(c)),
                         fixed(r.weights[c], 3));
    return s + ".";
}

std::string gone_line(const PriorityView& v) {
    if (v.gone.empty()) return "";
    std::string s;
    for (const std::string& id : v.gone)
        s += (s.empty() ? "" : ", ") + id;
    return "Gone since the revision: " + s + "\n";
}

ordered_json criteria_json(const PriorityResult& r, const std::array<double, 5>& values) {
    if (r.method != PriorityMethod::weighted) return nullptr;
    ordered_json j = ordered_json::object();
    for (std::size_t c = 0; c < criterion_count; ++c)
        j[name(static_cast<Criterion>(c))] = values[c];
    return j;
}

} // namespace

std::string priority_text(const PriorityResult& r, const PriorityView& v, const Style& style) {
    std::string out = weights_line(r) + "\n\n" + table_text(ranking_table(r, v, true), style);
    if (v.explain && r.method == PriorityMethod::weighted) out += explain_text(r, v, style, false);
    return out + gone_line(v);
}

std::string priority_markdown(const PriorityResult& r, const PriorityView& v) {
    std::string out = weights_line(r) + "\n\n" + table_markdown(ranking_table(r, v, false));
    if (v.explain && r.method == PriorityMethod::weighted) out += explain_text(r, v, {}, true);
    std::string gone = gone_line(v);
    return out + (gone.empty() ? "" : "\n" + gone);
}

std::vector<Block> priority_blocks(const PriorityResult& r, const PriorityView& v) {
    std::vector<Block> out = {{"Ranking", {weights_line(r)}, ranking_table(r, v, false)}};
    std::string gone = gone_line(v);
    if (!gone.empty()) out.front().lines.push_back(gone);
    return out;
}

std::string priority_csv(const PriorityResult& r, const PriorityView& v, const Style& style) {
    return table_csv(ranking_table(r, v, false), style);
}

std::string priority_json(const PriorityResult& r, const PriorityView& v) {
    ordered_json items = ordered_json::array();
    for (std::size_t i : shown(r, v)) {
        const PriorityItem& item = r.items[i];
        ordered_json tags = ordered_json::array();
        if (item.differentiator) tags.push_back("differentiator");
        if (!item.track) tags.push_back("reverse");
        ordered_json j{
            {"rank", item.rank ? ordered_json(*item.rank) : ordered_json(nullptr)},
            {"id", item.expectation->id},
            {"track", item.track ? ordered_json(name(*item.track)) : ordered_json(nullptr)},
            {"score", item.score},
            {"criteria", criteria_json(r, item.criteria)},
            {"contributions", criteria_json(r, item.contributions)},
            {"tags", tags}};
        if (!v.sensitivity.empty()) {
            const RankSpread& s = v.sensitivity[i];
            j["sensitivity"] = item.rank ? ordered_json{{"median_rank", s.median_rank},
                                                        {"rank_p05", s.rank_p05},
                                                        {"rank_p95", s.rank_p95},
                                                        {"p_top_k", s.p_top_k}}
                                         : ordered_json(nullptr);
        }
        if (!v.moves.empty()) {
            j["move"] = v.moves[i];
            j["changed"] = v.changed[i];
        }
        items.push_back(j);
    }
    ordered_json doc{{"version", 1},
                     {"method", name(r.method)},
                     {"weights", criteria_json(r, r.weights)},
                     {"items", items}};
    if (!v.moves.empty()) doc["gone"] = v.gone;
    return json_text(doc);
}

} // namespace delight::render
