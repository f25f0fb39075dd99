// Streaming CSV reader: RFC 4180 plus the tolerances and refusals of PRODUCT.md §5.
//
// Why hand-written: `apt-cache search csv | grep -- -dev` on Debian 12 lists two C/C++
// libraries. libcsv-dev (C) hands each field to a callback after copying it, and reports no
// positions; libfccp-dev (fast-cpp-csv-parser, a 2016 snapshot) splits physical lines before
// unquoting, so a quoted newline breaks the record, and fixes the column count at compile
// time. Neither gives a field's physical line and character column, checks UTF-8, recognises
// UTF-16 or .xlsx input, or bounds memory on a hostile file, which §5 requires. (The rest of
// the list is Go, Haskell, OCaml and Rust.)
//
// How it streams: the file is read in blocks (128 KiB) into one buffer that holds the current
// record whole, so fields are views into it; only a field containing "" is copied (unescaped
// into an arena). If a record runs past the buffered bytes, the partial record moves to the
// front, more is read, and the record is parsed again from its start: one record per block,
// cheap, and far simpler than a resumable state machine. The parser finds delimiters, line
// breaks and quotes 64 bytes at a time (SSE2 compares into a bit mask). UTF-8 and NUL checks
// run over each block as it arrives (fast ASCII paths); the first bad byte is reported when
// the parser reaches its record. Positions (line, character column) are computed only for error
// messages, by scanning the current record from its start, which is always at the start of a line.
#include "delight/csv.hpp"

#include "delight/utf8.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace delight::io {
namespace {

constexpr std::size_t none = std::string_view::npos;
/// Bytes examined at the start of a file for UTF-16, ZIP and other binary content.
constexpr std::size_t sniff_bytes = 1024;
/// The longest signature looked for (.xls).
constexpr std::size_t signature_bytes = 8;
/// Longer lines are not copied into a Location (the caret display would be unreadable).
constexpr std::size_t max_shown_line = 4096;
/// Zeroed bytes kept after the data so that a 64-byte window may start anywhere in it.
constexpr std::size_t padding = 64;

enum class Step { done, need_more, end };

/// Bit i set when w[i] is a byte the parser stops at: the delimiter, CR, LF or a quote.
/// (Inlined: as a call it cost a tenth of the parse.)
[[gnu::always_inline]] inline std::uint64_t stop_bits(const char* w, char delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8(delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    std::uint64_t bits = 0;
    for (int k = 0; k < 4; ++k) {
        const __m128i v =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + std::ptrdiff_t{16} * k));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        bits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(hit))} << (16 * k);
    }
    return bits;
#else
    std::uint64_t bits = 0;
    for (int i = 0; i < 64; ++i) {
        const char c = w[i];
        if (c == delimiter || c == '\n' || c == '\r' || c == '"') bits |= std::uint64_t{1} << i;
    }
    return bits;
#endif
}

/// Finds stop bytes inside a quoted field through the bit mask of a 64-byte window kept
/// between calls (a shift and a count of trailing zeros, not a loop per byte). The `padding`
/// bytes after end must be readable zeros: then no stop is ever found past end.
class StopScanner {
  public:
    explicit StopScanner(char delimiter) : m_delimiter(delimiter) {}
    /// The first stop byte in [p, end), or end.
    const char* find(const char* p, const char* end) {
        if (m_window == nullptr || p < m_window || p - m_window >= 64) load(p);
        std::uint64_t bits = m_bits >> (p - m_window);
        while (bits == 0) {
            if (end - m_window <= 64) return end;
            load(m_window + 64);
            bits = m_bits;
            p = m_window;
        }
        return p + std::countr_zero(bits);
    }

  private:
    void load(const char* window) {
        m_window = window;
        m_bits = stop_bits(window, m_delimiter);
    }
    const char* m_window = nullptr;
    std::uint64_t m_bits = 0;
    char m_delimiter;
};

/// A location for the file as a whole (line 0).
Location whole_file(const std::string& file) {
    Location loc;
    loc.file = file;
    return loc;
}

bool is_line_break(char c) {
    return c == '\n' || c == '\r';
}

