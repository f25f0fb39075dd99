// core/priority (PRODUCT.md §4.3): the five criteria of the weighted method, computed by hand
// in the comments; weights normalised; ties by id; reverse items unranked and last; the
// differentiator tag; tracks; --all; the odi and rice methods; missing inputs.
#include "delight/priority.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

using namespace delight;

namespace {

Project project_with(std::vector<Expectation> expectations) {
    Project p; // scale 1..5, default weights .30 .20 .15 .20 .15 and kano_values
    p.touchpoints = {"billing"};
    p.functions = {"finance"};
    p.competitors = {"servicepro", "dispatchly", "excel-and-phone"};
    p.expectations = std::move(expectations);
    return p;
}

Expectation white(std::string id, Kano kano, double importance,
                  std::optional<Delivery> delivery = Delivery::missing) {
    Expectation e;
    e.id = std::move(id);
    e.kano = kano;
    e.importance = importance;
    e.delivery = delivery;
    e.touchpoint = "billing";
    e.functions = {"finance"};
    return e;
}

/// examples/fieldwise job-invoice-accuracy.
Expectation invoice_accuracy() {
    Expectation e = white("job-invoice-accuracy", Kano::must_be, 5);
    e.performance = 2.2; // no desired: the gap comes from delivery
    e.competitors = {{"servicepro", Standing::better},
                     {"dispatchly", Standing::equal},
                     {"excel-and-phone", Standing::equal}};
    e.ability = {{AbilityFactor::budget, 4},
                 {AbilityFactor::technology, 3},
                 {AbilityFactor::personnel, 3},
                 {AbilityFactor::skills, 4}};
    return e;
}

/// examples/fieldwise ap-invoice-format: delivery by the zone (2.4 < adequate 3: missing).
Expectation ap_format() {
    Expectation e = white("ap-invoice-format", Kano::performance, 4, std::nullopt);
    e.performance = 2.4;
    e.adequate = 3;
    e.desired = 4.2;
    e.competitors = {{"servicepro", Standing::equal},
                     {"dispatchly", Standing::worse},
                     {"excel-and-phone", Standing::better}};
    e.ability = {{AbilityFactor::budget, 4},
                 {AbilityFactor::technology, 3},
                 {AbilityFactor::personnel, 4},
                 {AbilityFactor::skills, 3}};
    return e;
}

const PriorityItem& find(const PriorityResult& r, const std::string& id) {
    for (const PriorityItem& i : r.items)
        if (i.expectation->id == id) return i;
    FAIL("no item " << id);
    return r.items.front();
}

double sum(const std::array<double, criterion_count>& a) {
    return std::accumulate(a.begin(), a.end(), 0.0);
}

} // namespace

TEST_CASE("priority: weighted criteria and score by hand", "[priority]") {
    const Project p = project_with({invoice_accuracy(), ap_format()});
    PriorityResult r = prioritize(p, {});
    REQUIRE(r.missing.empty());
    REQUIRE(r.items.size() == 2);

    // job-invoice-accuracy: importance (5−1)/4 = 1; gap: no desired, delivery missing → 1;
    // kano must-be → 1.0; ability mean (4+3+3+4)/4 = 3.5 → (3.5−1)/4 = 0.625; competition
    // 1 better of 3 rated = 1/3. Score = 100 × (.3·1 + .2·1 + .15·1 + .2·.625 + .15/3)
    // = 30 + 20 + 15 + 12.5 + 5 = 82.5.
    const PriorityItem& a = find(r, "job-invoice-accuracy");
    CHECK(a.criteria[0] == Approx(1.0));
    CHECK(a.criteria[1] == Approx(1.0));
    CHECK(a.criteria[2] == Approx(1.0));
    CHECK(a.criteria[3] == Approx(0.625));
    CHECK(a.criteria[4] == Approx(1.0 / 3));
    CHECK(a.contributions[3] == Approx(12.5));
    CHECK(a.contributions[4] == Approx(5.0));
    CHECK(a.score == Approx(82.5));
    CHECK(a.rank == 1);

    // ap-invoice-format: importance (4−1)/4 = .75; gap (4.2 − 2.4)/4 = .45; performance → .7;
    // ability (4+3+4+3)/4 = 3.5 → .625; competition 1/3. Score = 22.5 + 9 + 10.5 + 12.5 + 5
    // = 59.5.
    const PriorityItem& b = find(r, "ap-invoice-format");
    CHECK(b.criteria[0] == Approx(0.75));
    CHECK(b.criteria[1] == Approx(0.45));
    CHECK(b.criteria[2] == Approx(0.7));
    CHECK(b.contributions[0] == Approx(22.5));
    CHECK(b.contributions[1] == Approx(9.0));
    CHECK(b.contributions[2] == Approx(10.5));
    CHECK(b.score == Approx(59.5));
    CHECK(b.rank == 2);
    for (const PriorityItem& i : r.items)
        CHECK(sum(i.contributions) == Approx(i.score)); // --explain adds up
}

