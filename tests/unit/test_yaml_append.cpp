// The comment-preserving appender (src/io/yaml_append.cpp, csv_append.cpp, PRODUCT.md §3.7):
// exact results on hand-written layouts, refusals with the text to paste, scalar quoting,
// CSV rows and the unified diff. The randomised property test is test_yaml_append_property.cpp.
#include "delight/diagnostic.hpp"
#include "delight/unified_diff.hpp"
#include "delight/yaml_append.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace delight;
using namespace delight::io;

namespace {

AppendItem item(std::string id, std::string text) {
    AppendItem it;
    it.fields.emplace_back("id", std::move(id));
    it.fields.emplace_back("text", std::move(text));
    it.fields.emplace_back("functions", std::vector<std::string>{"finance", "sales"});
    it.fields.emplace_back("importance", 4.0);
    return it;
}

std::string refusal(std::string_view text, std::string_view key) {
    try {
        append_to_yaml_list(text, "f.yaml", key, {item("new", "New")});
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        return e.diagnostic().loc.file + ":" + std::to_string(e.diagnostic().loc.line) + ": " +
               e.what();
    }
    return "(no refusal)";
}

} // namespace

TEST_CASE("append: column-0 bare list keeps comments and blank-line style", "[yaml-append]") {
    // The indented comment right below the last item annotates it and stays with it; the
    // column-0 comment introduces what follows and stays below the new item.
    std::string before = "# Catalogue\n\n- id: a\n  text: A  # why\n\n- id: b\n  text: B\n"
                         "  # about b\n\n# Next section\n";
    std::string after = append_to_yaml_list(before, "e.yaml", "", {item("c", "C: see")});
    CHECK(after == "# Catalogue\n\n- id: a\n  text: A  # why\n\n- id: b\n  text: B\n"
                   "  # about b\n\n- id: c\n  text: \"C: see\"\n  functions: [finance, sales]\n"
                   "  importance: 4\n\n# Next section\n");
    // An indented comment after a blank line is not the item's: it stays below.
    AppendItem small;
    small.fields = {{"id", std::string("x")}};
    CHECK(append_to_yaml_list("- id: a\n\n  # later\n", "e.yaml", "", {small}) ==
          "- id: a\n- id: x\n\n  # later\n");
}

TEST_CASE("append: indented list under a key; the next section stays below", "[yaml-append]") {
    std::string before = "version: 1\nevidence:\n    -   expectation: a\n        account: X\n"
                         "# Survey\nsurvey: {}\n";
    AppendItem ev;
    ev.fields = {{"expectation", std::string("b")}, {"date", std::string("2027-01-02")}};
    CHECK(append_to_yaml_list(before, "d.yaml", "evidence", {ev}) ==
          "version: 1\nevidence:\n    -   expectation: a\n        account: X\n"
          "    -   expectation: b\n        date: \"2027-01-02\"\n# Survey\nsurvey: {}\n");
}

TEST_CASE("append: CRLF files get CRLF; no final newline is kept", "[yaml-append]") {
    CHECK(append_to_yaml_list("- id: a\r\n  text: A\r\n", "e.yaml", "", {item("b", "B")}) ==
          "- id: a\r\n  text: A\r\n- id: b\r\n  text: B\r\n  functions: [finance, sales]\r\n"
          "  importance: 4\r\n");
    // The new lines go before the end of the last line: no existing byte changes.
    CHECK(append_to_yaml_list("- id: a\n  text: A", "e.yaml", "", {item("b", "B")}) ==
          "- id: a\n  text: A\n- id: b\n  text: B\n  functions: [finance, sales]\n"
          "  importance: 4");
    // A BOM stays.
    CHECK(append_to_yaml_list("\xEF\xBB\xBF- {id: a}\n", "e.yaml", "", {item("b", "B")}) ==
          "\xEF\xBB\xBF- {id: a}\n- {id: b, text: B, functions: [finance, sales], "
          "importance: 4}\n");
}

TEST_CASE("append: flow-mapping items get a flow-mapping item", "[yaml-append]") {
    std::string before = "- {id: a, text: A}\n- {id: b, text: B}  # note\n";
    AppendItem it = item("c", "Commas, brackets [and] colons: here");
    CHECK(append_to_yaml_list(before, "e.yaml", "", {it}) ==
          before + "- {id: c, text: \"Commas, brackets [and] colons: here\", "
                   "functions: [finance, sales], importance: 4}\n");
}

