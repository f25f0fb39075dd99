// The streaming CSV reader (src/io/csv_reader.cpp): RFC 4180, the tolerances and refusals of
// PRODUCT.md §5, exact positions, limits and block boundaries.
#include "delight/csv.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using delight::Error;
using delight::ExitCode;
using delight::Location;
using namespace delight::io;

namespace {

using Rows = std::vector<std::vector<std::string>>;

CsvOptions with_block(std::size_t block, char delimiter = ',') {
    CsvOptions options;
    options.delimiter = delimiter;
    options.block_bytes = block;
    return options;
}

Rows read_all(std::string text, CsvOptions options = {}) {
    auto reader = CsvReader::from_string("t.csv", std::move(text), options);
    std::vector<std::string_view> fields;
    Rows rows;
    while (reader.next(fields))
        rows.emplace_back(fields.begin(), fields.end());
    return rows;
}

/// Physical line of each record.
std::vector<int> record_lines(std::string text, CsvOptions options = {}) {
    auto reader = CsvReader::from_string("t.csv", std::move(text), options);
    std::vector<std::string_view> fields;
    std::vector<int> lines;
    while (reader.next(fields))
        lines.push_back(reader.record_line());
    return lines;
}

struct Failure {
    ExitCode code = ExitCode::ok;
    Location loc;
    std::string message;
};

/// Reads everything and returns the error it must end with.
Failure failure_of(std::string text, CsvOptions options = {}) {
    auto reader = CsvReader::from_string("t.csv", std::move(text), options);
    std::vector<std::string_view> fields;
    try {
        while (reader.next(fields)) {
        }
    } catch (const Error& e) {
        return {e.code(), e.diagnostic().loc, e.diagnostic().message};
    }
    FAIL("expected a delight::Error");
    return {};
}

// Tiny blocks make every field straddle a block boundary; the default reads everything at once.
const std::size_t block_sizes[] = {1, 2, 3, 5, 8, 13, 1 << 20};

} // namespace

TEST_CASE("csv: plain, quoted and escaped fields", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    const Rows rows = read_all("id,text,n\n"
                               "1,\"a, b\",2\n"
                               "2,\"say \"\"hi\"\"\",\"\"\n"
                               "3,,\"\"\"\"\n",
                               with_block(block));
    const Rows expected = {
        {"id", "text", "n"}, {"1", "a, b", "2"}, {"2", "say \"hi\"", ""}, {"3", "", "\""}};
    CHECK(rows == expected);
}

TEST_CASE("csv: whitespace is kept and a bare quote inside an unquoted field is text", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    const Rows rows = read_all(" a , b\"c\" ,x\"\n", with_block(block));
    CHECK(rows == Rows{{" a ", " b\"c\" ", "x\""}});
}

TEST_CASE("csv: blank lines, trailing delimiters, empty input", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    CHECK(read_all("", with_block(block)).empty());
    CHECK(read_all("\n", with_block(block)) == Rows{{""}});
    CHECK(read_all("a\n\nb\n", with_block(block)) == Rows{{"a"}, {""}, {"b"}});
    CHECK(read_all("a,\n,", with_block(block)) == Rows{{"a", ""}, {"", ""}});
}

TEST_CASE("csv: quoted line breaks keep physical line numbers", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    const std::string text = "h1,h2\n"
                             "1,\"two\nlines\"\n"
                             "2,\"three\r\nlines\rhere\"\n"
                             "3,x\n";
    CHECK(read_all(text, with_block(block)) ==
          Rows{{"h1", "h2"}, {"1", "two\nlines"}, {"2", "three\r\nlines\rhere"}, {"3", "x"}});
    CHECK(record_lines(text, with_block(block)) == std::vector<int>{1, 2, 4, 7});

    auto reader = CsvReader::from_string("t.csv", "a,\"b\nc\",d\n", with_block(block));
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    const Location d = reader.field_location(2);
    CHECK(d.line == 2);
    CHECK(d.col == 4);
    CHECK(d.source_line == "c\",d");
    CHECK(reader.field_location(1).line == 1);
    CHECK(reader.field_location(1).col == 3);
}