TEST_CASE("priority: defaults for ability and competition, partial gap, clamping", "[priority]") {
    // partial, no performance: gap .5; attractive .8; importance (3−1)/4 = .5; no ability →
    // .5; no competitor → .5. Score = 15 + 10 + 12 + 10 + 7.5 = 54.5.
    Expectation bare = white("bare", Kano::attractive, 3, Delivery::partial);
    // Explicitly partial but P above desired: (3.5 − 4)/4 < 0, clamped to 0.
    Expectation above = white("above", Kano::indifferent, 1, Delivery::partial);
    above.performance = 4;
    above.desired = 3.5;
    // Scale 1..5, P 1, desired 5: (5 − 1)/4 = 1, the top of the range.
    Expectation widest = white("widest", Kano::unknown, 2);
    widest.performance = 1;
    widest.desired = 5;
    const Project p = project_with({bare, above, widest});
    PriorityResult r = prioritize(p, {});

    const PriorityItem& b = find(r, "bare");
    CHECK(b.criteria == std::array<double, 5>{0.5, 0.5, 0.8, 0.5, 0.5});
    CHECK(b.ability_defaulted);
    CHECK(b.competition_defaulted);
    CHECK(b.score == Approx(54.5));
    CHECK(find(r, "above").criteria[1] == 0.0);
    CHECK(find(r, "above").criteria[0] == 0.0); // importance at the scale minimum
    CHECK(find(r, "above").criteria[2] == Approx(0.1));
    CHECK(find(r, "widest").criteria[1] == 1.0);
    CHECK(find(r, "widest").criteria[2] == Approx(0.5)); // unknown
    CHECK(find(r, "widest").ability_defaulted);
}

TEST_CASE("priority: weights are normalised to sum 1", "[priority]") {
    Project p = project_with({invoice_accuracy(), ap_format()});
    p.priority.weights = {3, 2, 1.5, 2, 1.5}; // ×10 the defaults: same ranking, same scores
    PriorityResult r = prioritize(p, {});
    CHECK(r.weights[0] == Approx(0.30));
    CHECK(r.weights[2] == Approx(0.15));
    CHECK(sum(r.weights) == Approx(1.0));
    CHECK(find(r, "job-invoice-accuracy").score == Approx(82.5));

    p.priority.weights = {1, 0, 0, 0, 0}; // importance only: 100 × criterion
    r = prioritize(p, {});
    CHECK(find(r, "ap-invoice-format").score == Approx(75.0));

    p.priority.weights = {0, 0, 0, 0, 0}; // nothing to weigh: every score 0, ranked by id
    r = prioritize(p, {});
    CHECK(r.weights == std::array<double, 5>{0, 0, 0, 0, 0});
    CHECK(r.items[0].expectation->id == "ap-invoice-format");
    CHECK(r.items[0].score == 0.0);
}

