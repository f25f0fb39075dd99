#pragma once
// Turning survey cells into answers (PRODUCT.md §3.5): numbers or known labels are values;
// blank cells and `na` answers are missing; anything else, or a value outside the scale, is
// invalid (counted, never clamped).
#include "delight/model.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace delight {

enum class CellKind { value, missing, invalid };

/// Decodes the cells of one Likert or NPS question. Text answers are normalised once and
/// cached (a survey repeats a handful of labels over millions of rows), so a decoder is not
/// thread-safe: give each reading thread its own.
class AnswerDecoder {
  public:
    AnswerDecoder(const SurveyMapping& mapping, const SurveyQuestion& question, Scale scale);
    CellKind decode(std::string_view cell, double& value) const;
    Scale scale() const { return m_scale; }

  private:
    Scale m_scale;
    std::unordered_map<std::string, double> m_labels; ///< normalised label -> value
    std::vector<std::string> m_na;                    ///< normalised
    std::vector<double> m_numeric_na;                 ///< na codes that are numbers
    mutable std::unordered_map<std::string, std::pair<CellKind, double>> m_cache;
};

/// Decodes the cells of one Kano question (functional or dysfunctional column); caches like
/// AnswerDecoder.
class KanoDecoder {
  public:
    KanoDecoder(const SurveyMapping& mapping, const SurveyQuestion& question);
    CellKind decode(std::string_view cell, KanoAnswer& answer) const;

  private:
    std::unordered_map<std::string, KanoAnswer> m_answers;
    std::vector<std::string> m_na;
    mutable std::unordered_map<std::string, std::pair<CellKind, KanoAnswer>> m_cache;
};

/// The five standard English Kano answers ("I like it" … "I dislike it").
const std::vector<std::pair<std::string, KanoAnswer>>& standard_kano_answers();

/// A plain decimal number ("4", "-1", "4.5"); false for anything else.
bool parse_plain_number(std::string_view s, double& value);

} // namespace delight