/// Line breaks (CRLF, LF or CR) in text.
std::size_t count_line_breaks(const char* p, const char* end) {
    std::size_t breaks = 0;
    for (; p != end; ++p) {
        if (*p == '\n') ++breaks;
        if (*p == '\r' && (p + 1 == end || p[1] != '\n')) ++breaks;
    }
    return breaks;
}

/// Start of a UTF-8 sequence cut short at the end of data[from, to), or `to` if none is.
std::size_t incomplete_tail(const char* data, std::size_t from, std::size_t to) {
    for (std::size_t i = to; i > from && to - i < 4; --i) {
        const auto c = static_cast<unsigned char>(data[i - 1]);
        if ((c & 0xC0) == 0x80) continue; // continuation byte: look further back
        if (c < 0xC0) return to;
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return to - (i - 1) < length ? i - 1 : to;
    }
    return to;
}

/// NULs at every other byte: UTF-16 text without a byte-order mark.
bool looks_like_utf16(std::string_view head) {
    const std::size_t n = std::min<std::size_t>(head.size(), 256) & ~std::size_t{1};
    std::size_t even_nuls = 0, odd_nuls = 0;
    for (std::size_t i = 0; i < n; ++i)
        (i % 2 == 0 ? even_nuls : odd_nuls) += head[i] == '\0' ? 1 : 0;
    const std::size_t half = n / 2;
    return n >= 2 &&
           ((odd_nuls * 2 >= half && even_nuls == 0) || (even_nuls * 2 >= half && odd_nuls == 0));
}

void check_options(const CsvOptions& options) {
    const char d = options.delimiter;
    if (d == '"' || d == '\n' || d == '\r' || d == '\0')
        throw std::invalid_argument("CSV delimiter cannot be a quote, a line break or NUL");
    const CsvLimits& l = options.limits;
    if (options.block_bytes == 0 || l.max_field_bytes == 0 || l.max_columns == 0 ||
        l.max_record_bytes == 0)
        throw std::invalid_argument("CSV block size and limits must be positive");
}

} // namespace

struct CsvReader::Impl {
    struct Escaped {
        std::size_t field, offset, length; // a field unescaped into the arena
    };

    // Source: a file descriptor, or text when fd < 0.
    std::string file;
    CsvOptions options;
    int fd = -1;
    bool owns_fd = false;
    std::string text;
    std::size_t text_pos = 0;
    bool eof = false;
    bool started = false;

    // buf[0, size) holds bytes read; the current record starts at rec.
    std::unique_ptr<char[]> buf;
    std::size_t capacity = 0, size = 0, rec = 0, next_rec = 0;
    std::size_t validated = 0; // [0, validated) was checked for UTF-8 and NUL
    std::size_t bad = none;    // the first invalid UTF-8 or NUL byte seen
    int line = 1;              // physical line on which the next record starts
    int rec_line = 0;
    std::size_t breaks = 0; // line breaks inside quoted fields of the record being parsed

    std::vector<std::size_t> starts; // first byte of each field, from rec
    std::string arena;
    std::vector<Escaped> escaped;

    Impl(std::string name, CsvOptions opts) : file(std::move(name)), options(opts) {
        check_options(options);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (owns_fd) ::close(fd);
    }

    bool next(std::vector<std::string_view>& fields);
    Location location_at(std::size_t offset) const;

  private:
    void start();
    void sniff(std::string_view head) const;
    void refill();
    std::size_t read_source(char* dst, std::size_t n);
    void reserve(std::size_t n);
    void validate();
    Step parse(std::vector<std::string_view>& fields);
    std::size_t open_cells(std::vector<std::string_view>& fields);
    std::size_t grow_cells(std::vector<std::string_view>& fields);
    bool scan_quoted(const char*& p, const char* end, std::size_t index, std::string_view& value);
    void unescape(const char* p, const char* end, std::size_t index);
    Step end_record(const char* p, const char* end);
    void finish(std::vector<std::string_view>& fields);
    void reset_record();
    void check_field_size(const char* field, std::size_t length) {
        if (length > options.limits.max_field_bytes) fail_field_too_long(field);
    }
    [[noreturn]] void fail_field_too_long(const char* field);
    [[noreturn]] void fail_at(const char* p, std::string message);
    [[noreturn]] void fail_encoding(std::size_t offset);
    [[noreturn]] void fail_record_too_long() const;
    [[noreturn]] void fail_file(std::string message) const;
};

