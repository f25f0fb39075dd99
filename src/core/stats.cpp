#include "delight/stats.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace delight::stats {
namespace {

// Core code must not throw: Boost reports bad arguments as NaN / ±inf, which the callers
// below turn into nullopt or a documented fallback.
using quiet_policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;
using normal_dist = boost::math::normal_distribution<double, quiet_policy>;
using students_t_dist = boost::math::students_t_distribution<double, quiet_policy>;

constexpr double sqrt_half = 0.70710678118654752440;

double floor_p(double p) {
    if (std::isnan(p)) return 1.0;
    return std::clamp(p, p_floor, 1.0);
}

double to_double(std::uint64_t n) {
    return static_cast<double>(n);
}

/// Mean and ddof-1 variance of a histogram, two passes (as numpy.var) so that a large
/// common offset does not cancel.
struct HistogramMoments {
    std::uint64_t n = 0;
    double mean = 0;
    double variance = 0; ///< only meaningful for n ≥ 2
};

HistogramMoments histogram_moments(const Histogram& h) {
    HistogramMoments m;
    double sum = 0;
    for (const auto& [value, count] : h.counts) {
        m.n += count;
        sum += value * to_double(count);
    }
    if (m.n == 0) return m;
    m.mean = sum / to_double(m.n);
    double squares = 0;
    for (const auto& [value, count] : h.counts)
        squares += (value - m.mean) * (value - m.mean) * to_double(count);
    if (m.n >= 2) m.variance = squares / to_double(m.n - 1);
    return m;
}

} // namespace

double normal_p(double z) {
    if (std::isnan(z)) return 1.0;
    // 2·sf(|z|) = erfc(|z|/√2), accurate far into the tail (no 1 − cdf cancellation).
    return floor_p(std::erfc(std::fabs(z) * sqrt_half));
}

