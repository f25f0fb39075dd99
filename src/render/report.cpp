// `delight report` (PRODUCT.md §4.6): the executive summary's sentences, the sections (the
// commands' own blocks), the charts, and the Markdown and HTML documents.
#include "delight/render_report.hpp"

#include "delight/render_brainstorm.hpp"
#include "delight/render_gap.hpp"
#include "delight/render_plan.hpp"
#include "delight/render_priority.hpp"
#include "delight/render_survey.hpp"
#include "delight/render_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace delight::render {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// A whole amount with ',' between thousands, whatever the locale ("1,234,567").
std::string grouped(double value) {
    std::string digits = fixed(std::fabs(value), 0);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (value < 0 && digits != "0" ? "-" : "") + out;
}

std::string signed_fixed(double v, int decimals) {
    std::string s = fixed(v, decimals);
    return (s[0] != '-' && s != fixed(0, decimals) ? "+" : "") + s;
}

std::string percent(double share, int decimals) {
    return fixed(100 * share, decimals) + "%";
}

/// "a, b and c".
std::string listing(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ")) + items[i];
    return out;
}

std::string action_text(const PlanAction& a) {
    std::string when = a.wave ? fmt::format("wave {}", *a.wave + 1) : "later";
    return fmt::format("{} ({}{})", a.expectation->id, a.remediation ? "remediation, " : "", when);
}

std::string basis_phrase(const std::string& basis) {
    if (basis == "did-account") return "pilot vs control accounts, difference-in-differences";
    if (basis == "pilot") return "pilot respondents";
    return "all respondents";
}

std::string p_phrase(double p) {
    if (p < 1e-300) return "p < 1e-300";
    if (p < 0.001) return "p < 0.001";
    return "p = " + fixed(p, 3);
}

std::vector<std::string> pilot_sentences(const PilotOutcome& p) {
    std::vector<std::string> out;
    auto count = [&](Verdict v) { return static_cast<std::size_t>(p.verdicts[std::size_t(v)]); };
    std::string verdicts = fmt::format(
        "Pilot result, {} to {} ({}): {} improved, {} declined, {} inconclusive, {} no change",
        p.first_wave, p.last_wave, basis_phrase(p.basis),
        plural(count(Verdict::improved), "expectation", "expectations"), count(Verdict::declined),
        count(Verdict::inconclusive), count(Verdict::no_change));
    if (count(Verdict::too_few) > 0)
        verdicts += fmt::format(", {} with too few answers", count(Verdict::too_few));
    out.push_back(verdicts + ".");
    const char* who = p.cell == "pilot" ? " in the pilot group" : "";
    if (p.nps)
        out.push_back(fmt::format("NPS{} went from {} to {}: {} points (95% CI {} to {}, {}).", who,
                                  fixed(p.nps->before, 1), fixed(p.nps->after, 1),
                                  signed_fixed(p.nps->change.delta, 1), fixed(p.nps->ci.low, 1),
                                  fixed(p.nps->ci.high, 1), p_phrase(p.nps->change.p)));
    if (p.delighted_before && p.delighted_after)
        out.push_back(fmt::format("Delighted customers (top box of {}){}: {} before, {} after.",
                                  p.delighted_column, who, percent(*p.delighted_before, 0),
                                  percent(*p.delighted_after, 0)));
    return out;
}

// --- sections ----------------------------------------------------------------------------

/// One section of the document: its Markdown before the blocks (the summary's sentences or
/// the narrative), then blocks at heading level 3.
struct SectionDoc {
    ReportSection id = ReportSection::summary;
    std::string title;
    std::string intro; ///< Markdown, already safe
    std::vector<Block> blocks;
};

const char* section_title(ReportSection s) {
    switch (s) {
    case ReportSection::summary:
        return "Executive summary";
    case ReportSection::narrative:
        return "Narrative";
    case ReportSection::coverage:
        return "Coverage of the catalogue";
    case ReportSection::gap:
        return "Gap: fulfilled and white spaces";
    case ReportSection::ranking:
        return "Ranking of the white spaces";
    case ReportSection::plan:
        return "Action plan";
    case ReportSection::survey:
        return "Survey results";
    }
    return "";
}

