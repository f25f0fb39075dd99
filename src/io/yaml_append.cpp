// The comment-preserving YAML appender (PRODUCT.md §3.7): find the list from the parsed
// positions, insert the new lines as text after its last item, and accept the result only
// when it parses to the old data plus the new items.
#include "delight/yaml_append.hpp"

#include "append_support.hpp"
#include "delight/diagnostic.hpp"
#include "delight/yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace delight::io {
namespace {

/// Byte range of one line's content in the original text (its line ending excluded).
struct LineSpan {
    std::size_t start = 0, end = 0;
};

/// The lines of the original bytes, split as normalise_text and split_lines do (CRLF, LF
/// and CR end a line; a final line ending starts no new line), so line n here is line n of
/// the parsed document.
std::vector<LineSpan> line_spans(std::string_view text) {
    std::vector<LineSpan> spans;
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        spans.push_back({start, i});
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) spans.push_back({start, text.size()});
    return spans;
}

bool is_comment(std::string_view line) {
    std::size_t p = line.find_first_not_of(" \t");
    return p != std::string_view::npos && line[p] == '#';
}

int indent_of(std::string_view line) {
    std::size_t p = line.find_first_not_of(' ');
    return static_cast<int>(p == std::string_view::npos ? line.size() : p);
}

/// Byte offset of 1-based character column col in line.
std::size_t byte_of_column(std::string_view line, int col) {
    std::size_t pos = 0;
    for (int c = 1; c < col && pos < line.size(); ++c) {
        ++pos;
        while (pos < line.size() && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80)
            ++pos;
    }
    return pos;
}

/// Where the new lines go and what they look like.
struct Place {
    enum class Mode { list, null_value, absent_key, empty_file } mode = Mode::list;
    int after_line = 0; ///< 1-based line after whose content the lines go; 0: an empty file
    ItemStyle style;
    bool blank_between = false; ///< a blank line before each new item
    Location loc;               ///< where refusals point
};

/// What a refusal needs to say.
struct Request {
    const std::string& file;
    std::string_view key;
    const std::vector<AppendItem>& items;
};

std::string list_name(const Request& r) {
    return r.key.empty() ? std::string("this list") : fmt::format("'{}'", r.key);
}

[[noreturn]] void refuse(const Request& r, Location loc, const std::string& why,
                         bool flow_paste = false) {
    loc.source_line.clear(); // the text to paste follows the message instead of an excerpt
    std::string paste;
    if (flow_paste) {
        for (const AppendItem& item : r.items) {
            std::string line = item_lines(item, ItemStyle{0, 2, true}).front();
            if (!paste.empty()) paste += ",\n";
            paste += line.substr(2);
        }
    } else {
        paste = yaml_items_text(r.items);
        if (!paste.empty()) paste.pop_back(); // the final newline: the message ends the line
    }
    throw Error(ExitCode::input, std::move(loc),
                fmt::format("cannot append to {} safely: {}; add {} yourself:\n{}", list_name(r),
                            why, r.items.size() == 1 ? "this item" : "these items", paste));
}

/// Last line of the document's content: the last line, or the one before a `...` or `---`
/// marker that follows from_line.
int content_end(const YamlDocument& doc, int from_line, int limit) {
    for (int l = from_line + 1; l <= limit; ++l) {
        const std::string& text = doc.lines[static_cast<std::size_t>(l - 1)];
        if (text.rfind("...", 0) == 0 || text.rfind("---", 0) == 0) return l - 1;
    }
    return limit;
}

const YamlNode& deepest_last(const YamlNode& n) {
    if (!n.items.empty()) return deepest_last(n.items.back());
    if (!n.entries.empty()) return deepest_last(n.entries.back().second);
    return n;
}

/// Last line of a block scalar (`|` or `>`) whose header is on header_line: its content is
/// the lines indented at least as much as its first non-blank line.
int block_scalar_end(const YamlDocument& doc, int header_line, int limit) {
    int header_indent = indent_of(doc.lines[static_cast<std::size_t>(header_line - 1)]);
    int content_indent = -1, end = header_line;
    for (int l = header_line + 1; l <= limit; ++l) {
        const std::string& text = doc.lines[static_cast<std::size_t>(l - 1)];
        if (is_blank(text)) continue;
        if (content_indent < 0) content_indent = indent_of(text);
        if (content_indent <= header_indent || indent_of(text) < content_indent) break;
        end = l;
    }
    return end;
}

/// The last line of item: its last line that is neither blank nor a comment, and the comment
/// lines right below it that are indented past the dash (they annotate the item). limit is
/// the last line the list may own.
int item_end(const YamlDocument& doc, const YamlNode& item, int dash, int limit) {
    int end = item.line;
    for (int l = limit; l > item.line; --l) {
        if (!is_blank(doc.lines[static_cast<std::size_t>(l - 1)]) &&
            !is_comment(doc.lines[static_cast<std::size_t>(l - 1)])) {
            end = l;
            break;
        }
    }
    // Lines starting with '#' inside a literal block are text, not comments.
    const YamlNode& last = deepest_last(item);
    if (last.is_scalar() && !last.plain) {
        char c = char_at(doc, last.line, last.col);
        if (c == '|' || c == '>') end = std::max(end, block_scalar_end(doc, last.line, limit));
    }
    while (end < limit && is_comment(doc.lines[static_cast<std::size_t>(end)]) &&
           indent_of(doc.lines[static_cast<std::size_t>(end)]) > dash)
        ++end;
    return end;
}