double student_t_p(double t, double df) {
    if (std::isnan(t) || !(df > 0)) return 1.0;
    if (std::isinf(t)) return p_floor;
    const students_t_dist dist(df);
    return floor_p(2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
}

double normal_quantile(double p) {
    return boost::math::quantile(normal_dist(0.0, 1.0), p);
}

double student_t_quantile(double p, double df) {
    return boost::math::quantile(students_t_dist(df), p);
}

Summary summarize(const Histogram& h, Scale scale) {
    Summary s;
    const HistogramMoments m = histogram_moments(h);
    s.n = m.n;
    if (m.n == 0) return s;
    s.mean = m.mean;
    if (m.n >= 2) s.variance = m.variance;
    std::uint64_t top = 0, top2 = 0;
    for (const auto& [value, count] : h.counts) {
        if (value >= scale.max) top += count;
        if (value >= scale.max - 1) top2 += count;
    }
    s.top_box = to_double(top) / to_double(m.n);
    s.top2 = to_double(top2) / to_double(m.n);
    return s;
}

std::optional<Welch> welch(std::uint64_t n1, double mean1, double var1, std::uint64_t n2,
                           double mean2, double var2, double confidence) {
    if (n1 < 2 || n2 < 2) return std::nullopt;
    if (!(var1 >= 0) || !(var2 >= 0)) return std::nullopt;
    // Welch (1947), Satterthwaite (1946); the same arithmetic as SciPy's
    // _unequal_var_ttest_denom.
    const double vn1 = var1 / to_double(n1);
    const double vn2 = var2 / to_double(n2);
    Welch w;
    w.se = std::sqrt(vn1 + vn2);
    if (!(w.se > 0) || !std::isfinite(w.se)) return std::nullopt;
    w.delta = mean2 - mean1;
    w.df =
        (vn1 + vn2) * (vn1 + vn2) / (vn1 * vn1 / to_double(n1 - 1) + vn2 * vn2 / to_double(n2 - 1));
    if (!std::isfinite(w.df)) return std::nullopt; // squares of tiny variances underflowed
    w.t = w.delta / w.se;
    w.p = student_t_p(w.t, w.df);
    const double q = student_t_quantile(0.5 + confidence / 2, w.df);
    w.ci = {w.delta - q * w.se, w.delta + q * w.se};
    return w;
}

std::optional<Welch> welch(const Histogram& earlier, const Histogram& later, double confidence) {
    const HistogramMoments a = histogram_moments(earlier);
    const HistogramMoments b = histogram_moments(later);
    return welch(a.n, a.mean, a.variance, b.n, b.mean, b.variance, confidence);
}

std::optional<ShareChange> wald_difference(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2,
                                           std::uint64_t n2, double confidence) {
    if (n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2) return std::nullopt;
    const double p1 = to_double(x1) / to_double(n1);
    const double p2 = to_double(x2) / to_double(n2);
    const double se = std::sqrt(p1 * (1 - p1) / to_double(n1) + p2 * (1 - p2) / to_double(n2));
    const double z = normal_quantile(0.5 + confidence / 2);
    ShareChange c;
    c.delta = p2 - p1;
    c.ci = {c.delta - z * se, c.delta + z * se};
    return c;
}

std::optional<MannWhitney> mann_whitney(const Histogram& earlier, const Histogram& later) {
    const std::uint64_t n1 = earlier.n();
    const std::uint64_t n2 = later.n();
    if (n1 == 0 || n2 == 0) return std::nullopt;
    const double n = to_double(n1 + n2);

    // One walk over the merged distinct values. 2·U1 = Σ c1·(2·(later answers below) + c2):
    // each earlier answer scores 1 per later answer below it and ½ per tie (Mann & Whitney
    // 1947), which equals R1 − n1(n1+1)/2 with midranks. The tie term n³ − Σt³ is summed as
    // Σ t(n−t)(n+t): all terms ≥ 0, so no cancellation when one answer dominates.
    double twice_u1 = 0;
    double tie_free = 0; // n³ − Σ t³
    double later_below = 0;
    std::size_t distinct = 0;
    auto a = earlier.counts.begin();
    auto b = later.counts.begin();
    while (a != earlier.counts.end() || b != later.counts.end()) {
        double value = 0;
        if (b == later.counts.end() || (a != earlier.counts.end() && a->first < b->first))
            value = a->first;
        else
            value = b->first;
        double c1 = 0, c2 = 0;
        for (; a != earlier.counts.end() && a->first == value; ++a)
            c1 += to_double(a->second);
        for (; b != later.counts.end() && b->first == value; ++b)
            c2 += to_double(b->second);
        twice_u1 += c1 * (2 * later_below + c2);
        const double t = c1 + c2;
        tie_free += t * (n - t) * (n + t);
        later_below += c2;
        ++distinct;
    }

    MannWhitney r;
    const double n1n2 = to_double(n1) * to_double(n2);
    r.u1 = twice_u1 / 2;
    r.r = 1 - 2 * r.u1 / n1n2;
    if (distinct < 2) return r; // every answer equal: no variance, the test is undefined
    // SciPy: U = max(U1, U2), z = (U − n1n2/2 − ½)/σ, σ² = n1n2/12·((n+1) − Σ(t³−t)/(n(n−1))),
    // p = 2·sf(z) clipped to 1.
    const double u = std::max(r.u1, n1n2 - r.u1);
    const double sigma = std::sqrt(n1n2 / 12 * (tie_free / (n * (n - 1))));
    r.z = (u - n1n2 / 2 - 0.5) / sigma;
    r.p = floor_p(std::erfc(*r.z * sqrt_half));
    return r;
}

std::optional<Wilcoxon> wilcoxon(const Histogram& differences) {
    Wilcoxon w;
    w.n_pairs = differences.n();
    if (w.n_pairs == 0) return std::nullopt;

    // Walk the distinct |d| in ascending order: negatives from the zero outwards (leftwards),
    // positives likewise (rightwards). A tie group of t answers starting after `below` ranks
    // has the midrank below + (t+1)/2 (Wilcoxon 1945; midranks as scipy.stats.rankdata).
    const auto& counts = differences.counts;
    const auto zero = std::lower_bound(counts.begin(), counts.end(), 0.0,
                                       [](const auto& e, double v) { return e.first < v; });
    auto neg = std::make_reverse_iterator(zero); // walks towards −∞
    auto pos = zero;
    while (pos != counts.end() && pos->first == 0)
        ++pos;
    double below = 0, r_plus = 0, r_minus = 0;
    double variance4 = 0; // Σ midrank² = 4·Var(T) under H0, tie-corrected (no cancellation)
    while (neg != counts.rend() || pos != counts.end()) {
        double magnitude = 0;
        if (pos == counts.end() || (neg != counts.rend() && -neg->first < pos->first))
            magnitude = -neg->first;
        else
            magnitude = pos->first;
        double cm = 0, cp = 0;
        for (; neg != counts.rend() && -neg->first == magnitude; ++neg)
            cm += to_double(neg->second);
        for (; pos != counts.end() && pos->first == magnitude; ++pos)
            cp += to_double(pos->second);
        const double t = cm + cp;
        const double midrank = below + (t + 1) / 2;
        r_plus += cp * midrank;
        r_minus += cm * midrank;
        variance4 += t * midrank * midrank;
        below += t;
    }
    w.n_nonzero = static_cast<std::uint64_t>(below);
    if (w.n_nonzero == 0) return w; // all differences zero: no evidence of change, p = 1

    // SciPy (zero_method="wilcox", correction=False): T = min(r+, r−),
    // z = (T − n(n+1)/4)/σ with σ² = (n(n+1)(2n+1) − ½Σ(t³−t))/24 = Σ midrank²/4.
    const double m = below;
    w.statistic = std::min(r_plus, r_minus);
    w.z = (w.statistic - m * (m + 1) / 4) / std::sqrt(variance4 / 4);
    w.p = normal_p(w.z);
    return w;
}

std::vector<std::optional<double>> benjamini_hochberg(const std::vector<std::optional<double>>& p) {
    std::vector<std::optional<double>> q(p.size());
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] && !std::isnan(*p[i])) order.push_back(i);
    if (order.empty()) return q;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *p[a] < *p[b]; });
    // Benjamini & Hochberg (1995): q_(i) = min_{j ≥ i} p_(j)·m/j, capped at 1.
    const double m = to_double(order.size());
    double running = 1.0;
    for (std::size_t k = order.size(); k-- > 0;) {
        const double rank = to_double(k + 1);
        running = std::min(running, *p[order[k]] * (m / rank));
        q[order[k]] = running;
    }
    return q;
}

