// One event-driven pass over yaml-cpp's parser builds our positioned tree and applies the
// guards of PRODUCT.md §3.8 and §5 as the events arrive, so hostile input stops early.
#include "delight/yaml_tree.hpp"

#include "delight/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace delight::io {

const YamlNode* YamlNode::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.value == key) return &v;
    return nullptr;
}

Location YamlDocument::at(int line, int col) const {
    Location loc{file, line, col, ""};
    // Every diagnostic and item keeps its line for the caret excerpt; a huge line (one
    // flow list holding a whole catalogue) would be copied per item, so it gets none.
    constexpr std::size_t max_excerpt_bytes = 4096;
    if (line >= 1 && static_cast<std::size_t>(line) <= lines.size() &&
        lines[static_cast<std::size_t>(line - 1)].size() <= max_excerpt_bytes)
        loc.source_line = lines[static_cast<std::size_t>(line - 1)];
    return loc;
}

std::string normalise_text(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            if (start < text.size()) lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool is_core_null(std::string_view s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_core_bool(std::string_view s, bool& out) {
    if (s == "true" || s == "True" || s == "TRUE") return out = true, true;
    if (s == "false" || s == "False" || s == "FALSE") return out = false, true;
    return false;
}

bool is_core_int(std::string_view s, long long& out) {
    // YAML 1.2 core schema: [-+]?[0-9]+ (octal 0o and hex 0x are not accepted here).
    std::string_view digits = s;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    if (s[0] == '+') s.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

bool is_core_float(std::string_view s, double& out) {
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? ; .inf/.nan are refused (not data).
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t whole = digits();
    std::size_t frac = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        frac = digits();
    }
    if (whole == 0 && frac == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (digits() == 0) return false;
    }
    if (i != s.size()) return false;
    if (s[0] == '+') s.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

namespace {

class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(const YamlDocument& doc, const YamlLimits& limits) : m_doc(doc), m_limits(limits) {}

    YamlNode take_root() { return std::move(m_root); }
    bool saw_document() const { return m_saw_document; }
    YAML::Mark document_mark() const { return m_document_mark; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        m_saw_document = true;
        m_document_mark = mark;
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_anchor(mark, anchor);
        YamlNode node = make(YamlNode::Type::null, mark);
        attach(std::move(node));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        fail(mark, "aliases (*name) are not allowed: write the value out in full");
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        YamlNode node = make(YamlNode::Type::scalar, mark);
        node.value = value;
        node.plain = (tag == "?");
        if (node.plain && is_core_null(value)) node.type = YamlNode::Type::null;
        attach(std::move(node));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        start(mark, tag, anchor, YamlNode::Type::sequence);
    }
    void OnSequenceEnd() override { end(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        start(mark, tag, anchor, YamlNode::Type::mapping);
    }
    void OnMapEnd() override { end(); }
    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        fail(mark, "anchors (&name) are not allowed: write the value out in full");
    }

  private:
    struct Frame {
        YamlNode node;
        bool has_key = false;
        YamlNode key;
        std::unordered_map<std::string, std::pair<int, int>> seen; // key -> line, col
    };

    [[noreturn]] void fail(const YAML::Mark& mark, std::string message) const {
        auto [line, col] = position(mark);
        throw Error(ExitCode::input, m_doc.at(line, col), std::move(message));
    }

    std::pair<int, int> position(const YAML::Mark& mark) const {
        if (mark.is_null() || mark.line < 0) return {0, 0};
        int line = mark.line + 1;
        std::size_t index = static_cast<std::size_t>(mark.line);
        int col = mark.column + 1;
        if (index < m_doc.lines.size())
            col = char_column(m_doc.lines[index], static_cast<std::size_t>(mark.column));
        return {line, col};
    }

    YamlNode make(YamlNode::Type type, const YAML::Mark& mark) const {
        YamlNode node;
        node.type = type;
        std::tie(node.line, node.col) = position(mark);
        return node;
    }

    void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
        if (anchor != YAML::NullAnchor)
            fail(mark, "anchors (&name) are not allowed: write the value out in full");
    }

    void check_tag(const YAML::Mark& mark, const std::string& tag) const {
        // "?" = plain, "!" = quoted; explicit tags (!!int, !custom) change typing: refuse them.
        if (!tag.empty() && tag != "?" && tag != "!")
            fail(mark, fmt::format("tags such as '{}' are not allowed", tag));
    }

    void start(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
               YamlNode::Type type) {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        if (static_cast<int>(m_stack.size()) >= m_limits.max_depth)
            fail(mark, fmt::format("nesting deeper than {} levels", m_limits.max_depth));
        m_stack.push_back(Frame{make(type, mark), false, {}, {}});
    }

    void end() {
        YamlNode node = std::move(m_stack.back().node);
        m_stack.pop_back();
        attach(std::move(node));
    }

    void attach(YamlNode node) {
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame& parent = m_stack.back();
        if (parent.node.is_seq()) {
            parent.node.items.push_back(std::move(node));
        } else if (!parent.has_key) {
            accept_key(parent, std::move(node));
        } else {
            parent.node.entries.emplace_back(std::move(parent.key), std::move(node));
            parent.has_key = false;
        }
    }

    void accept_key(Frame& parent, YamlNode key) {
        if (key.is_map() || key.is_seq())
            throw Error(ExitCode::input, m_doc.at(key), "complex mapping keys are not allowed");
        if (key.plain && key.value == "<<")
            throw Error(ExitCode::input, m_doc.at(key),
                        "merge keys (<<) are not allowed: write the keys out in full");
        auto [it, inserted] = parent.seen.emplace(key.value, std::make_pair(key.line, key.col));
        if (!inserted)
            throw Error(ExitCode::input, m_doc.at(key),
                        fmt::format("duplicate key '{}' (first defined at {}:{})", key.value,
                                    it->second.first, it->second.second));
        parent.key = std::move(key);
        parent.has_key = true;
    }

    const YamlDocument& m_doc;
    const YamlLimits& m_limits;
    std::vector<Frame> m_stack;
    YamlNode m_root;
    bool m_saw_document = false;
    YAML::Mark m_document_mark;
};

void check_encoding(const YamlDocument& doc, std::string_view text) {
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
        throw Error(ExitCode::input, Location{doc.file, 0, 0, ""},
                    "the file is UTF-16: save it as UTF-8");
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        std::size_t offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
        int line = 1 + static_cast<int>(std::count(text.begin(),
                                                   text.begin() + static_cast<long>(offset), '\n'));
        throw Error(ExitCode::input, Location{doc.file, line, 0, ""},
                    "NUL byte: this is a binary file, not YAML text");
    }
    if (auto bad = first_invalid_utf8(text)) {
        std::size_t line_start = text.rfind('\n', *bad == 0 ? 0 : *bad - 1);
        line_start = (line_start == std::string_view::npos || *bad == 0) ? 0 : line_start + 1;
        int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<long>(line_start), '\n'));
        std::string_view line_text = text.substr(line_start);
        line_text = line_text.substr(0, line_text.find('\n'));
        int col = char_column(line_text, *bad - line_start);
        std::string message =
            fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[*bad]));
        if (looks_like_latin1(text))
            message += ": the file looks like Latin-1; re-save it as UTF-8";
        // The line may not be printable; show no excerpt.
        throw Error(ExitCode::input, Location{doc.file, line, col, ""}, message);
    }
}

