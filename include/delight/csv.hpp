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
    /// Bytes of one record as stored (quotes and line endings included). It bounds the
    /// reader's memory: a record is held whole until the next call to next(), so without it
    /// max_columns fields of max_field_bytes each would be 4 GiB.
    std::size_t max_record_bytes = 16 << 20;
};

struct CsvOptions {
    char delimiter = ','; ///< any byte but '"', CR and LF; usually ',', ';' or '\t'
    CsvLimits limits;
    /// Bytes read from the file at a time. Tests make it tiny so that fields straddle blocks.
    /// 128 KiB keeps a block in the core's L2 cache while it is checked, split and decoded:
    /// reading a 109 MB survey wave took 0.17 s in 1 MiB blocks, 0.135 s in these.
    std::size_t block_bytes = 128 << 10;
};

/// Reads records one at a time. Fields are views into the reader's buffer and stay valid
/// until the next call to next(). All structural problems (unbalanced quote, invalid UTF-8,
/// NUL bytes, UTF-16 or binary content such as an .xlsx renamed .csv, a field or record over
/// the limits) throw delight::Error with ExitCode::input and the physical line and column.
/// A file that cannot be opened or read throws ExitCode::os. After an error the reader is
/// not to be used again. Memory is bounded by the limits whatever the input: the reader holds
/// one record (at most max_record_bytes) plus a block, and once its buffers have grown,
/// next() allocates nothing.
class CsvReader {
  public:
    /// Streams a file ("-" reads standard input, named "<stdin>" in diagnostics); diagnostics
    /// name it `display` when given (a path relative to the project), else by its path. Throws
    /// std::invalid_argument for options no file can satisfy (a delimiter of '"', CR or LF, a
    /// zero block size or limit).
    static CsvReader open_file(const std::string& path, CsvOptions options = {},
                               const std::string& display = "");
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
    /// Location of the current record (column 0). field_location(i) for i past the last field
    /// is the record's location too.
    Location record_location() const;
    /// Whether field i of the current record was written in quotes (so a delimiter in it was
    /// meant as text); false for i past the last field.
    bool field_quoted(std::size_t i) const;
    const std::string& file_name() const;
    char delimiter() const;

  private:
    struct Impl;
    explicit CsvReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// The header of a CSV file: reads header_rows records and returns the column names of the
/// first one (trimmed). Rejects an empty file, duplicate column names (citing both) and,
/// when the header has one column that contains another common delimiter (';', ',', tab),
/// says which `delimiter:` setting to use. Empty names (trailing unnamed columns that
/// spreadsheets export) are returned as "" and not checked for duplicates; a blank first row
/// is refused. header_rows must be at least 1 (std::invalid_argument otherwise).
std::vector<std::string> read_header(CsvReader& reader, int header_rows = 1);

} // namespace delight::io
