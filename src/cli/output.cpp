#include "output.hpp"
#include "inputs.hpp"

#include "delight/atomic_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sys/ioctl.h>
#include <unistd.h>

namespace delight::cli {
namespace {

struct FormatName {
    render::Format format;
    const char* name;
};
constexpr FormatName format_names[] = {
    {render::Format::table, "table"},   {render::Format::markdown, "markdown"},
    {render::Format::csv, "csv"},       {render::Format::json, "json"},
    {render::Format::yaml, "yaml"},     {render::Format::html, "html"},
    {render::Format::github, "github"}, {render::Format::gitlab, "gitlab"}};

bool color_allowed(const CommonOptions& common, int fd) {
    if (common.color == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    if (common.color == "always") return true;
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) return false;
    return ::isatty(fd) == 1;
}

int terminal_width(const CommonOptions& common) {
    if (common.width > 0) return common.width;
    if (const char* env = std::getenv("COLUMNS")) {
        char* end = nullptr;
        long v = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && v >= 20 && v <= 1000) return static_cast<int>(v);
    }
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

std::optional<render::Format> format_from_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".md" || ext == ".markdown") return render::Format::markdown;
    if (ext == ".csv") return render::Format::csv;
    if (ext == ".json") return render::Format::json;
    if (ext == ".yaml" || ext == ".yml") return render::Format::yaml;
    if (ext == ".html" || ext == ".htm") return render::Format::html;
    if (ext == ".txt") return render::Format::table;
    return std::nullopt;
}

std::string names_of(const std::vector<render::Format>& formats) {
    std::string s;
    for (render::Format f : formats)
        s += (s.empty() ? "" : "|") + std::string(format_name(f));
    return s;
}

} // namespace

const char* format_name(render::Format f) {
    for (const auto& fn : format_names)
        if (fn.format == f) return fn.name;
    return "?";
}

Output resolve_output(const CommonOptions& common, const std::vector<render::Format>& allowed) {
    Output out;
    // -o is a path the user typed: relative to -C DIR like every other (docs/cli.md).
    out.path =
        common.output.empty() || common.output == "-" ? "" : user_path(common, common.output);
    out.format = allowed.front();
    if (!common.format.empty()) {
        bool found = false;
        for (const auto& fn : format_names)
            if (common.format == fn.name &&
                std::find(allowed.begin(), allowed.end(), fn.format) != allowed.end()) {
                out.format = fn.format;
                found = true;
            }
        if (!found)
            throw Error(ExitCode::usage, Location{},
                        fmt::format("unsupported format '{}' for this command; use {}",
                                    common.format, names_of(allowed)));
    } else if (!out.path.empty()) {
        auto f = format_from_extension(out.path);
        if (f && std::find(allowed.begin(), allowed.end(), *f) != allowed.end()) out.format = *f;
    }
    out.style.width = terminal_width(common);
    out.style.color = out.path.empty() && out.format == render::Format::table &&
                      color_allowed(common, STDOUT_FILENO);
    out.style.raw_csv = common.raw_csv;
    return out;
}

void emit(const Output& out, std::string_view content) {
    if (out.path.empty()) {
        std::fwrite(content.data(), 1, content.size(), stdout);
        std::fflush(stdout);
        return;
    }
    io::write_file_atomic(out.path, content);
}

render::Style stderr_style(const CommonOptions& common) {
    render::Style s;
    s.color = color_allowed(common, STDERR_FILENO);
    return s;
}

void print_diagnostic(std::ostream& os, const Diagnostic& d, const render::Style& style) {
    os << render::diagnostic_text(d, style.color);
}

void print_warnings(const Diagnostics& diags, const CommonOptions& common) {
    if (common.quiet) return;
    render::Style style = stderr_style(common);
    for (const Diagnostic& d : diags.items())
        if (d.severity == Severity::warning) print_diagnostic(std::cerr, d, style);
}

} // namespace delight::cli
