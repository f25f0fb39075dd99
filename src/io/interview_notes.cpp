// Interview notes CSV for `delight brainstorm import` (PRODUCT.md §4.1): header checks and
// one validated InterviewNote per row, every problem at its file:line:col.
#include "delight/interview_notes.hpp"

#include "delight/csv.hpp"
#include "delight/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace delight::io {
namespace {

const std::vector<std::string> required_columns = {"account", "expectation", "quote", "date"};
const std::vector<std::string> known_columns = {"account",    "expectation", "quote", "date",
                                                "touchpoint", "function",    "kind"};
const std::vector<std::string> kind_names = {"stated", "implied", "latent", "future"};

std::string trimmed(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return "";
    return std::string(s.substr(a, s.find_last_not_of(" \t") - a + 1));
}

/// Column index of each known column (or npos), checked against the header.
using Columns = std::array<std::size_t, 7>;

Columns map_columns(const CsvReader& reader, const std::vector<std::string>& header,
                    Diagnostics& diags) {
    Columns at;
    at.fill(std::string::npos);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i].empty()) continue; // an unnamed trailing column from a spreadsheet
        auto it = std::find(known_columns.begin(), known_columns.end(), header[i]);
        if (it == known_columns.end())
            diags.error(reader.field_location(i),
                        fmt::format("unknown column '{}'{}; interview notes have the columns "
                                    "account, expectation, quote, date and optionally "
                                    "touchpoint, function, kind",
                                    header[i], suggestion_suffix(header[i], known_columns)));
        else
            at[static_cast<std::size_t>(it - known_columns.begin())] = i;
    }
    for (std::size_t k = 0; k < required_columns.size(); ++k)
        if (at[k] == std::string::npos)
            diags.error(reader.record_location(),
                        fmt::format("missing column '{}' in the header", required_columns[k]));
    return at;
}

/// Reads and checks the cells of one row.
class RowReader {
  public:
    RowReader(const CsvReader& reader, const std::vector<std::string_view>& fields,
              const Columns& at, Diagnostics& diags)
        : m_reader(reader), m_fields(fields), m_at(at), m_diags(diags) {}

    std::string cell(std::size_t column) const {
        std::size_t i = m_at[column];
        return i < m_fields.size() ? trimmed(m_fields[i]) : "";
    }
    Location where(std::size_t column) const { return m_reader.field_location(m_at[column]); }
    void error(std::size_t column, std::string message) const {
        m_diags.error(where(column), std::move(message));
    }
    /// The cell as one line of at most max_chars characters.
    std::string text(std::size_t column, std::size_t max_chars) const {
        std::string s = cell(column);
        if (!is_one_line(s))
            error(column, fmt::format("'{}' must be one line", known_columns[column]));
        else if (code_points(s) > max_chars)
            error(column, fmt::format("'{}' has {} characters; at most {}", known_columns[column],
                                      code_points(s), max_chars));
        return s;
    }

  private:
    const CsvReader& m_reader;
    const std::vector<std::string_view>& m_fields;
    const Columns& m_at;
    Diagnostics& m_diags;
};

enum Col : std::size_t { account, expectation, quote, date, touchpoint, function, kind };

void check_known(const RowReader& row, Col column, const std::string& value,
                 const std::vector<std::string>& known, const char* what) {
    if (std::find(known.begin(), known.end(), value) == known.end())
        row.error(column,
                  fmt::format("unknown {} '{}'{}", what, value, suggestion_suffix(value, known)));
}

void read_optional(const RowReader& row, const Columns& at, const Project& project,
                   InterviewNote& note) {
    if (at[touchpoint] != std::string::npos && !(note.touchpoint = row.cell(touchpoint)).empty())
        check_known(row, touchpoint, note.touchpoint, project.touchpoints, "touchpoint");
    if (at[function] != std::string::npos) {
        std::string cell = row.cell(function);
        for (std::size_t start = 0; start < cell.size();) {
            std::size_t end = std::min(cell.find(';', start), cell.size());
            std::string f = trimmed(std::string_view(cell).substr(start, end - start));
            start = end + 1;
            if (f.empty()) continue;
            check_known(row, function, f, project.functions, "function");
            note.functions.push_back(f);
        }
    }
    if (at[kind] != std::string::npos && !row.cell(kind).empty()) {
        std::string k = row.cell(kind);
        auto it = std::find(kind_names.begin(), kind_names.end(), k);
        if (it == kind_names.end())
            check_known(row, kind, k, kind_names, "kind");
        else
            note.kind = static_cast<Kind>(it - kind_names.begin());
    }
}

std::vector<std::string> ids_of(const Project& project) {
    std::vector<std::string> ids;
    for (const Expectation& e : project.expectations)
        ids.push_back(e.id);
    return ids;
}

InterviewNote read_note(const RowReader& row, const Columns& at, const Project& project,
                        const std::vector<std::string>& ids,
                        const std::vector<std::string>& accounts) {
    InterviewNote note;
    note.expectation = row.text(expectation, 300);
    if (note.expectation.empty())
        row.error(expectation, "'expectation' is empty: give an "
                               "expectation id or the need in words");
    // A single id-like word that is close to an id is taken as a typo, not as a new need.
    if (is_valid_id(note.expectation) && note.expectation.find('-') != std::string::npos &&
        std::find(ids.begin(), ids.end(), note.expectation) == ids.end() &&
        !did_you_mean(note.expectation, ids).empty())
        row.error(expectation, fmt::format("unknown expectation id '{}'{}", note.expectation,
                                           suggestion_suffix(note.expectation, ids)));
    note.account = row.text(account, 64);
    if (!accounts.empty() && !note.account.empty())
        check_known(row, account, note.account, accounts, "account");
    note.quote = row.text(quote, 2000);
    note.date = row.cell(date);
    if (!note.date.empty() && !is_iso_date(note.date))
        row.error(date, fmt::format("'date' must be a date YYYY-MM-DD, got '{}'", note.date));
    read_optional(row, at, project, note);
    return note;
}

} // namespace

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i)
            v = v * 10 + (s[i] - '0');
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::vector<InterviewNote> read_interview_notes(const std::string& path, const Project& project,
                                                Diagnostics& diags) {
    CsvReader reader = CsvReader::open_file(path);
    std::vector<std::string> header = read_header(reader, 1);
    Columns at = map_columns(reader, header, diags);
    if (diags.has_errors()) return {};
    std::vector<std::string> accounts;
    for (const Account& a : project.accounts)
        accounts.push_back(a.id);
    const std::vector<std::string> ids = ids_of(project);
    std::vector<InterviewNote> notes;
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && trimmed(fields[0]).empty()) continue; // a blank line
        if (fields.size() != header.size()) {
            diags.error(reader.record_location(),
                        fmt::format("this row has {} cells but the header has {}", fields.size(),
                                    header.size()));
            continue;
        }
        RowReader row(reader, fields, at, diags);
        notes.push_back(read_note(row, at, project, ids, accounts));
        notes.back().loc = reader.record_location();
    }
    return notes;
}

} // namespace delight::io
