// core/sensitivity (PRODUCT.md §4.3 --sensitivity): nearest-rank percentiles, the lower median,
// dominance, determinism for a seed, and the collapse to the base ranking when the Dirichlet
// concentration is very large. Rankings are built as literal PriorityResults.
#include "delight/random.hpp"
#include "delight/sensitivity.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

using namespace delight;

namespace {

using Criteria = std::array<double, criterion_count>;

/// A ranking over literal criteria; expectations live in `store` (stable addresses).
PriorityResult ranking(std::deque<Expectation>& store,
                       const std::vector<std::pair<std::string, Criteria>>& items,
                       Criteria weights = {0.30, 0.20, 0.15, 0.20, 0.15}) {
    PriorityResult r;
    r.weights = weights;
    for (const auto& [id, criteria] : items) {
        Expectation& e = store.emplace_back();
        e.id = id;
        PriorityItem item;
        item.expectation = &e;
        item.track = Track::basics;
        item.criteria = criteria;
        for (std::size_t c = 0; c < criterion_count; ++c)
            item.score += 100 * weights[c] * criteria[c];
        r.items.push_back(item);
    }
    assign_ranks(r.items);
    return r;
}

SensitivitySettings settings(long long draws, double concentration, unsigned long long seed,
                             long long top_k) {
    SensitivitySettings s;
    s.draws = draws;
    s.concentration = concentration;
    s.seed = seed;
    s.top_k = top_k;
    return s;
}

bool same(const RankSpread& a, const RankSpread& b) {
    return a.median_rank == b.median_rank && a.rank_p05 == b.rank_p05 && a.rank_p95 == b.rank_p95 &&
           a.p_top_k == b.p_top_k;
}

} // namespace

TEST_CASE("sensitivity: nearest-rank percentiles", "[sensitivity]") {
    // Nearest rank: the ceil(p/100 · N)-th smallest (at least the first).
    std::vector<int> v = {40, 15, 50, 35, 20};        // sorted: 15 20 35 40 50
    CHECK(nearest_rank(v, 5) == 15);                  // ceil(0.25) = 1st
    CHECK(v == std::vector<int>{15, 20, 35, 40, 50}); // sorted in place
    CHECK(nearest_rank(v, 30) == 20);                 // ceil(1.5) = 2nd
    CHECK(nearest_rank(v, 40) == 20);                 // exactly 2 → 2nd
    CHECK(nearest_rank(v, 50) == 35);                 // ceil(2.5) = 3rd
    CHECK(nearest_rank(v, 95) == 50);                 // ceil(4.75) = 5th
    CHECK(nearest_rank(v, 100) == 50);                // 5th
    CHECK(nearest_rank(v, 0) == 15);                  // at least the first

    std::vector<int> twenty(20);
    for (int i = 0; i < 20; ++i)
        twenty[static_cast<std::size_t>(i)] = 20 - i; // 20 … 1
    CHECK(nearest_rank(twenty, 5) == 1);              // ceil(1) = 1st
    CHECK(nearest_rank(twenty, 95) == 19);            // ceil(19) = 19th, not the maximum
    CHECK(nearest_rank(twenty, 96) == 20);            // ceil(19.2) = 20th

    std::vector<int> one = {7};
    CHECK(nearest_rank(one, 5) == 7);
    CHECK(nearest_rank(one, 95) == 7);
}

