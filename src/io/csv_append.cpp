// Appending rows to a §3.6 CSV list (PRODUCT.md §3.7): only added lines, in the file's own
// line ending, checked by reading the result again.
#include "append_support.hpp"
#include "delight/csv.hpp"
#include "delight/yaml_append.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace delight::io {
namespace {

using Records = std::vector<std::vector<std::string>>;

std::string trimmed(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return "";
    return std::string(s.substr(a, s.find_last_not_of(" \t") - a + 1));
}

/// RFC 4180: quoted when the cell holds the delimiter, a quote or a line break, or would
/// lose leading or trailing spaces (the list loader trims cells).
std::string csv_text(std::string_view value) {
    bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return std::string(value);
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

Records read_records(const std::string& file, std::string_view text) {
    CsvReader reader = CsvReader::from_string(file, std::string(text));
    Records records;
    std::vector<std::string_view> fields;
    while (reader.next(fields))
        records.emplace_back(fields.begin(), fields.end());
    return records;
}

[[noreturn]] void refuse(const Location& at, const std::string& why, const std::string& rows,
                         std::size_t count) {
    Location loc = at;
    loc.source_line.clear();
    throw Error(ExitCode::input, loc,
                fmt::format("cannot append to this file safely: {}; add {} yourself:\n{}", why,
                            count == 1 ? "this row" : "these rows", rows));
}

/// The cells of one item under header, or the name of a field that has no column.
std::vector<std::string> row_cells(const std::vector<std::string>& header, const AppendItem& item,
                                   std::string& missing) {
    std::vector<std::string> cells(header.size());
    for (const auto& [key, value] : item.fields) {
        auto it = std::find(header.begin(), header.end(), key);
        if (it == header.end()) {
            if (missing.empty()) missing = key;
            continue;
        }
        cells[static_cast<std::size_t>(it - header.begin())] = csv_value(value);
    }
    return cells;
}

std::string row_text(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) line += ',';
        line += csv_text(cells[i]);
    }
    return line;
}

} // namespace

std::string append_to_csv_list(std::string_view original, const std::string& file,
                               const std::vector<AppendItem>& items) {
    if (items.empty()) return std::string(original);
    const Location whole{file, 0, 0, ""};
    Records records;
    try {
        records = read_records(file, original);
    } catch (const Error& e) {
        refuse(e.diagnostic().loc, e.diagnostic().message, "(no header to follow)", items.size());
    }
    if (records.empty())
        refuse(whole, "it has no header row", "(no header to follow)", items.size());
    std::vector<std::string> header;
    for (const std::string& name : records.front())
        header.push_back(trimmed(name));
    Records rows;
    std::string missing, pasted;
    for (const AppendItem& item : items) {
        rows.push_back(row_cells(header, item, missing));
        if (!pasted.empty()) pasted += '\n';
        pasted += row_text(rows.back());
    }
    if (!missing.empty()) {
        // Show the rows under the header they need, so nothing the user asked for is lost.
        std::vector<std::string> wider = header;
        for (const AppendItem& item : items)
            for (const auto& field : item.fields)
                if (std::find(wider.begin(), wider.end(), field.first) == wider.end())
                    wider.push_back(field.first);
        std::string shown = row_text(wider);
        for (const AppendItem& item : items)
            shown += "\n" + row_text(row_cells(wider, item, missing));
        refuse(whole, fmt::format("it has no column '{}' (add the column first)", missing), shown,
               items.size());
    }
    std::string eol = line_ending(original);
    std::string text(original);
    bool ends_with_eol = !text.empty() && (text.back() == '\n' || text.back() == '\r');
    for (const auto& row : rows)
        text += ends_with_eol ? row_text(row) + eol : eol + row_text(row);
    Records after;
    try {
        after = read_records(file, text);
    } catch (const Error& e) {
        refuse(e.diagnostic().loc, e.diagnostic().message, pasted, items.size());
    }
    records.insert(records.end(), rows.begin(), rows.end());
    if (after != records)
        refuse(whole, "the result would not read back as the old rows plus the new", pasted,
               items.size());
    return text;
}

} // namespace delight::io
