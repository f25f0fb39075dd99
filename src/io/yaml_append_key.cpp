// Appending a top-level `key: value` entry to a mapping file such as delight.yaml
// (PRODUCT.md §3.7): one added line, checked by parsing the result.
#include "append_support.hpp"
#include "delight/diagnostic.hpp"
#include "delight/yaml_append.hpp"

#include <fmt/format.h>

namespace delight::io {

std::string append_yaml_key(std::string_view original, const std::string& file,
                            std::string_view key, std::string_view value) {
    auto fail = [&](Location loc, const std::string& why) {
        throw Error(ExitCode::input, std::move(loc),
                    fmt::format("cannot add '{}' to {} safely: {}; add this line yourself:\n{}: "
                                "{}",
                                key, file, why, key, yaml_scalar(value)));
    };
    YamlDocument doc;
    try {
        doc = parse_yaml(file, original);
    } catch (const Error& e) {
        fail(e.diagnostic().loc, e.diagnostic().message);
    }
    if (!doc.root.is_map() || char_at(doc, doc.root.line, doc.root.col) == '{')
        fail(doc.at(doc.root), "the file is not a block mapping of keys");
    if (doc.root.find(key)) fail(doc.at(doc.root), fmt::format("it already has '{}'", key));
    int last = static_cast<int>(doc.lines.size());
    std::vector<std::string> lines;
    if (!is_blank(doc.lines.back())) lines.emplace_back();
    lines.push_back(std::string(key) + ": " + yaml_scalar(value));
    std::string text = insert_lines(original, last, lines);
    YamlNode expected = doc.root;
    YamlNode v{YamlNode::Type::scalar, 0, 0, std::string(value), false, {}, {}};
    v.plain = yaml_scalar(value).front() != '"';
    expected.entries.emplace_back(
        YamlNode{YamlNode::Type::scalar, 0, 0, std::string(key), true, {}, {}}, std::move(v));
    YamlDocument after;
    try {
        after = parse_yaml(file, text);
    } catch (const Error& e) {
        fail(e.diagnostic().loc, e.diagnostic().message);
    }
    if (!same_data(expected, after.root))
        fail(doc.at(doc.root), "the result would not read back as before plus the new key");
    return text;
}

} // namespace delight::io
