// The `--counts` path of survey-diff (PRODUCT.md §4.5 "Scale-out and privacy"): SurveyData
// from pre-aggregated histograms instead of raw waves. The formats and the SQL that makes
// them are in docs/scale-out.md. The point is identity with the CSV path (survey_reader.cpp):
// every rule below mirrors how that path reads a raw row, so that counts made by the shipped
// SQL give byte-identical survey-diff output. Choices where the formats left room:
//
// - Files are comma-separated with one header row, recognised by their column set (any
//   order); unnamed columns (a spreadsheet's trailing commas) are ignored. Several files of
//   one kind (e.g. one per warehouse shard) add up; a key may repeat (rows add).
// - A row with the wrong number of cells, a count that is not a non-negative integer, and
//   counts adding up to more than 2^53 (where doubles stop counting exactly) are errors, not
//   skipped rows: a counts file is exact arithmetic, not a noisy export.
// - `value`, `functional`, `dysfunctional`: the trimmed text `na` is missing and `invalid`
//   is invalid; anything else is decoded as the CSV path decodes a cell (labels, survey.na,
//   scale). Cells and labels are trimmed of spaces and tabs, as in the CSV path.
// - `group` is compared, trimmed, with survey.groups; anything else (or no survey.group
//   mapping) is the "other" group. Per-account counts are kept, as in the CSV path, for
//   accounts of the project in the pilot and control groups.
// - Segments: `--by segment` takes the `segment` column — except when survey.segment is not
//   mapped and the file has an `account` column: then, like the CSV path, the account's
//   segment. `--by satisfaction` takes the account's satisfaction when the file has an
//   `account` column, else the `segment` column, which must then be satisfied, neutral,
//   dissatisfied or unknown (Kano and paired-difference files have no account column: the
//   SQL joins the accounts). `--by COLUMN` is refused (usage, exit 2). Without --by every row
//   is in segment "".
// - Every mapped question must have counts (as the CSV path needs every mapped column): the
//   Likert and NPS questions in the answer counts, the Kano questions in the Kano counts.
//   Paired differences are optional; given, they need two waves or more, and a difference
//   must lie within ±(max − min) of the question's scale.
// - The answer counts either all have the `account` column or none do; account-level
//   difference-in-differences needs it (and survey.account).
// - Waves: in survey.waves order when every label is one of its files (file name without
//   extension, globs resolved), else as first seen. Rows per wave are unknown (0);
//   survey.max_invalid is checked as for the raw waves, naming the file a wave came from.
#include "delight/survey_reader.hpp"

#include "delight/csv.hpp"
#include "delight/project.hpp"
#include "delight/survey_answers.hpp"
#include "delight/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace delight::io {
namespace {

enum class Format { answers, kano, pairs };

enum Column {
    c_wave,
    c_group,
    c_segment,
    c_question,
    c_value,
    c_functional,
    c_dysfunctional,
    c_difference,
    c_count,
    c_account,
    column_count
};

constexpr std::array<const char*, column_count> column_names = {
    "wave",       "group",         "segment",    "question", "value",
    "functional", "dysfunctional", "difference", "count",    "account"};

struct FormatSpec {
    Format format;
    const char* what;
    std::vector<Column> required;
    std::optional<Column> optional;
    const char* header; ///< as docs/scale-out.md shows it
};

const std::array<FormatSpec, 3>& format_specs() {
    static const std::array<FormatSpec, 3> specs = {
        FormatSpec{Format::answers,
                   "answer counts",
                   {c_wave, c_group, c_segment, c_question, c_value, c_count},
                   c_account,
                   "wave,group,segment,question,value,count[,account]"},
        FormatSpec{Format::kano,
                   "Kano counts",
                   {c_wave, c_group, c_segment, c_question, c_functional, c_dysfunctional, c_count},
                   std::nullopt,
                   "wave,group,segment,question,functional,dysfunctional,count"},
        FormatSpec{Format::pairs,
                   "paired differences",
                   {c_group, c_segment, c_question, c_difference, c_count},
                   std::nullopt,
                   "group,segment,question,difference,count"}};
    return specs;
}

/// As the CSV path trims cells: spaces and tabs.
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string expected_headers() {
    std::string s;
    for (const FormatSpec& f : format_specs())
        s += fmt::format("\n  {} ({})", f.header, f.what);
    return s;
}

Scale question_scale(const Project& p, const SurveyQuestion& q) {
    if (q.type == SurveyQuestion::Type::nps) return Scale{0, 10};
    return q.scale.value_or(p.scale);
}

/// Wave labels of survey.waves (file names without extension; globs resolved as the CLI
/// resolves them), to order the waves of the counts like the CSV path orders its files.
std::vector<std::string> mapped_wave_labels(const Project& p) {
    ProjectLocation where;
    where.directory = p.directory;
    where.yaml_path = (std::filesystem::path(p.directory) / "delight.yaml").string();
    std::vector<std::string> labels;
    for (const std::string& pattern : p.survey->waves) {
        if (pattern.find_first_of("*?[") == std::string::npos) {
            labels.push_back(std::filesystem::path(pattern).stem().string());
            continue;
        }
        Diagnostics ignored;
        for (const std::string& rel : resolve_project_paths(where, pattern, p.survey->loc, ignored))
            labels.push_back(std::filesystem::path(rel).stem().string());
    }
    return labels;
}

class CountsReader {
  public:
    CountsReader(const Project& project, const SegmentBy& by);
    void read_file(const WaveInput& input);
    SurveyData finish(const std::vector<WaveInput>& files);

