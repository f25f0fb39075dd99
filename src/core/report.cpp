// The numbers of the report's executive summary (PRODUCT.md §4.6).
#include "delight/report.hpp"

#include <cmath>

namespace delight {

namespace {

constexpr const char* section_names[report_section_count] = {
    "summary", "narrative", "coverage", "gap", "ranking", "plan", "survey"};

std::optional<NpsResult> nps_result(const NpsStats& s, const NpsCell& cell) {
    if (cell.waves.size() < 2 || !cell.change) return std::nullopt;
    const std::optional<stats::Nps>& a = cell.waves.front();
    const std::optional<stats::Nps>& b = cell.waves.back();
    if (!a || !b) return std::nullopt;
    NpsResult r;
    r.column = s.column;
    r.before = a->score;
    r.after = b->score;
    r.change = *cell.change;
    // §2: the variance of the change is V₁/n₁ + V₂/n₂ on fractions; ×100 for points.
    double se = std::sqrt(a->var / static_cast<double>(a->n) + b->var / static_cast<double>(b->n));
    double half = 1.96 * se * 100;
    r.ci = stats::Interval{r.change.delta - half, r.change.delta + half};
    return r;
}

} // namespace

const char* name(ReportSection s) {
    return section_names[static_cast<std::size_t>(s)];
}

std::optional<ReportSection> report_section(const std::string& text) {
    for (std::size_t i = 0; i < report_section_count; ++i)
        if (text == section_names[i]) return static_cast<ReportSection>(i);
    return std::nullopt;
}

std::optional<RevenueAtRisk> revenue_at_risk(const std::vector<Account>& accounts) {
    RevenueAtRisk r;
    for (const Account& a : accounts) {
        if (!a.revenue) continue;
        ++r.accounts;
        r.total += *a.revenue;
        if (resolved_satisfaction(a) == Satisfaction::dissatisfied) {
            ++r.dissatisfied_accounts;
            r.at_risk += *a.revenue;
        }
    }
    if (r.accounts == 0) return std::nullopt;
    return r;
}

std::optional<PilotOutcome> pilot_outcome(const SurveyDiffResult& diff) {
    if (diff.waves.size() < 2) return std::nullopt;
    PilotOutcome p;
    p.first_wave = diff.waves.front();
    p.last_wave = diff.waves.back();
    p.cell = diff.has_groups ? "pilot" : "all";
    p.basis = "sample";
    for (const QuestionStats& q : diff.all.questions)
        if (!q.expectation.empty() && q.measure == Measure::performance && !q.basis.empty()) {
            p.basis = q.basis;
            break;
        }
    for (const ExpectationVerdict& e : diff.all.expectations)
        ++p.verdicts[static_cast<std::size_t>(e.verdict)];
    for (const NpsStats& s : diff.all.nps) {
        const NpsCell& cell = diff.has_groups && s.pilot ? *s.pilot : s.all;
        if ((p.nps = nps_result(s, cell))) break;
    }
    for (const QuestionStats& q : diff.all.questions) {
        if (q.measure != Measure::satisfaction) continue;
        const CellStats& cell = diff.has_groups && q.pilot ? *q.pilot : q.all;
        if (cell.waves.size() < 2) continue;
        p.delighted_column = q.column;
        p.delighted_before = cell.waves.front().top_box;
        p.delighted_after = cell.waves.back().top_box;
        break;
    }
    return p;
}

void summarize_report(Report& report) {
    const Project& project = *report.project;
    ExecutiveSummary& s = report.summary;
    s = ExecutiveSummary{};
    s.expectations = report.catalogue.expectations;
    s.kinds = report.catalogue.kinds;
    s.touchpoints = project.touchpoints.size();
    for (std::size_t total : report.catalogue.coverage.touchpoint_totals)
        if (total > 0) ++s.touchpoints_used;
    for (const GapItem& item : report.gap.items)
        if (item.list == GapList::white_space) ++s.white_spaces;
    s.readings = report.gap.readings;
    if (report.survey_gap) {
        s.outside_in = report.survey_gap->outside_in.size();
        s.outside_in_wave = report.survey_gap->wave;
    }
    s.revenue = revenue_at_risk(project.accounts);
    if (report.plan)
        for (const PlanAction& a : report.plan->actions) {
            auto& top = s.top_actions[static_cast<std::size_t>(a.track)];
            if (top.size() < 3) top.push_back(&a);
        }
    if (report.diff) s.pilot = pilot_outcome(*report.diff);
}

} // namespace delight
