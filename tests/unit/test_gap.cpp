// core/gap (PRODUCT.md §4.2): Kano readings of seed 001, IPA quadrants (Martilla & James
// 1977) and their crosshairs, the enhance / white-space lists, gap = P − desired, and the
// summaries per status, touchpoint, function and kind. Literal projects, hand-checked values.
#include "delight/gap.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace delight;

namespace {

Project project_with(std::vector<Expectation> expectations) {
    Project p;
    p.scale = {1, 5};
    p.touchpoints = {"sales-demo", "billing", "support"};
    p.functions = {"finance", "sales", "service"};
    p.expectations = std::move(expectations);
    return p;
}

Expectation item(std::string id, std::optional<Delivery> delivery, Kano kano = Kano::unknown) {
    Expectation e;
    e.id = std::move(id);
    e.kano = kano;
    e.delivery = delivery;
    e.touchpoint = "billing";
    e.functions = {"finance"};
    return e;
}

Expectation rated(std::string id, double importance, double performance) {
    Expectation e = item(std::move(id), Delivery::meeting);
    e.importance = importance;
    e.performance = performance;
    return e;
}

const GapItem& find(const GapResult& r, const std::string& id) {
    for (const GapItem& i : r.items)
        if (i.expectation->id == id) return i;
    FAIL("no item " << id);
    return r.items.front();
}

} // namespace

TEST_CASE("gap: Kano reading for every category and delivery", "[gap]") {
    using R = Reading;
    const std::vector<std::optional<Delivery>> deliveries = {
        std::nullopt, Delivery::missing, Delivery::partial, Delivery::meeting, Delivery::exceeding};
    // Rows: Kano category; columns: unassessed, missing, partial, meeting, exceeding (seed 001).
    struct Row {
        Kano kano;
        std::vector<Reading> readings;
    };
    const std::vector<Row> table = {
        {Kano::must_be, {R::none, R::dissatisfier, R::dissatisfier, R::none, R::over_investment}},
        {Kano::attractive,
         {R::none, R::delight_opportunity, R::delight_opportunity, R::none, R::none}},
        {Kano::performance, {R::none, R::none, R::none, R::none, R::none}},
        {Kano::indifferent, {R::none, R::none, R::none, R::none, R::none}},
        {Kano::reverse, {R::none, R::none, R::none, R::none, R::none}},
        {Kano::unknown, {R::none, R::none, R::none, R::none, R::none}},
    };
    for (const Row& row : table)
        for (std::size_t d = 0; d < deliveries.size(); ++d) {
            CAPTURE(name(row.kano), d);
            CHECK(kano_reading(row.kano, deliveries[d]) == row.readings[d]);
        }
    CHECK(std::string(name(Reading::delight_opportunity)) == "delight-opportunity");
    CHECK(std::string(name(Reading::over_investment)) == "over-investment");
}

TEST_CASE("gap: IPA quadrants, a value on the crosshair counts as high", "[gap]") {
    CHECK(ipa_quadrant(4, 2, 3, 3) == Quadrant::concentrate_here);
    CHECK(ipa_quadrant(4, 4, 3, 3) == Quadrant::keep_up_the_good_work);
    CHECK(ipa_quadrant(2, 2, 3, 3) == Quadrant::low_priority);
    CHECK(ipa_quadrant(2, 4, 3, 3) == Quadrant::possible_overkill);
    // Exactly on a crosshair: high.
    CHECK(ipa_quadrant(3, 3, 3, 3) == Quadrant::keep_up_the_good_work);
    CHECK(ipa_quadrant(3, 2.99, 3, 3) == Quadrant::concentrate_here);
    CHECK(ipa_quadrant(2.99, 3, 3, 3) == Quadrant::possible_overkill);
    CHECK(ipa_quadrant(2.99, 2.99, 3, 3) == Quadrant::low_priority);
    CHECK(std::string(name(Quadrant::keep_up_the_good_work)) == "keep-up-the-good-work");
}

