// Display width and cutting of UTF-8 text for terminals, per grapheme cluster (utf8proc).
#include "delight/render.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>

namespace delight::render {
namespace {

constexpr utf8proc_int32_t variation_selector_16 = 0xFE0F; // emoji presentation

bool is_regional_indicator(utf8proc_int32_t cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/// The code point at text[pos]; its length in bytes, or -1 when the bytes there are not
/// valid UTF-8 (a surrogate, an overlong form, a truncated sequence...).
std::ptrdiff_t decode(std::string_view text, std::size_t pos, utf8proc_int32_t& cp) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    const auto length = static_cast<utf8proc_ssize_t>(text.size() - pos);
    const utf8proc_ssize_t n = utf8proc_iterate(bytes, length, &cp);
    return n > 0 ? static_cast<std::ptrdiff_t>(n) : -1;
}

struct Cluster {
    std::size_t end; ///< byte offset just past the cluster
    int width;
};

/// The extended grapheme cluster (UAX #29, as utf8proc implements it) that starts at pos.
/// An invalid byte is a cluster of its own, one column wide.
Cluster next_cluster(std::string_view text, std::size_t pos) {
    utf8proc_int32_t prev = 0;
    const std::ptrdiff_t first = decode(text, pos, prev);
    if (first < 0) return {pos + 1, 1};
    pos += static_cast<std::size_t>(first);
    int width = utf8proc_charwidth(prev);
    int indicators = is_regional_indicator(prev) ? 1 : 0;
    bool emoji_presentation = false;
    utf8proc_int32_t state = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        const std::ptrdiff_t n = decode(text, pos, cp);
        if (n < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) break;
        width = std::max(width, utf8proc_charwidth(cp));
        indicators += is_regional_indicator(cp) ? 1 : 0;
        emoji_presentation = emoji_presentation || cp == variation_selector_16;
        prev = cp;
        pos += static_cast<std::size_t>(n);
    }
    // Terminals draw a flag and an emoji-presentation sequence two columns wide, although
    // each code point alone is narrow in utf8proc's table.
    if (indicators >= 2 || (emoji_presentation && width == 1)) width = 2;
    return {pos, width};
}

} // namespace

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Cluster cluster = next_cluster(text, pos);
        width += cluster.width;
        pos = cluster.end;
    }
    return width;
}

std::string truncate_to_width(std::string_view text, int width) {
    if (display_width(text) <= width) return std::string(text);
    if (width <= 0) return {};
    const int budget = width - 1; // room left for the "…"
    int used = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Cluster cluster = next_cluster(text, pos);
        if (used + cluster.width > budget) break;
        used += cluster.width;
        pos = cluster.end;
    }
    std::string_view kept = text.substr(0, pos);
    while (!kept.empty() && kept.back() == ' ')
        kept.remove_suffix(1);
    return std::string(kept) + "…";
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
        if (byte == '\r' && next == '\n') {
            out += ' ';
            ++i;
        } else if (byte < 0x20 || byte == 0x7F) {
            out += ' ';
        } else if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) { // U+0080..U+009F
            out += ' ';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace delight::render
