// The header rows of a CSV file (include/delight/csv.hpp: read_header): column names, and the
// mistakes a header shows at once (duplicates, the wrong delimiter).
#include "delight/csv.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>
#include <unordered_map>

namespace delight::io {
namespace {

Location whole_file(const std::string& file) {
    Location loc;
    loc.file = file;
    return loc;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n\v\f") - first + 1);
}

/// One column holding another delimiter: the file was split with the wrong one.
void check_single_column(const CsvReader& reader, const std::vector<std::string>& names) {
    if (names.size() != 1 || reader.field_quoted(0)) return;
    char best = 0;
    std::ptrdiff_t best_count = 0;
    for (const char candidate : {';', ',', '\t'}) {
        const auto count = std::count(names[0].begin(), names[0].end(), candidate);
        if (candidate != reader.delimiter() && count > best_count) {
            best = candidate;
            best_count = count;
        }
    }
    if (best == 0) return;
    const std::string shown = best == '\t' ? "a tab" : fmt::format("'{}'", best);
    const std::string setting = best == '\t' ? "\\t" : std::string(1, best);
    throw Error(ExitCode::input, reader.field_location(0),
                fmt::format("the header has one column but contains {}: set the delimiter to "
                            "\"{}\"",
                            shown, setting));
}

void check_duplicates(const CsvReader& reader, const std::vector<std::string>& names) {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty()) continue;
        const auto [it, inserted] = seen.emplace(names[i], i);
        if (!inserted)
            throw Error(
                ExitCode::input, reader.field_location(i),
                fmt::format("duplicate column '{}' (also column {})", names[i], it->second + 1));
    }
}

} // namespace

std::vector<std::string> read_header(CsvReader& reader, int header_rows) {
    if (header_rows < 1) throw std::invalid_argument("read_header: header_rows must be >= 1");
    std::vector<std::string_view> fields;
    if (!reader.next(fields))
        throw Error(ExitCode::input, whole_file(reader.file_name()),
                    "empty CSV file: expected a header row");
    if (fields.size() == 1 && trim(fields[0]).empty())
        throw Error(ExitCode::input, reader.record_location(),
                    "the header row is blank: expected column names");
    std::vector<std::string> names;
    names.reserve(fields.size());
    for (const std::string_view field : fields)
        names.emplace_back(trim(field));
    check_single_column(reader, names);
    check_duplicates(reader, names);
    for (int row = 1; row < header_rows; ++row) {
        if (!reader.next(fields))
            throw Error(
                ExitCode::input, whole_file(reader.file_name()),
                fmt::format("the file ends after {} of its {} header rows", row, header_rows));
    }
    return names;
}

} // namespace delight::io
