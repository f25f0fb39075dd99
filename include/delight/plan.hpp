#pragma once
// Step 3 of the method (PRODUCT.md §4.4): the action plan. The white spaces in the order of
// their two tracks' rankings interleaved — fixing the basics and betting on delight from the
// first wave — packed into waves within each function's capacity, with dependencies,
// people's overrides, success measures and targets, and remediation of what a survey showed
// did not go well.
#include "delight/model.hpp"
#include "delight/priority.hpp"

#include <optional>
#include <string>
#include <vector>

namespace delight {

/// What a survey-diff said of an expectation (from `--remediate DIFF.json`).
struct RemediationInput {
    std::string expectation;
    std::string verdict;         ///< "declined", "no change" or "inconclusive"
    std::optional<double> delta; ///< the change the verdict rests on (Δmean or DiD δ)
    std::optional<double> q;     ///< its q-value
    std::string column;          ///< the question
};

struct PlanAction {
    const Expectation* expectation = nullptr;
    Track track = Track::basics;
    std::optional<int> rank;              ///< in the priority ranking (none for remediation only)
    std::vector<std::string> owners;      ///< functions charged the effort
    double effort = 1;                    ///< person-months
    std::vector<std::string> measures;    ///< survey columns that measure success
    bool measure_from_instrument = false; ///< no mapped question: the instrument adds one
    double target_points = 10;            ///< points of the target metric
    std::string target_metric;            ///< "top-2-box" (basics) or "top box" (delight)
    std::optional<int> wave;              ///< 0-based; nullopt: later
    bool pinned = false;                  ///< wave set by plan.overrides
    bool oversize = false;                ///< larger than an owner's capacity: a wave of its own
    std::optional<RemediationInput> remediation;

    /// "top-2-box +10 points" (the metric first, so no spreadsheet reads it as a formula).
    std::string target_text() const;
};

struct PlanWave {
    int index = 1;     ///< 1-based
    std::string start; ///< YYYY-MM-DD
    std::string end;   ///< the day before the next wave starts
    std::vector<const PlanAction*> actions;
    std::vector<std::pair<std::string, double>> load;     ///< per function, in project order
    std::vector<std::pair<std::string, double>> capacity; ///< per function, in project order
};

/// Waves and `later` point into `actions`: a result can be moved, not copied.
struct PlanResult {
    PlanResult() = default;
    PlanResult(PlanResult&&) = default;
    PlanResult& operator=(PlanResult&&) = default;
    PlanResult(const PlanResult&) = delete;
    PlanResult& operator=(const PlanResult&) = delete;

    std::vector<PlanAction> actions; ///< in plan order (remediation first, then interleaved)
    std::vector<PlanWave> waves;
    std::vector<const PlanAction*> later;
    std::vector<const Expectation*> excluded;    ///< by plan.overrides
    std::vector<RemediationInput> measure_again; ///< inconclusive verdicts
    std::vector<std::string> warnings;
};

/// A cycle among `after` dependencies, as the ids along it with the first repeated at the end
/// ("a", "b", "a"); empty when there is none. Dependencies on unknown ids are ignored (the
/// loader reports them).
std::vector<std::string> find_after_cycle(const Project& project);

/// The day `days` after a YYYY-MM-DD date (proleptic Gregorian), as YYYY-MM-DD. Pure
/// arithmetic: no clock, no time zone.
std::string add_days(const std::string& date, long long days);

/// Builds the plan (§4.4). The project must have plan settings and no `after` cycle
/// (find_after_cycle). ranking is prioritize()'s result for the project.
PlanResult make_plan(const Project& project, const PriorityResult& ranking,
                     const std::vector<RemediationInput>& remediation);
/// The result points into the project and the ranking: they must outlive it.
PlanResult make_plan(Project&& project, const PriorityResult& ranking,
                     const std::vector<RemediationInput>& remediation) = delete;

} // namespace delight
