#pragma once
// State shared by the parts of the project loader (internal to io/).
#include "delight/model.hpp"
#include "delight/project.hpp"
#include "delight/text.hpp"
#include "delight/yaml_tree.hpp"
#include "field_reader.hpp"

#include <deque>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace delight::io {

/// A reference to check once every list is loaded (expectation ids are known only then).
struct PendingRef {
    enum class Target { expectation, account, function };
    Target target;
    std::string id;
    Location loc;
    std::string context; ///< e.g. "after", "evidence"
};

struct LoadContext {
    const ProjectLocation& where;
    Diagnostics& diags;
    Project& project;
    std::deque<YamlDocument> documents; ///< every parsed file; nodes point into them
    std::vector<PendingRef> refs;
    /// A hash set of one of the project's id lists (touchpoints, functions, competitors),
    /// built on first use; the lists must not change afterwards.
    const std::unordered_set<std::string>& known_ids(const std::vector<std::string>& list) {
        auto it = id_indexes.find(&list);
        if (it == id_indexes.end())
            it =
                id_indexes.emplace(&list, std::unordered_set<std::string>(list.begin(), list.end()))
                    .first;
        return it->second;
    }
    std::map<const std::vector<std::string>*, std::unordered_set<std::string>> id_indexes;
    /// How many more "did you mean" searches over long id lists this load may make: each
    /// compares the name with every id, so a hostile file of many unknown references would
    /// make check quadratic. Past the budget, unknown ids are still reported, unsuggested.
    int suggestion_budget = 200;

    std::string suggest(const std::string& id, const std::vector<std::string>& list) {
        if (list.size() > 64 && suggestion_budget-- <= 0) return "";
        return suggestion_suffix(id, list);
    }
};

/// One item of a list section with the document it came from.
struct ListItem {
    const YamlDocument* doc;
    const YamlNode* node;
};

/// Reads a list section of delight.yaml (inline, a path or glob, or a list of them; YAML or
/// CSV) into items. csv_known lists the field names a CSV header may use.
std::vector<ListItem> load_list_section(LoadContext& ctx, const YamlDocument& doc,
                                        const YamlNode& section, std::string_view key,
                                        const std::vector<std::string>& csv_known,
                                        std::vector<std::string>& files);

void load_expectations(LoadContext& ctx, const std::vector<ListItem>& items);
void load_accounts(LoadContext& ctx, const std::vector<ListItem>& items);
void load_evidence(LoadContext& ctx, const std::vector<ListItem>& items);
void load_prompts(LoadContext& ctx, const std::vector<ListItem>& items);

void load_survey(LoadContext& ctx, FieldReader& top);
void load_priority(LoadContext& ctx, FieldReader& top);
void load_plan(LoadContext& ctx, FieldReader& top);
void load_report(LoadContext& ctx, FieldReader& top);

/// Duplicates, references between lists, and the warnings of check.
void check_references(LoadContext& ctx);

/// Field names of each list item kind (also the CSV header names).
extern const std::vector<std::string> expectation_keys;
extern const std::vector<std::string> account_keys;
extern const std::vector<std::string> evidence_keys;
extern const std::vector<std::string> prompt_keys;

} // namespace delight::io
