// List sections (§3, §3.6): inline lists, or files — YAML holding a bare list, or CSV with a
// header of field names — named by a path, a glob, or a list of them.
#include "delight/csv.hpp"
#include "delight/text.hpp"
#include "loader_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace delight::io {
namespace {

constexpr std::size_t max_csv_list_bytes = 64u << 20;

bool ends_with(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    std::string tail(s.substr(s.size() - suffix.size()));
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == suffix;
}

std::string trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return "";
    std::size_t b = s.find_last_not_of(" \t");
    return std::string(s.substr(a, b - a + 1));
}

YamlNode scalar_at(std::string value, const Location& loc) {
    YamlNode n;
    n.type = YamlNode::Type::scalar;
    n.value = std::move(value);
    n.plain = true; // CSV cells are typed by their content, like plain YAML scalars
    n.line = loc.line;
    n.col = loc.col;
    return n;
}

/// Maps a CSV header name to (field, map key): "competitor.vaultly" -> ("competitors", "vaultly").
std::pair<std::string, std::string> split_column(const std::string& column) {
    std::size_t dot = column.find('.');
    if (dot == std::string::npos) return {column, ""};
    std::string prefix = column.substr(0, dot);
    if (prefix == "competitor") prefix = "competitors";
    return {prefix, column.substr(dot + 1)};
}

bool header_ok(LoadContext& ctx, const CsvReader& reader, const std::vector<std::string>& header,
               const std::vector<std::string>& known) {
    bool ok = true;
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto [field, key] = split_column(header[i]);
        bool is_map = field == "competitors" || field == "ability";
        bool known_field = std::find(known.begin(), known.end(), field) != known.end();
        if (known_field && (is_map == !key.empty())) continue;
        std::string hint = is_map ? fmt::format(" (use one column per key, e.g. '{}.{}')",
                                                field == "ability" ? "ability" : "competitor",
                                                field == "ability" ? "budget" : "vaultly")
                                  : suggestion_suffix(header[i], known);
        ctx.diags.error(reader.field_location(i),
                        fmt::format("unknown column '{}'{}", header[i], hint));
        ok = false;
    }
    return ok;
}

YamlNode row_to_node(const CsvReader& reader, const std::vector<std::string>& header,
                     const std::vector<std::string_view>& fields) {
    YamlNode item;
    item.type = YamlNode::Type::mapping;
    Location rl = reader.record_location();
    item.line = rl.line;
    item.col = 1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string cell = trim(fields[i]);
        if (cell.empty()) continue;
        Location loc = reader.field_location(i);
        auto [field, key] = split_column(header[i]);
        if (!key.empty()) {
            // field is captured by name: capturing a structured binding needs clang 16.
            auto it =
                std::find_if(item.entries.begin(), item.entries.end(),
                             [&field = field](const auto& e) { return e.first.value == field; });
            if (it == item.entries.end()) {
                YamlNode map;
                map.type = YamlNode::Type::mapping;
                map.line = loc.line;
                map.col = loc.col;
                item.entries.emplace_back(scalar_at(field, loc), std::move(map));
                it = std::prev(item.entries.end());
            }
            it->second.entries.emplace_back(scalar_at(key, loc), scalar_at(cell, loc));
        } else if (field == "functions" || field == "after") {
            YamlNode seq;
            seq.type = YamlNode::Type::sequence;
            seq.line = loc.line;
            seq.col = loc.col;
            std::size_t start = 0;
            while (start <= cell.size()) {
                std::size_t end = cell.find(';', start);
                if (end == std::string::npos) end = cell.size();
                std::string part = trim(std::string_view(cell).substr(start, end - start));
                if (!part.empty()) seq.items.push_back(scalar_at(part, loc));
                start = end + 1;
            }
            item.entries.emplace_back(scalar_at(field, loc), std::move(seq));
        } else {
            item.entries.emplace_back(scalar_at(field, loc), scalar_at(cell, loc));
        }
    }
    return item;
}

