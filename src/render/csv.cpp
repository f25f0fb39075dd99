// CSV output (RFC 4180) with spreadsheet-formula neutralisation (PRODUCT.md §3.7, OWASP).
#include "delight/render.hpp"

#include <cstddef>

namespace delight::render {
namespace {

bool is_digit(char ch) {
    return ch >= '0' && ch <= '9';
}

std::size_t skip_digits(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_digit(text[pos]))
        ++pos;
    return pos;
}

/// Matches ^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$ by hand: std::regex recurses
/// per character and can overflow the stack on a long cell.
bool is_number(std::string_view text) {
    std::size_t pos = 0;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    const std::size_t int_end = skip_digits(text, pos);
    std::size_t mantissa_end = int_end;
    if (mantissa_end < text.size() && text[mantissa_end] == '.')
        mantissa_end = skip_digits(text, mantissa_end + 1);
    const bool has_digits = int_end > pos || mantissa_end > int_end + 1;
    if (!has_digits) return false;
    pos = mantissa_end;
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
        const std::size_t exponent_end = skip_digits(text, pos);
        if (exponent_end == pos) return false;
        pos = exponent_end;
    }
    return pos == text.size();
}

/// A spreadsheet would run the cell as a formula (OWASP "CSV Injection").
bool starts_like_formula(std::string_view text) {
    if (text.empty()) return false;
    const char first = text.front();
    const bool trigger = first == '=' || first == '+' || first == '-' || first == '@' ||
                         first == '\t' || first == '\r';
    return trigger && !is_number(text);
}

void append_row(std::string& out, const std::vector<std::string>& cells, std::size_t n, bool raw) {
    for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) out += ',';
        if (c < cells.size()) out += csv_cell(cells[c], raw);
    }
    out += '\n';
}

} // namespace

std::string csv_cell(std::string_view text, bool raw) {
    std::string cell = !raw && starts_like_formula(text) ? "'" : "";
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char ch : cell) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

std::string table_csv(const Table& table, const Style& style) {
    const std::size_t n = table.columns.size();
    if (n == 0) return {};
    std::vector<std::string> headers;
    for (const Column& column : table.columns)
        headers.push_back(column.header);
    std::string out;
    append_row(out, headers, n, style.raw_csv);
    for (const auto& row : table.rows)
        append_row(out, row, n, style.raw_csv);
    return out;
}

} // namespace delight::render
