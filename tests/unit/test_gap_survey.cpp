// core/gap_survey (`delight gap --survey`, PRODUCT.md §4.2): measured values per expectation
// from a wave's histograms, the adjusted project (measured values replace the team's; delivery
// by the zone of tolerance), the outside-in list and the Kano disagreements. Literal
// SurveyData and projects, hand-checked values.
#include "delight/gap.hpp"
#include "delight/gap_survey.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include <optional>
#include <string>
#include <vector>

using namespace delight;
using Catch::Detail::Approx;

namespace {

Expectation item(std::string id, Kano kano, std::optional<Delivery> delivery) {
    Expectation e;
    e.id = std::move(id);
    e.kano = kano;
    e.delivery = delivery;
    e.touchpoint = "billing";
    e.functions = {"finance"};
    return e;
}

SurveyQuestion likert(std::string column, std::string expectation, Measure measure,
                      std::optional<Scale> scale = std::nullopt) {
    SurveyQuestion q;
    q.column = std::move(column);
    q.expectation = std::move(expectation);
    q.measure = measure;
    q.scale = scale;
    return q;
}

SurveyQuestion kano_question(std::string expectation) {
    SurveyQuestion q;
    q.type = SurveyQuestion::Type::kano;
    q.functional = expectation + "_f";
    q.dysfunctional = expectation + "_d";
    q.expectation = std::move(expectation);
    return q;
}

Histogram hist(std::vector<std::pair<double, std::uint64_t>> counts) {
    Histogram h;
    for (const auto& [v, n] : counts)
        h.add(v, n);
    return h;
}

KanoCounts pairs(KanoAnswer f, KanoAnswer d, std::uint64_t n) {
    KanoCounts k;
    k.pairs[static_cast<std::size_t>(f)][static_cast<std::size_t>(d)] = n;
    return k;
}

/// Question indexes of the mapping below.
enum Q : std::size_t {
    a_perf,
    a_perf2,
    a_adequate,
    a_desired,
    b_importance,
    overall,
    nps,
    c_kano,
    d_kano,
    ghost,
    old_perf
};

/// a: must-be, the team says meeting; customers put it below their adequate level.
/// b: importance asked on a 1–9 scale. c: the team says performance, customers attractive.
/// d: Kano answers that are all questionable. old: retired.
Project survey_project() {
    Project p;
    p.scale = {1, 5};
    p.touchpoints = {"billing"};
    p.functions = {"finance"};
    p.expectations = {item("a", Kano::must_be, Delivery::meeting),
                      item("b", Kano::performance, Delivery::partial),
                      item("c", Kano::performance, Delivery::missing),
                      item("d", Kano::attractive, Delivery::missing),
                      item("old", Kano::must_be, Delivery::meeting)};
    p.expectations[1].importance = 2;
    p.expectations[4].retired = true;
    SurveyMapping m;
    SurveyQuestion n;
    n.type = SurveyQuestion::Type::nps;
    n.column = "nps";
    m.questions = {likert("qa", "a", Measure::performance),
                   likert("qa2", "a", Measure::performance),
                   likert("qa_adq", "a", Measure::adequate),
                   likert("qa_des", "a", Measure::desired),
                   likert("qb_imp", "b", Measure::importance, Scale{1, 9}),
                   likert("q_sat", "", Measure::satisfaction),
                   n,
                   kano_question("c"),
                   kano_question("d"),
                   likert("q_ghost", "ghost", Measure::performance),
                   likert("q_old", "old", Measure::performance)};
    p.survey = m;
    return p;
}

SurveyData survey_data() {
    SurveyData d;
    d.waves = {"2027-01", "2027-04"};
    d.segments = {"", "smb"};
    using G = GroupRole;
    // a's performance over two questions, two groups and two segments: 2, 2, 4, 3, 5.
    d.answers[{1, G::pilot, 0, a_perf}] = hist({{2, 2}, {4, 1}});
    d.answers[{1, G::other, 1, a_perf}] = hist({{3, 1}});
    d.answers[{1, G::control, 0, a_perf2}] = hist({{5, 1}});
    d.answers[{1, G::other, 0, a_adequate}] = hist({{3, 1}, {4, 1}});
    d.answers[{1, G::other, 0, a_desired}] = hist({{4, 1}, {5, 2}});
    // On 1–9: 9 → 5 and 5 → 3 on 1–5.
    d.answers[{1, G::other, 0, b_importance}] = hist({{9, 1}, {5, 1}});
    d.answers[{1, G::other, 0, overall}] = hist({{1, 10}});
    d.answers[{1, G::other, 0, nps}] = hist({{0, 10}});
    d.answers[{1, G::other, 0, ghost}] = hist({{1, 10}});
    d.answers[{1, G::other, 0, old_perf}] = hist({{1, 10}});
    // The other wave must not count.
    d.answers[{0, G::other, 0, a_perf}] = hist({{5, 50}});
    d.answers[{0, G::other, 0, a_adequate}] = hist({{1, 50}});
    // c: 5 + 1 attractive pairs (like / neutral, like / expect), 3 one-dimensional.
    d.kano[{1, G::pilot, 0, c_kano}] = pairs(KanoAnswer::like, KanoAnswer::neutral, 5);
    d.kano[{1, G::other, 1, c_kano}] = pairs(KanoAnswer::like, KanoAnswer::expect, 1);
    d.kano[{1, G::other, 0, c_kano}] = pairs(KanoAnswer::like, KanoAnswer::dislike, 3);
    d.kano[{0, G::other, 0, c_kano}] = pairs(KanoAnswer::like, KanoAnswer::dislike, 50);
    // d: like / like is questionable.
    d.kano[{1, G::other, 0, d_kano}] = pairs(KanoAnswer::like, KanoAnswer::like, 4);
    return d;
}

const MeasuredExpectation& measured_of(const std::vector<MeasuredExpectation>& all,
                                       const std::string& id) {
    for (const MeasuredExpectation& m : all)
        if (m.id == id) return m;
    FAIL("not measured: " << id);
    return all.front();
}

MeasuredExpectation performance_of(std::string id, double p, std::uint64_t n = 40) {
    MeasuredExpectation m;
    m.id = std::move(id);
    m.performance = p;
    m.n_performance = n;
    return m;
}

/// The value, or NaN (which no Approx matches) when absent, so a failure prints it.
double val(const std::optional<double>& v) {
    return v.value_or(std::nan(""));
}

} // namespace

