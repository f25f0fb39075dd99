#include "delight/sensitivity.hpp"

#include "delight/random.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace delight {

int nearest_rank(std::vector<int>& values, double percentile) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto n = static_cast<double>(values.size());
    // p·N/100 rather than p/100·N: 7/100·100 rounds to 7.000000000000001 and ceil gives 8.
    auto k = static_cast<std::size_t>(std::max(1.0, std::ceil(percentile * n / 100.0)));
    return values[std::min(k, values.size()) - 1];
}

std::vector<RankSpread> rank_sensitivity(const PriorityResult& result,
                                         const SensitivitySettings& settings) {
    std::vector<std::size_t> ranked; // indexes of ranked items, in id order for tie-breaks
    for (std::size_t i = 0; i < result.items.size(); ++i)
        if (result.items[i].rank) ranked.push_back(i);
    std::sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
        return result.items[a].expectation->id < result.items[b].expectation->id;
    });
    const auto draws = static_cast<std::size_t>(settings.draws);
    std::vector<std::vector<int>> ranks(result.items.size());
    for (std::size_t i : ranked)
        ranks[i].reserve(draws);

    std::vector<double> alpha(criterion_count);
    for (std::size_t c = 0; c < criterion_count; ++c)
        alpha[c] = settings.concentration * result.weights[c];
    Random rng(settings.seed);
    std::vector<double> scores(result.items.size());
    std::vector<std::size_t> order(ranked.size());
    for (std::size_t d = 0; d < draws; ++d) {
        std::vector<double> w = rng.dirichlet(alpha);
        for (std::size_t i : ranked) {
            double s = 0;
            for (std::size_t c = 0; c < criterion_count; ++c)
                s += w[c] * result.items[i].criteria[c];
            scores[i] = 100.0 * s;
        }
        std::iota(order.begin(), order.end(), std::size_t{0});
        // Ties keep id order (ranked is in id order and the sort is stable).
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return scores[ranked[a]] > scores[ranked[b]];
        });
        for (std::size_t pos = 0; pos < order.size(); ++pos)
            ranks[ranked[order[pos]]].push_back(static_cast<int>(pos + 1));
    }
    std::vector<RankSpread> out(result.items.size());
    for (std::size_t i : ranked) {
        std::vector<int>& r = ranks[i];
        auto top = std::count_if(r.begin(), r.end(), [&](int v) { return v <= settings.top_k; });
        out[i].p_top_k = draws ? static_cast<double>(top) / static_cast<double>(draws) : 0.0;
        std::sort(r.begin(), r.end());
        if (r.empty()) continue;
        out[i].median_rank = r[(r.size() + 1) / 2 - 1];
        out[i].rank_p05 = nearest_rank(r, 5);
        out[i].rank_p95 = nearest_rank(r, 95);
    }
    return out;
}

} // namespace delight