  private:
    /// One open file: the reader, the column of each field, and where errors point.
    struct File {
        CsvReader reader;
        const WaveInput* input;
        const FormatSpec* spec = nullptr;
        std::array<std::optional<std::size_t>, column_count> at{};
        std::size_t header_size = 0;

        std::string_view cell(const std::vector<std::string_view>& f, Column c) const {
            return f[*at[c]];
        }
        Location loc(Column c) const {
            Location l = reader.field_location(*at[c]);
            l.file = input->display;
            return l;
        }
    };

    void read_file_rows(const WaveInput& input);
    void read_header_of(File& file);
    void read_row(File& file, const std::vector<std::string_view>& f);
    std::size_t wave(File& file, const std::vector<std::string_view>& f);
    GroupRole group(std::string_view cell) const;
    std::size_t question(File& file, const std::vector<std::string_view>& f);
    std::uint64_t count(File& file, const std::vector<std::string_view>& f);
    std::size_t segment(File& file, const std::vector<std::string_view>& f,
                        std::optional<std::size_t> account);
    std::optional<std::size_t> account(File& file, const std::vector<std::string_view>& f) const;
    double difference(File& file, const std::vector<std::string_view>& f, std::size_t q) const;
    void require_questions(Format format, const std::string& first_file) const;
    SurveyData::CellKey order_waves(const SurveyData::CellKey& k,
                                    const std::vector<std::size_t>& to) const;

    const Project& m_project;
    const SurveyMapping& m_survey;
    SegmentBy m_by;
    SurveyData m_data;
    std::vector<std::string> m_wave_files; ///< per wave (first seen): the file it came from
    std::vector<std::unique_ptr<AnswerDecoder>> m_decoders;        ///< per question; null for Kano
    std::vector<std::unique_ptr<KanoDecoder>> m_kano_decoders;     ///< per question; null if not
    std::unordered_map<std::string, std::size_t> m_question_index; ///< name → question
    std::unordered_map<std::string, std::size_t> m_account_index;  ///< project account → index
    std::vector<std::string> m_account_segment; ///< per project account: its --by segment
    std::vector<bool> m_seen;                   ///< per question: has counts
    std::array<std::string, 3> m_first_file;    ///< per format: the first file given
    std::optional<bool> m_answers_have_accounts;
    std::uint64_t m_total = 0;
};

CountsReader::CountsReader(const Project& project, const SegmentBy& by)
    : m_project(project), m_survey(*project.survey), m_by(by) {
    m_data.segments = {""};
    m_data.has_groups = !m_survey.group_column.empty();
    const std::size_t n = m_survey.questions.size();
    m_decoders.resize(n);
    m_kano_decoders.resize(n);
    m_seen.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const SurveyQuestion& q = m_survey.questions[i];
        if (q.type == SurveyQuestion::Type::kano) {
            m_kano_decoders[i] = std::make_unique<KanoDecoder>(m_survey, q);
            m_question_index.emplace(q.functional, i);
        } else {
            m_decoders[i] = std::make_unique<AnswerDecoder>(m_survey, q, project.scale);
            m_question_index.emplace(q.column, i);
        }
    }
    // Accounts as the CSV path keeps them: every project account, in project order.
    for (const Account& a : project.accounts) {
        m_account_index.emplace(a.id, m_data.accounts.size());
        m_data.accounts.push_back(a.id);
        if (by.kind == SegmentBy::Kind::satisfaction) {
            std::optional<Satisfaction> sat = resolved_satisfaction(a);
            m_account_segment.push_back(sat ? name(*sat) : "unknown");
        } else {
            m_account_segment.push_back(a.segment.empty() ? "unknown" : a.segment);
        }
    }
}

