#pragma once
// Reading interview notes for `delight brainstorm import` (PRODUCT.md §4.1).
#include "delight/diagnostic.hpp"
#include "delight/interview_import.hpp"
#include "delight/model.hpp"

#include <string>
#include <vector>

namespace delight::io {

/// Reads interview notes from a CSV file ("-" reads standard input): a header with the
/// columns account, expectation, quote and date, optionally touchpoint, function (several
/// ids separated by ';') and kind, in any order; blank lines are skipped. Every bad row or
/// cell is added to diags at its file:line:col: an unknown or missing column, a wrong number
/// of cells, an empty expectation, text over its limit (expectation 300 characters, quote
/// 2000, account 64) or on several lines, a date that is not a real YYYY-MM-DD date, an
/// account missing from the project's accounts (when it lists any), an unknown touchpoint,
/// function or kind, and a word that looks like a mistyped expectation id. Structural CSV
/// problems (an unbalanced quote, invalid UTF-8) throw delight::Error (ExitCode::input); a
/// file that cannot be read throws ExitCode::os.
std::vector<InterviewNote> read_interview_notes(const std::string& path, const Project& project,
                                                Diagnostics& diags);

/// Whether text is a real calendar date written YYYY-MM-DD (Gregorian leap years).
bool is_iso_date(std::string_view text);

} // namespace delight::io
