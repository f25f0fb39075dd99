#include "delight/survey_answers.hpp"

#include "delight/text.hpp"

#include <algorithm>
#include <charconv>

namespace delight {

const std::vector<std::pair<std::string, KanoAnswer>>& standard_kano_answers() {
    static const std::vector<std::pair<std::string, KanoAnswer>> answers = {
        {"i like it", KanoAnswer::like},
        {"i expect it", KanoAnswer::expect},
        {"i am neutral", KanoAnswer::neutral},
        {"i can live with it", KanoAnswer::live_with},
        {"i dislike it", KanoAnswer::dislike},
        // The wording of Kano's original questionnaire ("... that way").
        {"i like it that way", KanoAnswer::like},
        {"it must be that way", KanoAnswer::expect},
        {"i can live with it that way", KanoAnswer::live_with},
        {"i dislike it that way", KanoAnswer::dislike},
        // Common variants in published questionnaires.
        {"i expect it that way", KanoAnswer::expect},
        {"i can tolerate it", KanoAnswer::live_with},
        {"i can tolerate it that way", KanoAnswer::live_with},
        // The category names themselves are accepted too.
        {"like", KanoAnswer::like},
        {"expect", KanoAnswer::expect},
        {"neutral", KanoAnswer::neutral},
        {"live-with", KanoAnswer::live_with},
        {"dislike", KanoAnswer::dislike}};
    return answers;
}

bool parse_plain_number(std::string_view s, double& value) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    if (s.empty() || s.size() > 32) return false;
    if (s.front() == '+') s.remove_prefix(1);
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

namespace {

constexpr std::size_t max_cache = 4096;

bool is_na(const std::vector<std::string>& na, const std::string& normalised) {
    return std::find(na.begin(), na.end(), normalised) != na.end();
}

std::vector<std::string> normalised_na(const SurveyMapping& mapping) {
    std::vector<std::string> na;
    for (const std::string& s : mapping.na)
        na.push_back(normalize_answer(s));
    return na;
}

} // namespace

AnswerDecoder::AnswerDecoder(const SurveyMapping& mapping, const SurveyQuestion& question,
                             Scale scale)
    : m_scale(question.type == SurveyQuestion::Type::nps ? Scale{0, 10}
                                                         : question.scale.value_or(scale)),
      m_na(normalised_na(mapping)) {
    for (const auto& [label, v] : mapping.labels)
        m_labels[label] = v;
    for (const auto& [label, v] : question.labels)
        m_labels[label] = v;
    for (const std::string& na : m_na) {
        double v = 0;
        if (parse_plain_number(na, v)) m_numeric_na.push_back(v);
    }
}

CellKind AnswerDecoder::decode(std::string_view cell, double& value) const {
    // Nearly every cell of a survey export is one or two digits: read those without
    // from_chars (this loop runs once per question and respondent).
    bool numeric = false;
    if (!cell.empty() && cell.size() <= 2 && cell[0] >= '0' && cell[0] <= '9' &&
        (cell.size() == 1 || (cell[1] >= '0' && cell[1] <= '9'))) {
        value = cell.size() == 1 ? cell[0] - '0' : (cell[0] - '0') * 10 + (cell[1] - '0');
        numeric = true;
    } else {
        numeric = parse_plain_number(cell, value);
    }
    // A numeric not-applicable code (e.g. -99) is missing, not out of scale.
    if (numeric && !m_numeric_na.empty() &&
        std::find(m_numeric_na.begin(), m_numeric_na.end(), value) != m_numeric_na.end())
        return CellKind::missing;
    if (!numeric) {
        std::string raw(cell);
        auto cached = m_cache.find(raw);
        if (cached == m_cache.end()) {
            std::string key = normalize_answer(cell);
            std::pair<CellKind, double> result{CellKind::invalid, 0.0};
            if (key.empty() || is_na(m_na, key)) {
                result.first = CellKind::missing;
            } else if (auto it = m_labels.find(key); it != m_labels.end()) {
                result = {CellKind::value, it->second};
            }
            if (m_cache.size() >= max_cache) m_cache.clear(); // bounded for hostile files
            cached = m_cache.emplace(std::move(raw), result).first;
        }
        if (cached->second.first != CellKind::value) return cached->second.first;
        value = cached->second.second;
    }
    if (value < m_scale.min || value > m_scale.max) return CellKind::invalid;
    return CellKind::value;
}

KanoDecoder::KanoDecoder(const SurveyMapping& mapping, const SurveyQuestion& question)
    : m_na(normalised_na(mapping)) {
    for (const auto& [label, a] : standard_kano_answers())
        m_answers[label] = a;
    for (const auto& [label, a] : mapping.kano_answers)
        m_answers[label] = a;
    for (const auto& [label, a] : question.answers)
        m_answers[label] = a;
}

CellKind KanoDecoder::decode(std::string_view cell, KanoAnswer& answer) const {
    std::string raw(cell);
    auto cached = m_cache.find(raw);
    if (cached == m_cache.end()) {
        std::string key = normalize_answer(cell);
        std::pair<CellKind, KanoAnswer> result{CellKind::invalid, KanoAnswer::neutral};
        if (key.empty() || is_na(m_na, key)) {
            result.first = CellKind::missing;
        } else if (auto it = m_answers.find(key); it != m_answers.end()) {
            result = {CellKind::value, it->second};
        }
        if (m_cache.size() >= max_cache) m_cache.clear(); // bounded for hostile files
        cached = m_cache.emplace(std::move(raw), result).first;
    }
    answer = cached->second.second;
    return cached->second.first;
}

} // namespace delight
