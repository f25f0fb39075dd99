#pragma once
// UTF-8 checks shared by the input readers (CSV, YAML): PRODUCT.md §5 requires valid UTF-8,
// a hint for Latin-1 files, and columns counted in characters.
#include <cstddef>
#include <optional>
#include <string_view>

namespace delight {

/// Byte offset of the first ill-formed UTF-8 sequence in text (the offset of its first byte),
/// or nullopt when text is well-formed. Strict per Unicode Table 3-7: overlong forms,
/// surrogates (U+D800..U+DFFF), code points above U+10FFFF and sequences cut short by the end
/// of text are all ill-formed. NUL is well-formed (callers that refuse it check separately).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Heuristic for the "re-save the file as UTF-8" hint: true when text is not well-formed UTF-8
/// yet reads as Latin-1 / Windows-1252 text — every byte is printable there (no control bytes
/// other than tab, LF and CR, and none of the five bytes Windows-1252 leaves undefined).
bool looks_like_latin1(std::string_view text);

/// 1-based column, in characters (Unicode code points), of byte_offset in line. An ill-formed
/// byte counts as one character; an offset past the end is clamped to the end.
int char_column(std::string_view line, std::size_t byte_offset);

} // namespace delight
