#include "delight/gap_survey.hpp"

#include <map>

namespace delight {
namespace {

/// Answers of one expectation, gathered over its questions before the means are taken.
struct Gathered {
    Histogram performance, importance, adequate, desired;
    KanoCounts kano;
    bool asked_kano = false;
};

Histogram* slot(Gathered& g, Measure m) {
    switch (m) {
    case Measure::performance:
        return &g.performance;
    case Measure::importance:
        return &g.importance;
    case Measure::adequate:
        return &g.adequate;
    case Measure::desired:
        return &g.desired;
    case Measure::satisfaction:
        return nullptr; // overall satisfaction describes no single expectation
    }
    return nullptr;
}

/// Adds `from` to `to` with every answer moved linearly from scale `q` to scale `p`, so that
/// questions on another scale (say 1–10) speak in the project's terms.
void add_rescaled(Histogram& to, const Histogram& from, Scale q, Scale p) {
    bool same = q.min == p.min && q.max == p.max;
    double factor = double(p.max - p.min) / double(q.max - q.min);
    for (const auto& [value, n] : from.counts)
        to.add(same ? value : p.min + (value - q.min) * factor, n);
    to.missing += from.missing;
    to.invalid += from.invalid;
}

std::map<std::string, Gathered> gather(const Project& project, const SurveyData& data,
                                       std::size_t wave) {
    std::map<std::string, Gathered> out;
    const std::vector<SurveyQuestion>& questions = project.survey->questions;
    // Every group and segment: the whole sample of the wave.
    for (const auto& [key, hist] : data.answers) {
        const auto& [w, group, segment, index] = key;
        if (w != wave || index >= questions.size()) continue;
        const SurveyQuestion& q = questions[index];
        if (q.type != SurveyQuestion::Type::likert || q.expectation.empty()) continue;
        Histogram* h = slot(out[q.expectation], q.measure);
        if (h) add_rescaled(*h, hist, q.scale.value_or(project.scale), project.scale);
    }
    for (const auto& [key, counts] : data.kano) {
        const auto& [w, group, segment, index] = key;
        if (w != wave || index >= questions.size()) continue;
        const SurveyQuestion& q = questions[index];
        if (q.type != SurveyQuestion::Type::kano || q.expectation.empty()) continue;
        Gathered& g = out[q.expectation];
        g.kano.merge(counts);
        g.asked_kano = true;
    }
    return out;
}

std::map<std::string, const MeasuredExpectation*>
index_by_id(const std::vector<MeasuredExpectation>& measured) {
    std::map<std::string, const MeasuredExpectation*> by_id;
    for (const MeasuredExpectation& m : measured)
        by_id[m.id] = &m;
    return by_id;
}

std::optional<double> mean_of(const Histogram& h, Scale scale) {
    return stats::summarize(h, scale).mean;
}

} // namespace

std::optional<Kano> catalogue_kano(stats::KanoCategory category) {
    switch (category) {
    case stats::KanoCategory::A:
        return Kano::attractive;
    case stats::KanoCategory::O:
        return Kano::performance;
    case stats::KanoCategory::M:
        return Kano::must_be;
    case stats::KanoCategory::I:
        return Kano::indifferent;
    case stats::KanoCategory::R:
        return Kano::reverse;
    case stats::KanoCategory::Q:
        return std::nullopt;
    }
    return std::nullopt;
}

std::vector<MeasuredExpectation> measure_expectations(const Project& project,
                                                      const SurveyData& data, std::size_t wave,
                                                      stats::KanoTable table,
                                                      stats::KanoRule rule) {
    std::vector<MeasuredExpectation> out;
    if (!project.survey) return out;
    std::map<std::string, Gathered> gathered = gather(project, data, wave);
    for (const Expectation& e : project.expectations) {
        auto it = gathered.find(e.id);
        if (e.retired || it == gathered.end()) continue;
        const Gathered& g = it->second;
        MeasuredExpectation m;
        m.id = e.id;
        m.performance = mean_of(g.performance, project.scale);
        m.n_performance = g.performance.n();
        m.importance = mean_of(g.importance, project.scale);
        m.adequate = mean_of(g.adequate, project.scale);
        m.desired = mean_of(g.desired, project.scale);
        if (g.asked_kano) {
            stats::KanoResult k = stats::evaluate_kano(g.kano, table, rule);
            m.n_kano_pairs = k.n;
            if (k.category) m.kano = catalogue_kano(*k.category);
        }
        if (m.performance || m.importance || m.adequate || m.desired || m.n_kano_pairs > 0)
            out.push_back(std::move(m));
    }
    return out;
}

Project apply_measurements(const Project& project,
                           const std::vector<MeasuredExpectation>& measured) {
    Project adjusted = project;
    std::map<std::string, const MeasuredExpectation*> by_id = index_by_id(measured);
    for (Expectation& e : adjusted.expectations) {
        auto it = by_id.find(e.id);
        if (e.retired || it == by_id.end()) continue;
        const MeasuredExpectation& m = *it->second;
        if (m.performance) e.performance = m.performance;
        if (m.importance) e.importance = m.importance;
        if (m.adequate) e.adequate = m.adequate;
        if (m.desired) e.desired = m.desired;
        if (m.kano) e.kano = *m.kano;
        // What customers perceive, against their own zone of tolerance, outranks the team's
        // judgement (seed 002: audit from the outside in).
        if (m.performance && e.adequate && e.desired) e.delivery.reset();
    }
    return adjusted;
}

const char* name(OutsideInReason r) {
    switch (r) {
    case OutsideInReason::below_adequate:
        return "below adequate";
    case OutsideInReason::bottom_two_levels:
        return "bottom two levels";
    }
    return "?";
}

std::vector<OutsideIn> outside_in(const Project& original,
                                  const std::vector<MeasuredExpectation>& measured) {
    std::map<std::string, const MeasuredExpectation*> by_id = index_by_id(measured);
    std::vector<OutsideIn> out;
    for (const Expectation& e : original.expectations) {
        auto it = by_id.find(e.id);
        if (e.retired || it == by_id.end() || !it->second->performance) continue;
        const MeasuredExpectation& m = *it->second;
        std::optional<Delivery> team = resolve_delivery(e).status;
        if (team != Delivery::meeting && team != Delivery::exceeding) continue;
        OutsideIn item{e.id,
                       *team,
                       *m.performance,
                       m.adequate ? m.adequate : e.adequate,
                       OutsideInReason::below_adequate,
                       m.n_performance};
        if (item.adequate) {
            if (item.performance < *item.adequate) out.push_back(item);
            continue;
        }
        Kano kano = m.kano.value_or(e.kano);
        // Bottom two levels of the scale (1 and 2 on 1–5): a basic customers call poor.
        if ((kano == Kano::must_be || kano == Kano::performance) &&
            item.performance < original.scale.min + 2) {
            item.reason = OutsideInReason::bottom_two_levels;
            out.push_back(item);
        }
    }
    return out;
}

std::vector<KanoDisagreement> kano_disagreements(const Project& original,
                                                 const std::vector<MeasuredExpectation>& measured) {
    std::map<std::string, const MeasuredExpectation*> by_id = index_by_id(measured);
    std::vector<KanoDisagreement> out;
    for (const Expectation& e : original.expectations) {
        auto it = by_id.find(e.id);
        if (e.retired || e.kano == Kano::unknown || it == by_id.end()) continue;
        const MeasuredExpectation& m = *it->second;
        if (m.kano && *m.kano != e.kano) out.push_back({e.id, e.kano, *m.kano, m.n_kano_pairs});
    }
    return out;
}

GapSurvey gap_survey(const Project& project, const SurveyData& data, std::size_t wave) {
    GapSurvey survey;
    if (wave < data.waves.size()) survey.wave = data.waves[wave];
    survey.measured = measure_expectations(project, data, wave);
    survey.outside_in = outside_in(project, survey.measured);
    survey.kano_disagreements = kano_disagreements(project, survey.measured);
    return survey;
}

} // namespace delight
