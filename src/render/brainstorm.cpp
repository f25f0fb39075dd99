// `delight brainstorm`: the state of the catalogue as a terminal heat map, Markdown, CSV of
// blind spots with their prompts, and JSON (PRODUCT.md §4.1).
#include "delight/render_brainstorm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace delight::render {
namespace {

constexpr Kind all_kinds[] = {Kind::stated, Kind::implied, Kind::latent, Kind::future};

/// Short headers for the seven functions of the method (seed 000).
struct Abbreviation {
    std::string_view id, short_name;
};
constexpr Abbreviation known_abbreviations[] = {{"finance", "Fin"},
                                                {"marketing", "Mkt"},
                                                {"consulting", "Cons"},
                                                {"solution-design-delivery", "SDD"},
                                                {"sales", "Sales"},
                                                {"service", "Svc"},
                                                {"after-sales-support", "ASup"}};

/// A short header for any other id: the initials of a multi-word id ("field-ops" → "FO"),
/// else the first three letters ("legal" → "Leg").
std::string abbreviate(const std::string& id) {
    for (const Abbreviation& a : known_abbreviations)
        if (a.id == id) return std::string(a.short_name);
    std::string out;
    if (id.find('-') != std::string::npos) {
        for (std::size_t i = 0; i < id.size(); ++i)
            if (i == 0 || id[i - 1] == '-') out += static_cast<char>(std::toupper(id[i]));
        return out.substr(0, 4);
    }
    out = id.substr(0, 3);
    out[0] = static_cast<char>(std::toupper(out[0]));
    return out;
}

/// Abbreviations made unique by a number where two collide ("Fin", "Fin2").
std::vector<std::string> abbreviations(const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const std::string& id : ids) {
        std::string a = abbreviate(id);
        std::string unique = a;
        for (int n = 2; std::find(out.begin(), out.end(), unique) != out.end(); ++n)
            unique = a + std::to_string(n);
        out.push_back(unique);
    }
    return out;
}

std::string kind_text(const std::optional<Kind>& k) {
    return k ? name(*k) : "any";
}

std::string filter_text(const BrainstormFilter& f) {
    std::vector<std::string> parts;
    if (!f.touchpoint.empty()) parts.push_back("touchpoint " + f.touchpoint);
    if (!f.function.empty()) parts.push_back("function " + f.function);
    if (f.kind) parts.push_back(std::string("kind ") + name(*f.kind));
    std::string s;
    for (const std::string& p : parts)
        s += (s.empty() ? " (" : ", ") + p;
    return s.empty() ? s : s + ")";
}

/// The coverage matrix with a total column and a total row; heat = count / largest count on
/// the cells (NaN elsewhere: not shaded).
Table coverage_table(const Coverage& c, const std::vector<std::string>& headers,
                     const std::string& zero) {
    Table t;
    t.columns.push_back({"touchpoint", Align::left, true});
    for (const std::string& h : headers)
        t.columns.push_back({h, Align::right});
    t.columns.push_back({"total", Align::right});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<double>> heat;
    for (std::size_t r = 0; r < c.touchpoints.size(); ++r) {
        std::vector<std::string> row = {c.touchpoints[r]};
        std::vector<double> h = {nan};
        for (std::size_t f = 0; f < c.functions.size(); ++f) {
            std::size_t n = c.counts[r][f];
            row.push_back(n == 0 ? zero : std::to_string(n));
            h.push_back(c.max_count ? double(n) / double(c.max_count) : 0.0);
        }
        row.push_back(std::to_string(c.touchpoint_totals[r]));
        h.push_back(nan);
        t.rows.push_back(std::move(row));
        heat.push_back(std::move(h));
    }
    std::vector<std::string> total = {"total"};
    std::size_t all = 0;
    for (std::size_t n : c.touchpoint_totals)
        all += n;
    for (std::size_t n : c.function_totals)
        total.push_back(std::to_string(n));
    total.push_back(std::to_string(all));
    t.rows.push_back(std::move(total));
    heat.emplace_back(c.functions.size() + 2, nan);
    t.heat = std::move(heat);
    return t;
}

