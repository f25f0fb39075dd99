// libFuzzer target: any bytes as a CSV file read through CsvReader::from_string, read_header
// and next() to the end (include/delight/csv.hpp). The first three bytes choose the options:
//
//   byte 0   the delimiter (a quote, CR, LF or NUL, which no file can use, means ',')
//   byte 1   0: one block for the whole input (as the default 1 MiB block reads any input of
//            -max_len); else a block of that many bytes, so that fields, CRLF pairs and
//            UTF-8 sequences straddle blocks
//   byte 2   bit 7 set: tiny limits from bits 0-5 (fields, cells, record bytes);
//            bit 6 set: two header rows
//
// Checked: only delight::Error (ExitCode::input) is thrown; every location names the file with
// line >= 1 for records and fields (>= 0 for a whole-file error); record lines never go back.
// With the default limits, a tiny block must not change anything the caller can observe
// (records, positions, the error), so such inputs are also read in one block and both
// transcripts compared.
#include "delight/csv.hpp"
#include "fuzz_support.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using delight::Location;
using delight::fuzz::finding;
using delight::io::CsvOptions;
using delight::io::CsvReader;

constexpr const char* file_name = "fuzz.csv";
/// field_location scans the record from its start, so checking every cell of a 4096-cell
/// record would cost the fuzzer more than the reader; wide records are checked at both ends.
constexpr std::size_t checked_cells = 16;
/// The reader sniffs this many bytes for binary content; a tiny first block sees fewer (a
/// documented test-only difference), so inputs with a NUL there are not compared.
constexpr std::size_t sniff_bytes = 1024;
/// Past this length a line is left out of a Location, and a tiny block may stop reading it
/// earlier than a large one.
constexpr std::size_t max_shown_line = 4096;
/// Stands for the default block (1 MiB): larger than any input of -max_len=65536, so it too
/// reads the whole input at once, but small enough for ASan's fast allocator (under ASan a
/// 1 MiB buffer is an mmap, page faults and an munmap for every input).
constexpr std::size_t whole_input_block = 65536;

struct Run {
    CsvOptions options;
    int header_rows = 1;
};

/// What a caller can observe, as text; kept only when it is to be compared.
class Transcript {
  public:
    explicit Transcript(bool on) : m_on(on) {}
    void add(std::string_view s) {
        if (m_on) m_text.append(s);
    }
    void add(const Location& loc) {
        if (!m_on) return;
        m_text += std::to_string(loc.line) + ":" + std::to_string(loc.col) + "\n";
        // Each source line once: a record's cells all show the same one.
        if (loc.source_line.size() < max_shown_line && loc.source_line != m_last_line) {
            m_last_line = loc.source_line;
            m_text += "[" + m_last_line + "]\n";
        }
    }
    const std::string& text() const { return m_text; }

  private:
    bool m_on;
    std::string m_text;
    std::string m_last_line;
};

void check_record_location(const Location& loc, int record_line, const char* what,
                           std::size_t index) {
    if (loc.file == file_name && loc.line >= record_line && loc.col >= 0) return;
    finding(std::string(what) + "(" + std::to_string(index) + ") at " +
            delight::fuzz::describe(loc) + ": the record starts on line " +
            std::to_string(record_line));
}

void record_cells(const CsvReader& reader, const std::vector<std::string_view>& fields,
                  Transcript& out) {
    const int line = reader.record_line();
    if (line < 1) finding("record_line " + std::to_string(line) + " < 1");
    const Location record = reader.record_location();
    check_record_location(record, line, "record_location", 0);
    if (record.line != line) finding("record_location disagrees with record_line");
    out.add("record " + std::to_string(line) + " cells " + std::to_string(fields.size()) + "\n");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out.add(reader.field_quoted(i) ? "q " : "u ");
        out.add(fields[i]);
        out.add("\n");
        if (i >= checked_cells / 2 && i + checked_cells / 2 < fields.size()) continue;
        const Location loc = reader.field_location(i);
        check_record_location(loc, line, "field_location", i);
        if (loc.col < 1) finding("field_location(" + std::to_string(i) + ") has no column");
        out.add(loc);
    }
}

/// Reads text to the end with these options, checking as it goes.
std::string transcript(const std::string& text, const Run& run, bool keep) {
    Transcript out(keep);
    delight::fuzz::expect_only_delight_errors(
        "CsvReader",
        [&] {
            CsvReader reader = CsvReader::from_string(file_name, text, run.options);
            const std::vector<std::string> header =
                delight::io::read_header(reader, run.header_rows);
            out.add("header " + std::to_string(header.size()) + "\n");
            std::vector<std::string_view> fields;
            int last_line = 0;
            while (reader.next(fields)) {
                if (reader.record_line() <= last_line)
                    finding("record line " + std::to_string(reader.record_line()) +
                            " does not come after " + std::to_string(last_line));
                last_line = reader.record_line();
                if (fields.empty()) finding("a record without cells");
                record_cells(reader, fields, out);
            }
            if (!fields.empty()) finding("next() returned false but left cells");
        },
        [&](const delight::Error& e) {
            const Location& loc = e.diagnostic().loc;
            if (e.code() != delight::ExitCode::input)
                finding("CsvReader: error code is not ExitCode::input");
            if (loc.file != file_name || loc.line < 0 || loc.col < 0)
                finding("CsvReader error: bad location " + delight::fuzz::describe(loc));
            out.add("error " + e.diagnostic().message + " at ");
            out.add(loc);
        });
    return out.text();
}

Run options_from(const std::uint8_t* head) {
    Run run;
    run.options.block_bytes = whole_input_block;
    const char delimiter = static_cast<char>(head[0]);
    if (delimiter != '"' && delimiter != '\n' && delimiter != '\r' && delimiter != '\0')
        run.options.delimiter = delimiter;
    if (head[1] != 0) run.options.block_bytes = head[1];
    if (head[2] & 0x80) {
        auto& limits = run.options.limits;
        limits.max_field_bytes = 1 + (head[2] & 0x07) * 16u;   // 1 .. 113
        limits.max_columns = 1 + ((head[2] >> 3) & 0x07) * 2u; // 1 .. 15
        limits.max_record_bytes = 8 + (head[2] & 0x07) * 40u;  // 8 .. 288
    }
    if (head[2] & 0x40) run.header_rows = 2;
    return run;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const Run run = options_from(data);
    const std::string text(reinterpret_cast<const char*>(data + 3), size - 3);
    const bool default_limits = (data[2] & 0x80) == 0;
    const bool tiny_block = run.options.block_bytes != whole_input_block;
    const bool sniff_sees_nul = text.find('\0') < sniff_bytes;
    const bool compare = default_limits && tiny_block && !sniff_sees_nul;
    const std::string got = transcript(text, run, compare);
    if (compare) {
        Run reference = run;
        reference.options.block_bytes = whole_input_block;
        const std::string want = transcript(text, reference, true);
        if (got != want) {
            const auto at = static_cast<std::size_t>(
                std::mismatch(got.begin(), got.end(), want.begin(), want.end()).first -
                got.begin());
            const std::size_t from = at > 200 ? at - 200 : 0;
            finding("block size " + std::to_string(run.options.block_bytes) +
                    " changes the result; from byte " + std::to_string(from) +
                    " of the transcripts:\n--- tiny block:\n" + got.substr(from, 400) +
                    "\n--- one block:\n" + want.substr(from, 400));
        }
    }
    return 0;
}
