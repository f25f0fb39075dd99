// core/plan (PRODUCT.md §4.4): the two tracks interleaved by their shares, greedy packing into
// waves within each owner's capacity, `after` dependencies and cycles, oversize actions,
// overrides, remediation first, measures and targets, and calendar dates of waves.
#include "delight/plan.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace delight;

namespace {

Expectation white_space(std::string id, Kano kano, double effort,
                        std::vector<std::string> functions = {"dev"}) {
    Expectation e;
    e.id = std::move(id);
    e.kano = kano;
    e.delivery = Delivery::missing;
    e.touchpoint = "product";
    e.functions = std::move(functions);
    e.effort = effort;
    e.importance = 4;
    return e;
}

Project plan_project(std::vector<Expectation> items) {
    Project p;
    p.touchpoints = {"product"};
    p.functions = {"dev", "ops"};
    p.expectations = std::move(items);
    PlanSettings s;
    s.start = "2027-01-04";
    s.waves = 3;
    s.wave_weeks = 4;
    s.default_capacity = 2;
    p.plan = s;
    return p;
}

/// A ranking in the given order (rank 1 first), tracks from the Kano category.
PriorityResult ranking_of(const Project& p, const std::vector<std::string>& order) {
    PriorityResult r;
    int rank = 0;
    for (const std::string& id : order)
        for (const Expectation& e : p.expectations)
            if (e.id == id) {
                PriorityItem item;
                item.expectation = &e;
                item.track = track_of(e.kano);
                item.rank = ++rank;
                r.items.push_back(item);
            }
    return r;
}

std::vector<std::string> order_of(const PlanResult& r) {
    std::vector<std::string> ids;
    for (const PlanAction& a : r.actions)
        ids.push_back(a.expectation->id);
    return ids;
}

std::optional<int> wave_of(const PlanResult& r, const std::string& id) {
    for (const PlanAction& a : r.actions)
        if (a.expectation->id == id) return a.wave;
    FAIL("no action " << id);
    return std::nullopt;
}

} // namespace

TEST_CASE("the two tracks interleave by taken ÷ share, ties to basics", "[plan]") {
    Project p = plan_project(
        {white_space("b1", Kano::must_be, 0.1), white_space("b2", Kano::must_be, 0.1),
         white_space("b3", Kano::performance, 0.1), white_space("b4", Kano::must_be, 0.1),
         white_space("d1", Kano::attractive, 0.1), white_space("d2", Kano::attractive, 0.1)});
    PriorityResult r = ranking_of(p, {"b1", "b2", "b3", "b4", "d1", "d2"});
    SECTION("0.6 / 0.4: a delight bet second, not after every basic") {
        // taken ÷ share before each step: basics 0, 1.67, 1.67, 3.33, 3.33, 5 against delight
        // 0, 0, 2.5, 2.5, 5, 5 (all delight taken).
        PlanResult plan = make_plan(p, r, {});
        CHECK(order_of(plan) == std::vector<std::string>{"b1", "d1", "b2", "d2", "b3", "b4"});
        CHECK(plan.actions[1].target_metric == "top box");
        CHECK(plan.actions[0].target_text() == "top-2-box +10 points");
    }
    SECTION("equal shares alternate, basics first") {
        p.plan->basics_share = p.plan->delight_share = 0.5;
        CHECK(order_of(make_plan(p, r, {})) ==
              std::vector<std::string>{"b1", "d1", "b2", "d2", "b3", "b4"});
    }
    SECTION("a zero share puts that track last") {
        p.plan->delight_share = 0;
        CHECK(order_of(make_plan(p, r, {})) ==
              std::vector<std::string>{"b1", "b2", "b3", "b4", "d1", "d2"});
    }
}

TEST_CASE("waves are filled greedily within each owner's capacity", "[plan]") {
    Project p =
        plan_project({white_space("a", Kano::must_be, 1.5), white_space("b", Kano::must_be, 1.0),
                      white_space("c", Kano::must_be, 0.5, {"dev", "ops"}),
                      white_space("d", Kano::must_be, 2.0, {"ops"}),
                      white_space("e", Kano::must_be, 5.0), white_space("f", Kano::must_be, 2.0)});
    PlanResult plan = make_plan(p, ranking_of(p, {"a", "b", "c", "d", "e", "f"}), {});
    CHECK(wave_of(plan, "a") == 0);
    CHECK(wave_of(plan, "b") == 1); // dev has 0.5 left in wave 1
    CHECK(wave_of(plan, "c") == 0); // 1.5 + 0.5 = 2 fits exactly; ops 0.5
    CHECK(wave_of(plan, "d") == 1); // ops 0.5 + 2 > 2 in wave 1
    CHECK(wave_of(plan, "e") == 2); // oversize: the first empty wave, alone
    CHECK(plan.actions[4].oversize);
    CHECK_FALSE(wave_of(plan, "f")); // wave 2 holds b (dev 1 + 2 > 2), wave 3 is e's: later
    REQUIRE(plan.later.size() == 1);
    CHECK(plan.warnings.size() == 1);
    for (const PlanWave& w : plan.waves)
        for (std::size_t i = 0; i < w.load.size(); ++i)
            if (w.index != 3) CHECK(w.load[i].second <= w.capacity[i].second);
    CHECK(plan.waves[0].start == "2027-01-04");
    CHECK(plan.waves[0].end == "2027-01-31");
    CHECK(plan.waves[2].start == "2027-03-01");
}

