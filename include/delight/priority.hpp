#pragma once
// Ranking the white spaces (PRODUCT.md §4.3): by the team's ability to address them and by
// where competitors stand (seed 000, step 2), in two tracks — fixing the basics and betting
// on delight — so catch-up work does not crowd out the delight bets.
#include "delight/gap.hpp"
#include "delight/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace delight {

enum class Track { basics, delight };
const char* name(Track);
const char* name(PriorityMethod);

/// basics: must-be, performance, indifferent, unknown; delight: attractive; reverse: none.
std::optional<Track> track_of(Kano kano);

struct PriorityItem {
    const Expectation* expectation = nullptr;
    std::optional<Track> track; ///< nullopt for reverse items
    double score = 0;           ///< 0–100 for weighted; the ODI or RICE value otherwise
    std::optional<int> rank;    ///< 1-based; nullopt for reverse items
    std::array<double, criterion_count> criteria{};      ///< weighted method, each 0–1
    std::array<double, criterion_count> contributions{}; ///< weight × criterion × 100
    bool differentiator = false;
    bool ability_defaulted = false;     ///< no ability factor given: 0.5 used
    bool competition_defaulted = false; ///< no competitor rated: 0.5 used
};

struct PriorityOptions {
    bool all = false; ///< fulfilled items too (gap 0), not only white spaces
};

/// Problems that stop a ranking: expectations missing what the method needs.
struct MissingInput {
    const Expectation* expectation;
    std::vector<std::string> fields;
};

struct PriorityResult {
    PriorityMethod method = PriorityMethod::weighted;
    std::array<double, criterion_count> weights{}; ///< normalised to sum 1
    std::vector<PriorityItem> items;               ///< ranked first (by rank), reverse last
    std::vector<MissingInput> missing;             ///< non-empty: the ranking is refused
};

/// The five criteria of the weighted method for one expectation (each 0–1).
std::array<double, criterion_count> criteria_of(const Expectation& e, const DeliveryStatus& d,
                                                const Project& p, bool fulfilled);

/// Ranks by score (descending), ties by id; reverse items get no rank.
PriorityResult prioritize(const Project& project, const PriorityOptions& options);
/// The result points into the project: it must outlive the result.
PriorityResult prioritize(Project&& project, const PriorityOptions& options) = delete;

/// Assigns ranks 1..n to ranked items by score desc, id asc (reverse items stay unranked).
void assign_ranks(std::vector<PriorityItem>& items);

} // namespace delight
