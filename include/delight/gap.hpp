#pragma once
// Step 2 of the method (PRODUCT.md §4.2): what is fulfilled and could be enhanced, what the
// white spaces are, the importance–performance quadrant and the Kano reading of each
// expectation.
#include "delight/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace delight {

/// Importance–Performance Analysis (Martilla & James 1977).
enum class Quadrant { concentrate_here, keep_up_the_good_work, low_priority, possible_overkill };
/// The Kano reading of seed 001.
enum class Reading { dissatisfier, delight_opportunity, over_investment, none };
/// Which list an expectation lands in (seed 000 step 2).
enum class GapList { enhance, white_space, unassessed };

const char* name(Quadrant);
const char* name(Reading);
const char* name(GapList);
const char* name(DeliverySource);

struct GapItem {
    const Expectation* expectation = nullptr;
    DeliveryStatus delivery;
    std::optional<double> gap; ///< performance − desired (negative = shortfall)
    std::optional<Quadrant> quadrant;
    Reading reading = Reading::none;
    GapList list = GapList::unassessed;
};

enum class Crosshair { midpoint, mean };

/// Status columns of the summaries: missing, partial, meeting, exceeding, unassessed.
constexpr std::size_t status_count = 5;
using StatusCounts = std::array<int, status_count>;
/// Index of an item's status in StatusCounts.
std::size_t status_index(const GapItem& item);
const char* status_name(std::size_t index);

struct GapSummaryRow {
    std::string key; ///< touchpoint, function or kind
    StatusCounts counts{};
};

struct GapResult {
    std::vector<GapItem> items; ///< every non-retired expectation, in catalogue order
    double crosshair_importance = 0, crosshair_performance = 0;
    StatusCounts status{};
    std::array<int, 4> readings{}; ///< indexed by Reading
    std::vector<GapSummaryRow> by_touchpoint, by_function, by_kind;
};

/// The Kano reading: must-be + missing/partial → dissatisfier; attractive + missing/partial
/// → delight-opportunity; must-be + exceeding → over-investment; otherwise none.
Reading kano_reading(Kano kano, std::optional<Delivery> delivery);

/// IPA quadrant; a value exactly on a crosshair counts as high.
Quadrant ipa_quadrant(double importance, double performance, double importance_cross,
                      double performance_cross);

GapResult analyse_gap(const Project& project, Crosshair crosshair);
/// The result points into the project: it must outlive the result.
GapResult analyse_gap(Project&& project, Crosshair crosshair) = delete;

} // namespace delight