std::string paragraphs(const std::vector<std::string>& sentences) {
    std::string out;
    for (const std::string& s : sentences)
        out += markdown_text(s) + "\n\n";
    return out;
}

Block quotes_block(const Project& project) {
    Block b{"Evidence quotes", {}, Table{}};
    b.table->columns = {
        {"expectation"}, {"source"}, {"account"}, {"date"}, {"quote", Align::left, true}};
    for (const Evidence& e : project.evidence) {
        const Expectation* x = find_expectation(project, e.expectation);
        if (!x || x->retired) continue;
        b.table->rows.push_back({e.expectation, name(e.source), e.account, e.date, e.quote});
    }
    b.lines.push_back(fmt::format("{} from interviews and other evidence (personal data: shown "
                                  "because the report was run with --quotes).",
                                  plural(b.table->rows.size(), "quote", "quotes")));
    return b;
}

std::vector<Block> ranking_blocks(const Report& r) {
    if (r.ranking) return priority_blocks(*r.ranking, PriorityView{});
    return {{"Ranking",
             {"The white spaces cannot be ranked yet: some lack what the ranking method needs "
              "(run `delight prioritize` to see which)."},
             std::nullopt}};
}

std::vector<Block> plan_section(const Report& r) {
    if (!r.plan)
        return {{"Plan",
                 {"No plan yet: delight.yaml has no plan.start (the first wave's date)."},
                 std::nullopt}};
    PlanView view{r.project, &*r.plan, r.pilot ? &*r.pilot : nullptr, {}};
    return plan_blocks(view);
}

std::vector<Block> survey_section(const Report& r) {
    if (r.diff) return survey_diff_blocks(*r.diff);
    std::string why = r.project->survey
                          ? "Fewer than two survey waves: there is nothing to compare yet."
                          : "No survey mapping in delight.yaml: there are no survey results.";
    return {{"Survey", {why}, std::nullopt}};
}

std::vector<SectionDoc> build_sections(const Report& r) {
    std::vector<SectionDoc> out;
    for (ReportSection s : r.sections) {
        SectionDoc d{s, section_title(s), {}, {}};
        switch (s) {
        case ReportSection::summary:
            d.intro = paragraphs(summary_sentences(r));
            break;
        case ReportSection::narrative:
            d.intro = r.narrative.empty()
                          ? paragraphs({"No narrative: set report.narrative in delight.yaml to a "
                                        "Markdown file."})
                          : safe_markdown(r.narrative, 3) + "\n";
            break;
        case ReportSection::coverage:
            d.blocks = brainstorm_blocks(r.catalogue);
            break;
        case ReportSection::gap:
            d.blocks = gap_blocks(r.gap, r.survey_gap ? &*r.survey_gap : nullptr);
            if (r.quotes) d.blocks.push_back(quotes_block(*r.project));
            break;
        case ReportSection::ranking:
            d.blocks = ranking_blocks(r);
            break;
        case ReportSection::plan:
            d.blocks = plan_section(r);
            break;
        case ReportSection::survey:
            d.blocks = survey_section(r);
            break;
        }
        out.push_back(std::move(d));
    }
    return out;
}

