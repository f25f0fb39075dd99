// The prompt library (PRODUCT.md §4.1): resources/prompts.yaml is compiled into the binary and
// read here with the same positioned YAML reader and field checks as the project files.
#include "delight/prompt_library.hpp"
#include "delight/resources.hpp"
#include "delight/yaml_tree.hpp"
#include "field_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace delight::io {
namespace {

const std::vector<std::string> prompt_fields = {"text", "kind", "touchpoint", "function"};
const std::vector<std::string> kind_names = {"stated", "implied", "latent", "future"};

Prompt read_prompt(const YamlDocument& doc, const YamlNode& node, Diagnostics& diags) {
    FieldReader f(doc, node, diags, "prompt", prompt_fields);
    Prompt p;
    p.loc = f.where();
    if (!f.is_map()) return p; // reported by FieldReader
    p.text = f.text("text", Need::required).value_or("");
    if (auto k = f.choice("kind", kind_names)) {
        auto it = std::find(kind_names.begin(), kind_names.end(), *k);
        p.kind = static_cast<Kind>(it - kind_names.begin());
    }
    p.touchpoint = f.id("touchpoint").value_or("");
    p.function = f.id("function").value_or("");
    return p;
}

} // namespace

std::vector<Prompt> parse_prompts(std::string_view file, std::string_view yaml) {
    YamlDocument doc = parse_yaml(std::string(file), yaml);
    Diagnostics diags;
    std::vector<Prompt> prompts;
    if (!doc.empty && !doc.root.is_null()) {
        if (!doc.root.is_seq())
            throw Error(ExitCode::input, doc.at(doc.root),
                        fmt::format("expected a list of prompts, got {}", describe(doc.root)));
        for (const YamlNode& item : doc.root.items)
            prompts.push_back(read_prompt(doc, item, diags));
    }
    if (const Diagnostic* d = diags.first_error()) throw Error(ExitCode::input, *d);
    return prompts;
}

std::vector<Prompt> builtin_prompts() {
    std::optional<std::string_view> text = resource("prompts.yaml");
    if (!text) return {};
    return parse_prompts("<built-in>/prompts.yaml", *text);
}

bool is_english(std::string_view language) {
    if (language.size() < 2) return false;
    bool en = std::tolower(static_cast<unsigned char>(language[0])) == 'e' &&
              std::tolower(static_cast<unsigned char>(language[1])) == 'n';
    return en && (language.size() == 2 || language[2] == '-' || language[2] == '_');
}

PromptLibrary prompt_library(const Project& project, Diagnostics& warnings) {
    PromptLibrary library;
    library.project = project.prompts;
    if (is_english(project.language) || project.prompts.empty())
        library.builtin = builtin_prompts();
    if (!is_english(project.language) && project.prompts.empty())
        warnings.warning(Location{project.file, 0, 0, ""},
                         fmt::format("no prompts in language '{}'; using the built-in English "
                                     "prompts",
                                     project.language));
    return library;
}

} // namespace delight::io
