// Which file a list section's new items are appended to (PRODUCT.md §3.7, §4.1).
#include "delight/project.hpp"
#include "delight/yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace delight::io {
namespace {

bool has_extension(std::string_view path, std::string_view ext) {
    if (path.size() < ext.size()) return false;
    std::string tail(path.substr(path.size() - ext.size()));
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ext;
}

ListTarget file_target(const ProjectLocation& where, const YamlDocument& doc,
                       const YamlNode& pattern) {
    Diagnostics diags;
    std::vector<std::string> files =
        resolve_project_paths(where, pattern.value, doc.at(pattern), diags);
    if (const Diagnostic* d = diags.first_error()) throw Error(ExitCode::input, *d);
    if (files.empty())
        throw Error(ExitCode::input, doc.at(pattern),
                    fmt::format("no file matches '{}'", pattern.value));
    ListTarget t;
    t.kind = has_extension(files.front(), ".csv") ? ListTarget::Kind::csv_file
                                                  : ListTarget::Kind::yaml_file;
    t.path = (std::filesystem::path(where.directory) / files.front()).string();
    t.display = display_path(where, files.front());
    return t;
}

} // namespace

ListTarget list_append_target(const ProjectLocation& where, std::string_view key) {
    // As the loader names it (project_loader.cpp).
    std::string display =
        where.display_dir + std::filesystem::path(where.yaml_path).filename().string();
    YamlDocument doc = read_yaml_file(where.yaml_path, display);
    ListTarget inline_target{ListTarget::Kind::inline_list, where.yaml_path, display};
    const YamlNode* section = doc.root.is_map() ? doc.root.find(key) : nullptr;
    if (!section) return ListTarget{ListTarget::Kind::absent, where.yaml_path, display};
    if (section->is_null()) return inline_target;
    if (section->is_scalar()) return file_target(where, doc, *section);
    if (section->is_seq() && !section->items.empty() && section->items.front().is_scalar())
        return file_target(where, doc, section->items.front());
    return inline_target;
}

} // namespace delight::io
