#pragma once
// `delight report` (PRODUCT.md §4.6): the whole audit in one document. The commands' results
// (brainstorm's coverage, gap, the ranking, the plan, survey-diff) are computed by their own
// core functions; this module gathers them and works out the numbers of the executive
// summary — counts, revenue at risk, the top actions per track, the pilot result — which
// render/ turns into fixed plain sentences (seed 004: delight must be visible at the top).
#include "delight/brainstorm.hpp"
#include "delight/gap.hpp"
#include "delight/gap_survey.hpp"
#include "delight/model.hpp"
#include "delight/pilot.hpp"
#include "delight/plan.hpp"
#include "delight/priority.hpp"
#include "delight/stats.hpp"
#include "delight/survey_diff.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace delight {

/// Report sections in document order; `--sections` and `report.sections` pick from them.
enum class ReportSection { summary, narrative, coverage, gap, ranking, plan, survey };
constexpr std::size_t report_section_count = 7;
/// "summary", "narrative", "coverage", "gap", "ranking", "plan", "survey".
const char* name(ReportSection);
/// The section of that name; nullopt when there is none.
std::optional<ReportSection> report_section(const std::string& name);

/// Revenue of dissatisfied accounts (§3.3 satisfaction: given, else derived from NPS) against
/// the revenue of all accounts that state one.
struct RevenueAtRisk {
    double at_risk = 0, total = 0;
    std::size_t dissatisfied_accounts = 0; ///< dissatisfied accounts with a revenue
    std::size_t accounts = 0;              ///< accounts with a revenue
    double share() const { return total > 0 ? at_risk / total : 0; }
};

/// The change of NPS between the first and last wave with its 95 % interval (§2, independent
/// waves: ±1.96·√(V₁/n₁ + V₂/n₂), in points).
struct NpsResult {
    std::string column;
    double before = 0, after = 0; ///< points
    stats::NpsChange change;
    stats::Interval ci;
};

/// What the pilot changed (seed 000 step 3), from survey-diff's result.
struct PilotOutcome {
    std::string first_wave, last_wave;
    /// The respondents behind the NPS and the delighted share: "pilot" when the survey maps
    /// groups (the pilot group), "all" otherwise.
    std::string cell;
    /// The basis of the expectation verdicts: "did-account", "pilot" or "sample" — that of
    /// the first expectation question that has one, else "sample".
    std::string basis;
    std::array<int, 5> verdicts{}; ///< expectations per Verdict
    std::optional<NpsResult> nps;  ///< the first NPS question with both waves
    /// Top box (the delighted, seed 002) of the overall satisfaction question (measure
    /// satisfaction), first and last wave; nullopt without such a question or answers.
    std::string delighted_column;
    std::optional<double> delighted_before, delighted_after;
};

/// The numbers of the executive summary.
struct ExecutiveSummary {
    std::size_t expectations = 0; ///< non-retired
    std::array<std::size_t, 4> kinds{};
    std::size_t touchpoints = 0;      ///< touchpoints of the project
    std::size_t touchpoints_used = 0; ///< touchpoints that hold at least one expectation
    int white_spaces = 0;
    std::array<int, 4> readings{};         ///< indexed by Reading
    std::optional<std::size_t> outside_in; ///< when a survey wave was read
    std::string outside_in_wave;
    std::optional<RevenueAtRisk> revenue; ///< when any account states a revenue
    /// Up to three actions per track (basics, delight), in plan order; empty without a plan.
    std::array<std::vector<const PlanAction*>, 2> top_actions;
    std::optional<PilotOutcome> pilot; ///< when two or more waves were compared
};

/// Everything a report shows. Results point into `project` (and the plan into `ranking`):
/// keep them together and do not copy; the struct is move-only.
struct Report {
    Report() = default;
    Report(Report&&) = default;
    Report& operator=(Report&&) = default;
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;

    const Project* project = nullptr;
    std::string title;                   ///< report.title, else the project's name
    std::vector<ReportSection> sections; ///< in document order
    std::string narrative;               ///< the narrative file's Markdown ("" when none)
    bool quotes = false;                 ///< --quotes: evidence quotes in the gap section
    BrainstormSummary catalogue;
    GapResult gap;
    std::optional<GapSurvey> survey_gap;   ///< the last wave measured (outside-in)
    std::optional<PriorityResult> ranking; ///< nullopt when the project cannot be ranked
    std::optional<PlanResult> plan;        ///< when plan settings with a start exist
    std::optional<PilotSelection> pilot;   ///< with the plan, when there are accounts
    std::optional<SurveyDiffResult> diff;  ///< when two or more waves were read
    ExecutiveSummary summary;
};

/// Revenue at risk; nullopt when no account states a revenue.
std::optional<RevenueAtRisk> revenue_at_risk(const std::vector<Account>& accounts);

/// The pilot result from survey-diff's result; nullopt with fewer than two waves.
std::optional<PilotOutcome> pilot_outcome(const SurveyDiffResult& diff);

/// Fills report.summary from the results already in the report.
void summarize_report(Report& report);

} // namespace delight
