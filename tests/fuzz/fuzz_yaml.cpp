// libFuzzer target: any bytes as a YAML file (PRODUCT.md §3.8, §5). parse_yaml must return a
// tree or throw delight::Error with ExitCode::input and a location in fuzz.yaml; anything else
// (another exception, a crash, a hang past -timeout, a leak) is a finding.
#include "delight/yaml_tree.hpp"
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using delight::io::YamlNode;

/// The tree keeps the promises of yaml_tree.hpp: nesting within the limit, positions >= 0.
void check_tree(const YamlNode& node, int depth, int max_depth) {
    if (depth > max_depth)
        delight::fuzz::finding("parse_yaml: tree deeper than " + std::to_string(max_depth));
    if (node.line < 0 || node.col < 0)
        delight::fuzz::finding("parse_yaml: negative position " + std::to_string(node.line) + ":" +
                               std::to_string(node.col));
    for (const YamlNode& item : node.items)
        check_tree(item, depth + 1, max_depth);
    for (const auto& [key, value] : node.entries) {
        check_tree(key, depth + 1, max_depth);
        check_tree(value, depth + 1, max_depth);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const delight::io::YamlLimits limits;
    delight::fuzz::expect_only_delight_errors(
        "parse_yaml",
        [&] {
            delight::io::YamlDocument doc = delight::io::parse_yaml("fuzz.yaml", text, limits);
            if (!doc.empty) check_tree(doc.root, 0, limits.max_depth);
        },
        [](const delight::Error& e) {
            if (e.code() != delight::ExitCode::input)
                delight::fuzz::finding("parse_yaml: error code is not ExitCode::input");
            delight::fuzz::check_location(e.diagnostic().loc, "parse_yaml");
        });
    return 0;
}
