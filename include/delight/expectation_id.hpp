#pragma once
// The id `brainstorm add` and `brainstorm import` give a new expectation (PRODUCT.md §4.1):
// the text folded to ASCII, lowercase words joined by '-', at most 40 characters, made unique
// with -2, -3 …; when no ASCII letter or digit is left (e.g. CJK text), "exp-" and 8 hex
// digits of the text's FNV-1a hash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace delight {

/// The longest id the rule makes (the id rule of §3 allows 64).
inline constexpr std::size_t max_generated_id_length = 40;

/// The words of text folded to lowercase ASCII: Unicode compatibility decomposition with
/// marks stripped and case folded (utf8proc: é→e, ß→ss, ﬁ→fi, full-width Ａ→a), a few
/// Latin letters that do not decompose spelt out (æ→ae, œ→oe, ø→o, ł→l, đ/ð→d, þ→th, ı→i).
/// Apostrophes (' ’ ‘ ʼ) join their neighbours ("don't" → "dont"); any other character
/// that is not an ASCII letter or digit separates words. Invalid UTF-8 bytes separate words.
std::vector<std::string> ascii_words(std::string_view text);

/// FNV-1a, 32 bits (offset basis 2166136261, prime 16777619), over the bytes of text.
std::uint32_t fnv1a32(std::string_view text);

/// The id for text before making it unique: its ascii_words joined by '-', cut to at most
/// max_length characters at a word boundary (a first word longer than that is cut inside);
/// "exp-" + 8 lowercase hex digits of fnv1a32(text) when there are no words.
std::string expectation_id_base(std::string_view text,
                                std::size_t max_length = max_generated_id_length);

/// A new id for text that is not in taken: the base, else the base cut shorter so that
/// "-2", "-3" … still fits in max_generated_id_length characters. The result is a valid id
/// (delight::is_valid_id).
std::string make_expectation_id(std::string_view text, const std::vector<std::string>& taken);

} // namespace delight
