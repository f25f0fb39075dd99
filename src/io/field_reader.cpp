#include "field_reader.hpp"

#include "delight/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace delight::io {

std::string describe(const YamlNode& n) {
    switch (n.type) {
    case YamlNode::Type::null:
        return "nothing";
    case YamlNode::Type::sequence:
        return "a list";
    case YamlNode::Type::mapping:
        return "a mapping";
    case YamlNode::Type::scalar:
        break;
    }
    long long i = 0;
    double d = 0;
    bool b = false;
    if (n.plain && is_core_int(n.value, i)) return "the number " + n.value;
    if (n.plain && is_core_float(n.value, d)) return "the number " + n.value;
    if (n.plain && is_core_bool(n.value, b)) return "the boolean " + n.value;
    std::string shown = n.value.size() > 40 ? n.value.substr(0, 40) + "..." : n.value;
    return "'" + shown + "'";
}

std::string number_text(double v) {
    std::string s = fmt::format("{:.6f}", v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

FieldReader::FieldReader(const YamlDocument& doc, const YamlNode& node, Diagnostics& diags,
                         std::string what, std::vector<std::string> known)
    : m_doc(doc), m_node(node), m_diags(diags), m_what(std::move(what)) {
    if (!node.is_map()) {
        m_diags.error(doc.at(node),
                      fmt::format("expected a mapping for {}, got {}", m_what, describe(node)));
        return;
    }
    for (const auto& [key, value] : node.entries) {
        if (std::find(known.begin(), known.end(), key.value) != known.end()) continue;
        m_diags.error(doc.at(key), fmt::format("unknown key '{}' in {}{}", key.value, m_what,
                                               suggestion_suffix(key.value, known)));
    }
}

const YamlNode* FieldReader::get(std::string_view key, Need need) {
    const YamlNode* v = m_node.is_map() ? m_node.find(key) : nullptr;
    if (v && v->is_null()) v = nullptr;
    if (!v && need == Need::required && m_node.is_map())
        m_diags.error(where(), fmt::format("{} is missing required key '{}'", m_what, key));
    return v;
}

void FieldReader::error(const YamlNode& n, std::string message) {
    m_diags.error(m_doc.at(n), std::move(message));
}

std::optional<std::string> FieldReader::node_text(const YamlNode& n, std::string_view what,
                                                  std::size_t max_chars) {
    if (!n.is_scalar()) {
        error(n, fmt::format("expected text for '{}', got {}", what, describe(n)));
        return std::nullopt;
    }
    if (max_chars <= 300 && !is_one_line(n.value)) {
        error(n, fmt::format("'{}' must be one line of text", what));
        return std::nullopt;
    }
    if (code_points(n.value) > max_chars) {
        error(n, fmt::format("'{}' is {} characters long; the limit is {}", what,
                             code_points(n.value), max_chars));
        return std::nullopt;
    }
    return n.value;
}

std::optional<std::string> FieldReader::text(std::string_view key, Need need,
                                             std::size_t max_chars) {
    const YamlNode* v = get(key, need);
    if (!v) return std::nullopt;
    auto s = node_text(*v, key, max_chars);
    if (s && need == Need::required && s->find_first_not_of(" \t") == std::string::npos) {
        error(*v, fmt::format("'{}' must not be empty", key));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> FieldReader::id(std::string_view key, Need need) {
    const YamlNode* v = get(key, need);
    if (!v) return std::nullopt;
    auto s = node_text(*v, key, 64);
    if (s && !is_valid_id(*s)) {
        error(*v, fmt::format("'{}' is not a valid id for '{}': use lowercase letters, digits "
                              "and single hyphens (e.g. 'after-sales-support')",
                              *s, key));
        return std::nullopt;
    }
    return s;
}

std::optional<double> FieldReader::node_number(const YamlNode& n, std::string_view what,
                                               Range range) {
    long long i = 0;
    double d = 0;
    if (n.is_scalar() && n.plain && is_core_int(n.value, i)) {
        d = static_cast<double>(i);
    } else if (!(n.is_scalar() && n.plain && is_core_float(n.value, d)) || !std::isfinite(d)) {
        std::string hint = n.is_scalar() && !n.plain ? " (remove the quotes)" : "";
        error(n, fmt::format("expected a number for '{}', got {}{}", what, describe(n), hint));
        return std::nullopt;
    }
    bool low = range.min_exclusive ? d <= range.min : d < range.min;
    if (low || d > range.max) {
        std::string bounds =
            range.min_exclusive
                ? (std::isinf(range.max)
                       ? fmt::format("greater than {}", number_text(range.min))
                       : fmt::format("greater than {} and at most {}", number_text(range.min),
                                     number_text(range.max)))
                : (std::isinf(range.max) ? fmt::format("at least {}", number_text(range.min))
                                         : fmt::format("between {} and {}", number_text(range.min),
                                                       number_text(range.max)));
        error(n, fmt::format("'{}' must be {}, got {}", what, bounds, n.value));
        return std::nullopt;
    }
    return d;
}

std::optional<double> FieldReader::number(std::string_view key, Range range, Need need) {
    const YamlNode* v = get(key, need);
    return v ? node_number(*v, key, range) : std::nullopt;
}

std::optional<long long> FieldReader::integer(std::string_view key, long long min, long long max,
                                              Need need) {
    const YamlNode* v = get(key, need);
    if (!v) return std::nullopt;
    long long i = 0;
    if (!(v->is_scalar() && v->plain && is_core_int(v->value, i))) {
        std::string hint = v->is_scalar() && !v->plain ? " (remove the quotes)" : "";
        error(*v,
              fmt::format("expected a whole number for '{}', got {}{}", key, describe(*v), hint));
        return std::nullopt;
    }
    if (i < min || i > max) {
        error(*v,
              max == std::numeric_limits<long long>::max()
                  ? fmt::format("'{}' must be at least {}, got {}", key, min, v->value)
                  : fmt::format("'{}' must be between {} and {}, got {}", key, min, max, v->value));
        return std::nullopt;
    }
    return i;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
    const YamlNode* v = get(key);
    if (!v) return std::nullopt;
    bool b = false;
    if (!(v->is_scalar() && v->plain && is_core_bool(v->value, b))) {
        error(*v, fmt::format("expected true or false for '{}', got {}", key, describe(*v)));
        return std::nullopt;
    }
    return b;
}

namespace {
bool valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int y = std::stoi(std::string(s.substr(0, 4)));
    int m = std::stoi(std::string(s.substr(5, 2)));
    int d = std::stoi(std::string(s.substr(8, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}
} // namespace

std::optional<std::string> FieldReader::date(std::string_view key, Need need) {
    const YamlNode* v = get(key, need);
    if (!v) return std::nullopt;
    auto s = node_text(*v, key);
    if (s && !valid_date(*s)) {
        error(*v, fmt::format("'{}' must be a date YYYY-MM-DD, got {}", key, describe(*v)));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> FieldReader::node_choice(const YamlNode& n, std::string_view what,
                                                    const std::vector<std::string>& names) {
    if (n.is_scalar() && std::find(names.begin(), names.end(), n.value) != names.end())
        return n.value;
    std::string list;
    for (const auto& name : names)
        list += (list.empty() ? "" : ", ") + name;
    std::string hint = n.is_scalar() ? suggestion_suffix(n.value, names) : "";
    error(n, fmt::format("'{}' must be one of {}; got {}{}", what, list, describe(n), hint));
    return std::nullopt;
}

std::optional<std::string> FieldReader::choice(std::string_view key,
                                               const std::vector<std::string>& names, Need need) {
    const YamlNode* v = get(key, need);
    return v ? node_choice(*v, key, names) : std::nullopt;
}

std::vector<std::pair<std::string, Location>> FieldReader::text_list(std::string_view key,
                                                                     Need need) {
    std::vector<std::pair<std::string, Location>> out;
    const YamlNode* v = get(key, need);
    if (!v) return out;
    if (!v->is_seq()) {
        error(*v, fmt::format("expected a list for '{}', got {}", key, describe(*v)));
        return out;
    }
    for (const YamlNode& item : v->items)
        if (auto s = node_text(item, key)) out.emplace_back(*s, at(item));
    return out;
}

std::vector<std::pair<std::string, Location>> FieldReader::id_list(std::string_view key,
                                                                   Need need) {
    std::vector<std::pair<std::string, Location>> out;
    for (auto& [s, loc] : text_list(key, need)) {
        if (!is_valid_id(s)) {
            m_diags.error(loc, fmt::format("'{}' is not a valid id in '{}': use lowercase "
                                           "letters, digits and single hyphens",
                                           s, key));
            continue;
        }
        out.emplace_back(std::move(s), std::move(loc));
    }
    return out;
}

} // namespace delight::io
