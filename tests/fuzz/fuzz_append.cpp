// libFuzzer target: the appender (PRODUCT.md §3.7) on any catalogue and any new item. The
// appender edits files people wrote by hand, as text; whatever it returns must be the old bytes
// with one run of bytes inserted, and must read back as the old data plus exactly the new item
// (its strings never retyped). A refusal must be a delight::Error (ExitCode::input) with a
// location in the file. Anything else — another exception, a changed byte, a lost or changed
// value, a crash, a hang past -timeout, a leak — is a finding.
//
// Input: byte 0 picks the case: bit 0 = CSV list (append_to_csv_list) or YAML; for YAML, bit 1
// = under the top-level key `expectations` of a mapping file, else a bare list; bit 2 = add an
// `importance` number. The rest is split at the first "\0\0" into the catalogue and the item's
// values, which are split at each "\0" into id, text, then list entries (`functions`). Values
// that are not valid UTF-8 are left out: callers check text before they append it.
#include "delight/csv.hpp"
#include "delight/utf8.hpp"
#include "delight/yaml_append.hpp"
#include "delight/yaml_tree.hpp"
#include "fuzz_support.hpp"
#include "yaml_dump.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace {

using delight::test::yaml_dump;

using delight::fuzz::finding;
using namespace delight::io;

std::vector<std::string> split(std::string_view s, std::string_view separator) {
    std::vector<std::string> parts;
    for (;;) {
        const std::size_t at = s.find(separator);
        parts.emplace_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + separator.size());
    }
}

std::string trimmed(std::string_view s) {
    const std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return "";
    return std::string(s.substr(a, s.find_last_not_of(" \t") - a + 1));
}

bool valid_utf8(const std::string& s) {
    return !delight::first_invalid_utf8(s).has_value();
}

/// The new item from the values: id and text always (empty when absent), the rest as the
/// functions list; 4.5 as importance when asked.
AppendItem make_item(std::string_view values, bool importance) {
    std::vector<std::string> parts = split(values, std::string_view("\0", 1));
    parts.resize(std::max<std::size_t>(parts.size(), 2));
    AppendItem item;
    item.fields.emplace_back("id", valid_utf8(parts[0]) ? parts[0] : "x");
    item.fields.emplace_back("text", valid_utf8(parts[1]) ? parts[1] : "text");
    std::vector<std::string> functions;
    for (std::size_t i = 2; i < parts.size() && functions.size() < 8; ++i)
        if (valid_utf8(parts[i])) functions.push_back(parts[i]);
    if (!functions.empty()) item.fields.emplace_back("functions", functions);
    if (importance) item.fields.emplace_back("importance", 4.5);
    return item;
}

/// (1) The result is the original with one run of bytes inserted.
void check_inserted(std::string_view original, std::string_view result, const char* what) {
    if (result.size() <= original.size())
        finding(std::string(what) + ": the result is not longer than the original");
    std::size_t prefix = 0, suffix = 0;
    while (prefix < original.size() && original[prefix] == result[prefix])
        ++prefix;
    while (suffix < original.size() - prefix &&
           original[original.size() - 1 - suffix] == result[result.size() - 1 - suffix])
        ++suffix;
    if (prefix + suffix < original.size())
        finding(std::string(what) + ": an existing byte changed at offset " +
                std::to_string(prefix));
}

/// The list the appender wrote to: the root, or the value of key (an empty file or root, and an
/// absent or empty key, are an empty list). `which` says which file it is, for the finding.
std::vector<YamlNode> list_items(const YamlDocument& doc, const std::string& key,
                                 const std::string& which) {
    if (doc.empty || doc.root.is_null()) return {};
    if (key.empty()) {
        if (!doc.root.is_seq()) finding("append yaml: the root of the " + which + " is not a list");
        return doc.root.items;
    }
    if (!doc.root.is_map()) finding("append yaml: the root of the " + which + " is not a mapping");
    const YamlNode* list = doc.root.find(key);
    if (list == nullptr || list->is_null()) return {};
    if (!list->is_seq()) finding("append yaml: '" + key + "' in the " + which + " is not a list");
    return list->items;
}

/// Everything but the list: the other keys of a mapping file.
std::string rest_of(const YamlDocument& doc, const std::string& key) {
    if (doc.empty || key.empty() || !doc.root.is_map()) return "";
    std::string s;
    for (const auto& [k, v] : doc.root.entries)
        if (k.value != key) s += yaml_dump(k) + "=" + yaml_dump(v) + ",";
    return s;
}

void check_item(const YamlNode& node, const AppendItem& item) {
    if (!node.is_map() || node.entries.size() != item.fields.size())
        finding("append yaml: the new item does not have its fields");
    for (std::size_t i = 0; i < item.fields.size(); ++i) {
        const auto& [key, value] = item.fields[i];
        const auto& [k, v] = node.entries[i];
        if (k.value != key) finding("append yaml: field '" + key + "' read back as " + k.value);
        if (const auto* s = std::get_if<std::string>(&value)) {
            if (!v.is_scalar() || v.value != *s) finding("append yaml: '" + key + "' changed");
        } else if (const auto* d = std::get_if<double>(&value)) {
            double parsed = 0;
            if (!v.is_scalar() || !v.plain || !is_core_float(v.value, parsed) || parsed != *d)
                finding("append yaml: the number changed");
        } else {
            const auto& list = std::get<std::vector<std::string>>(value);
            if (!v.is_seq() || v.items.size() != list.size())
                finding("append yaml: the list '" + key + "' changed length");
            for (std::size_t j = 0; j < list.size(); ++j)
                if (!v.items[j].is_scalar() || v.items[j].value != list[j])
                    finding("append yaml: an entry of '" + key + "' changed");
        }
    }
}