TEST_CASE("csv: CRLF, LF, CR and mixed line endings; last line without one", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    const Rows abc = {{"a", "1"}, {"b", "2"}, {"c", "3"}};
    for (const char* text : {"a,1\r\nb,2\r\nc,3\r\n", "a,1\nb,2\nc,3\n", "a,1\rb,2\rc,3\r",
                             "a,1\r\nb,2\rc,3", "a,1\nb,2\r\nc,3\r"}) {
        INFO(text);
        CHECK(read_all(text, with_block(block)) == abc);
        CHECK(record_lines(text, with_block(block)) == std::vector<int>{1, 2, 3});
    }
    // CR LF is one line ending, but LF CR is two (the CR starts an empty line).
    CHECK(read_all("a\n\rb", with_block(block)) == Rows{{"a"}, {""}, {"b"}});
    CHECK(record_lines("a\n\rb", with_block(block)) == std::vector<int>{1, 2, 3});
}

TEST_CASE("csv: a UTF-8 BOM is stripped and not counted in columns", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    auto reader = CsvReader::from_string("t.csv", "\xEF\xBB\xBFid,name\n1,x\n", with_block(block));
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"id", "name"});
    CHECK(reader.field_location(1).col == 4);
    CHECK(reader.field_location(1).source_line == "id,name");
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"1", "x"});
}

TEST_CASE("csv: records of very different widths", "[csv]") {
    // The cell arrays are sized from the previous record and grown mid-record.
    std::string text;
    Rows expected;
    for (const std::size_t width : {1, 40, 3, 300, 2, 17, 1000, 1}) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < width; ++i) {
            row.push_back(i % 7 == 3 ? "q\"" + std::to_string(i) : std::to_string(i * width));
            text +=
                (i ? "," : "") + (i % 7 == 3 ? "\"q\"\"" + std::to_string(i) + "\"" : row.back());
        }
        text += "\n";
        expected.push_back(row);
    }
    const std::size_t block = GENERATE(std::size_t{7}, std::size_t{1 << 20});
    auto reader = CsvReader::from_string("t.csv", text, with_block(block));
    std::vector<std::string_view> fields;
    fields.reserve(5000); // a caller's generous reserve changes nothing
    Rows rows;
    while (reader.next(fields))
        rows.emplace_back(fields.begin(), fields.end());
    CHECK(rows == expected);
}

TEST_CASE("csv: configurable delimiter", "[csv]") {
    CHECK(read_all("a;b,c;\"d;e\"\n", with_block(1 << 20, ';')) == Rows{{"a", "b,c", "d;e"}});
    CHECK(read_all("a\tb c\t\"\t\"\n", with_block(3, '\t')) == Rows{{"a", "b c", "\t"}});
    CHECK(read_all("a|b\n", with_block(1 << 20, '|')) == Rows{{"a", "b"}});
    CHECK_THROWS_AS(CsvReader::from_string("t.csv", "", with_block(8, '"')), std::invalid_argument);
    CHECK_THROWS_AS(CsvReader::from_string("t.csv", "", with_block(0)), std::invalid_argument);
}

TEST_CASE("csv: field and record locations count characters, not bytes", "[csv]") {
    auto reader = CsvReader::from_string("t.csv", "x\n\"日本語\",é,z\n");
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    REQUIRE(reader.next(fields));
    CHECK(reader.record_line() == 2);
    CHECK(reader.field_location(0).col == 1);
    CHECK(reader.field_location(1).col == 7);
    CHECK(reader.field_location(2).col == 9);
    CHECK(reader.field_location(2).file == "t.csv");
    CHECK(reader.field_quoted(0));
    CHECK_FALSE(reader.field_quoted(1));
    CHECK_FALSE(reader.field_quoted(9));
    const Location record = reader.record_location();
    CHECK(record.line == 2);
    CHECK(record.col == 0);
    CHECK(record.source_line == "\"日本語\",é,z");
    CHECK(reader.field_location(9).col == 0); // past the last field: the record
}

TEST_CASE("csv: unterminated quote is reported at the opening quote", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    const Failure f = failure_of("a,b\nc,\"de\nf,g\n", with_block(block));
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "unterminated quoted field starting here");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 3);
    CHECK(f.loc.source_line == "c,\"de");
    CHECK(failure_of("é,\"").loc.col == 3);
}

TEST_CASE("csv: a character after a closing quote is refused", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    Failure f = failure_of("x\n\"ab\"c,d\n", with_block(block));
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "unexpected character after closing quote");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 5);
    f = failure_of("é,\"a\nb\" ,z", with_block(block));
    CHECK(f.message == "unexpected character after closing quote");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 3);
    CHECK(f.loc.source_line == "b\" ,z");
}