TEST_CASE("sensitivity: 5th and 95th percentiles use the exact nearest rank", "[sensitivity]") {
    // ceil(p · N / 100) in integers, for every N up to 2 000 (the values are 1..N).
    for (int n = 1; n <= 2000; ++n) {
        std::vector<int> v(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            v[static_cast<std::size_t>(i)] = i + 1;
        CAPTURE(n);
        CHECK(nearest_rank(v, 5) == std::max(1, (5 * n + 99) / 100));
        CHECK(nearest_rank(v, 95) == std::max(1, (95 * n + 99) / 100));
    }
}

TEST_CASE("sensitivity: lower median, percentiles and p(top k) of two rival items",
          "[sensitivity]") {
    // "a" wins on importance only, "b" on gap only; equal weights: a ranks first in a draw iff
    // w_importance ≥ w_gap (ties keep id order). Find a seed whose two draws disagree, then
    // each item has ranks {1, 2}: lower median 1 (the upper would be 2), p05 = 1st = 1,
    // p95 = ceil(1.9) = 2nd = 2, p(top 1) = 0.5.
    std::deque<Expectation> store;
    const Criteria equal = {0.2, 0.2, 0.2, 0.2, 0.2};
    PriorityResult r = ranking(store, {{"a", {1, 0, 0, 0, 0}}, {"b", {0, 1, 0, 0, 0}}}, equal);
    std::vector<double> alpha(criterion_count, 50 * 0.2);
    unsigned long long seed = 0;
    for (;; ++seed) {
        Random rng(seed);
        std::vector<double> w1 = rng.dirichlet(alpha), w2 = rng.dirichlet(alpha);
        if ((w1[0] >= w1[1]) != (w2[0] >= w2[1])) break;
    }
    std::vector<RankSpread> s = rank_sensitivity(r, settings(2, 50, seed, 1));
    REQUIRE(s.size() == 2);
    for (const RankSpread& spread : s) {
        CHECK(spread.median_rank == 1);
        CHECK(spread.rank_p05 == 1);
        CHECK(spread.rank_p95 == 2);
        CHECK(spread.p_top_k == 0.5);
    }
}

TEST_CASE("sensitivity: an item better on every criterion is always first", "[sensitivity]") {
    std::deque<Expectation> store;
    PriorityResult r = ranking(store, {{"b-weak", {0.5, 0.4, 0.7, 0.5, 0.5}},
                                       {"z-dominant", {1.0, 0.9, 1.0, 0.8, 0.6}},
                                       {"a-middle", {0.9, 0.8, 0.8, 0.7, 0.5}}});
    REQUIRE(r.items[0].expectation->id == "z-dominant");
    std::vector<RankSpread> s = rank_sensitivity(r, settings(1000, 5, 9, 1)); // wide draws
    CHECK(s[0].median_rank == 1);
    CHECK(s[0].rank_p05 == 1);
    CHECK(s[0].rank_p95 == 1);
    CHECK(s[0].p_top_k == 1.0);
    // The other two can swap, never reach first.
    CHECK(s[1].p_top_k == 0.0);
    CHECK(s[2].p_top_k == 0.0);
    CHECK(s[1].rank_p05 >= 2);
    CHECK(s[2].rank_p95 <= 3);
}

TEST_CASE("sensitivity: same seed, identical spreads", "[sensitivity]") {
    std::deque<Expectation> store;
    PriorityResult r = ranking(store, {{"a", {1.0, 0.2, 0.5, 0.3, 0.5}},
                                       {"b", {0.5, 1.0, 0.7, 0.5, 0.3}},
                                       {"c", {0.75, 0.5, 1.0, 0.6, 0.6}},
                                       {"d", {0.6, 0.6, 0.6, 0.6, 0.6}},
                                       {"e", {0.25, 0.5, 0.8, 1.0, 1.0}}});
    std::vector<RankSpread> first = rank_sensitivity(r, settings(500, 20, 2027, 2));
    std::vector<RankSpread> again = rank_sensitivity(r, settings(500, 20, 2027, 2));
    std::vector<RankSpread> other = rank_sensitivity(r, settings(500, 20, 2028, 2));
    REQUIRE(first.size() == 5);
    bool any_difference = false;
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(same(first[i], again[i]));
        any_difference = any_difference || !same(first[i], other[i]);
    }
    CHECK(any_difference); // these items are close: another seed moves some share
}

TEST_CASE("sensitivity: a very large concentration collapses to the base ranking",
          "[sensitivity]") {
    // Concentration 1e9: each redrawn weight has a standard deviation of about 1.5e-5 around
    // the base weight, far too little to swap scores that differ by points.
    std::deque<Expectation> store;
    PriorityResult r = ranking(store, {{"c", {0.5, 0.5, 0.5, 0.5, 0.5}},
                                       {"a", {1.0, 1.0, 1.0, 0.6, 0.3}},
                                       {"d", {0.25, 0.5, 0.1, 0.5, 0.5}},
                                       {"b", {0.75, 0.5, 0.7, 0.5, 0.3}}});
    std::vector<RankSpread> s = rank_sensitivity(r, settings(300, 1e9, 5, 2));
    REQUIRE(s.size() == 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        int rank = *r.items[i].rank;
        CAPTURE(r.items[i].expectation->id, rank);
        CHECK(s[i].median_rank == rank);
        CHECK(s[i].rank_p05 == rank);
        CHECK(s[i].rank_p95 == rank);
        CHECK(s[i].p_top_k == (rank <= 2 ? 1.0 : 0.0));
    }
}

TEST_CASE("sensitivity: ties keep id order; reverse items get no spread", "[sensitivity]") {
    std::deque<Expectation> store;
    PriorityResult r = ranking(store, {{"twin-b", {0.5, 0.5, 0.5, 0.5, 0.5}},
                                       {"twin-a", {0.5, 0.5, 0.5, 0.5, 0.5}},
                                       {"reverse", {1, 1, 0, 1, 1}}});
    // Make "reverse" a reverse item: no track, no rank (it sorts last).
    for (PriorityItem& item : r.items)
        if (item.expectation->id == "reverse") item.track.reset();
    assign_ranks(r.items);
    REQUIRE(r.items[0].expectation->id == "twin-a");
    std::vector<RankSpread> s = rank_sensitivity(r, settings(200, 5, 1, 1));
    CHECK(s[0].median_rank == 1); // twin-a: equal scores in every draw, first by id
    CHECK(s[0].p_top_k == 1.0);
    CHECK(s[1].rank_p05 == 2); // twin-b
    CHECK(s[1].p_top_k == 0.0);
    CHECK(same(s[2], RankSpread{})); // reverse: zero spread
}
