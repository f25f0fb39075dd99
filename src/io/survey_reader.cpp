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
#include <array>
#include <cmath>
#include <cstring>
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

/// A decoded Likert/NPS cell, ready to count.
struct Answer {
    CellKind kind = CellKind::invalid;
    double value = 0;
    /// value − scale.min when the value is an integer on the scale (its index among the
    /// question's counts in CellCounts::dense), else −1.
    int dense = -1;
};

/// value − min when it is a whole number in [0, count), else −1. An integer compare instead of
/// std::floor, which is a libm call on baseline x86-64.
std::ptrdiff_t integer_index(double value, int min, std::size_t count) {
    const double index = value - min;
    if (index >= 0 && index < static_cast<double>(count)) {
        const auto i = static_cast<std::ptrdiff_t>(index);
        if (static_cast<double>(i) == index) return i;
    }
    return -1;
}

int dense_index(double value, Scale scale) {
    return static_cast<int>(
        integer_index(value, scale.min, static_cast<std::size_t>(scale.max - scale.min) + 1));
}

/// Adds counts[i] answers of min + i to h, for each i.
void add_dense(Histogram& h, const std::uint64_t* counts, std::size_t n, int min) {
    for (std::size_t i = 0; i < n; ++i)
        h.add(min + static_cast<double>(i), counts[i]);
}

/// Paired differences of one Likert/NPS question in one cell: integers from `min` on go to a
/// dense array; others (differences involving labels mapped to fractions) to a histogram.
struct Accumulator {
    std::vector<std::uint64_t> dense;
    Histogram other;

    void add(double v, int min) {
        const std::ptrdiff_t i = integer_index(v, min, dense.size());
        if (i >= 0)
            ++dense[static_cast<std::size_t>(i)];
        else
            other.add(v);
    }
    Histogram histogram(int min) const {
        Histogram h = other;
        add_dense(h, dense.data(), dense.size(), min);
        return h;
    }
};

/// Cells that are empty or one or two digits: nearly every cell of a survey export.
constexpr std::size_t short_cells = 1 + 10 + 100;
constexpr std::size_t not_short = short_cells;

/// The index of such a cell in QuestionColumns::short_codes (not_short for other cells).
std::size_t short_cell_index(std::string_view cell) {
    if (cell.empty()) return 0;
    if (cell.size() > 2) return not_short;
    const auto d0 = static_cast<unsigned>(static_cast<unsigned char>(cell[0])) - '0';
    if (d0 > 9) return not_short;
    if (cell.size() == 1) return 1 + d0;
    const auto d1 = static_cast<unsigned>(static_cast<unsigned char>(cell[1])) - '0';
    return d1 > 9 ? not_short : 11 + 10 * d0 + d1;
}

/// What a short cell means to one question, in a byte: below first_fraction_code, an integer
/// answer on the scale — its index among the question's counts in CellCounts::dense, which is
/// also its pairing code — else one of these.
constexpr std::uint8_t short_missing = 253, short_invalid = 254, short_decode = 255;

/// How one mapped question is read from a file.
struct QuestionColumns {
    std::size_t question = 0; ///< index in survey.questions
    bool kano = false;
    std::size_t column = 0, column2 = 0; ///< kano: functional, dysfunctional
    std::unique_ptr<AnswerDecoder> decoder;
    std::unique_ptr<KanoDecoder> kano_decoder;
    std::unique_ptr<KanoDecoder> kano_decoder2;
    Scale scale;
    std::size_t slot = 0;     ///< position among the Likert/NPS questions (pairing codes)
    std::size_t dense_at = 0; ///< where its counts start in CellCounts::dense
    /// The decoder's answer to each short cell, asked once: counting a survey's digits then
    /// costs an array index per cell, not a call into the decoder (measured: decoding was a
    /// fifth of the run).
    std::array<std::uint8_t, short_cells> short_codes{};

