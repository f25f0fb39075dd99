#pragma once
// How robust is a weighted ranking to the weights? (PRODUCT.md §4.3 --sensitivity.) N redraws
// of the weights from a Dirichlet with α_i = concentration × w_i, each re-ranking the items.
#include "delight/priority.hpp"

#include <vector>

namespace delight {

struct RankSpread {
    int median_rank = 0; ///< lower median
    int rank_p05 = 0;    ///< 5th percentile, nearest rank
    int rank_p95 = 0;    ///< 95th percentile, nearest rank
    double p_top_k = 0;  ///< share of draws in which the item ranks ≤ k
};

/// One spread per ranked item of result (same order; reverse items get a zero spread).
/// Deterministic for a seed (core/random).
std::vector<RankSpread> rank_sensitivity(const PriorityResult& result,
                                         const SensitivitySettings& settings);

/// The k-th smallest (1-based) of values, which is sorted in place.
int nearest_rank(std::vector<int>& values, double percentile);

} // namespace delight
