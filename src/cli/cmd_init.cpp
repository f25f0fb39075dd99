// delight init [DIR]: scaffold a commented, valid project that `check` accepts.
#include "command.hpp"
#include "delight/atomic_file.hpp"
#include "delight/resources.hpp"
#include "output.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace delight::cli {
namespace {

/// A project name safe inside a double-quoted YAML scalar: the folder's name, quotes and
/// backslashes escaped, control characters dropped.
std::string project_name(const fs::path& dir) {
    std::string raw = fs::absolute(dir).lexically_normal().filename().string();
    if (raw.empty()) raw = "customer delight audit";
    std::string out;
    for (char c : raw) {
        if (static_cast<unsigned char>(c) < 0x20) continue;
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out.substr(0, 200);
}

int run_init(const CommonOptions& common, const std::string& dir_arg) {
    fs::path dir = dir_arg.empty() ? fs::path(".") : fs::path(dir_arg);
    std::error_code ec;
    for (const char* name : {"delight.yaml", "expectations.yaml"}) {
        if (fs::exists(dir / name, ec))
            throw Error(ExitCode::input, Location{(dir / name).string(), 0, 0, ""},
                        "already exists; init never overwrites a project");
    }
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ExitCode::os, Location{dir.string(), 0, 0, ""},
                    fmt::format("cannot create folder: {}", ec.message()));
    std::string yaml(resource("init-delight.yaml").value_or(""));
    yaml.replace(yaml.find("{{name}}"), 8, project_name(dir));
    io::write_file_atomic((dir / "delight.schema.json").string(),
                          resource("schema.json").value_or("{}\n"));
    io::write_file_atomic((dir / "expectations.yaml").string(),
                          resource("init-expectations.yaml").value_or(""));
    io::write_file_atomic((dir / "delight.yaml").string(), yaml);
    if (!common.quiet)
        std::cerr << fmt::format("delight: created {}/delight.yaml, expectations.yaml and "
                                 "delight.schema.json; next: delight -C {} check\n",
                                 dir.string(), dir.string());
    return 0;
}

} // namespace

void register_init(CLI::App& app, const CommonOptions& common, Action& selected) {
    auto dir = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "init", "Create a commented, valid project in DIR (default: the current folder): "
                "delight.yaml with the seven functions and common touchpoints, a starter "
                "catalogue, and the JSON Schema for editors.");
    cmd->add_option("DIR", *dir, "Folder for the new project (created if missing)");
    cmd->footer("Examples:\n  delight init\n  delight init audits/acme && delight -C "
                "audits/acme check");
    cmd->callback([&common, dir, &selected] {
        selected = [&common, dir] { return run_init(common, *dir); };
    });
}

} // namespace delight::cli
