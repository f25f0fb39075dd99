// Text, numbers, tables (text / markdown / csv), JSON and diagnostics as the user sees them.
#include "delight/render.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <locale>
#include <sstream>

using namespace delight::render;

namespace {

const std::string esc = "\x1b";

struct CommaDecimal : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
};

bool has_trailing_space(const std::string& text) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line.back() == ' ') return true;
    return false;
}

Table expectations_table() {
    Table t;
    t.columns = {
        {"id", Align::left, false}, {"text", Align::left, true}, {"score", Align::right, false}};
    t.rows = {{"a1", "A very long expectation text", "12.50"}, {"b", "short", "3.00"}};
    return t;
}

} // namespace

TEST_CASE("display_width counts terminal columns", "[render][text]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("hello") == 5);
    CHECK(display_width("日本") == 4);
    CHECK(display_width("e\u0301") == 1);         // e + combining acute
    CHECK(display_width("\u0301") == 0);          // a combining mark alone
    CHECK(display_width("😀") == 2);               // U+1F600
    CHECK(display_width("👨\u200d👩\u200d👧") == 2); // one ZWJ family cluster
    CHECK(display_width("🇯🇵") == 2);              // a flag: two regional indicators
    CHECK(display_width("\u2764\ufe0f") == 2);    // heart with emoji presentation
    CHECK(display_width("…") == 1);
    CHECK(display_width("ａ") == 2); // fullwidth Latin
}

TEST_CASE("display_width counts invalid UTF-8 one column per byte", "[render][text]") {
    CHECK(display_width("\xff\xfe") == 2);
    CHECK(display_width("a\xff"
                        "b") == 3);
    CHECK(display_width("\xe6\x97") == 2);     // 日 cut short
    CHECK(display_width("\xed\xa0\x80") == 3); // an encoded surrogate
    CHECK(display_width("\xc0\xaf") == 2);     // overlong '/'
    CHECK(display_width("\xff\u0301") == 1);   // a lone mark after a bad byte: 1 + 0
}

