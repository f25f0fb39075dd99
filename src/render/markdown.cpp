// GitHub-flavoured Markdown tables for reports a client receives.
#include "delight/render.hpp"

#include <algorithm>
#include <cstddef>

namespace delight::render {
namespace {

/// One cell's text, escaped so that project text shows as written and cannot add markup:
/// a pipe would end the cell, brackets could form a link (e.g. "](javascript:..."), a
/// backtick a code span (inside which entities are not decoded), and GitHub renders raw
/// HTML in tables, so '<', '>' and '&' become entities.
std::string escape_cell(std::string_view text, bool emphasis = false) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : printable(text)) {
        if (emphasis && (ch == '*' || ch == '_' || ch == '~')) {
            out += '\\';
            out += ch;
            continue;
        }
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

std::string markdown_text(std::string_view text) {
    std::string out = escape_cell(text, true);
    // A line start that Markdown would read as block syntax: escape its first character
    // (for an ordered-list marker "12." the dot, as CommonMark allows).
    std::size_t digits = 0;
    while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
        out.insert(digits, 1, '\\');
    else if (!out.empty() && std::string_view("#-+>=").find(out[0]) != std::string_view::npos)
        out.insert(0, 1, '\\');
    return out;
}

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

std::string blocks_markdown(const std::vector<Block>& blocks, int level) {
    std::string hashes(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#');
    std::string out;
    for (const Block& b : blocks) {
        if (!out.empty()) out += '\n';
        out += hashes + ' ' + markdown_text(b.title) + "\n\n";
        // Each line is a fact of its own: consecutive lines end with a hard line break ("\\"),
        // else Markdown would run them together as one paragraph; an empty line parts them.
        for (std::size_t i = 0; i < b.lines.size(); ++i) {
            const bool joined =
                i + 1 < b.lines.size() && !b.lines[i].empty() && !b.lines[i + 1].empty();
            out += markdown_text(b.lines[i]) + (joined ? "\\\n" : "\n");
        }
        if (b.table && !b.table->rows.empty()) {
            if (!b.lines.empty()) out += '\n';
            out += table_markdown(*b.table);
        }
    }
    return out;
}

} // namespace delight::render
