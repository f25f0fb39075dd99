#include "delight/render_check.hpp"

#include "delight/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace delight::render {
namespace {

using nlohmann::ordered_json;

ordered_json position(int value) {
    return value > 0 ? ordered_json(value) : ordered_json(nullptr);
}

/// GitHub escapes: data needs %, CR, LF; properties also ':' and ','.
std::string github_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        case ':':
            out += property ? "%3A" : ":";
            break;
        case ',':
            out += property ? "%2C" : ",";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

/// FNV-1a 64: a stable fingerprint so GitLab can track an issue across pipelines.
std::string fingerprint(const Diagnostic& d) {
    std::uint64_t h = 1469598103934665603ull;
    std::string key = fmt::format("{}\x1f{}\x1f{}", d.loc.file, d.loc.line, d.message);
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("{:016x}", h);
}

} // namespace

std::string check_json(const Diagnostics& diags, bool strict) {
    ordered_json items = ordered_json::array();
    bool ok = true;
    for (const Diagnostic& d : diags.items()) {
        bool error = d.severity == Severity::error;
        if (error || strict) ok = false;
        items.push_back(ordered_json{{"file", d.loc.file},
                                     {"line", position(d.loc.line)},
                                     {"col", position(d.loc.col)},
                                     {"severity", error ? "error" : "warning"},
                                     {"message", d.message}});
    }
    ordered_json doc{{"version", 1}, {"ok", ok}, {"diagnostics", items}};
    return json_text(doc);
}

std::string check_github(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.items()) {
        std::string props;
        if (!d.loc.file.empty()) props += "file=" + github_escape(d.loc.file, true);
        if (d.loc.line > 0) props += fmt::format("{}line={}", props.empty() ? "" : ",", d.loc.line);
        if (d.loc.col > 0) props += fmt::format(",col={}", d.loc.col);
        out += fmt::format("::{}{}{}::{}\n", d.severity == Severity::error ? "error" : "warning",
                           props.empty() ? "" : " ", props, github_escape(d.message, false));
    }
    return out;
}

std::string check_gitlab(const Diagnostics& diags) {
    ordered_json items = ordered_json::array();
    for (const Diagnostic& d : diags.items()) {
        items.push_back(ordered_json{
            {"description", d.message},
            {"check_name", "delight"},
            {"fingerprint", fingerprint(d)},
            {"severity", d.severity == Severity::error ? "major" : "minor"},
            {"location", {{"path", d.loc.file}, {"lines", {{"begin", std::max(d.loc.line, 1)}}}}}});
    }
    return json_text(items);
}

} // namespace delight::render
