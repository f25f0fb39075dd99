#pragma once
// The statistics of PRODUCT.md §2, computed from answer histograms (survey_data.hpp). Every
// function agrees with SciPy to 1e-9 relative (tests/reference/stats_reference.py writes the
// reference values; tests/unit/test_stats.cpp compares; SciPy 1.10's own t.ppf is only good to
// ~1e-9, so the script polishes it with Newton steps on t.cdf). A statistic that is undefined for
// the data (no answers, zero variance, no pairs) is std::nullopt, never NaN. p-values are
// two-sided and floored at 1e-300.
#include "delight/model.hpp"
#include "delight/survey_data.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace delight::stats {

constexpr double p_floor = 1e-300;

/// Two-sided p of a standard normal z: 2·sf(|z|), floored at p_floor.
double normal_p(double z);
/// Two-sided p of Student's t with df degrees of freedom, floored at p_floor.
double student_t_p(double t, double df);
/// Quantile of the standard normal (e.g. 0.975 → 1.959964…); p in (0, 1).
double normal_quantile(double p);
/// Quantile of Student's t with df degrees of freedom; p in (0, 1), df > 0.
double student_t_quantile(double p, double df);

struct Interval {
    double low = 0, high = 0;
};

/// n, mean, sample variance (ddof 1), top box (share at the scale's max), top-2-box (share at
/// max or max − 1) of one histogram. Answers are compared as ≥ max and ≥ max − 1 (the same for
/// the integer answers of a validated scale).
struct Summary {
    std::uint64_t n = 0;
    std::optional<double> mean;     ///< n ≥ 1
    std::optional<double> variance; ///< n ≥ 2
    std::optional<double> top_box;  ///< n ≥ 1
    std::optional<double> top2;     ///< n ≥ 1
};
Summary summarize(const Histogram& h, Scale scale);

/// Welch's t-test of later − earlier (Welch–Satterthwaite df) with a 95 % CI: equals
/// scipy.stats.ttest_ind(later, earlier, equal_var=False).
struct Welch {
    double delta = 0; ///< mean2 − mean1
    double se = 0;
    double df = 0;
    double t = 0;
    double p = 1;
    Interval ci;
};
/// nullopt when a side has n < 2 or both variances are zero.
std::optional<Welch> welch(std::uint64_t n1, double mean1, double var1, std::uint64_t n2,
                           double mean2, double var2, double confidence = 0.95);
std::optional<Welch> welch(const Histogram& earlier, const Histogram& later,
                           double confidence = 0.95);

/// Wald interval (95 %) for p2 − p1 where p = x/n; nullopt when a side has n = 0.
struct ShareChange {
    double delta = 0;
    Interval ci;
};
std::optional<ShareChange> wald_difference(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2,
                                           std::uint64_t n2, double confidence = 0.95);

/// Mann–Whitney U, earlier vs later, tie and continuity correction, normal approximation:
/// equals scipy.stats.mannwhitneyu(earlier, later, method="asymptotic"). u1 is SciPy's
/// statistic (the earlier sample's U); r = 1 − 2·u1/(n1·n2) (> 0 when later is higher).
/// nullopt when a side is empty; p is nullopt (undefined) when every answer is equal.
struct MannWhitney {
    double u1 = 0;
    /// SciPy's standardised statistic (U − n1n2/2 − ½)/σ with U = max(U1, U2), so z ≥ −½/σ
    /// and carries no direction (r does); p = min(1, 2·sf(z)). nullopt with p.
    std::optional<double> z;
    std::optional<double> p;
    double r = 0;
};
std::optional<MannWhitney> mann_whitney(const Histogram& earlier, const Histogram& later);

/// Wilcoxon signed-rank on paired differences (later − earlier), zero differences dropped,
/// tie correction, normal approximation, no continuity correction: equals
/// scipy.stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx").
/// statistic is SciPy's (min of the rank sums). All differences zero → p = 1, z = 0.
/// nullopt when there are no pairs at all.
struct Wilcoxon {
    std::uint64_t n_pairs = 0;   ///< all pairs, zeros included
    std::uint64_t n_nonzero = 0; ///< pairs used by the test
    double statistic = 0;
    double z = 0; ///< SciPy's zstatistic (statistic − n(n+1)/4)/σ, hence ≤ 0 (no direction)
    double p = 1;
};
std::optional<Wilcoxon> wilcoxon(const Histogram& differences);