std::optional<Nps> nps(const Histogram& h) {
    std::uint64_t promoters = 0, detractors = 0;
    Nps r;
    for (const auto& [value, count] : h.counts) {
        r.n += count;
        if (value >= 9) promoters += count;
        if (value <= 6) detractors += count;
    }
    if (r.n == 0) return std::nullopt;
    const double pp = to_double(promoters) / to_double(r.n);
    const double pd = to_double(detractors) / to_double(r.n);
    const double score = pp - pd;
    r.var = std::max(0.0, pp + pd - score * score);
    r.score = score * 100;
    r.moe = 1.96 * std::sqrt(r.var / to_double(r.n)) * 100;
    return r;
}

std::optional<NpsChange> nps_change(const Nps& earlier, const Nps& later) {
    if (earlier.n == 0 || later.n == 0) return std::nullopt;
    const double se =
        std::sqrt(earlier.var / to_double(earlier.n) + later.var / to_double(later.n));
    if (!(se > 0)) return std::nullopt;
    NpsChange c;
    c.delta = later.score - earlier.score;
    c.z = (c.delta / 100) / se;
    c.p = normal_p(c.z);
    return c;
}

const char* letter(KanoCategory c) {
    switch (c) {
    case KanoCategory::A:
        return "A";
    case KanoCategory::O:
        return "O";
    case KanoCategory::M:
        return "M";
    case KanoCategory::I:
        return "I";
    case KanoCategory::R:
        return "R";
    case KanoCategory::Q:
        return "Q";
    }
    return "?";
}

const char* name(KanoCategory c) {
    switch (c) {
    case KanoCategory::A:
        return "attractive";
    case KanoCategory::O:
        return "performance";
    case KanoCategory::M:
        return "must-be";
    case KanoCategory::I:
        return "indifferent";
    case KanoCategory::R:
        return "reverse";
    case KanoCategory::Q:
        return "questionable";
    }
    return "?";
}

KanoCategory kano_category(KanoAnswer functional, KanoAnswer dysfunctional, KanoTable table) {
    using enum KanoCategory;
    // Kano et al. (1984) evaluation table; rows functional, columns dysfunctional, both in
    // the order like, expect, neutral, live-with, dislike (PRODUCT.md §2).
    static constexpr KanoCategory classic[5][5] = {
        {Q, A, A, A, O}, {R, I, I, I, M}, {R, I, I, I, M}, {R, I, I, I, M}, {R, R, R, R, Q}};
    const auto f = static_cast<std::size_t>(functional);
    const auto d = static_cast<std::size_t>(dysfunctional);
    if (f > 4 || d > 4) return Q;
    // Pouliot: the same answer to both questions is a contradiction, except neutral/neutral.
    if (table == KanoTable::pouliot && f == d) return functional == KanoAnswer::neutral ? I : Q;
    return classic[f][d];
}

namespace {

/// Tie order of PRODUCT.md §2: M > O > A > I > R > Q.
constexpr std::array<KanoCategory, kano_category_count> kano_tie_order = {
    KanoCategory::M, KanoCategory::O, KanoCategory::A,
    KanoCategory::I, KanoCategory::R, KanoCategory::Q};

std::uint64_t count_of(const KanoResult& r, KanoCategory c) {
    return r.counts[static_cast<std::size_t>(c)];
}

/// The most frequent of `allowed` (ties by kano_tie_order), skipping `excluded`.
KanoCategory most_frequent(const KanoResult& r, const std::vector<KanoCategory>& allowed,
                           std::optional<KanoCategory> excluded) {
    std::optional<KanoCategory> best;
    for (KanoCategory c : kano_tie_order) {
        if (c == excluded) continue;
        if (std::find(allowed.begin(), allowed.end(), c) == allowed.end()) continue;
        if (!best || count_of(r, c) > count_of(r, *best)) best = c;
    }
    return *best;
}

} // namespace

