// The summary of `delight brainstorm import`: one line per note and the totals.
#include "delight/render_import.hpp"

#include <fmt/format.h>

namespace delight::render {
namespace {

const char* outcome_name(NoteOutcome o) {
    switch (o) {
    case NoteOutcome::matched:
        return "matched";
    case NoteOutcome::added:
        return "added";
    case NoteOutcome::already_recorded:
        return "already recorded";
    case NoteOutcome::unplaced:
        return "could not place";
    }
    return "";
}

const char* match_name(MatchBy m) {
    switch (m) {
    case MatchBy::id:
        return "id";
    case MatchBy::text:
        return "text";
    case MatchBy::similarity:
        return "similarity";
    case MatchBy::none:
        return "";
    }
    return "";
}

std::string result_text(const NoteResult& r) {
    if (r.outcome != NoteOutcome::matched) return outcome_name(r.outcome);
    if (r.by == MatchBy::similarity) return "matched (similar " + fixed(r.similarity, 2) + ")";
    return r.by == MatchBy::id ? "matched (id)" : "matched (same text)";
}

Table summary_table(const std::vector<InterviewNote>& notes, const ImportPlan& plan) {
    Table t;
    t.columns = {{"line", Align::right, false},
                 {"account", Align::left, true},
                 {"result", Align::left, false},
                 {"id", Align::left, true},
                 {"expectation", Align::left, true}};
    for (std::size_t i = 0; i < notes.size() && i < plan.results.size(); ++i)
        t.rows.push_back({std::to_string(notes[i].loc.line), notes[i].account,
                          result_text(plan.results[i]), plan.results[i].expectation_id,
                          notes[i].expectation});
    return t;
}

std::size_t count(const ImportPlan& plan, NoteOutcome o) {
    std::size_t n = 0;
    for (const NoteResult& r : plan.results)
        n += r.outcome == o ? 1 : 0;
    return n;
}

} // namespace

std::string import_totals(const ImportPlan& plan) {
    return fmt::format("{} matched, {} added, {} already recorded, {} could not place ({} "
                       "note{})",
                       count(plan, NoteOutcome::matched), count(plan, NoteOutcome::added),
                       count(plan, NoteOutcome::already_recorded),
                       count(plan, NoteOutcome::unplaced), plan.results.size(),
                       plan.results.size() == 1 ? "" : "s");
}

std::string import_text(const std::vector<InterviewNote>& notes, const ImportPlan& plan,
                        const Style& style) {
    return table_text(summary_table(notes, plan), style) + "\n" + import_totals(plan) + "\n";
}

std::string import_markdown(const std::vector<InterviewNote>& notes, const ImportPlan& plan) {
    return table_markdown(summary_table(notes, plan)) + "\n" + import_totals(plan) + "\n";
}

std::string import_csv(const std::vector<InterviewNote>& notes, const ImportPlan& plan,
                       const Style& style) {
    Table t;
    for (const char* h : {"line", "account", "expectation", "result", "match", "similarity", "id"})
        t.columns.push_back({h, Align::left, false});
    for (std::size_t i = 0; i < notes.size() && i < plan.results.size(); ++i) {
        const NoteResult& r = plan.results[i];
        t.rows.push_back({std::to_string(notes[i].loc.line), notes[i].account, notes[i].expectation,
                          outcome_name(r.outcome), match_name(r.by),
                          r.by == MatchBy::similarity ? fixed(r.similarity, 2) : "",
                          r.expectation_id});
    }
    return table_csv(t, style);
}

std::string import_json(const std::vector<InterviewNote>& notes, const ImportPlan& plan) {
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["rows"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < notes.size() && i < plan.results.size(); ++i) {
        const NoteResult& r = plan.results[i];
        nlohmann::ordered_json row;
        row["line"] = notes[i].loc.line;
        row["account"] = notes[i].account;
        row["expectation"] = notes[i].expectation;
        std::string result = outcome_name(r.outcome);
        for (char& c : result)
            c = c == ' ' ? '-' : c;
        row["result"] = result;
        row["match"] = r.by == MatchBy::none ? nlohmann::ordered_json()
                                             : nlohmann::ordered_json(match_name(r.by));
        row["similarity"] =
            r.by == MatchBy::similarity ? nlohmann::ordered_json(r.similarity) : nullptr;
        row["id"] = r.expectation_id.empty() ? nlohmann::ordered_json()
                                             : nlohmann::ordered_json(r.expectation_id);
        root["rows"].push_back(std::move(row));
    }
    root["totals"] = {{"matched", count(plan, NoteOutcome::matched)},
                      {"added", count(plan, NoteOutcome::added)},
                      {"already_recorded", count(plan, NoteOutcome::already_recorded)},
                      {"could_not_place", count(plan, NoteOutcome::unplaced)}};
    return json_text(root);
}

} // namespace delight::render