TEST_CASE("csv: invalid UTF-8 is refused at its position, with a Latin-1 hint", "[csv]") {
    const std::size_t block = GENERATE(from_range(std::begin(block_sizes), std::end(block_sizes)));
    Failure f = failure_of("name\nh\xE9l\xE8ne,M\xFCller\n", with_block(block));
    CHECK(f.code == ExitCode::input);
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 2);
    CHECK(f.message == "invalid UTF-8 (byte 0xE9); the file looks like Latin-1 or "
                       "Windows-1252: re-save the file as UTF-8");
    // After valid multi-byte text; 0x81 is undefined in Windows-1252, so no hint.
    f = failure_of("日本,a\x81z\n", with_block(block));
    CHECK(f.loc.line == 1);
    CHECK(f.loc.col == 5);
    CHECK(f.message == "invalid UTF-8 (byte 0x81): CSV files must be UTF-8");
    // A sequence cut short by the end of the file.
    f = failure_of("ok\nab\xE6\x97", with_block(block));
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 3);
    // Inside a quoted field that spans lines.
    f = failure_of("\"a\nb\xC0\xAF\"\n", with_block(block));
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 2);
    CHECK(f.message.starts_with("invalid UTF-8 (byte 0xC0)"));
}

TEST_CASE("csv: records before a bad byte are returned first", "[csv]") {
    auto reader = CsvReader::from_string("t.csv", "a\nb\n\xFF\n", with_block(2));
    std::vector<std::string_view> fields;
    CHECK(reader.next(fields));
    CHECK(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"b"});
    CHECK_THROWS_AS(reader.next(fields), Error);
}

TEST_CASE("csv: NUL bytes, UTF-16 and binary files are refused", "[csv]") {
    Failure f = failure_of(std::string("\xFF\xFE"
                                       "a\0,\0b\0",
                                       8));
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "file is UTF-16; export it as UTF-8 CSV");
    CHECK(f.loc.line == 0);
    CHECK(failure_of("\xFE\xFF\0a").message == "file is UTF-16; export it as UTF-8 CSV");
    CHECK(failure_of(std::string("i\0d\0,\0n\0\n\0", 10)).message ==
          "file is UTF-16; export it as UTF-8 CSV");
    CHECK(failure_of(std::string("\0i\0d\0\n", 6)).message ==
          "file is UTF-16; export it as UTF-8 CSV");
    f = failure_of(std::string("PK\x03\x04\x14\0\x06\0", 8));
    CHECK(f.message == "this is a ZIP/.xlsx file, not CSV: export the sheet as CSV");
    CHECK(f.loc.file == "t.csv");
    CHECK(
        failure_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").message.starts_with("this is an .xls"));
    CHECK(failure_of(std::string("\x7F"
                                 "ELF\x02\x01\x01\0\0\0",
                                 10))
              .message == "binary file, not CSV");

    // Past the first kilobyte a NUL is reported where it is.
    f = failure_of(std::string(2000, 'x') + "\nab,c" + '\0' + "d\n");
    CHECK(f.message == "NUL byte: this is binary data, not CSV text");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 5);
}

TEST_CASE("csv: field size limit, at and past it", "[csv]") {
    const std::size_t block = GENERATE(std::size_t{3}, std::size_t{1 << 20});
    CsvOptions options = with_block(block);
    options.limits.max_field_bytes = 4;
    CHECK(read_all("abcd,\"ab\"\"c\"\n\"abcd\"", options) == Rows{{"abcd", "ab\"c"}, {"abcd"}});
    Failure f = failure_of("ok\nx,abcde,y\n", options);
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "field is longer than 4 bytes (limit max_field_bytes)");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 3);
    // Counted after unquoting: 4 quotes escaped as 8 bytes are 4 bytes.
    CHECK(read_all("\"\"\"\"\"\"\"\"\"\"", options) == Rows{{"\"\"\"\""}});
    f = failure_of("é,\"a\"\"bcd\"", options);
    CHECK(f.message == "field is longer than 4 bytes (limit max_field_bytes)");
    CHECK(f.loc.col == 3);
}

TEST_CASE("csv: column limit, at and past it", "[csv]") {
    CsvOptions options = with_block(4);
    options.limits.max_columns = 3;
    CHECK(read_all("a,b,c\n,,\n", options) == Rows{{"a", "b", "c"}, {"", "", ""}});
    const Failure f = failure_of("a,b,c\nd,e,f,g\n", options);
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "record has more than 3 cells (limit max_columns)");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 7);
    CHECK(failure_of("a,b,c,", options).loc.col == 7); // the empty fourth cell counts
}