TEST_CASE("truncate_to_width cuts between grapheme clusters", "[render][text]") {
    CHECK(truncate_to_width("hello", 5) == "hello");
    CHECK(truncate_to_width("hello", 9) == "hello");
    CHECK(truncate_to_width("hello world", 5) == "hell…");
    CHECK(truncate_to_width("hello world", 7) == "hello…"); // no space before the …
    CHECK(truncate_to_width("日本語", 6) == "日本語");
    CHECK(truncate_to_width("日本語", 5) == "日本…");
    CHECK(truncate_to_width("日本語", 4) == "日…"); // a wide char does not fit in 1 column
    CHECK(truncate_to_width("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
    CHECK(truncate_to_width("ab😀cd", 3) == "ab…");
    CHECK(truncate_to_width("abc", 1) == "…");
    CHECK(truncate_to_width("abc", 0) == "");
    CHECK(truncate_to_width("abc", -3) == "");
    CHECK(truncate_to_width("", 0) == "");
    CHECK(truncate_to_width("\xff\xff\xff\xff", 3) == "\xff\xff…");
    for (int w = 0; w < 12; ++w)
        CHECK(display_width(truncate_to_width("日本語 e\u0301 text", w)) <= w);
}

TEST_CASE("printable turns control characters into spaces", "[render][text]") {
    CHECK(printable("plain 日本") == "plain 日本");
    CHECK(printable("a\tb\nc\r\nd\re") == "a b c d e");
    CHECK(printable("red\x1b[31m") == "red [31m");
    CHECK(printable("x\x7fy") == "x y");
    CHECK(printable("c1\u009b2J") == "c1 2J"); // U+009B CSI
    CHECK(printable("\xff") == "\xff");
}

TEST_CASE("fixed prints a number with fixed decimals", "[render][number]") {
    CHECK(fixed(1.234, 2) == "1.23");
    CHECK(fixed(3.0, 0) == "3");
    CHECK(fixed(1e6, 1) == "1000000.0"); // no thousands separator
    CHECK(fixed(-1.5, 1) == "-1.5");
    CHECK(fixed(-0.006, 2) == "-0.01");
    CHECK(fixed(3.0, -1) == "3");
}

TEST_CASE("fixed rounds the exact binary value, half to even", "[render][number]") {
    CHECK(fixed(2.675, 2) == "2.67"); // 2.67499999... in binary
    CHECK(fixed(1.235, 2) == "1.24"); // 1.23500000000000009...
    CHECK(fixed(0.125, 2) == "0.12"); // an exact tie
    CHECK(fixed(2.5, 0) == "2");
    CHECK(fixed(3.5, 0) == "4");
}

TEST_CASE("fixed never prints a negative zero", "[render][number]") {
    CHECK(fixed(-0.0, 2) == "0.00");
    CHECK(fixed(-0.004, 2) == "0.00");
    CHECK(fixed(-0.4, 0) == "0");
    CHECK(fixed(-1e-300, 3) == "0.000");
}

TEST_CASE("fixed prints an undefined statistic as a dash", "[render][number]") {
    CHECK(fixed(std::numeric_limits<double>::quiet_NaN(), 2) == "–");
    CHECK(fixed(std::numeric_limits<double>::infinity(), 2) == "–");
    CHECK(fixed(-std::numeric_limits<double>::infinity(), 0) == "–");
}

TEST_CASE("fixed ignores the global C++ locale", "[render][number]") {
    const std::locale old =
        std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    const std::string text = fixed(1234.5, 1);
    std::locale::global(old);
    CHECK(text == "1234.5");
}

TEST_CASE("table_text aligns columns under a dashed rule", "[render][table]") {
    const std::string expected = "id  text                          score\n"
                                 "--  ----------------------------  -----\n"
                                 "a1  A very long expectation text  12.50\n"
                                 "b   short                          3.00\n";
    CHECK(table_text(expectations_table(), Style{80, false, false}) == expected);
}

TEST_CASE("table_text shrinks long text to fit the width", "[render][table]") {
    const std::string expected = "id  text                 score\n"
                                 "--  -------------------  -----\n"
                                 "a1  A very long expect…  12.50\n"
                                 "b   short                 3.00\n";
    const std::string out = table_text(expectations_table(), Style{30, false, false});
    CHECK(out == expected);
    CHECK_FALSE(has_trailing_space(out));
}

TEST_CASE("table_text never shrinks a column below max(header, 8)", "[render][table]") {
    const std::string expected = "id  text      score\n"
                                 "--  --------  -----\n"
                                 "a1  A very…   12.50\n"
                                 "b   short      3.00\n";
    CHECK(table_text(expectations_table(), Style{10, false, false}) == expected);
}

TEST_CASE("table_text shrinks the widest shrinkable column first", "[render][table]") {
    Table t;
    t.columns = {{"a", Align::left, true}, {"b", Align::left, true}};
    t.rows = {{"0123456789abcdef", "0123456789ab"}};
    // Natural 16 + 2 + 12 = 30; at 26 the first column loses 4 and both are 12 wide.
    const std::string expected = "a             b\n"
                                 "------------  ------------\n"
                                 "0123456789a…  0123456789ab\n";
    CHECK(table_text(t, Style{26, false, false}) == expected);
}

TEST_CASE("table_text measures wide text and strips trailing spaces", "[render][table]") {
    Table t;
    t.columns = {{"name", Align::left, false}, {"note", Align::left, false}};
    t.rows = {{"日本", ""}, {"e\u0301", "x"}, {"", ""}};
    const std::string expected = "name  note\n"
                                 "----  ----\n"
                                 "日本\n"
                                 "e\u0301     x\n"
                                 "\n";
    const std::string out = table_text(t, Style{80, false, false});
    CHECK(out == expected);
    CHECK_FALSE(has_trailing_space(out));
}

TEST_CASE("table_text keeps cells on one line and escapes nothing to the terminal",
          "[render][table]") {
    Table t;
    t.columns = {{"text", Align::left, false}};
    t.rows = {{"two\nlines"}, {"bell\a\x1b[2J"}, {}};
    CHECK(table_text(t, Style{}) == "text\n"
                                    "---------\n"
                                    "two lines\n"
                                    "bell  [2J\n"
                                    "\n");
}

TEST_CASE("table_text shades heat cells only with colour", "[render][table]") {
    Table t;
    t.columns = {{"cell", Align::left, false}, {"n", Align::right, false}};
    t.rows = {{"low", "1"}, {"high", "9"}};
    t.heat = std::vector<std::vector<double>>{{0.0, std::nan("")}, {1.0, 0.5}};
    const std::string plain = table_text(t, Style{80, false, false});
    CHECK(plain.find(esc) == std::string::npos);

    const std::string coloured = table_text(t, Style{80, true, false});
    const std::string expected =
        "cell  n\n"
        "----  -\n"
        "\x1b[48;5;189;38;5;16mlow \x1b[0m  1\n"
        "\x1b[48;5;25;38;5;231mhigh\x1b[0m  \x1b[48;5;111;38;5;16m9\x1b[0m\n";
    CHECK(coloured == expected);
}

TEST_CASE("table_text of a table without columns is empty", "[render][table]") {
    CHECK(table_text(Table{}, Style{}).empty());
}

TEST_CASE("table_markdown writes a GFM table with alignment", "[render][markdown]") {
    const std::string expected = "| id | text | score |\n"
                                 "|---|---|--:|\n"
                                 "| a1 | A very long expectation text | 12.50 |\n"
                                 "| b | short | 3.00 |\n";
    CHECK(table_markdown(expectations_table()) == expected);
}

TEST_CASE("table_markdown keeps project text from becoming markup", "[render][markdown]") {
    Table t;
    t.columns = {{"text", Align::left, false}};
    t.rows = {{"<script>alert(1)</script>"},
              {"[click](javascript:alert(1))"},
              {"](javascript:alert(1))"},
              {"a|b"},
              {"a\\|b"},
              {"x & y"},
              {"`<b>`"},
              {"line\none\r\ntwo"},
              {}};
    const std::string expected = "| text |\n"
                                 "|---|\n"
                                 "| &lt;script&gt;alert(1)&lt;/script&gt; |\n"
                                 "| \\[click\\](javascript:alert(1)) |\n"
                                 "| \\](javascript:alert(1)) |\n"
                                 "| a\\|b |\n"
                                 "| a\\\\\\|b |\n"
                                 "| x &amp; y |\n"
                                 "| \\`&lt;b&gt;\\` |\n"
                                 "| line one two |\n"
                                 "|  |\n";
    CHECK(table_markdown(t) == expected);
}

TEST_CASE("csv_cell quotes per RFC 4180", "[render][csv]") {
    CHECK(csv_cell("plain", false) == "plain");
    CHECK(csv_cell("", false) == "");
    CHECK(csv_cell("a,b", false) == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"", false) == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines", false) == "\"two\nlines\"");
    CHECK(csv_cell("cr\rhere", false) == "\"cr\rhere\"");
    CHECK(csv_cell("日本", false) == "日本");
}

TEST_CASE("csv_cell neutralises formulas (OWASP)", "[render][csv]") {
    CHECK(csv_cell("=SUM(A1)", false) == "'=SUM(A1)");
    CHECK(csv_cell("+cmd", false) == "'+cmd");
    CHECK(csv_cell("-x", false) == "'-x");
    CHECK(csv_cell("-", false) == "'-");
    CHECK(csv_cell("@x", false) == "'@x");
    CHECK(csv_cell("\tx", false) == "'\tx");
    CHECK(csv_cell("\rx", false) == "\"'\rx\"");
    CHECK(csv_cell("=1,2", false) == "\"'=1,2\"");
    CHECK(csv_cell("=HYPERLINK(\"x\")", false) == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("a=b", false) == "a=b");
}

TEST_CASE("csv_cell leaves numbers alone", "[render][csv]") {
    for (const char* number : {"-2", "-3", "+2.5", "-0.25", "-.25", "+1e5", "-1E-9", "-5."})
        CHECK(csv_cell(number, false) == number);
    for (const char* text : {"-1e", "-1e+", "-.", "+.e1", "-1-2", "-0x1F", "-1 ", "- 1"})
        CHECK(csv_cell(text, false) == std::string("'") + text);
}

TEST_CASE("csv_cell in raw mode only quotes", "[render][csv]") {
    CHECK(csv_cell("=SUM(A1)", true) == "=SUM(A1)");
    CHECK(csv_cell("@x", true) == "@x");
    CHECK(csv_cell("=1,2", true) == "\"=1,2\"");
}

TEST_CASE("table_csv writes a header and LF-terminated rows", "[render][csv]") {
    Table t;
    t.columns = {
        {"id", Align::left, false}, {"text", Align::left, false}, {"n", Align::right, false}};
    t.rows = {{"a", "=cmd", "-2"}, {"b", "x, y"}};
    CHECK(table_csv(t, Style{}) == "id,text,n\na,'=cmd,-2\nb,\"x, y\",\n");
    CHECK(table_csv(t, Style{80, false, true}) == "id,text,n\na,=cmd,-2\nb,\"x, y\",\n");
}

TEST_CASE("json_text keeps key order, indents by two and ends with a newline", "[render][json]") {
    nlohmann::ordered_json value;
    value["version"] = 1;
    value["name"] = "日本";
    value["scores"] = {0.25, nullptr};
    value["empty"] = nlohmann::ordered_json::object();
    const std::string expected = "{\n"
                                 "  \"version\": 1,\n"
                                 "  \"name\": \"日本\",\n"
                                 "  \"scores\": [\n"
                                 "    0.25,\n"
                                 "    null\n"
                                 "  ],\n"
                                 "  \"empty\": {}\n"
                                 "}\n";
    CHECK(json_text(value) == expected);
}

TEST_CASE("json_text never writes NaN and refuses invalid UTF-8", "[render][json]") {
    CHECK(json_text(nlohmann::ordered_json(std::nan(""))) == "null\n");
    CHECK_THROWS_AS(json_text(nlohmann::ordered_json("\xff")), nlohmann::ordered_json::type_error);
}

TEST_CASE("diagnostic_text matches PRODUCT.md section 5", "[render][diagnostic]") {
    const delight::Diagnostic d{delight::Severity::error,
                                {"delight.yaml", 14, 17, "    touchpoint: biling"},
                                "unknown touchpoint 'biling' (did you mean 'bill'?)"};
    CHECK(diagnostic_text(d, false) ==
          "delight: error: delight.yaml:14:17: unknown touchpoint 'biling' (did you mean "
          "'bill'?)\n"
          "   14 |     touchpoint: biling\n"
          "      |                 ^\n");
}

TEST_CASE("diagnostic_text puts the caret under the column", "[render][diagnostic]") {
    const delight::Diagnostic d{delight::Severity::error, {"f.yaml", 3, 1, "key: x"}, "bad"};
    CHECK(diagnostic_text(d, false) == "delight: error: f.yaml:3:1: bad\n"
                                       "    3 | key: x\n"
                                       "      | ^\n");
    delight::Diagnostic past_end{delight::Severity::error, {"f.yaml", 3, 4, "ab"}, "eol"};
    CHECK(diagnostic_text(past_end, false) == "delight: error: f.yaml:3:4: eol\n"
                                              "    3 | ab\n"
                                              "      |    ^\n");
}

TEST_CASE("diagnostic_text without a column, line or file", "[render][diagnostic]") {
    using delight::Severity;
    CHECK(diagnostic_text({Severity::error, {"f.yaml", 12, 0, "  - id: x"}, "duplicate"}, false) ==
          "delight: error: f.yaml:12: duplicate\n"
          "   12 |   - id: x\n");
    CHECK(diagnostic_text({Severity::error, {"f.yaml", 12, 3, ""}, "no source"}, false) ==
          "delight: error: f.yaml:12:3: no source\n");
    CHECK(diagnostic_text({Severity::error, {"f.yaml", 0, 0, ""}, "empty project file"}, false) ==
          "delight: error: f.yaml: empty project file\n");
    CHECK(diagnostic_text({Severity::error, {"f.yaml", 0, 5, "x"}, "m"}, false) ==
          "delight: error: f.yaml: m\n");
    CHECK(diagnostic_text({Severity::error, {}, "no project found"}, false) ==
          "delight: error: no project found\n");
    CHECK(diagnostic_text({Severity::error, {}, "x"}, false, "delight check") ==
          "delight check: error: x\n");
    CHECK(diagnostic_text({Severity::error, {"f.yaml", 123456, 0, "x"}, "m"}, false) ==
          "delight: error: f.yaml:123456: m\n"
          "123456 | x\n");
}

TEST_CASE("diagnostic_text for a warning", "[render][diagnostic]") {
    const delight::Diagnostic d{delight::Severity::warning, {"a.csv", 2, 0, ""}, "row skipped"};
    CHECK(diagnostic_text(d, false) == "delight: warning: a.csv:2: row skipped\n");
}

TEST_CASE("diagnostic_text measures wide characters and tabs before the caret",
          "[render][diagnostic]") {
    // Column 11 is the 'o': seven ASCII characters and two wide ones precede it.
    const delight::Diagnostic cjk{
        delight::Severity::error, {"f.yaml", 2, 11, "title: 日本 oops"}, "bad"};
    CHECK(diagnostic_text(cjk, false) == "delight: error: f.yaml:2:11: bad\n"
                                         "    2 | title: 日本 oops\n"
                                         "      |             ^\n");
    const delight::Diagnostic tab{delight::Severity::error, {"f.yaml", 1, 2, "\tkey: x"}, "tab"};
    CHECK(diagnostic_text(tab, false) == "delight: error: f.yaml:1:2: tab\n"
                                         "    1 |  key: x\n"
                                         "      |  ^\n");
    const delight::Diagnostic mark{
        delight::Severity::error, {"f.yaml", 1, 3, "e\u0301x"}, "combining"};
    CHECK(diagnostic_text(mark, false) == "delight: error: f.yaml:1:3: combining\n"
                                          "    1 | e\u0301x\n"
                                          "      |  ^\n");
    // A Latin-1 line (the one an encoding error points at) is shown as UTF-8: each invalid byte
    // is one U+FFFD, and the caret stays under the column, counted per byte as the readers do.
    const delight::Diagnostic latin1{
        delight::Severity::error, {"a.csv", 3, 7, "r2,tr\xe8s \xe9"}, "invalid UTF-8"};
    CHECK(diagnostic_text(latin1, false) == "delight: error: a.csv:3:7: invalid UTF-8\n"
                                            "    3 | r2,tr\uFFFDs \uFFFD\n"
                                            "      |       ^\n");
}

TEST_CASE("diagnostic_text colours only when asked", "[render][diagnostic]") {
    const delight::Diagnostic error{delight::Severity::error, {"f.yaml", 1, 1, "x"}, "m"};
    CHECK(diagnostic_text(error, true) == "delight: \x1b[1;31merror:\x1b[0m f.yaml:1:1: m\n"
                                          "    1 | x\n"
                                          "      | \x1b[32m^\x1b[0m\n");
    const delight::Diagnostic warning{delight::Severity::warning, {}, "w"};
    CHECK(diagnostic_text(warning, true) == "delight: \x1b[1;35mwarning:\x1b[0m w\n");
    CHECK(diagnostic_text(error, false).find(esc) == std::string::npos);
}