TEST_CASE("gap-survey: measured values per expectation, whole sample of one wave", "[gap-survey]") {
    const Project p = survey_project();
    const std::vector<MeasuredExpectation> m = measure_expectations(p, survey_data(), 1);
    std::vector<std::string> ids;
    for (const MeasuredExpectation& e : m)
        ids.push_back(e.id);
    // Catalogue order; no unmapped id (ghost), no retired item, no satisfaction or NPS.
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "d"});

    const MeasuredExpectation& a = measured_of(m, "a");
    CHECK(val(a.performance) == Approx(16.0 / 5)); // both questions' answers together
    CHECK(a.n_performance == 5);
    CHECK(val(a.adequate) == Approx(3.5));
    CHECK(val(a.desired) == Approx(14.0 / 3));
    CHECK_FALSE(a.importance);
    CHECK_FALSE(a.kano);
    CHECK(a.n_kano_pairs == 0);

    const MeasuredExpectation& b = measured_of(m, "b");
    CHECK(val(b.importance) == Approx(4.0)); // (5 + 3) / 2 after rescaling 1–9 to 1–5
    CHECK_FALSE(b.performance);
    CHECK(b.n_performance == 0);

    const MeasuredExpectation& c = measured_of(m, "c");
    REQUIRE(c.kano);
    CHECK(*c.kano == Kano::attractive);
    CHECK(c.n_kano_pairs == 9);

    const MeasuredExpectation& d = measured_of(m, "d");
    CHECK_FALSE(d.kano); // Q is not a measurement
    CHECK(d.n_kano_pairs == 4);

    // The first wave: a's only answers are 5s and its adequate level 1.
    const std::vector<MeasuredExpectation> first = measure_expectations(p, survey_data(), 0);
    REQUIRE(first.size() == 2);
    CHECK(val(first[0].performance) == Approx(5.0));
    CHECK(val(first[0].adequate) == Approx(1.0));
    CHECK(*first[1].kano == Kano::performance);

    Project unmapped = p;
    unmapped.survey.reset();
    CHECK(measure_expectations(unmapped, survey_data(), 1).empty());
}