/// Benjamini–Hochberg q-values (scipy.stats.false_discovery_control(p, method="bh")) over the
/// p-values that are present; absent ones (and NaN) stay absent and do not count in m.
std::vector<std::optional<double>> benjamini_hochberg(const std::vector<std::optional<double>>& p);

/// NPS (§2): promoters 9–10, passives 7–8, detractors 0–6 on a 0–10 histogram; score and
/// margin of error in points (×100), var on fractions. nullopt when n = 0.
struct Nps {
    std::uint64_t n = 0;
    double score = 0; ///< points, −100…100
    double moe = 0;   ///< points, 1.96·SE·100
    double var = 0;   ///< p_P + p_D − NPS² on fractions
};
std::optional<Nps> nps(const Histogram& h);
/// z-test of the change between independent waves: delta in points, z, p. nullopt when
/// either side is missing or both variances are zero.
struct NpsChange {
    double delta = 0;
    double z = 0;
    double p = 1;
};
std::optional<NpsChange> nps_change(const Nps& earlier, const Nps& later);

/// Kano evaluation (§2). Category letters in this order everywhere.
enum class KanoCategory { A, O, M, I, R, Q };
constexpr std::size_t kano_category_count = 6;
const char* letter(KanoCategory);
/// Catalogue name: A attractive, O performance, M must-be, I indifferent, R reverse,
/// Q questionable.
const char* name(KanoCategory);

enum class KanoTable { classic, pouliot };
enum class KanoRule { mode, aom_first };

/// The category of one answer pair under the table.
KanoCategory kano_category(KanoAnswer functional, KanoAnswer dysfunctional, KanoTable table);

/// The category is the most frequent of all six (rule mode) or, with aom_first, of M, O, A
/// when A+O+M > I+R+Q, else of I, R, Q; ties break M > O > A > I > R > Q. The runner-up is
/// always the most frequent of the other five categories (same tie order), whatever the
/// rule: under aom_first it can outnumber the chosen category (e.g. I = 35 % against
/// M = 30 % when A+O+M > I+R+Q), and then the strength is negative and the result mixed.
/// Shares are over n = A+O+M+I+R+Q.
struct KanoResult {
    std::array<std::uint64_t, kano_category_count> counts{}; ///< by KanoCategory
    std::uint64_t n = 0;                                     ///< valid pairs
    std::optional<KanoCategory> category;                    ///< nullopt when n = 0
    std::optional<KanoCategory> runner_up;                   ///< nullopt when n = 0
    /// share(category) − share(runner-up), in points (0–100; negative only under aom_first)
    std::optional<double> strength;
    bool mixed = false;            ///< strength < 6 points (false when n = 0)
    bool fong_significant = false; ///< Fong's test, chosen vs runner-up
    std::optional<double> better;  ///< Berger et al. 1993; nullopt when A+O+M+I = 0
    std::optional<double> worse;   ///< ≤ 0
};
KanoResult evaluate_kano(const KanoCounts& counts, KanoTable table, KanoRule rule);

/// Difference-in-differences δ = (later_P − earlier_P) − (later_C − earlier_C) at respondent
/// level: SE = √(Σ s²_g/n_g) over the four cells, 95 % CI ±1.96·SE, p from z = δ/SE.
/// nullopt when a cell has n < 2 or SE = 0.
struct Did {
    double delta = 0;
    double se = 0;
    Interval ci;
    double p = 1;
};
std::optional<Did> did_respondent(const Summary& pilot_earlier, const Summary& pilot_later,
                                  const Summary& control_earlier, const Summary& control_later);

/// Account-level DiD: δ = mean(pilot changes) − mean(control changes), Welch's t on the two
/// samples of per-account changes (each change = account mean later − account mean earlier),
/// 95 % CI from the t quantile, and the minimum detectable δ at 80 % power and α = 0.05:
/// mde = (t_{df,0.975} + t_{df,0.80})·SE. nullopt when a side has fewer than 2 accounts or
/// SE = 0.
struct AccountDid {
    double delta = 0;
    double se = 0;
    double df = 0;
    Interval ci;
    double p = 1;
    double mde = 0;
    std::size_t n_pilot = 0, n_control = 0;
};
std::optional<AccountDid> did_accounts(const std::vector<double>& pilot_changes,
                                       const std::vector<double>& control_changes);

/// Sample mean and variance (ddof 1) of plain values; variance nullopt when n < 2.
struct Moments {
    std::size_t n = 0;
    double mean = 0;
    std::optional<double> variance;
};
Moments moments(const std::vector<double>& values);

} // namespace delight::stats
