#pragma once
// Filling SurveyData (survey_data.hpp) from survey waves (PRODUCT.md §3.5, §4.5): streaming
// the CSV exports once each, or reading pre-aggregated `--counts` files. Both paths decode
// answers with the same AnswerDecoder/KanoDecoder, so they give identical SurveyData.
#include "delight/model.hpp"
#include "delight/survey_data.hpp"

#include <string>
#include <vector>

namespace delight::io {

/// How rows are split into segments (`--by`).
struct SegmentBy {
    enum class Kind { none, segment, satisfaction, column };
    Kind kind = Kind::none;
    std::string column; ///< Kind::column: the CSV column
};

/// Parses a --by value: "segment", "satisfaction" or a column name ("" → none).
SegmentBy parse_segment_by(const std::string& by);

/// Refuses (usage, exit 2) a --by the mapping cannot serve: segment without survey.segment or
/// survey.account, satisfaction without survey.account.
void check_segment_by(const SurveyMapping& survey, const SegmentBy& by);

struct WaveInput {
    std::string path;    ///< as opened ("-" for standard input)
    std::string display; ///< as shown in diagnostics
    std::string label;   ///< wave label: the file name without extension
};

/// The label of a wave file: its file name without the extension ("<stdin>" for "-").
std::string wave_label(const std::string& path);

/// Streams every wave once (two at a time on two threads) and counts the answers of every
/// mapped question per wave, group and segment; per account when an account column is
/// mapped; and, when an id column is mapped and there are two waves or more, the paired
/// differences of respondents present in the first and the last wave. With survey.wave set
/// there must be exactly one file, whose wave column splits it into waves (ordered as first
/// seen). Throws delight::Error (exit 3) for a missing column, a duplicate respondent id
/// within a wave when pairing, a question whose invalid share exceeds survey.max_invalid,
/// or rows of the wrong length past max_invalid; exit 4 for an unreadable file.
SurveyData read_survey_waves(const Project& project, const std::vector<WaveInput>& waves,
                             const SegmentBy& by);

/// Reads pre-aggregated counts (docs/scale-out.md). Each file is recognised by its header:
///   wave,group,segment,question,value,count[,account]      Likert and NPS answers
///   wave,group,segment,question,functional,dysfunctional,count      Kano pairs
///   group,segment,question,difference,count                 first-vs-last paired differences
/// `question` is the mapped column (a Kano question's functional column); `value`,
/// `functional` and `dysfunctional` are answers as written in the survey (decoded with the
/// survey mapping, so labels and na work), or `na` / `invalid`; `group` holds the survey's
/// group labels. Waves are ordered as survey.waves lists them (by label), else as first seen.
/// `--by segment` uses the segment column; `--by satisfaction` needs the account column;
/// other --by values are refused. Throws delight::Error (exit 3) with file:line:col.
SurveyData read_survey_counts(const Project& project, const std::vector<WaveInput>& files,
                              const SegmentBy& by);

/// Refuses (exit 3) a question whose share of invalid cells exceeds survey.max_invalid in
/// any wave; `where` names each wave in the message.
void check_invalid_shares(const Project& project, const SurveyData& data,
                          const std::vector<WaveInput>& where);

} // namespace delight::io
