// The state of the catalogue (src/core/brainstorm.cpp) and the prompt library
// (src/io/prompt_library.cpp, resources/prompts.yaml), PRODUCT.md §4.1.
#include "delight/brainstorm.hpp"
#include "delight/prompt_library.hpp"
#include "delight/similarity.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace delight;

namespace {

Expectation exp(std::string id, std::string text, std::string touchpoint,
                std::vector<std::string> functions, Kind kind = Kind::stated) {
    Expectation e;
    e.id = std::move(id);
    e.text = std::move(text);
    e.touchpoint = std::move(touchpoint);
    e.functions = std::move(functions);
    e.kind = kind;
    return e;
}

Evidence evidence(std::string expectation, std::string account,
                  EvidenceSource source = EvidenceSource::interview) {
    Evidence ev;
    ev.expectation = std::move(expectation);
    ev.account = std::move(account);
    ev.source = source;
    return ev;
}

Prompt prompt(std::string text, std::optional<Kind> kind = {}, std::string touchpoint = "",
              std::string function = "") {
    Prompt p;
    p.text = std::move(text);
    p.kind = kind;
    p.touchpoint = std::move(touchpoint);
    p.function = std::move(function);
    return p;
}

/// Two touchpoints, three functions; "legal" owns nothing.
Project small_project() {
    Project p;
    p.touchpoints = {"billing", "support"};
    p.functions = {"finance", "service", "legal"};
    p.expectations = {
        exp("invoice-accuracy", "Invoices are accurate", "billing", {"finance", "service"},
            Kind::implied),
        exp("invoice-on-time", "Invoices arrive on time", "billing", {"finance"}),
        exp("card-payment", "We can pay by card", "billing", {"finance"}, Kind::latent),
        exp("fast-reply", "Support replies within an hour", "support", {"service"}),
        exp("fast-answer", "Support answers within an hour", "support", {"service"}, Kind::future),
    };
    Expectation retired = exp("old", "Fax invoices", "support", {"finance"}, Kind::latent);
    retired.retired = true;
    p.expectations.push_back(retired);
    p.evidence = {evidence("invoice-accuracy", "A1"),
                  evidence("invoice-accuracy", "A2"),
                  evidence("fast-reply", "A1"),
                  evidence("card-payment", "A3", EvidenceSource::survey),
                  evidence("old", "A4"),
                  evidence("invoice-on-time", "")};
    return p;
}

BrainstormSummary summary(const Project& p, BrainstormFilter filter = {}) {
    return summarize_catalogue(p, filter, PromptLibrary{}, 3, near_duplicate_threshold);
}

struct Spot {
    std::string touchpoint, function, kind;
    bool operator==(const Spot&) const = default;
};

std::vector<Spot> spots(const BrainstormSummary& s) {
    std::vector<Spot> out;
    for (const BlindSpot& b : s.blind_spots)
        out.push_back(
            {b.touchpoint.value_or("-"), b.function.value_or("-"), b.kind ? name(*b.kind) : "any"});
    return out;
}

} // namespace

TEST_CASE("brainstorm: coverage counts each owning function, ignores retired", "[brainstorm]") {
    BrainstormSummary s = summary(small_project());
    CHECK(s.expectations == 5);
    const Coverage& c = s.coverage;
    CHECK(c.touchpoints == std::vector<std::string>{"billing", "support"});
    CHECK(c.functions == std::vector<std::string>{"finance", "service", "legal"});
    CHECK(c.counts == std::vector<std::vector<std::size_t>>{{3, 1, 0}, {0, 2, 0}});
    CHECK(c.touchpoint_totals == std::vector<std::size_t>{3, 2});
    CHECK(c.function_totals == std::vector<std::size_t>{3, 3, 0});
    CHECK(c.max_count == 3);
    CHECK(s.kinds == std::array<std::size_t, 4>{2, 1, 1, 1});
}

TEST_CASE("brainstorm: verification counts interview evidence and distinct accounts",
          "[brainstorm]") {
    BrainstormSummary s = summary(small_project());
    // invoice-accuracy (A1, A2), fast-reply (A1), invoice-on-time (no account); card-payment's
    // evidence is a survey and "old" is retired.
    CHECK(s.verified_expectations == 3);
    CHECK(s.verified_accounts == 2);
}

TEST_CASE("brainstorm: blind spots as PRODUCT.md §4.1 defines them", "[brainstorm]") {
    BrainstormSummary s = summary(small_project());
    std::vector<Spot> expected = {
        {"billing", "legal", "any"},   // empty cell
        {"billing", "-", "future"},    // billing has implied and latent, no future
        {"support", "finance", "any"}, // the retired item does not count
        {"support", "legal", "any"},   //
        {"support", "-", "implied"},   // support has stated and future only
        {"support", "-", "latent"},    //
        {"-", "legal", "any"},         // a function that owns nothing
    };
    CHECK(spots(s) == expected);
}

