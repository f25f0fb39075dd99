// core/report and render/report (PRODUCT.md §4.6): the executive summary's numbers and
// sentences, escaping of hostile project text in Markdown and HTML, the narrative's safety
// rules, and the Markdown size limit.
#include "delight/render_report.hpp"
#include "delight/report.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace delight;

namespace {

const std::string script = "<script>alert(1)</script>";
const std::string js_link = "[click](javascript:alert(1))";

Expectation item(std::string id, Kind kind, Kano kano, Delivery delivery) {
    Expectation e;
    e.id = std::move(id);
    e.text = "Text of " + e.id;
    e.kind = kind;
    e.kano = kano;
    e.delivery = delivery;
    e.touchpoint = "billing";
    e.functions = {"finance"};
    e.importance = 4;
    e.performance = 2;
    return e;
}

Project small_project() {
    Project p;
    p.name = "Acme audit";
    p.touchpoints = {"billing", "support"};
    p.functions = {"finance", "service"};
    p.expectations = {item("invoice-accuracy", Kind::stated, Kano::must_be, Delivery::partial),
                      item("eta-text", Kind::latent, Kano::attractive, Delivery::missing),
                      item("night-desk", Kind::implied, Kano::must_be, Delivery::exceeding)};
    p.expectations[2].touchpoint = "support";
    p.expectations[2].functions = {"service"};
    return p;
}

/// A report of everything computable without files (no plan, no survey).
Report report_of(const Project& p) {
    Report r;
    r.project = &p;
    r.title = p.name;
    for (std::size_t i = 0; i < report_section_count; ++i)
        r.sections.push_back(static_cast<ReportSection>(i));
    r.catalogue = summarize_catalogue(p, {}, PromptLibrary{}, 3, 0.7);
    r.gap = analyse_gap(p, Crosshair::midpoint);
    PriorityResult ranking = prioritize(p, PriorityOptions{});
    if (ranking.missing.empty()) r.ranking = std::move(ranking);
    summarize_report(r);
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Whether Markdown holds `part` as markup: not preceded by a backslash (CommonMark shows a
/// backslash-escaped character as itself).
bool unescaped(const std::string& md, const std::string& part) {
    for (std::size_t at = md.find(part); at != std::string::npos; at = md.find(part, at + 1))
        if (at == 0 || md[at - 1] != '\\') return true;
    return false;
}

} // namespace

TEST_CASE("report: section names round-trip", "[report]") {
    for (std::size_t i = 0; i < report_section_count; ++i) {
        auto s = static_cast<ReportSection>(i);
        REQUIRE(report_section(name(s)) == s);
    }
    REQUIRE_FALSE(report_section("bogus"));
}

TEST_CASE("report: revenue at risk counts dissatisfied accounts, given or from NPS", "[report]") {
    std::vector<Account> accounts(4);
    accounts[0].satisfaction = Satisfaction::dissatisfied;
    accounts[0].revenue = 100;
    accounts[1].nps = 3; // detractor: dissatisfied (§3.3)
    accounts[1].revenue = 50;
    accounts[2].satisfaction = Satisfaction::satisfied;
    accounts[2].revenue = 250;
    accounts[3].satisfaction = Satisfaction::dissatisfied; // no revenue: not counted
    auto r = revenue_at_risk(accounts);
    REQUIRE(r);
    CHECK(r->at_risk == 150);
    CHECK(r->total == 400);
    CHECK(r->accounts == 3);
    CHECK(r->dissatisfied_accounts == 2);
    CHECK(r->share() == Approx(0.375));
    CHECK_FALSE(revenue_at_risk({Account{}}));
}

TEST_CASE("report: the pilot outcome takes the pilot cell and the NPS interval of §2", "[report]") {
    SurveyDiffResult d;
    d.waves = {"2027-01", "2027-04"};
    d.has_groups = true;
    d.all.expectations = {{"a", Kind::stated, Verdict::improved},
                          {"b", Kind::stated, Verdict::improved},
                          {"c", Kind::implied, Verdict::declined}};
    NpsStats nps;
    nps.column = "nps";
    stats::Nps before{100, 10, 5, 0.6}, after{120, 30, 4, 0.5};
    nps.all.waves = {before, before}; // the whole sample did not move
    nps.all.change = stats::NpsChange{0, 0, 1};
    nps.pilot = NpsCell{{before, after}, stats::NpsChange{20, 1.9, 0.05}};
    d.all.nps = {nps};
    QuestionStats sat;
    sat.column = "q_sat";
    sat.measure = Measure::satisfaction;
    sat.all.waves = {WaveSummary{}, WaveSummary{}};
    sat.pilot = CellStats{};
    sat.pilot->waves = {WaveSummary{}, WaveSummary{}};
    sat.pilot->waves[0].top_box = 0.2;
    sat.pilot->waves[1].top_box = 0.35;
    d.all.questions = {sat};

    auto p = pilot_outcome(d);
    REQUIRE(p);
    CHECK(p->cell == "pilot");
    CHECK(p->verdicts[static_cast<std::size_t>(Verdict::improved)] == 2);
    CHECK(p->verdicts[static_cast<std::size_t>(Verdict::declined)] == 1);
    REQUIRE(p->nps);
    CHECK(p->nps->before == 10);
    CHECK(p->nps->after == 30);
    double half = 1.96 * std::sqrt(0.6 / 100 + 0.5 / 120) * 100;
    CHECK(p->nps->ci.low == Approx(20 - half).epsilon(1e-12));
    CHECK(p->nps->ci.high == Approx(20 + half).epsilon(1e-12));
    CHECK(p->delighted_column == "q_sat");
    CHECK(*p->delighted_before == 0.2);
    CHECK(*p->delighted_after == 0.35);

    d.waves = {"only"};
    CHECK_FALSE(pilot_outcome(d));
}

TEST_CASE("report: executive summary sentences", "[report]") {
    Project p = small_project();
    Report r = report_of(p);
    std::vector<std::string> s = render::summary_sentences(r);
    REQUIRE(s.size() == 2); // no survey, no revenue, no plan
    CHECK(s[0] == "The catalogue holds 3 expectations across 2 touchpoints: 1 stated, 1 implied, "
                  "1 latent and 0 future.");
    CHECK(s[1] == "2 of them are white spaces, not delivered today. The gap analysis finds 1 "
                  "dissatisfier (must-be expectations missed or only partly met), 1 delight "
                  "opportunity (attractive ones not yet delivered) and 1 over-investment "
                  "(must-be expectations exceeded: effort that buys no more satisfaction).");
    p.accounts.resize(1);
    p.accounts[0].revenue = 1234567;
    p.accounts[0].satisfaction = Satisfaction::dissatisfied;
    summarize_report(r);
    s = render::summary_sentences(r);
    REQUIRE(s.size() == 3);
    CHECK(s[2] == "Dissatisfied accounts hold 1,234,567 of revenue: 100.0% of the 1,234,567 "
                  "brought in by the 1 account with a stated revenue (1 dissatisfied).");
}

TEST_CASE("report: hostile project text is escaped in Markdown and HTML", "[report]") {
    Project p = small_project();
    p.name = script + " " + js_link;
    p.client = script;
    Evidence quote;
    quote.expectation = "eta-text";
    quote.account = "ACC-1";
    quote.quote = "they said " + script + " and " + js_link;
    p.evidence = {quote};
    Report r = report_of(p);
    r.quotes = true;
    r.narrative = "# Story\n\n" + script + "\n\nInline <b onclick=\"x()\">bold</b> and " + js_link +
                  " and [ok](https://example.com) ![pic](http://example.com/x.png)\n";

    std::string md = render::report_markdown(r);
    CHECK_FALSE(unescaped(md, "<script"));
    CHECK_FALSE(unescaped(md, "](javascript:"));
    CHECK_FALSE(unescaped(md, "<b onclick"));
    CHECK(contains(md, "they said &lt;script&gt;")); // the quote, in a table cell
    CHECK(contains(md, "[ok](https://example.com)"));
    CHECK_FALSE(contains(md, "http://example.com/x.png")); // images: alt text only

    std::string html = render::report_html(r, "delight test");
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "href=\"javascript"));
    CHECK_FALSE(contains(html, "<b onclick"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(html, "<a href=\"https://example.com\">ok</a>"));
}

TEST_CASE("report: the narrative keeps its structure, safely", "[report]") {
    CHECK(render::safe_markdown("## A\n\n### B\n", 3) == "### A\n\n#### B\n");
    CHECK(render::safe_markdown("# A\n\n###### B\n", 3) == "### A\n\n###### B\n");
    CHECK(render::safe_markdown("[x](JavaScript:alert(1))", 3) == "x\n");
    CHECK(render::safe_markdown("[x](data:text/html,hi)", 3) == "x\n");
    CHECK(render::safe_markdown("[x](notes.md#top)", 3) == "[x](notes.md#top)\n");
    CHECK(render::safe_markdown("[x](mailto:a@b.c)", 3) == "[x](mailto:a@b.c)\n");
    std::string html = render::markdown_html(render::safe_markdown("<div>hi</div>\n", 3));
    CHECK(html == "<p>&lt;div&gt;hi&lt;/div&gt;</p>\n");
    CHECK(render::markdown_html("| a | b |\n|---|--:|\n| 1 | 2 |\n") ==
          "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
          "<tbody>\n<tr>\n<td>1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("report: Markdown stays under its size limit and says what it left out", "[report]") {
    Project p = small_project();
    std::uint64_t state = 42;
    auto word = [&] { // pseudo-random letters, so that no two texts are near-duplicates
        std::string w;
        for (int k = 0; k < 6; ++k) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            w += static_cast<char>('a' + (state >> 33) % 26);
        }
        return w;
    };
    for (int i = 0; i < 400; ++i) {
        p.expectations.push_back(
            item("extra-" + std::to_string(i), Kind::future, Kano::performance, Delivery::missing));
        p.expectations.back().text = word() + " " + word() + " " + word() + " " + word();
    }
    Report r = report_of(p);
    std::string whole = render::report_markdown(r);
    REQUIRE(whole.size() > 50000);
    CHECK_FALSE(contains(whole, "Left out"));
    for (std::size_t limit : {std::size_t{40000}, std::size_t{20000}}) {
        std::string cut = render::report_markdown(r, limit);
        CHECK(cut.size() <= limit);
        CHECK(contains(cut, "Left out to stay under 1 MiB"));
        CHECK(contains(cut, "rows left out here"));
        CHECK(contains(cut, "## Executive summary"));
    }
}

TEST_CASE("report: output is deterministic and HTML pages break between sections", "[report]") {
    Project p = small_project();
    Report r = report_of(p);
    std::string a = render::report_html(r, "delight test");
    CHECK(a == render::report_html(r, "delight test"));
    std::string md = render::report_markdown(r);
    CHECK(md == render::report_markdown(r));
    // The Markdown is GFM as GitHub reads it (cmark-gfm is GitHub's parser): its tables are
    // tables and it needs no raw HTML, which a job summary would drop.
    std::string as_html = render::markdown_html(md);
    CHECK(contains(as_html, "<table>"));
    CHECK_FALSE(contains(as_html, "raw HTML omitted"));
    CHECK_FALSE(contains(as_html, "| ---"));
    CHECK(contains(a, "section { break-before: page; }"));
    std::size_t sections = 0;
    for (std::size_t at = 0; (at = a.find("<section ", at)) != std::string::npos; ++at)
        ++sections;
    CHECK(sections == report_section_count);
    CHECK_FALSE(contains(a, "src="));        // nothing fetched: no images, scripts, frames
    CHECK_FALSE(contains(a, "href=\"http")); // nor stylesheets or fonts
    CHECK_FALSE(contains(a, "@import"));
    // Two charts have data here: the coverage heat map and the IPA quadrant.
    std::vector<render::ReportChart> charts = render::report_charts(r);
    REQUIRE(charts.size() == 2);
    CHECK(charts[0].name == "coverage");
    CHECK(charts[1].name == "ipa");
}