void check_indentation(const YamlDocument& doc) {
    for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        const std::string& line = doc.lines[i];
        std::size_t j = 0;
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) {
            if (line[j] == '\t' && line.find_first_not_of(" \t") != std::string::npos)
                throw Error(ExitCode::input,
                            doc.at(static_cast<int>(i + 1), static_cast<int>(j + 1)),
                            "tab character in indentation: YAML indents with spaces");
            ++j;
        }
    }
}

} // namespace

YamlDocument parse_yaml(std::string file, std::string_view raw, const YamlLimits& limits) {
    YamlDocument doc;
    doc.file = std::move(file);
    std::string text = normalise_text(raw);
    // Checked after normalising so that positions count lines and characters as everywhere
    // else: the BOM is no character, and a CR alone ends a line.
    check_encoding(doc, text);
    doc.lines = split_lines(text);
    check_indentation(doc);

    std::istringstream stream(text);
    TreeBuilder builder(doc, limits);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) return doc;
        doc.root = builder.take_root();
        doc.empty = false;
        // yaml-cpp 0.7 turns a lone ',' into endless empty documents: ask exactly once more.
        TreeBuilder second(doc, limits);
        if (parser.HandleNextDocument(second) && second.saw_document()) {
            YAML::Mark m = second.document_mark();
            throw Error(ExitCode::input, doc.at(m.line + 1, 0),
                        "more than one YAML document (a second '---'): keep one per file");
        }
    } catch (const YAML::Exception& e) {
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int col = 0;
        if (!e.mark.is_null()) {
            std::size_t index = static_cast<std::size_t>(e.mark.line);
            col = index < doc.lines.size()
                      ? char_column(doc.lines[index], static_cast<std::size_t>(e.mark.column))
                      : e.mark.column + 1;
        }
        std::string message = e.msg;
        if (message == "bad file") message = "cannot parse this file as YAML";
        throw Error(ExitCode::input, doc.at(line, col), "YAML syntax: " + message);
    }
    return doc;
}

std::string read_small_file(const std::string& path, const std::string& display_name,
                            std::size_t max_bytes) {
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer, and the check below
    // refuses it anyway (on a regular file the flag changes nothing).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throw Error(ExitCode::os, Location{display_name, 0, 0, ""},
                    fmt::format("cannot read '{}': {}", display_name, std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool folder = S_ISDIR(st.st_mode);
        ::close(fd);
        throw Error(ExitCode::input, Location{display_name, 0, 0, ""},
                    folder ? "a folder, not a file" : "not a regular file");
    }
    if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        ::close(fd);
        throw Error(
            ExitCode::input, Location{display_name, 0, 0, ""},
            fmt::format("the file is {} bytes, over the limit of {} bytes", st.st_size, max_bytes));
    }
    std::string data(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::read(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            throw Error(ExitCode::os, Location{display_name, 0, 0, ""},
                        fmt::format("cannot read '{}': {}", display_name, std::strerror(err)));
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    data.resize(done);
    return data;
}

YamlDocument read_yaml_file(const std::string& path, const std::string& display_name,
                            const YamlLimits& limits) {
    return parse_yaml(display_name, read_small_file(path, display_name, limits.max_file_bytes),
                      limits);
}

} // namespace delight::io