// ---- reading -------------------------------------------------------------------------------

bool CsvReader::Impl::next(std::vector<std::string_view>& fields) {
    if (!started) start();
    rec = next_rec;
    rec_line = line;
    for (;;) {
        const Step step = parse(fields);
        if (step == Step::done) {
            finish(fields);
            return true;
        }
        if (step == Step::end) {
            fields.clear();
            starts.clear();
            return false;
        }
        if (size - rec > options.limits.max_record_bytes) fail_record_too_long();
        if (eof) throw std::logic_error("CSV reader: record incomplete at end of input");
        refill();
    }
}

void CsvReader::Impl::start() {
    started = true;
    // A whole block unless the input is shorter; tests' tiny blocks still get the signatures.
    while (size < signature_bytes && !eof)
        refill();
    sniff(std::string_view(buf.get(), std::min(size, sniff_bytes)));
    if (size >= 3 && std::memcmp(buf.get(), "\xEF\xBB\xBF", 3) == 0) next_rec = 3;
}

void CsvReader::Impl::sniff(std::string_view head) const {
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
        fail_file("file is UTF-16; export it as UTF-8 CSV");
    if (head.starts_with(std::string_view("PK\x03\x04", 4)))
        fail_file("this is a ZIP/.xlsx file, not CSV: export the sheet as CSV");
    if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        fail_file("this is an .xls (Excel 97-2003) file, not CSV: export the sheet as CSV");
    if (head.find('\0') != none) {
        if (looks_like_utf16(head)) fail_file("file is UTF-16; export it as UTF-8 CSV");
        fail_file("binary file, not CSV");
    }
}

/// Moves the current record to the front of the buffer and appends at least a block. A record
/// that keeps growing doubles the read, so parsing it again after each read stays linear.
void CsvReader::Impl::refill() {
    const std::size_t keep = size - rec;
    if (rec > 0) {
        std::memmove(buf.get(), buf.get() + rec, keep);
        validated = validated > rec ? validated - rec : 0;
        if (bad != none) bad -= rec;
        next_rec = next_rec > rec ? next_rec - rec : 0;
        rec = 0;
        size = keep;
    }
    const std::size_t want = std::max(options.block_bytes, keep);
    reserve(keep + want);
    const std::size_t got = read_source(buf.get() + keep, want);
    size = keep + got;
    std::memset(buf.get() + size, 0, padding);
    eof = got < want;
    validate();
}

std::size_t CsvReader::Impl::read_source(char* dst, std::size_t n) {
    if (fd < 0) {
        const std::size_t got = std::min(n, text.size() - text_pos);
        std::memcpy(dst, text.data() + text_pos, got);
        text_pos += got;
        return got;
    }
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::read(fd, dst + got, n - got);
        if (r == 0) break;
        if (r < 0) {
            if (errno == EINTR) continue;
            throw Error(ExitCode::os, whole_file(file),
                        fmt::format("cannot read '{}': {}", file, std::strerror(errno)));
        }
        got += static_cast<std::size_t>(r);
    }
    return got;
}

void CsvReader::Impl::reserve(std::size_t n) {
    if (n <= capacity) return;
    // new char[] leaves the bytes uninitialised: no cost for the part not yet read.
    std::unique_ptr<char[]> bigger(new char[n + padding]);
    if (size > 0) std::memcpy(bigger.get(), buf.get(), size);
    buf = std::move(bigger);
    capacity = n;
}

/// Checks the bytes read since the last call; a sequence cut by the end of the block waits for
/// the next one. Only the first problem is kept: it ends the run.
void CsvReader::Impl::validate() {
    if (bad != none) return;
    const std::size_t cut = eof ? size : incomplete_tail(buf.get(), validated, size);
    std::string_view fresh(buf.get() + validated, cut - validated);
    const std::size_t nul = fresh.find('\0');
    if (nul != none) fresh = fresh.substr(0, nul);
    const std::optional<std::size_t> invalid = first_invalid_utf8(fresh);
    if (invalid)
        bad = validated + *invalid;
    else if (nul != none)
        bad = validated + nul;
    validated = cut;
}