TEST_CASE("csv: record size limit", "[csv]") {
    CsvOptions options = with_block(2);
    options.limits.max_record_bytes = 9; // as stored: quotes and line ending included
    CHECK(read_all("abc,def\r\n\"x\"\"\"\"\"\n", options) == Rows{{"abc", "def"}, {"x\"\""}});
    const Failure f = failure_of("x\nabc,defg\r\n", options);
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "record is longer than 9 bytes (limit max_record_bytes)");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 0);
    CHECK(failure_of("\"abc,defgh\"", options).message ==
          "record is longer than 9 bytes (limit max_record_bytes)");
}

TEST_CASE("csv: an unterminated quote in a large input fails at the field limit", "[csv]") {
    // 8 MiB after an opening quote: the reader must give up at the 1 MiB field limit instead of
    // buffering on to the end of the file to find the missing quote.
    std::string text = "id,comment\n1,\"";
    text.append(8 << 20, 'x');
    const Failure f = failure_of(std::move(text), with_block(64 << 10));
    CHECK(f.message == "field is longer than 1048576 bytes (limit max_field_bytes)");
    CHECK(f.loc.line == 2);
    CHECK(f.loc.col == 3);
    CHECK(f.loc.source_line.empty()); // too long to show
}

TEST_CASE("csv: every block size gives the same records", "[csv]") {
    const std::string text = "\xEF\xBB\xBFid;\"naïve; \"\"quoted\"\"\";日本\r\n"
                             "1;\"multi\r\nline\";\r"
                             "\"\";x\"y;\"\"\"\"\n"
                             "\n"
                             "last;é";
    CsvOptions reference = with_block(1 << 20, ';');
    const Rows expected = read_all(text, reference);
    REQUIRE(expected == Rows{{"id", "naïve; \"quoted\"", "日本"},
                             {"1", "multi\r\nline", ""},
                             {"", "x\"y", "\""},
                             {""},
                             {"last", "é"}});
    for (std::size_t block = 1; block <= text.size() + 1; ++block) {
        INFO("block " << block);
        CHECK(read_all(text, with_block(block, ';')) == expected);
        CHECK(record_lines(text, with_block(block, ';')) == std::vector<int>{1, 2, 4, 5, 6});
    }
}

TEST_CASE("csv: a large generated input is read correctly across 1 MiB blocks", "[csv]") {
    std::mt19937 rng(7);
    std::string text = "respondent_id,q1,comment\n";
    Rows expected = {{"respondent_id", "q1", "comment"}};
    std::vector<int> lines = {1};
    int line = 2;
    const std::string comments[] = {"fine", "slow, but ok",  "said \"meh\"", "two\nlines", "über",
                                    "",     "crlf\r\ninside"};
    const std::string written[] = {
        "fine", "\"slow, but ok\"",  "\"said \"\"meh\"\"\"", "\"two\nlines\"", "über",
        "\"\"", "\"crlf\r\ninside\""};
    const int line_breaks[] = {0, 0, 0, 1, 0, 0, 1};
    while (text.size() < (5u << 20)) {
        const std::size_t k = rng() % std::size(comments);
        const std::string id = "r" + std::to_string(expected.size());
        const std::string q1 = std::to_string(rng() % 5 + 1);
        text += id + "," + q1 + "," + written[k] + (rng() % 2 ? "\n" : "\r\n");
        expected.push_back({id, q1, comments[k]});
        lines.push_back(line);
        line += 1 + line_breaks[k];
    }
    for (const std::size_t block : {std::size_t{1 << 20}, std::size_t{4093}}) {
        INFO("block " << block);
        auto reader = CsvReader::from_string("big.csv", text, with_block(block));
        std::vector<std::string_view> fields;
        std::size_t i = 0;
        std::size_t mismatches = 0;
        while (reader.next(fields)) {
            REQUIRE(i < expected.size());
            if (std::vector<std::string>(fields.begin(), fields.end()) != expected[i] ||
                reader.record_line() != lines[i])
                ++mismatches;
            ++i;
        }
        CHECK(i == expected.size());
        CHECK(mismatches == 0);
    }
}

