// The positioned YAML tree (src/io/yaml_tree.cpp): positions in characters, core-schema
// typing, and every guard of PRODUCT.md §3.8 and §5 with the message and place the user sees.
#include "delight/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using delight::Error;
using delight::ExitCode;
using delight::Location;
using namespace delight::io;
using namespace std::string_literals;

namespace {

/// A compact, exact picture of a tree: plain scalars bare, quoted ones in double quotes,
/// null as ~, each node followed by @line:col.
std::string dump(const YamlNode& n) {
    std::string pos = "@" + std::to_string(n.line) + ":" + std::to_string(n.col);
    switch (n.type) {
    case YamlNode::Type::null:
        return "~" + pos;
    case YamlNode::Type::scalar:
        return (n.plain ? n.value : "\"" + n.value + "\"") + pos;
    case YamlNode::Type::sequence: {
        std::string s = "[";
        for (const YamlNode& item : n.items)
            s += (s.size() > 1 ? ", " : "") + dump(item);
        return s + "]" + pos;
    }
    case YamlNode::Type::mapping: {
        std::string s = "{";
        for (const auto& [k, v] : n.entries)
            s += (s.size() > 1 ? ", " : "") + dump(k) + ": " + dump(v);
        return s + "}" + pos;
    }
    }
    return "?";
}

struct Failure {
    ExitCode code = ExitCode::ok;
    Location loc;
    std::string message;
};

Failure failure_of(const std::string& text, const YamlLimits& limits = {}) {
    try {
        parse_yaml("t.yaml", text, limits);
    } catch (const Error& e) {
        return {e.code(), e.diagnostic().loc, e.diagnostic().message};
    }
    FAIL("expected a delight::Error for: " << text);
    return {};
}

/// Parses text in a child process that SIGALRM ends after 10 s; true when the parse returned
/// (with a tree or an error) instead of hanging.
bool parse_ends(const std::string& text) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::alarm(10);
        try {
            parse_yaml("t.yaml", text);
        } catch (...) {
        }
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "delight-yaml-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& content) const {
        std::string full = (path / name).string();
        std::ofstream(full, std::ios::binary) << content;
        return full;
    }
};

} // namespace

TEST_CASE("yaml: block mapping with 1-based positions", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "a: 1\n\n# comment\nb: [x,\n  y]\n");
    CHECK_FALSE(doc.empty);
    CHECK(dump(doc.root) == "{a@1:1: 1@1:4, b@4:1: [x@4:5, y@5:3]@4:4}@1:1");
    REQUIRE(doc.lines.size() == 5);
    CHECK(doc.lines[3] == "b: [x,");
    const YamlNode* b = doc.root.find("b");
    REQUIRE(b != nullptr);
    CHECK(b->is_seq());
    CHECK(doc.root.find("c") == nullptr);
}

TEST_CASE("yaml: a list of mappings", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "- a\n- b: 1\n  c: 2\n");
    CHECK(dump(doc.root) == "[a@1:3, {b@2:3: 1@2:6, c@3:3: 2@3:6}@2:3]@1:1");
}

TEST_CASE("yaml: columns count characters after multi-byte UTF-8 text", "[yaml]") {
    // é, ä, ö, ü, ß are two bytes each; columns count them once.
    YamlDocument doc = parse_yaml("t.yaml", "é: [ä, ö]\nüber: {größe: 1}\n");
    CHECK(dump(doc.root) == "{é@1:1: [ä@1:5, ö@1:8]@1:4, über@2:1: {größe@2:8: 1@2:15}@2:7}@1:1");
    YamlDocument zoe = parse_yaml("t.yaml", "- {name: \"Zoë\", id: x}\n");
    CHECK(dump(zoe.root) == "[{name@1:4: \"Zoë\"@1:10, id@1:17: x@1:21}@1:3]@1:1");
}

TEST_CASE("yaml: Location carries the source line for the caret display", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "a: 1\nbb: 2\n");
    Location loc = doc.at(*doc.root.find("bb"));
    CHECK(loc.file == "t.yaml");
    CHECK(loc.line == 2);
    CHECK(loc.col == 5);
    CHECK(loc.source_line == "bb: 2");
    CHECK(doc.at(0, 0).source_line.empty());
    CHECK(doc.at(9, 1).source_line.empty());
}