TEST_CASE("gap: crosshairs at the scale midpoint or the data means", "[gap]") {
    // a (I 5, P 2), b (I 3, P 4), c (I 4, P 3); d has no performance and the retired r has
    // extreme values: neither moves the means. Means: I = 12/3 = 4, P = 9/3 = 3.
    Expectation d = item("d", Delivery::missing);
    d.importance = 1;
    Expectation r = rated("r", 1, 1);
    r.retired = true;
    Project p = project_with({rated("a", 5, 2), rated("b", 3, 4), rated("c", 4, 3), d, r});

    GapResult mid = analyse_gap(p, Crosshair::midpoint);
    CHECK(mid.crosshair_importance == 3.0); // (1 + 5) / 2
    CHECK(mid.crosshair_performance == 3.0);
    CHECK(find(mid, "a").quadrant == Quadrant::concentrate_here);      // 5 ≥ 3, 2 < 3
    CHECK(find(mid, "b").quadrant == Quadrant::keep_up_the_good_work); // 3 on the crosshair
    CHECK(find(mid, "c").quadrant == Quadrant::keep_up_the_good_work);
    CHECK_FALSE(find(mid, "d").quadrant); // no performance: no quadrant

    GapResult mean = analyse_gap(p, Crosshair::mean);
    CHECK(mean.crosshair_importance == 4.0);
    CHECK(mean.crosshair_performance == 3.0);
    CHECK(find(mean, "a").quadrant == Quadrant::concentrate_here);      // 5 ≥ 4, 2 < 3
    CHECK(find(mean, "b").quadrant == Quadrant::possible_overkill);     // 3 < 4, 4 ≥ 3
    CHECK(find(mean, "c").quadrant == Quadrant::keep_up_the_good_work); // on both crosshairs

    // Another scale: midpoint (0 + 10) / 2 = 5; mean without rated items falls back to it.
    Project q = project_with({item("x", Delivery::missing)});
    q.scale = {0, 10};
    CHECK(analyse_gap(q, Crosshair::midpoint).crosshair_importance == 5.0);
    CHECK(analyse_gap(q, Crosshair::mean).crosshair_performance == 5.0);
    q.scale = {1, 4};
    CHECK(analyse_gap(q, Crosshair::midpoint).crosshair_importance == 2.5);
}

TEST_CASE("gap: lists by delivery status, explicit or by the zone", "[gap]") {
    Expectation zone_missing = item("zone-missing", std::nullopt);
    zone_missing.performance = 2.5; // < adequate 3 → missing
    zone_missing.adequate = 3;
    zone_missing.desired = 4;
    Expectation zone_exceeding = zone_missing;
    zone_exceeding.id = "zone-exceeding";
    zone_exceeding.performance = 4; // ≥ desired 4 → exceeding
    Expectation half = item("half-rated", std::nullopt);
    half.performance = 2; // no adequate/desired: unassessed
    Project p =
        project_with({item("missing", Delivery::missing), item("partial", Delivery::partial),
                      item("meeting", Delivery::meeting), item("exceeding", Delivery::exceeding),
                      zone_missing, zone_exceeding, half, item("none", std::nullopt)});
    GapResult r = analyse_gap(p, Crosshair::midpoint);
    REQUIRE(r.items.size() == 8);
    CHECK(find(r, "missing").list == GapList::white_space);
    CHECK(find(r, "partial").list == GapList::white_space);
    CHECK(find(r, "meeting").list == GapList::enhance);
    CHECK(find(r, "exceeding").list == GapList::enhance);
    CHECK(find(r, "zone-missing").list == GapList::white_space);
    CHECK(find(r, "zone-missing").delivery.source == DeliverySource::zone);
    CHECK(find(r, "zone-exceeding").list == GapList::enhance);
    CHECK(find(r, "half-rated").list == GapList::unassessed);
    CHECK(find(r, "none").list == GapList::unassessed);
    CHECK(find(r, "none").delivery.source == DeliverySource::unassessed);
    CHECK(find(r, "missing").delivery.source == DeliverySource::explicit_value);
    CHECK(status_index(find(r, "none")) == 4);
    CHECK(std::string(status_name(4)) == "unassessed");
    CHECK(std::string(status_name(1)) == "partial");
}