// ---- parsing -------------------------------------------------------------------------------

Step CsvReader::Impl::parse(std::vector<std::string_view>& fields) {
    reset_record();
    const char* const begin = buf.get() + rec;
    const char* const end = buf.get() + size;
    if (begin == end) return eof ? Step::end : Step::need_more;
    const char delimiter = options.delimiter;
    // Limits in locals: the stores below (of size_t) might alias them, which would cost a
    // reload per cell.
    const std::size_t max_cells = options.limits.max_columns;
    const std::size_t max_field = options.limits.max_field_bytes;
    // Cells are written by index into fields and starts, which are kept at full size until the
    // record ends: push_back would store a vector's end to memory for every cell, and that
    // costs as much as scanning a one-digit answer.
    std::size_t n = 0, room = open_cells(fields);
    std::size_t limit = std::min(room, max_cells);
    std::string_view* cell = fields.data();
    std::size_t* start = starts.data();
    // The stop bytes of the 64-byte window at `window` as a bit mask, each bit cleared once
    // its byte is passed: the next stop is the lowest bit left, so an unquoted field costs a
    // count of trailing zeros and a few compares, with no branch per byte.
    const char* window = begin;
    std::uint64_t bits = stop_bits(window, delimiter);
    const char* p = begin; // the current field's first byte
    for (;;) {
        if (n == limit) {
            if (n == max_cells)
                fail_at(
                    p, fmt::format("record has more than {} cells (limit max_columns)", max_cells));
            room = grow_cells(fields);
            limit = std::min(room, max_cells);
            cell = fields.data();
            start = starts.data();
        }
        start[n] = static_cast<std::size_t>(p - begin);
        const char* stop = end;
        if (p != end && *p == '"') {
            if (!scan_quoted(p, end, n, cell[n])) return Step::need_more;
            // Resume the bit scan after the closing quote; the byte there (a delimiter or a
            // line break, or the end) is consumed below.
            stop = p;
            window = p;
            bits = stop_bits(window, delimiter) & ~std::uint64_t{1};
        } else {
            for (;;) {
                while (bits == 0 && window + 64 < end)
                    bits = stop_bits(window += 64, delimiter);
                if (bits == 0) break; // no stop before the end: the field runs to it
                stop = window + std::countr_zero(bits);
                bits &= bits - 1;
                if (*stop != '"') break; // a quote inside an unquoted field is text
                stop = end;
            }
            const auto length = static_cast<std::size_t>(stop - p);
            if (length > max_field) fail_field_too_long(p);
            cell[n] = std::string_view(p, length);
        }
        ++n;
        if (stop != end && *stop == delimiter) {
            p = stop + 1;
            continue;
        }
        if (stop == end && !eof) return Step::need_more;
        fields.resize(n);
        starts.resize(n);
        if (stop != end) return end_record(stop, end);
        next_rec = size; // the last line has no line ending
        return Step::done;
    }
}

/// Sizes fields and starts for parse(); returns that size. Room for a record like the last
/// one and half again: resize() writes every element it adds, so sizing to the capacity would
/// cost a caller who reserved much on every record.
std::size_t CsvReader::Impl::open_cells(std::vector<std::string_view>& fields) {
    const std::size_t room = std::max<std::size_t>(16, starts.size() + starts.size() / 2);
    fields.resize(room);
    starts.resize(room);
    return room;
}

std::size_t CsvReader::Impl::grow_cells(std::vector<std::string_view>& fields) {
    const std::size_t n = std::max<std::size_t>(16, 2 * fields.size());
    fields.resize(n);
    starts.resize(n);
    return n;
}