void CountsReader::read_header_of(File& file) {
    std::vector<std::string> names = read_header(file.reader, 1);
    file.header_size = names.size();
    Location header{file.input->display, 1, 0, ""};
    std::vector<const FormatSpec*> matches;
    const auto has = [&](Column c) {
        return std::find(names.begin(), names.end(), column_names[c]) != names.end();
    };
    // Each kind is told by the columns only it has.
    if (has(c_value)) matches.push_back(&format_specs()[0]);
    if (has(c_functional) || has(c_dysfunctional)) matches.push_back(&format_specs()[1]);
    if (has(c_difference)) matches.push_back(&format_specs()[2]);
    if (matches.size() != 1)
        throw Error(
            ExitCode::input, header,
            fmt::format("not a counts file: the header must be one of{}", expected_headers()));
    file.spec = matches.front();
    std::vector<std::string> allowed;
    for (Column c : file.spec->required)
        allowed.emplace_back(column_names[c]);
    if (file.spec->optional) allowed.emplace_back(column_names[*file.spec->optional]);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) continue;
        auto it = std::find(allowed.begin(), allowed.end(), names[i]);
        if (it == allowed.end()) {
            Location l = file.reader.field_location(i); // the header is the current record
            l.file = file.input->display;
            throw Error(ExitCode::input, l,
                        fmt::format("unexpected column '{}' in {}{}; expected {}", names[i],
                                    file.spec->what, suggestion_suffix(names[i], allowed),
                                    file.spec->header));
        }
        const auto c = static_cast<std::size_t>(
            std::find(column_names.begin(), column_names.end(), names[i]) - column_names.begin());
        file.at[c] = i;
    }
    for (Column c : file.spec->required)
        if (!file.at[c])
            throw Error(ExitCode::input, header,
                        fmt::format("the {} header lacks the column '{}'; expected {}",
                                    file.spec->what, column_names[c], file.spec->header));
}

std::size_t CountsReader::wave(File& file, const std::vector<std::string_view>& f) {
    const std::string_view label = trim(file.cell(f, c_wave));
    if (label.empty()) throw Error(ExitCode::input, file.loc(c_wave), "empty wave label");
    auto it = std::find(m_data.waves.begin(), m_data.waves.end(), label);
    if (it != m_data.waves.end()) return static_cast<std::size_t>(it - m_data.waves.begin());
    m_data.waves.emplace_back(label);
    m_wave_files.push_back(file.input->display);
    return m_data.waves.size() - 1;
}

GroupRole CountsReader::group(std::string_view cell) const {
    if (!m_data.has_groups) return GroupRole::other;
    const std::string_view g = trim(cell);
    if (g == m_survey.pilot_label) return GroupRole::pilot;
    if (g == m_survey.control_label) return GroupRole::control;
    return GroupRole::other;
}

std::size_t CountsReader::question(File& file, const std::vector<std::string_view>& f) {
    const std::string name(trim(file.cell(f, c_question)));
    const bool kano_file = file.spec->format == Format::kano;
    auto it = m_question_index.find(name);
    if (it != m_question_index.end()) {
        const std::size_t q = it->second;
        const bool is_kano = m_survey.questions[q].type == SurveyQuestion::Type::kano;
        if (is_kano == kano_file) {
            m_seen[q] = true;
            return q;
        }
        throw Error(ExitCode::input, file.loc(c_question),
                    is_kano ? fmt::format("'{}' is a Kano question: its counts go in a Kano "
                                          "counts file ({})",
                                          name, format_specs()[1].header)
                            : fmt::format("'{}' is not a Kano question: its counts go in an "
                                          "answer counts file ({})",
                                          name, format_specs()[0].header));
    }
    std::vector<std::string> candidates;
    for (const SurveyQuestion& q : m_survey.questions) {
        if ((q.type == SurveyQuestion::Type::kano) != kano_file) continue;
        if (kano_file && name == q.dysfunctional)
            throw Error(ExitCode::input, file.loc(c_question),
                        fmt::format("'{}' is a dysfunctional column: a Kano question is named "
                                    "by its functional column '{}'",
                                    name, q.functional));
        candidates.push_back(kano_file ? q.functional : q.column);
    }
    throw Error(ExitCode::input, file.loc(c_question),
                fmt::format("unknown question '{}'{}: questions are the {} columns of "
                            "survey.questions",
                            name, suggestion_suffix(name, candidates),
                            kano_file ? "functional" : "mapped"));
}

