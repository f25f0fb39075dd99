#pragma once
// The three files of `delight plan --instrument DIR` (PRODUCT.md §4.4): the questionnaire,
// the header of the survey export, and the `survey:` mapping that reads the export back
// (§3.5), so the answers reach survey-diff with no hand editing. All three are generated
// files (§3.7): regenerated whole, and say so where the format allows a comment.
#include "delight/instrument.hpp"

#include <string>

namespace delight::render {

/// questions.md: a GFM questionnaire to send — the title, an introduction, the answer scales
/// (the instrument's scale for importance, and for performance and the lowest and ideal
/// levels; 0–10 for NPS), the questions numbered 1…N and grouped under one heading per
/// expectation (its wording), each Kano question followed by the five standard answers, then
/// the NPS question, and a last section for whoever sets the survey up: which column of the
/// export holds each question. Project text is escaped (backslash before \ ` * _ [ ] # | ~ $,
/// entities for & < >, control characters and line breaks as spaces), so it can add no
/// markup, link or HTML. Lines end with LF.
std::string instrument_questions_markdown(const Instrument& instrument);

/// template.csv: the header row of a survey export of the instrument (instrument_columns),
/// one CSV line ending with LF, nothing else.
std::string instrument_template_csv(const Instrument& instrument);

/// survey.yaml: comments saying the file is generated and how to use it, then a top-level
/// `survey:` block equal to instrument_mapping(instrument) — id, account, group, groups,
/// delimiter, header_rows and the questions as flow mappings (each Likert question with its
/// column, expectation, measure and scale) — for pasting into delight.yaml. Every string is
/// written plain only when a YAML reader reads it back as the same string, else
/// double-quoted with escapes (yaml_scalar). Lines end with LF.
std::string instrument_survey_yaml(const Instrument& instrument);

} // namespace delight::render