TEST_CASE("gap-survey: Kano letters map to catalogue categories", "[gap-survey]") {
    using C = stats::KanoCategory;
    CHECK(catalogue_kano(C::A) == Kano::attractive);
    CHECK(catalogue_kano(C::O) == Kano::performance);
    CHECK(catalogue_kano(C::M) == Kano::must_be);
    CHECK(catalogue_kano(C::I) == Kano::indifferent);
    CHECK(catalogue_kano(C::R) == Kano::reverse);
    CHECK_FALSE(catalogue_kano(C::Q));
}

TEST_CASE("gap-survey: the adjusted project and its gap analysis", "[gap-survey]") {
    const Project p = survey_project();
    const std::vector<MeasuredExpectation> m = measure_expectations(p, survey_data(), 1);
    const Project adjusted = apply_measurements(p, m);
    const Expectation& a = adjusted.expectations[0];
    CHECK(val(a.performance) == Approx(3.2));
    CHECK(val(a.adequate) == Approx(3.5));
    CHECK_FALSE(a.delivery); // the zone decides: 3.2 < 3.5 → missing
    CHECK(val(adjusted.expectations[1].importance) == Approx(4.0));
    CHECK(adjusted.expectations[1].delivery == Delivery::partial); // nothing to judge it by
    CHECK(adjusted.expectations[2].kano == Kano::attractive);
    CHECK(adjusted.expectations[3].kano == Kano::attractive); // Q: the team's stays
    CHECK_FALSE(adjusted.expectations[4].performance);        // retired: untouched
    // The original is left alone.
    CHECK(p.expectations[0].delivery == Delivery::meeting);
    CHECK_FALSE(p.expectations[0].performance);
    CHECK(p.expectations[2].kano == Kano::performance);

    const GapResult r = analyse_gap(adjusted, Crosshair::midpoint);
    REQUIRE(r.items.size() == 4);
    CHECK(r.items[0].delivery.status == Delivery::missing);
    CHECK(r.items[0].delivery.source == DeliverySource::zone);
    CHECK(r.items[0].reading == Reading::dissatisfier); // must-be and missing
    CHECK(val(r.items[0].gap) == Approx(3.2 - 14.0 / 3));
    CHECK(r.items[2].reading == Reading::delight_opportunity); // now attractive, missing
}

TEST_CASE("gap-survey: delivery by the zone only with measured performance", "[gap-survey]") {
    Project p = survey_project();
    p.expectations = {item("zone-from-catalogue", Kano::performance, Delivery::meeting),
                      item("no-zone", Kano::performance, Delivery::meeting),
                      item("no-performance", Kano::performance, Delivery::meeting)};
    p.expectations[0].adequate = 3;
    p.expectations[0].desired = 4;
    p.expectations[2].performance = 4.5;
    p.expectations[2].desired = 5;
    MeasuredExpectation adequate_only;
    adequate_only.id = "no-performance";
    adequate_only.adequate = 4.8;
    const Project adjusted = apply_measurements(p, {performance_of("zone-from-catalogue", 2.5),
                                                    performance_of("no-zone", 1.5), adequate_only});
    CHECK(resolve_delivery(adjusted.expectations[0]).status == Delivery::missing);
    CHECK(resolve_delivery(adjusted.expectations[0]).source == DeliverySource::zone);
    CHECK(adjusted.expectations[1].delivery == Delivery::meeting);
    CHECK(val(adjusted.expectations[1].performance) == Approx(1.5));
    // The team's delivery stays when performance was not measured.
    CHECK(adjusted.expectations[2].delivery == Delivery::meeting);
    CHECK(val(adjusted.expectations[2].adequate) == Approx(4.8));
    CHECK(val(adjusted.expectations[2].performance) == Approx(4.5));
}