TEST_CASE("yaml: plain and quoted scalars, null forms", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "a: 1\nb: \"5\"\nc: 'x'\nd: ~\ne:\nf: null\n"
                                            "g: \"null\"\nh: NULL\ni: Null\nj: nil\n");
    const YamlNode& r = doc.root;
    CHECK(r.find("a")->is_scalar());
    CHECK(r.find("a")->plain);
    CHECK(r.find("b")->is_scalar());
    CHECK_FALSE(r.find("b")->plain);
    CHECK(r.find("b")->value == "5");
    CHECK_FALSE(r.find("c")->plain);
    CHECK(r.find("c")->value == "x");
    CHECK(r.find("d")->is_null());
    CHECK(r.find("e")->is_null());
    CHECK(r.find("f")->is_null());
    CHECK(r.find("g")->is_scalar()); // quoted "null" is text
    CHECK(r.find("g")->value == "null");
    CHECK(r.find("h")->is_null());
    CHECK(r.find("i")->is_null());
    CHECK(r.find("j")->is_scalar()); // not a core-schema null
}

TEST_CASE("yaml: tabs inside text are fine, only indentation is refused", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "a: \"x\ty\"\nb: z\t# comment\n");
    CHECK(doc.root.find("a")->value == "x\ty");
    CHECK(doc.root.find("b")->value == "z");
}

TEST_CASE("yaml: is_core_int", "[yaml][typing]") {
    long long v = 0;
    CHECK(is_core_int("42", v));
    CHECK(v == 42);
    CHECK(is_core_int("-3", v));
    CHECK(v == -3);
    CHECK(is_core_int("+7", v));
    CHECK(v == 7);
    CHECK(is_core_int("0", v));
    CHECK(v == 0);
    CHECK(is_core_int("9223372036854775807", v));
    CHECK(v == 9223372036854775807LL);
    CHECK_FALSE(is_core_int("9223372036854775808", v)); // does not fit in 64 bits
    CHECK_FALSE(is_core_int("0x1F", v));
    CHECK_FALSE(is_core_int("0o17", v));
    CHECK_FALSE(is_core_int("1_000", v));
    CHECK_FALSE(is_core_int("4.0", v));
    CHECK_FALSE(is_core_int("1e3", v));
    CHECK_FALSE(is_core_int("", v));
    CHECK_FALSE(is_core_int("-", v));
    CHECK_FALSE(is_core_int("+", v));
    CHECK_FALSE(is_core_int(" 1", v));
    CHECK_FALSE(is_core_int("1 ", v));
    CHECK_FALSE(is_core_int("+-1", v));
}

TEST_CASE("yaml: is_core_float", "[yaml][typing]") {
    double v = 0;
    CHECK(is_core_float("2.5", v));
    CHECK(v == 2.5);
    CHECK(is_core_float(".5", v));
    CHECK(v == 0.5);
    CHECK(is_core_float("1e3", v));
    CHECK(v == 1000.0);
    CHECK(is_core_float("-2.5E-1", v));
    CHECK(v == -0.25);
    CHECK(is_core_float("+4", v));
    CHECK(v == 4.0);
    CHECK(is_core_float("42", v)); // an int is a number too
    CHECK(v == 42.0);
    CHECK_FALSE(is_core_float(".inf", v));
    CHECK_FALSE(is_core_float("-.inf", v));
    CHECK_FALSE(is_core_float(".nan", v));
    CHECK_FALSE(is_core_float("0x1F", v));
    CHECK_FALSE(is_core_float("1_000.5", v));
    CHECK_FALSE(is_core_float("1e", v));
    CHECK_FALSE(is_core_float("e3", v));
    CHECK_FALSE(is_core_float(".", v));
    CHECK_FALSE(is_core_float("1.2.3", v));
    CHECK_FALSE(is_core_float("4,5", v));
    CHECK_FALSE(is_core_float("", v));
    CHECK_FALSE(is_core_float("abc", v));
}

TEST_CASE("yaml: is_core_bool and is_core_null", "[yaml][typing]") {
    bool b = false;
    CHECK(is_core_bool("true", b));
    CHECK(b);
    CHECK(is_core_bool("False", b));
    CHECK_FALSE(b);
    for (const char* t : {"true", "True", "TRUE"}) {
        b = false;
        CHECK(is_core_bool(t, b));
        CHECK(b);
    }
    for (const char* f : {"false", "False", "FALSE"}) {
        b = true;
        CHECK(is_core_bool(f, b));
        CHECK_FALSE(b);
    }
    for (const char* s : {"yes", "no", "on", "off", "y", "n", "Yes", "tRUE", "1", ""})
        CHECK_FALSE(is_core_bool(s, b));

    for (const char* s : {"", "~", "null", "Null", "NULL"})
        CHECK(is_core_null(s));
    for (const char* s : {"nil", "NuLL", "none", "\"null\"", " "})
        CHECK_FALSE(is_core_null(s));
}