std::uint64_t CountsReader::count(File& file, const std::vector<std::string_view>& f) {
    // 2^53: every count up to it, and every sum of them, is exact in a double.
    constexpr std::uint64_t max_total = std::uint64_t{1} << 53;
    const std::string_view text = trim(file.cell(f, c_count));
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
    });
    if (!digits || ec != std::errc() || end != text.data() + text.size())
        throw Error(ExitCode::input, file.loc(c_count),
                    fmt::format("count '{}' is not a non-negative whole number", text));
    if (n > max_total - m_total)
        throw Error(ExitCode::input, file.loc(c_count),
                    "the counts add up to more than 2^53, past what delight counts exactly");
    m_total += n;
    return n;
}

std::optional<std::size_t> CountsReader::account(File& file,
                                                 const std::vector<std::string_view>& f) const {
    if (!file.at[c_account]) return std::nullopt;
    auto it = m_account_index.find(std::string(trim(file.cell(f, c_account))));
    if (it == m_account_index.end()) return std::nullopt;
    return it->second;
}

std::size_t CountsReader::segment(File& file, const std::vector<std::string_view>& f,
                                  std::optional<std::size_t> account) {
    const bool has_account = file.at[c_account].has_value();
    const std::string text(trim(file.cell(f, c_segment)));
    switch (m_by.kind) {
    case SegmentBy::Kind::none:
    case SegmentBy::Kind::column:
        return 0;
    case SegmentBy::Kind::segment:
        if (!m_survey.segment_column.empty() || !has_account) return m_data.segment_index(text);
        return m_data.segment_index(account ? m_account_segment[*account] : "unknown");
    case SegmentBy::Kind::satisfaction:
        if (has_account)
            return m_data.segment_index(account ? m_account_segment[*account] : "unknown");
        if (text != "satisfied" && text != "neutral" && text != "dissatisfied" && text != "unknown")
            throw Error(ExitCode::input, file.loc(c_segment),
                        fmt::format("segment '{}' is not a satisfaction: with --by satisfaction, "
                                    "a file without an account column carries satisfied, "
                                    "neutral, dissatisfied or unknown in segment",
                                    text));
        return m_data.segment_index(text);
    }
    return 0;
}

double CountsReader::difference(File& file, const std::vector<std::string_view>& f,
                                std::size_t q) const {
    std::string_view text = trim(file.cell(f, c_difference));
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    double d = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
        !std::isfinite(d))
        throw Error(ExitCode::input, file.loc(c_difference),
                    fmt::format("difference '{}' is not a number", text));
    const Scale sc = question_scale(m_project, m_survey.questions[q]);
    const double span = sc.max - sc.min;
    if (d < -span || d > span)
        throw Error(ExitCode::input, file.loc(c_difference),
                    fmt::format("difference {} is outside ±{} (the scale of '{}' is {}–{})", text,
                                sc.max - sc.min, m_survey.questions[q].column, sc.min, sc.max));
    return d == 0 ? 0.0 : d; // -0 is 0
}

