#pragma once
// Renderings of `delight survey-diff` (PRODUCT.md §4.5).
#include "delight/render.hpp"
#include "delight/survey_diff.hpp"

#include <string>
#include <vector>

namespace delight::render {

/// Tables: expectation verdicts, per-question changes (whole sample, then pilot vs control
/// with the DiD), NPS, Kano, the roll-up by kind, trends (3+ waves) and --by segments.
std::string survey_diff_text(const SurveyDiffResult& r, const Style& style);
/// The Markdown view as blocks: "Overview" (waves and settings), the whole sample's
/// sections, then each --by segment's ("segment smb: Expectations", …).
std::vector<Block> survey_diff_blocks(const SurveyDiffResult& r);
/// The same as GitHub-flavoured Markdown.
std::string survey_diff_markdown(const SurveyDiffResult& r);
/// One row per question and cell (sample, pilot, control; per segment with --by).
std::string survey_diff_csv(const SurveyDiffResult& r, const Style& style);
/// §4.5 JSON: every key present, null where undefined, arrays indexed by wave.
std::string survey_diff_json(const SurveyDiffResult& r);

/// A p-value for tables: 3 decimals, "<0.001" style below that as 1.2e-05, "< 1e-300" at the
/// floor, "–" when undefined.
std::string p_text(const std::optional<double>& p);

} // namespace delight::render
