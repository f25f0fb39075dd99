// A one-hunk unified diff: enough for appends, where the new text is the old one with lines
// inserted in one place (and the first hunk of anything else, still a valid diff).
#include "delight/unified_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace delight::io {
namespace {

/// Lines with their '\n' (the last one may have none).
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

void put(std::string& out, char mark, std::string_view line) {
    out += mark;
    if (!line.empty() && line.back() == '\n') {
        out += line;
    } else {
        out += line;
        out += "\n\\ No newline at end of file\n";
    }
}

/// "start,count" as GNU diff writes it: an empty range names the line before it.
std::string range(std::size_t first, std::size_t count) {
    if (count == 1) return std::to_string(first + 1);
    return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

} // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         const std::string& before_label, const std::string& after_label) {
    if (before == after) return "";
    std::vector<std::string_view> a = lines_of(before), b = lines_of(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    constexpr std::size_t context = 3;
    std::size_t lead = std::min(context, prefix), trail = std::min(context, suffix);
    std::size_t first = prefix - lead;
    std::size_t a_count = lead + (a.size() - prefix - suffix) + trail;
    std::size_t b_count = lead + (b.size() - prefix - suffix) + trail;
    std::string out = fmt::format("--- {}\n+++ {}\n@@ -{} +{} @@\n", before_label, after_label,
                                  range(first, a_count), range(first, b_count));
    for (std::size_t i = first; i < prefix; ++i)
        put(out, ' ', a[i]);
    for (std::size_t i = prefix; i < a.size() - suffix; ++i)
        put(out, '-', a[i]);
    for (std::size_t i = prefix; i < b.size() - suffix; ++i)
        put(out, '+', b[i]);
    for (std::size_t i = a.size() - suffix; i < a.size() - suffix + trail; ++i)
        put(out, ' ', a[i]);
    return out;
}

} // namespace delight::io
