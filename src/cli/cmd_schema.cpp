// delight schema: the JSON Schema (draft-07) of delight.yaml, for editors and validators.
#include "command.hpp"
#include "delight/resources.hpp"
#include "output.hpp"

namespace delight::cli {

void register_schema(CLI::App& app, const CommonOptions& common, Action& selected) {
    CLI::App* cmd = app.add_subcommand(
        "schema", "Print the JSON Schema (draft-07) of delight.yaml, for editors and CI "
                  "validators.");
    cmd->footer("Format (-O): json only.\n\nExamples:\n  delight schema > delight.schema.json\n"
                "  delight schema -o delight.schema.json");
    cmd->callback([&common, &selected] {
        selected = [&common] {
            Output out = resolve_output(common, {render::Format::json});
            emit(out, resource("schema.json").value_or("{}\n"));
            return 0;
        };
    });
}

} // namespace delight::cli
