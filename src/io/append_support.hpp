#pragma once
// Private to the appenders (yaml_append.cpp, yaml_append_key.cpp, csv_append.cpp): how one
// appended item is written as YAML lines, the tree it must read back as, and the text
// helpers they share.
#include "delight/yaml_append.hpp"
#include "delight/yaml_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace delight::io {

/// The layout of the items of a list, copied from its last item.
struct ItemStyle {
    int dash = 0;      ///< 0-based column of '-'
    int key = 2;       ///< 0-based column of the first key (or of '{' for flow items)
    bool flow = false; ///< `- {key: value, …}` on one line
};

/// The lines of one item (without line endings).
std::vector<std::string> item_lines(const AppendItem& item, const ItemStyle& style);

/// The tree a YAML reader builds from item_lines(item, style) (positions left at 0).
YamlNode item_node(const AppendItem& item, bool flow);

/// The file's line ending (its first one: "\r\n", "\n" or "\r"), "\n" when it has none.
std::string line_ending(std::string_view text);

/// Whether a line holds only spaces and tabs.
bool is_blank(std::string_view line);

/// The character at a node position (1-based line, character column), '\0' past the end.
char char_at(const YamlDocument& doc, int line, int col);

/// Same data: type, scalar text and plainness, items and entries in order; positions ignored.
bool same_data(const YamlNode& a, const YamlNode& b);

/// original with lines inserted after the content of line after_line (1-based, before its
/// line ending), each preceded by the file's line ending; after_line 0 (an empty file):
/// the lines, each followed by one, after any BOM.
std::string insert_lines(std::string_view original, int after_line,
                         const std::vector<std::string>& lines);

/// The text of one field value in a CSV cell, before quoting: lists joined with ';'.
std::string csv_value(const AppendValue& value);

} // namespace delight::io
