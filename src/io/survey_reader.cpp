// The CSV path of survey-diff (PRODUCT.md §4.5): one streaming pass over each wave file,
// counting answers into dense per-cell accumulators; memory depends on the number of
// questions, groups, segments and accounts, not on rows — except the respondent index kept
// for pairing the first and the last wave (one byte per question and respondent).
#include "delight/survey_reader.hpp"

#include "id_index.hpp"

#include "delight/csv.hpp"
#include "delight/survey_answers.hpp"
#include "delight/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>

namespace delight::io {

SegmentBy parse_segment_by(const std::string& by) {
    SegmentBy s;
    if (by.empty()) return s;
    if (by == "segment")
        s.kind = SegmentBy::Kind::segment;
    else if (by == "satisfaction")
        s.kind = SegmentBy::Kind::satisfaction;
    else {
        s.kind = SegmentBy::Kind::column;
        s.column = by;
    }
    return s;
}

std::string wave_label(const std::string& path) {
    if (path == "-") return "<stdin>";
    return std::filesystem::path(path).stem().string();
}

namespace {

constexpr std::size_t group_count = 3;
/// Pairing codes, one byte per question and respondent: an integer answer v on a scale of
/// fewer than 200 levels is v − min; other answers (labels mapped to fractions) are 200 + their
/// index among the question's distinct non-integer answers; 255 is missing or invalid.
constexpr std::uint8_t no_answer = 255;
constexpr std::uint8_t first_fraction_code = 200;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

/// Counts of one Likert/NPS question in one cell. Integer answers inside the scale (nearly
/// all of them) go to a dense array; others (labels mapped to fractions) to a histogram.
struct Accumulator {
    std::vector<std::uint64_t> dense;
    Histogram other;

    void add(double v, int min) {
        // An integer compare instead of std::floor, which is a libm call on baseline x86-64.
        double index = v - min;
        if (index >= 0 && index < static_cast<double>(dense.size())) {
            auto i = static_cast<std::size_t>(index);
            if (static_cast<double>(i) == index) {
                ++dense[i];
                return;
            }
        }
        other.add(v);
    }
    Histogram histogram(int min) const {
        Histogram h = other;
        for (std::size_t i = 0; i < dense.size(); ++i)
            h.add(min + static_cast<double>(i), dense[i]);
        return h;
    }
};

/// How one mapped question is read from a file.
struct QuestionColumns {
    std::size_t question = 0; ///< index in survey.questions
    bool kano = false;
    std::size_t column = 0, column2 = 0; ///< kano: functional, dysfunctional
    std::unique_ptr<AnswerDecoder> decoder;
    std::unique_ptr<KanoDecoder> kano_decoder;
    std::unique_ptr<KanoDecoder> kano_decoder2;
    Scale scale;
    std::size_t slot = 0; ///< position among the Likert/NPS questions (pairing codes)
};

/// One cell's accumulators: Likert/NPS questions by slot, Kano questions by their order.
struct CellCounts {
    std::vector<Accumulator> likert;
    std::vector<KanoCounts> kano;
};

/// The respondents of one wave, for pairing.
struct Respondents {
    IdList ids;
    std::vector<std::uint8_t> codes; ///< row × likert slot
    std::vector<GroupRole> group;
    std::vector<std::uint32_t> segment;
    std::vector<int> line;
    /// Per Likert slot: the distinct fractional answers seen (codes from first_fraction_code).
    std::vector<std::vector<double>> values;
};

/// What one wave (or, with a wave column, one part of a file) yields.
struct WavePart {
    std::string label;
    std::map<std::pair<GroupRole, std::size_t>, CellCounts> cells;    ///< (group, segment)
    std::map<std::pair<GroupRole, std::size_t>, CellCounts> accounts; ///< (group, account)
    std::unique_ptr<Respondents> respondents;
    std::uint64_t rows = 0, bad_rows = 0;
};

/// Everything shared by the reading threads (read-only during reading).
struct ReadPlan {
    const Project* project = nullptr;
    const SurveyMapping* survey = nullptr;
    SegmentBy by;
    bool pairing = false;
    std::vector<std::string> account_ids; ///< project accounts, by index
    std::unordered_map<std::string, std::size_t> account_index;
    std::vector<std::string> account_segment; ///< --by segment/satisfaction through accounts
};

class FileReader {
  public:
    FileReader(const ReadPlan& plan, const WaveInput& input) : m_plan(plan), m_input(input) {}

