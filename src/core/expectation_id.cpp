// The id rule for new expectations (PRODUCT.md §4.1), documented in expectation_id.hpp.
#include "delight/expectation_id.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace delight {
namespace {

/// Latin letters without a decomposition, after case folding, and their ASCII spelling.
const char* spelt_out(utf8proc_int32_t cp) {
    switch (cp) {
    case 0x00E6:
        return "ae"; // æ
    case 0x0153:
        return "oe"; // œ
    case 0x00F8:
        return "o"; // ø
    case 0x0142:
        return "l"; // ł
    case 0x0111:
        return "d"; // đ
    case 0x00F0:
        return "d"; // ð
    case 0x00FE:
        return "th"; // þ
    case 0x0131:
        return "i"; // ı
    default:
        return nullptr;
    }
}

bool is_apostrophe(utf8proc_int32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/// NFKD with marks stripped and case folded; the input itself when it is not valid UTF-8.
std::string folded(std::string_view text) {
    utf8proc_uint8_t* out = nullptr;
    auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                      static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (n < 0) return std::string(text);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

/// Words joined by '-' while they fit in max_length; a first word that does not fit is cut.
std::string joined(const std::vector<std::string>& words, std::size_t max_length) {
    std::string id;
    for (const std::string& w : words) {
        if (id.empty() && w.size() > max_length) return w.substr(0, max_length);
        if (id.size() + (id.empty() ? 0 : 1) + w.size() > max_length) break;
        if (!id.empty()) id += '-';
        id += w;
    }
    return id;
}

} // namespace

std::vector<std::string> ascii_words(std::string_view text) {
    std::string f = folded(text);
    std::vector<std::string> words(1);
    std::size_t pos = 0;
    while (pos < f.size()) {
        utf8proc_int32_t cp = -1;
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(f.data() + pos);
        auto n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(f.size() - pos), &cp);
        pos += n > 0 ? static_cast<std::size_t>(n) : 1;
        if (n > 0 && cp < 0x80 && std::isalnum(static_cast<int>(cp)) != 0) {
            words.back() += static_cast<char>(std::tolower(static_cast<int>(cp)));
        } else if (const char* s = n > 0 ? spelt_out(cp) : nullptr) {
            words.back() += s;
        } else if (!(n > 0 && is_apostrophe(cp)) && !words.back().empty()) {
            words.emplace_back();
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::uint32_t fnv1a32(std::string_view text) {
    std::uint32_t hash = 2166136261u;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

std::string expectation_id_base(std::string_view text, std::size_t max_length) {
    std::string id = joined(ascii_words(text), max_length);
    return id.empty() ? fmt::format("exp-{:08x}", fnv1a32(text)) : id;
}

std::string make_expectation_id(std::string_view text, const std::vector<std::string>& taken) {
    auto unused = [&](const std::string& id) {
        return std::find(taken.begin(), taken.end(), id) == taken.end();
    };
    std::string base = expectation_id_base(text);
    if (unused(base)) return base;
    for (std::size_t n = 2;; ++n) {
        std::string suffix = fmt::format("-{}", n);
        std::string id =
            expectation_id_base(text, max_generated_id_length - suffix.size()) + suffix;
        if (unused(id)) return id;
    }
}

} // namespace delight
