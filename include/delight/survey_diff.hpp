#pragma once
// survey-diff (PRODUCT.md §4.5): what changed between survey waves, per question and per
// expectation, from the answer histograms of SurveyData — with verdicts that claim no more
// than the data show.
#include "delight/model.hpp"
#include "delight/stats.hpp"
#include "delight/survey_data.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace delight {

enum class Verdict { improved, declined, no_change, inconclusive, too_few };
/// "improved", "declined", "no change", "inconclusive", "too few answers".
const char* name(Verdict);
/// JSON keys of the roll-up: improved, declined, no_change, inconclusive, too_few.
const char* key(Verdict);

struct SurveyDiffOptions {
    stats::KanoTable kano_table = stats::KanoTable::classic;
    stats::KanoRule kano_rule = stats::KanoRule::mode;
    double fdr = 0.05;
    std::uint64_t min_n = 30;
    /// "No change" margin on the answer scale; default 0.1 × (max − min) of each question.
    std::optional<double> margin;
};

/// One question in one wave and cell.
struct WaveSummary {
    std::uint64_t n = 0, missing = 0, invalid = 0;
    std::optional<double> mean, top_box, top2;
    /// 95 % interval of the mean, mean ± t(0.975, n − 1)·s/√n (n ≥ 2). Drawn by the report's
    /// before/after chart; not part of survey-diff's own output.
    std::optional<stats::Interval> mean_ci;
};

/// First vs last wave in one cell.
struct Comparison {
    std::optional<double> delta_mean;
    std::optional<stats::Interval> delta_mean_ci;
    std::optional<double> delta_top_box;
    std::optional<stats::Interval> delta_top_box_ci;
    std::optional<double> delta_top2;
    std::optional<stats::Interval> delta_top2_ci;
    std::optional<double> p_mannwhitney, effect_rank_biserial, q_bh;
    std::uint64_t n_paired = 0;
    std::optional<double> p_wilcoxon;
};

struct CellStats {
    std::vector<WaveSummary> waves;
    Comparison comparison;
    Verdict verdict = Verdict::too_few;
};

/// Difference-in-differences, pilot vs control, first vs last wave.
struct DidStats {
    std::string level; ///< "account" or "respondent"
    std::optional<double> delta;
    std::optional<stats::Interval> ci;
    std::optional<double> p, q;
    std::array<std::size_t, 2> n_accounts{}; ///< pilot, control (account level)
    std::optional<double> mde;               ///< account level
    /// Account level: the mean change of the pilot's and of the control's accounts (δ is
    /// their difference); respondent level: the cells' changes in the mean.
    std::optional<double> pilot_change, control_change;
};

struct QuestionStats {
    std::size_t question = 0; ///< index in survey.questions
    std::string column;
    std::string expectation; ///< may be empty
    std::optional<Kind> kind;
    Measure measure = Measure::performance;
    Scale scale;
    CellStats all; ///< the whole sample
    std::optional<CellStats> pilot, control;
    std::optional<DidStats> did;
    Verdict verdict = Verdict::too_few;
    std::string basis; ///< what the verdict rests on: "sample", "pilot", "did-account"
    /// Three or more waves: consecutive changes of the mean, wave i−1 → i (index 0 empty).
    std::vector<std::optional<double>> trend_delta;
    std::vector<std::optional<double>> trend_p; ///< Mann–Whitney p, wave i−1 vs i
};

struct ExpectationVerdict {
    std::string id;
    std::optional<Kind> kind;
    Verdict verdict = Verdict::too_few;
};

struct NpsCell {
    std::vector<std::optional<stats::Nps>> waves;
    std::optional<stats::NpsChange> change; ///< first vs last
};

struct NpsStats {
    std::string column;
    NpsCell all;
    std::optional<NpsCell> pilot, control;
};

struct KanoStats {
    std::string expectation;
    std::string functional, dysfunctional;
    std::vector<stats::KanoResult> waves;
    /// First → last category; nullopt when either is undefined.
    std::optional<std::pair<stats::KanoCategory, stats::KanoCategory>> migration;
};

/// Everything for one slice of respondents (the whole sample, or one --by segment).
struct SurveySlice {
    std::string segment; ///< "" for the whole sample
    std::vector<QuestionStats> questions;
    std::vector<ExpectationVerdict> expectations;
    std::vector<NpsStats> nps;
    std::vector<KanoStats> kano;
    /// Per kind (indexed by Kind), expectation verdict counts (indexed by Verdict).
    std::array<std::array<int, 5>, 4> rollup{};
};

struct SurveyDiffResult {
    std::vector<std::string> waves;
    std::vector<std::uint64_t> rows; ///< data rows per wave (0 when read from counts)
    bool has_groups = false, has_accounts = false, has_pairs = false;
    SurveySlice all;
    std::string by;                    ///< the --by value, "" when none
    std::vector<SurveySlice> segments; ///< sorted by name
    SurveyDiffOptions options;
};

/// Computes every statistic of §4.5 from the counts. Accounts not in the project are left out
/// of the account-level DiD; accounts and segments are taken in name order, so the result does
/// not depend on how the counts were gathered.
SurveyDiffResult survey_diff(const Project& project, const SurveyData& data,
                             const SurveyDiffOptions& options, const std::string& by);

/// Whether any expectation (of the whole sample) declined: `--fail-on declined`.
bool any_declined(const SurveyDiffResult& result);

} // namespace delight
