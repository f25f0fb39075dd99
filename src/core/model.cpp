#include "delight/model.hpp"

namespace delight {

const char* name(Kind k) {
    switch (k) {
    case Kind::stated:
        return "stated";
    case Kind::implied:
        return "implied";
    case Kind::latent:
        return "latent";
    case Kind::future:
        return "future";
    }
    return "?";
}

const char* name(Kano k) {
    switch (k) {
    case Kano::must_be:
        return "must-be";
    case Kano::performance:
        return "performance";
    case Kano::attractive:
        return "attractive";
    case Kano::indifferent:
        return "indifferent";
    case Kano::reverse:
        return "reverse";
    case Kano::unknown:
        return "unknown";
    }
    return "?";
}

const char* name(Delivery d) {
    switch (d) {
    case Delivery::missing:
        return "missing";
    case Delivery::partial:
        return "partial";
    case Delivery::meeting:
        return "meeting";
    case Delivery::exceeding:
        return "exceeding";
    }
    return "?";
}

const char* name(Standing s) {
    switch (s) {
    case Standing::better:
        return "better";
    case Standing::equal:
        return "equal";
    case Standing::worse:
        return "worse";
    }
    return "?";
}

const char* name(AbilityFactor f) {
    switch (f) {
    case AbilityFactor::budget:
        return "budget";
    case AbilityFactor::technology:
        return "technology";
    case AbilityFactor::personnel:
        return "personnel";
    case AbilityFactor::skills:
        return "skills";
    }
    return "?";
}

const char* name(Satisfaction s) {
    switch (s) {
    case Satisfaction::satisfied:
        return "satisfied";
    case Satisfaction::neutral:
        return "neutral";
    case Satisfaction::dissatisfied:
        return "dissatisfied";
    }
    return "?";
}

const char* name(EvidenceSource s) {
    switch (s) {
    case EvidenceSource::interview:
        return "interview";
    case EvidenceSource::survey:
        return "survey";
    case EvidenceSource::complaint:
        return "complaint";
    case EvidenceSource::observation:
        return "observation";
    }
    return "?";
}

const char* name(Measure m) {
    switch (m) {
    case Measure::performance:
        return "performance";
    case Measure::importance:
        return "importance";
    case Measure::adequate:
        return "adequate";
    case Measure::desired:
        return "desired";
    case Measure::satisfaction:
        return "satisfaction";
    }
    return "?";
}

const char* name(KanoAnswer a) {
    switch (a) {
    case KanoAnswer::like:
        return "like";
    case KanoAnswer::expect:
        return "expect";
    case KanoAnswer::neutral:
        return "neutral";
    case KanoAnswer::live_with:
        return "live-with";
    case KanoAnswer::dislike:
        return "dislike";
    }
    return "?";
}

const char* name(Criterion c) {
    switch (c) {
    case Criterion::importance:
        return "importance";
    case Criterion::gap:
        return "gap";
    case Criterion::kano:
        return "kano";
    case Criterion::ability:
        return "ability";
    case Criterion::competition:
        return "competition";
    }
    return "?";
}

Delivery zone_of_tolerance(double performance, double adequate, double desired) {
    if (performance < adequate) return Delivery::missing;
    if (performance < desired) return Delivery::meeting;
    return Delivery::exceeding;
}

DeliveryStatus resolve_delivery(const Expectation& e) {
    DeliveryStatus result;
    std::optional<Delivery> zone;
    if (e.performance && e.adequate && e.desired)
        zone = zone_of_tolerance(*e.performance, *e.adequate, *e.desired);
    if (e.delivery) {
        result.status = e.delivery;
        result.source = DeliverySource::explicit_value;
        // "partial" sits between missing and meeting; the zone has no such band, so a zone
        // verdict of missing or meeting does not contradict it.
        bool agrees = !zone || *zone == *e.delivery ||
                      (*e.delivery == Delivery::partial &&
                       (*zone == Delivery::missing || *zone == Delivery::meeting));
        if (!agrees) result.zone_disagrees = zone;
    } else if (zone) {
        result.status = zone;
        result.source = DeliverySource::zone;
    }
    return result;
}

const Expectation* find_expectation(const Project& project, const std::string& id) {
    for (const Expectation& e : project.expectations)
        if (e.id == id) return &e;
    return nullptr;
}

std::optional<Satisfaction> resolved_satisfaction(const Account& a) {
    if (a.satisfaction) return a.satisfaction;
    if (!a.nps) return std::nullopt;
    if (*a.nps >= 9) return Satisfaction::satisfied;
    if (*a.nps >= 7) return Satisfaction::neutral;
    return Satisfaction::dissatisfied;
}

} // namespace delight