TEST_CASE("append: after a literal block whose lines look like comments", "[yaml-append]") {
    std::string before = "- id: a\n  notes: |\n    first\n\n    # not a comment\n# a comment\n";
    CHECK(append_to_yaml_list(before, "e.yaml", "", {item("b", "B")}) ==
          "- id: a\n  notes: |\n    first\n\n    # not a comment\n- id: b\n  text: B\n"
          "  functions: [finance, sales]\n  importance: 4\n# a comment\n");
}

TEST_CASE("append: empty lists, absent and empty keys", "[yaml-append]") {
    AppendItem small;
    small.fields = {{"id", std::string("x")}};
    CHECK(append_to_yaml_list("", "e.yaml", "", {small}) == "- id: x\n");
    CHECK(append_to_yaml_list("# only a comment\n", "e.yaml", "", {small}) ==
          "# only a comment\n\n- id: x\n");
    // Absent key: added at the end, indented like the file's other lists.
    CHECK(append_to_yaml_list("a: 1\nlist:\n- q\n# end\n", "d.yaml", "evidence", {small}) ==
          "a: 1\nlist:\n- q\n# end\n\nevidence:\n- id: x\n");
    CHECK(append_to_yaml_list("a: 1\n", "d.yaml", "evidence", {small, small}) ==
          "a: 1\n\nevidence:\n  - id: x\n  - id: x\n");
    // `key:` with no value becomes the list.
    CHECK(append_to_yaml_list("evidence:   # none yet\nb: 2\n", "d.yaml", "evidence", {small}) ==
          "evidence:   # none yet\n  - id: x\nb: 2\n");
    // A document end marker stays last.
    CHECK(append_to_yaml_list("---\n- id: a\n...\n", "e.yaml", "", {small}) ==
          "---\n- id: a\n- id: x\n...\n");
}

TEST_CASE("append: unsafe layouts are refused with the text to paste", "[yaml-append]") {
    CHECK(refusal("expectations: [a, b]\n", "expectations") ==
          "f.yaml:1: cannot append to 'expectations' safely: it is a flow-style list ([...]); "
          "add this item yourself:\n{id: new, text: New, functions: [finance, sales], "
          "importance: 4}");
    CHECK(refusal("- &a {id: a}\n", "") ==
          "f.yaml:1: cannot append to this list safely: anchors (&name) are not "
          "allowed: write the value out in full; add this item yourself:\n- id: new\n  text: "
          "New\n  functions: [finance, sales]\n  importance: 4");
    CHECK(refusal("- id: a\n---\n- id: b\n", "").find("more than one YAML document") !=
          std::string::npos);
    CHECK(refusal("- id: a\n\t- id: b\n", "").find("tab character") != std::string::npos);
    CHECK(refusal("expectations: list.yaml\n", "expectations").find("its value is not a list") !=
          std::string::npos);
    CHECK(refusal("expectations:\n  - a.yaml\n", "expectations")
              .find("it holds paths or values, not items") != std::string::npos);
    CHECK(refusal("a: 1\n", "").find("does not hold a bare list") != std::string::npos);
    CHECK(refusal("{a: 1}\n", "x").find("not a block mapping") != std::string::npos);
    CHECK(refusal("evidence: ~\n", "evidence").find("write 'evidence:' on a line of its own") !=
          std::string::npos);
}

TEST_CASE("append: a top-level key", "[yaml-append]") {
    CHECK(append_yaml_key("version: 1\n# end", "d.yaml", "evidence", "evidence.yaml") ==
          "version: 1\n# end\n\nevidence: evidence.yaml");
    CHECK(append_yaml_key("version: 1\r\n\r\n", "d.yaml", "evidence", "a b.yaml") ==
          "version: 1\r\n\r\nevidence: a b.yaml\r\n");
    CHECK_THROWS_AS(append_yaml_key("evidence: x\n", "d.yaml", "evidence", "y"), Error);
    CHECK_THROWS_AS(append_yaml_key("- a\n", "d.yaml", "evidence", "y"), Error);
}

