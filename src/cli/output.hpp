#pragma once
// Where and how a command's output goes: format, width, colour, stdout or an atomic file.
#include "command.hpp"
#include "delight/diagnostic.hpp"
#include "delight/render.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace delight::cli {

struct Output {
    render::Format format = render::Format::table;
    render::Style style;
    std::string path; ///< empty: stdout
};

/// Resolves -O/-o/-w/--color for a command that supports the given formats (the first is
/// the default). An unsupported format is a usage error (exit 2).
Output resolve_output(const CommonOptions& common, const std::vector<render::Format>& allowed);

/// Writes the rendered output to stdout or, atomically, to the -o file.
void emit(const Output& out, std::string_view content);

/// Style for messages on stderr (colour only when stderr is a terminal, §4).
render::Style stderr_style(const CommonOptions& common);

void print_diagnostic(std::ostream& os, const Diagnostic& d, const render::Style& style);

/// Prints warnings to stderr unless -q.
void print_warnings(const Diagnostics& diags, const CommonOptions& common);

/// The name used on the command line for a format ("table", "json" …).
const char* format_name(render::Format f);

} // namespace delight::cli
