#pragma once
// Renderings of `delight prioritize` (PRODUCT.md §4.3).
#include "delight/priority.hpp"
#include "delight/render.hpp"
#include "delight/sensitivity.hpp"

#include <optional>
#include <string>
#include <vector>

namespace delight::render {

/// What the command asked for beyond the ranking itself.
struct PriorityView {
    std::optional<Track> track; ///< --track filter
    int top = 0;                ///< --top N (0 = all)
    bool explain = false;
    std::vector<RankSpread> sensitivity; ///< parallel to result.items when asked
    long long top_k = 5;
    /// --against: per item its move ("+3", "-2", "0", "new") and the criteria that changed,
    /// parallel to result.items; gone items listed separately.
    std::vector<std::string> moves;
    std::vector<std::vector<std::string>> changed;
    std::vector<std::string> gone;
};

std::string priority_text(const PriorityResult& r, const PriorityView& v, const Style& style);
std::string priority_markdown(const PriorityResult& r, const PriorityView& v);
/// The ranking as one block: the weights line, then the table (no --explain detail).
std::vector<Block> priority_blocks(const PriorityResult& r, const PriorityView& v);
std::string priority_csv(const PriorityResult& r, const PriorityView& v, const Style& style);
std::string priority_json(const PriorityResult& r, const PriorityView& v);

} // namespace delight::render