    void decode_short_cells() {
        for (std::size_t i = 0; i < short_cells; ++i) {
            std::string text;
            if (i >= 11)
                text = {static_cast<char>('0' + (i - 11) / 10),
                        static_cast<char>('0' + (i - 11) % 10)};
            else if (i >= 1)
                text = {static_cast<char>('0' + (i - 1))};
            const Answer a = decode_uncached(text);
            if (a.kind == CellKind::missing)
                short_codes[i] = short_missing;
            else if (a.kind == CellKind::invalid)
                short_codes[i] = short_invalid;
            else if (a.dense >= 0 && scale.max - scale.min < first_fraction_code)
                short_codes[i] = static_cast<std::uint8_t>(a.dense);
            else
                short_codes[i] = short_decode;
        }
    }
    std::uint8_t short_code(std::string_view cell) const {
        const std::size_t i = short_cell_index(cell);
        return i == not_short ? short_decode : short_codes[i];
    }
    /// Decodes a cell that short_code() left to the decoder.
    Answer decode(std::string_view cell) {
        for (std::size_t i = 0; i < recent_count; ++i)
            if (recent[i].text == cell) return recent[i].answer;
        const Answer a = decode_uncached(cell);
        recent[recent_next] = {std::string(cell), a};
        recent_next = (recent_next + 1) % recent.size();
        recent_count = std::min(recent_count + 1, recent.size());
        return a;
    }

  private:
    Answer decode_uncached(std::string_view cell) const {
        Answer a;
        a.kind = decoder->decode(cell, a.value);
        if (a.kind == CellKind::value) a.dense = dense_index(a.value, scale);
        return a;
    }

    /// The last longer cells decoded (labels, "N/A"): an export repeats a handful of them per
    /// question, and a lookup in the decoder's own cache costs a std::string.
    struct Recent {
        std::string text;
        Answer answer;
    };
    std::array<Recent, 8> recent;
    std::size_t recent_next = 0, recent_count = 0;
};

/// Where each Likert/NPS slot's counts of integer answers start in CellCounts::dense
/// (`at` has one more entry: the end), and the answer the first one counts.
struct DenseLayout {
    std::vector<std::size_t> at;
    std::vector<int> min;
};

/// One cell's counts. The integer answers on each Likert/NPS question's scale (nearly every
/// answer) are counted in one array, slot after slot (DenseLayout), so that counting one is an
/// index and an increment (measured: one array instead of one per question took a fifth off
/// counting, which had cost more than splitting the CSV); other answers (labels mapped to
/// fractions), missing and invalid cells go to a histogram per slot; Kano questions by their
/// order.
struct CellCounts {
    std::vector<std::uint64_t> dense;
    std::vector<Histogram> other;
    std::vector<KanoCounts> kano;

    Histogram histogram(const DenseLayout& layout, std::size_t slot) const {
        Histogram h = other[slot];
        add_dense(h, dense.data() + layout.at[slot], layout.at[slot + 1] - layout.at[slot],
                  layout.min[slot]);
        return h;
    }
};

/// The respondents of one wave, for pairing: each id's payload is its pairing code per Likert
/// slot, then — only when rows can fall into different cells — its group (1 byte) and
/// segment (4 bytes).
struct Respondents {
    static constexpr std::size_t cell_bytes = 1 + 4;

    Respondents(std::size_t slot_count, bool with_cells)
        : ids(slot_count + (with_cells ? cell_bytes : 0)), slots(slot_count), cells(with_cells),
          values(slot_count) {}

    IdTable ids;
    std::size_t slots;
    bool cells;
    /// Per Likert slot: the distinct fractional answers seen (codes from first_fraction_code).
    std::vector<std::vector<double>> values;

    void set_cell(std::uint8_t* payload, GroupRole role, std::size_t segment) const {
        if (!cells) return;
        payload[slots] = static_cast<std::uint8_t>(role);
        const auto s = static_cast<std::uint32_t>(segment);
        std::memcpy(payload + slots + 1, &s, sizeof s);
    }
    GroupRole group(const std::uint8_t* payload) const {
        return cells ? static_cast<GroupRole>(payload[slots]) : GroupRole::other;
    }
    std::size_t segment(const std::uint8_t* payload) const {
        std::uint32_t s = 0;
        if (cells) std::memcpy(&s, payload + slots + 1, sizeof s);
        return s;
    }
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
    DenseLayout layout;

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
    /// The cell of the previous row: consecutive rows mostly share one, and this saves a map
    /// lookup per row.
    struct {
        const WavePart* part = nullptr;
        GroupRole role = GroupRole::other;
        std::size_t segment = 0;
        CellCounts* counts = nullptr;
    } m_last_cell;
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
    layout.at = {0};
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
            c.decode_short_cells();
            c.slot = m_likert_count++;
            c.dense_at = layout.at.back();
            layout.at.push_back(c.dense_at +
                                static_cast<std::size_t>(c.scale.max - c.scale.min + 1));
            layout.min.push_back(c.scale.min);
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
    c.dense.assign(layout.at.back(), 0);
    c.other.resize(m_likert_count);
    c.kano.resize(m_kano_count);
    return c;
}