/// The section's Markdown after its heading, ending with exactly one newline.
std::string section_body(const SectionDoc& d) {
    std::string out = d.intro + blocks_markdown(d.blocks, 3);
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

/// Cuts the longest tables until the document fits `limit`; returns what was cut, as
/// "N of M rows of “title”". Each cut table gets a line saying so.
std::vector<std::string> fit(std::vector<SectionDoc>& docs, const std::string& head,
                             std::size_t limit, const std::function<std::string()>& render) {
    struct Cut {
        Block* block;
        std::size_t rows;
    };
    std::vector<Cut> cuts;
    auto note = [](std::size_t left, std::size_t all) {
        return fmt::format("{} of {} rows left out here: the Markdown report stays under 1 MiB "
                           "(GitHub's job-summary limit); the HTML report has them all.",
                           left, all);
    };
    for (std::string doc = render(); head.size() + doc.size() + 600 > limit; doc = render()) {
        Block* largest = nullptr;
        for (SectionDoc& d : docs)
            for (Block& b : d.blocks)
                if (b.table && b.table->rows.size() > 1 &&
                    (!largest || b.table->rows.size() > largest->table->rows.size()))
                    largest = &b;
        if (!largest) break;
        auto it = std::find_if(cuts.begin(), cuts.end(),
                               [&](const Cut& c) { return c.block == largest; });
        if (it == cuts.end()) {
            cuts.push_back({largest, largest->table->rows.size()});
            largest->lines.push_back("");
            it = cuts.end() - 1;
        }
        largest->table->rows.resize(largest->table->rows.size() / 2);
        largest->lines.back() = note(it->rows - largest->table->rows.size(), it->rows);
    }
    std::vector<std::string> out;
    for (const Cut& c : cuts)
        out.push_back(fmt::format("{} of {} rows of “{}”", c.rows - c.block->table->rows.size(),
                                  c.rows, c.block->title));
    return out;
}

// --- charts ------------------------------------------------------------------------------

std::string scale_text(const Scale& s) {
    return fixed(s.min, 0) + "–" + fixed(s.max, 0);
}

std::optional<ReportChart> coverage_chart(const Report& r) {
    const Coverage& c = r.catalogue.coverage;
    if (c.touchpoints.empty() || c.functions.empty()) return std::nullopt;
    svg::HeatMap h;
    h.title = "Coverage: expectations per touchpoint and function";
    h.row_label = "Touchpoint";
    h.column_label = "Function";
    h.rows = c.touchpoints;
    h.columns = c.functions;
    std::vector<std::string> empty;
    for (std::size_t t = 0; t < c.touchpoints.size(); ++t) {
        h.values.emplace_back();
        for (std::size_t f = 0; f < c.functions.size(); ++f) {
            h.values.back().push_back(static_cast<double>(c.counts[t][f]));
            if (c.counts[t][f] == 0) empty.push_back(c.touchpoints[t] + " × " + c.functions[f]);
        }
    }
    h.description = fmt::format(
        "Heat map of {} expectations over {} touchpoints (rows) and {} functions (columns); "
        "darker cells hold more expectations, the largest cell holds {}. {} empty: {}.",
        r.catalogue.expectations, c.touchpoints.size(), c.functions.size(), c.max_count,
        plural(empty.size(), "cell is", "cells are"), empty.empty() ? "none" : listing(empty));
    return ReportChart{"coverage", h.title, svg::heat_map(h)};
}

std::optional<ReportChart> ipa_chart(const Report& r) {
    const Scale& scale = r.project->scale;
    svg::ScatterChart c;
    c.title = "Importance–performance (IPA)";
    c.x_label = "Performance (" + scale_text(scale) + ")";
    c.y_label = "Importance (" + scale_text(scale) + ")";
    c.x_min = scale.min;
    c.x_max = scale.max;
    c.y_min = scale.min;
    c.y_max = scale.max;
    c.x_cross = r.gap.crosshair_performance;
    c.y_cross = r.gap.crosshair_importance;
    c.quadrants[0] = "Concentrate here";
    c.quadrants[1] = "Keep up the good work";
    c.quadrants[2] = "Low priority";
    c.quadrants[3] = "Possible overkill";
    c.groups = {"dissatisfier", "delight opportunity", "over-investment", "other"};
    c.ticks = static_cast<int>(std::lround(scale.max - scale.min));
    c.decimals = 0;
    std::vector<std::string> concentrate;
    for (const GapItem& item : r.gap.items) {
        const Expectation& e = *item.expectation;
        if (!e.importance || !e.performance) continue;
        c.points.push_back({e.id, *e.performance, *e.importance,
                            static_cast<int>(item.reading)}); // Reading order = groups order
        if (item.quadrant == Quadrant::concentrate_here) concentrate.push_back(e.id);
    }
    if (c.points.empty()) return std::nullopt;
    c.description = fmt::format(
        "{} expectations by the team's performance rating (x) and importance (y), crosshairs "
        "at performance {} and importance {}; colour and shape show the Kano reading. "
        "Concentrate here (important, performing below the crosshair): {}.",
        c.points.size(), fixed(c.x_cross, 2), fixed(c.y_cross, 2),
        concentrate.empty() ? "none" : listing(concentrate));
    return ReportChart{"ipa", c.title, svg::scatter_chart(c)};
}

std::optional<ReportChart> kano_chart(const Report& r) {
    if (!r.diff) return std::nullopt;
    const SurveyDiffResult& d = *r.diff;
    svg::ScatterChart c;
    c.title = "Kano: Better and Worse coefficients";
    c.x_label = "Worse (|coefficient|): dissatisfaction when absent";
    c.y_label = "Better: satisfaction when present";
    c.quadrants[0] = "Attractive";
    c.quadrants[1] = "One-dimensional";
    c.quadrants[2] = "Indifferent";
    c.quadrants[3] = "Must-be";
    c.decimals = 2;
    std::size_t first = 0, last = d.waves.size() - 1;
    bool both = d.waves.size() >= 2;
    if (both) c.groups = {d.waves[first], d.waves[last]};
    std::vector<std::string> said;
    for (const KanoStats& k : d.all.kano) {
        for (std::size_t w :
             both ? std::vector<std::size_t>{first, last} : std::vector<std::size_t>{last}) {
            const stats::KanoResult& res = k.waves[w];
            if (!res.better || !res.worse) continue;
            c.points.push_back({k.expectation, std::fabs(*res.worse), *res.better,
                                w == first && both ? 0 : (both ? 1 : 0)});
            if (w == last)
                said.push_back(
                    fmt::format("{} {} (Better {}, Worse {})", k.expectation,
                                res.category ? stats::name(*res.category) : "undetermined",
                                fixed(*res.better, 2), fixed(*res.worse, 2)));
        }
    }
    if (c.points.empty()) return std::nullopt;
    c.description = fmt::format(
        "Berger's Better (y) and |Worse| (x) coefficients of the Kano questions{}; crosshairs at "
        "0.5. In wave {}: {}.",
        both ? fmt::format(", waves {} and {}", d.waves[first], d.waves[last]) : "", d.waves[last],
        listing(said));
    return ReportChart{"kano", c.title, svg::scatter_chart(c)};
}

std::optional<ReportChart> before_after(const Report& r) {
    if (!r.diff || r.diff->waves.size() < 2) return std::nullopt;
    const SurveyDiffResult& d = *r.diff;
    svg::BeforeAfterChart c;
    bool pilot = d.has_groups;
    c.title = pilot ? "Before and after the pilot: mean answer of the pilot group"
                    : "Before and after: mean answer";
    c.before_name = d.waves.front();
    c.after_name = d.waves.back();
    c.decimals = 0;
    bool first = true;
    std::vector<std::string> said;
    for (const QuestionStats& q : d.all.questions) {
        if (q.expectation.empty() || q.measure != Measure::performance) continue;
        const CellStats& cell = pilot && q.pilot ? *q.pilot : q.all;
        const WaveSummary& a = cell.waves.front();
        const WaveSummary& b = cell.waves.back();
        svg::BeforeAfterRow row;
        row.label = q.expectation;
        row.before = a.mean;
        row.after = b.mean;
        if (a.mean_ci) row.before_low = a.mean_ci->low, row.before_high = a.mean_ci->high;
        if (b.mean_ci) row.after_low = b.mean_ci->low, row.after_high = b.mean_ci->high;
        row.note = name(q.verdict);
        c.min = first ? q.scale.min : std::min(c.min, static_cast<double>(q.scale.min));
        c.max = first ? q.scale.max : std::max(c.max, static_cast<double>(q.scale.max));
        first = false;
        said.push_back(fmt::format("{} {} → {} ({})", q.expectation,
                                   a.mean ? fixed(*a.mean, 2) : "–",
                                   b.mean ? fixed(*b.mean, 2) : "–", row.note));
        c.rows.push_back(std::move(row));
    }
    if (c.rows.empty()) return std::nullopt;
    c.ticks = static_cast<int>(std::lround(c.max - c.min));
    c.axis_label = "Mean answer (" + fixed(c.min, 0) + "–" + fixed(c.max, 0) + "), 95% CI";
    c.description = fmt::format("Mean performance answer per expectation, {} (hollow) and {} "
                                "(filled), with 95% confidence intervals; the verdict on the "
                                "right. {}.",
                                d.waves.front(), d.waves.back(), listing(said));
    return ReportChart{"before-after", c.title, svg::before_after_chart(c)};
}

/// The charts drawn in one section.
std::vector<ReportChart> charts_of(const Report& r, ReportSection s) {
    std::vector<ReportChart> out;
    auto add = [&](std::optional<ReportChart> c) {
        if (c) out.push_back(std::move(*c));
    };
    if (s == ReportSection::coverage) add(coverage_chart(r));
    if (s == ReportSection::gap) add(ipa_chart(r));
    if (s == ReportSection::survey) {
        add(kano_chart(r));
        add(before_after(r));
    }
    return out;
}

// --- HTML --------------------------------------------------------------------------------

/// Screen and print styles. Print: A4 margins, a page break before each section, tables and
/// figures kept whole where they fit, table headers repeated on each page.
constexpr const char* stylesheet = R"css(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       background: #fff; line-height: 1.5; margin: 0 auto; max-width: 72rem; padding: 2rem; }
header h1 { margin-bottom: .25rem; font-size: 2rem; }
header p { margin: 0; color: #444; }
nav ol { columns: 2; padding-left: 1.25rem; }
nav a, main a { color: #0b5cab; }
h2 { border-bottom: 2px solid #0072B2; padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { margin-top: 1.75rem; }
section.summary p { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef3f8; }
td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #f8f8f8; }
figure { margin: 1rem 0 2rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #444; }
code { font-size: .9em; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string html_text(std::string_view text) {
    return svg::xml_escape(text);
}

/// cmark's tables, wrapped so that wide ones scroll on screen instead of widening the page.
std::string wrap_tables(const std::string& html) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t open; (open = html.find("<table>", pos)) != std::string::npos;) {
        std::size_t close = html.find("</table>", open);
        if (close == std::string::npos) break;
        close += 8;
        out += html.substr(pos, open - pos) + "<div class=\"table-wrap\">" +
               html.substr(open, close - open) + "</div>";
        pos = close;
    }
    return out + html.substr(pos);
}

} // namespace

std::vector<std::string> summary_sentences(const Report& report) {
    const ExecutiveSummary& s = report.summary;
    std::vector<std::string> out;
    auto kind = [&](Kind k) { return s.kinds[static_cast<std::size_t>(k)]; };
    std::string where =
        s.touchpoints_used == s.touchpoints
            ? plural(s.touchpoints, "touchpoint", "touchpoints")
            : fmt::format("{} of {} touchpoints", s.touchpoints_used, s.touchpoints);
    out.push_back(fmt::format("The catalogue holds {} across {}: {} stated, {} implied, {} latent "
                              "and {} future.",
                              plural(s.expectations, "expectation", "expectations"), where,
                              kind(Kind::stated), kind(Kind::implied), kind(Kind::latent),
                              kind(Kind::future)));
    auto reading = [&](Reading r) {
        return static_cast<std::size_t>(s.readings[static_cast<std::size_t>(r)]);
    };
    out.push_back(fmt::format(
        "{} of them {} white spaces, not delivered today. The gap analysis finds {} (must-be "
        "expectations missed or only partly met), {} (attractive ones not yet delivered) and {} "
        "(must-be expectations exceeded: effort that buys no more satisfaction).",
        s.white_spaces, s.white_spaces == 1 ? "is a" : "are",
        plural(reading(Reading::dissatisfier), "dissatisfier", "dissatisfiers"),
        plural(reading(Reading::delight_opportunity), "delight opportunity",
               "delight opportunities"),
        plural(reading(Reading::over_investment), "over-investment", "over-investments")));
    if (s.outside_in)
        out.push_back(fmt::format("Seen from the outside in (survey wave {}), customers rate {} "
                                  "below what the team believes it delivers.",
                                  s.outside_in_wave,
                                  plural(*s.outside_in, "expectation", "expectations")));
    if (s.revenue)
        out.push_back(fmt::format(
            "Dissatisfied accounts hold {} of revenue: {} of the {} brought "
            "in by the {} with a stated revenue ({} dissatisfied).",
            grouped(s.revenue->at_risk), percent(s.revenue->share(), 1), grouped(s.revenue->total),
            plural(s.revenue->accounts, "account", "accounts"), s.revenue->dissatisfied_accounts));
    if (report.plan) {
        const char* leads[2] = {"Top actions to fix the basics", "Top bets on delight"};
        const char* none[2] = {"No action to fix the basics is planned.",
                               "No bet on delight is planned."};
        for (std::size_t t = 0; t < 2; ++t) {
            std::vector<std::string> items;
            for (const PlanAction* a : s.top_actions[t])
                items.push_back(action_text(*a));
            out.push_back(items.empty() ? none[t]
                                        : fmt::format("{}: {}.", leads[t], listing(items)));
        }
    }
    if (s.pilot)
        for (std::string& line : pilot_sentences(*s.pilot))
            out.push_back(std::move(line));
    return out;
}

std::vector<ReportChart> report_charts(const Report& report) {
    std::vector<ReportChart> out;
    for (std::size_t i = 0; i < report_section_count; ++i)
        for (ReportChart& c : charts_of(report, static_cast<ReportSection>(i)))
            out.push_back(std::move(c));
    return out;
}

std::string report_markdown(const Report& report, std::size_t limit) {
    std::vector<SectionDoc> docs = build_sections(report);
    std::string head = "# " + markdown_text(report.title) + "\n\n";
    if (!report.project->client.empty())
        head += markdown_text("For " + report.project->client + ".") + "\n\n";
    auto render_sections = [&] {
        std::string out;
        for (const SectionDoc& d : docs)
            out += "\n## " + markdown_text(d.title) + "\n\n" + section_body(d);
        return out;
    };
    std::vector<std::string> cuts = fit(docs, head, limit, render_sections);
    if (!cuts.empty())
        head += markdown_text("Left out to stay under 1 MiB (GitHub's job-summary limit): " +
                              listing(cuts) + ". The HTML report (-O html) has everything.") +
                "\n\n";
    head += markdown_text("Charts: in the HTML report (-O html), or as SVG files with --charts "
                          "DIR.") +
            "\n";
    return head + render_sections();
}

std::string report_html(const Report& report, const std::string& generator) {
    std::vector<SectionDoc> docs = build_sections(report);
    const Project& p = *report.project;
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_text(p.language) + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"" + html_text(generator) + "\">\n";
    out += "<title>" + html_text(report.title) + "</title>\n<style>" + stylesheet +
           "</style>\n</head>\n<body>\n<header>\n<h1>" + html_text(report.title) + "</h1>\n";
    if (!p.client.empty()) out += "<p>For " + html_text(p.client) + ".</p>\n";
    if (!p.offering.empty()) out += "<p>" + html_text(p.offering) + "</p>\n";
    out += "</header>\n<nav aria-label=\"Contents\">\n<ol>\n";
    for (const SectionDoc& d : docs)
        out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", name(d.id), html_text(d.title));
    out += "</ol>\n</nav>\n<main>\n";
    for (const SectionDoc& d : docs) {
        out += fmt::format("<section id=\"{0}\" class=\"{0}\">\n<h2>{1}</h2>\n", name(d.id),
                           html_text(d.title));
        for (const ReportChart& c : charts_of(report, d.id))
            out += "<figure>\n" + c.svg + "<figcaption>" + html_text(c.caption) +
                   "</figcaption>\n</figure>\n";
        out += wrap_tables(markdown_html(section_body(d)));
        out += "</section>\n";
    }
    return out + "</main>\n</body>\n</html>\n";
}

} // namespace delight::render
