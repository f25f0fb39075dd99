#pragma once
// `delight gap --survey WAVE.csv` (PRODUCT.md §4.2): the audit from the outside in (seed 002).
// One survey wave measures, per expectation, what customers say — perceived performance,
// importance, the adequate and desired levels of the zone of tolerance, the Kano category —
// and those measurements replace the team's judgement before the gap analysis runs. What the
// team rates delivered but customers do not is the *outside-in* list; where the measured Kano
// category contradicts the catalogue, that is a Kano disagreement.
#include "delight/model.hpp"
#include "delight/stats.hpp"
#include "delight/survey_data.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace delight {

/// What one wave measured for one expectation, over the whole sample (every group and
/// segment). Means are over all valid answers of the expectation's questions of that measure
/// together, each answer first rescaled linearly from its question's scale to the project's
/// (the identity when they are the same).
struct MeasuredExpectation {
    std::string id;
    std::optional<double> performance, importance, adequate, desired; ///< nullopt: no answers
    std::uint64_t n_performance = 0; ///< valid answers behind `performance`
    /// The measured Kano category (classic table, most frequent category, §2 — over the pairs
    /// of all the expectation's Kano questions); nullopt when there are no valid pairs or the
    /// category is Q (questionable: not a measurement).
    std::optional<Kano> kano;
    std::uint64_t n_kano_pairs = 0; ///< valid answer pairs
};

/// The Kano category of a survey result in catalogue terms: A attractive, O performance,
/// M must-be, I indifferent, R reverse; Q → nullopt.
std::optional<Kano> catalogue_kano(stats::KanoCategory category);

/// Measures every expectation that the survey mapping (project.survey) asks about, in wave
/// `wave` of `data`, in the order of the catalogue. Expectations without any answers or valid
/// Kano pairs are left out; so are retired ones and ids the catalogue does not hold. No
/// mapping → empty.
std::vector<MeasuredExpectation>
measure_expectations(const Project& project, const SurveyData& data, std::size_t wave,
                     stats::KanoTable table = stats::KanoTable::classic,
                     stats::KanoRule rule = stats::KanoRule::mode);

/// A copy of the project in which the measurements replace the team's values:
/// performance, importance, adequate and desired where measured, and the Kano category where
/// measured. The delivery status follows the zone of tolerance (the explicit `delivery` is
/// dropped) when performance is measured and adequate and desired are known — measured or
/// from the catalogue; otherwise the catalogue's `delivery` stays. Retired expectations are
/// left as they are.
Project apply_measurements(const Project& project,
                           const std::vector<MeasuredExpectation>& measured);

/// Why an expectation is on the outside-in list.
enum class OutsideInReason { below_adequate, bottom_two_levels };
/// "below adequate", "bottom two levels".
const char* name(OutsideInReason);

/// An expectation the team rates delivered that customers do not.
struct OutsideIn {
    std::string id;
    Delivery team = Delivery::meeting; ///< the team's status: meeting or exceeding
    double performance = 0;            ///< measured
    std::optional<double> adequate;    ///< measured, else the catalogue's; nullopt: neither
    OutsideInReason reason = OutsideInReason::below_adequate;
    std::uint64_t n = 0; ///< answers behind `performance`
};

/// The outside-in list, in catalogue order: non-retired expectations whose delivery on the
/// *original* project (resolve_delivery: the team's view) is meeting or exceeding and
///  - whose measured performance is below the adequate level (measured, else the catalogue's),
///  - or, when no adequate level is known, that are must-be or performance (the measured Kano
///    category where there is one, else the team's) and whose measured performance is in the
///    bottom two levels of the project scale: mean < scale.min + 2 (below 3 on 1–5).
std::vector<OutsideIn> outside_in(const Project& original,
                                  const std::vector<MeasuredExpectation>& measured);

/// The catalogue's Kano category contradicted by the survey.
struct KanoDisagreement {
    std::string id;
    Kano team = Kano::unknown;
    Kano measured = Kano::unknown;
    std::uint64_t n_pairs = 0;
};

/// Non-retired expectations, in catalogue order, whose catalogue `kano` is not `unknown` and
/// differs from the measured category.
std::vector<KanoDisagreement> kano_disagreements(const Project& original,
                                                 const std::vector<MeasuredExpectation>& measured);

/// Everything the survey adds to `delight gap`, for the renderings.
struct GapSurvey {
    std::string wave; ///< the wave's label
    std::vector<MeasuredExpectation> measured;
    std::vector<OutsideIn> outside_in;
    std::vector<KanoDisagreement> kano_disagreements;
};

/// The survey's part of `gap --survey`: wave `wave` of data (its label; "" when data has no
/// waves) measured, with the outside-in list and the Kano disagreements.
GapSurvey gap_survey(const Project& project, const SurveyData& data, std::size_t wave);

} // namespace delight
