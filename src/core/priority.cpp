#include "delight/priority.hpp"

#include <algorithm>
#include <cmath>

namespace delight {

const char* name(Track t) {
    return t == Track::basics ? "basics" : "delight";
}

const char* name(PriorityMethod m) {
    switch (m) {
    case PriorityMethod::weighted:
        return "weighted";
    case PriorityMethod::odi:
        return "odi";
    case PriorityMethod::rice:
        return "rice";
    }
    return "?";
}

std::optional<Track> track_of(Kano kano) {
    if (kano == Kano::reverse) return std::nullopt;
    return kano == Kano::attractive ? Track::delight : Track::basics;
}

namespace {

double unit(double value, const Scale& s) {
    return (value - s.min) / double(s.max - s.min);
}

double gap_criterion(const Expectation& e, const DeliveryStatus& d, const Scale& s,
                     bool fulfilled) {
    if (fulfilled) return 0.0; // §4.3: --all ranks fulfilled items with gap 0
    if (e.performance && e.desired)
        return std::clamp((*e.desired - *e.performance) / double(s.max - s.min), 0.0, 1.0);
    if (d.status == Delivery::missing) return 1.0;
    if (d.status == Delivery::partial) return 0.5;
    return 0.0;
}

/// Share of rated competitors that do better than us (seed 000 (b)); none rated → nullopt.
std::optional<double> better_share(const Expectation& e) {
    if (e.competitors.empty()) return std::nullopt;
    double better = 0;
    for (const auto& [id, standing] : e.competitors)
        if (standing == Standing::better) better += 1;
    return better / double(e.competitors.size());
}

} // namespace

std::array<double, criterion_count> criteria_of(const Expectation& e, const DeliveryStatus& d,
                                                const Project& p, bool fulfilled) {
    std::array<double, criterion_count> c{};
    c[0] = e.importance ? unit(*e.importance, p.scale) : 0.0;
    c[1] = gap_criterion(e, d, p.scale, fulfilled);
    c[2] = p.priority.kano_values[static_cast<std::size_t>(e.kano)];
    if (e.ability.empty()) {
        c[3] = 0.5;
    } else {
        double sum = 0;
        for (const auto& [factor, value] : e.ability)
            sum += value;
        c[3] = unit(sum / double(e.ability.size()), p.scale);
    }
    c[4] = better_share(e).value_or(0.5);
    return c;
}

void assign_ranks(std::vector<PriorityItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const PriorityItem& a, const PriorityItem& b) {
        bool ra = a.track.has_value(), rb = b.track.has_value();
        if (ra != rb) return ra; // reverse items last
        if (a.score != b.score) return a.score > b.score;
        return a.expectation->id < b.expectation->id;
    });
    int rank = 0;
    for (PriorityItem& item : items)
        item.rank = item.track ? std::optional<int>(++rank) : std::nullopt;
}

namespace {

std::vector<std::string> missing_fields(const Expectation& e, PriorityMethod m) {
    std::vector<std::string> fields;
    if (m != PriorityMethod::rice && !e.importance) fields.push_back("importance");
    if (m == PriorityMethod::odi && !e.performance) fields.push_back("performance");
    if (m == PriorityMethod::rice) {
        if (!e.reach) fields.push_back("reach");
        if (!e.impact) fields.push_back("impact");
        if (!e.confidence) fields.push_back("confidence");
    }
    return fields;
}

double method_score(PriorityItem& item, const Project& p, const std::array<double, 5>& w) {
    const Expectation& e = *item.expectation;
    switch (p.priority.method) {
    case PriorityMethod::odi: {
        // Ulwick's opportunity score on a 0–10 rescaling of importance and satisfaction.
        double i = 10.0 * unit(*e.importance, p.scale);
        double s = 10.0 * unit(*e.performance, p.scale);
        return i + std::max(i - s, 0.0);
    }
    case PriorityMethod::rice:
        return double(*e.reach) * *e.impact * *e.confidence / e.effort;
    case PriorityMethod::weighted:
        break;
    }
    double score = 0;
    for (std::size_t i = 0; i < criterion_count; ++i) {
        item.contributions[i] = 100.0 * w[i] * item.criteria[i];
        score += item.contributions[i];
    }
    return score;
}

} // namespace

PriorityResult prioritize(const Project& project, const PriorityOptions& options) {
    PriorityResult r;
    r.method = project.priority.method;
    double total = 0;
    for (double w : project.priority.weights)
        total += w;
    for (std::size_t i = 0; i < criterion_count; ++i)
        r.weights[i] = total > 0 ? project.priority.weights[i] / total : 0.0;
    for (const Expectation& e : project.expectations) {
        if (e.retired) continue;
        DeliveryStatus d = resolve_delivery(e);
        if (!d.status) continue; // unassessed: in neither list (§3.2)
        bool white = *d.status == Delivery::missing || *d.status == Delivery::partial;
        if (!white && !options.all) continue;
        if (auto fields = missing_fields(e, r.method); !fields.empty()) {
            r.missing.push_back({&e, fields});
            continue;
        }
        PriorityItem item;
        item.expectation = &e;
        item.track = track_of(e.kano);
        item.criteria = criteria_of(e, d, project, !white);
        item.ability_defaulted = e.ability.empty();
        item.competition_defaulted = e.competitors.empty();
        item.differentiator =
            white && e.kano == Kano::attractive && !e.competitors.empty() &&
            std::none_of(e.competitors.begin(), e.competitors.end(),
                         [](const auto& c) { return c.second == Standing::better; });
        item.score = method_score(item, project, r.weights);
        r.items.push_back(item);
    }
    assign_ranks(r.items);
    return r;
}

} // namespace delight
