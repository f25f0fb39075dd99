// Property test of the appender (PRODUCT.md §3.7): random valid catalogues — comments, blank
// lines, CRLF or LF, with or without a final newline, column-0 or indented lists, block or
// flow items, literal blocks, quoted values — get a random new item appended. Each result
// must (1) be the old bytes with one run of bytes inserted, (2) show only added lines in a
// line diff, (3) use the file's own line ending in the added lines, and (4) parse to the old
// data plus exactly the new item. Test data come from SplitMix64 (Steele, Lea & Flood 2014)
// with fixed seeds, never from std:: distributions, so every run tests the same cases.
#include "delight/yaml_append.hpp"
#include "delight/yaml_tree.hpp"
#include "yaml_dump.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace delight;
using namespace delight::io;

namespace {

using delight::test::yaml_dump;

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// 0 … n-1 (the slight modulo bias does not matter for test data).
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
    }
};

std::string pad(int n) {
    return std::string(static_cast<std::size_t>(n), ' ');
}

/// Text that exercises quoting: indicators, ": ", " #", quotes, numbers, null, Unicode.
std::string random_text(SplitMix64& rng, bool allow_controls) {
    static const std::vector<std::string> pieces = {
        "invoice", "on time", ": ", " #",  "#",    "'",  "\"",   "-", "- ",   "null", "yes", "3",
        "2.5",     "é",       "☕",  "[x]", "{y}",  ",",  "\\",   "?", "&a",   "*b",   "!",   "|",
        ">",       "%",       "@",  "`",   "请求", "  ", "0x1F", "~", ".inf", "a: b"};
    std::string s;
    int n = 1 + rng.below(5);
    for (int i = 0; i < n; ++i)
        s += rng.pick(pieces);
    if (allow_controls && rng.chance(10)) s += rng.chance(50) ? "\t" : "\x07";
    return s;
}

std::string random_id(SplitMix64& rng) {
    static const std::vector<std::string> words = {"invoice", "eta", "sync", "portal", "x1"};
    return rng.pick(words) + "-" + std::to_string(rng.below(1000));
}

/// The text as a person might have quoted it: as yaml_scalar writes it, or single-quoted.
std::string written(SplitMix64& rng, const std::string& text, bool flow) {
    if (!rng.chance(30)) return yaml_scalar(text, flow);
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

const std::string block_line = "# not a comment: text of the block";

std::string maybe_comment(SplitMix64& rng) {
    return rng.chance(20) ? "  # note: x" : "";
}

/// One existing item, as lines.
std::vector<std::string> random_item(SplitMix64& rng, int dash, int key) {
    std::string head = pad(dash) + "-" + pad(key - dash - 1);
    if (rng.chance(20))
        return {head + "{id: " + random_id(rng) +
                ", text: " + written(rng, random_text(rng, false), true) + ", functions: [sales]}" +
                maybe_comment(rng)};
    std::vector<std::string> lines = {head + "id: " + random_id(rng) + maybe_comment(rng)};
    if (rng.chance(20)) lines.push_back(pad(key) + "# a comment inside the item");
    lines.push_back(pad(key) + "text: " + written(rng, random_text(rng, false), false) +
                    maybe_comment(rng));
    if (rng.chance(50)) {
        lines.push_back(pad(key) + "functions: [finance, sales]");
    } else {
        int item_indent = key + (rng.chance(50) ? 0 : 2);
        lines.push_back(pad(key) + "functions:");
        lines.push_back(pad(item_indent) + "- finance");
        lines.push_back(pad(item_indent) + "- sales" + maybe_comment(rng));
    }
    if (rng.chance(40))
        lines.push_back(pad(key) + "importance: " + rng.pick<std::string>({"4", "2.5"}));
    if (rng.chance(25)) {
        lines.push_back(pad(key) + "notes: |");
        lines.push_back(pad(key + 2) + "first line");
        if (rng.chance(50)) lines.push_back("");
        lines.push_back(pad(key + 2) + block_line);
    }
    return lines;
}

std::vector<std::string> comments_and_blanks(SplitMix64& rng, int col) {
    std::vector<std::string> lines;
    int n = rng.below(3);
    for (int i = 0; i < n; ++i)
        lines.push_back(
            rng.chance(50) ? "" : pad(rng.chance(50) ? 0 : col) + "# comment " + std::to_string(i));
    return lines;
}

struct Catalogue {
    std::string text;
    std::string key; ///< "" for a bare list
    /// The file ends inside a literal block without a final newline: the added lines would
    /// give the block a line break it lacks, so the append must be refused.
    bool must_refuse = false;
};

Catalogue random_catalogue(SplitMix64& rng) {
    Catalogue c;
    bool mapping = rng.chance(50);
    c.key = mapping ? "expectations" : "";
    int dash = rng.pick<int>({0, 2, mapping ? 4 : 0});
    int key = dash + rng.pick<int>({2, 2, 4});
    std::vector<std::string> lines;
    if (rng.chance(20)) lines.push_back("---");
    if (rng.chance(60)) lines.insert(lines.end(), {"# The catalogue", ""});
    if (mapping) {
        lines.insert(lines.end(), {"version: 1", "other: {a: 1}  # flow is fine elsewhere"});
        lines.push_back("expectations:" + maybe_comment(rng));
    }
    int n = 1 + rng.below(5);
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            for (std::string& l : comments_and_blanks(rng, dash))
                lines.push_back(std::move(l));
        for (std::string& l : random_item(rng, dash, key))
            lines.push_back(std::move(l));
    }
    for (std::string& l : comments_and_blanks(rng, dash))
        lines.push_back(std::move(l));
    if (mapping && rng.chance(50)) lines.insert(lines.end(), {"# Next section", "after: [1, 2]"});
    if (rng.chance(30)) lines.push_back("# the end");
    std::string eol = rng.chance(50) ? "\r\n" : "\n";
    bool final_newline = rng.chance(80);
    for (std::size_t i = 0; i < lines.size(); ++i)
        c.text += lines[i] + (i + 1 < lines.size() || final_newline ? eol : "");
    c.must_refuse = !final_newline && lines.back() == pad(key + 2) + block_line;
    return c;
}

