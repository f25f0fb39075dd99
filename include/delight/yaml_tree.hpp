#pragma once
// Our own positioned YAML tree, built in one event-driven pass over yaml-cpp's parser
// (PRODUCT.md §3.8). yaml-cpp's node API loses positions for errors and accepts hostile
// input (duplicate keys, aliases, billion laughs), so we never use YAML::Node.
#include "delight/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace delight::io {

/// Documented limits (docs/file-format.md).
struct YamlLimits {
    std::size_t max_file_bytes = 8u << 20; ///< larger lists belong in CSV (§3.6)
    int max_depth = 64;                    ///< nesting of mappings and sequences
};

struct YamlEntry;

struct YamlNode {
    enum class Type { null, scalar, sequence, mapping };
    Type type = Type::null;
    int line = 0;       ///< 1-based
    int col = 0;        ///< 1-based, in characters
    std::string value;  ///< scalars: the text
    bool plain = false; ///< scalars: unquoted (only plain scalars are typed as numbers/bools)
    std::vector<YamlNode> items;    ///< sequences
    std::vector<YamlEntry> entries; ///< mappings, in file order

    bool is_map() const { return type == Type::mapping; }
    bool is_seq() const { return type == Type::sequence; }
    bool is_scalar() const { return type == Type::scalar; }
    bool is_null() const { return type == Type::null; }
    /// The value of key in a mapping, or nullptr.
    const YamlNode* find(std::string_view key) const;
};

/// A key and its value in a mapping. A struct rather than std::pair<YamlNode, YamlNode>: a pair
/// of the still incomplete YamlNode inside YamlNode is rejected by Debian 12's clang 14
/// with libstdc++, and clang-tidy and the fuzz build use clang.
struct YamlEntry {
    YamlEntry(YamlNode key, YamlNode value) : first(std::move(key)), second(std::move(value)) {}
    YamlNode first;  ///< the key (a scalar)
    YamlNode second; ///< the value
};

/// A parsed file: its display name, its lines (for caret excerpts) and its root.
struct YamlDocument {
    std::string file;
    std::vector<std::string> lines;
    YamlNode root;
    bool empty = true; ///< no document at all (empty file or only comments)

    Location at(const YamlNode& node) const { return at(node.line, node.col); }
    Location at(int line, int col) const;
};

/// Parses text. Throws delight::Error (ExitCode::input) for syntax errors and every guard of
/// §5: invalid UTF-8 or NUL bytes, tab indentation, anchors, aliases, merge keys, duplicate
/// keys (citing both), non-scalar keys, more than one document, nesting past the limit.
/// A UTF-8 BOM is stripped; CRLF and CR line endings are normalised.
YamlDocument parse_yaml(std::string file, std::string_view text, const YamlLimits& limits = {});

/// Reads and parses a file: refuses a path that is not a regular file (ExitCode::input) or is
/// larger than the limit, before reading it; a missing or unreadable file is ExitCode::os.
YamlDocument read_yaml_file(const std::string& path, const std::string& display_name,
                            const YamlLimits& limits = {});

/// Reads a whole regular file of at most max_bytes (same refusals as read_yaml_file).
std::string read_small_file(const std::string& path, const std::string& display_name,
                            std::size_t max_bytes);

/// Normalises line endings (CRLF, CR -> LF) and strips one UTF-8 BOM.
std::string normalise_text(std::string_view text);

/// Splits normalised text into lines (without '\n').
std::vector<std::string> split_lines(std::string_view text);

/// Core-schema typing of plain scalars (YAML 1.2): "5" quoted is a string, 0x1F is not an int.
bool is_core_null(std::string_view s);
bool is_core_bool(std::string_view s, bool& out);
bool is_core_int(std::string_view s, long long& out);
bool is_core_float(std::string_view s, double& out);

} // namespace delight::io
