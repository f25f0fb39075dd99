#pragma once
// The command layer: each subcommand lives in its own cmd_*.cpp and registers itself here.
#include "delight/priority.hpp"
#include "delight/render.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace delight::cli {

/// Options every command understands (PRODUCT.md §4 "Common options"). They are declared on
/// the top-level app and fall through to subcommands, so `delight -C x check` and
/// `delight check -C x` both work.
struct CommonOptions {
    std::string directory;    ///< -C DIR: start project discovery there
    std::string project_file; ///< --project FILE: use this delight.yaml
    std::string format;       ///< -O/--format
    std::string output;       ///< -o/--output FILE (atomic)
    int width = 0;            ///< -w/--width; 0 = $COLUMNS, the terminal, or 80
    std::string color = "auto";
    bool quiet = false;
    bool raw_csv = false;
};

/// What a registered command runs after parsing; returns the exit code.
using Action = std::function<int()>;

/// Adds one subcommand to app. `selected` is set to its action when it is chosen.
using Registrar = void (*)(CLI::App& app, const CommonOptions& common, Action& selected);

void register_gap(CLI::App&, const CommonOptions&, Action&);
void register_prioritize(CLI::App&, const CommonOptions&, Action&);
void register_brainstorm(CLI::App&, const CommonOptions&, Action&);
void register_brainstorm_add(CLI::App& brainstorm, const CommonOptions&, Action&);
void register_brainstorm_import(CLI::App& brainstorm, const CommonOptions&, Action&);
void register_check(CLI::App&, const CommonOptions&, Action&);
void register_init(CLI::App&, const CommonOptions&, Action&);
void register_schema(CLI::App&, const CommonOptions&, Action&);
void register_survey_diff(CLI::App&, const CommonOptions&, Action&);
void register_plan(CLI::App&, const CommonOptions&, Action&);
void register_report(CLI::App&, const CommonOptions&, Action&);
void register_completion(CLI::App&, const CommonOptions&, Action&);

/// prioritize()'s ranking, or an input error (exit 3) naming every expectation that lacks what
/// the method needs. Shared by prioritize and plan.
PriorityResult rank_or_refuse(const Project& project, bool all);

/// Runs the program; the whole of main().
int run(int argc, char** argv);

} // namespace delight::cli