AppendItem random_new_item(SplitMix64& rng) {
    AppendItem item;
    item.fields.emplace_back("id", random_id(rng));
    item.fields.emplace_back("text", random_text(rng, true));
    if (rng.chance(50)) item.fields.emplace_back("kind", std::string("latent"));
    item.fields.emplace_back("functions", std::vector<std::string>{"finance", "null", "3"});
    if (rng.chance(50)) item.fields.emplace_back("importance", rng.chance(50) ? 4.0 : 2.25);
    if (rng.chance(30)) item.fields.emplace_back("quote", random_text(rng, true));
    return item;
}

YamlNode& list_of(YamlNode& root, const std::string& key) {
    if (key.empty()) return root;
    for (auto& [k, v] : root.entries)
        if (k.value == key) return v;
    FAIL("no list '" << key << "'");
    return root;
}

/// The new item reads back as the intended strings (never retyped) and numbers.
void check_item(const YamlNode& node, const AppendItem& item) {
    REQUIRE(node.is_map());
    REQUIRE(node.entries.size() == item.fields.size());
    for (std::size_t i = 0; i < item.fields.size(); ++i) {
        const auto& [key, value] = item.fields[i];
        const YamlNode& v = node.entries[i].second;
        CHECK(node.entries[i].first.value == key);
        if (const auto* s = std::get_if<std::string>(&value)) {
            REQUIRE(v.is_scalar());
            CHECK(v.value == *s);
        } else if (const auto* d = std::get_if<double>(&value)) {
            double parsed = 0;
            REQUIRE(v.is_scalar());
            CHECK((v.plain && is_core_float(v.value, parsed) && parsed == *d));
        } else {
            const auto& ids = std::get<std::vector<std::string>>(value);
            REQUIRE(v.is_seq());
            REQUIRE(v.items.size() == ids.size());
            for (std::size_t j = 0; j < ids.size(); ++j)
                CHECK((v.items[j].is_scalar() && v.items[j].value == ids[j]));
        }
    }
}

std::vector<std::string> normalised_lines(const std::string& text) {
    return split_lines(normalise_text(text));
}

} // namespace

TEST_CASE("append property: old bytes kept, data = old + new", "[yaml-append][property]") {
    constexpr int cases = 600;
    for (int seed = 1; seed <= cases; ++seed) {
        SplitMix64 rng{static_cast<std::uint64_t>(seed)};
        Catalogue c = random_catalogue(rng);
        AppendItem item = random_new_item(rng);
        INFO("seed " << seed << "\n" << c.text);
        YamlDocument before = parse_yaml("e.yaml", c.text);
        std::string after;
        if (c.must_refuse) {
            CHECK_THROWS_WITH(append_to_yaml_list(c.text, "e.yaml", c.key, {item}),
                              Catch::Contains("would not read back"));
            continue;
        }
        REQUIRE_NOTHROW(after = append_to_yaml_list(c.text, "e.yaml", c.key, {item}));
        INFO("after:\n" << after);
        // (1) One run of bytes inserted.
        std::size_t prefix = 0, suffix = 0;
        while (prefix < c.text.size() && c.text[prefix] == after[prefix])
            ++prefix;
        while (suffix < c.text.size() &&
               c.text[c.text.size() - 1 - suffix] == after[after.size() - 1 - suffix])
            ++suffix;
        REQUIRE(prefix + suffix >= c.text.size());
        std::string inserted = after.substr(prefix, after.size() - c.text.size());
        // (2) Only added lines: the old lines are a prefix and a suffix of the new ones.
        std::vector<std::string> old_lines = normalised_lines(c.text);
        std::vector<std::string> new_lines = normalised_lines(after);
        std::size_t lp = 0, ls = 0;
        while (lp < old_lines.size() && old_lines[lp] == new_lines[lp])
            ++lp;
        while (ls < old_lines.size() &&
               old_lines[old_lines.size() - 1 - ls] == new_lines[new_lines.size() - 1 - ls])
            ++ls;
        CHECK(lp + ls >= old_lines.size());
        // (3) The file's own line ending.
        bool crlf = c.text.find("\r\n") != std::string::npos;
        for (std::size_t i = 0; i < inserted.size(); ++i) {
            if (inserted[i] == '\n') CHECK((crlf ? (i > 0 && inserted[i - 1] == '\r') : true));
            if (inserted[i] == '\r') CHECK(crlf);
        }
        // (4) Old data plus exactly the new item.
        YamlDocument reread = parse_yaml("e.yaml", after);
        YamlNode& list = list_of(reread.root, c.key);
        REQUIRE(list.items.size() == list_of(before.root, c.key).items.size() + 1);
        check_item(list.items.back(), item);
        list.items.pop_back();
        CHECK(yaml_dump(reread.root) == yaml_dump(before.root));
    }
}
