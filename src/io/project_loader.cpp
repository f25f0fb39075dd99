// Loads delight.yaml and every file it names into the model, collecting every problem.
#include "delight/project.hpp"

#include "delight/text.hpp"
#include "loader_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

namespace delight::io {
namespace {

const std::vector<std::string> top_keys = {
    "version",  "project",  "scale",   "touchpoints", "functions", "competitors", "expectations",
    "accounts", "evidence", "prompts", "survey",      "priority",  "plan",        "report"};

void read_header_sections(LoadContext& ctx, FieldReader& top) {
    Project& p = ctx.project;
    if (const YamlNode* v = top.get("version", Need::required)) {
        if (!(v->is_scalar() && v->plain && v->value == "1"))
            top.error(*v, v->is_scalar() && v->value == "1"
                              ? "version must be the number 1, not a string (remove the quotes)"
                              : fmt::format("unsupported version {}: this delight reads version 1",
                                            v->is_scalar() ? v->value : describe(*v)));
    }
    if (const YamlNode* proj = top.get("project", Need::required)) {
        FieldReader f(top.doc(), *proj, ctx.diags, "project",
                      {"name", "offering", "client", "language"});
        p.name = f.text("name", Need::required).value_or("");
        p.offering = f.text("offering").value_or("");
        p.client = f.text("client").value_or("");
        p.language = f.text("language", Need::optional, 35).value_or("en");
    }
    if (const YamlNode* s = top.get("scale")) {
        FieldReader f(top.doc(), *s, ctx.diags, "scale", {"min", "max"});
        auto lo = f.integer("min", -1000, 1000);
        auto hi = f.integer("max", -1000, 1000);
        if (lo) p.scale.min = static_cast<int>(*lo);
        if (hi) p.scale.max = static_cast<int>(*hi);
        if (p.scale.min >= p.scale.max) {
            f.error(*s,
                    fmt::format("scale min ({}) must be below max ({})", p.scale.min, p.scale.max));
            p.scale = Scale{};
        }
    }
}

/// touchpoints, functions, competitors: unique ids.
std::vector<std::string> id_section(LoadContext& ctx, FieldReader& top, std::string_view key,
                                    Need need) {
    std::vector<std::string> ids;
    std::unordered_map<std::string, int> first_line; // hashed: lists may be long
    const YamlNode* node = top.get(key, need);
    if (need == Need::required && node && node->is_seq() && node->items.empty())
        top.error(*node, fmt::format("'{}' must list at least one id", key));
    for (auto& [id, loc] : top.id_list(key)) {
        auto [it, inserted] = first_line.emplace(id, loc.line);
        if (!inserted) {
            ctx.diags.error(
                loc, fmt::format("duplicate {} '{}' (first at line {})", key, id, it->second));
            continue;
        }
        ids.push_back(id);
    }
    return ids;
}

void read_lists(LoadContext& ctx, FieldReader& top) {
    Project& p = ctx.project;
    const YamlDocument& doc = top.doc();
    if (const YamlNode* n = top.get("expectations", Need::required))
        load_expectations(ctx, load_list_section(ctx, doc, *n, "expectations", expectation_keys,
                                                 p.expectation_files));
    if (const YamlNode* n = top.get("accounts"))
        load_accounts(ctx,
                      load_list_section(ctx, doc, *n, "accounts", account_keys, p.account_files));
    if (const YamlNode* n = top.get("evidence"))
        load_evidence(ctx,
                      load_list_section(ctx, doc, *n, "evidence", evidence_keys, p.evidence_files));
    if (const YamlNode* n = top.get("prompts"))
        load_prompts(ctx, load_list_section(ctx, doc, *n, "prompts", prompt_keys, p.prompt_files));
}

} // namespace

Project load_project(const ProjectLocation& where, Diagnostics& diags) {
    Project project;
    project.directory = where.directory;
    project.file = display_path(where, "delight.yaml");
    LoadContext ctx{where, diags, project, {}, {}, {}, 200};
    try {
        std::string display =
            where.display_dir + std::filesystem::path(where.yaml_path).filename().string();
        project.file = display;
        YamlLimits limits;
        std::string name = std::filesystem::path(where.yaml_path).filename().string();
        ctx.documents.push_back(parse_yaml(
            display, read_project_file(where, name, display, limits.max_file_bytes), limits));
    } catch (const Error& e) {
        diags.add(e.diagnostic());
        return project;
    }
    const YamlDocument& doc = ctx.documents.front();
    if (doc.empty || doc.root.is_null()) {
        diags.error(Location{doc.file, 0, 0, ""},
                    "the project file is empty: it needs at least version, project, touchpoints, "
                    "functions and expectations (see 'delight init')");
        return project;
    }
    FieldReader top(doc, doc.root, diags, "delight.yaml", top_keys);
    if (!top.is_map()) return project;
    read_header_sections(ctx, top);
    project.touchpoints = id_section(ctx, top, "touchpoints", Need::required);
    project.functions = id_section(ctx, top, "functions", Need::required);
    project.competitors = id_section(ctx, top, "competitors", Need::optional);
    read_lists(ctx, top);
    load_survey(ctx, top);
    load_priority(ctx, top);
    load_plan(ctx, top);
    load_report(ctx, top);
    check_references(ctx);
    return project;
}

Project load_project_strict(const ProjectLocation& where, Diagnostics& warnings) {
    Diagnostics all;
    Project project = load_project(where, all);
    if (const Diagnostic* first = all.first_error()) throw Error(ExitCode::input, *first);
    for (const Diagnostic& d : all.items())
        warnings.add(d);
    return project;
}

} // namespace delight::io