TEST_CASE("gap: gap is performance minus desired", "[gap]") {
    Expectation shortfall = item("shortfall", Delivery::partial);
    shortfall.performance = 2.5;
    shortfall.desired = 4;
    Expectation surplus = item("surplus", Delivery::exceeding);
    surplus.performance = 4.5;
    surplus.desired = 4;
    Expectation no_desired = item("no-desired", Delivery::missing);
    no_desired.performance = 2;
    Expectation no_performance = item("no-performance", Delivery::missing);
    no_performance.desired = 4;
    const Project p = project_with({shortfall, surplus, no_desired, no_performance});
    GapResult r = analyse_gap(p, Crosshair::midpoint);
    CHECK(find(r, "shortfall").gap == Approx(-1.5)); // 2.5 − 4: a shortfall
    CHECK(find(r, "surplus").gap == Approx(0.5));
    CHECK_FALSE(find(r, "no-desired").gap);
    CHECK_FALSE(find(r, "no-performance").gap);
}

TEST_CASE("gap: summaries per status, reading, touchpoint, function and kind", "[gap]") {
    Expectation a = item("a", Delivery::missing, Kano::must_be); // dissatisfier
    a.functions = {"finance", "sales"};                          // counts for both
    a.touchpoint = "sales-demo";
    Expectation b = item("b", Delivery::partial, Kano::attractive); // delight opportunity
    b.kind = Kind::latent;
    Expectation c = item("c", Delivery::exceeding, Kano::must_be); // over-investment
    c.touchpoint = "support";
    c.functions = {"service"};
    c.kind = Kind::implied;
    Expectation d = item("d", std::nullopt); // unassessed
    d.kind = Kind::future;
    Expectation gone = item("gone", Delivery::missing, Kano::must_be);
    gone.retired = true; // excluded from items and every count
    const Project p = project_with({a, b, c, d, gone});
    GapResult r = analyse_gap(p, Crosshair::midpoint);

    REQUIRE(r.items.size() == 4);
    CHECK(r.status == StatusCounts{1, 1, 0, 1, 1}); // missing, partial, meeting, exceeding, –
    CHECK(r.readings == std::array<int, 4>{1, 1, 1, 1}); // dissatisfier, opportunity, over, none

    REQUIRE(r.by_touchpoint.size() == 3); // in project order, also when empty
    CHECK(r.by_touchpoint[0].key == "sales-demo");
    CHECK(r.by_touchpoint[0].counts == StatusCounts{1, 0, 0, 0, 0});
    CHECK(r.by_touchpoint[1].key == "billing");
    CHECK(r.by_touchpoint[1].counts == StatusCounts{0, 1, 0, 0, 1});
    CHECK(r.by_touchpoint[2].counts == StatusCounts{0, 0, 0, 1, 0});

    REQUIRE(r.by_function.size() == 3);
    CHECK(r.by_function[0].key == "finance"); // a, b, d
    CHECK(r.by_function[0].counts == StatusCounts{1, 1, 0, 0, 1});
    CHECK(r.by_function[1].key == "sales"); // a, its second function
    CHECK(r.by_function[1].counts == StatusCounts{1, 0, 0, 0, 0});
    CHECK(r.by_function[2].counts == StatusCounts{0, 0, 0, 1, 0});

    REQUIRE(r.by_kind.size() == 4);
    CHECK(r.by_kind[0].key == "stated");
    CHECK(r.by_kind[0].counts == StatusCounts{1, 0, 0, 0, 0});
    CHECK(r.by_kind[1].key == "implied");
    CHECK(r.by_kind[1].counts == StatusCounts{0, 0, 0, 1, 0});
    CHECK(r.by_kind[2].counts == StatusCounts{0, 1, 0, 0, 0});
    CHECK(r.by_kind[3].key == "future");
    CHECK(r.by_kind[3].counts == StatusCounts{0, 0, 0, 0, 1});
}
