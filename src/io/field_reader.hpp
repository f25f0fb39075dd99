#pragma once
// Typed, positioned access to one YAML mapping: every wrong key, type or range becomes a
// diagnostic at the value's position, and reading goes on so `check` reports everything.
#include "delight/diagnostic.hpp"
#include "delight/yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace delight::io {

enum class Need { optional, required };

struct Range {
    double min;
    double max;
    bool min_exclusive = false;
};

class FieldReader {
  public:
    /// what: how the mapping is named in messages ("expectation", "survey question").
    /// known: its keys; any other key is reported with a "did you mean".
    FieldReader(const YamlDocument& doc, const YamlNode& node, Diagnostics& diags, std::string what,
                std::vector<std::string> known);

    bool is_map() const { return m_node.is_map(); }
    const YamlDocument& doc() const { return m_doc; }
    const YamlNode& node() const { return m_node; }
    Location where() const { return m_doc.at(m_node); }
    Location at(const YamlNode& n) const { return m_doc.at(n); }
    Diagnostics& diags() { return m_diags; }

    /// The value of key (nullptr when absent or null); reports a missing required key.
    const YamlNode* get(std::string_view key, Need need = Need::optional);

    std::optional<std::string> text(std::string_view key, Need need = Need::optional,
                                    std::size_t max_chars = 300);
    std::optional<std::string> id(std::string_view key, Need need = Need::optional);
    std::optional<double> number(std::string_view key, Range range, Need need = Need::optional);
    std::optional<long long> integer(std::string_view key, long long min, long long max,
                                     Need need = Need::optional);
    std::optional<bool> boolean(std::string_view key);
    std::optional<std::string> date(std::string_view key, Need need = Need::optional);
    /// One of the names given (in the file's spelling).
    std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& names,
                                      Need need = Need::optional);
    /// A list of ids; positions of each item are returned alongside.
    std::vector<std::pair<std::string, Location>> id_list(std::string_view key,
                                                          Need need = Need::optional);
    std::vector<std::pair<std::string, Location>> text_list(std::string_view key,
                                                            Need need = Need::optional);

    // Checks on a single node (used for list items and map values).
    std::optional<std::string> node_text(const YamlNode& n, std::string_view what,
                                         std::size_t max_chars = 300);
    std::optional<double> node_number(const YamlNode& n, std::string_view what, Range range);
    std::optional<std::string> node_choice(const YamlNode& n, std::string_view what,
                                           const std::vector<std::string>& names);
    void error(const YamlNode& n, std::string message);

  private:
    const YamlDocument& m_doc;
    const YamlNode& m_node;
    Diagnostics& m_diags;
    std::string m_what;
};

/// "a mapping", "a list", "a number" … for messages about the type found.
std::string describe(const YamlNode& n);

/// Formats a number for messages without trailing zeros (1, 0.5, 2.25).
std::string number_text(double v);

} // namespace delight::io