TEST_CASE("csv: open_file reads a file, reports a missing one, and '-' reads stdin", "[csv]") {
    char path[] = "/tmp/delight_csv_test_XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    const std::string content = "a,b\n1,\"x\ny\"\n";
    REQUIRE(::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
    ::close(fd);

    auto reader = CsvReader::open_file(path);
    CHECK(reader.file_name() == path);
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    REQUIRE(reader.next(fields));
    CHECK(fields == std::vector<std::string_view>{"1", "x\ny"});
    CHECK_FALSE(reader.next(fields));

    // Standard input, redirected from the same file for the duration of the test.
    const int saved = ::dup(STDIN_FILENO);
    const int in = ::open(path, O_RDONLY);
    REQUIRE((saved >= 0 && in >= 0));
    ::dup2(in, STDIN_FILENO);
    ::close(in);
    Rows rows;
    {
        auto from_stdin = CsvReader::open_file("-");
        CHECK(from_stdin.file_name() == "<stdin>");
        while (from_stdin.next(fields))
            rows.emplace_back(fields.begin(), fields.end());
    }
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    CHECK(rows == Rows{{"a", "b"}, {"1", "x\ny"}});
    std::remove(path);

    try {
        CsvReader::open_file("/nonexistent/x.csv");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
        CHECK(e.diagnostic().message ==
              "cannot open '/nonexistent/x.csv': No such file or directory");
        CHECK(e.diagnostic().loc.file == "/nonexistent/x.csv");
    }
    try { // refused when opened, as the YAML loader refuses a folder (input, not os)
        CsvReader::open_file("/tmp");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(e.diagnostic().message == "a folder, not a file");
        CHECK(e.diagnostic().loc.file == "/tmp");
    }
}

// ---- read_header ---------------------------------------------------------------------------

namespace {

Failure header_failure(std::string text, int header_rows = 1, char delimiter = ',') {
    auto reader = CsvReader::from_string("s.csv", std::move(text), with_block(1 << 20, delimiter));
    try {
        read_header(reader, header_rows);
    } catch (const Error& e) {
        return {e.code(), e.diagnostic().loc, e.diagnostic().message};
    }
    FAIL("expected a delight::Error");
    return {};
}

} // namespace

TEST_CASE("csv header: names are trimmed; further header rows are skipped", "[csv]") {
    auto reader = CsvReader::from_string(
        "s.csv",
        " id ,\"q1 \",q2,,\nResponse ID,Invoices,Support,,\n{\"ImportId\"},x,y,,\n7,5,4,,\n");
    CHECK(read_header(reader, 3) == std::vector<std::string>{"id", "q1", "q2", "", ""});
    std::vector<std::string_view> fields;
    REQUIRE(reader.next(fields));
    CHECK(fields[0] == "7");
    CHECK(reader.record_line() == 4);
}

TEST_CASE("csv header: empty file, blank header and too few header rows", "[csv]") {
    Failure f = header_failure("");
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "empty CSV file: expected a header row");
    CHECK(f.loc.file == "s.csv");
    f = header_failure("\xEF\xBB\xBF");
    CHECK(f.message == "empty CSV file: expected a header row");
    f = header_failure("  \nx\n");
    CHECK(f.message == "the header row is blank: expected column names");
    CHECK(f.loc.line == 1);
    f = header_failure("id,q1\nlabels,x\n", 3);
    CHECK(f.message == "the file ends after 2 of its 3 header rows");
    auto reader = CsvReader::from_string("s.csv", "id\n");
    CHECK_THROWS_AS(read_header(reader, 0), std::invalid_argument);
}

TEST_CASE("csv header: duplicate column names cite both columns", "[csv]") {
    const Failure f = header_failure("id,q0,q1,é,q1 \n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "duplicate column 'q1' (also column 3)");
    CHECK(f.loc.line == 1);
    CHECK(f.loc.col == 12);
}

TEST_CASE("csv header: one column holding another delimiter suggests the setting", "[csv]") {
    Failure f = header_failure("id;q1;q2\n1;2;3\n");
    CHECK(f.code == ExitCode::input);
    CHECK(f.message == "the header has one column but contains ';': set the delimiter to \";\"");
    CHECK(f.loc.line == 1);
    CHECK(f.loc.col == 1);
    f = header_failure("id\tq1,a\tq2\n", 1, ';');
    CHECK(f.message ==
          "the header has one column but contains a tab: set the delimiter to \"\\t\"");
    f = header_failure("id,q1\n", 1, ';');
    CHECK(f.message == "the header has one column but contains ',': set the delimiter to \",\"");
    // A quoted name may hold a comma, and a plain one-column file is fine.
    auto quoted = CsvReader::from_string("s.csv", "\"name, full\"\n", with_block(64, ';'));
    CHECK(read_header(quoted) == std::vector<std::string>{"name, full"});
    auto single = CsvReader::from_string("s.csv", "id\n1\n");
    CHECK(read_header(single) == std::vector<std::string>{"id"});
}
