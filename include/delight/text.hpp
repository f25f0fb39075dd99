#pragma once
// Text rules shared by loaders and commands: ids, suggestions, answer matching.
#include <string>
#include <string_view>
#include <vector>

namespace delight {

/// Ids of touchpoints, functions, competitors, expectations and segments (§3):
/// ^[a-z0-9]+(-[a-z0-9]+)*$, at most 64 characters.
bool is_valid_id(std::string_view id);

/// The closest candidate to word by edit distance (Damerau–Levenshtein, optimal string
/// alignment), or "" when none is close enough (distance ≤ max(1, len/3)). Ties: the first.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "".
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

/// Survey answer matching key (§3.5): Unicode NFC, trimmed, case-folded, typographic
/// apostrophes and quotes replaced by straight ones.
std::string normalize_answer(std::string_view text);

/// True when text is one line (no CR or LF).
bool is_one_line(std::string_view text);

/// Number of Unicode code points in valid UTF-8 text.
std::size_t code_points(std::string_view text);

} // namespace delight
