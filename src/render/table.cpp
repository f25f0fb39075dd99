// Plain-text tables for the terminal: aligned, fitted to the width, optionally heat-shaded.
#include "delight/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace delight::render {
namespace {

constexpr int min_shrunk_width = 8; // a cut column stays readable (plus its header)
constexpr const char* separator = "  ";
constexpr const char* sgr_reset = "\x1b[0m";

using Cells = std::vector<std::vector<std::string>>;

/// The header row followed by the body, one cell per column, passed through printable().
Cells layout_cells(const Table& table) {
    const std::size_t n = table.columns.size();
    Cells cells;
    cells.reserve(table.rows.size() + 1);
    cells.emplace_back();
    for (const Column& column : table.columns)
        cells.back().push_back(printable(column.header));
    for (const auto& row : table.rows) {
        cells.emplace_back(n);
        for (std::size_t c = 0; c < n && c < row.size(); ++c)
            cells.back()[c] = printable(row[c]);
    }
    return cells;
}

std::vector<int> natural_widths(const Cells& cells, std::size_t n) {
    std::vector<int> widths(n, 0);
    for (const auto& row : cells)
        for (std::size_t c = 0; c < n; ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    return widths;
}

/// Shrinks the widest shrinkable column one step at a time until the table fits.
void fit_widths(std::vector<int>& widths, const Table& table, const Cells& cells, int target) {
    const std::size_t n = widths.size();
    std::vector<int> floor(n);
    for (std::size_t c = 0; c < n; ++c)
        floor[c] = std::min(widths[c], std::max(display_width(cells[0][c]), min_shrunk_width));
    int total = std::accumulate(widths.begin(), widths.end(), 0) + 2 * static_cast<int>(n - 1);
    while (total > target) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c) {
            if (!table.columns[c].shrinkable || widths[c] <= floor[c]) continue;
            if (widest == n || widths[c] > widths[widest]) widest = c;
        }
        if (widest == n) return; // nothing left to shrink: the table stays wider
        --widths[widest];
        --total;
    }
}

/// SGR sequence shading a cell with heat in 0..1: a light-to-dark blue ramp from the xterm
/// 256-colour cube, black text on the light steps and white on the dark ones. Empty for NaN.
std::string heat_sgr(double heat) {
    static constexpr int ramp[] = {189, 153, 111, 69, 25};
    if (std::isnan(heat)) return {};
    const int step = std::min(4, static_cast<int>(std::clamp(heat, 0.0, 1.0) * 5.0));
    const int foreground = step < 3 ? 16 : 231;
    return fmt::format("\x1b[48;5;{};38;5;{}m", ramp[step], foreground);
}

std::string pad(const std::string& cell, int width, Align align) {
    const std::string fitted = truncate_to_width(cell, width);
    const std::string spaces(static_cast<std::size_t>(width - display_width(fitted)), ' ');
    return align == Align::right ? spaces + fitted : fitted + spaces;
}

/// One output line; shades[c] (possibly empty) is the SGR sequence for column c.
std::string render_line(const std::vector<std::string>& cells, const std::vector<int>& widths,
                        const Table& table, const std::vector<std::string>& shades) {
    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        if (c > 0) line += separator;
        const std::string padded = pad(cells[c], widths[c], table.columns[c].align);
        line += shades[c].empty() ? padded : shades[c] + padded + sgr_reset;
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + '\n';
}

std::vector<std::string> row_shades(const Table& table, const Style& style, std::size_t row) {
    std::vector<std::string> shades(table.columns.size());
    if (!style.color || !table.heat || row >= table.heat->size()) return shades;
    const std::vector<double>& heat = (*table.heat)[row];
    for (std::size_t c = 0; c < shades.size() && c < heat.size(); ++c)
        shades[c] = heat_sgr(heat[c]);
    return shades;
}

} // namespace

std::string table_text(const Table& table, const Style& style) {
    const std::size_t n = table.columns.size();
    if (n == 0) return {};
    const Cells cells = layout_cells(table);
    std::vector<int> widths = natural_widths(cells, n);
    fit_widths(widths, table, cells, style.width);

    const std::vector<std::string> no_shades(n);
    std::string out = render_line(cells[0], widths, table, no_shades);
    std::vector<std::string> rule;
    for (const int width : widths)
        rule.emplace_back(static_cast<std::size_t>(width), '-');
    out += render_line(rule, widths, table, no_shades);
    for (std::size_t r = 1; r < cells.size(); ++r)
        out += render_line(cells[r], widths, table, row_shades(table, style, r - 1));
    return out;
}

} // namespace delight::render
