#pragma once
// Reading `survey-diff -O json` for `plan --remediate` (PRODUCT.md §4.4).
#include "delight/plan.hpp"

#include <string>
#include <vector>

namespace delight::io {

/// The expectations of a survey-diff JSON with their verdicts and the evidence behind each
/// (the first of the expectation's questions with that verdict: its Δ — the DiD δ when the
/// verdict rests on it, else the change in the mean of the cell it rests on — and q-value).
/// Throws delight::Error: exit 3 with line:col for malformed JSON or a file that is not
/// survey-diff output, exit 4 when it cannot be read.
std::vector<RemediationInput> read_remediation(const std::string& path, const std::string& display);

} // namespace delight::io