TEST_CASE("append: scalars plain only when they read back as the same string", "[yaml-append]") {
    for (const char* plain :
         {"Invoices arrive on time", "C'est la vie", "a:b", "a#b", "Café ☕", "path/to.yaml", "x-y"})
        CHECK(yaml_scalar(plain) == plain);
    CHECK(yaml_scalar("") == "\"\"");
    CHECK(yaml_scalar("null") == "\"null\"");
    CHECK(yaml_scalar("True") == "\"True\"");
    CHECK(yaml_scalar("yes") == "\"yes\"");
    CHECK(yaml_scalar("5") == "\"5\"");
    CHECK(yaml_scalar("1.5e3") == "\"1.5e3\"");
    CHECK(yaml_scalar("2027-01-02") == "\"2027-01-02\"");
    CHECK(yaml_scalar("- item") == "\"- item\"");
    CHECK(yaml_scalar("key: value") == "\"key: value\"");
    CHECK(yaml_scalar("a #comment") == "\"a #comment\"");
    CHECK(yaml_scalar("ends:") == "\"ends:\"");
    CHECK(yaml_scalar(" lead") == "\" lead\"");
    CHECK(yaml_scalar("\"quoted\" \\ back") == "\"\\\"quoted\\\" \\\\ back\"");
    CHECK(yaml_scalar("tab\there") == "\"tab\\there\"");
    CHECK(yaml_scalar("bell\x07") == "\"bell\\x07\"");
    CHECK(yaml_scalar("nel\xC2\x85") == "\"nel\\x85\"");
    CHECK(yaml_scalar("ls\xE2\x80\xA8") == "\"ls\\u2028\"");
    CHECK(yaml_scalar("a, b") == "a, b");
    CHECK(yaml_scalar("a, b", true) == "\"a, b\"");
    CHECK(yaml_scalar("[x]", false) == "\"[x]\"");
    CHECK(yaml_number(4) == "4");
    CHECK(yaml_number(4.5) == "4.5");
    CHECK(yaml_number(0.1) == "0.1");
    CHECK(yaml_number(-2) == "-2");
}

TEST_CASE("append: the result is checked by reading it back", "[yaml-append]") {
    // Each of these would parse but change the data; all must be refused, never written.
    AppendItem bad_utf8;
    bad_utf8.fields = {{"id", std::string("x")}, {"text", std::string("\xFF")}};
    CHECK_THROWS_AS(append_to_yaml_list("- id: a\n", "e.yaml", "", {bad_utf8}), Error);
}

TEST_CASE("append: CSV rows", "[yaml-append]") {
    std::string before = "id,text,functions,importance,competitor.x\r\n"
                         "a,\"A, quoted\",finance,3,better\r\n";
    AppendItem it = item("b", "Says \"hi\", then leaves");
    CHECK(append_to_csv_list(before, "e.csv", {it}) ==
          before + "b,\"Says \"\"hi\"\", then leaves\",finance;sales,4,\r\n");
    AppendItem small;
    small.fields = {{"id", std::string("b")}, {"text", std::string(" spaced ")}};
    CHECK(append_to_csv_list("id,text\na,A", "e.csv", {small}) == "id,text\na,A\nb,\" spaced \"");
    try {
        append_to_csv_list("id,text\na,A\n", "e.csv", {item("b", "B")});
        FAIL("a field without a column must be refused");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "cannot append to this file safely: it has no column 'functions' (add the column "
              "first); add this row yourself:\nid,text,functions,importance\n"
              "b,B,finance;sales,4");
    }
    CHECK_THROWS_AS(append_to_csv_list("", "e.csv", {small}), Error);
    // A list is joined entry by entry: an empty entry keeps its place (found by fuzz_append).
    AppendItem gaps;
    gaps.fields = {{"id", std::string("c")},
                   {"functions", std::vector<std::string>{"", "finance", "", "sales"}}};
    CHECK(append_to_csv_list("id,functions\n", "e.csv", {gaps}) ==
          "id,functions\nc,;finance;;sales\n");
}

TEST_CASE("unified diff: one hunk with context", "[yaml-append]") {
    CHECK(unified_diff("a\n", "a\n", "a/f", "b/f").empty());
    CHECK(unified_diff("1\n2\n3\n4\n5\n", "1\n2\n3\n4\nX\nY\n5\n", "a/f", "b/f") ==
          "--- a/f\n+++ b/f\n@@ -2,4 +2,6 @@\n 2\n 3\n 4\n+X\n+Y\n 5\n");
    CHECK(unified_diff("", "x\ny\n", "/dev/null", "b/f") ==
          "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    CHECK(unified_diff("a\nb", "a\nb\nc", "a/f", "b/f") ==
          "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"
          "\\ No newline at end of file\n");
    CHECK(unified_diff("a\r\n", "a\r\nb\r\n", "a/f", "b/f") ==
          "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\r\n+b\r\n");
}
