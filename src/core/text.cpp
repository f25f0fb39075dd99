#include "delight/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace delight {

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    char prev = '\0';
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

namespace {

/// Optimal string alignment distance (insertions, deletions, substitutions, transpositions),
/// or limit + 1 as soon as it must exceed limit: suggestions run once per unknown name against
/// every known one, so the common case must be cheap.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (diff > limit) return limit + 1;
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], prev2[j - 2] + 1);
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, row);
    }
    return prev[b.size()];
}

} // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    // Short words are too easily "close" to anything: suggest only from 3 characters on.
    if (word.size() < 3 || word.size() > 200) return "";
    std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
        if (c.size() > 200) continue;
        // A candidate that starts with the word (a prefix typed) is a good guess too.
        std::size_t dist = edit_distance(word, c, best_distance);
        if (word.size() >= 3 && c.size() > word.size() && c.compare(0, word.size(), word) == 0)
            dist = std::min(dist, limit);
        if (dist < best_distance) {
            best_distance = dist;
            best = c;
        }
    }
    return best;
}

std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates) {
    std::string s = did_you_mean(word, candidates);
    return s.empty() ? "" : " (did you mean '" + s + "'?)";
}

std::string normalize_answer(std::string_view text) {
    utf8proc_uint8_t* out = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                      static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    std::string folded;
    if (n >= 0) {
        folded.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    } else {
        folded.assign(text);
    }
    std::free(out);
    // Typographic apostrophes and quotes equal straight ones.
    static const std::pair<std::string_view, char> replacements[] = {
        {"\u2018", '\''}, {"\u2019", '\''}, {"\u201A", '\''}, {"\u2032", '\''},
        {"\u201C", '"'},  {"\u201D", '"'},  {"\u201E", '"'},  {"\u2033", '"'}};
    std::string result;
    result.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        bool replaced = false;
        for (const auto& [from, to] : replacements) {
            if (folded.compare(i, from.size(), from) == 0) {
                result.push_back(to);
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) result.push_back(folded[i++]);
    }
    std::size_t first = result.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    std::size_t last = result.find_last_not_of(" \t");
    return result.substr(first, last - first + 1);
}

bool is_one_line(std::string_view text) {
    return text.find('\n') == std::string_view::npos && text.find('\r') == std::string_view::npos;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace delight
