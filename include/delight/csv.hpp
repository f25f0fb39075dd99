#pragma once
// Streaming CSV reader (RFC 4180 plus the tolerances of PRODUCT.md §5), used for CSV lists
// (§3.6) and for survey waves (§3.5, §4.5), which can be hundreds of MB.
#include "delight/diagnostic.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace delight::io {

/// Documented limits (docs/limits.md). A file past them is refused with exit 3.
struct CsvLimits {
    std::size_t max_field_bytes = 1 << 20; ///< one cell, after unquoting
    std::size_t max_columns = 4096;        ///< cells in one record
};

struct CsvOptions {
    char delimiter = ',';
    CsvLimits limits;
};

/// Reads records one at a time. Fields are views into the reader's buffer and stay valid
/// until the next call to next(). All structural problems (unbalanced quote, invalid UTF-8,
/// NUL bytes, UTF-16 or binary content such as an .xlsx renamed .csv, a field or record over
/// the limits) throw delight::Error with ExitCode::input and the physical line and column.
/// A file that cannot be opened or read throws ExitCode::os.
class CsvReader {
  public:
    /// Streams a file ("-" reads standard input).
    static CsvReader open_file(const std::string& path, CsvOptions options = {});
    /// Reads from memory; display_name is used in diagnostics.
    static CsvReader from_string(std::string display_name, std::string text,
                                 CsvOptions options = {});

    CsvReader(CsvReader&&) noexcept;
    CsvReader& operator=(CsvReader&&) noexcept;
    ~CsvReader();

    /// Reads the next record into fields; false at end of input. A UTF-8 BOM at the start is
    /// skipped; CRLF, LF and CR all end a record (outside quotes); a blank line is a record
    /// with one empty field.
    bool next(std::vector<std::string_view>& fields);

    /// Physical 1-based line on which the current record starts.
    int record_line() const;
    /// Location of field i of the current record (1-based line and character column of the
    /// field's first byte, with the source line's text).
    Location field_location(std::size_t i) const;
    /// Location of the current record (column 0).
    Location record_location() const;
    const std::string& file_name() const;

  private:
    struct Impl;
    explicit CsvReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// The header of a CSV file: reads header_rows records and returns the column names of the
/// first one (trimmed). Rejects an empty file, duplicate column names (citing both) and,
/// when the header has one column that contains another common delimiter (';', ',', tab),
/// says which `delimiter:` setting to use.
std::vector<std::string> read_header(CsvReader& reader, int header_rows = 1);

} // namespace delight::io
