#include "delight/remediation.hpp"

#include "delight/yaml_tree.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace delight::io {
namespace {

constexpr std::size_t max_bytes = 64 << 20;

Location position(const std::string& display, const std::string& text, std::size_t byte) {
    Location loc{display, 1, 1, ""};
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++loc.col;
        }
    }
    return loc;
}

std::optional<double> number(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

/// The evidence of one question for its verdict: the DiD when the verdict rests on it, else
/// the pilot cell or the whole sample.
void evidence(const nlohmann::json& q, RemediationInput& r) {
    std::string basis = q.value("verdict_basis", "sample");
    const nlohmann::json* cell = &q;
    if (basis == "did-account" && q.contains("did") && q["did"].is_object()) {
        r.delta = number(q["did"], "delta");
        r.q = number(q["did"], "q");
        return;
    }
    if (basis == "pilot" && q.contains("cells") && q["cells"].is_object() &&
        q["cells"].contains("pilot"))
        cell = &q["cells"]["pilot"];
    r.delta = number(*cell, "delta_mean");
    r.q = number(*cell, "q_bh");
}

} // namespace

std::vector<RemediationInput> read_remediation(const std::string& path,
                                               const std::string& display) {
    std::string text = read_small_file(path, display, max_bytes);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ExitCode::input, position(display, text, e.byte > 0 ? e.byte - 1 : 0),
                    "not valid JSON; --remediate reads the output of `delight survey-diff -O "
                    "json`");
    }
    if (!doc.is_object() || !doc.contains("expectations") || !doc["expectations"].is_array() ||
        !doc.contains("questions") || !doc["questions"].is_array())
        throw Error(ExitCode::input, Location{display, 0, 0, ""},
                    "this JSON is not survey-diff output (no `expectations` and `questions` "
                    "lists); make it with `delight survey-diff -O json`");
    std::vector<RemediationInput> out;
    for (const nlohmann::json& e : doc["expectations"]) {
        if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || !e.contains("verdict") ||
            !e["verdict"].is_string())
            throw Error(ExitCode::input, Location{display, 0, 0, ""},
                        "an entry of `expectations` lacks a string `id` or `verdict`");
        RemediationInput r;
        r.expectation = e["id"].get<std::string>();
        r.verdict = e["verdict"].get<std::string>();
        for (const nlohmann::json& q : doc["questions"]) {
            if (!q.is_object() || q.value("expectation", nlohmann::json()).is_null()) continue;
            if (!q["expectation"].is_string() ||
                q["expectation"].get<std::string>() != r.expectation)
                continue;
            if (q.value("verdict", std::string()) != r.verdict) continue;
            r.column = q.value("column", std::string());
            evidence(q, r);
            break;
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace delight::io