/// Parses the quoted field at p (its opening quote) into value, cell `index` of the record.
/// False when the buffer ends first.
bool CsvReader::Impl::scan_quoted(const char*& p, const char* end, std::size_t index,
                                  std::string_view& value) {
    // Inside quotes a delimiter is text: scanning with the quote as the "delimiter" stops at
    // quotes and line breaks only, so a comment full of commas is crossed in one step.
    StopScanner scanner('"'); // local: its state stays in registers
    const char* const open = p;
    const char* const content = p + 1;
    const char* q = content;
    std::size_t escapes = 0;
    bool has_break = false;
    for (;;) {
        q = scanner.find(q, end);
        if (q != end && *q != '"') { // a line break inside the quotes
            has_break = true;
            ++q;
            continue;
        }
        if (q == end || (q + 1 == end && !eof)) {
            // Fail at the limit without waiting for a closing quote that may never come.
            if (eof) fail_at(open, "unterminated quoted field starting here");
            check_field_size(open, static_cast<std::size_t>(q - content) - escapes);
            return false;
        }
        if (q + 1 == end || q[1] != '"') break;
        ++escapes;
        q += 2;
    }
    const char* after = q + 1;
    if (after != end && *after != options.delimiter && !is_line_break(*after))
        fail_at(after, "unexpected character after closing quote");
    check_field_size(open, static_cast<std::size_t>(q - content) - escapes);
    if (has_break) breaks += count_line_breaks(content, q);
    value = std::string_view(content, static_cast<std::size_t>(q - content));
    if (escapes > 0) unescape(content, q, index);
    p = after;
    return true;
}

/// Copies a quoted field's content with each "" made " into the arena; finish() points the
/// cell there once the arena has stopped growing.
void CsvReader::Impl::unescape(const char* p, const char* end, std::size_t index) {
    const std::size_t offset = arena.size();
    while (p != end) {
        const void* hit = std::memchr(p, '"', static_cast<std::size_t>(end - p));
        const char* quote = hit ? static_cast<const char*>(hit) : end;
        arena.append(p, quote);
        if (quote == end) break;
        arena.push_back('"');
        p = quote + 2; // the pair is well-formed: scan_quoted checked it
    }
    escaped.push_back({index, offset, arena.size() - offset});
}

/// p is at the CR or LF that ends the record.
Step CsvReader::Impl::end_record(const char* p, const char* end) {
    if (*p == '\r') {
        if (p + 1 == end && !eof) return Step::need_more; // CRLF split by the block end?
        if (p + 1 != end && p[1] == '\n') ++p;
    }
    next_rec = static_cast<std::size_t>(p + 1 - buf.get());
    return Step::done;
}

void CsvReader::Impl::finish(std::vector<std::string_view>& fields) {
    for (const Escaped& e : escaped)
        fields[e.field] = std::string_view(arena.data() + e.offset, e.length);
    if (next_rec - rec > options.limits.max_record_bytes) fail_record_too_long();
    if (bad != none && bad < next_rec) fail_encoding(bad);
    // A hostile file of 2^31 empty lines must not overflow the line number.
    if (breaks >= static_cast<std::size_t>(std::numeric_limits<int>::max() - line))
        fail_file("more than 2147483647 lines");
    line += static_cast<int>(1 + breaks);
}

void CsvReader::Impl::reset_record() {
    arena.clear();
    escaped.clear();
    breaks = 0;
}

// ---- diagnostics ---------------------------------------------------------------------------

void CsvReader::Impl::fail_field_too_long(const char* field) {
    fail_at(field, fmt::format("field is longer than {} bytes (limit max_field_bytes)",
                               options.limits.max_field_bytes));
}

/// Scans the current record from its start (always the start of a physical line).
Location CsvReader::Impl::location_at(std::size_t offset) const {
    const char* b = buf.get();
    int line_no = rec_line;
    std::size_t line_start = rec;
    for (std::size_t i = rec; i < offset; ++i) {
        if (!is_line_break(b[i])) continue;
        if (b[i] == '\r' && i + 1 < offset && b[i + 1] == '\n') ++i;
        ++line_no;
        line_start = i + 1;
    }
    std::size_t line_end = line_start;
    while (line_end < size && !is_line_break(b[line_end]))
        ++line_end;
    const std::string_view shown(b + line_start, line_end - line_start);
    Location loc{file, line_no, char_column(shown, offset - line_start), {}};
    if (shown.size() <= max_shown_line) loc.source_line = std::string(shown);
    return loc;
}

