#pragma once
// The output layer: the only place that decides how things look (STYLE.md).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delight::render {

enum class Format { table, markdown, csv, json, yaml, html, github, gitlab };

/// How output should look, resolved once by cli/ from the common options (§4).
struct Style {
    int width = 80;     ///< terminal columns for table output
    bool color = false; ///< ANSI colour allowed
    bool raw_csv = false; ///< --raw-csv: no formula neutralisation
};

/// Display width of UTF-8 text in terminal columns (East Asian wide = 2, combining = 0),
/// measured with utf8proc. Invalid UTF-8 counts one column per byte.
int display_width(std::string_view text);

/// Cuts text to at most width display columns, ending with "…" when cut.
std::string truncate_to_width(std::string_view text, int width);

/// A number with fixed decimals, '.' as decimal point whatever the locale, no separators.
/// NaN or infinity prints "–" (undefined statistic, PRODUCT.md §2).
std::string fixed(double value, int decimals);

enum class Align { left, right };

struct Column {
    std::string header;
    Align align = Align::left;
    /// Columns that may shrink (long text) when the table is wider than the width; others
    /// keep their natural width.
    bool shrinkable = false;
};

/// A table of text cells. heat, when present, has the same shape as rows: values in 0..1
/// drawn as a background shade in coloured table output (heat maps); ignored elsewhere.
struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
    std::optional<std::vector<std::vector<double>>> heat;
};

/// Aligned plain-text table fitted to style.width: shrinkable columns are cut with "…".
std::string table_text(const Table& table, const Style& style);
/// GitHub-flavoured Markdown table (pipes and newlines in cells escaped).
std::string table_markdown(const Table& table);
/// RFC 4180 CSV with a header row; text cells starting with = + - @ tab or CR get a leading
/// ' unless style.raw_csv (OWASP); cells that parse as numbers are left alone.
std::string table_csv(const Table& table, const Style& style);
/// One CSV cell, quoted when needed, neutralised as table_csv does.
std::string csv_cell(std::string_view text, bool raw);

/// JSON text: 2-space indent, trailing newline, UTF-8 kept as is.
std::string json_text(const nlohmann::ordered_json& value);

} // namespace delight::render