void CountsReader::read_row(File& file, const std::vector<std::string_view>& f) {
    const Format format = file.spec->format;
    const std::size_t w = format == Format::pairs ? 0 : wave(file, f);
    const GroupRole role = group(file.cell(f, c_group));
    const std::size_t q = question(file, f);
    const std::optional<std::size_t> acc = account(file, f);
    const std::size_t seg = segment(file, f, acc);
    if (format == Format::pairs) {
        const double d = difference(file, f, q);
        const std::uint64_t n = count(file, f);
        if (n > 0) m_data.differences[{role, seg, q}].add(d, n);
        return;
    }
    // The markers `na` and `invalid`, else the answer as the survey wrote it.
    const auto marker = [](std::string_view cell) {
        const std::string_view t = trim(cell);
        return t == "na" ? CellKind::missing : t == "invalid" ? CellKind::invalid : CellKind::value;
    };
    if (format == Format::kano) {
        KanoAnswer fa{}, da{};
        const std::string_view fc = file.cell(f, c_functional), dc = file.cell(f, c_dysfunctional);
        CellKind kf = marker(fc), kd = marker(dc);
        if (kf == CellKind::value) kf = m_kano_decoders[q]->decode(fc, fa);
        if (kd == CellKind::value) kd = m_kano_decoders[q]->decode(dc, da);
        const std::uint64_t n = count(file, f);
        if (n == 0) return;
        KanoCounts& k = m_data.kano[{w, role, seg, q}];
        if (kf == CellKind::invalid || kd == CellKind::invalid)
            k.invalid += n;
        else if (kf == CellKind::missing || kd == CellKind::missing)
            k.missing += n;
        else
            k.pairs[static_cast<std::size_t>(fa)][static_cast<std::size_t>(da)] += n;
        return;
    }
    const std::string_view vc = file.cell(f, c_value);
    double v = 0;
    CellKind kind = marker(vc);
    if (kind == CellKind::value) kind = m_decoders[q]->decode(vc, v);
    if (v == 0) v = 0.0; // "-0" is 0, as the CSV path's integer slots make it
    const std::uint64_t n = count(file, f);
    if (n == 0) return;
    const auto add = [&](Histogram& h) {
        if (kind == CellKind::value)
            h.add(v, n);
        else if (kind == CellKind::missing)
            h.missing += n;
        else
            h.invalid += n;
    };
    add(m_data.answers[{w, role, seg, q}]);
    // As the CSV path: per account only for project accounts in the pilot or control group.
    if (acc && role != GroupRole::other && !m_survey.account_column.empty())
        add(m_data.account_answers[{w, role, *acc, q}]);
}

void CountsReader::read_file(const WaveInput& input) {
    try {
        read_file_rows(input);
    } catch (const Error& e) {
        // The reader names the file by the path it opened; diagnostics show the display name.
        if (e.diagnostic().loc.file != input.path || input.path == input.display) throw;
        Diagnostic d = e.diagnostic();
        d.loc.file = input.display;
        throw Error(e.code(), std::move(d));
    }
}

void CountsReader::read_file_rows(const WaveInput& input) {
    File file{CsvReader::open_file(input.path, {}, input.display), &input};
    read_header_of(file);
    const auto format = static_cast<std::size_t>(file.spec->format);
    if (m_first_file[format].empty()) m_first_file[format] = input.display;
    if (file.spec->format == Format::answers) {
        const bool has = file.at[c_account].has_value();
        if (m_answers_have_accounts && *m_answers_have_accounts != has)
            throw Error(ExitCode::input, Location{input.display, 1, 0, ""},
                        fmt::format("{} the account column but an earlier answer counts file "
                                    "{}: give all answer counts per account or none",
                                    has ? "this file has" : "this file lacks",
                                    has ? "lacks it" : "has it"));
        m_answers_have_accounts = has;
    }
    std::vector<std::string_view> fields;
    while (file.reader.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue; // a blank line
        if (fields.size() != file.header_size) {
            Location l = file.reader.record_location();
            l.file = input.display;
            throw Error(
                ExitCode::input, l,
                fmt::format("{} cells where the header has {}", fields.size(), file.header_size));
        }
        read_row(file, fields);
    }
}

void CountsReader::require_questions(Format format, const std::string& first_file) const {
    const bool kano = format == Format::kano;
    for (std::size_t q = 0; q < m_survey.questions.size(); ++q) {
        const SurveyQuestion& question = m_survey.questions[q];
        if ((question.type == SurveyQuestion::Type::kano) != kano || m_seen[q]) continue;
        const std::string& name = kano ? question.functional : question.column;
        const FormatSpec& spec = format_specs()[static_cast<std::size_t>(format)];
        if (first_file.empty())
            throw Error(ExitCode::input, question.loc,
                        fmt::format("no {} given for the survey question '{}': add a --counts "
                                    "file with the header {}",
                                    spec.what, name, spec.header));
        throw Error(ExitCode::input, Location{first_file, 0, 0, ""},
                    fmt::format("the {} have no row for the survey question '{}' (every mapped "
                                "question must be counted)",
                                spec.what, name));
    }
}