TEST_CASE("gap-survey: the outside-in list", "[gap-survey]") {
    Project p;
    p.scale = {1, 5};
    p.expectations = {item("below-measured-adequate", Kano::must_be, Delivery::meeting),
                      item("below-catalogue-adequate", Kano::attractive, Delivery::exceeding),
                      item("bottom-two-must-be", Kano::must_be, Delivery::meeting),
                      item("on-the-boundary", Kano::performance, Delivery::meeting),
                      item("indifferent-low", Kano::indifferent, Delivery::meeting),
                      item("measured-performance-kano", Kano::unknown, Delivery::meeting),
                      item("measured-attractive", Kano::must_be, Delivery::meeting),
                      item("team-says-missing", Kano::must_be, Delivery::missing),
                      item("adequate-met", Kano::must_be, Delivery::meeting),
                      item("zone-meeting", Kano::performance, std::nullopt),
                      item("not-measured", Kano::must_be, Delivery::meeting),
                      item("retired", Kano::must_be, Delivery::meeting)};
    p.expectations[1].adequate = 2.5;
    p.expectations[8].adequate = 2.0;
    p.expectations[9].performance = 4; // the team's zone: meeting
    p.expectations[9].adequate = 3;
    p.expectations[9].desired = 4.5;
    p.expectations[11].retired = true;

    MeasuredExpectation a = performance_of("below-measured-adequate", 3.2, 5);
    a.adequate = 3.5;
    MeasuredExpectation f = performance_of("measured-performance-kano", 2.0);
    f.kano = Kano::performance;
    MeasuredExpectation g = performance_of("measured-attractive", 1.5);
    g.kano = Kano::attractive;
    MeasuredExpectation not_measured;
    not_measured.id = "not-measured";
    not_measured.importance = 1;
    const std::vector<MeasuredExpectation> measured = {
        a,
        performance_of("below-catalogue-adequate", 2.0),
        performance_of("bottom-two-must-be", 2.99),
        performance_of("on-the-boundary", 3.0),
        performance_of("indifferent-low", 1.2),
        f,
        g,
        performance_of("team-says-missing", 1.0),
        performance_of("adequate-met", 2.0),
        performance_of("zone-meeting", 2.5),
        not_measured,
        performance_of("retired", 1.0)};

    const std::vector<OutsideIn> out = outside_in(p, measured);
    REQUIRE(out.size() == 5);
    CHECK(out[0].id == "below-measured-adequate");
    CHECK(out[0].team == Delivery::meeting);
    CHECK(out[0].performance == Approx(3.2));
    CHECK(val(out[0].adequate) == Approx(3.5));
    CHECK(out[0].reason == OutsideInReason::below_adequate);
    CHECK(out[0].n == 5);
    CHECK(out[1].id == "below-catalogue-adequate");
    CHECK(out[1].team == Delivery::exceeding);
    CHECK(val(out[1].adequate) == Approx(2.5));
    CHECK(out[1].reason == OutsideInReason::below_adequate);
    CHECK(out[2].id == "bottom-two-must-be");
    CHECK_FALSE(out[2].adequate);
    CHECK(out[2].reason == OutsideInReason::bottom_two_levels);
    CHECK(out[3].id == "measured-performance-kano");
    CHECK(out[3].reason == OutsideInReason::bottom_two_levels);
    CHECK(out[4].id == "zone-meeting"); // the team's zone said meeting; 2.5 < 3
    CHECK(out[4].reason == OutsideInReason::below_adequate);
    CHECK(std::string(name(OutsideInReason::below_adequate)) == "below adequate");
    CHECK(std::string(name(OutsideInReason::bottom_two_levels)) == "bottom two levels");

    // Bottom two levels of a 0–10 scale: below 2.
    p.scale = {0, 10};
    const std::vector<OutsideIn> wide = outside_in(
        p, {performance_of("bottom-two-must-be", 2.5), performance_of("on-the-boundary", 1.9)});
    REQUIRE(wide.size() == 1);
    CHECK(wide[0].id == "on-the-boundary");
}

TEST_CASE("gap-survey: Kano disagreements", "[gap-survey]") {
    Project p;
    p.expectations = {item("differs", Kano::must_be, Delivery::meeting),
                      item("agrees", Kano::attractive, Delivery::missing),
                      item("team-unknown", Kano::unknown, Delivery::missing),
                      item("questionable", Kano::performance, Delivery::missing),
                      item("retired", Kano::must_be, Delivery::missing)};
    p.expectations[4].retired = true;
    auto kano = [](std::string id, std::optional<Kano> k, std::uint64_t n) {
        MeasuredExpectation m;
        m.id = std::move(id);
        m.kano = k;
        m.n_kano_pairs = n;
        return m;
    };
    const std::vector<KanoDisagreement> d = kano_disagreements(
        p, {kano("differs", Kano::indifferent, 120), kano("agrees", Kano::attractive, 80),
            kano("team-unknown", Kano::attractive, 80), kano("questionable", std::nullopt, 30),
            kano("retired", Kano::reverse, 30)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].id == "differs");
    CHECK(d[0].team == Kano::must_be);
    CHECK(d[0].measured == Kano::indifferent);
    CHECK(d[0].n_pairs == 120);
}
