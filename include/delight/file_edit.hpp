#pragma once
// Planned changes to project files (PRODUCT.md §3.7): appends computed in memory first, then
// either shown as unified diffs (`--dry-run`) or written atomically, so that a command that
// fails half-way has written nothing.
#include "delight/project.hpp"
#include "delight/yaml_append.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace delight::io {

/// One file's planned content.
struct FileEdit {
    std::string path;    ///< usable with open()
    std::string display; ///< as named in messages and diffs
    std::string before;  ///< current bytes ("" for a new file)
    std::string after;
    bool created = false; ///< the file does not exist yet
};

/// Edits to several files, in the order they were planned. Appending twice to the same file
/// appends to the already edited text.
class FileEdits {
  public:
    /// Appends items to the list section key found at target (ListTarget): a YAML list file,
    /// a CSV list file, or the inline list (or absent key) in delight.yaml.
    void append(const ListTarget& target, std::string_view key,
                const std::vector<AppendItem>& items);
    /// Adds the top-level entry `key: value` to the mapping file at path.
    void append_key(const std::string& path, const std::string& display, std::string_view key,
                    std::string_view value);
    /// Plans a new file; refuses (ExitCode::input) when path exists.
    void create(const std::string& path, const std::string& display, std::string content);

    const std::vector<FileEdit>& edits() const { return m_edits; }
    bool empty() const { return m_edits.empty(); }
    /// The unified diffs of every edit ("--- /dev/null" for a new file).
    std::string diff() const;
    /// Writes every edit atomically: new files first, then appends in planned order, so that
    /// a link to a new file is written after the file.
    void write() const;

  private:
    FileEdit& edit_of(const std::string& path, const std::string& display, std::size_t limit);
    std::vector<FileEdit> m_edits;
};

} // namespace delight::io
