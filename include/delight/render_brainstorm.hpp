#pragma once
// Renderings of `delight brainstorm` (PRODUCT.md §4.1) and of `delight brainstorm export`.
#include "delight/brainstorm.hpp"
#include "delight/model.hpp"
#include "delight/render.hpp"

#include <string>
#include <vector>

namespace delight::render {

/// The terminal view: the coverage matrix as a heat map (function columns abbreviated, with a
/// legend, when full names do not fit style.width), kinds, verification, blind spots with
/// their prompts (wrapped to the width), near-duplicates.
std::string brainstorm_text(const BrainstormSummary& s, const Style& style);

/// The sections of the Markdown view as blocks: coverage, kinds, verification, blind spots
/// (one row per prompt), near-duplicates.
std::vector<Block> brainstorm_blocks(const BrainstormSummary& s);
/// The same sections as GitHub-flavoured Markdown (full function names).
std::string brainstorm_markdown(const BrainstormSummary& s);

/// One row per blind spot: touchpoint,function,kind,prompt (empty touchpoint/function when
/// the blind spot is not about one; kind "any" for an empty cell; several prompts in one
/// cell, one per line).
std::string brainstorm_csv(const BrainstormSummary& s, const Style& style);

/// {"version":1,"coverage":{"touchpoints","functions","cells":[{touchpoint,function,count}]},
///  "kinds":{stated,implied,latent,future},"verified":{expectations,accounts},
///  "blind_spots":[{touchpoint,function,kind,prompts}],"near_duplicates":[{a,b,similarity}]}
/// touchpoint/function null where a blind spot is not about one; kind "any" for an empty
/// cell; similarity unrounded.
std::string brainstorm_json(const BrainstormSummary& s);

/// The catalogue as a CSV list file (PRODUCT.md §3.6) that loads back to the same
/// expectations: one row per expectation (retired ones included, in catalogue order); the
/// header holds every field that some expectation sets to other than its default, in the
/// order of the field table of §3.2, with `competitor.<id>` columns (project order) and
/// `ability.<factor>` columns (budget, technology, personnel, skills); `functions` and
/// `after` are `;`-joined; numbers in shortest round-trip form ("3", "0.25"); text cells
/// neutralised against formulas unless style.raw_csv.
std::string catalogue_csv(const Project& project, const Style& style);

} // namespace delight::render