TEST_CASE("brainstorm: filters narrow the matrix and the blind spots", "[brainstorm]") {
    Project p = small_project();
    BrainstormSummary t = summary(p, {"support", "", std::nullopt});
    CHECK(t.expectations == 2);
    CHECK(t.coverage.touchpoints == std::vector<std::string>{"support"});
    CHECK(t.coverage.counts == std::vector<std::vector<std::size_t>>{{0, 2, 0}});
    // No "function owns nothing" with one touchpoint: those are its empty cells.
    CHECK(spots(t) == std::vector<Spot>{{"support", "finance", "any"},
                                        {"support", "legal", "any"},
                                        {"support", "-", "implied"},
                                        {"support", "-", "latent"}});

    BrainstormSummary f = summary(p, {"", "finance", std::nullopt});
    CHECK(f.expectations == 3);
    CHECK(f.coverage.functions == std::vector<std::string>{"finance"});
    // Missing kinds are those finance owns; an empty touchpoint is only its cell.
    CHECK(spots(f) ==
          std::vector<Spot>{{"billing", "finance", "future"}, {"support", "finance", "any"}});

    BrainstormSummary k = summary(p, {"", "", Kind::latent});
    CHECK(k.expectations == 1);
    CHECK(k.kinds == std::array<std::size_t, 4>{0, 0, 1, 0});
    CHECK(spots(k) == std::vector<Spot>{{"billing", "service", "latent"},
                                        {"billing", "legal", "latent"},
                                        {"support", "finance", "latent"},
                                        {"support", "service", "latent"},
                                        {"support", "legal", "latent"},
                                        {"support", "-", "latent"},
                                        {"-", "service", "latent"},
                                        {"-", "legal", "latent"}});
}

TEST_CASE("brainstorm: near-duplicates by id, earlier first", "[brainstorm]") {
    BrainstormSummary s = summary(small_project());
    REQUIRE(s.near_duplicates.size() == 1);
    CHECK(s.near_duplicates[0].a == "fast-reply");
    CHECK(s.near_duplicates[0].b == "fast-answer");
    CHECK(s.near_duplicates[0].similarity >= near_duplicate_threshold);
    CHECK(s.near_duplicate_threshold == near_duplicate_threshold);
}

TEST_CASE("brainstorm: an empty catalogue", "[brainstorm]") {
    Project p;
    p.touchpoints = {"billing"};
    p.functions = {"finance"};
    BrainstormSummary s = summary(p);
    CHECK(s.expectations == 0);
    CHECK(s.coverage.max_count == 0);
    CHECK(spots(s) == std::vector<Spot>{{"billing", "finance", "any"},
                                        {"billing", "-", "implied"},
                                        {"billing", "-", "latent"},
                                        {"billing", "-", "future"},
                                        {"-", "finance", "any"}});
}

TEST_CASE("brainstorm: prompt selection by specificity, project first, library order",
          "[brainstorm]") {
    PromptLibrary lib;
    lib.builtin = {
        prompt("generic"),
        prompt("generic latent", Kind::latent),
        prompt("billing any", std::nullopt, "billing"),
        prompt("billing latent", Kind::latent, "billing"),
        prompt("billing finance", std::nullopt, "billing", "finance"),
        prompt("billing finance latent", Kind::latent, "billing", "finance"),
        prompt("finance only", std::nullopt, "", "finance"),
        prompt("support latent", Kind::latent, "support"),
        prompt("billing stated", Kind::stated, "billing"),
    };
    lib.project = {prompt("ours: billing latent", Kind::latent, "billing"),
                   prompt("ours: generic")};

    BlindSpot cell{"billing", "finance", std::nullopt, {}};
    // Two matches (touchpoint + function) first, the one naming a kind the cell leaves open
    // after the one that does not; then one match: the project's prompt first, then built-in
    // ones naming no open dimension, then those that do; then generic prompts.
    CHECK(select_prompts(cell, lib, 100) ==
          std::vector<std::string>{"billing finance", "billing finance latent",
                                   "ours: billing latent", "billing any", "finance only",
                                   "billing latent", "billing stated", "ours: generic", "generic",
                                   "generic latent"});

    BlindSpot kind{"billing", std::nullopt, Kind::latent, {}};
    CHECK(select_prompts(kind, lib, 4) ==
          std::vector<std::string>{"ours: billing latent", "billing latent",
                                   "billing finance latent", "generic latent"});

    BlindSpot idle{std::nullopt, "finance", std::nullopt, {}};
    CHECK(select_prompts(idle, lib, 3) ==
          std::vector<std::string>{"finance only", "billing finance", "billing finance latent"});

    CHECK(select_prompts(cell, lib, 0).empty());
    CHECK(select_prompts(cell, PromptLibrary{}, 3).empty());
}

TEST_CASE("brainstorm: built-in prompts reach project touchpoints through aliases",
          "[brainstorm]") {
    CHECK(library_touchpoint("sales-demo") == "sales");
    CHECK(library_touchpoint("data-migration") == "onboarding");
    CHECK(library_touchpoint("billing") == "billing");
    CHECK(library_touchpoint("warehouse") == "warehouse");
    CHECK(library_function("customer-success") == "service");
    CHECK(library_function("finance") == "finance");

    PromptLibrary lib;
    lib.builtin = {prompt("demo question", Kind::stated, "sales")};
    BlindSpot spot{"sales-demo", std::nullopt, Kind::stated, {}};
    CHECK(select_prompts(spot, lib, 3) == std::vector<std::string>{"demo question"});
    // Project prompts use the project's own ids: no alias.
    PromptLibrary own;
    own.project = {prompt("ours", Kind::stated, "sales")};
    CHECK(select_prompts(spot, own, 3).empty());
}

