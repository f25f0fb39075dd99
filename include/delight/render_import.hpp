#pragma once
// The summary of `delight brainstorm import` (PRODUCT.md §4.1): one line per note — matched,
// added, already recorded or could not place — and the totals. Quotes are personal data and
// are never shown here.
#include "delight/interview_import.hpp"
#include "delight/render.hpp"

#include <string>
#include <vector>

namespace delight::render {

/// Columns: line (of the notes file), account, result, id, expectation (the note's text or
/// id, cut first when the table is too wide). Results: "matched (id)", "matched (same text)",
/// "matched (similar 0.82)", "added", "already recorded", "could not place". Table text ends with a
/// totals line.
std::string import_text(const std::vector<InterviewNote>& notes, const ImportPlan& plan,
                        const Style& style);
std::string import_markdown(const std::vector<InterviewNote>& notes, const ImportPlan& plan);
/// Columns line, account, expectation, result, match, similarity, id ("" where n/a);
/// result is matched|added|already recorded|could not place, match id|text|similarity.
std::string import_csv(const std::vector<InterviewNote>& notes, const ImportPlan& plan,
                       const Style& style);
/// {"version": 1, "rows": [{"line", "account", "expectation", "result", "match",
/// "similarity", "id"}], "totals": {"matched", "added", "already_recorded",
/// "could_not_place"}}; result is matched|added|already-recorded|could-not-place, match is
/// id|text|similarity or null, similarity a number or null, id null when unplaced.
std::string import_json(const std::vector<InterviewNote>& notes, const ImportPlan& plan);

/// "2 matched, 1 added, 0 already recorded, 1 could not place (4 notes)".
std::string import_totals(const ImportPlan& plan);

} // namespace delight::render