WavePart& FileReader::part_for(std::string_view label) {
    for (WavePart& p : m_parts)
        if (p.label == label) return p;
    WavePart p;
    p.label = std::string(label);
    if (m_plan.pairing)
        p.respondents = std::make_unique<Respondents>(
            m_likert_count, m_group.has_value() || m_plan.by.kind != SegmentBy::Kind::none);
    m_last_cell = {}; // the parts may move
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

std::uint8_t pairing_code(const QuestionColumns& q, const Answer& a, std::vector<double>& fractions,
                          const CsvReader& reader) {
    if (a.dense >= 0 && q.scale.max - q.scale.min < first_fraction_code)
        return static_cast<std::uint8_t>(a.dense);
    auto it = std::find(fractions.begin(), fractions.end(), a.value);
    if (it == fractions.end()) {
        if (fractions.size() >= no_answer - first_fraction_code)
            throw Error(ExitCode::input, reader.field_location(q.column),
                        "more than 55 distinct fractional answers to one question; pairing "
                        "respondents needs answers on a scale");
        fractions.push_back(a.value);
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
    if (m_last_cell.part != &part || m_last_cell.role != role || m_last_cell.segment != segment) {
        auto [cell_it, fresh] = part.cells.try_emplace({role, segment});
        if (fresh) cell_it->second = make_cell();
        m_last_cell = {&part, role, segment, &cell_it->second};
    }
    CellCounts& cell = *m_last_cell.counts;
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
            codes = r.ids.add(id, reader.record_line());
            std::memset(codes, no_answer, r.slots);
            r.set_cell(codes, role, segment);
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
        const std::string_view text = fields[q.column];
        const std::uint8_t code = q.short_code(text);
        if (code < first_fraction_code) { // an integer answer on the scale: nearly every cell
            ++cell.dense[q.dense_at + code];
            if (account_cell) ++account_cell->dense[q.dense_at + code];
            if (codes) codes[q.slot] = code;
            continue;
        }
        const Answer a = code == short_missing   ? Answer{CellKind::missing}
                         : code == short_invalid ? Answer{CellKind::invalid}
                                                 : q.decode(text);
        if (a.kind == CellKind::missing) {
            ++cell.other[q.slot].missing;
            if (account_cell) ++account_cell->other[q.slot].missing;
            continue;
        }
        if (a.kind == CellKind::invalid) {
            ++cell.other[q.slot].invalid;
            if (account_cell) ++account_cell->other[q.slot].invalid;
            continue;
        }
        for (CellCounts* c : {&cell, account_cell}) {
            if (c == nullptr) continue;
            if (a.dense >= 0)
                ++c->dense[q.dense_at + static_cast<std::size_t>(a.dense)];
            else
                c->other[q.slot].add(a.value);
        }
        if (codes) codes[q.slot] = pairing_code(q, a, part.respondents->values[q.slot], reader);
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
        if (auto twice = part.respondents->ids.seal())
            throw Error(ExitCode::input, Location{m_input.display, twice->second, 0, ""},
                        fmt::format("this row repeats the respondent id of line {} in wave '{}'; "
                                    "pairing waves needs unique ids",
                                    twice->first, part.label));
    }
    return std::move(m_parts);
}

/// The result of reading one file, or the error it threw.
struct FileResult {
    std::vector<WavePart> parts;
    std::vector<std::string> segments;
    DenseLayout layout;
    std::exception_ptr error;
};

FileResult read_one(const ReadPlan& plan, const WaveInput& input) {
    FileResult r;
    try {
        FileReader reader(plan, input);
        r.parts = reader.read();
        r.segments = reader.segments;
        r.layout = reader.layout;
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
/// from −range to +range), and the join reads both waves' codes in order, so the loop over
/// a million pairs does no lookups and no random memory access. The join runs in two halves
/// on two threads (each counting into its own accumulators, added up after).
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
    // Without fractional answers (codes from first_fraction_code) in either wave, every code
    // is an integer on the scale or no_answer: then the loop has no branch per answer — a pair
    // with a missing answer is counted one past the differences, and that count dropped.
    bool integers = true;
    for (std::size_t slot = 0; slot < slots; ++slot)
        integers = integers && a.values[slot].empty() && b.values[slot].empty();
    auto count = [&](std::vector<Accumulator>& acc, std::size_t half) {
        acc.resize(group_count * segments * slots);
        // centre[cell * slots + slot] points at the count of a zero difference.
        std::vector<std::uint64_t*> centre(acc.size());
        for (std::size_t i = 0; i < acc.size(); ++i) {
            acc[i].dense.assign(2 * static_cast<std::size_t>(range[i % slots]) + 2, 0);
            centre[i] = acc[i].dense.data() + range[i % slots];
        }
        auto pair = [&](const std::uint8_t* ca, const std::uint8_t* cb) {
            std::size_t cell = static_cast<std::size_t>(a.group(ca)) * segments + a.segment(ca);
            std::uint64_t* const* cell_centre = centre.data() + cell * slots;
            const std::size_t n = slots; // a local: the counts written below might alias `slots`
            if (integers) {
                const int* past = range.data(); // range + 1 is past the differences
                for (std::size_t slot = 0; slot < n; ++slot) {
                    const int x = ca[slot], y = cb[slot];
                    ++cell_centre[slot][std::max(x, y) == no_answer ? past[slot] + 1 : y - x];
                }
                return;
            }
            for (std::size_t slot = 0; slot < n; ++slot) {
                const std::uint8_t x = ca[slot], y = cb[slot];
                if (std::max(x, y) < first_fraction_code) {
                    // Both integers on the scale: the difference indexes the dense counts.
                    ++cell_centre[slot][static_cast<int>(y) - static_cast<int>(x)];
                    continue;
                }
                if (x == no_answer || y == no_answer) continue;
                auto value = [&](const Respondents& r, std::uint8_t code) {
                    return code < first_fraction_code ? minimum[slot] + code
                                                      : r.values[slot][code - first_fraction_code];
                };
                acc[cell * slots + slot].add(value(b, y) - value(a, x), -range[slot]);
            }
        };
        b.ids.join(a.ids, pair, half, 2);
    };
    std::vector<Accumulator> acc, acc2;
    std::thread second([&] { count(acc2, 1); });
    count(acc, 0);
    second.join();
    for (std::vector<Accumulator>* half : {&acc, &acc2})
        for (Accumulator& counts : *half)
            counts.dense.pop_back(); // the pairs with a missing answer
    for (std::size_t g = 0; g < group_count; ++g)
        for (std::size_t seg = 0; seg < segments; ++seg)
            for (std::size_t slot = 0; slot < slots; ++slot) {
                const std::size_t i = (g * segments + seg) * slots + slot;
                Histogram h = acc[i].histogram(-range[slot]);
                h.merge(acc2[i].histogram(-range[slot]));
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
    std::vector<const DenseLayout*> layouts;
    std::vector<std::vector<std::size_t>*> segment_maps;
    std::vector<std::vector<std::size_t>> maps(results.size());
    for (std::size_t f = 0; f < results.size(); ++f) {
        for (const std::string& seg : results[f].segments)
            maps[f].push_back(data.segment_index(seg));
        for (const WavePart& part : results[f].parts) {
            parts.push_back(&part);
            layouts.push_back(&results[f].layout);
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
            for (std::size_t slot = 0; slot < likert.size(); ++slot)
                data.answers[{w, key.first, segment, likert[slot]}].merge(
                    cell.histogram(*layouts[w], slot));
            for (std::size_t slot = 0; slot < kano.size(); ++slot)
                data.kano[{w, key.first, segment, kano[slot]}].merge(cell.kano[slot]);
        }
        for (const auto& [key, cell] : part.accounts)
            for (std::size_t slot = 0; slot < likert.size(); ++slot) {
                Histogram h = cell.histogram(*layouts[w], slot);
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
