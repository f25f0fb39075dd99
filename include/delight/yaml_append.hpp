#pragma once
// Appending to files people edit (PRODUCT.md §3.7). yaml-cpp drops every comment when it
// writes, so items are appended as text: the list and its indentation are found from the
// parsed positions (yaml_tree.hpp), the new lines are inserted after the last item, and the
// result is parsed again and must hold the old data plus the new items — else nothing is
// returned and the user gets the text to paste. Every existing byte is kept: comments, order,
// quoting, blank lines and line endings (the added lines use the file's own line ending).
//
// Where the lines go: right after the last line of the last item that is neither blank nor
// a comment, plus the comment lines directly below it that are indented past the item's dash
// (they annotate that item). Any other comment — at the dash's column or left of it, or after
// a blank line — stays below the new items: it introduces whatever follows the list.
// A file without a final newline keeps none: the added lines are inserted *before* the end
// of that last line ("\n- id: …"), so no existing byte changes.
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace delight::io {

/// A field value: text, a number, or a list of ids (written in flow style, `[a, b]`).
using AppendValue = std::variant<std::string, double, std::vector<std::string>>;

/// One item to append: its fields in the order they are written.
struct AppendItem {
    std::vector<std::pair<std::string, AppendValue>> fields;
};

/// Returns original with items appended to a list. key "" means the root of a bare-list
/// file (an empty file or one holding only comments is an empty list); otherwise key names a
/// top-level key of a mapping file (delight.yaml): `key:` with no value becomes the list,
/// and an absent key is added at the end of the file as `key:` followed by the items.
/// New items copy the style of the last item: the dash's column, the keys' indentation,
/// block (`- id: x` lines) or flow (`- {id: x, …}`) mappings, and a blank line between items
/// when the list has them. Scalars are written by yaml_scalar.
/// Throws delight::Error (ExitCode::input) at the list's position, with the text to paste
/// in the message, when the layout does not allow a safe append: a flow-style list
/// (`[...]`), anchors or aliases, tabs, several documents, a value that is not a list of
/// mappings, or any difference found when the result is parsed again. file names the file
/// in messages. No items: original unchanged.
std::string append_to_yaml_list(std::string_view original, const std::string& file,
                                std::string_view key, const std::vector<AppendItem>& items);

/// Returns original (a mapping file) with the top-level entry `key: value` added at its end,
/// after a blank line. value is written by yaml_scalar. Refuses (as above) a file whose root
/// is not a block mapping or that already has key.
std::string append_yaml_key(std::string_view original, const std::string& file,
                            std::string_view key, std::string_view value);

/// The text of a new bare-list YAML file: each line of comment prefixed with "# ", a blank
/// line, then the items at column 0 separated by blank lines; LF line endings.
std::string new_yaml_list_file(std::string_view comment, const std::vector<AppendItem>& items);

/// The items as block mappings ("- key: value" lines, LF), each line prefixed with indent:
/// the text to paste when an append is refused.
std::string yaml_items_text(const std::vector<AppendItem>& items, std::string_view indent = "");

/// A scalar as written: plain when a YAML 1.2 core-schema reader reads it back as the same
/// string (not null, bool, int or float; no leading indicator character or digit, no ": "
/// or " #", no leading or trailing space, no control character, not one of YAML 1.1's
/// y/n/yes/no/on/off; in flow context only ASCII letters, digits, spaces, _ . - / ( ) ' and
/// non-ASCII characters, because yaml-cpp 0.7 fails on some legal flow scalars), else double-quoted
/// with escapes
/// (\\ \" \t \n \xNN \uXXXX). Text is expected to be valid UTF-8.
std::string yaml_scalar(std::string_view text, bool flow = false);

/// A number as written: the shortest text that reads back as the same double ("4", "4.5").
std::string yaml_number(double value);

/// Returns original (a §3.6 CSV list with a header row) with one row per item appended.
/// Cells follow the header's columns (lists joined with ';', absent fields empty) and are
/// quoted when they hold ',', '"', CR or LF. Lines end like the file's; a file without a
/// final newline keeps none. Refuses (ExitCode::input, with the rows to paste) a file without
/// a header, an item field that has no column, and any difference found when the result is
/// read again.
std::string append_to_csv_list(std::string_view original, const std::string& file,
                               const std::vector<AppendItem>& items);

} // namespace delight::io
