#pragma once
// Renderings of `delight gap` (PRODUCT.md §4.2).
#include "delight/gap.hpp"
#include "delight/gap_survey.hpp"
#include "delight/render.hpp"

#include <string>
#include <vector>

namespace delight::render {

/// Tables: the white spaces, the enhance list, the unassessed ids, and summaries per status
/// × touchpoint / function / kind (heat maps when colour is on). With a survey (`--survey`):
/// a line naming the wave, and two more sections before the summaries — "Outside-in" and
/// "Kano: measured vs team". `survey` is null without --survey (the output is then exactly
/// what it was before --survey existed).
std::string gap_text(const GapResult& r, const Style& style, const GapSurvey* survey = nullptr);
/// The same as GitHub-flavoured Markdown.
std::string gap_markdown(const GapResult& r, const GapSurvey* survey = nullptr);
/// The Markdown view as blocks: "Overview" (the headline lines), then the sections.
std::vector<Block> gap_blocks(const GapResult& r, const GapSurvey* survey = nullptr);
/// One row per expectation (with a survey, the values are the measured ones; no new columns).
std::string gap_csv(const GapResult& r, const Style& style);
/// §4.2 JSON: items and summary, then `survey`: null, or {wave, outside_in[{id,
/// team_delivery, performance, adequate, reason, n}], kano_disagreements[{id, team, measured,
/// n_pairs}], measured[{id, performance, importance, adequate, desired, n_performance, kano,
/// n_kano_pairs}]}.
std::string gap_json(const GapResult& r, const GapSurvey* survey = nullptr);

} // namespace delight::render
