#pragma once
// The output layer: the only place that decides how things look (STYLE.md).
#include "delight/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delight::render {

enum class Format { table, markdown, csv, json, yaml, html, github, gitlab };

/// How output should look, resolved once by cli/ from the common options (§4).
struct Style {
    int width = 80;       ///< terminal columns for table output
    bool color = false;   ///< ANSI colour allowed
    bool raw_csv = false; ///< --raw-csv: no formula neutralisation
};

/// Display width of UTF-8 text in terminal columns (East Asian wide = 2, combining = 0),
/// measured with utf8proc. Invalid UTF-8 counts one column per byte. Counted per grapheme
/// cluster: a cluster is as wide as its widest code point, and an emoji cluster (a flag's
/// two regional indicators, or a base followed by U+FE0F) is 2. Control characters are 0.
int display_width(std::string_view text);

/// Cuts text to at most width display columns, ending with "…" (width 1) when cut. Cuts only
/// between grapheme clusters, so no code point is split and no combining mark is left without
/// its base; spaces before the "…" are dropped. width <= 0 gives "" for non-empty text.
std::string truncate_to_width(std::string_view text, int width);

/// Project text made safe to print on a terminal or in a one-line cell: every C0 control
/// character (tab and line breaks included; CRLF counts as one), DEL and every C1 control
/// (U+0080–U+009F) becomes one space, so text cannot break a layout or inject escape
/// sequences. Everything else, invalid UTF-8 included, is kept byte for byte.
std::string printable(std::string_view text);

/// A number with fixed decimals, '.' as decimal point whatever the locale, no separators.
/// NaN or infinity prints "–" (undefined statistic, PRODUCT.md §2). Rounds the exact binary
/// value half to even, as printf does (2.675 -> "2.67", 0.125 -> "0.12"); a value that rounds
/// to zero has no sign ("0.00", never "-0.00"). Negative decimals count as 0.
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
/// Layout: the header row, a line of '-' as wide as each column, then the rows; columns are
/// separated by two spaces, right-aligned columns are padded on the left, and no line ends
/// in a space. When the natural width exceeds style.width, the widest shrinkable column loses
/// one column at a time (never below max(header width, 8)) until the table fits or nothing
/// can shrink; other columns keep their width, so a table may still be wider than asked.
/// Cells pass through printable(). A row with fewer cells than columns gets empty cells;
/// extra cells are ignored. With style.color and table.heat, each body cell's background is
/// shaded on a 5-step sequential blue ramp (256-colour ANSI; lightness carries the value, so
/// it reads with colour-blindness); NaN heat values are not shaded.
std::string table_text(const Table& table, const Style& style);
/// GitHub-flavoured Markdown table (pipes and newlines in cells escaped). Project text
/// cannot add markup: backslash, '|', '[', ']' and '`' are backslash-escaped and '&', '<', '>'
/// become entities, so neither raw HTML nor a link can be injected; control characters and
/// line breaks become spaces. The alignment row is "---" (left) or "--:" (right).
std::string table_markdown(const Table& table);
/// Plain text (one line of a sentence holding project text) as GitHub-flavoured Markdown that
/// shows exactly that text: the characters table_markdown escapes, plus '*', '_' and '~'
/// (emphasis), are escaped, and so is a first character that would start a heading, list,
/// quote or thematic break ('#', '-', '+', '>', '=', or digits followed by '.' or ')');
/// control characters and line breaks become spaces.
std::string markdown_text(std::string_view text);

/// A titled part of a command's output — sentences and/or a table — in reading order. The
/// report (PRODUCT.md §4.6) assembles the commands' blocks into one document.
struct Block {
    std::string title;
    std::vector<std::string> lines; ///< plain sentences (escaped by the writer)
    std::optional<Table> table;
};

/// Blocks as Markdown: each a heading of the given level (1–6), its lines (each escaped with
/// markdown_text, one per line, ending with a hard line break "\\" when another follows: each
/// shows on a line of its own; an empty line starts a new paragraph), then its table when it
/// has rows; blocks separated by a blank line.
std::string blocks_markdown(const std::vector<Block>& blocks, int level);

/// RFC 4180 CSV with a header row; text cells starting with = + - @ tab or CR get a leading
/// ' unless style.raw_csv (OWASP); cells that parse as numbers are left alone. Lines end with
/// LF (the last one too).
std::string table_csv(const Table& table, const Style& style);
/// One CSV cell, quoted when needed, neutralised as table_csv does. A number is text matching
/// ^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$ ("-3", "+2.5", "-.25", "1e-9").
/// Cells holding ',', '"', CR or LF are quoted, with '"' doubled.
std::string csv_cell(std::string_view text, bool raw);

/// JSON text: 2-space indent, trailing newline, UTF-8 kept as is. Invalid UTF-8 in a string
/// throws nlohmann::json::type_error (inputs are validated as UTF-8 when loaded). Undefined
/// statistics must be stored as null by the caller: nlohmann writes a NaN or infinite double
/// as null anyway, but a field's meaning should not rest on that.
std::string json_text(const nlohmann::ordered_json& value);

/// A diagnostic as printed on stderr (PRODUCT.md §5), ending with a newline:
///   delight: error: delight.yaml:14:17: unknown touchpoint 'biling' (did you mean 'bill'?)
///      14 |     touchpoint: biling
///         |                 ^
/// The location is "file:line:col: ", "file:line: " or "file: " depending on which parts are
/// known, and absent when file is empty. The source excerpt appears when line > 0 and the
/// source line is known; the caret line only when col > 0, the caret under character col
/// (measured in display columns, so wide characters count 2; tabs and other control
/// characters are shown as one space each). With color: "error:" bold red, "warning:" bold
/// magenta, the caret green.
std::string diagnostic_text(const delight::Diagnostic& d, bool color,
                            const std::string& program = "delight");

} // namespace delight::render