SurveyData::CellKey CountsReader::order_waves(const SurveyData::CellKey& k,
                                              const std::vector<std::size_t>& to) const {
    return {to[std::get<0>(k)], std::get<1>(k), std::get<2>(k), std::get<3>(k)};
}

SurveyData CountsReader::finish(const std::vector<WaveInput>& files) {
    if (m_data.waves.empty())
        throw Error(ExitCode::input,
                    Location{files.empty() ? m_project.file : files.front().display, 0, 0, ""},
                    "the counts files hold no wave: give the answer counts (" +
                        std::string(format_specs()[0].header) + ") or the Kano counts");
    require_questions(Format::answers, m_first_file[0]);
    require_questions(Format::kano, m_first_file[1]);
    if (!m_first_file[2].empty()) {
        if (m_data.waves.size() < 2)
            throw Error(ExitCode::input, Location{m_first_file[2], 0, 0, ""},
                        fmt::format("paired differences compare the first and the last wave, "
                                    "but the counts hold one wave ('{}')",
                                    m_data.waves.front()));
        m_data.has_pairs = true;
    }
    m_data.has_accounts =
        !m_survey.account_column.empty() && m_answers_have_accounts.value_or(false);

    // Waves in survey.waves order when every label is one of its files, else as first seen.
    const std::vector<std::string> mapped = mapped_wave_labels(m_project);
    std::vector<std::size_t> order(m_data.waves.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto rank = [&](std::size_t i) {
        return std::find(mapped.begin(), mapped.end(), m_data.waves[i]) - mapped.begin();
    };
    if (std::all_of(order.begin(), order.end(), [&](std::size_t i) {
            return rank(i) < static_cast<std::ptrdiff_t>(mapped.size());
        }))
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    std::vector<std::size_t> to(order.size()); // first-seen index → final index
    SurveyData out = std::move(m_data);
    std::vector<std::string> labels;
    std::vector<WaveInput> where;
    for (std::size_t i = 0; i < order.size(); ++i) {
        to[order[i]] = i;
        labels.push_back(out.waves[order[i]]);
        where.push_back(WaveInput{"", m_wave_files[order[i]], labels.back()});
    }
    out.waves = labels;
    std::map<SurveyData::CellKey, Histogram> answers;
    for (auto& [k, h] : out.answers)
        answers.emplace(order_waves(k, to), std::move(h));
    out.answers = std::move(answers);
    std::map<SurveyData::CellKey, KanoCounts> kano;
    for (auto& [k, c] : out.kano)
        kano.emplace(order_waves(k, to), c); // trivially copyable: nothing to move
    out.kano = std::move(kano);
    std::map<SurveyData::AccountKey, Histogram> account_answers;
    for (auto& [k, h] : out.account_answers)
        account_answers.emplace(order_waves(k, to), std::move(h));
    out.account_answers = std::move(account_answers);
    out.rows.assign(out.waves.size(), 0); // unknown: the counts do not say
    out.bad_rows.assign(out.waves.size(), 0);
    check_invalid_shares(m_project, out, where);
    return out;
}

} // namespace

SurveyData read_survey_counts(const Project& project, const std::vector<WaveInput>& files,
                              const SegmentBy& by) {
    if (!project.survey)
        throw Error(ExitCode::input, Location{project.file, 0, 0, ""},
                    "no survey mapping: add a survey section to delight.yaml (§3.5)");
    const SurveyMapping& s = *project.survey;
    // The same refusals as the CSV path, so a command works with both or with neither.
    if (by.kind == SegmentBy::Kind::column)
        throw Error(ExitCode::usage, Location{},
                    fmt::format("--by {} needs the survey CSV files; counts files only carry "
                                "segment (use --by segment or --by satisfaction)",
                                by.column));
    check_segment_by(s, by);
    CountsReader reader(project, by);
    for (const WaveInput& file : files)
        reader.read_file(file);
    return reader.finish(files);
}

} // namespace delight::io