TEST_CASE("brainstorm: a duplicate prompt text is shown once", "[brainstorm]") {
    PromptLibrary lib;
    lib.project = {prompt("Same question?")};
    lib.builtin = {prompt("Same question?"), prompt("Other?")};
    BlindSpot spot{"billing", "finance", std::nullopt, {}};
    CHECK(select_prompts(spot, lib, 3) == std::vector<std::string>{"Same question?", "Other?"});
}

TEST_CASE("prompt library: the built-in library covers every kind, touchpoint and function",
          "[brainstorm]") {
    std::vector<Prompt> lib = io::builtin_prompts();
    CHECK(lib.size() >= 120);
    std::set<std::string> texts;
    for (const Prompt& p : lib) {
        CHECK_FALSE(p.text.empty());
        CHECK(p.text.back() == '?'); // a question, read aloud as written
        texts.insert(p.text);
    }
    CHECK(texts.size() == lib.size()); // no duplicates
    auto has = [&](const std::string& tp, const std::string& fn, std::optional<Kind> k) {
        for (const Prompt& p : lib)
            if (p.touchpoint == tp && p.function == fn && p.kind == k) return true;
        return false;
    };
    const std::vector<std::string> touchpoints = {"discovery", "sales",   "contract", "onboarding",
                                                  "daily-use", "billing", "support",  "renewal"};
    const std::vector<std::string> functions = {
        "finance", "marketing", "consulting",         "solution-design-delivery",
        "sales",   "service",   "after-sales-support"};
    for (Kind k : {Kind::stated, Kind::implied, Kind::latent, Kind::future}) {
        CHECK(has("", "", k));
        for (const std::string& tp : touchpoints) {
            INFO(tp << " " << name(k));
            CHECK(has(tp, "", k));
        }
        for (const std::string& fn : functions) {
            INFO(fn << " " << name(k));
            CHECK(has("", fn, k));
        }
    }
    // Every empty touchpoint × function cell gets a prompt about exactly that cell.
    for (const std::string& tp : touchpoints)
        for (const std::string& fn : functions) {
            BlindSpot cell{tp, fn, std::nullopt, {}};
            std::vector<std::string> first = select_prompts(cell, {{}, lib}, 1);
            REQUIRE(first.size() == 1);
            bool specific = false;
            for (const Prompt& p : lib)
                specific |= p.text == first[0] && p.touchpoint == tp && p.function == fn;
            INFO(tp << " × " << fn << ": " << first[0]);
            CHECK(specific);
        }
}

TEST_CASE("prompt library: parse errors and the language rule", "[brainstorm]") {
    CHECK(io::parse_prompts("p.yaml", "").empty());
    std::vector<Prompt> ok =
        io::parse_prompts("p.yaml", "- {text: \"Why?\", kind: latent, touchpoint: billing}\n");
    REQUIRE(ok.size() == 1);
    CHECK(ok[0].kind == Kind::latent);
    CHECK(ok[0].touchpoint == "billing");
    CHECK(ok[0].function.empty());
    CHECK_THROWS_AS(io::parse_prompts("p.yaml", "- {text: Why?, kind: hidden}\n"), Error);
    CHECK_THROWS_AS(io::parse_prompts("p.yaml", "- {kind: latent}\n"), Error);
    CHECK_THROWS_AS(io::parse_prompts("p.yaml", "- {text: Why?, colour: red}\n"), Error);
    CHECK_THROWS_AS(io::parse_prompts("p.yaml", "text: Why?\n"), Error);

    CHECK(io::is_english("en"));
    CHECK(io::is_english("en-GB"));
    CHECK(io::is_english("EN_us"));
    CHECK_FALSE(io::is_english("de"));
    CHECK_FALSE(io::is_english("eng"));

    Project p;
    p.file = "delight.yaml";
    Diagnostics w;
    PromptLibrary english = io::prompt_library(p, w);
    CHECK(w.items().empty());
    CHECK(english.builtin.size() >= 120);

    p.language = "de";
    PromptLibrary fallback = io::prompt_library(p, w);
    REQUIRE(w.items().size() == 1);
    CHECK(w.items()[0].severity == Severity::warning);
    CHECK(w.items()[0].message ==
          "no prompts in language 'de'; using the built-in English prompts");
    CHECK(fallback.builtin.size() == english.builtin.size());

    p.prompts = {prompt("Was erwarten Kunden bei der Rechnung?")};
    Diagnostics w2;
    PromptLibrary german = io::prompt_library(p, w2);
    CHECK(w2.items().empty());
    CHECK(german.project.size() == 1);
    CHECK(german.builtin.empty());
}
