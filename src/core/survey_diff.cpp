#include "delight/survey_diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace delight {

const char* name(Verdict v) {
    switch (v) {
    case Verdict::improved:
        return "improved";
    case Verdict::declined:
        return "declined";
    case Verdict::no_change:
        return "no change";
    case Verdict::inconclusive:
        return "inconclusive";
    case Verdict::too_few:
        return "too few answers";
    }
    return "inconclusive";
}

const char* key(Verdict v) {
    switch (v) {
    case Verdict::improved:
        return "improved";
    case Verdict::declined:
        return "declined";
    case Verdict::no_change:
        return "no_change";
    case Verdict::inconclusive:
        return "inconclusive";
    case Verdict::too_few:
        return "too_few";
    }
    return "inconclusive";
}

namespace {

/// Which respondents a cell holds: a group (or all) within a segment (or all).
struct CellFilter {
    std::optional<GroupRole> group;
    std::optional<std::size_t> segment;

    bool holds(GroupRole g, std::size_t s) const {
        return (!group || *group == g) && (!segment || *segment == s);
    }
};

class Computer {
  public:
    Computer(const Project& project, const SurveyData& data, const SurveyDiffOptions& options)
        : m_project(project), m_survey(*project.survey), m_data(data), m_options(options) {}

    SurveySlice slice(std::optional<std::size_t> segment, const std::string& label,
                      bool account_level);

  private:
    Histogram answers(std::size_t wave, const CellFilter& f, std::size_t question) const;
    Histogram differences(const CellFilter& f, std::size_t question) const;
    KanoCounts kano(std::size_t wave, const CellFilter& f, std::size_t question) const;
    CellStats cell(const CellFilter& f, std::size_t question, Scale scale) const;
    std::optional<DidStats> did(std::optional<std::size_t> segment, std::size_t question,
                                const QuestionStats& q, bool account_level) const;
    std::optional<DidStats> did_accounts(std::size_t question) const;
    Verdict verdict(const CellStats& c, Scale scale) const;
    Verdict did_verdict(const QuestionStats& q) const;
    void apply_bh(std::vector<QuestionStats>& qs, std::optional<CellStats> QuestionStats::*member);
    double margin(Scale scale) const {
        return m_options.margin.value_or(0.1 * static_cast<double>(scale.max - scale.min));
    }
    std::size_t first() const { return 0; }
    std::size_t last() const { return m_data.waves.size() - 1; }

