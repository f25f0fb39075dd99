#include "delight/survey_data.hpp"

#include <algorithm>

namespace delight {

void Histogram::add(double value, std::uint64_t n) {
    if (n == 0) return;
    auto it = std::lower_bound(counts.begin(), counts.end(), value,
                               [](const auto& entry, double v) { return entry.first < v; });
    if (it != counts.end() && it->first == value)
        it->second += n;
    else
        counts.insert(it, {value, n});
}

void Histogram::merge(const Histogram& other) {
    for (const auto& [value, n] : other.counts)
        add(value, n);
    missing += other.missing;
    invalid += other.invalid;
}

std::uint64_t Histogram::n() const {
    std::uint64_t total = 0;
    for (const auto& entry : counts)
        total += entry.second;
    return total;
}

void KanoCounts::merge(const KanoCounts& other) {
    for (std::size_t f = 0; f < pairs.size(); ++f)
        for (std::size_t d = 0; d < pairs[f].size(); ++d)
            pairs[f][d] += other.pairs[f][d];
    missing += other.missing;
    invalid += other.invalid;
}

const char* name(GroupRole role) {
    switch (role) {
    case GroupRole::pilot:
        return "pilot";
    case GroupRole::control:
        return "control";
    case GroupRole::other:
        return "other";
    }
    return "other";
}

std::size_t SurveyData::segment_index(const std::string& segment) {
    if (segments.empty()) segments.emplace_back();
    auto it = std::find(segments.begin(), segments.end(), segment);
    if (it != segments.end()) return static_cast<std::size_t>(it - segments.begin());
    segments.push_back(segment);
    return segments.size() - 1;
}

std::size_t SurveyData::account_index(const std::string& account) {
    auto it = std::find(accounts.begin(), accounts.end(), account);
    if (it != accounts.end()) return static_cast<std::size_t>(it - accounts.begin());
    accounts.push_back(account);
    return accounts.size() - 1;
}

} // namespace delight
