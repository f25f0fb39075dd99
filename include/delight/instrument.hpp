#pragma once
// The survey instrument of `delight plan --instrument` (PRODUCT.md §4.4): for each planned
// action the questions that measure it — importance, performance and the adequate and desired
// levels (so the zone of tolerance can be measured), the Kano pair where the category is
// attractive or unknown — and NPS at the end, with the columns a survey export will have and
// the `survey:` mapping (§3.5) that reads them back. Pure: render/instrument.cpp writes the
// files.
//
// The instrument is self-contained: it does not reuse questions the project's existing
// survey mapping already has for an expectation; its columns are derived from the expectation
// ids alone, so the same actions always give the same columns.
#include "delight/model.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace delight {

/// The most characters (Unicode code points) a generated question may have.
constexpr std::size_t max_question_length = 140;

/// One question of the instrument.
struct InstrumentQuestion {
    SurveyQuestion::Type type = SurveyQuestion::Type::likert;
    std::string column;      ///< likert, nps: the survey export's column
    std::string text;        ///< likert, nps: the question as asked
    std::string expectation; ///< likert, kano: the expectation id ("" for NPS)
    /// likert, kano: the expectation's wording (its `question`, else its `text`, else its id,
    /// whichever is first not blank) on one line, whole; the questions embed it, shortened when
    /// needed. Headings group by it.
    std::string subject;
    Measure measure = Measure::performance;          ///< likert
    std::string functional, dysfunctional;           ///< kano: the two columns
    std::string functional_text, dysfunctional_text; ///< kano: the two questions as asked
};

struct Instrument {
    std::string title; ///< the project's name
    Scale scale;       ///< of the Likert questions: the project's
    std::string id_column = "respondent_id";
    std::string account_column = "account";
    std::string group_column = "group";
    std::string pilot_label = "pilot", control_label = "control";
    /// Likert and Kano questions grouped by action, in the order of the actions; then NPS.
    std::vector<InstrumentQuestion> questions;
};

/// The instrument measuring actions (the plan's expectations, in its order; an expectation
/// listed again is skipped). Per expectation, with its wording w (the subject: `question`,
/// else `text`, else the id; without final punctuation), Likert questions on the project
/// scale:
///   <id>_importance   "How important is this to you: w?"
///   <id>_performance  "How well do we do this today: w?"
///   <id>_adequate     "What is the lowest level you would still accept: w?"
///   <id>_desired      "What level would you like us to reach: w?"
/// and, when its Kano category is attractive or unknown, the Kano pair (answered with
/// kano_answer_options()):
///   <id>_kano_f       "How would you feel if we provided this: w?"
///   <id>_kano_d       "How would you feel if we did not provide this: w?"
/// then one NPS question, column `nps`. Each question has at most max_question_length code
/// points: a longer w is cut at the last word boundary that fits and ends with "…" (a single
/// word too long is cut between characters). Ids are expected to be valid (§3), as the loader
/// guarantees; column names are then unique and never collide with respondent_id, account,
/// group or nps.
Instrument build_instrument(const Project& p, const std::vector<const Expectation*>& actions);

/// The five standard Kano answers as the questionnaire shows them ("I like it" …), in the
/// order like, expect, neutral, live-with, dislike; KanoDecoder reads each by default.
const std::vector<std::pair<std::string, KanoAnswer>>& kano_answer_options();

/// The columns of a survey export of the instrument, in order: the id, account and group
/// columns, then each question's column (a Kano pair's functional, then dysfunctional).
std::vector<std::string> instrument_columns(const Instrument& instrument);

/// The survey mapping (§3.5) that reads the instrument's answers: id, account and group
/// columns, the group labels, and one question per Likert and NPS question and per Kano pair,
/// in order, each Likert question with the instrument's scale. No waves: they are the exports
/// still to come.
SurveyMapping instrument_mapping(const Instrument& instrument);

} // namespace delight
