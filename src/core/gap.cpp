#include "delight/gap.hpp"

#include <algorithm>

namespace delight {

const char* name(Quadrant q) {
    switch (q) {
    case Quadrant::concentrate_here:
        return "concentrate-here";
    case Quadrant::keep_up_the_good_work:
        return "keep-up-the-good-work";
    case Quadrant::low_priority:
        return "low-priority";
    case Quadrant::possible_overkill:
        return "possible-overkill";
    }
    return "?";
}

const char* name(Reading r) {
    switch (r) {
    case Reading::dissatisfier:
        return "dissatisfier";
    case Reading::delight_opportunity:
        return "delight-opportunity";
    case Reading::over_investment:
        return "over-investment";
    case Reading::none:
        return "none";
    }
    return "?";
}

const char* name(GapList l) {
    switch (l) {
    case GapList::enhance:
        return "enhance";
    case GapList::white_space:
        return "white-space";
    case GapList::unassessed:
        return "unassessed";
    }
    return "?";
}

const char* name(DeliverySource s) {
    switch (s) {
    case DeliverySource::explicit_value:
        return "explicit";
    case DeliverySource::zone:
        return "zone";
    case DeliverySource::unassessed:
        return "unassessed";
    }
    return "?";
}

std::size_t status_index(const GapItem& item) {
    return item.delivery.status ? static_cast<std::size_t>(*item.delivery.status) : 4;
}

const char* status_name(std::size_t index) {
    return index < 4 ? name(static_cast<Delivery>(index)) : "unassessed";
}

Reading kano_reading(Kano kano, std::optional<Delivery> delivery) {
    if (!delivery) return Reading::none;
    bool short_of = *delivery == Delivery::missing || *delivery == Delivery::partial;
    if (kano == Kano::must_be && short_of) return Reading::dissatisfier;
    if (kano == Kano::attractive && short_of) return Reading::delight_opportunity;
    if (kano == Kano::must_be && *delivery == Delivery::exceeding) return Reading::over_investment;
    return Reading::none;
}

Quadrant ipa_quadrant(double importance, double performance, double importance_cross,
                      double performance_cross) {
    bool high_importance = importance >= importance_cross;
    bool high_performance = performance >= performance_cross;
    if (high_importance) {
        return high_performance ? Quadrant::keep_up_the_good_work : Quadrant::concentrate_here;
    }
    return high_performance ? Quadrant::possible_overkill : Quadrant::low_priority;
}

namespace {

void set_crosshairs(GapResult& r, const Project& p, Crosshair crosshair) {
    double mid = (p.scale.min + p.scale.max) / 2.0;
    r.crosshair_importance = r.crosshair_performance = mid;
    if (crosshair != Crosshair::mean) return;
    double si = 0, sp = 0;
    int n = 0;
    for (const GapItem& item : r.items) {
        const Expectation& e = *item.expectation;
        if (!e.importance || !e.performance) continue;
        si += *e.importance;
        sp += *e.performance;
        ++n;
    }
    if (n > 0) {
        r.crosshair_importance = si / n;
        r.crosshair_performance = sp / n;
    }
}

void count(std::vector<GapSummaryRow>& rows, const std::string& key, std::size_t status) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.key == key; });
    if (it != rows.end()) ++it->counts[status];
}

std::vector<GapSummaryRow> rows_for(const std::vector<std::string>& keys) {
    std::vector<GapSummaryRow> rows;
    for (const std::string& k : keys)
        rows.push_back({k, {}});
    return rows;
}

} // namespace

GapResult analyse_gap(const Project& project, Crosshair crosshair) {
    GapResult r;
    for (const Expectation& e : project.expectations) {
        if (e.retired) continue;
        GapItem item;
        item.expectation = &e;
        item.delivery = resolve_delivery(e);
        if (e.performance && e.desired) item.gap = *e.performance - *e.desired;
        item.reading = kano_reading(e.kano, item.delivery.status);
        if (!item.delivery.status)
            item.list = GapList::unassessed;
        else if (*item.delivery.status == Delivery::missing ||
                 *item.delivery.status == Delivery::partial)
            item.list = GapList::white_space;
        else
            item.list = GapList::enhance;
        r.items.push_back(item);
    }
    set_crosshairs(r, project, crosshair);
    r.by_touchpoint = rows_for(project.touchpoints);
    r.by_function = rows_for(project.functions);
    r.by_kind = rows_for({"stated", "implied", "latent", "future"});
    for (GapItem& item : r.items) {
        const Expectation& e = *item.expectation;
        if (e.importance && e.performance)
            item.quadrant = ipa_quadrant(*e.importance, *e.performance, r.crosshair_importance,
                                         r.crosshair_performance);
        std::size_t s = status_index(item);
        ++r.status[s];
        ++r.readings[static_cast<std::size_t>(item.reading)];
        count(r.by_touchpoint, e.touchpoint, s);
        for (const std::string& f : e.functions)
            count(r.by_function, f, s);
        count(r.by_kind, name(e.kind), s);
    }
    return r;
}

} // namespace delight
