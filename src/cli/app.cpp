#include "command.hpp"
#include "delight/atomic_file.hpp"
#include "delight/diagnostic.hpp"
#include "delight/text.hpp"
#include "output.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace delight::cli {
namespace {

constexpr Registrar registry[] = {register_gap,         register_prioritize, register_brainstorm,
                                  register_check,       register_init,       register_schema,
                                  register_survey_diff, register_plan,       register_report,
                                  register_completion};

void declare_common(CLI::App& app, CommonOptions& o) {
    app.add_option("-C", o.directory, "Run as if started in DIR (project discovery starts there)")
        ->type_name("DIR");
    app.add_option("--project", o.project_file, "Use this delight.yaml instead of discovering one")
        ->type_name("FILE");
    app.add_option("-O,--format", o.format,
                   "Output format: table|markdown|csv|json (table on a terminal; some commands "
                   "add more)")
        ->type_name("FORMAT");
    app.add_option("-o,--output", o.output,
                   "Write to FILE atomically; its extension picks the format when -O is absent")
        ->type_name("FILE");
    app.add_option("-w,--width", o.width, "Table width (default: $COLUMNS, the terminal, or 80)")
        ->type_name("N")
        ->check(CLI::Range(20, 1000));
    app.add_option("--color", o.color, "Colour: auto|always|never (NO_COLOR and TERM=dumb disable)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", o.quiet, "Print only data and errors; no warnings or notes");
    app.add_flag("--raw-csv", o.raw_csv,
                 "Do not neutralise spreadsheet formulas in CSV output (=, +, -, @)");
}

/// The first word that is not an option or an option's value: the command the user typed.
/// CLI11 would print the general help for `delight typo --help` and exit 0; we say what is
/// wrong instead.
std::string typed_command(int argc, char** argv) {
    static const std::vector<std::string> with_value = {
        "-C", "--project", "-O", "--format", "-o", "--output", "-w", "--width", "--color"};
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") return "";
        if (std::find(with_value.begin(), with_value.end(), arg) != with_value.end()) {
            ++i;
            continue;
        }
        if (!arg.empty() && arg[0] != '-') return arg;
    }
    return "";
}

} // namespace

int run(int argc, char** argv) {
    io::install_signal_cleanup();
    // A file-size limit must fail the write (EFBIG → exit 4, old file intact), not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"delight — from satisfied customers to delighted ones: brainstorm, gap, "
                 "prioritize, plan and survey-diff on an audit kept in git.",
                 "delight"};
    app.set_version_flag("-V,--version", "delight " DELIGHT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    CommonOptions common;
    declare_common(app, common);
    Action selected;
    for (Registrar reg : registry)
        reg(app, common, selected);
    app.footer("Run 'delight COMMAND --help' for a command's options. Exit codes: 0 done, "
               "1 a --fail-on gate tripped, 2 usage, 3 invalid input, 4 file system, 130 "
               "interrupted (143 terminated, 129 hung up).");
    std::string typed = typed_command(argc, argv);
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({}))
        names.push_back(sub->get_name());
    if (!typed.empty() && std::find(names.begin(), names.end(), typed) == names.end()) {
        std::cerr << "delight: error: unknown command '" << typed << "'"
                  << suggestion_suffix(typed, names) << "\nRun 'delight --help' for usage.\n";
        return static_cast<int>(ExitCode::usage);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses codes 100+; every usage problem is exit 2 (PRODUCT.md §5), and says so
        // in our own message layout.
        std::cerr << "delight: error: " << e.what() << "\nRun 'delight --help' for usage.\n";
        return static_cast<int>(ExitCode::usage);
    }
    try {
        return selected ? selected() : 0;
    } catch (const Error& e) {
        print_diagnostic(std::cerr, e.diagnostic(), stderr_style(common));
        return static_cast<int>(e.code());
    }
}

} // namespace delight::cli
