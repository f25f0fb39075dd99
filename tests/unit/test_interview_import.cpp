// Matching interview notes to the catalogue (src/core/interview_import.cpp, PRODUCT.md §4.1)
// and the date check of the notes reader (src/io/interview_notes.cpp).
#include "delight/interview_import.hpp"
#include "delight/interview_notes.hpp"
#include "delight/similarity.hpp"

#include <catch2/catch.hpp>

using namespace delight;

namespace {

Expectation expectation(std::string id, std::string text) {
    Expectation e;
    e.id = std::move(id);
    e.text = std::move(text);
    e.touchpoint = "billing";
    e.functions = {"finance"};
    return e;
}

InterviewNote note(std::string expectation, std::string quote, std::string touchpoint = "") {
    InterviewNote n;
    n.account = "ACC-1";
    n.date = "2027-02-01";
    n.expectation = std::move(expectation);
    n.quote = std::move(quote);
    n.touchpoint = std::move(touchpoint);
    if (!n.touchpoint.empty()) n.functions = {"finance"};
    return n;
}

/// Applies a plan to the project, as writing the files and loading them again would.
void apply(Project& p, const ImportPlan& plan) {
    for (const Expectation& e : plan.new_expectations)
        p.expectations.push_back(e);
    for (const Evidence& ev : plan.new_evidence)
        p.evidence.push_back(ev);
}

} // namespace

TEST_CASE("import: id, same text, similar text, added, unplaced", "[interview-import]") {
    Project p;
    p.expectations = {expectation("invoices-accurate", "Invoices are accurate and on time")};
    std::vector<InterviewNote> notes = {
        note("invoices-accurate", "q1"),
        note("INVOICES are accurate and on time ", "q2"),
        note("Invoices accurate and on time", "q3"),
        note("A named contact for escalations", "q4", "billing"),
        note("A named contact for our escalations", "q5"),
        note("Something else entirely", "q6"),
    };
    ImportPlan plan = plan_interview_import(p, notes, near_duplicate_threshold);
    REQUIRE(plan.results.size() == 6);
    CHECK(plan.results[0].by == MatchBy::id);
    CHECK(plan.results[1].by == MatchBy::text);
    CHECK(plan.results[2].by == MatchBy::similarity);
    CHECK(plan.results[2].similarity >= near_duplicate_threshold);
    CHECK(plan.results[3].outcome == NoteOutcome::added);
    CHECK(plan.results[3].expectation_id == "a-named-contact-for-escalations");
    CHECK(plan.results[4].outcome == NoteOutcome::matched); // matches the one just added
    CHECK(plan.results[4].expectation_id == "a-named-contact-for-escalations");
    CHECK(plan.results[5].outcome == NoteOutcome::unplaced);
    REQUIRE(plan.new_expectations.size() == 1);
    CHECK(plan.new_expectations[0].source == "interview");
    CHECK(plan.new_evidence.size() == 5);
    // A second run over the result adds nothing.
    apply(p, plan);
    ImportPlan again = plan_interview_import(p, notes, near_duplicate_threshold);
    CHECK(again.new_expectations.empty());
    CHECK(again.new_evidence.empty());
    CHECK(again.results[5].outcome == NoteOutcome::unplaced);
}

TEST_CASE("import: idempotent when a later expectation matches better", "[interview-import]") {
    // Run 1: the first note matches the old expectation by similarity; the second adds a new
    // expectation whose text is closer to the first note. Run 2 would now match the first
    // note to the new one — its evidence is recorded for the old one, which its text still
    // matches, so nothing is added.
    Project p;
    p.expectations = {expectation("eta", "Technician arrival time is texted to our customers")};
    std::vector<InterviewNote> notes = {
        note("Customers get a text with the technician arrival time", "q1"),
        note("Customers get a text with the technician arrival time, his name and photo", "q2",
             "billing"),
    };
    ImportPlan first = plan_interview_import(p, notes, near_duplicate_threshold);
    REQUIRE(first.results[0].expectation_id == "eta");
    REQUIRE(first.results[1].outcome == NoteOutcome::added);
    apply(p, first);
    ImportPlan second = plan_interview_import(p, notes, near_duplicate_threshold);
    CHECK(second.results[0].expectation_id == first.results[1].expectation_id); // the scenario
    CHECK(second.results[0].outcome == NoteOutcome::already_recorded);
    CHECK(second.new_evidence.empty());
    CHECK(second.new_expectations.empty());
}

TEST_CASE("import: the same note twice in one file is recorded once", "[interview-import]") {
    Project p;
    p.expectations = {expectation("invoices-accurate", "Invoices are accurate")};
    ImportPlan plan = plan_interview_import(
        p, {note("invoices-accurate", "q"), note("invoices-accurate", "q")}, 0.7);
    CHECK(plan.new_evidence.size() == 1);
    CHECK(plan.results[1].outcome == NoteOutcome::already_recorded);
}

TEST_CASE("import: retired expectations match by id only", "[interview-import]") {
    Project p;
    p.expectations = {expectation("old", "Invoices are accurate")};
    p.expectations[0].retired = true;
    ImportPlan plan = plan_interview_import(
        p, {note("old", "q1"), note("Invoices are accurate", "q2", "billing")}, 0.7);
    CHECK(plan.results[0].by == MatchBy::id);
    CHECK(plan.results[1].outcome == NoteOutcome::added);
    CHECK(plan.results[1].expectation_id == "invoices-are-accurate");
}

TEST_CASE("import: dates are real YYYY-MM-DD dates", "[interview-import]") {
    for (const char* ok : {"2027-01-31", "2024-02-29", "2000-02-29", "1999-12-01"})
        CHECK(io::is_iso_date(ok));
    for (const char* bad : {"2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-04-31",
                            "2027-1-01", "27-01-01", "2027/01/01", "", "2027-01-01 "})
        CHECK_FALSE(io::is_iso_date(bad));
}