/// Items laid out in lines of at most width columns, separated by a space, every item but the
/// last followed by mark ("" for words, "," for a list); continuation lines start with
/// indent. An item longer than a line stays whole.
std::string wrap_items(const std::vector<std::string>& items, std::string_view mark,
                       std::size_t first_indent, std::size_t indent, int width) {
    std::string out(first_indent, ' ');
    int column = static_cast<int>(first_indent);
    bool line_empty = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string item = items[i];
        if (i + 1 < items.size()) item += mark;
        int w = display_width(item);
        if (!line_empty && column + 1 + w > width) {
            out += '\n';
            out.append(indent, ' ');
            column = static_cast<int>(indent);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        out += item;
        column += w;
        line_empty = false;
    }
    return out + "\n";
}

/// Text wrapped at spaces.
std::string wrap(std::string_view text, std::size_t first_indent, std::size_t indent, int width) {
    std::vector<std::string> words;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t end = std::min(text.find(' ', pos), text.size());
        if (end > pos) words.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return wrap_items(words, "", first_indent, indent, width);
}

std::string kinds_line(const BrainstormSummary& s) {
    std::string out;
    for (Kind k : all_kinds) {
        std::size_t n = s.kinds[static_cast<std::size_t>(k)];
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name(k), n);
        if (s.expectations > 0)
            out += " (" + fixed(100.0 * double(n) / double(s.expectations), 0) + "%)";
    }
    return out;
}

std::string verified_line(const BrainstormSummary& s) {
    return fmt::format("{} of {} expectations have interview evidence, from {} distinct account{}",
                       s.verified_expectations, s.expectations, s.verified_accounts,
                       s.verified_accounts == 1 ? "" : "s");
}

/// "discovery × finance: no expectation", "billing: no latent expectation", "marketing: no
/// expectation at any touchpoint".
std::string spot_label(const BlindSpot& b) {
    std::string where;
    if (b.touchpoint) where = *b.touchpoint;
    if (b.function) where += (where.empty() ? "" : " × ") + *b.function;
    std::string what = b.kind ? fmt::format("no {} expectation", name(*b.kind)) : "no expectation";
    if (!b.touchpoint) what += " at any touchpoint";
    return where + ": " + what;
}

Table duplicates_table(const BrainstormSummary& s) {
    Table t;
    t.columns = {{"similarity", Align::right}, {"a", Align::left, true}, {"b", Align::left, true}};
    for (const NearDuplicate& d : s.near_duplicates)
        t.rows.push_back({fixed(d.similarity, 2), d.a, d.b});
    return t;
}

/// The function headers of the text view: full ids when the matrix fits the width, else
/// abbreviations (the caller prints a legend).
std::vector<std::string> text_headers(const Coverage& c, int width) {
    int touchpoint_width = display_width("touchpoint");
    for (const std::string& t : c.touchpoints)
        touchpoint_width = std::max(touchpoint_width, display_width(t));
    int total = touchpoint_width + 2 + 5;
    for (const std::string& f : c.functions)
        total += 2 + std::max(display_width(f), 3);
    return total <= width ? c.functions : abbreviations(c.functions);
}

/// "Fin finance, Mkt marketing, …", wrapped between entries.
std::string legend(const Coverage& c, const std::vector<std::string>& headers, int width) {
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < headers.size(); ++i)
        entries.push_back(headers[i] + " " + c.functions[i]);
    return wrap_items(entries, ",", 0, 0, width);
}

} // namespace

std::string brainstorm_text(const BrainstormSummary& s, const Style& style) {
    const Coverage& c = s.coverage;
    std::string out = fmt::format("Coverage of {} expectations{}: touchpoint × function (one "
                                  "count per owning function)\n\n",
                                  s.expectations, filter_text(s.filter));
    std::vector<std::string> headers = text_headers(c, style.width);
    out += table_text(coverage_table(c, headers, "·"), style);
    if (headers != c.functions) out += legend(c, headers, style.width);
    out += "\nKinds: " + kinds_line(s) + "\n";
    out += "Verified: " + verified_line(s) + "\n";
    out += fmt::format("\nBlind spots: {}\n", s.blind_spots.size());
    for (const BlindSpot& b : s.blind_spots) {
        out += wrap(printable(spot_label(b)), 2, 4, style.width);
        for (const std::string& p : b.prompts)
            out += wrap("- " + printable(p), 4, 6, style.width);
    }
    out += fmt::format(
        "\nNear-duplicates (similarity ≥ {}): {}\n", fixed(s.near_duplicate_threshold, 2),
        s.near_duplicates.empty() ? "none" : std::to_string(s.near_duplicates.size()));
    if (!s.near_duplicates.empty()) out += table_text(duplicates_table(s), style);
    return out;
}

