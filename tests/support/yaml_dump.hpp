#pragma once
// The data of a parsed YAML node as one string, positions left out: two trees hold the same data
// exactly when their dumps are equal. Shared by the appender's property test
// (tests/unit/test_yaml_append_property.cpp) and its fuzz target (tests/fuzz/fuzz_append.cpp),
// which check that appending leaves the old data as it was. Kept apart from the product's own
// comparison (io::same_data), which the appender uses to check itself.
#include "delight/yaml_tree.hpp"

#include <string>

namespace delight::test {

/// Scalars carry their plainness and their length, so no text can imitate the separators.
inline std::string yaml_dump(const io::YamlNode& n) {
    switch (n.type) {
    case io::YamlNode::Type::null:
        return "~";
    case io::YamlNode::Type::scalar:
        return (n.plain ? "plain:" : "quoted:") + std::to_string(n.value.size()) + ":" + n.value;
    case io::YamlNode::Type::sequence: {
        std::string s = "[";
        for (const io::YamlNode& i : n.items)
            s += yaml_dump(i) + ",";
        return s + "]";
    }
    case io::YamlNode::Type::mapping: {
        std::string s = "{";
        for (const auto& [k, v] : n.entries)
            s += yaml_dump(k) + "=" + yaml_dump(v) + ",";
        return s + "}";
    }
    }
    return "";
}

} // namespace delight::test
