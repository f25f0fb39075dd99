// Writing appended items as YAML text (PRODUCT.md §3.7): scalars plain only when a
// YAML 1.2 core-schema reader (and a YAML 1.1 one) reads them back as the same string.
#include "append_support.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace delight::io {
namespace {

/// Code points a YAML reader would not keep as they are in a plain scalar, or that a
/// terminal or editor would not show: C0 and C1 controls, DEL, line/paragraph separators
/// and the BOM.
bool needs_escape(utf8proc_int32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0xFEFF;
}

/// Calls f(code point, bytes) for each code point of text; an invalid byte is passed as
/// code point -1 with its single byte.
template <class F>
void for_each_code_point(std::string_view text, F f) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = -1;
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
        auto n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
        f(n > 0 ? cp : -1, text.substr(pos, len));
        pos += len;
    }
}

/// Words that YAML 1.1 readers (PyYAML, older tools) type as booleans.
bool is_yaml11_bool(std::string_view s) {
    static const char* const words[] = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no", "No",
                                        "NO", "on", "On",  "ON",  "off", "Off", "OFF", "=",  "<<"};
    for (const char* w : words)
        if (s == w) return true;
    return false;
}

bool plain_ok(std::string_view s, bool flow) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    bool b = false;
    long long i = 0;
    double d = 0;
    if (is_core_null(s) || is_core_bool(s, b) || is_core_int(s, i) || is_core_float(s, d) ||
        is_yaml11_bool(s))
        return false;
    // Digits first: dates, times and versions are typed by other YAML readers.
    const char first = s.front();
    if ((first >= '0' && first <= '9') ||
        std::string_view("-?:,[]{}#&*!|>'\"%@`.+~=<\\").find(first) != std::string_view::npos)
        return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
        return false;
    // yaml-cpp 0.7 fails on some legal flow scalars (a '?' inside one, measured): in flow
    // context only letters, digits, spaces and _ . - / ( ) ' stay plain.
    if (flow && std::any_of(s.begin(), s.end(), [](char c) {
            auto u = static_cast<unsigned char>(c);
            return u < 0x80 && std::isalnum(u) == 0 &&
                   std::string_view(" _.-/()'").find(c) == std::string_view::npos;
        }))
        return false;
    bool ok = true;
    for_each_code_point(s, [&](utf8proc_int32_t cp, std::string_view) {
        if (cp < 0 || needs_escape(cp)) ok = false;
    });
    return ok;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for_each_code_point(s, [&](utf8proc_int32_t cp, std::string_view bytes) {
        if (cp == '"')
            out += "\\\"";
        else if (cp == '\\')
            out += "\\\\";
        else if (cp == '\t')
            out += "\\t";
        else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp >= 0 && cp <= 0xFF && needs_escape(cp))
            out += fmt::format("\\x{:02X}", cp);
        else if (cp >= 0 && needs_escape(cp))
            out += fmt::format("\\u{:04X}", cp);
        else
            out += bytes; // an invalid byte stays: the re-parse refuses it
    });
    return out + "\"";
}

std::string value_text(const AppendValue& value, bool flow) {
    if (const auto* s = std::get_if<std::string>(&value)) return yaml_scalar(*s, flow);
    if (const auto* d = std::get_if<double>(&value)) return yaml_number(*d);
    std::string out = "[";
    for (const std::string& id : std::get<std::vector<std::string>>(value)) {
        if (out.size() > 1) out += ", ";
        out += yaml_scalar(id, true);
    }
    return out + "]";
}

YamlNode scalar_node(std::string value, bool plain) {
    YamlNode n;
    n.type = YamlNode::Type::scalar;
    n.value = std::move(value);
    n.plain = plain;
    return n;
}

YamlNode string_node(const std::string& text, bool flow) {
    return scalar_node(text, yaml_scalar(text, flow).front() != '"');
}

} // namespace

std::string yaml_scalar(std::string_view text, bool flow) {
    return plain_ok(text, flow) ? std::string(text) : double_quoted(text);
}

std::string yaml_number(double value) {
    if (!std::isfinite(value)) throw std::invalid_argument("yaml_number: not a finite number");
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    (void)ec; // 64 bytes hold any double's shortest form
    return std::string(buf, end);
}

std::vector<std::string> item_lines(const AppendItem& item, const ItemStyle& style) {
    const std::string head = std::string(static_cast<std::size_t>(style.dash), ' ') + "-" +
                             std::string(static_cast<std::size_t>(style.key - style.dash - 1), ' ');
    if (style.flow) {
        std::string line = head + "{";
        for (std::size_t i = 0; i < item.fields.size(); ++i) {
            if (i) line += ", ";
            line += item.fields[i].first + ": " + value_text(item.fields[i].second, true);
        }
        return {line + "}"};
    }
    std::vector<std::string> lines;
    for (const auto& [key, value] : item.fields) {
        std::string prefix =
            lines.empty() ? head : std::string(static_cast<std::size_t>(style.key), ' ');
        lines.push_back(prefix + key + ": " + value_text(value, false));
    }
    if (lines.empty()) lines.push_back(head + "{}");
    return lines;
}

YamlNode item_node(const AppendItem& item, bool flow) {
    YamlNode map;
    map.type = YamlNode::Type::mapping;
    for (const auto& [key, value] : item.fields) {
        YamlNode v;
        if (const auto* s = std::get_if<std::string>(&value)) {
            v = string_node(*s, flow);
        } else if (const auto* d = std::get_if<double>(&value)) {
            v = scalar_node(yaml_number(*d), true);
        } else {
            v.type = YamlNode::Type::sequence;
            for (const std::string& id : std::get<std::vector<std::string>>(value))
                v.items.push_back(string_node(id, true));
        }
        map.entries.emplace_back(scalar_node(key, true), std::move(v));
    }
    return map;
}

std::string yaml_items_text(const std::vector<AppendItem>& items, std::string_view indent) {
    std::string out;
    for (const AppendItem& item : items)
        for (const std::string& line : item_lines(item, ItemStyle{}))
            out += std::string(indent) + line + "\n";
    return out;
}

std::string new_yaml_list_file(std::string_view comment, const std::vector<AppendItem>& items) {
    std::string out;
    for (const std::string& line : split_lines(comment))
        out += line.empty() ? "#\n" : "# " + line + "\n";
    for (const AppendItem& item : items) {
        if (!out.empty()) out += '\n';
        out += yaml_items_text({item});
    }
    return out;
}

std::string csv_value(const AppendValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* d = std::get_if<double>(&value)) return yaml_number(*d);
    const auto& ids = std::get<std::vector<std::string>>(value);
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i > 0 ? ";" : "") + ids[i];
    return out;
}

} // namespace delight::io