/// Reads a CSV list file into a document whose root is a list of mappings.
void read_csv_list(LoadContext& ctx, YamlDocument& doc, const std::string& rel,
                   const std::vector<std::string>& known) {
    std::string text = read_project_file(ctx.where, rel, doc.file, max_csv_list_bytes);
    doc.lines = split_lines(normalise_text(text));
    doc.root.type = YamlNode::Type::sequence;
    doc.empty = false;
    CsvReader reader = CsvReader::from_string(doc.file, std::move(text));
    std::vector<std::string> header = read_header(reader, 1);
    if (!header_ok(ctx, reader, header, known)) return;
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && trim(fields[0]).empty()) continue; // blank line
        if (fields.size() != header.size()) {
            ctx.diags.error(reader.record_location(),
                            fmt::format("this row has {} cells but the header has {}",
                                        fields.size(), header.size()));
            continue;
        }
        doc.root.items.push_back(row_to_node(reader, header, fields));
    }
}

void load_list_file(LoadContext& ctx, const std::string& pattern, const Location& loc,
                    const std::vector<std::string>& csv_known, std::vector<std::string>& files,
                    std::vector<ListItem>& out) {
    for (const std::string& rel : resolve_project_paths(ctx.where, pattern, loc, ctx.diags)) {
        std::string display = display_path(ctx.where, rel);
        std::string full = (std::filesystem::path(ctx.where.directory) / rel).string();
        files.push_back(display);
        try {
            if (ends_with(rel, ".csv")) {
                YamlDocument& doc = ctx.documents.emplace_back();
                doc.file = display;
                read_csv_list(ctx, doc, rel, csv_known);
            } else if (ends_with(rel, ".yaml") || ends_with(rel, ".yml")) {
                YamlLimits limits;
                ctx.documents.push_back(parse_yaml(
                    display, read_project_file(ctx.where, rel, display, limits.max_file_bytes),
                    limits));
            } else {
                ctx.diags.error(loc,
                                fmt::format("'{}': list files must be .yaml, .yml or .csv", rel));
                continue;
            }
        } catch (const Error& e) {
            ctx.diags.add(e.diagnostic());
            continue;
        }
        const YamlDocument& doc = ctx.documents.back();
        if (doc.empty || doc.root.is_null()) continue; // an empty file is an empty list
        if (!doc.root.is_seq()) {
            ctx.diags.error(doc.at(doc.root), fmt::format("expected a list ('- ' items) in this "
                                                          "file, got {}",
                                                          describe(doc.root)));
            continue;
        }
        for (const YamlNode& item : doc.root.items)
            out.push_back({&doc, &item});
    }
}

} // namespace

std::vector<ListItem> load_list_section(LoadContext& ctx, const YamlDocument& doc,
                                        const YamlNode& section, std::string_view key,
                                        const std::vector<std::string>& csv_known,
                                        std::vector<std::string>& files) {
    std::vector<ListItem> out;
    if (section.is_scalar()) {
        load_list_file(ctx, section.value, doc.at(section), csv_known, files, out);
        return out;
    }
    if (!section.is_seq()) {
        ctx.diags.error(doc.at(section), fmt::format("'{}' must be a list, a path, or a list of "
                                                     "paths; got {}",
                                                     key, describe(section)));
        return out;
    }
    bool any_scalar = std::any_of(section.items.begin(), section.items.end(),
                                  [](const YamlNode& n) { return n.is_scalar(); });
    if (!any_scalar) {
        files.push_back(doc.file);
        for (const YamlNode& item : section.items)
            out.push_back({&doc, &item});
        return out;
    }
    for (const YamlNode& item : section.items) {
        if (!item.is_scalar()) {
            ctx.diags.error(doc.at(item), fmt::format("'{}' mixes paths and inline items; use "
                                                      "one or the other",
                                                      key));
            continue;
        }
        load_list_file(ctx, item.value, doc.at(item), csv_known, files, out);
    }
    return out;
}

} // namespace delight::io
