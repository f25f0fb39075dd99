// GitHub-flavoured Markdown tables for reports a client receives.
#include "delight/render.hpp"

#include <cstddef>

namespace delight::render {
namespace {

/// One cell's text, escaped so that project text shows as written and cannot add markup:
/// a pipe would end the cell, brackets could form a link (e.g. "](javascript:..."), a
/// backtick a code span (inside which entities are not decoded), and GitHub renders raw
/// HTML in tables, so '<', '>' and '&' become entities.
std::string escape_cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : printable(text)) {
        switch (ch) {
        case '\\':
        case '|':
        case '[':
        case ']':
        case '`':
            out += '\\';
            out += ch;
            break;
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += ch;
        }
    }
    return out;
}

std::string row_line(const std::vector<std::string>& cells, std::size_t n) {
    std::string line = "|";
    for (std::size_t c = 0; c < n; ++c) {
        line += ' ';
        if (c < cells.size()) line += escape_cell(cells[c]);
        line += " |";
    }
    return line + '\n';
}

} // namespace

std::string table_markdown(const Table& table) {
    const std::size_t n = table.columns.size();
    if (n == 0) return {};
    std::vector<std::string> headers;
    std::string alignment = "|";
    for (const Column& column : table.columns) {
        headers.push_back(column.header);
        alignment += column.align == Align::right ? "--:|" : "---|";
    }
    std::string out = row_line(headers, n) + alignment + '\n';
    for (const auto& row : table.rows)
        out += row_line(row, n);
    return out;
}

} // namespace delight::render
