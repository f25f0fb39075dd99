#pragma once
// Survey answers as histograms (PRODUCT.md §4.5): everything survey-diff computes is a
// function of answer counts, so the CSV path (io/survey_reader) and the pre-aggregated
// `--counts` path fill the same structure and give identical results. Histograms merge by
// addition, which is also how a warehouse computes them (docs/scale-out.md).
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace delight {

/// The answers to one question in one cell: value → count, plus the missing and invalid
/// cells. Values are kept sorted ascending; counts are positive.
struct Histogram {
    std::vector<std::pair<double, std::uint64_t>> counts;
    std::uint64_t missing = 0;
    std::uint64_t invalid = 0;

    void add(double value, std::uint64_t n = 1);
    void merge(const Histogram& other);
    /// Valid answers (the sum of counts).
    std::uint64_t n() const;
    bool operator==(const Histogram&) const = default;
};

/// Kano answer pairs of one feature in one cell: pairs[functional][dysfunctional], indexed
/// by KanoAnswer (like, expect, neutral, live-with, dislike). `missing` counts rows where
/// either answer is missing (and none invalid), `invalid` rows where either is invalid.
struct KanoCounts {
    std::array<std::array<std::uint64_t, 5>, 5> pairs{};
    std::uint64_t missing = 0;
    std::uint64_t invalid = 0;

    void merge(const KanoCounts& other);
    bool operator==(const KanoCounts&) const = default;
};

/// A respondent's group, from the survey's group column through survey.groups.
enum class GroupRole { pilot, control, other };
const char* name(GroupRole);

/// All the counts of a set of waves. Questions are indexed by their position in
/// survey.questions (Likert and NPS questions use `answers`, Kano ones `kano`). Segments and
/// accounts are interned: index 0 of `segments` is "" (no segment, or no --by).
struct SurveyData {
    std::vector<std::string> waves;    ///< labels, in order
    std::vector<std::string> segments; ///< segments[0] == ""
    std::vector<std::string> accounts; ///< empty when no account column is mapped
    bool has_groups = false;           ///< a group column is mapped
    bool has_accounts = false;         ///< an account column is mapped
    bool has_pairs = false;            ///< an id column is mapped and there are ≥ 2 waves

    using CellKey = std::tuple<std::size_t /*wave*/, GroupRole, std::size_t /*segment*/,
                               std::size_t /*question*/>;
    using AccountKey = std::tuple<std::size_t /*wave*/, GroupRole, std::size_t /*account*/,
                                  std::size_t /*question*/>;
    using PairKey = std::tuple<GroupRole, std::size_t /*segment*/, std::size_t /*question*/>;

    std::map<CellKey, Histogram> answers;
    /// Per account (only when has_accounts): the same answers split by account.
    std::map<AccountKey, Histogram> account_answers;
    /// First vs last wave: histograms of later − earlier per respondent in both waves,
    /// grouped by the respondent's group and segment in the first wave.
    std::map<PairKey, Histogram> differences;
    std::map<CellKey, KanoCounts> kano;
    /// Rows whose number of cells differs from the header's, per wave (counted, skipped).
    std::vector<std::uint64_t> bad_rows;
    std::vector<std::uint64_t> rows;

    /// Index of a segment or account name, adding it when new.
    std::size_t segment_index(const std::string& segment);
    std::size_t account_index(const std::string& account);
};

} // namespace delight