TEST_CASE("an action goes after its dependencies, even when they rank lower", "[plan]") {
    Project p = plan_project({white_space("app", Kano::must_be, 0.5),
                              white_space("api", Kano::must_be, 0.5),
                              white_space("docs", Kano::must_be, 0.5)});
    p.expectations[0].after = {"api"};
    PlanResult plan = make_plan(p, ranking_of(p, {"app", "docs", "api"}), {});
    CHECK(wave_of(plan, "api") == 0);
    CHECK(wave_of(plan, "app") == 1);
    CHECK(wave_of(plan, "docs") == 0);

    SECTION("a dependency that does not fit sends its dependants later too") {
        p.expectations[1].effort = 10;
        p.plan->waves = 1;
        PlanResult small = make_plan(p, ranking_of(p, {"app", "docs", "api"}), {});
        CHECK(wave_of(small, "docs") == 0);
        CHECK_FALSE(wave_of(small, "api")); // oversize needs an empty wave; docs took the only one
        CHECK_FALSE(wave_of(small, "app"));
    }
}

TEST_CASE("dependency cycles are found with their path", "[plan]") {
    Project p =
        plan_project({white_space("a", Kano::must_be, 1), white_space("b", Kano::must_be, 1),
                      white_space("c", Kano::must_be, 1)});
    CHECK(find_after_cycle(p).empty());
    p.expectations[0].after = {"b"};
    p.expectations[1].after = {"c", "unknown-id"};
    p.expectations[2].after = {"a"};
    CHECK(find_after_cycle(p) == std::vector<std::string>{"a", "b", "c", "a"});
}

TEST_CASE("overrides pin, exclude and change owners, effort and target", "[plan]") {
    Project p =
        plan_project({white_space("a", Kano::must_be, 1), white_space("b", Kano::must_be, 1),
                      white_space("c", Kano::attractive, 1)});
    PlanOverride pin;
    pin.expectation = "c";
    pin.wave = 3;
    pin.target = 15;
    pin.owners = {"ops"};
    PlanOverride drop;
    drop.expectation = "b";
    drop.exclude = true;
    p.plan->overrides = {pin, drop};
    PlanResult plan = make_plan(p, ranking_of(p, {"a", "b", "c"}), {});
    CHECK(order_of(plan) == std::vector<std::string>{"a", "c"});
    CHECK(wave_of(plan, "c") == 2);
    CHECK(plan.actions[1].pinned);
    CHECK(plan.actions[1].owners == std::vector<std::string>{"ops"});
    CHECK(plan.actions[1].target_text() == "top box +15 points");
    REQUIRE(plan.excluded.size() == 1);
    CHECK(plan.excluded[0]->id == "b");
}

TEST_CASE("remediation comes ahead of new work; inconclusive is measured again", "[plan]") {
    Project p =
        plan_project({white_space("a", Kano::must_be, 1), white_space("b", Kano::must_be, 1),
                      white_space("c", Kano::must_be, 1)});
    p.expectations[2].delivery = Delivery::meeting; // fulfilled: not a white space
    std::vector<RemediationInput> diff = {{"c", "declined", -0.4, 0.01, "q_c"},
                                          {"b", "no change", 0.0, 0.9, "q_b"},
                                          {"a", "inconclusive", 0.1, 0.3, "q_a"},
                                          {"a", "improved", 0.5, 0.001, "q_a"}};
    PlanResult plan = make_plan(p, ranking_of(p, {"a", "b"}), diff);
    CHECK(order_of(plan) == std::vector<std::string>{"c", "b", "a"});
    CHECK(plan.actions[0].remediation->verdict == "declined");
    CHECK_FALSE(plan.actions[0].rank);
    CHECK(plan.actions[1].rank == 2); // remediation of a ranked white space keeps its rank
    REQUIRE(plan.measure_again.size() == 1);
    CHECK(plan.measure_again[0].expectation == "a");
    CHECK(plan.actions[0].measure_from_instrument);
    CHECK(plan.actions[0].measures == std::vector<std::string>{"c_performance"});
}

TEST_CASE("dates are calendar arithmetic", "[plan]") {
    CHECK(add_days("2027-02-01", 42) == "2027-03-15");
    CHECK(add_days("2028-02-28", 1) == "2028-02-29");
    CHECK(add_days("2027-12-31", 1) == "2028-01-01");
    CHECK(add_days("2100-02-28", 1) == "2100-03-01");
    CHECK(add_days("2000-03-01", -1) == "2000-02-29");
}