TEST_CASE("priority: ties break by id, reverse items unranked and last", "[priority]") {
    Expectation reverse = white("aaa-reverse", Kano::reverse, 5); // high score, still last
    Expectation zulu = white("zulu", Kano::performance, 3);
    Expectation yankee = zulu;
    yankee.id = "yankee";
    Expectation low = white("alpha", Kano::indifferent, 1);
    const Project p = project_with({reverse, zulu, low, yankee});
    PriorityResult r = prioritize(p, {});
    REQUIRE(r.items.size() == 4);
    CHECK(r.items[0].expectation->id == "yankee"); // same score as zulu: id order
    CHECK(r.items[0].rank == 1);
    CHECK(r.items[1].expectation->id == "zulu");
    CHECK(r.items[1].rank == 2);
    CHECK(r.items[2].expectation->id == "alpha");
    CHECK(r.items[2].rank == 3);
    CHECK(r.items[3].expectation->id == "aaa-reverse");
    CHECK_FALSE(r.items[3].rank);
    CHECK_FALSE(r.items[3].track);
    CHECK(r.items[3].criteria[2] == 0.0); // kano value of reverse
}

TEST_CASE("priority: tracks", "[priority]") {
    CHECK(track_of(Kano::must_be) == Track::basics);
    CHECK(track_of(Kano::performance) == Track::basics);
    CHECK(track_of(Kano::indifferent) == Track::basics);
    CHECK(track_of(Kano::unknown) == Track::basics);
    CHECK(track_of(Kano::attractive) == Track::delight);
    CHECK_FALSE(track_of(Kano::reverse));
    CHECK(std::string(name(Track::delight)) == "delight");
}

TEST_CASE("priority: the differentiator tag", "[priority]") {
    Expectation ahead = white("ahead", Kano::attractive, 4); // no rated competitor is better
    ahead.competitors = {{"servicepro", Standing::worse}, {"dispatchly", Standing::equal}};
    Expectation unrated = white("unrated", Kano::attractive, 4); // nobody rated: no tag
    Expectation behind = ahead;                                  // one competitor better
    behind.id = "behind";
    behind.competitors.push_back({"excel-and-phone", Standing::better});
    Expectation basic = ahead; // not attractive
    basic.id = "basic";
    basic.kano = Kano::must_be;
    Expectation fulfilled = ahead; // not a white space (only ranked with --all)
    fulfilled.id = "fulfilled";
    fulfilled.delivery = Delivery::meeting;
    const Project p = project_with({ahead, unrated, behind, basic, fulfilled});
    PriorityResult r = prioritize(p, {.all = true});
    CHECK(find(r, "ahead").differentiator);
    CHECK(find(r, "ahead").criteria[4] == 0.0);
    CHECK_FALSE(find(r, "unrated").differentiator);
    CHECK_FALSE(find(r, "behind").differentiator);
    CHECK(find(r, "behind").criteria[4] == Approx(1.0 / 3));
    CHECK_FALSE(find(r, "basic").differentiator);
    CHECK_FALSE(find(r, "fulfilled").differentiator);
}

TEST_CASE("priority: --all ranks fulfilled items with gap 0", "[priority]") {
    Expectation meeting = white("meeting", Kano::must_be, 5, Delivery::meeting);
    meeting.performance = 3; // the zone numbers would give a gap; fulfilled means 0
    meeting.desired = 4.6;
    Expectation unassessed = white("unassessed", Kano::must_be, 5, std::nullopt);
    Project p = project_with({meeting, unassessed, white("missing", Kano::must_be, 2)});

    PriorityResult only_white = prioritize(p, {});
    REQUIRE(only_white.items.size() == 1);
    CHECK(only_white.items[0].expectation->id == "missing");

    PriorityResult all = prioritize(p, {.all = true});
    REQUIRE(all.items.size() == 2); // unassessed is in neither list
    CHECK(find(all, "meeting").criteria[1] == 0.0);
    // 30 + 0 + 15 + 10 (ability .5) + 7.5 (competition .5) = 62.5
    CHECK(find(all, "meeting").score == Approx(62.5));
}