/// Reads on to the end of the line holding p (within reason) so that the error shows it whole.
void CsvReader::Impl::fail_at(const char* p, std::string message) {
    const auto from_rec = static_cast<std::size_t>(p - buf.get()) - rec; // refill moves rec
    const auto line_end_read = [&] {
        const char* from = buf.get() + rec + from_rec;
        const char* end = buf.get() + size;
        return std::find_if(from, end, is_line_break) != end;
    };
    while (!eof && !line_end_read() && size - rec - from_rec < max_shown_line)
        refill();
    throw Error(ExitCode::input, location_at(rec + from_rec), std::move(message));
}

void CsvReader::Impl::fail_record_too_long() const {
    Location loc = location_at(rec);
    loc.col = 0;
    throw Error(ExitCode::input, std::move(loc),
                fmt::format("record is longer than {} bytes (limit max_record_bytes)",
                            options.limits.max_record_bytes));
}

void CsvReader::Impl::fail_encoding(std::size_t offset) {
    const auto byte = static_cast<unsigned char>(buf[offset]);
    if (byte == 0) fail_at(buf.get() + offset, "NUL byte: this is binary data, not CSV text");
    const std::string_view record(buf.get() + rec, next_rec - rec);
    if (looks_like_latin1(record))
        fail_at(buf.get() + offset,
                fmt::format("invalid UTF-8 (byte 0x{:02X}); the file looks like Latin-1 or "
                            "Windows-1252: re-save the file as UTF-8",
                            byte));
    fail_at(buf.get() + offset,
            fmt::format("invalid UTF-8 (byte 0x{:02X}): CSV files must be UTF-8", byte));
}

void CsvReader::Impl::fail_file(std::string message) const {
    throw Error(ExitCode::input, whole_file(file), std::move(message));
}

// ---- CsvReader -----------------------------------------------------------------------------

CsvReader CsvReader::open_file(const std::string& path, CsvOptions options,
                               const std::string& display) {
    if (path == "-") {
        auto impl = std::make_unique<Impl>("<stdin>", options);
        impl->fd = STDIN_FILENO;
        return CsvReader(std::move(impl));
    }
    const std::string& name = display.empty() ? path : display;
    auto impl = std::make_unique<Impl>(name, options);
    impl->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (impl->fd < 0)
        throw Error(ExitCode::os, whole_file(name),
                    fmt::format("cannot open '{}': {}", name, std::strerror(errno)));
    impl->owns_fd = true;
    // A folder opens but cannot be read: refuse it as the YAML loader does (input, exit 3).
    // Named pipes and devices are read as streams (`survey-diff <(zcat wave.csv.gz) ...`).
    struct stat st {};
    if (::fstat(impl->fd, &st) == 0 && S_ISDIR(st.st_mode))
        throw Error(ExitCode::input, whole_file(name), "a folder, not a file");
    ::posix_fadvise(impl->fd, 0, 0, POSIX_FADV_SEQUENTIAL); // a hint; failure is harmless
    return CsvReader(std::move(impl));
}

CsvReader CsvReader::from_string(std::string display_name, std::string text, CsvOptions options) {
    auto impl = std::make_unique<Impl>(std::move(display_name), options);
    impl->text = std::move(text);
    return CsvReader(std::move(impl));
}

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

bool CsvReader::next(std::vector<std::string_view>& fields) {
    return m_impl->next(fields);
}
int CsvReader::record_line() const {
    return m_impl->rec_line;
}
const std::string& CsvReader::file_name() const {
    return m_impl->file;
}
char CsvReader::delimiter() const {
    return m_impl->options.delimiter;
}

Location CsvReader::field_location(std::size_t i) const {
    if (i >= m_impl->starts.size()) return record_location();
    return m_impl->location_at(m_impl->rec + m_impl->starts[i]);
}

Location CsvReader::record_location() const {
    Location loc = m_impl->location_at(m_impl->rec);
    loc.col = 0;
    return loc;
}

bool CsvReader::field_quoted(std::size_t i) const {
    return i < m_impl->starts.size() && m_impl->buf[m_impl->rec + m_impl->starts[i]] == '"';
}

} // namespace delight::io