KanoResult evaluate_kano(const KanoCounts& counts, KanoTable table, KanoRule rule) {
    using enum KanoCategory;
    KanoResult r;
    for (std::size_t f = 0; f < 5; ++f)
        for (std::size_t d = 0; d < 5; ++d) {
            const KanoCategory c =
                kano_category(static_cast<KanoAnswer>(f), static_cast<KanoAnswer>(d), table);
            r.counts[static_cast<std::size_t>(c)] += counts.pairs[f][d];
            r.n += counts.pairs[f][d];
        }

    const std::uint64_t a = count_of(r, A), o = count_of(r, O), m = count_of(r, M),
                        i = count_of(r, I);
    if (a + o + m + i > 0) {
        const double base = to_double(a + o + m + i);
        r.better = to_double(a + o) / base;
        r.worse = o + m == 0 ? 0.0 : -to_double(o + m) / base; // no −0
    }
    if (r.n == 0) return r;

    const std::vector<KanoCategory> all(kano_tie_order.begin(), kano_tie_order.end());
    std::vector<KanoCategory> pool = all;
    if (rule == KanoRule::aom_first)
        pool = a + o + m > i + count_of(r, R) + count_of(r, Q) ? std::vector{M, O, A}
                                                               : std::vector{I, R, Q};
    r.category = most_frequent(r, pool, std::nullopt);
    // The runner-up is the most frequent of the other five, whatever the rule.
    r.runner_up = most_frequent(r, all, r.category);

    const double first = to_double(count_of(r, *r.category));
    const double second = to_double(count_of(r, *r.runner_up));
    const double n = to_double(r.n);
    r.strength = (first - second) / n * 100;
    // < 6 points, decided on the counts so that a share of exactly 6 points is never mixed
    // by rounding: 100·(a − b) < 6·n.
    r.mixed = 100 * (first - second) < 6 * n;
    // Fong (1996): the two most frequent categories differ when
    // |a − b| ≥ 1.65·√((a + b)(2n − a − b)/(2n)).
    r.fong_significant = std::fabs(first - second) >=
                         1.65 * std::sqrt((first + second) * (2 * n - first - second) / (2 * n));
    return r;
}

std::optional<Did> did_respondent(const Summary& pilot_earlier, const Summary& pilot_later,
                                  const Summary& control_earlier, const Summary& control_later) {
    double variance = 0;
    for (const Summary* s : {&pilot_earlier, &pilot_later, &control_earlier, &control_later}) {
        if (s->n < 2 || !s->mean || !s->variance) return std::nullopt;
        variance += *s->variance / to_double(s->n);
    }
    Did d;
    d.se = std::sqrt(variance);
    if (!(d.se > 0) || !std::isfinite(d.se)) return std::nullopt;
    d.delta =
        (*pilot_later.mean - *pilot_earlier.mean) - (*control_later.mean - *control_earlier.mean);
    d.ci = {d.delta - 1.96 * d.se, d.delta + 1.96 * d.se};
    d.p = normal_p(d.delta / d.se);
    return d;
}

std::optional<AccountDid> did_accounts(const std::vector<double>& pilot_changes,
                                       const std::vector<double>& control_changes) {
    const Moments pilot = moments(pilot_changes);
    const Moments control = moments(control_changes);
    if (!pilot.variance || !control.variance) return std::nullopt;
    const std::optional<Welch> w = welch(control.n, control.mean, *control.variance, pilot.n,
                                         pilot.mean, *pilot.variance, 0.95);
    if (!w) return std::nullopt;
    AccountDid d;
    d.delta = w->delta;
    d.se = w->se;
    d.df = w->df;
    d.ci = w->ci;
    d.p = w->p;
    // Power of a two-sided test at α = 0.05 and 1 − β = 0.80 (e.g. Bloom 1995).
    d.mde = (student_t_quantile(0.975, w->df) + student_t_quantile(0.80, w->df)) * w->se;
    d.n_pilot = pilot.n;
    d.n_control = control.n;
    return d;
}

Moments moments(const std::vector<double>& values) {
    Moments m;
    m.n = values.size();
    if (m.n == 0) return m;
    m.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(m.n);
    if (m.n < 2) return m;
    double squares = 0;
    for (double v : values)
        squares += (v - m.mean) * (v - m.mean);
    m.variance = squares / static_cast<double>(m.n - 1);
    return m;
}

} // namespace delight::stats