    const Project& m_project;
    const SurveyMapping& m_survey;
    const SurveyData& m_data;
    const SurveyDiffOptions& m_options;
};

/// With a segment, a filter holds at most one cell per group: they are looked up (key(g) is
/// the cell of group g), so that slicing by a column with thousands of values stays linear.
template <class Key, class Counts, class MakeKey>
void merge_segment(const std::map<Key, Counts>& map, const CellFilter& f, MakeKey key,
                   Counts& out) {
    for (GroupRole g : {GroupRole::pilot, GroupRole::control, GroupRole::other}) {
        if (f.group && *f.group != g) continue;
        auto it = map.find(key(g));
        if (it != map.end()) out.merge(it->second);
    }
}

/// The sum of a map's counts (histograms or Kano counts) over the cells a filter holds, for
/// one wave and question. With a segment the cells are looked up (at most one per group), so
/// that slicing by a column with thousands of values stays linear; otherwise only the wave's
/// part of the map is scanned. Counts are integers: the order of merging changes nothing.
template <class Counts>
Counts merged(const std::map<SurveyData::CellKey, Counts>& map, std::size_t wave,
              const CellFilter& f, std::size_t question) {
    Counts c;
    if (f.segment) {
        merge_segment(
            map, f,
            [&](GroupRole g) {
                return SurveyData::CellKey{wave, g, *f.segment, question};
            },
            c);
        return c;
    }
    auto from = map.lower_bound({wave, GroupRole::pilot, 0, 0});
    auto to = map.lower_bound({wave + 1, GroupRole::pilot, 0, 0});
    for (auto it = from; it != to; ++it)
        if (std::get<3>(it->first) == question &&
            f.holds(std::get<1>(it->first), std::get<2>(it->first)))
            c.merge(it->second);
    return c;
}

Histogram Computer::answers(std::size_t wave, const CellFilter& f, std::size_t question) const {
    return merged(m_data.answers, wave, f, question);
}

Histogram Computer::differences(const CellFilter& f, std::size_t question) const {
    Histogram h;
    if (f.segment) {
        merge_segment(
            m_data.differences, f,
            [&](GroupRole g) {
                return SurveyData::PairKey{g, *f.segment, question};
            },
            h);
        return h;
    }
    for (const auto& [k, hist] : m_data.differences)
        if (std::get<2>(k) == question && f.holds(std::get<0>(k), std::get<1>(k))) h.merge(hist);
    return h;
}

KanoCounts Computer::kano(std::size_t wave, const CellFilter& f, std::size_t question) const {
    return merged(m_data.kano, wave, f, question);
}

/// Answers at the top of the scale (top box) or in the top two levels (top-2-box).
std::uint64_t count_at_least(const Histogram& h, double threshold) {
    std::uint64_t n = 0;
    for (const auto& [v, c] : h.counts)
        if (v >= threshold) n += c;
    return n;
}

WaveSummary summarize_wave(const Histogram& h, Scale scale) {
    stats::Summary s = stats::summarize(h, scale);
    WaveSummary w{s.n, h.missing, h.invalid, s.mean, s.top_box, s.top2, std::nullopt};
    if (s.n >= 2 && s.mean && s.variance) {
        auto n = static_cast<double>(s.n);
        double half = stats::student_t_quantile(0.975, n - 1) * std::sqrt(*s.variance / n);
        w.mean_ci = stats::Interval{*s.mean - half, *s.mean + half};
    }
    return w;
}

CellStats Computer::cell(const CellFilter& f, std::size_t question, Scale scale) const {
    CellStats c;
    std::vector<Histogram> hs;
    for (std::size_t w = 0; w < m_data.waves.size(); ++w) {
        hs.push_back(answers(w, f, question));
        c.waves.push_back(summarize_wave(hs.back(), scale));
    }
    if (m_data.waves.size() < 2) return c;
    const Histogram& a = hs[first()];
    const Histogram& b = hs[last()];
    Comparison& cmp = c.comparison;
    if (auto w = stats::welch(a, b)) {
        cmp.delta_mean = w->delta;
        cmp.delta_mean_ci = w->ci;
    } else if (a.n() > 0 && b.n() > 0) {
        // Welch's t is undefined (a side with one answer, or no spread at all); the change in
        // the mean is still known, its interval is not — unless neither wave varies, when
        // the interval is the point itself.
        cmp.delta_mean = *c.waves[last()].mean - *c.waves[first()].mean;
        stats::Summary sa = stats::summarize(a, scale), sb = stats::summarize(b, scale);
        if (sa.variance && sb.variance && *sa.variance == 0 && *sb.variance == 0)
            cmp.delta_mean_ci = stats::Interval{*cmp.delta_mean, *cmp.delta_mean};
    }
    auto top = static_cast<double>(scale.max);
    if (auto d =
            stats::wald_difference(count_at_least(a, top), a.n(), count_at_least(b, top), b.n())) {
        cmp.delta_top_box = d->delta;
        cmp.delta_top_box_ci = d->ci;
    }
    if (auto d = stats::wald_difference(count_at_least(a, top - 1), a.n(),
                                        count_at_least(b, top - 1), b.n())) {
        cmp.delta_top2 = d->delta;
        cmp.delta_top2_ci = d->ci;
    }
    if (auto mw = stats::mann_whitney(a, b)) {
        cmp.p_mannwhitney = mw->p;
        cmp.effect_rank_biserial = mw->r;
    }
    if (m_data.has_pairs) {
        Histogram d = differences(f, question);
        cmp.n_paired = d.n();
        if (auto wx = stats::wilcoxon(d)) cmp.p_wilcoxon = wx->p;
    }
    return c;
}

Verdict Computer::verdict(const CellStats& c, Scale scale) const {
    if (c.waves.size() < 2) return Verdict::too_few;
    std::uint64_t n = std::min(c.waves.front().n, c.waves.back().n);
    if (n < m_options.min_n) return Verdict::too_few;
    const Comparison& cmp = c.comparison;
    if (cmp.q_bh && *cmp.q_bh <= m_options.fdr && cmp.effect_rank_biserial &&
        *cmp.effect_rank_biserial != 0)
        return *cmp.effect_rank_biserial > 0 ? Verdict::improved : Verdict::declined;
    double m = margin(scale);
    if (cmp.delta_mean_ci && cmp.delta_mean_ci->low >= -m && cmp.delta_mean_ci->high <= m)
        return Verdict::no_change;
    return Verdict::inconclusive;
}

Verdict Computer::did_verdict(const QuestionStats& q) const {
    const DidStats& d = *q.did;
    std::uint64_t n = std::min({q.pilot->waves.front().n, q.pilot->waves.back().n,
                                q.control->waves.front().n, q.control->waves.back().n});
    if (n < m_options.min_n || !d.delta) return Verdict::too_few;
    if (d.q && *d.q <= m_options.fdr && *d.delta != 0)
        return *d.delta > 0 ? Verdict::improved : Verdict::declined;
    double m = margin(q.scale);
    if (d.ci && d.ci->low >= -m && d.ci->high <= m) return Verdict::no_change;
    return Verdict::inconclusive;
}

std::optional<double> mean_of(const Histogram& h) {
    if (h.n() == 0) return std::nullopt;
    double sum = 0;
    for (const auto& [v, c] : h.counts)
        sum += v * static_cast<double>(c);
    return sum / static_cast<double>(h.n());
}

std::optional<DidStats> Computer::did_accounts(std::size_t question) const {
    // Per account and wave, the mean answer (Histogram sums are exact integer additions, so
    // the order the counts arrived in does not matter); accounts in name order.
    std::set<std::string> known;
    for (const Account& a : m_project.accounts)
        known.insert(a.id);
    std::map<std::pair<GroupRole, std::string>, std::array<Histogram, 2>> per_account;
    for (const auto& [k, h] : m_data.account_answers) {
        auto [wave, role, account, q] = k;
        if (q != question || (wave != first() && wave != last()) || role == GroupRole::other)
            continue;
        if (account >= m_data.accounts.size() || !known.count(m_data.accounts[account])) continue;
        per_account[{role, m_data.accounts[account]}][wave == first() ? 0 : 1].merge(h);
    }
    std::vector<double> pilot, control;
    for (const auto& [k, hs] : per_account) {
        std::optional<double> before = mean_of(hs[0]), after = mean_of(hs[1]);
        if (!before || !after) continue;
        (k.first == GroupRole::pilot ? pilot : control).push_back(*after - *before);
    }
    DidStats d;
    d.level = "account";
    d.n_accounts = {pilot.size(), control.size()};
    if (!pilot.empty()) d.pilot_change = stats::moments(pilot).mean;
    if (!control.empty()) d.control_change = stats::moments(control).mean;
    if (auto r = stats::did_accounts(pilot, control)) {
        d.delta = r->delta;
        d.ci = r->ci;
        d.p = r->p;
        d.mde = r->mde;
    }
    return d;
}

std::optional<DidStats> Computer::did(std::optional<std::size_t> segment, std::size_t question,
                                      const QuestionStats& q, bool account_level) const {
    if (!q.pilot || !q.control || m_data.waves.size() < 2) return std::nullopt;
    if (account_level) return did_accounts(question);
    auto summary = [&](GroupRole g, std::size_t wave) {
        return stats::summarize(answers(wave, CellFilter{g, segment}, question), q.scale);
    };
    DidStats d;
    d.level = "respondent";
    d.pilot_change = q.pilot->comparison.delta_mean;
    d.control_change = q.control->comparison.delta_mean;
    if (auto r = stats::did_respondent(
            summary(GroupRole::pilot, first()), summary(GroupRole::pilot, last()),
            summary(GroupRole::control, first()), summary(GroupRole::control, last()))) {
        d.delta = r->delta;
        d.ci = r->ci;
        d.p = r->p;
    }
    return d;
}

void set_q(std::vector<CellStats*> cells) {
    std::vector<std::optional<double>> p;
    for (CellStats* c : cells)
        p.push_back(c->comparison.p_mannwhitney);
    std::vector<std::optional<double>> q = stats::benjamini_hochberg(p);
    for (std::size_t i = 0; i < cells.size(); ++i)
        cells[i]->comparison.q_bh = q[i];
}

Verdict combine(const std::vector<Verdict>& vs) {
    auto has = [&](Verdict v) { return std::find(vs.begin(), vs.end(), v) != vs.end(); };
    if (has(Verdict::declined)) return Verdict::declined;
    if (has(Verdict::improved)) return Verdict::improved;
    if (std::all_of(vs.begin(), vs.end(), [](Verdict v) { return v == Verdict::no_change; }))
        return Verdict::no_change;
    if (has(Verdict::inconclusive)) return Verdict::inconclusive;
    return Verdict::too_few;
}

/// Measures that say how well we do (their verdicts decide an expectation's); importance,
/// adequate and desired describe the customer, and a change in them is no improvement.
bool judges_delivery(Measure m) {
    return m == Measure::performance || m == Measure::satisfaction;
}

SurveySlice Computer::slice(std::optional<std::size_t> segment, const std::string& label,
                            bool account_level) {
    SurveySlice s;
    s.segment = label;
    bool groups = m_data.has_groups;
    for (std::size_t i = 0; i < m_survey.questions.size(); ++i) {
        const SurveyQuestion& sq = m_survey.questions[i];
        if (sq.type != SurveyQuestion::Type::likert) continue;
        QuestionStats q;
        q.question = i;
        q.column = sq.column;
        q.expectation = sq.expectation;
        if (const Expectation* e = find_expectation(m_project, sq.expectation)) q.kind = e->kind;
        q.measure = sq.measure;
        q.scale = sq.scale.value_or(m_project.scale);
        q.all = cell(CellFilter{std::nullopt, segment}, i, q.scale);
        if (groups) {
            q.pilot = cell(CellFilter{GroupRole::pilot, segment}, i, q.scale);
            q.control = cell(CellFilter{GroupRole::control, segment}, i, q.scale);
        }
        std::size_t waves = m_data.waves.size();
        q.trend_delta.resize(waves);
        q.trend_p.resize(waves);
        if (waves >= 3)
            for (std::size_t w = 1; w < waves; ++w) {
                Histogram a = answers(w - 1, CellFilter{std::nullopt, segment}, i);
                Histogram b = answers(w, CellFilter{std::nullopt, segment}, i);
                std::optional<double> ma = mean_of(a), mb = mean_of(b);
                if (ma && mb) q.trend_delta[w] = *mb - *ma;
                if (auto mw = stats::mann_whitney(a, b)) q.trend_p[w] = mw->p;
            }
        s.questions.push_back(std::move(q));
    }
    // Benjamini–Hochberg within each comparison cell (§2).
    {
        std::vector<CellStats*> all, pilot, control;
        for (QuestionStats& q : s.questions) {
            all.push_back(&q.all);
            if (q.pilot) pilot.push_back(&*q.pilot);
            if (q.control) control.push_back(&*q.control);
        }
        set_q(all);
        set_q(pilot);
        set_q(control);
    }
    for (QuestionStats& q : s.questions)
        q.did = did(segment, q.question, q, account_level);
    {
        std::vector<std::optional<double>> p;
        for (QuestionStats& q : s.questions)
            p.push_back(q.did ? q.did->p : std::nullopt);
        std::vector<std::optional<double>> qv = stats::benjamini_hochberg(p);
        for (std::size_t i = 0; i < s.questions.size(); ++i)
            if (s.questions[i].did) s.questions[i].did->q = qv[i];
    }
    for (QuestionStats& q : s.questions) {
        q.all.verdict = verdict(q.all, q.scale);
        if (q.pilot) q.pilot->verdict = verdict(*q.pilot, q.scale);
        if (q.control) q.control->verdict = verdict(*q.control, q.scale);
        if (q.did && q.did->level == "account") {
            q.verdict = did_verdict(q);
            q.basis = "did-account";
        } else if (q.pilot) {
            q.verdict = q.pilot->verdict;
            q.basis = "pilot";
        } else {
            q.verdict = q.all.verdict;
            q.basis = "sample";
        }
    }
    // Per expectation, in catalogue order.
    for (const Expectation& e : m_project.expectations) {
        std::vector<Verdict> vs;
        for (const QuestionStats& q : s.questions)
            if (q.expectation == e.id && judges_delivery(q.measure)) vs.push_back(q.verdict);
        if (vs.empty()) continue;
        ExpectationVerdict ev{e.id, e.kind, combine(vs)};
        s.rollup[static_cast<std::size_t>(e.kind)][static_cast<std::size_t>(ev.verdict)]++;
        s.expectations.push_back(ev);
    }
    for (std::size_t i = 0; i < m_survey.questions.size(); ++i) {
        const SurveyQuestion& sq = m_survey.questions[i];
        if (sq.type == SurveyQuestion::Type::nps) {
            NpsStats n;
            n.column = sq.column;
            auto nps_cell = [&](std::optional<GroupRole> g) {
                NpsCell c;
                for (std::size_t w = 0; w < m_data.waves.size(); ++w)
                    c.waves.push_back(stats::nps(answers(w, CellFilter{g, segment}, i)));
                if (c.waves.size() >= 2 && c.waves.front() && c.waves.back())
                    c.change = stats::nps_change(*c.waves.front(), *c.waves.back());
                return c;
            };
            n.all = nps_cell(std::nullopt);
            if (groups) {
                n.pilot = nps_cell(GroupRole::pilot);
                n.control = nps_cell(GroupRole::control);
            }
            s.nps.push_back(std::move(n));
        } else if (sq.type == SurveyQuestion::Type::kano) {
            KanoStats k;
            k.expectation = sq.expectation;
            k.functional = sq.functional;
            k.dysfunctional = sq.dysfunctional;
            for (std::size_t w = 0; w < m_data.waves.size(); ++w)
                k.waves.push_back(
                    stats::evaluate_kano(kano(w, CellFilter{std::nullopt, segment}, i),
                                         m_options.kano_table, m_options.kano_rule));
            if (k.waves.size() >= 2 && k.waves.front().category && k.waves.back().category)
                k.migration = std::pair{*k.waves.front().category, *k.waves.back().category};
            s.kano.push_back(std::move(k));
        }
    }
    return s;
}

} // namespace

