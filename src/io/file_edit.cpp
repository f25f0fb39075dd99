// Planned appends to project files: computed in memory, then diffed or written atomically.
#include "delight/file_edit.hpp"

#include "delight/atomic_file.hpp"
#include "delight/unified_diff.hpp"
#include "delight/yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sys/stat.h>

namespace delight::io {
namespace {

constexpr std::size_t max_csv_list_bytes = 64u << 20; // as list_loader.cpp reads them

} // namespace

FileEdit& FileEdits::edit_of(const std::string& path, const std::string& display,
                             std::size_t limit) {
    auto it = std::find_if(m_edits.begin(), m_edits.end(),
                           [&](const FileEdit& e) { return e.path == path; });
    if (it != m_edits.end()) return *it;
    FileEdit e{path, display, read_small_file(path, display, limit), "", false};
    e.after = e.before;
    m_edits.push_back(std::move(e));
    return m_edits.back();
}

void FileEdits::append(const ListTarget& target, std::string_view key,
                       const std::vector<AppendItem>& items) {
    if (items.empty()) return;
    bool csv = target.kind == ListTarget::Kind::csv_file;
    FileEdit& e = edit_of(target.path, target.display,
                          csv ? max_csv_list_bytes : YamlLimits{}.max_file_bytes);
    if (csv)
        e.after = append_to_csv_list(e.after, e.display, items);
    else if (target.kind == ListTarget::Kind::yaml_file)
        e.after = append_to_yaml_list(e.after, e.display, "", items);
    else
        e.after = append_to_yaml_list(e.after, e.display, key, items);
}

void FileEdits::append_key(const std::string& path, const std::string& display,
                           std::string_view key, std::string_view value) {
    FileEdit& e = edit_of(path, display, YamlLimits{}.max_file_bytes);
    e.after = append_yaml_key(e.after, e.display, key, value);
}

void FileEdits::create(const std::string& path, const std::string& display, std::string content) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0)
        throw Error(ExitCode::input, Location{display, 0, 0, ""},
                    fmt::format("'{}' already exists but the project does not list it; link it "
                                "in delight.yaml or move it away",
                                display));
    m_edits.push_back(FileEdit{path, display, "", std::move(content), true});
}

std::string FileEdits::diff() const {
    std::string out;
    for (const FileEdit& e : m_edits)
        out += unified_diff(e.before, e.after, e.created ? "/dev/null" : "a/" + e.display,
                            "b/" + e.display);
    return out;
}

void FileEdits::write() const {
    for (bool created : {true, false})
        for (const FileEdit& e : m_edits)
            if (e.created == created && e.before != e.after) write_file_atomic(e.path, e.after);
}

} // namespace delight::io