TEST_CASE("priority: odi opportunity score", "[priority]") {
    // Ulwick: I + max(I − S, 0) on 0–10. I 4 → 10·(4−1)/4 = 7.5; P 2 → 2.5: 7.5 + 5 = 12.5.
    Expectation under = white("under", Kano::performance, 4);
    under.performance = 2;
    // I 2 → 2.5; P 4 → 7.5: over-served, 2.5 + 0 = 2.5.
    Expectation over = white("over", Kano::performance, 2, Delivery::partial);
    over.performance = 4;
    Project p = project_with({over, under});
    p.priority.method = PriorityMethod::odi;
    PriorityResult r = prioritize(p, {});
    REQUIRE(r.missing.empty());
    CHECK(r.method == PriorityMethod::odi);
    CHECK(find(r, "under").score == Approx(12.5));
    CHECK(find(r, "under").rank == 1);
    CHECK(find(r, "over").score == Approx(2.5));
}

TEST_CASE("priority: rice = reach × impact × confidence ÷ effort", "[priority]") {
    Expectation a = white("a", Kano::performance, 3);
    a.reach = 120;
    a.impact = 2;
    a.confidence = 0.8;
    a.effort = 3; // 120 × 2 × .8 / 3 = 64
    Expectation b = white("b", Kano::performance, 3);
    b.reach = 50;
    b.impact = 0.5;
    b.confidence = 1; // effort defaults to 1: 25
    Project p = project_with({b, a});
    p.priority.method = PriorityMethod::rice;
    PriorityResult r = prioritize(p, {});
    CHECK(find(r, "a").score == Approx(64.0));
    CHECK(find(r, "b").score == Approx(25.0));
    CHECK(r.items[0].expectation->id == "a");
}

TEST_CASE("priority: missing inputs are reported per method", "[priority]") {
    Expectation no_importance = white("no-importance", Kano::must_be, 3);
    no_importance.importance.reset();
    Expectation complete = white("complete", Kano::must_be, 3);
    complete.performance = 2;
    complete.reach = 10;
    complete.impact = 1;
    complete.confidence = 0.5;
    Expectation fulfilled = white("fulfilled", Kano::must_be, 3, Delivery::meeting);
    fulfilled.importance.reset(); // not considered without --all
    Project p = project_with({no_importance, complete, fulfilled});

    PriorityResult weighted = prioritize(p, {});
    REQUIRE(weighted.missing.size() == 1);
    CHECK(weighted.missing[0].expectation->id == "no-importance");
    CHECK(weighted.missing[0].fields == std::vector<std::string>{"importance"});
    CHECK(weighted.items.size() == 1); // the complete one; the caller refuses the ranking

    CHECK(prioritize(p, {.all = true}).missing.size() == 2);

    p.priority.method = PriorityMethod::odi;
    PriorityResult odi = prioritize(p, {});
    REQUIRE(odi.missing.size() == 1);
    CHECK(odi.missing[0].fields == std::vector<std::string>{"importance", "performance"});

    p.priority.method = PriorityMethod::rice; // importance is not needed by rice
    PriorityResult rice = prioritize(p, {});
    REQUIRE(rice.missing.size() == 1);
    CHECK(rice.missing[0].expectation->id == "no-importance");
    CHECK(rice.missing[0].fields == std::vector<std::string>{"reach", "impact", "confidence"});
}

TEST_CASE("priority: retired items are never ranked", "[priority]") {
    Expectation gone = white("gone", Kano::must_be, 5);
    gone.retired = true;
    gone.importance.reset(); // would be a missing input if it were considered
    const Project p = project_with({gone, white("kept", Kano::must_be, 2)});
    PriorityResult r = prioritize(p, {});
    CHECK(r.missing.empty());
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].expectation->id == "kept");
}
