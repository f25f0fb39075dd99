// `delight brainstorm export`: the catalogue as a CSV list file (PRODUCT.md §3.6) for rating in
// a spreadsheet, which `expectations:` can point at to load the same catalogue back.
#include "delight/render_brainstorm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace delight::render {
namespace {

/// Shortest text that reads back as the same double ("3", "0.25", "4.1").
std::string number(double v) {
    return v == 0 ? "0" : fmt::format("{}", v);
}

std::string number(const std::optional<double>& v) {
    return v ? number(*v) : "";
}

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items)
        s += (s.empty() ? "" : ";") + i;
    return s;
}

/// One column: its header, whether an item sets the field (to other than the default; null
/// for the required fields, always written), and the cell. A column is written when any item
/// sets its field; then every row gets a cell.
struct Field {
    std::string header;
    std::function<bool(const Expectation&)> set;
    std::function<std::string(const Expectation&)> cell;
};

template <class T>
std::optional<T> find_value(const std::vector<std::pair<std::string, T>>& map,
                            const std::string& key) {
    for (const auto& [k, v] : map)
        if (k == key) return v;
    return std::nullopt;
}

std::vector<Field> competitor_fields(const Project& p) {
    std::vector<Field> out;
    for (const std::string& id : p.competitors)
        out.push_back(
            {"competitor." + id,
             [id](const Expectation& e) { return find_value(e.competitors, id).has_value(); },
             [id](const Expectation& e) {
                 auto v = find_value(e.competitors, id);
                 return v ? std::string(name(*v)) : std::string();
             }});
    return out;
}

std::vector<Field> ability_fields() {
    std::vector<Field> out;
    for (AbilityFactor f : {AbilityFactor::budget, AbilityFactor::technology,
                            AbilityFactor::personnel, AbilityFactor::skills}) {
        auto value = [f](const Expectation& e) -> std::optional<double> {
            for (const auto& [k, v] : e.ability)
                if (k == f) return v;
            return std::nullopt;
        };
        out.push_back({std::string("ability.") + name(f),
                       [value](const Expectation& e) { return value(e).has_value(); },
                       [value](const Expectation& e) { return number(value(e)); }});
    }
    return out;
}

/// Every field of §3.2, in the order of its table.
std::vector<Field> fields(const Project& p) {
    std::nullptr_t always = nullptr;
    std::vector<Field> f = {
        {"id", always, [](const Expectation& e) { return e.id; }},
        {"text", always, [](const Expectation& e) { return e.text; }},
        {"kind", [](const Expectation& e) { return e.kind != Kind::stated; },
         [](const Expectation& e) { return std::string(name(e.kind)); }},
        {"kano", [](const Expectation& e) { return e.kano != Kano::unknown; },
         [](const Expectation& e) { return std::string(name(e.kano)); }},
        {"touchpoint", always, [](const Expectation& e) { return e.touchpoint; }},
        {"functions", always, [](const Expectation& e) { return joined(e.functions); }},
        {"importance", [](const Expectation& e) { return e.importance.has_value(); },
         [](const Expectation& e) { return number(e.importance); }},
        {"delivery", [](const Expectation& e) { return e.delivery.has_value(); },
         [](const Expectation& e) { return e.delivery ? std::string(name(*e.delivery)) : ""; }},
        {"performance", [](const Expectation& e) { return e.performance.has_value(); },
         [](const Expectation& e) { return number(e.performance); }},
        {"adequate", [](const Expectation& e) { return e.adequate.has_value(); },
         [](const Expectation& e) { return number(e.adequate); }},
        {"desired", [](const Expectation& e) { return e.desired.has_value(); },
         [](const Expectation& e) { return number(e.desired); }},
    };
    for (Field& c : competitor_fields(p))
        f.push_back(std::move(c));
    for (Field& a : ability_fields())
        f.push_back(std::move(a));
    std::vector<Field> rest = {
        {"effort", [](const Expectation& e) { return e.effort != 1.0; },
         [](const Expectation& e) { return number(e.effort); }},
        {"reach", [](const Expectation& e) { return e.reach.has_value(); },
         [](const Expectation& e) { return e.reach ? std::to_string(*e.reach) : ""; }},
        {"impact", [](const Expectation& e) { return e.impact.has_value(); },
         [](const Expectation& e) { return number(e.impact); }},
        {"confidence", [](const Expectation& e) { return e.confidence.has_value(); },
         [](const Expectation& e) { return number(e.confidence); }},
        {"after", [](const Expectation& e) { return !e.after.empty(); },
         [](const Expectation& e) { return joined(e.after); }},
        {"question", [](const Expectation& e) { return !e.question.empty(); },
         [](const Expectation& e) { return e.question; }},
        {"source", [](const Expectation& e) { return e.source != "brainstorm"; },
         [](const Expectation& e) { return e.source; }},
        {"retired", [](const Expectation& e) { return e.retired; },
         [](const Expectation& e) { return std::string(e.retired ? "true" : "false"); }},
        {"notes", [](const Expectation& e) { return !e.notes.empty(); },
         [](const Expectation& e) { return e.notes; }},
    };
    for (Field& r : rest)
        f.push_back(std::move(r));
    return f;
}

} // namespace

std::string catalogue_csv(const Project& project, const Style& style) {
    std::vector<Field> used;
    for (Field& f : fields(project))
        if (!f.set || std::any_of(project.expectations.begin(), project.expectations.end(), f.set))
            used.push_back(std::move(f));
    std::string out;
    for (std::size_t i = 0; i < used.size(); ++i)
        out += (i ? "," : "") + used[i].header;
    out += "\n";
    for (const Expectation& e : project.expectations) {
        for (std::size_t i = 0; i < used.size(); ++i) {
            // csv_cell leaves numbers alone and neutralises text that could start a formula.
            if (i) out += ',';
            out += csv_cell(used[i].cell(e), style.raw_csv);
        }
        out += "\n";
    }
    return out;
}

} // namespace delight::render