void fuzz_yaml(std::string_view original, const std::string& key, const AppendItem& item) {
    std::string result;
    delight::fuzz::expect_only_delight_errors(
        "append_to_yaml_list",
        [&] { result = append_to_yaml_list(original, "e.yaml", key, {item}); },
        [](const delight::Error& e) {
            if (e.code() != delight::ExitCode::input)
                finding("append_to_yaml_list: error code is not ExitCode::input");
            delight::fuzz::check_location(e.diagnostic().loc, "append_to_yaml_list");
        });
    if (result.empty()) return; // refused
    check_inserted(original, result, "append_to_yaml_list");
    // The appender accepted the original, so it parses; the result must too.
    YamlDocument before, after;
    try {
        before = parse_yaml("e.yaml", original);
        after = parse_yaml("e.yaml", result);
    } catch (const delight::Error& e) {
        finding(std::string("append yaml: the original or the result does not parse: ") + e.what());
    }
    std::vector<YamlNode> old_items = list_items(before, key, "original");
    std::vector<YamlNode> new_items = list_items(after, key, "result");
    if (new_items.size() != old_items.size() + 1)
        finding("append yaml: " + std::to_string(old_items.size()) + " items became " +
                std::to_string(new_items.size()));
    for (std::size_t i = 0; i < old_items.size(); ++i)
        if (yaml_dump(old_items[i]) != yaml_dump(new_items[i]))
            finding("append yaml: item " + std::to_string(i + 1) + " changed");
    if (rest_of(before, key) != rest_of(after, key))
        finding("append yaml: the rest of the file changed");
    check_item(new_items.back(), item);
}

/// Every record of a CSV text (header first); throws delight::Error as the reader does.
std::vector<std::vector<std::string>> csv_records(const std::string& text) {
    CsvReader reader = CsvReader::from_string("e.csv", text);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string_view> fields;
    while (reader.next(fields))
        records.emplace_back(fields.begin(), fields.end());
    return records;
}

void fuzz_csv(std::string_view original, AppendItem item) {
    // CSV cells hold no numbers from callers; lists are joined with ';', so an entry holding
    // one cannot come back as itself (callers append ids, which never do).
    std::erase_if(item.fields,
                  [](const auto& f) { return std::holds_alternative<double>(f.second); });
    for (auto& [key, value] : item.fields)
        if (auto* list = std::get_if<std::vector<std::string>>(&value))
            std::erase_if(*list,
                          [](const std::string& e) { return e.find(';') != std::string::npos; });
    std::string result;
    delight::fuzz::expect_only_delight_errors(
        "append_to_csv_list", [&] { result = append_to_csv_list(original, "e.csv", {item}); },
        [](const delight::Error& e) {
            if (e.code() != delight::ExitCode::input)
                finding("append_to_csv_list: error code is not ExitCode::input");
            delight::fuzz::check_location(e.diagnostic().loc, "append_to_csv_list");
        });
    if (result.empty()) return; // refused
    check_inserted(original, result, "append_to_csv_list");
    std::vector<std::vector<std::string>> before, after;
    try {
        before = csv_records(std::string(original));
        after = csv_records(result);
    } catch (const delight::Error& e) {
        finding(std::string("append csv: the original or the result does not read: ") + e.what());
    }
    if (before.empty() || after.size() != before.size() + 1)
        finding("append csv: " + std::to_string(before.size()) + " records became " +
                std::to_string(after.size()));
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i] != after[i])
            finding("append csv: record " + std::to_string(i + 1) + " changed");
    const std::vector<std::string>& header = before.front();
    const std::vector<std::string>& row = after.back();
    if (row.size() != header.size()) finding("append csv: the new row has the wrong cell count");
    for (const auto& [key, value] : item.fields) {
        std::string expected;
        if (const auto* s = std::get_if<std::string>(&value)) {
            expected = *s;
        } else {
            const auto& list = std::get<std::vector<std::string>>(value);
            for (std::size_t j = 0; j < list.size(); ++j)
                expected += (j ? ";" : "") + list[j];
        }
        // The first column of that name (trimmed, as the appender and the list loader match).
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (trimmed(header[c]) != key) continue;
            if (row[c] != expected)
                finding("append csv: field '" + key + "' read back as '" + row[c] + "'");
            break;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t mode = data[0];
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t at = rest.find(std::string_view("\0\0", 2));
    const std::string_view original = rest.substr(0, at);
    const std::string_view values =
        at == std::string_view::npos ? std::string_view() : rest.substr(at + 2);
    const AppendItem item = make_item(values, (mode & 4) != 0);
    if (mode & 1)
        fuzz_csv(original, item);
    else
        fuzz_yaml(original, (mode & 2) ? "expectations" : "", item);
    return 0;
}
