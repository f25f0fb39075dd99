#pragma once
// `delight brainstorm import` (PRODUCT.md §4.1): which expectation each interview note
// belongs to, which notes become new expectations, and which evidence to append. Pure: the
// notes are read by io::read_interview_notes, the result is written by cli/.
#include "delight/diagnostic.hpp"
#include "delight/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace delight {

/// One row of interview notes.
struct InterviewNote {
    std::string account;
    std::string expectation; ///< an expectation id, or free text
    std::string quote;
    std::string date; ///< YYYY-MM-DD or empty
    std::string touchpoint;
    std::vector<std::string> functions;
    std::optional<Kind> kind;
    Location loc; ///< the row
};

enum class NoteOutcome {
    matched,          ///< evidence added to an existing expectation
    added,            ///< a new expectation, with its evidence
    already_recorded, ///< the evidence is there already: nothing to do
    unplaced,         ///< no match and no touchpoint/function: listed for triage
};

/// How a note was matched.
enum class MatchBy { none, id, text, similarity };

struct NoteResult {
    NoteOutcome outcome = NoteOutcome::unplaced;
    MatchBy by = MatchBy::none;
    std::string expectation_id; ///< empty when unplaced
    double similarity = 0;      ///< for MatchBy::similarity
};

struct ImportPlan {
    std::vector<NoteResult> results;           ///< one per note, in order
    std::vector<Expectation> new_expectations; ///< source "interview"
    std::vector<Evidence> new_evidence;        ///< source interview
};

/// Matches each note in order: an existing id; else the same text (normalize_answer); else
/// the most similar text at or above threshold (text_similarity, retired expectations left
/// out); else, with a touchpoint and a function, a new expectation (id by
/// make_expectation_id, later notes can match it); else unplaced. A matched note whose
/// evidence (same expectation, account, date and quote) exists — in the project or earlier in
/// the notes — is already_recorded. So is one whose account, date and quote are recorded for
/// another expectation its text matches at or above threshold: a re-import after new
/// expectations were added matches the same way and adds nothing.
ImportPlan plan_interview_import(const Project& project, const std::vector<InterviewNote>& notes,
                                 double threshold);

} // namespace delight