    std::vector<WavePart> read();
    /// Segment names interned while reading (index 0 is "").
    std::vector<std::string> segments{""};

  private:
    void find_columns(const std::vector<std::string>& header);
    std::size_t require(const std::vector<std::string>& header, const std::string& name,
                        const char* role) const;
    WavePart& part_for(std::string_view label);
    CellCounts make_cell() const;
    std::size_t segment_of(const std::vector<std::string_view>& fields, std::size_t account);
    void count_row(const std::vector<std::string_view>& fields, CsvReader& reader);
    std::size_t intern_segment(std::string_view s);

    const ReadPlan& m_plan;
    const WaveInput& m_input;
    std::vector<QuestionColumns> m_questions;
    std::size_t m_likert_count = 0, m_kano_count = 0;
    std::size_t m_header_size = 0;
    std::optional<std::size_t> m_id, m_account, m_group, m_segment, m_wave;
    std::vector<WavePart> m_parts;
    std::unordered_map<std::string, std::size_t> m_segment_index;
    Location m_header_loc;
};

std::size_t FileReader::require(const std::vector<std::string>& header, const std::string& name,
                                const char* role) const {
    auto it = std::find(header.begin(), header.end(), name);
    if (it != header.end()) return static_cast<std::size_t>(it - header.begin());
    throw Error(ExitCode::input, m_header_loc,
                fmt::format("the {} column '{}' is not in this file{}", role, name,
                            suggestion_suffix(name, header)));
}

void FileReader::find_columns(const std::vector<std::string>& header) {
    const SurveyMapping& s = *m_plan.survey;
    for (std::size_t i = 0; i < s.questions.size(); ++i) {
        const SurveyQuestion& q = s.questions[i];
        QuestionColumns c;
        c.question = i;
        if (q.type == SurveyQuestion::Type::kano) {
            c.kano = true;
            c.column = require(header, q.functional, "survey question");
            c.column2 = require(header, q.dysfunctional, "survey question");
            c.kano_decoder = std::make_unique<KanoDecoder>(s, q);
            c.kano_decoder2 = std::make_unique<KanoDecoder>(s, q);
            c.slot = m_kano_count++;
        } else {
            c.column = require(header, q.column, "survey question");
            c.decoder = std::make_unique<AnswerDecoder>(s, q, m_plan.project->scale);
            c.scale = c.decoder->scale();
            c.slot = m_likert_count++;
        }
        m_questions.push_back(std::move(c));
    }
    if (!s.id_column.empty() && m_plan.pairing)
        m_id = require(header, s.id_column, "respondent id");
    if (!s.account_column.empty()) m_account = require(header, s.account_column, "account");
    if (!s.group_column.empty()) m_group = require(header, s.group_column, "group");
    if (!s.wave_column.empty()) m_wave = require(header, s.wave_column, "wave");
    if (m_plan.by.kind == SegmentBy::Kind::segment && !s.segment_column.empty())
        m_segment = require(header, s.segment_column, "segment");
    if (m_plan.by.kind == SegmentBy::Kind::column)
        m_segment = require(header, m_plan.by.column, "--by");
    m_header_size = header.size();
}

CellCounts FileReader::make_cell() const {
    CellCounts c;
    c.likert.resize(m_likert_count);
    c.kano.resize(m_kano_count);
    for (const QuestionColumns& q : m_questions)
        if (!q.kano)
            c.likert[q.slot].dense.assign(static_cast<std::size_t>(q.scale.max - q.scale.min + 1),
                                          0);
    return c;
}

WavePart& FileReader::part_for(std::string_view label) {
    for (WavePart& p : m_parts)
        if (p.label == label) return p;
    WavePart p;
    p.label = std::string(label);
    if (m_plan.pairing) {
        p.respondents = std::make_unique<Respondents>();
        p.respondents->values.resize(m_likert_count);
    }
    m_parts.push_back(std::move(p));
    return m_parts.back();
}

std::size_t FileReader::intern_segment(std::string_view s) {
    std::string key(s);
    auto it = m_segment_index.find(key);
    if (it != m_segment_index.end()) return it->second;
    segments.push_back(key);
    m_segment_index.emplace(key, segments.size() - 1);
    return segments.size() - 1;
}

std::size_t FileReader::segment_of(const std::vector<std::string_view>& fields,
                                   std::size_t account) {
    switch (m_plan.by.kind) {
    case SegmentBy::Kind::none:
        return 0;
    case SegmentBy::Kind::segment:
    case SegmentBy::Kind::column:
        if (m_segment) return intern_segment(trim(fields[*m_segment]));
        [[fallthrough]];
    case SegmentBy::Kind::satisfaction:
        return intern_segment(
            account < m_plan.account_segment.size() ? m_plan.account_segment[account] : "unknown");
    }
    return 0;
}

std::uint8_t pairing_code(const QuestionColumns& q, double v, std::vector<double>& fractions,
                          const CsvReader& reader) {
    double offset = v - q.scale.min;
    if (q.scale.max - q.scale.min < first_fraction_code && offset >= 0) {
        auto i = static_cast<std::uint8_t>(offset);
        if (static_cast<double>(i) == offset) return i;
    }
    auto it = std::find(fractions.begin(), fractions.end(), v);
    if (it == fractions.end()) {
        if (fractions.size() >= no_answer - first_fraction_code)
            throw Error(ExitCode::input, reader.field_location(q.column),
                        "more than 55 distinct fractional answers to one question; pairing "
                        "respondents needs answers on a scale");
        fractions.push_back(v);
        it = fractions.end() - 1;
    }
    return static_cast<std::uint8_t>(first_fraction_code + (it - fractions.begin()));
}

void FileReader::count_row(const std::vector<std::string_view>& fields, CsvReader& reader) {
    WavePart& part = m_wave ? part_for(trim(fields[*m_wave])) : m_parts.front();
    ++part.rows;
    if (fields.size() != m_header_size) {
        ++part.bad_rows;
        return;
    }
    GroupRole role = GroupRole::other;
    if (m_group) {
        std::string_view g = trim(fields[*m_group]);
        if (g == m_plan.survey->pilot_label)
            role = GroupRole::pilot;
        else if (g == m_plan.survey->control_label)
            role = GroupRole::control;
    }
    std::size_t account = m_plan.account_ids.size(); // none
    if (m_account) {
        auto it = m_plan.account_index.find(std::string(trim(fields[*m_account])));
        if (it != m_plan.account_index.end()) account = it->second;
    }
    std::size_t segment = segment_of(fields, account);
    auto [cell_it, fresh] = part.cells.try_emplace({role, segment});
    if (fresh) cell_it->second = make_cell();
    CellCounts& cell = cell_it->second;
    CellCounts* account_cell = nullptr;
    if (account < m_plan.account_ids.size() && role != GroupRole::other) {
        auto [it, new_account] = part.accounts.try_emplace({role, account});
        if (new_account) it->second = make_cell();
        account_cell = &it->second;
    }
    std::uint8_t* codes = nullptr;
    if (part.respondents) {
        Respondents& r = *part.respondents;
        std::string_view id = trim(fields[*m_id]);
        // Without an id the respondent cannot be paired; the answers still count.
        if (!id.empty()) {
            if (r.ids.size() >= UINT32_MAX - 1)
                throw Error(ExitCode::input, reader.field_location(*m_id),
                            "more than 4294967294 respondents in one wave");
            r.ids.add(id);
            r.group.push_back(role);
            r.segment.push_back(static_cast<std::uint32_t>(segment));
            r.line.push_back(reader.record_line());
            r.codes.resize(r.codes.size() + m_likert_count, no_answer);
            codes = r.codes.data() + r.codes.size() - m_likert_count;
        }
    }
    for (QuestionColumns& q : m_questions) {
        if (q.kano) {
            KanoAnswer f{}, d{};
            CellKind kf = q.kano_decoder->decode(fields[q.column], f);
            CellKind kd = q.kano_decoder2->decode(fields[q.column2], d);
            KanoCounts& k = cell.kano[q.slot];
            if (kf == CellKind::invalid || kd == CellKind::invalid)
                ++k.invalid;
            else if (kf == CellKind::missing || kd == CellKind::missing)
                ++k.missing;
            else
                ++k.pairs[static_cast<std::size_t>(f)][static_cast<std::size_t>(d)];
            continue;
        }
        double v = 0;
        CellKind kind = q.decoder->decode(fields[q.column], v);
        Accumulator& acc = cell.likert[q.slot];
        if (kind == CellKind::missing) {
            ++acc.other.missing;
            if (account_cell) ++account_cell->likert[q.slot].other.missing;
            continue;
        }
        if (kind == CellKind::invalid) {
            ++acc.other.invalid;
            if (account_cell) ++account_cell->likert[q.slot].other.invalid;
            continue;
        }
        acc.add(v, q.scale.min);
        if (account_cell) account_cell->likert[q.slot].add(v, q.scale.min);
        if (codes) codes[q.slot] = pairing_code(q, v, part.respondents->values[q.slot], reader);
    }
}

std::vector<WavePart> FileReader::read() {
    const SurveyMapping& s = *m_plan.survey;
    CsvOptions options;
    options.delimiter = s.delimiter;
    CsvReader reader = CsvReader::open_file(m_input.path, options, m_input.display);
    m_header_loc = Location{m_input.display, 1, 0, ""};
    std::vector<std::string> header = read_header(reader, s.header_rows);
    find_columns(header);
    if (!m_wave) part_for(m_input.label);
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue; // a blank line
        count_row(fields, reader);
    }
    for (WavePart& part : m_parts) {
        if (!part.respondents) continue;
        Respondents& r = *part.respondents;
        if (auto twice = r.ids.seal())
            throw Error(ExitCode::input, Location{m_input.display, r.line[twice->second], 0, ""},
                        fmt::format("this row repeats the respondent id of line {} in wave '{}'; "
                                    "pairing waves needs unique ids",
                                    r.line[twice->first], part.label));
    }
    return std::move(m_parts);
}

/// The result of reading one file, or the error it threw.
struct FileResult {
    std::vector<WavePart> parts;
    std::vector<std::string> segments;
    std::exception_ptr error;
};

FileResult read_one(const ReadPlan& plan, const WaveInput& input) {
    FileResult r;
    try {
        FileReader reader(plan, input);
        r.parts = reader.read();
        r.segments = reader.segments;
    } catch (const Error& e) {
        // The CSV reader names the file by the path it opened; users see what they typed.
        Diagnostic d = e.diagnostic();
        if (d.loc.file == input.path) d.loc.file = input.display;
        r.error = std::make_exception_ptr(Error(e.code(), d));
    } catch (...) {
        r.error = std::current_exception();
    }
    return r;
}

/// Reads the files, two at a time. Errors are rethrown in file order, so the message does
/// not depend on which thread finished first.
std::vector<FileResult> read_all(const ReadPlan& plan, const std::vector<WaveInput>& waves) {
    std::vector<FileResult> results(waves.size());
    for (std::size_t i = 0; i < waves.size(); i += 2) {
        if (i + 1 < waves.size()) {
            std::thread second([&, i] { results[i + 1] = read_one(plan, waves[i + 1]); });
            results[i] = read_one(plan, waves[i]);
            second.join();
        } else {
            results[i] = read_one(plan, waves[i]);
        }
        for (std::size_t j = i; j < waves.size() && j < i + 2; ++j)
            if (results[j].error) std::rethrow_exception(results[j].error);
    }
    return results;
}

/// Likert question indices by slot, and Kano question indices by slot.
void question_slots(const SurveyMapping& s, std::vector<std::size_t>& likert,
                    std::vector<std::size_t>& kano) {
    for (std::size_t i = 0; i < s.questions.size(); ++i)
        (s.questions[i].type == SurveyQuestion::Type::kano ? kano : likert).push_back(i);
}

Scale question_scale(const Project& p, const SurveyQuestion& q) {
    if (q.type == SurveyQuestion::Type::nps) return Scale{0, 10};
    return q.scale.value_or(p.scale);
}

/// Histograms of later − earlier for the respondents of the first wave found in the last,
/// by the first wave's group and segment. Accumulators are dense ([cell][slot], differences
/// from −range to +range), so the loop over a million pairs does no lookups but the id's.
void add_pairs(const Project& p, SurveyData& data, const WavePart& first, const WavePart& last,
               const std::vector<std::size_t>& segment_map_first,
               const std::vector<std::size_t>& likert) {
    const Respondents& a = *first.respondents;
    const Respondents& b = *last.respondents;
    std::size_t slots = likert.size();
    std::size_t segments = segment_map_first.size();
    std::vector<int> range(slots);
    std::vector<double> minimum(slots);
    for (std::size_t slot = 0; slot < slots; ++slot) {
        Scale sc = question_scale(p, p.survey->questions[likert[slot]]);
        range[slot] = sc.max - sc.min;
        minimum[slot] = sc.min;
    }
    std::vector<Accumulator> acc(group_count * segments * slots);
    for (std::size_t cell = 0; cell < group_count * segments; ++cell)
        for (std::size_t slot = 0; slot < slots; ++slot)
            acc[cell * slots + slot].dense.assign(static_cast<std::size_t>(2 * range[slot] + 1), 0);
    b.ids.join(a.ids, [&](std::uint32_t row_a, std::uint32_t row_b) {
        std::size_t cell = static_cast<std::size_t>(a.group[row_a]) * segments + a.segment[row_a];
        const std::uint8_t* ca = a.codes.data() + std::size_t{row_a} * slots;
        const std::uint8_t* cb = b.codes.data() + std::size_t{row_b} * slots;
        Accumulator* cell_acc = acc.data() + cell * slots;
        for (std::size_t slot = 0; slot < slots; ++slot) {
            std::uint8_t x = ca[slot], y = cb[slot];
            if (x == no_answer || y == no_answer) continue;
            if (x < first_fraction_code && y < first_fraction_code) {
                // Both integers on the scale: the difference indexes the dense counts.
                ++cell_acc[slot].dense[static_cast<std::size_t>(range[slot] + y - x)];
                continue;
            }
            auto value = [&](const Respondents& r, std::uint8_t code) {
                return code < first_fraction_code ? minimum[slot] + code
                                                  : r.values[slot][code - first_fraction_code];
            };
            cell_acc[slot].add(value(b, y) - value(a, x), -range[slot]);
        }
    });
    for (std::size_t g = 0; g < group_count; ++g)
        for (std::size_t seg = 0; seg < segments; ++seg)
            for (std::size_t slot = 0; slot < slots; ++slot) {
                Histogram h = acc[(g * segments + seg) * slots + slot].histogram(-range[slot]);
                if (h.n() == 0) continue;
                data.differences[{static_cast<GroupRole>(g), segment_map_first[seg], likert[slot]}]
                    .merge(h);
            }
}

} // namespace

