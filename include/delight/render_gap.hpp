#pragma once
// Renderings of `delight gap` (PRODUCT.md §4.2).
#include "delight/gap.hpp"
#include "delight/render.hpp"

#include <string>

namespace delight::render {

/// Tables: the white spaces, the enhance list, the unassessed ids, and summaries per status
/// × touchpoint / function / kind (heat maps when colour is on).
std::string gap_text(const GapResult& r, const Style& style);
/// The same as GitHub-flavoured Markdown.
std::string gap_markdown(const GapResult& r);
/// One row per expectation.
std::string gap_csv(const GapResult& r, const Style& style);
/// §4.2 JSON: items and summary.
std::string gap_json(const GapResult& r);

} // namespace delight::render