SurveyDiffResult survey_diff(const Project& project, const SurveyData& data,
                             const SurveyDiffOptions& options, const std::string& by) {
    SurveyDiffResult r;
    r.waves = data.waves;
    r.rows = data.rows;
    r.has_groups = data.has_groups;
    r.has_accounts = data.has_accounts;
    r.has_pairs = data.has_pairs;
    r.options = options;
    r.by = by;
    if (!project.survey || data.waves.empty()) return r;
    Computer c(project, data, options);
    r.all = c.slice(std::nullopt, "", data.has_accounts);
    if (!by.empty()) {
        // Segments that hold answers, in name order (not the order they were met in).
        std::set<std::pair<std::string, std::size_t>> named;
        for (const auto& [k, h] : data.answers)
            if (h.n() + h.missing + h.invalid > 0 && std::get<2>(k) < data.segments.size())
                named.insert({data.segments[std::get<2>(k)], std::get<2>(k)});
        for (const auto& [label, index] : named)
            // Within a segment the DiD is at respondent level: account answers are not split
            // by segment.
            r.segments.push_back(c.slice(index, label, false));
    }
    return r;
}

bool any_declined(const SurveyDiffResult& result) {
    return std::any_of(result.all.expectations.begin(), result.all.expectations.end(),
                       [](const ExpectationVerdict& e) { return e.verdict == Verdict::declined; });
}

} // namespace delight