/// Whether a blank line separates the last item from the one before it (comments between
/// them are skipped).
bool blank_before(const YamlDocument& doc, const YamlNode& list) {
    if (list.items.size() < 2) return false;
    for (int l = list.items.back().line - 1; l >= 1; --l) {
        const std::string& text = doc.lines[static_cast<std::size_t>(l - 1)];
        if (is_comment(text)) continue;
        return is_blank(text);
    }
    return false;
}

Place list_place(const YamlDocument& doc, const YamlNode& list, int limit, const Request& r) {
    Place p;
    p.loc = doc.at(list);
    if (char_at(doc, list.line, list.col) == '[')
        refuse(r, p.loc, "it is a flow-style list ([...])", true);
    for (const YamlNode& item : list.items)
        if (!item.is_map())
            refuse(r, doc.at(item),
                   item.is_scalar() ? "it holds paths or values, not items"
                                    : "its items are not mappings");
    const YamlNode& last = list.items.back();
    p.style.dash = list.col - 1;
    const std::string& text = doc.lines[static_cast<std::size_t>(last.line - 1)];
    const std::size_t key = byte_of_column(text, last.col);
    bool on_dash_line = key > static_cast<std::size_t>(p.style.dash) + 1 &&
                        text[static_cast<std::size_t>(p.style.dash)] == '-' &&
                        is_blank(text.substr(static_cast<std::size_t>(p.style.dash) + 1,
                                             key - static_cast<std::size_t>(p.style.dash) - 1));
    p.style.key = on_dash_line ? static_cast<int>(key) : p.style.dash + 2;
    p.style.flow = char_at(doc, last.line, last.col) == '{';
    p.blank_between = blank_before(doc, list);
    p.after_line = item_end(doc, last, p.style.dash, content_end(doc, last.line, limit));
    return p;
}

/// The dash offset of the file's block lists under top-level keys (2 when it has none).
int preferred_offset(const YamlDocument& doc) {
    for (const auto& [k, v] : doc.root.entries)
        if (v.is_seq() && char_at(doc, v.line, v.col) == '-') return std::max(0, v.col - k.col);
    return 2;
}

Place key_place(const YamlDocument& doc, const Request& r) {
    Place p;
    int last_line = static_cast<int>(doc.lines.size());
    p.loc = Location{doc.file, 0, 0, ""};
    if (!doc.empty && !doc.root.is_null() &&
        (!doc.root.is_map() || char_at(doc, doc.root.line, doc.root.col) == '{'))
        refuse(r, doc.at(doc.root), "the file is not a block mapping of keys");
    const auto& entries = doc.root.entries;
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const auto& e) { return e.first.value == r.key; });
    int offset = doc.root.is_map() ? preferred_offset(doc) : 2;
    if (it == entries.end()) {
        p.mode = Place::Mode::absent_key;
        p.after_line = last_line;
        p.style = {offset, offset + 2, false};
        return p;
    }
    int limit = it + 1 == entries.end() ? content_end(doc, it->first.line, last_line)
                                        : (it + 1)->first.line - 1;
    if (it->second.is_seq()) return list_place(doc, it->second, limit, r);
    p.loc = doc.at(it->first);
    if (!it->second.is_null()) refuse(r, doc.at(it->second), "its value is not a list");
    const std::string& line = doc.lines[static_cast<std::size_t>(it->first.line - 1)];
    std::size_t after_key = byte_of_column(line, it->first.col) + r.key.size();
    std::string_view rest = std::string_view(line).substr(std::min(after_key, line.size()));
    std::size_t hash = rest.find(" #");
    if (rest.empty() || rest[0] != ':' ||
        !is_blank(rest.substr(1, hash == rest.npos ? rest.npos : hash)))
        refuse(r, p.loc, fmt::format("write '{}:' on a line of its own", r.key));
    p.mode = Place::Mode::null_value;
    p.after_line = it->first.line;
    int dash = it->first.col - 1 + offset;
    p.style = {dash, dash + 2, false};
    return p;
}

Place locate(const YamlDocument& doc, const Request& r) {
    if (!r.key.empty()) return key_place(doc, r);
    Place p;
    p.loc = Location{doc.file, 0, 0, ""};
    if (doc.empty || doc.root.is_null()) {
        p.mode = Place::Mode::empty_file;
        p.after_line = static_cast<int>(doc.lines.size());
        return p;
    }
    if (!doc.root.is_seq()) refuse(r, doc.at(doc.root), "the file does not hold a bare list");
    int last_line = static_cast<int>(doc.lines.size());
    return list_place(doc, doc.root, last_line, r);
}

