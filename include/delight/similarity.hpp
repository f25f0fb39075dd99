#pragma once
// Near-duplicate detection for the catalogue (PRODUCT.md §4.1): a text similarity robust to
// word order, case and plurals, and a candidate search that never compares all n² pairs.
// The measure and the threshold are documented in docs/methodology.md ("Near-duplicates").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace delight {

/// Similarity in [0,1] of two texts, robust to word order, case and plurals (see
/// docs/methodology.md): the mean of the Dice coefficient of the two sets of normalised word
/// stems and the Dice coefficient of their sets of character trigrams. Identical texts give
/// 1. A text without any word (empty, punctuation only) gives 0 against one with words and 1
/// against another without words; never NaN.
double text_similarity(std::string_view a, std::string_view b);

/// The threshold at or above which two expectations are near-duplicates.
inline constexpr double near_duplicate_threshold = 0.7;

struct SimilarPair {
    std::size_t a, b; ///< a < b, indexes into texts
    double similarity;
};

/// Every pair at or above threshold, sorted by similarity desc then (a, b). Candidates come
/// from an inverted index of word stems (or of trigrams when threshold ≤ 0.5), never all n²
/// pairs: fast for 10 000 texts.
std::vector<SimilarPair> near_duplicates(const std::vector<std::string>& texts, double threshold);

/// The most similar text at or above threshold (ties: the lowest index), or nullopt.
std::optional<std::pair<std::size_t, double>>
best_match(std::string_view text, const std::vector<std::string>& texts, double threshold);

} // namespace delight