TEST_CASE("yaml: duplicate keys cite both positions", "[yaml][guard]") {
    Failure f = failure_of("x:\n  a: 1\n  b: 2\n  a: 3\n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.loc.file == "t.yaml");
    CHECK(f.loc.line == 4);
    CHECK(f.loc.col == 3);
    CHECK(f.loc.source_line == "  a: 3");
    CHECK(f.message == "duplicate key 'a' (first defined at 2:3)");

    Failure flow = failure_of("x: {a: 1, a: 2}\n");
    CHECK(flow.loc.line == 1);
    CHECK(flow.loc.col == 11);
    CHECK(flow.message == "duplicate key 'a' (first defined at 1:5)");

    // A quoted key is the same key.
    Failure quoted = failure_of("a: \"x\"\n\"a\": 2\n");
    CHECK(quoted.loc.line == 2);
    CHECK(quoted.message == "duplicate key 'a' (first defined at 1:1)");

    // The same key in two different mappings is fine.
    CHECK_NOTHROW(parse_yaml("t.yaml", "- a: 1\n- a: 2\n"));
}

TEST_CASE("yaml: anchors, aliases, merge keys and tags are refused", "[yaml][guard]") {
    Failure anchor = failure_of("a: &x 1\nb: *x\n");
    CHECK(anchor.code == ExitCode::input);
    CHECK(anchor.loc.line == 1);
    CHECK(anchor.loc.col == 4);
    CHECK(anchor.message == "anchors (&name) are not allowed: write the value out in full");

    Failure anchored_map = failure_of("- &a {b: 1}\n");
    CHECK(anchored_map.loc.line == 1);
    CHECK(anchored_map.loc.col == 3);
    CHECK(anchored_map.message == "anchors (&name) are not allowed: write the value out in full");

    // An alias without an anchor never gets a value: yaml-cpp refuses it at the alias.
    Failure alias = failure_of("a: 1\nb: *x\n");
    CHECK(alias.code == ExitCode::input);
    CHECK(alias.loc.line == 2);
    CHECK(alias.loc.col == 4);
    CHECK(alias.message == "YAML syntax: the referenced anchor is not defined");

    Failure merge = failure_of("base: {a: 1}\n<<: {b: 2}\n");
    CHECK(merge.code == ExitCode::input);
    CHECK(merge.loc.line == 2);
    CHECK(merge.loc.col == 1);
    CHECK(merge.message == "merge keys (<<) are not allowed: write the keys out in full");
    // A quoted "<<" is an ordinary key.
    CHECK(parse_yaml("t.yaml", "\"<<\": 1\n").root.find("<<")->value == "1");

    Failure tag = failure_of("- !custom x\n");
    CHECK(tag.loc.col == 3);
    CHECK(tag.message == "tags such as '!custom' are not allowed");
}

TEST_CASE("yaml: tab indentation is refused at the tab", "[yaml][guard]") {
    Failure f = failure_of("a:\n\tb: 1\n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 1);
    CHECK(f.loc.source_line == "\tb: 1");
    CHECK(f.message == "tab character in indentation: YAML indents with spaces");

    Failure after_spaces = failure_of("a:\n  b:\n  \tc: 1\n");
    CHECK(after_spaces.loc.line == 3);
    CHECK(after_spaces.loc.col == 3);
}

TEST_CASE("yaml: NUL bytes, invalid UTF-8 and UTF-16 are refused", "[yaml][guard]") {
    Failure nul = failure_of("a: 1\n\0\n"s);
    CHECK(nul.code == ExitCode::input);
    CHECK(nul.loc.line == 2);
    CHECK(nul.message == "NUL byte: this is a binary file, not YAML text");

    // "café" in Latin-1: é is the single byte 0xE9.
    Failure latin1 = failure_of("a: 1\nb: caf\xE9\n");
    CHECK(latin1.code == ExitCode::input);
    CHECK(latin1.loc.line == 2);
    CHECK(latin1.loc.col == 7);
    CHECK(latin1.message ==
          "invalid UTF-8 (byte 0xE9): the file looks like Latin-1; re-save it as UTF-8");

    // 0x81 is not a Windows-1252 character: no Latin-1 hint.
    Failure bad = failure_of("a: \x81\n");
    CHECK(bad.loc.line == 1);
    CHECK(bad.loc.col == 4);
    CHECK(bad.message == "invalid UTF-8 (byte 0x81)");

    // The column counts the characters before the bad byte (ü is two bytes, one character).
    Failure after_multibyte = failure_of("ü: \xFF\n");
    CHECK(after_multibyte.loc.col == 4);

    Failure le = failure_of("\xFF\xFE"
                            "a\0:\0 \0001\0"s);
    CHECK(le.code == ExitCode::input);
    CHECK(le.loc.line == 0);
    CHECK(le.message == "the file is UTF-16: save it as UTF-8");
    Failure be = failure_of("\xFE\xFF\0a\0:"s);
    CHECK(be.message == "the file is UTF-16: save it as UTF-8");
}

TEST_CASE("yaml: encoding errors are placed like every other position", "[yaml][guard]") {
    // The BOM is not a character of the first line, and CR ends a line (PRODUCT.md §5).
    Failure bom = failure_of("\xEF\xBB\xBF"
                             "a: \xE9\n");
    CHECK(bom.loc.line == 1);
    CHECK(bom.loc.col == 4);
    Failure cr = failure_of("a: 1\rb: \xE9\r");
    CHECK(cr.loc.line == 2);
    CHECK(cr.loc.col == 4);
    Failure crlf = failure_of("a: 1\r\nb: \xE9\r\n");
    CHECK(crlf.loc.line == 2);
    CHECK(crlf.loc.col == 4);
    Failure nul_cr = failure_of("a: 1\rb: 2\r\0"s);
    CHECK(nul_cr.loc.line == 3);
}

TEST_CASE("yaml: more than one document", "[yaml][guard]") {
    Failure f = failure_of("a: 1\n---\nb: 2\n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.loc.line == 2);
    CHECK(f.loc.source_line == "---");
    CHECK(f.message == "more than one YAML document (a second '---'): keep one per file");

    // One leading '---' and a closing '...' are fine.
    YamlDocument doc = parse_yaml("t.yaml", "---\na: 1\n...\n");
    CHECK(dump(doc.root) == "{a@2:1: 1@2:4}@2:1");
}

TEST_CASE("yaml: a lone comma ends at once instead of hanging", "[yaml][guard]") {
    // yaml-cpp 0.7 makes endless empty documents of these (PRODUCT.md §3.8).
    REQUIRE(parse_ends(","));
    REQUIRE(parse_ends("a: 1\n---\n,"));
    Failure comma = failure_of(",");
    CHECK(comma.code == ExitCode::input);
    CHECK(comma.loc.line == 1);
    Failure second = failure_of("a: 1\n---\n,");
    CHECK(second.code == ExitCode::input);
    CHECK(second.loc.line == 2);
    CHECK(second.message == "more than one YAML document (a second '---'): keep one per file");
}

TEST_CASE("yaml: syntax errors carry a position", "[yaml][guard]") {
    Failure f = failure_of("a: b: c\n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.loc.line == 1);
    CHECK(f.loc.col == 5);
    CHECK(f.message == "YAML syntax: illegal map value");
}

TEST_CASE("yaml: nesting limit", "[yaml][guard]") {
    auto nested = [](int depth) {
        return std::string(std::size_t(depth), '[') + "1" + std::string(std::size_t(depth), ']');
    };
    // Exactly at the limit: accepted.
    YamlDocument ok = parse_yaml("t.yaml", nested(64));
    const YamlNode* n = &ok.root;
    int depth = 0;
    while (n->is_seq()) {
        ++depth;
        REQUIRE(n->items.size() == 1);
        n = &n->items[0];
    }
    CHECK(depth == 64);
    CHECK(n->value == "1");

    Failure over = failure_of(nested(65));
    CHECK(over.code == ExitCode::input);
    CHECK(over.loc.line == 1);
    CHECK(over.loc.col == 65);
    CHECK(over.message == "nesting deeper than 64 levels");

    // Mappings count as levels too, and the limit is configurable.
    YamlLimits small;
    small.max_depth = 2;
    CHECK_NOTHROW(parse_yaml("t.yaml", "a:\n  b: 1\n", small));
    Failure maps = failure_of("a:\n  b:\n    c: 1\n", small);
    CHECK(maps.loc.line == 3);
    CHECK(maps.loc.col == 5);
    CHECK(maps.message == "nesting deeper than 2 levels");
}

TEST_CASE("yaml: empty and comment-only files", "[yaml]") {
    YamlDocument empty = parse_yaml("t.yaml", "");
    CHECK(empty.empty);
    CHECK(empty.root.is_null());
    YamlDocument comments = parse_yaml("t.yaml", "# only a comment\n\n   # another\n");
    CHECK(comments.empty);
    CHECK(comments.root.is_null());
    CHECK(comments.lines.size() == 3);
    YamlDocument bom_only = parse_yaml("t.yaml", "\xEF\xBB\xBF");
    CHECK(bom_only.empty);
    YamlDocument not_empty = parse_yaml("t.yaml", "a: 1\n");
    CHECK_FALSE(not_empty.empty);
}

TEST_CASE("yaml: CRLF and CR-only files read as LF", "[yaml]") {
    const std::string lf = "a: 1\nb:\n  - x\n  - \"y z\"\nc: {d: 2}\n";
    YamlDocument expected = parse_yaml("t.yaml", lf);
    CHECK(dump(expected.root) == "{a@1:1: 1@1:4, b@2:1: [x@3:5, \"y z\"@4:5]@3:3, "
                                 "c@5:1: {d@5:5: 2@5:8}@5:4}@1:1");
    for (const char* eol : {"\r\n", "\r"}) {
        std::string text;
        for (char c : lf)
            text += c == '\n' ? eol : std::string(1, c);
        YamlDocument doc = parse_yaml("t.yaml", text);
        CHECK(dump(doc.root) == dump(expected.root));
        CHECK(doc.lines == expected.lines);
    }
}

TEST_CASE("yaml: a BOM is stripped", "[yaml]") {
    YamlDocument doc = parse_yaml("t.yaml", "\xEF\xBB\xBF"
                                            "a: 1\n");
    CHECK(dump(doc.root) == "{a@1:1: 1@1:4}@1:1");
    CHECK(doc.lines.at(0) == "a: 1");
}

TEST_CASE("yaml: normalise_text and split_lines", "[yaml]") {
    CHECK(normalise_text("\xEF\xBB\xBF"
                         "a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd");
    // Only one BOM is stripped.
    CHECK(normalise_text("\xEF\xBB\xBF\xEF\xBB\xBFx") == "\xEF\xBB\xBFx");
    CHECK(split_lines("a\nb\n") == std::vector<std::string>{"a", "b"});
    CHECK(split_lines("a\n\nb") == std::vector<std::string>{"a", "", "b"});
    CHECK(split_lines("").empty());
}

TEST_CASE("yaml: read_small_file refusals", "[yaml][file]") {
    TempDir dir;
    std::string ten = dir.write("ten.yaml", "a: 123456\n");
    CHECK(read_small_file(ten, "ten.yaml", 10) == "a: 123456\n");

    try {
        read_small_file(ten, "ten.yaml", 9);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(e.diagnostic().loc.file == "ten.yaml");
        CHECK(std::string(e.what()) == "the file is 10 bytes, over the limit of 9 bytes");
    }

    try {
        read_small_file(dir.path.string(), "somedir", 1000);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(std::string(e.what()) == "a folder, not a file");
    }

    // A named pipe without a writer: refused at once (opening it plainly would block forever).
    const std::string pipe = (dir.path / "pipe.yaml").string();
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    try {
        read_small_file(pipe, "pipe.yaml", 1000);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(std::string(e.what()) == "not a regular file");
    }

    try {
        read_small_file((dir.path / "missing.yaml").string(), "missing.yaml", 1000);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
        CHECK(std::string(e.what()) == "cannot read 'missing.yaml': No such file or directory");
    }
}

TEST_CASE("yaml: read_yaml_file applies the size limit and parses", "[yaml][file]") {
    TempDir dir;
    std::string path = dir.write("list.yaml", "- a\n- b\n");
    YamlDocument doc = read_yaml_file(path, "lists/list.yaml");
    CHECK(doc.file == "lists/list.yaml");
    CHECK(dump(doc.root) == "[a@1:3, b@2:3]@1:1");

    YamlLimits limits;
    limits.max_file_bytes = 7;
    try {
        read_yaml_file(path, "lists/list.yaml", limits);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(std::string(e.what()) == "the file is 8 bytes, over the limit of 7 bytes");
    }
}
