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

using TableWriter = std::string (*)(const Table&, const Style&);

std::string sections(const GapResult& r, const Style& style, TableWriter write,
                     const char* heading_prefix, bool compact) {
    std::string out = headline(r) + "\n";
    auto section = [&](const std::string& title, const Table& t) {
        out += fmt::format("\n{}{} ({})\n\n", heading_prefix, title, t.rows.size());
        if (!t.rows.empty()) out += write(t, style);
    };
    section("White spaces", list_table(r, GapList::white_space, compact));
    section("Enhance: fulfilled, could add more value", list_table(r, GapList::enhance, compact));
    Table unassessed = list_table(r, GapList::unassessed, compact);
    if (!unassessed.rows.empty()) section("Unassessed", unassessed);
    section("By touchpoint", summary_table(r.by_touchpoint, "touchpoint"));
    section("By function", summary_table(r.by_function, "function"));
    section("By kind", summary_table(r.by_kind, "kind"));
    return out;
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

} // namespace

std::string gap_text(const GapResult& r, const Style& style) {
    return sections(r, style, table_text, "", true);
}

std::string gap_markdown(const GapResult& r) {
    return sections(
        r, Style{}, [](const Table& t, const Style&) { return table_markdown(t); }, "## ", false);
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

std::string gap_json(const GapResult& r) {
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
        {"summary", summary}};
    return json_text(doc);
}

} // namespace delight::render