std::vector<Block> brainstorm_blocks(const BrainstormSummary& s) {
    const Coverage& c = s.coverage;
    std::vector<Block> out;
    out.push_back({"Coverage",
                   {fmt::format("{} expectations{}, counted under each function that owns them.",
                                s.expectations, filter_text(s.filter))},
                   coverage_table(c, c.functions, "0")});
    Table kinds;
    kinds.columns = {{"kind"}, {"expectations", Align::right}};
    for (Kind k : all_kinds)
        kinds.rows.push_back({name(k), std::to_string(s.kinds[static_cast<std::size_t>(k)])});
    out.push_back({"Kinds", {}, std::move(kinds)});
    out.push_back({"Verification", {verified_line(s) + "."}, std::nullopt});
    Block spots_block{"Blind spots", {fmt::format("{} blind spots.", s.blind_spots.size())}, {}};
    if (!s.blind_spots.empty()) {
        Table spots;
        spots.columns = {{"touchpoint"}, {"function"}, {"kind"}, {"prompt"}};
        for (const BlindSpot& b : s.blind_spots) {
            std::vector<std::string> head = {b.touchpoint.value_or(""), b.function.value_or(""),
                                             kind_text(b.kind)};
            spots.rows.push_back(head);
            spots.rows.back().push_back(b.prompts.empty() ? "" : b.prompts[0]);
            for (std::size_t i = 1; i < b.prompts.size(); ++i)
                spots.rows.push_back({"", "", "", b.prompts[i]});
        }
        spots_block.table = std::move(spots);
    }
    out.push_back(std::move(spots_block));
    Block dup{"Near-duplicates",
              {fmt::format("{} pairs with similarity ≥ {}.", s.near_duplicates.size(),
                           fixed(s.near_duplicate_threshold, 2))},
              {}};
    if (!s.near_duplicates.empty()) dup.table = duplicates_table(s);
    out.push_back(std::move(dup));
    return out;
}

std::string brainstorm_markdown(const BrainstormSummary& s) {
    return blocks_markdown(brainstorm_blocks(s), 2);
}

std::string brainstorm_csv(const BrainstormSummary& s, const Style& style) {
    Table t;
    t.columns = {{"touchpoint"}, {"function"}, {"kind"}, {"prompt"}};
    for (const BlindSpot& b : s.blind_spots) {
        std::string prompts;
        for (const std::string& p : b.prompts)
            prompts += (prompts.empty() ? "" : "\n") + p;
        t.rows.push_back(
            {b.touchpoint.value_or(""), b.function.value_or(""), kind_text(b.kind), prompts});
    }
    return table_csv(t, style);
}

std::string brainstorm_json(const BrainstormSummary& s) {
    using nlohmann::ordered_json;
    const Coverage& c = s.coverage;
    ordered_json cells = ordered_json::array();
    for (std::size_t t = 0; t < c.touchpoints.size(); ++t)
        for (std::size_t f = 0; f < c.functions.size(); ++f)
            cells.push_back({{"touchpoint", c.touchpoints[t]},
                             {"function", c.functions[f]},
                             {"count", c.counts[t][f]}});
    ordered_json kinds = ordered_json::object();
    for (Kind k : all_kinds)
        kinds[name(k)] = s.kinds[static_cast<std::size_t>(k)];
    ordered_json spots = ordered_json::array();
    for (const BlindSpot& b : s.blind_spots)
        spots.push_back(
            {{"touchpoint", b.touchpoint ? ordered_json(*b.touchpoint) : ordered_json(nullptr)},
             {"function", b.function ? ordered_json(*b.function) : ordered_json(nullptr)},
             {"kind", kind_text(b.kind)},
             {"prompts", b.prompts}});
    ordered_json dups = ordered_json::array();
    for (const NearDuplicate& d : s.near_duplicates)
        dups.push_back({{"a", d.a}, {"b", d.b}, {"similarity", d.similarity}});
    ordered_json root = {
        {"version", 1},
        {"coverage",
         {{"touchpoints", c.touchpoints}, {"functions", c.functions}, {"cells", cells}}},
        {"kinds", kinds},
        {"verified",
         {{"expectations", s.verified_expectations}, {"accounts", s.verified_accounts}}},
        {"blind_spots", spots},
        {"near_duplicates", dups}};
    return json_text(root);
}

} // namespace delight::render
