#include "delight/render_gap.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace delight::render {
namespace {

using nlohmann::ordered_json;

std::string opt_number(const std::optional<double>& v, int decimals) {
    return v ? fixed(*v, decimals) : "–";
}

std::string functions_text(const Expectation& e) {
    std::string s;
    for (const std::string& f : e.functions)
        s += (s.empty() ? "" : ", ") + f;
    return s;
}

std::string delivery_text(const GapItem& item) {
    if (!item.delivery.status) return "unassessed";
    std::string s = name(*item.delivery.status);
    return item.delivery.source == DeliverySource::zone ? s + " (zone)" : s;
}

/// Short IPA labels for terminal tables, where width is scarce.
const char* short_name(Quadrant q) {
    switch (q) {
    case Quadrant::concentrate_here:
        return "concentrate";
    case Quadrant::keep_up_the_good_work:
        return "keep-up";
    case Quadrant::low_priority:
        return "low-priority";
    case Quadrant::possible_overkill:
        return "overkill";
    }
    return "?";
}

/// The item table for one list, in catalogue order. The compact form (terminal) leaves out
/// touchpoint and gap and shortens quadrant names so the ids fit in 80 columns.
Table list_table(const GapResult& r, GapList list, bool compact) {
    Table t;
    t.columns.push_back({"id", Align::left, false});
    if (!compact) t.columns.push_back({"touchpoint", Align::left, true});
    t.columns.push_back({"kano", Align::left, true});
    t.columns.push_back({"imp", Align::right, false});
    t.columns.push_back({"perf", Align::right, false});
    t.columns.push_back({"delivery", Align::left, true});
    if (!compact) t.columns.push_back({"gap", Align::right, false});
    t.columns.push_back({"quadrant", Align::left, true});
    t.columns.push_back({"reading", Align::left, true});
    for (const GapItem& item : r.items) {
        if (item.list != list) continue;
        const Expectation& e = *item.expectation;
        std::vector<std::string> row = {e.id};
        if (!compact) row.push_back(e.touchpoint);
        row.insert(row.end(), {name(e.kano), opt_number(e.importance, 1),
                               opt_number(e.performance, 1), delivery_text(item)});
        if (!compact) row.push_back(opt_number(item.gap, 1));
        row.push_back(!item.quadrant ? "–"
                      : compact      ? short_name(*item.quadrant)
                                     : name(*item.quadrant));
        row.push_back(item.reading == Reading::none ? "" : name(item.reading));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table summary_table(const std::vector<GapSummaryRow>& rows, const char* first) {
    Table t;
    t.columns.push_back({first, Align::left, true});
    for (std::size_t s = 0; s < status_count; ++s)
        t.columns.push_back({status_name(s), Align::right});
    int max = 1;
    for (const GapSummaryRow& row : rows)
        for (int c : row.counts)
            max = std::max(max, c);
    std::vector<std::vector<double>> heat;
    for (const GapSummaryRow& row : rows) {
        std::vector<std::string> cells = {row.key};
        std::vector<double> shade = {0.0};
        for (std::size_t s = 0; s < status_count; ++s) {
            cells.push_back(std::to_string(row.counts[s]));
            shade.push_back(double(row.counts[s]) / max);
        }
        t.rows.push_back(cells);
        heat.push_back(shade);
    }
    t.heat = heat;
    return t;
}

std::string headline(const GapResult& r) {
    int counts[3] = {0, 0, 0};
    for (const GapItem& item : r.items)
        ++counts[static_cast<int>(item.list)];
    return fmt::format("{} expectations: {} white spaces, {} fulfilled (enhance), {} unassessed.\n"
                       "Readings: {} dissatisfiers, {} delight opportunities, {} "
                       "over-investments.\nIPA crosshairs: importance {}, performance {}.",
                       r.items.size(), counts[1], counts[0], counts[2], r.readings[0],
                       r.readings[1], r.readings[2], fixed(r.crosshair_importance, 2),
                       fixed(r.crosshair_performance, 2));
}

/// Expectations the team rates delivered that customers put below adequate (or, without an
/// adequate level, in the bottom two levels).
Table outside_in_table(const GapSurvey& survey) {
    Table t;
    t.columns = {{"id", Align::left, false},    {"team", Align::left, false},
                 {"perf", Align::right, false}, {"adequate", Align::right, false},
                 {"reason", Align::left, true}, {"n", Align::right, false}};
    for (const OutsideIn& o : survey.outside_in)
        t.rows.push_back({o.id, name(o.team), fixed(o.performance, 2), opt_number(o.adequate, 2),
                          name(o.reason), std::to_string(o.n)});
    return t;
}

Table kano_table(const GapSurvey& survey) {
    Table t;
    t.columns = {{"id", Align::left, false},
                 {"team", Align::left, false},
                 {"measured", Align::left, false},
                 {"pairs", Align::right, false}};
    for (const KanoDisagreement& k : survey.kano_disagreements)
        t.rows.push_back({k.id, name(k.team), name(k.measured), std::to_string(k.n_pairs)});
    return t;
}

std::string survey_line(const GapSurvey& survey) {
    return fmt::format("Survey wave {}: customers' answers replace the team's values for {} "
                       "expectation{}.",
                       survey.wave, survey.measured.size(), survey.measured.size() == 1 ? "" : "s");
}

/// The sections after the headline, titled with their row counts; "Unassessed" only when
/// there are any, the survey's two only with a survey.
std::vector<Block> sections(const GapResult& r, const GapSurvey* survey, bool compact) {
    std::vector<Block> out;
    auto add = [&](const std::string& title, Table t) {
        std::string heading = fmt::format("{} ({})", title, t.rows.size());
        out.push_back({heading, {}, std::move(t)});
    };
    add("White spaces", list_table(r, GapList::white_space, compact));
    add("Enhance: fulfilled, could add more value", list_table(r, GapList::enhance, compact));
    Table unassessed = list_table(r, GapList::unassessed, compact);
    if (!unassessed.rows.empty()) add("Unassessed", std::move(unassessed));
    if (survey) {
        add("Outside-in: the team says delivered, customers do not", outside_in_table(*survey));
        add("Kano: measured vs team", kano_table(*survey));
    }
    add("By touchpoint", summary_table(r.by_touchpoint, "touchpoint"));
    add("By function", summary_table(r.by_function, "function"));
    add("By kind", summary_table(r.by_kind, "kind"));
    return out;
}

std::string opening(const GapResult& r, const GapSurvey* survey) {
    return headline(r) + "\n" + (survey ? survey_line(*survey) + "\n" : "");
}

ordered_json opt_json(const std::optional<double>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json counts_json(const StatusCounts& c) {
    ordered_json j = ordered_json::object();
    for (std::size_t s = 0; s < status_count; ++s)
        j[status_name(s)] = c[s];
    return j;
}

ordered_json rows_json(const std::vector<GapSummaryRow>& rows) {
    ordered_json j = ordered_json::object();
    for (const GapSummaryRow& row : rows)
        j[row.key] = counts_json(row.counts);
    return j;
}

ordered_json survey_json(const GapSurvey* survey) {
    if (!survey) return nullptr;
    ordered_json outside = ordered_json::array();
    for (const OutsideIn& o : survey->outside_in)
        outside.push_back(ordered_json{{"id", o.id},
                                       {"team_delivery", name(o.team)},
                                       {"performance", o.performance},
                                       {"adequate", opt_json(o.adequate)},
                                       {"reason", name(o.reason)},
                                       {"n", o.n}});
    ordered_json kano = ordered_json::array();
    for (const KanoDisagreement& k : survey->kano_disagreements)
        kano.push_back(ordered_json{{"id", k.id},
                                    {"team", name(k.team)},
                                    {"measured", name(k.measured)},
                                    {"n_pairs", k.n_pairs}});
    ordered_json measured = ordered_json::array();
    for (const MeasuredExpectation& m : survey->measured)
        measured.push_back(
            ordered_json{{"id", m.id},
                         {"performance", opt_json(m.performance)},
                         {"importance", opt_json(m.importance)},
                         {"adequate", opt_json(m.adequate)},
                         {"desired", opt_json(m.desired)},
                         {"n_performance", m.n_performance},
                         {"kano", m.kano ? ordered_json(name(*m.kano)) : ordered_json(nullptr)},
                         {"n_kano_pairs", m.n_kano_pairs}});
    return ordered_json{{"wave", survey->wave},
                        {"outside_in", outside},
                        {"kano_disagreements", kano},
                        {"measured", measured}};
}

} // namespace

std::string gap_text(const GapResult& r, const Style& style, const GapSurvey* survey) {
    std::string out = opening(r, survey);
    for (const Block& b : sections(r, survey, true)) {
        out += "\n" + b.title + "\n\n";
        if (!b.table->rows.empty()) out += table_text(*b.table, style);
    }
    return out;
}

std::string gap_markdown(const GapResult& r, const GapSurvey* survey) {
    return opening(r, survey) + "\n" + blocks_markdown(sections(r, survey, false), 2);
}

std::vector<Block> gap_blocks(const GapResult& r, const GapSurvey* survey) {
    std::vector<Block> out = {{"Overview", {}, std::nullopt}};
    std::string text = opening(r, survey);
    for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
         start = end + 1)
        out.front().lines.push_back(text.substr(start, end - start));
    for (Block& b : sections(r, survey, false))
        out.push_back(std::move(b));
    return out;
}

std::string gap_csv(const GapResult& r, const Style& style) {
    Table t;
    for (const char* h :
         {"id", "touchpoint", "functions", "kind", "kano", "importance", "performance", "delivery",
          "delivery_source", "gap", "quadrant", "reading", "list"})
        t.columns.push_back({h});
    auto num = [](const std::optional<double>& v) { return v ? fixed(*v, 2) : std::string(); };
    for (const GapItem& item : r.items) {
        const Expectation& e = *item.expectation;
        t.rows.push_back(
            {e.id, e.touchpoint, functions_text(e), name(e.kind), name(e.kano), num(e.importance),
             num(e.performance), item.delivery.status ? name(*item.delivery.status) : "",
             name(item.delivery.source), num(item.gap), item.quadrant ? name(*item.quadrant) : "",
             name(item.reading), name(item.list)});
    }
    return table_csv(t, style);
}

std::string gap_json(const GapResult& r, const GapSurvey* survey) {
    ordered_json items = ordered_json::array();
    for (const GapItem& item : r.items) {
        const Expectation& e = *item.expectation;
        items.push_back(ordered_json{{"id", e.id},
                                     {"touchpoint", e.touchpoint},
                                     {"functions", e.functions},
                                     {"kind", name(e.kind)},
                                     {"kano", name(e.kano)},
                                     {"importance", opt_json(e.importance)},
                                     {"performance", opt_json(e.performance)},
                                     {"delivery", item.delivery.status
                                                      ? ordered_json(name(*item.delivery.status))
                                                      : ordered_json(nullptr)},
                                     {"delivery_source", name(item.delivery.source)},
                                     {"gap", opt_json(item.gap)},
                                     {"quadrant", item.quadrant ? ordered_json(name(*item.quadrant))
                                                                : ordered_json(nullptr)},
                                     {"reading", name(item.reading)},
                                     {"list", name(item.list)}});
    }
    ordered_json readings = ordered_json::object();
    for (std::size_t i = 0; i < r.readings.size(); ++i)
        readings[name(static_cast<Reading>(i))] = r.readings[i];
    ordered_json summary{{"status", counts_json(r.status)},
                         {"reading", readings},
                         {"touchpoint", rows_json(r.by_touchpoint)},
                         {"function", rows_json(r.by_function)},
                         {"kind", rows_json(r.by_kind)}};
    ordered_json doc{
        {"version", 1},
        {"crosshair",
         {{"importance", r.crosshair_importance}, {"performance", r.crosshair_performance}}},
        {"items", items},
        {"summary", summary},
        {"survey", survey_json(survey)}};
    return json_text(doc);
}

} // namespace delight::render
