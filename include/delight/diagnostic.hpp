#pragma once
// Diagnostics: every problem in an input names file, line and column (PRODUCT.md §5).
#include <stdexcept>
#include <string>
#include <vector>

namespace delight {

/// A place in an input file. line and col are 1-based; 0 means "does not apply"
/// (line 0: the whole file; col 0: the whole line). col counts characters, not bytes.
struct Location {
    std::string file;
    int line = 0;
    int col = 0;
    /// The text of the physical line (without its line ending), for the caret display;
    /// empty when unknown.
    std::string source_line;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    Location loc;
    std::string message;
};

/// Process exit codes (PRODUCT.md §5).
enum class ExitCode : int {
    ok = 0,
    gate = 1,  ///< a --fail-on gate tripped
    usage = 2, ///< wrong command-line usage
    input = 3, ///< invalid input: syntax, schema, reference, CSV shape
    os = 4,    ///< the operating system refused a read or write
    interrupted = 130,
};

/// The one exception type that crosses the io -> cli boundary (ccache style):
/// main() catches it, prints the diagnostic and exits with its code.
class Error : public std::runtime_error {
  public:
    Error(ExitCode code, Diagnostic diagnostic)
        : std::runtime_error(diagnostic.message), m_code(code),
          m_diagnostic(std::move(diagnostic)) {}
    Error(ExitCode code, Location loc, std::string message)
        : Error(code, Diagnostic{Severity::error, std::move(loc), std::move(message)}) {}
    ExitCode code() const { return m_code; }
    const Diagnostic& diagnostic() const { return m_diagnostic; }

  private:
    ExitCode m_code;
    Diagnostic m_diagnostic;
};

/// Collects diagnostics so that `check` can report every problem.
class Diagnostics {
  public:
    void error(Location loc, std::string message) {
        m_items.push_back({Severity::error, std::move(loc), std::move(message)});
    }
    void warning(Location loc, std::string message) {
        m_items.push_back({Severity::warning, std::move(loc), std::move(message)});
    }
    void add(Diagnostic d) { m_items.push_back(std::move(d)); }
    const std::vector<Diagnostic>& items() const { return m_items; }
    bool has_errors() const {
        for (const auto& d : m_items)
            if (d.severity == Severity::error) return true;
        return false;
    }
    /// The first error, if any (commands other than `check` stop at it).
    const Diagnostic* first_error() const {
        for (const auto& d : m_items)
            if (d.severity == Severity::error) return &d;
        return nullptr;
    }

  private:
    std::vector<Diagnostic> m_items;
};

} // namespace delight