void check_segment_by(const SurveyMapping& s, const SegmentBy& by) {
    if (by.kind == SegmentBy::Kind::segment && s.segment_column.empty() && s.account_column.empty())
        throw Error(ExitCode::usage, Location{},
                    "--by segment needs survey.segment (a column) or survey.account (to take "
                    "each account's segment)");
    if (by.kind == SegmentBy::Kind::satisfaction && s.account_column.empty())
        throw Error(ExitCode::usage, Location{},
                    "--by satisfaction needs survey.account to join respondents to accounts");
}

SurveyData read_survey_waves(const Project& project, const std::vector<WaveInput>& waves,
                             const SegmentBy& by) {
    const SurveyMapping& s = *project.survey;
    if (!s.wave_column.empty() && waves.size() != 1)
        throw Error(ExitCode::usage, Location{},
                    fmt::format("survey.wave is set ('{}'): give one file whose wave column "
                                "splits it into waves, not {}",
                                s.wave_column, waves.size()));
    ReadPlan plan;
    plan.project = &project;
    plan.survey = &s;
    plan.by = by;
    plan.pairing = !s.id_column.empty() && (waves.size() >= 2 || !s.wave_column.empty());
    for (const Account& a : project.accounts) {
        plan.account_index.emplace(a.id, plan.account_ids.size());
        plan.account_ids.push_back(a.id);
        if (by.kind == SegmentBy::Kind::satisfaction) {
            std::optional<Satisfaction> sat = resolved_satisfaction(a);
            plan.account_segment.push_back(sat ? name(*sat) : "unknown");
        } else {
            plan.account_segment.push_back(a.segment.empty() ? "unknown" : a.segment);
        }
    }
    check_segment_by(s, by);

    std::vector<FileResult> results = read_all(plan, waves);

    SurveyData data;
    data.segments = {""};
    data.has_groups = !s.group_column.empty();
    data.has_accounts = !s.account_column.empty();
    std::vector<std::size_t> likert, kano;
    question_slots(s, likert, kano);
    std::vector<const WavePart*> parts;
    std::vector<std::vector<std::size_t>*> segment_maps;
    std::vector<std::vector<std::size_t>> maps(results.size());
    for (std::size_t f = 0; f < results.size(); ++f) {
        for (const std::string& seg : results[f].segments)
            maps[f].push_back(data.segment_index(seg));
        for (const WavePart& part : results[f].parts) {
            parts.push_back(&part);
            segment_maps.push_back(&maps[f]);
        }
    }
    data.accounts = plan.account_ids;
    for (std::size_t w = 0; w < parts.size(); ++w) {
        const WavePart& part = *parts[w];
        data.waves.push_back(part.label);
        data.rows.push_back(part.rows);
        data.bad_rows.push_back(part.bad_rows);
        for (const auto& [key, cell] : part.cells) {
            std::size_t segment = (*segment_maps[w])[key.second];
            for (std::size_t slot = 0; slot < likert.size(); ++slot) {
                Scale sc = question_scale(project, s.questions[likert[slot]]);
                data.answers[{w, key.first, segment, likert[slot]}].merge(
                    cell.likert[slot].histogram(sc.min));
            }
            for (std::size_t slot = 0; slot < kano.size(); ++slot)
                data.kano[{w, key.first, segment, kano[slot]}].merge(cell.kano[slot]);
        }
        for (const auto& [key, cell] : part.accounts)
            for (std::size_t slot = 0; slot < likert.size(); ++slot) {
                Scale sc = question_scale(project, s.questions[likert[slot]]);
                Histogram h = cell.likert[slot].histogram(sc.min);
                if (h.n() + h.missing + h.invalid == 0) continue;
                data.account_answers[{w, key.first, key.second, likert[slot]}].merge(h);
            }
    }
    if (plan.pairing && parts.size() >= 2) {
        data.has_pairs = true;
        add_pairs(project, data, *parts.front(), *parts.back(), *segment_maps.front(), likert);
    }
    check_invalid_shares(project, data, waves);
    return data;
}