/// The lines to insert (without line endings), each preceded by a line ending.
std::vector<std::string> new_lines(const YamlDocument& doc, const Place& p, const Request& r) {
    std::vector<std::string> lines;
    bool preceded_by_text =
        p.after_line > 0 && !is_blank(doc.lines[static_cast<std::size_t>(p.after_line - 1)]);
    if (p.mode == Place::Mode::absent_key) {
        if (preceded_by_text) lines.emplace_back();
        lines.push_back(std::string(r.key) + ":");
    } else if (p.mode == Place::Mode::empty_file && preceded_by_text) {
        lines.emplace_back();
    }
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        if (p.blank_between && (i > 0 || p.mode == Place::Mode::list)) lines.emplace_back();
        for (std::string& line : item_lines(r.items[i], p.style))
            lines.push_back(std::move(line));
    }
    return lines;
}

YamlDocument parse_for_append(std::string_view text, const Request& r) {
    try {
        return parse_yaml(r.file, text);
    } catch (const Error& e) {
        refuse(r, e.diagnostic().loc, e.diagnostic().message);
    }
}

/// The tree the new text must read as.
YamlNode expected_tree(const YamlDocument& doc, const Place& p, const Request& r) {
    YamlNode root = doc.root;
    YamlNode* list = &root;
    if (p.mode == Place::Mode::absent_key || p.mode == Place::Mode::null_value) {
        if (root.is_null()) root = YamlNode{YamlNode::Type::mapping, 0, 0, "", false, {}, {}};
        const YamlNode seq{YamlNode::Type::sequence, 0, 0, "", false, {}, {}};
        if (p.mode == Place::Mode::absent_key)
            root.entries.emplace_back(
                YamlNode{YamlNode::Type::scalar, 0, 0, std::string(r.key), true, {}, {}}, seq);
        for (auto& [k, v] : root.entries)
            if (k.value == r.key) list = &v;
        *list = seq; // `key:` with no value reads as null; now it holds the list
    } else if (p.mode == Place::Mode::empty_file) {
        root = YamlNode{YamlNode::Type::sequence, 0, 0, "", false, {}, {}};
    } else if (!r.key.empty()) {
        for (auto& [k, v] : root.entries)
            if (k.value == r.key) list = &v;
    }
    for (const AppendItem& item : r.items)
        list->items.push_back(item_node(item, p.style.flow));
    return root;
}

} // namespace

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

char char_at(const YamlDocument& doc, int line, int col) {
    if (line < 1 || static_cast<std::size_t>(line) > doc.lines.size()) return '\0';
    const std::string& text = doc.lines[static_cast<std::size_t>(line - 1)];
    std::size_t b = byte_of_column(text, col);
    return b < text.size() ? text[b] : '\0';
}

bool same_data(const YamlNode& a, const YamlNode& b) {
    if (a.type != b.type || a.items.size() != b.items.size() ||
        a.entries.size() != b.entries.size())
        return false;
    if (a.is_scalar() && (a.value != b.value || a.plain != b.plain)) return false;
    if (a.is_null() && a.value != b.value) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same_data(a.items[i], b.items[i])) return false;
    for (std::size_t i = 0; i < a.entries.size(); ++i)
        if (!same_data(a.entries[i].first, b.entries[i].first) ||
            !same_data(a.entries[i].second, b.entries[i].second))
            return false;
    return true;
}

std::string insert_lines(std::string_view original, int after_line,
                         const std::vector<std::string>& lines) {
    std::vector<LineSpan> spans = line_spans(original);
    std::string eol = line_ending(original);
    std::string block;
    std::size_t at = 0;
    if (after_line == 0) { // an empty file (perhaps a BOM)
        at = original.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        for (const std::string& line : lines)
            block += line + eol;
    } else {
        at = spans[static_cast<std::size_t>(after_line - 1)].end;
        for (const std::string& line : lines)
            block += eol + line;
    }
    std::string out(original.substr(0, at));
    out += block;
    out += original.substr(at);
    return out;
}

std::string line_ending(std::string_view text) {
    std::size_t i = text.find_first_of("\r\n");
    if (i == std::string_view::npos || text[i] == '\n') return "\n";
    return i + 1 < text.size() && text[i + 1] == '\n' ? "\r\n" : "\r";
}

std::string append_to_yaml_list(std::string_view original, const std::string& file,
                                std::string_view key, const std::vector<AppendItem>& items) {
    if (items.empty()) return std::string(original);
    Request r{file, key, items};
    YamlDocument doc = parse_for_append(original, r);
    Place place = locate(doc, r);
    std::string text = insert_lines(original, place.after_line, new_lines(doc, place, r));
    YamlDocument after = parse_for_append(text, r);
    if (!same_data(expected_tree(doc, place, r), after.root))
        refuse(r, place.loc, "the result would not read back as the old items plus the new");
    return text;
}

} // namespace delight::io
