// Diagnostics as printed on stderr (PRODUCT.md §5): the layout editors and CI parse.
#include "delight/render.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <utf8proc.h>

#include <cstddef>

namespace delight::render {
namespace {

constexpr const char* bold_red = "\x1b[1;31m";
constexpr const char* bold_magenta = "\x1b[1;35m";
constexpr const char* green = "\x1b[32m";
constexpr const char* reset = "\x1b[0m";

std::string paint(const std::string& text, const char* sgr, bool color) {
    return color ? sgr + text + reset : text;
}

std::string location_prefix(const Location& loc) {
    if (loc.file.empty()) return {};
    if (loc.line > 0 && loc.col > 0) return fmt::format("{}:{}:{}: ", loc.file, loc.line, loc.col);
    if (loc.line > 0) return fmt::format("{}:{}: ", loc.file, loc.line);
    return loc.file + ": ";
}

/// Byte length of the first `chars` characters (code points; an invalid byte counts as
/// one), and how many characters the text lacked to reach that count.
std::pair<std::size_t, int> character_prefix(std::string_view text, int chars) {
    std::size_t pos = 0;
    for (; chars > 0 && pos < text.size(); --chars) {
        utf8proc_int32_t cp = 0;
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
        const auto n =
            utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        pos += n > 0 ? static_cast<std::size_t>(n) : 1U;
    }
    return {pos, chars};
}

/// text with each byte that utf8proc cannot decode replaced by U+FFFD: the line an encoding
/// error points at (a Latin-1 CSV row) is then shown as UTF-8 like the rest of stderr, and the
/// caret still lines up (character_prefix counts an undecodable byte as one character too).
std::string well_formed(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
        const auto n =
            utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n > 0) {
            out.append(text.substr(pos, static_cast<std::size_t>(n)));
            pos += static_cast<std::size_t>(n);
        } else {
            out += "\xEF\xBF\xBD";
            ++pos;
        }
    }
    return out;
}

/// The source line and, when a column is known, the caret under it.
std::string excerpt(const Location& loc, bool color) {
    // Tabs and other controls become one space each, so the character count is unchanged
    // and the caret lines up whatever the terminal's tab stops.
    std::string source = printable(well_formed(loc.source_line));
    int col = loc.col;
    // A very long line (minified or hostile input) is shown as a window around the column.
    constexpr int window = 100;
    if (display_width(source) > 2 * window) {
        const int first = std::max(0, col - 1 - window / 2);
        const auto [from, ignored] = character_prefix(source, first);
        const auto [length, past] = character_prefix(std::string_view(source).substr(from), window);
        const bool cut_end = from + length < source.size();
        source = (first > 0 ? "…" : "") + source.substr(from, length) + (cut_end ? "…" : "");
        if (col > 0) col = col - first + (first > 0 ? 1 : 0);
        (void)ignored;
        (void)past;
    }
    std::string out = fmt::format("{:>5} | {}\n", loc.line, source);
    if (col <= 0) return out;
    const auto [bytes, past_end] = character_prefix(source, col - 1);
    const int indent = display_width(std::string_view(source).substr(0, bytes)) + past_end;
    out += "      | " + std::string(static_cast<std::size_t>(indent), ' ');
    out += paint("^", green, color) + '\n';
    return out;
}

} // namespace

std::string diagnostic_text(const Diagnostic& d, bool color, const std::string& program) {
    const bool is_error = d.severity == Severity::error;
    const std::string label =
        paint(is_error ? "error:" : "warning:", is_error ? bold_red : bold_magenta, color);
    std::string out = program + ": " + label + ' ' + location_prefix(d.loc) + d.message + '\n';
    if (d.loc.line > 0 && !d.loc.source_line.empty()) out += excerpt(d.loc, color);
    return out;
}

} // namespace delight::render