void check_invalid_shares(const Project& project, const SurveyData& data,
                          const std::vector<WaveInput>& where) {
    const SurveyMapping& s = *project.survey;
    auto place = [&](std::size_t wave) {
        const WaveInput& w = where.size() == data.waves.size() ? where[wave] : where.front();
        return Location{w.display, 1, 0, ""};
    };
    for (std::size_t w = 0; w < data.waves.size(); ++w) {
        std::uint64_t rows = w < data.rows.size() ? data.rows[w] : 0;
        std::uint64_t bad = w < data.bad_rows.size() ? data.bad_rows[w] : 0;
        if (rows > 0 && static_cast<double>(bad) > s.max_invalid * static_cast<double>(rows))
            throw Error(ExitCode::input, place(w),
                        fmt::format("{} of {} rows have a different number of cells than the "
                                    "header (over max_invalid {}%)",
                                    bad, rows, s.max_invalid * 100));
        std::map<std::size_t, std::pair<std::uint64_t, std::uint64_t>> per_question;
        for (const auto& [key, h] : data.answers)
            if (std::get<0>(key) == w) {
                auto& [answered, invalid] = per_question[std::get<3>(key)];
                answered += h.n() + h.invalid;
                invalid += h.invalid;
            }
        for (const auto& [key, k] : data.kano)
            if (std::get<0>(key) == w) {
                auto& [answered, invalid] = per_question[std::get<3>(key)];
                std::uint64_t valid = 0;
                for (const auto& row : k.pairs)
                    for (std::uint64_t c : row)
                        valid += c;
                answered += valid + k.invalid;
                invalid += k.invalid;
            }
        for (const auto& [q, counts] : per_question) {
            auto [answered, invalid] = counts;
            if (invalid == 0 ||
                static_cast<double>(invalid) <= s.max_invalid * static_cast<double>(answered))
                continue;
            const SurveyQuestion& question = s.questions[q];
            std::string column = question.type == SurveyQuestion::Type::kano
                                     ? question.functional + "' / '" + question.dysfunctional
                                     : question.column;
            throw Error(
                ExitCode::input, place(w),
                fmt::format("wave '{}', column '{}': {} of {} answers are invalid "
                            "({:.1f}%, over max_invalid {}%); run `delight check` to see "
                            "them, then add the answers to survey labels or fix the data",
                            data.waves[w], column, invalid, answered,
                            100.0 * static_cast<double>(invalid) / static_cast<double>(answered),
                            s.max_invalid * 100));
        }
    }
}

} // namespace delight::io
