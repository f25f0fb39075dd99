// UTF-8 validation and character columns (see include/delight/utf8.hpp).
#include "delight/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace delight {
namespace {

constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

bool in_range(unsigned char c, unsigned lo, unsigned hi) {
    return c >= lo && c <= hi;
}

/// Length of the well-formed sequence starting at text[i] (i < size), or 0 when ill-formed.
/// The ranges of the second byte are Unicode 15, Table 3-7.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (in_range(lead, 0xC2, 0xDF)) {
        n = 2;
    } else if (in_range(lead, 0xE0, 0xEF)) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0; // overlong
        if (lead == 0xED) hi = 0x9F; // surrogates
    } else if (in_range(lead, 0xF0, 0xF4)) {
        n = 4;
        if (lead == 0xF0) lo = 0x90; // overlong
        if (lead == 0xF4) hi = 0x8F; // above U+10FFFF
    } else {
        return 0; // continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (text.size() - i < n) return 0;
    if (!in_range(byte(1), lo, hi)) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (!in_range(byte(k), 0x80, 0xBF)) return 0;
    return n;
}

bool all_ascii16(const char* p) {
    std::uint64_t a, b;
    std::memcpy(&a, p, sizeof a);
    std::memcpy(&b, p + 8, sizeof b);
    return ((a | b) & high_bits) == 0;
}

bool is_cp1252_printable_high(unsigned char c) {
    // The five bytes Windows-1252 leaves undefined; Latin-1 proper maps them to C1 controls.
    return c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D;
}

} // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        // Survey exports are nearly all ASCII: skip sixteen bytes at a time.
        while (i + 16 <= size && all_ascii16(text.data() + i))
            i += 16;
        while (i < size && static_cast<unsigned char>(text[i]) < 0x80)
            ++i;
        if (i >= size) break;
        const std::size_t n = sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

bool looks_like_latin1(std::string_view text) {
    bool has_high = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
        if (c == 0x7F) return false;
        if (c >= 0x80) {
            if (!is_cp1252_printable_high(c)) return false;
            has_high = true;
        }
    }
    return has_high && first_invalid_utf8(text).has_value();
}

int char_column(std::string_view line, std::size_t byte_offset) {
    if (byte_offset > line.size()) byte_offset = line.size();
    const std::string_view prefix = line.substr(0, byte_offset);
    int column = 1;
    std::size_t i = 0;
    while (i < prefix.size()) {
        const std::size_t n = sequence_length(prefix, i);
        i += n == 0 ? 1 : n;
        ++column;
    }
    return column;
}

} // namespace delight
