#pragma once
// Renderings of `delight plan` (PRODUCT.md §4.4).
#include "delight/pilot.hpp"
#include "delight/plan.hpp"
#include "delight/render.hpp"

#include <string>

namespace delight::render {

/// What a plan rendering shows: the plan, the pilot (and control) selection, and the columns
/// of the survey instrument when one was written.
struct PlanView {
    const Project* project = nullptr;
    const PlanResult* plan = nullptr;
    const PilotSelection* pilot = nullptr;
    std::vector<std::string> instrument_columns; ///< empty without --instrument
};

/// The Markdown view as blocks: "Overview" (the plan's heading line), each wave, later,
/// excluded, measure again, pilot and control accounts, instrument columns.
std::vector<Block> plan_blocks(const PlanView& v);

/// Tables: each wave with its actions and each function's load, later, excluded, measure
/// again, pilot and control accounts.
std::string plan_text(const PlanView& v, const Style& style);
/// A plan a client can receive: waves with dates, owners, measures and targets, the pilot and
/// control lists.
std::string plan_markdown(const PlanView& v);
/// One row per action, importable into trackers.
std::string plan_csv(const PlanView& v, const Style& style);
/// §4.4 JSON.
std::string plan_json(const PlanView& v);
/// The same content as a generated YAML file (§3.7: a header says it is generated).
std::string plan_yaml(const PlanView& v);

} // namespace delight::render
