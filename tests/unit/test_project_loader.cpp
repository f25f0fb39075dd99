// Finding and loading a project (src/io/project_loader.cpp, list_loader.cpp, item_loaders.cpp,
// settings_loader.cpp, references.cpp, field_reader.cpp, project_paths.cpp): defaults, every
// form of list section, CSV lists (§3.6), and every problem with the file:line:col the user sees.
#include "delight/project.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delight;
using namespace delight::io;

namespace {

/// A project folder under the system's temp directory, removed at the end of the test.
struct TempProject {
    fs::path path;
    TempProject() {
        std::string pattern = (fs::temp_directory_path() / "delight-loader-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = fs::canonical(pattern); // the current folder is compared with it
    }
    ~TempProject() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    TempProject(const TempProject&) = delete;
    TempProject& operator=(const TempProject&) = delete;

    void write(const std::string& relative, const std::string& content) const {
        fs::path full = path / relative;
        fs::create_directories(full.parent_path());
        std::ofstream(full, std::ios::binary) << content;
    }
    /// Where find_project would place it, shown as in the current folder ("delight.yaml").
    ProjectLocation where() const {
        ProjectLocation where;
        where.yaml_path = (path / "delight.yaml").string();
        where.directory = path.string();
        where.display_dir = "";
        return where;
    }
};

/// Each diagnostic as the user reads it: "E file:line:col: message" (W for warnings).
std::vector<std::string> shown(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items())
        out.push_back(std::string(d.severity == Severity::error ? "E " : "W ") + d.loc.file + ":" +
                      std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                      d.message);
    return out;
}

/// The first four lines every test project shares.
const std::string header = "version: 1\n"
                           "project: {name: Test audit}\n"
                           "touchpoints: [billing, support]\n"
                           "functions: [finance, service]\n";

/// One valid expectation as a flow mapping.
std::string item(const std::string& id, const std::string& extra = "") {
    return "{id: " + id + ", text: Something, touchpoint: billing, functions: [finance], " +
           "delivery: meeting" + extra + "}";
}

std::vector<std::string> ids(const Project& p) {
    std::vector<std::string> out;
    for (const Expectation& e : p.expectations)
        out.push_back(e.id);
    return out;
}

using Lines = std::vector<std::string>;

/// Restores the current directory at the end of a test.
struct CurrentDir {
    fs::path saved = fs::current_path();
    ~CurrentDir() {
        std::error_code ignored;
        fs::current_path(saved, ignored);
    }
};

} // namespace

TEST_CASE("loader: a minimal project loads with the defaults", "[loader]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations:\n  - " + item("invoice-accuracy") + "\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(p.file == "delight.yaml");
    CHECK(p.directory == dir.path.string());
    CHECK(p.name == "Test audit");
    CHECK(p.language == "en");
    CHECK(p.offering.empty());
    CHECK(p.scale.min == 1);
    CHECK(p.scale.max == 5);
    CHECK(p.touchpoints == Lines{"billing", "support"});
    CHECK(p.functions == Lines{"finance", "service"});
    CHECK(p.competitors.empty());
    CHECK(p.accounts.empty());
    CHECK(p.evidence.empty());
    CHECK(p.prompts.empty());
    CHECK_FALSE(p.survey);
    CHECK_FALSE(p.plan);
    CHECK(p.expectation_files == Lines{"delight.yaml"});

    REQUIRE(p.expectations.size() == 1);
    const Expectation& e = p.expectations[0];
    CHECK(e.id == "invoice-accuracy");
    CHECK(e.text == "Something");
    CHECK(e.kind == Kind::stated);
    CHECK(e.kano == Kano::unknown);
    CHECK(e.touchpoint == "billing");
    CHECK(e.functions == Lines{"finance"});
    CHECK(e.delivery == Delivery::meeting);
    CHECK_FALSE(e.importance);
    CHECK(e.effort == 1.0);
    CHECK(e.source == "brainstorm");
    CHECK_FALSE(e.retired);
    CHECK(e.loc.file == "delight.yaml");
    CHECK(e.loc.line == 6);
    CHECK(e.loc.col == 5);

    const PrioritySettings& pr = p.priority;
    CHECK(pr.method == PriorityMethod::weighted);
    CHECK(pr.weights == std::array<double, 5>{0.30, 0.20, 0.15, 0.20, 0.15});
    CHECK(pr.kano_values == std::array<double, 6>{1.0, 0.7, 0.8, 0.1, 0.0, 0.5});
    CHECK(pr.sensitivity.draws == 1000);
    CHECK(pr.sensitivity.concentration == 50);
    CHECK(pr.sensitivity.seed == 1);
    CHECK(pr.sensitivity.top_k == 5);
}

TEST_CASE("loader: every field of an expectation, project and settings", "[loader]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Fieldwise, offering: App, client: Nordbau, "
                              "language: de}\n"
                              "scale: {max: 7}\n"
                              "touchpoints: [billing]\n"
                              "functions: [finance, service]\n"
                              "competitors: [rival, other]\n"
                              "expectations:\n"
                              "  - id: invoice-accuracy\n"
                              "    text: Invoices match the work orders\n"
                              "    kind: implied\n"
                              "    kano: must-be\n"
                              "    touchpoint: billing\n"
                              "    functions: [finance, service]\n"
                              "    importance: 7\n"
                              "    performance: 2.6\n"
                              "    adequate: 3\n"
                              "    desired: 4.5\n"
                              "    competitors: {rival: better, other: worse}\n"
                              "    ability: {budget: 4, skills: 3}\n"
                              "    effort: 2\n"
                              "    reach: 100\n"
                              "    impact: 0.5\n"
                              "    confidence: 0.8\n"
                              "    question: Our invoices are accurate\n"
                              "    source: interview\n"
                              "    retired: false\n"
                              "    notes: Seen twice\n"
                              "priority:\n"
                              "  method: rice\n"
                              "  weights: {importance: 0.35, competition: 0.10}\n"
                              "  kano_values: {unknown: 0.4}\n"
                              "  sensitivity: {seed: 2027}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(p.offering == "App");
    CHECK(p.client == "Nordbau");
    CHECK(p.language == "de");
    CHECK(p.scale.min == 1);
    CHECK(p.scale.max == 7);
    CHECK(p.competitors == Lines{"rival", "other"});
    REQUIRE(p.expectations.size() == 1);
    const Expectation& e = p.expectations[0];
    CHECK(e.kind == Kind::implied);
    CHECK(e.kano == Kano::must_be);
    CHECK(e.functions == Lines{"finance", "service"});
    CHECK(e.importance == 7.0);
    CHECK(e.performance == 2.6);
    CHECK(e.adequate == 3.0);
    CHECK(e.desired == 4.5);
    CHECK_FALSE(e.delivery);
    REQUIRE(e.competitors.size() == 2);
    CHECK(e.competitors[0] == std::make_pair(std::string("rival"), Standing::better));
    CHECK(e.competitors[1] == std::make_pair(std::string("other"), Standing::worse));
    REQUIRE(e.ability.size() == 2);
    CHECK(e.ability[0] == std::make_pair(AbilityFactor::budget, 4.0));
    CHECK(e.ability[1] == std::make_pair(AbilityFactor::skills, 3.0));
    CHECK(e.effort == 2.0);
    CHECK(e.reach == 100);
    CHECK(e.impact == 0.5);
    CHECK(e.confidence == 0.8);
    CHECK(e.question == "Our invoices are accurate");
    CHECK(e.source == "interview");
    CHECK(e.notes == "Seen twice");
    CHECK(p.priority.method == PriorityMethod::rice);
    // Unlisted weights keep their defaults.
    CHECK(p.priority.weights == std::array<double, 5>{0.35, 0.20, 0.15, 0.20, 0.10});
    CHECK(p.priority.kano_values == std::array<double, 6>{1.0, 0.7, 0.8, 0.1, 0.0, 0.4});
    CHECK(p.priority.sensitivity.seed == 2027);
    CHECK(p.priority.sensitivity.draws == 1000);
}

TEST_CASE("loader: plan defaults when only start is given", "[loader]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: []\nplan: {start: 2027-03-01}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(p.expectations.empty());
    REQUIRE(p.plan);
    CHECK(p.plan->start == "2027-03-01");
    CHECK(p.plan->wave_weeks == 6);
    CHECK(p.plan->waves == 4);
    CHECK(p.plan->default_capacity == 2.0);
    CHECK(p.plan->capacity.empty());
    CHECK(p.plan->basics_share == 0.6);
    CHECK(p.plan->delight_share == 0.4);
    CHECK(p.plan->control);
    CHECK(p.plan->pilot.size == 9);
    CHECK(p.plan->pilot.mix == std::array<double, 3>{1, 1, 1});
    CHECK(p.plan->pilot.seed == 1);
    CHECK(p.plan->pilot.include.empty());
    CHECK(p.plan->overrides.empty());
}

TEST_CASE("loader: a list section as one path", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: expectations.yaml\n");
    dir.write("expectations.yaml", "# the catalogue\n"
                                   "- id: crew-eta\n"
                                   "  text: Customers see when the crew will arrive\n"
                                   "  touchpoint: support\n"
                                   "  functions: [service]\n"
                                   "  delivery: partial\n"
                                   "- " +
                                       item("first-time-fix") + "\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(ids(p) == Lines{"crew-eta", "first-time-fix"});
    CHECK(p.expectation_files == Lines{"expectations.yaml"});
    REQUIRE(p.expectations.size() == 2);
    CHECK(p.expectations[0].loc.file == "expectations.yaml");
    CHECK(p.expectations[0].loc.line == 2);
    CHECK(p.expectations[0].loc.col == 3);
    CHECK(p.expectations[1].loc.line == 7);
}

TEST_CASE("loader: empty and comment-only list files are empty lists", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: [empty.yaml, comments.yaml]\n");
    dir.write("empty.yaml", "");
    dir.write("comments.yaml", "# nothing yet\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(p.expectations.empty());
    CHECK(p.expectation_files == Lines{"empty.yaml", "comments.yaml"});
}

TEST_CASE("loader: a glob reads the matching files in path order", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: catalogue/*.yaml\n");
    dir.write("catalogue/b.yaml", "- " + item("bravo") + "\n");
    dir.write("catalogue/a.yaml", "- " + item("alpha") + "\n- " + item("alpha-two") + "\n");
    dir.write("catalogue/c.csv", "id\n");       // does not match *.yaml
    dir.write("catalogue/sub/d.yaml", "- x\n"); // * does not cross '/'
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(ids(p) == Lines{"alpha", "alpha-two", "bravo"});
    CHECK(p.expectation_files == Lines{"catalogue/a.yaml", "catalogue/b.yaml"});
}

TEST_CASE("loader: a list of paths is read in the order given", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: [catalogue/b.yaml, catalogue/a.yaml]\n");
    dir.write("catalogue/b.yaml", "- " + item("bravo") + "\n");
    dir.write("catalogue/a.yaml", "- " + item("alpha") + "\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(ids(p) == Lines{"bravo", "alpha"});
    CHECK(p.expectation_files == Lines{"catalogue/b.yaml", "catalogue/a.yaml"});
}

TEST_CASE("loader: list section problems", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: [nope.yaml, catalogue/*.yml, notes.txt]\n"
                                       "accounts: [crm.yaml, {id: A-1}]\n"
                                       "evidence: {expectation: a}\n"
                                       "prompts: map.yaml\n");
    dir.write("notes.txt", "- x\n");
    dir.write("crm.yaml", "- {id: A-2}\n");
    dir.write("map.yaml", "text: not a list\n");
    Diagnostics diags;
    load_project(dir.where(), diags);
    CHECK(
        shown(diags) ==
        Lines{"E delight.yaml:5:16: file 'nope.yaml' not found",
              "E delight.yaml:5:27: no file matches 'catalogue/*.yml'",
              "E delight.yaml:5:44: 'notes.txt': list files must be .yaml, .yml or .csv",
              "E delight.yaml:6:22: 'accounts' mixes paths and inline items; use one or the other",
              "E delight.yaml:7:11: 'evidence' must be a list, a path, or a list of paths; got "
              "a mapping",
              "E map.yaml:1:1: expected a list ('- ' items) in this file, got a mapping"});
}

TEST_CASE("loader: paths must stay inside the project folder", "[loader][lists]") {
    TempProject dir;
    TempProject outside;
    outside.write("x.yaml", "- " + item("outside") + "\n");
    fs::create_symlink(outside.path / "x.yaml", dir.path / "link.yaml");
    dir.write("delight.yaml", header + "expectations: ../x.yaml\n"
                                       "accounts: /etc/accounts.yaml\n"
                                       "evidence: [sub/../../x.yaml]\n"
                                       "prompts: link.yaml\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{
              "E delight.yaml:5:15: '../x.yaml' leaves the project folder; keep project files "
              "inside it",
              "E delight.yaml:6:11: '/etc/accounts.yaml' must be a path relative to delight.yaml",
              "E delight.yaml:7:12: 'sub/../../x.yaml' leaves the project folder; keep project "
              "files inside it",
              "E delight.yaml:8:10: 'link.yaml' resolves outside the project folder (a symbolic "
              "link?)",
          });
    CHECK(p.expectations.empty());
    CHECK(p.prompts.empty());
}

TEST_CASE("loader: resolve_project_paths sorts bytewise", "[loader][lists]") {
    TempProject dir;
    dir.write("delight.yaml", header);
    dir.write("l/b.yaml", "");
    dir.write("l/B.yaml", "");
    dir.write("l/a.yaml", "");
    dir.write("l/.hidden.yaml", "");
    Diagnostics diags;
    Location loc{"delight.yaml", 5, 15, ""};
    CHECK(resolve_project_paths(dir.where(), "l/*.yaml", loc, diags) ==
          Lines{"l/B.yaml", "l/a.yaml", "l/b.yaml"});
    CHECK(resolve_project_paths(dir.where(), "l/[ab].yaml", loc, diags) ==
          Lines{"l/a.yaml", "l/b.yaml"});
    CHECK(shown(diags).empty());
    CHECK(resolve_project_paths(dir.where(), "", loc, diags).empty());
    CHECK(shown(diags) == Lines{"E delight.yaml:5:15: '' must be a path relative to delight.yaml"});
}

TEST_CASE("loader: a CSV list (§3.6)", "[loader][csv]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test}\n"
                              "touchpoints: [billing, support]\n"
                              "functions: [finance, service]\n"
                              "competitors: [rival]\n"
                              "expectations: expectations.csv\n"
                              "accounts: crm/accounts.csv\n");
    dir.write("expectations.csv",
              "id,text,touchpoint,functions,importance,competitor.rival,ability.budget,after,"
              "delivery,reach\r\n"
              "alpha,\"First, with a comma\",billing,finance;service,4,better,3,,meeting,10\r\n"
              "beta,Second,support, service ; finance ,,,,alpha,missing,\r\n");
    dir.write("crm/accounts.csv", "id,name,segment,nps,revenue\n"
                                  "00042,Nordbau Service,mid-market,7,84000\n"
                                  "ACME-7,Acme Plumbing,,,\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    CHECK(p.expectation_files == Lines{"expectations.csv"});
    CHECK(p.account_files == Lines{"crm/accounts.csv"});
    REQUIRE(p.expectations.size() == 2);
    const Expectation& a = p.expectations[0];
    CHECK(a.id == "alpha");
    CHECK(a.text == "First, with a comma");
    CHECK(a.functions == Lines{"finance", "service"});
    CHECK(a.importance == 4.0);
    REQUIRE(a.competitors.size() == 1);
    CHECK(a.competitors[0] == std::make_pair(std::string("rival"), Standing::better));
    REQUIRE(a.ability.size() == 1);
    CHECK(a.ability[0] == std::make_pair(AbilityFactor::budget, 3.0));
    CHECK(a.after.empty());
    CHECK(a.delivery == Delivery::meeting);
    CHECK(a.reach == 10);
    CHECK(a.loc.file == "expectations.csv");
    CHECK(a.loc.line == 2);
    CHECK(a.loc.col == 1);

    const Expectation& b = p.expectations[1];
    CHECK(b.functions == Lines{"service", "finance"}); // trimmed around ';'
    CHECK_FALSE(b.importance);                         // an empty cell is an absent field
    CHECK(b.competitors.empty());
    CHECK(b.ability.empty());
    CHECK(b.after == Lines{"alpha"});
    CHECK_FALSE(b.reach);
    CHECK(b.loc.line == 3);

    REQUIRE(p.accounts.size() == 2);
    CHECK(p.accounts[0].id == "00042"); // text keeps its zeros in CSV
    CHECK(p.accounts[0].segment == "mid-market");
    CHECK(p.accounts[0].nps == 7);
    CHECK(p.accounts[0].revenue == 84000.0);
    CHECK(p.accounts[1].id == "ACME-7");
    CHECK_FALSE(p.accounts[1].nps);
    CHECK_FALSE(p.accounts[1].revenue);
    CHECK(p.accounts[1].segment.empty());
}

TEST_CASE("loader: CSV cells are checked like YAML values, at the cell", "[loader][csv]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: e.csv\n");
    dir.write("e.csv", "id,text,touchpoint,functions,importance,ability.speed,delivery\n"
                       "alpha,First,biling,finance,9,3,meeting\n");
    Diagnostics diags;
    load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E e.csv:2:13: unknown touchpoint 'biling' (did you mean 'billing'?)",
                "E e.csv:2:28: 'importance' must be between 1 and 5, got 9",
                "E e.csv:2:30: unknown ability factor 'speed'; use budget, technology, personnel "
                "or skills"});
}

TEST_CASE("loader: a CSV row with the wrong number of cells", "[loader][csv]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: e.csv\n");
    dir.write("e.csv", "id,text,touchpoint,functions,delivery\n"
                       "alpha,First,billing,finance,meeting\n"
                       "beta,Second,billing\n"
                       "\n"
                       "gamma,Third,billing,finance,meeting,extra\n"
                       "delta,Fourth,support,service,missing\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E e.csv:3:0: this row has 3 cells but the header has 5",
                                "E e.csv:5:0: this row has 6 cells but the header has 5"});
    CHECK(ids(p) == Lines{"alpha", "delta"});
}

TEST_CASE("loader: unknown CSV columns", "[loader][csv]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: e.csv\naccounts: a.csv\n");
    dir.write("e.csv", "id,text,touchpiont,functions,competitors\n"
                       "alpha,First,billing,finance,\n");
    dir.write("a.csv", "id,segmnt,name.first\nA-1,x,y\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E e.csv:1:9: unknown column 'touchpiont' (did you mean 'touchpoint'?)",
                "E e.csv:1:30: unknown column 'competitors' (use one column per key, e.g. "
                "'competitor.vaultly')",
                "E a.csv:1:4: unknown column 'segmnt' (did you mean 'segment'?)",
                "E a.csv:1:11: unknown column 'name.first'"});
    CHECK(p.expectations.empty());
    CHECK(p.accounts.empty());
}

TEST_CASE("loader: every problem in a file is reported at once", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test, lang: de}\n"
                              "touchpoints: [billing, support]\n"
                              "functions: [finance, service]\n"
                              "expectations:\n"
                              "  - id: invoice-accuracy\n"
                              "    text: Invoices are right\n"
                              "    touchpoint: biling\n"
                              "    functions: [finance, servce]\n"
                              "    importance: 9\n"
                              "    delivery: great\n"
                              "    retired: yes\n"
                              "    efort: 2\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E delight.yaml:2:23: unknown key 'lang' in project (did you mean 'language'?)",
                "E delight.yaml:13:5: unknown key 'efort' in expectation (did you mean 'effort'?)",
                "E delight.yaml:8:17: unknown touchpoint 'biling' (did you mean 'billing'?)",
                "E delight.yaml:9:26: unknown function 'servce' (did you mean 'service'?)",
                "E delight.yaml:11:15: 'delivery' must be one of missing, partial, meeting, "
                "exceeding; got 'great'",
                "E delight.yaml:10:17: 'importance' must be between 1 and 5, got 9",
                "E delight.yaml:12:14: expected true or false for 'retired', got 'yes'",
                "W delight.yaml:6:5: expectation 'invoice-accuracy' is unassessed: give it a "
                "'delivery', or performance, adequate and desired"});
    CHECK(diags.has_errors());
    // What could be read is kept.
    REQUIRE(p.expectations.size() == 1);
    CHECK(p.expectations[0].text == "Invoices are right");
    // The caret display gets the source line.
    CHECK(diags.items()[2].loc.source_line == "    touchpoint: biling");
}

TEST_CASE("loader: missing required keys", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {offering: x}\n"
                              "expectations:\n"
                              "  - {id: a}\n");
    Diagnostics diags;
    load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:2:10: project is missing required key 'name'",
                                "E delight.yaml:1:1: delight.yaml is missing required key "
                                "'touchpoints'",
                                "E delight.yaml:1:1: delight.yaml is missing required key "
                                "'functions'",
                                "E delight.yaml:4:5: expectation is missing required key 'text'",
                                "E delight.yaml:4:5: expectation is missing required key "
                                "'touchpoint'",
                                "E delight.yaml:4:5: expectation is missing required key "
                                "'functions'",
                                "W delight.yaml:4:5: expectation 'a' is unassessed: give it a "
                                "'delivery', or performance, adequate and desired"});
}

TEST_CASE("loader: wrong types", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: [a, b]}\n"
                              "scale: {min: \"1\", max: 7}\n"
                              "touchpoints: [billing, Billing]\n"
                              "functions: finance\n"
                              "expectations:\n"
                              "  - id: a\n"
                              "    text: A\n"
                              "    touchpoint: billing\n"
                              "    functions: []\n"
                              "    delivery: missing\n"
                              "    importance: \"4\"\n"
                              "    effort: 0\n"
                              "    reach: 2.5\n"
                              "    impact: 4\n"
                              "    competitors: [rival]\n"
                              "accounts:\n"
                              "  - {id: A-1, nps: 7.5, revenue: -1}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E delight.yaml:2:17: expected text for 'name', got a list",
                "E delight.yaml:3:14: expected a whole number for 'min', got '1' (remove the "
                "quotes)",
                "E delight.yaml:4:24: 'Billing' is not a valid id in 'touchpoints': use "
                "lowercase letters, digits and single hyphens",
                "E delight.yaml:5:12: expected a list for 'functions', got 'finance'",
                "E delight.yaml:10:16: 'functions' needs at least one owner function",
                "E delight.yaml:12:17: expected a number for 'importance', got '4' (remove the "
                "quotes)",
                "E delight.yaml:13:13: 'effort' must be greater than 0, got 0",
                "E delight.yaml:14:12: expected a whole number for 'reach', got the number 2.5",
                "E delight.yaml:15:13: 'impact' must be one of 0.25, 0.5, 1, 2, 3 (RICE)",
                "E delight.yaml:16:18: expected a mapping competitor: better|equal|worse for "
                "'competitors', got a list",
                "E delight.yaml:18:20: expected a whole number for 'nps', got the number 7.5",
                "E delight.yaml:18:34: 'revenue' must be at least 0, got -1"});
    CHECK(p.scale.max == 7);
    CHECK(p.touchpoints == Lines{"billing"});
}

TEST_CASE("loader: scale values out of range", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test}\n"
                              "scale: {min: 0, max: 10}\n"
                              "touchpoints: [billing]\n"
                              "functions: [finance]\n"
                              "expectations:\n"
                              "  - id: a\n"
                              "    text: A\n"
                              "    touchpoint: billing\n"
                              "    functions: [finance]\n"
                              "    importance: 11\n"
                              "    performance: -0.5\n"
                              "    adequate: 10\n"
                              "    desired: 10\n"
                              "    ability: {budget: 10.5, skills: 0}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:11:17: 'importance' must be between 0 and 10, "
                                "got 11",
                                "E delight.yaml:12:18: 'performance' must be between 0 and 10, "
                                "got -0.5",
                                "E delight.yaml:15:23: 'ability.budget' must be between 0 and "
                                "10, got 10.5",
                                "W delight.yaml:7:5: expectation 'a' is unassessed: give it a "
                                "'delivery', or performance, adequate and desired"});
    REQUIRE(p.expectations.size() == 1);
    CHECK(p.expectations[0].adequate == 10.0);
    REQUIRE(p.expectations[0].ability.size() == 1);
    CHECK(p.expectations[0].ability[0] == std::make_pair(AbilityFactor::skills, 0.0));
}

TEST_CASE("loader: scale min must be below max", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test}\n"
                              "scale: {min: 5, max: 5}\n"
                              "touchpoints: [billing]\n"
                              "functions: [finance]\n"
                              "expectations: []\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:3:8: scale min (5) must be below max (5)"});
    CHECK(p.scale.min == 1); // the default, so later checks still make sense
    CHECK(p.scale.max == 5);
}

TEST_CASE("loader: adequate above desired", "[loader][diagnostics]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations:\n"
                                       "  - id: a\n"
                                       "    text: A\n"
                                       "    touchpoint: billing\n"
                                       "    functions: [finance]\n"
                                       "    delivery: missing\n"
                                       "    desired: 3.5\n"
                                       "    adequate: 4\n");
    Diagnostics diags;
    load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:12:15: adequate (4) is above desired (3.5): the "
                                "adequate level is the lowest acceptable one"});
}

TEST_CASE("loader: duplicate ids across files cite the first file and line", "[loader][refs]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: [a.yaml, b.yaml]\n"
                                       "accounts:\n"
                                       "  - {id: ACME-7}\n"
                                       "  - {id: ACME-7}\n");
    dir.write("a.yaml", "- " + item("dup") + "\n");
    dir.write("b.yaml", "# second file\n- " + item("other") + "\n- " + item("dup") + "\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E b.yaml:3:3: duplicate expectation id 'dup' (first at a.yaml:1)",
                "E delight.yaml:8:5: duplicate account id 'ACME-7' (first at delight.yaml:7)"});
    CHECK(ids(p) == Lines{"dup", "other", "dup"});
}

TEST_CASE("loader: duplicate ids in delight.yaml's own lists", "[loader][refs]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test}\n"
                              "touchpoints: [billing, support, billing]\n"
                              "functions: [finance]\n"
                              "expectations: []\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:3:33: duplicate touchpoints 'billing' (first at "
                                "line 3)"});
    CHECK(p.touchpoints == Lines{"billing", "support"});
}

TEST_CASE("loader: unknown references are each reported", "[loader][refs]") {
    TempProject dir;
    dir.write("delight.yaml", "version: 1\n"
                              "project: {name: Test}\n"
                              "touchpoints: [billing]\n"
                              "functions: [finance, service]\n"
                              "expectations:\n"
                              "  - id: invoice-accuracy\n"
                              "    text: Invoices are right\n"
                              "    touchpoint: billing\n"
                              "    functions: [finance]\n"
                              "    delivery: missing\n"
                              "    after: [rate-import]\n"
                              "accounts:\n"
                              "  - {id: ACME-7}\n"
                              "evidence:\n"
                              "  - {expectation: invoice-acuracy, account: ACME-8}\n"
                              "survey:\n"
                              "  questions:\n"
                              "    - {column: q1, expectation: invoice-accurcy}\n"
                              "plan:\n"
                              "  start: 2027-03-01\n"
                              "  pilot: {include: [ACME-9]}\n"
                              "  overrides:\n"
                              "    - {expectation: nope-nope, owners: [servce]}\n");
    Diagnostics diags;
    load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"E delight.yaml:11:13: unknown expectation 'rate-import' in after",
                "E delight.yaml:15:19: unknown expectation 'invoice-acuracy' in evidence (did "
                "you mean 'invoice-accuracy'?)",
                "E delight.yaml:15:45: unknown account 'ACME-8' in evidence (did you mean "
                "'ACME-7'?)",
                "E delight.yaml:18:33: unknown expectation 'invoice-accurcy' in survey question "
                "(did you mean 'invoice-accuracy'?)",
                "E delight.yaml:21:21: unknown account 'ACME-9' in pilot include (did you mean "
                "'ACME-7'?)",
                "E delight.yaml:23:21: unknown expectation 'nope-nope' in plan override",
                "E delight.yaml:23:41: unknown function 'servce' in owners (did you mean "
                "'service'?)"});
}

TEST_CASE("loader: evidence accounts are checked only when accounts are listed", "[loader][refs]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations:\n  - " + item("a") +
                                  "\n"
                                  "evidence:\n"
                                  "  - {expectation: a, account: ANY-1, date: 2027-02-28}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags).empty());
    REQUIRE(p.evidence.size() == 1);
    CHECK(p.evidence[0].account == "ANY-1");
    CHECK(p.evidence[0].date == "2027-02-28");
    CHECK(p.evidence[0].source == EvidenceSource::interview);
}

TEST_CASE("loader: delivery resolution warnings", "[loader][refs]") {
    TempProject dir;
    dir.write("delight.yaml",
              header +
                  "expectations:\n"
                  "  - {id: unrated, text: A, touchpoint: billing, functions: [finance]}\n"
                  "  - " +
                  item("zone-only", ", performance: 4, adequate: 3, desired: 4.5") +
                  "\n"
                  "  - {id: says-more, text: C, touchpoint: billing, functions: [finance], "
                  "delivery: exceeding, performance: 2, adequate: 3, desired: 4.5}\n"
                  "  - {id: partial-ok, text: D, touchpoint: billing, functions: [finance], "
                  "delivery: partial, performance: 2, adequate: 3, desired: 4.5}\n"
                  "  - {id: old, text: E, touchpoint: billing, functions: [finance], "
                  "retired: true}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) ==
          Lines{"W delight.yaml:6:5: expectation 'unrated' is unassessed: give it a 'delivery', "
                "or performance, adequate and desired",
                "W delight.yaml:8:5: expectation 'says-more' says delivery exceeding but its zone "
                "of tolerance says missing (performance 2, adequate 3, desired 4.5)"});
    CHECK_FALSE(diags.has_errors());
    CHECK(p.expectations.size() == 5);
    CHECK(p.expectations[4].retired);
}

TEST_CASE("loader: an empty project file", "[loader][diagnostics]") {
    TempProject dir;
    for (const char* text : {"", "# nothing here\n"}) {
        dir.write("delight.yaml", text);
        Diagnostics diags;
        load_project(dir.where(), diags);
        CHECK(shown(diags) == Lines{"E delight.yaml:0:0: the project file is empty: it needs at "
                                    "least version, project, touchpoints, functions and "
                                    "expectations (see 'delight init')"});
    }
}

TEST_CASE("loader: a YAML error in a list file is reported with that file", "[loader]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: [bad.yaml, good.yaml]\n");
    dir.write("bad.yaml", "- {id: a, id: b}\n");
    dir.write("good.yaml", "- " + item("fine") + "\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E bad.yaml:1:11: duplicate key 'id' (first defined at 1:4)"});
    CHECK(ids(p) == Lines{"fine"});
}

TEST_CASE("loader: load_project_strict throws the first error", "[loader]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations:\n"
                                       "  - {id: a, text: A, touchpoint: biling, functions: "
                                       "[finance]}\n"
                                       "  - {id: b, text: B, touchpoint: billing, functions: "
                                       "[nope]}\n");
    Diagnostics warnings;
    try {
        load_project_strict(dir.where(), warnings);
        FAIL("expected a delight::Error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::input);
        CHECK(e.diagnostic().loc.file == "delight.yaml");
        CHECK(e.diagnostic().loc.line == 6);
        CHECK(e.diagnostic().loc.col == 34);
        CHECK(e.diagnostic().message == "unknown touchpoint 'biling' (did you mean 'billing'?)");
    }

    // Without errors the warnings are handed back.
    dir.write("delight.yaml",
              header + "expectations:\n  - {id: a, text: A, touchpoint: billing, functions: "
                       "[finance]}\n");
    Diagnostics only_warnings;
    Project p = load_project_strict(dir.where(), only_warnings);
    CHECK(ids(p) == Lines{"a"});
    CHECK(shown(only_warnings) ==
          Lines{"W delight.yaml:6:5: expectation 'a' is unassessed: give it a 'delivery', or "
                "performance, adequate and desired"});
}

TEST_CASE("loader: find_project walks up from -C and the current folder", "[loader][find]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations: []\n");
    fs::create_directories(dir.path / "a" / "b");
    dir.write("inner/delight.yaml", header + "expectations: []\n");
    fs::create_directories(dir.path / "inner" / "deep");
    const std::string root_yaml = (dir.path / "delight.yaml").string();

    ProjectLocation up = find_project((dir.path / "a" / "b").string(), "");
    CHECK(up.yaml_path == root_yaml);
    CHECK(up.directory == dir.path.string());

    // The nearest one wins.
    ProjectLocation nearest = find_project((dir.path / "inner" / "deep").string(), "");
    CHECK(nearest.yaml_path == (dir.path / "inner" / "delight.yaml").string());

    CurrentDir restore;
    fs::current_path(dir.path / "a" / "b");
    ProjectLocation from_cwd = find_project("", "");
    CHECK(from_cwd.yaml_path == root_yaml);
    CHECK(from_cwd.display_dir == dir.path.string() + "/"); // above the current folder

    fs::current_path(dir.path);
    ProjectLocation here = find_project("", "");
    CHECK(here.yaml_path == root_yaml);
    CHECK(here.display_dir.empty());
    ProjectLocation sub = find_project("inner", "");
    CHECK(sub.yaml_path == (dir.path / "inner" / "delight.yaml").string());
    CHECK(sub.display_dir == "inner/");
    CHECK(display_path(sub, "catalogue/a.yaml") == "inner/catalogue/a.yaml");

    // Diagnostics of a project below the current folder show its relative path.
    dir.write("inner/delight.yaml", header + "expectations: [x.yaml]\n");
    Diagnostics diags;
    load_project(sub, diags);
    CHECK(shown(diags) == Lines{"E inner/delight.yaml:5:16: file 'x.yaml' not found"});
}

TEST_CASE("loader: find_project with --project", "[loader][find]") {
    TempProject dir;
    dir.write("custom.yaml", header + "expectations: []\n");
    // --project wins over -C.
    ProjectLocation named =
        find_project((dir.path / "nowhere").string(), (dir.path / "custom.yaml").string());
    CHECK(named.yaml_path == (dir.path / "custom.yaml").string());
    CHECK(named.directory == dir.path.string());
    Diagnostics diags;
    Project p = load_project(named, diags);
    CHECK(shown(diags).empty());
    CHECK(p.name == "Test audit");

    const std::string missing = (dir.path / "missing.yaml").string();
    try {
        find_project("", missing);
        FAIL("expected a delight::Error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
        CHECK(e.diagnostic().message == "cannot read '" + missing + "': No such file or directory");
    }
}

TEST_CASE("loader: find_project fails with ExitCode::os when nothing is found", "[loader][find]") {
    TempProject dir;
    fs::create_directories(dir.path / "a");
    // The test needs no delight.yaml in the temp folder's parents.
    for (fs::path p = dir.path; p != p.parent_path(); p = p.parent_path())
        REQUIRE_FALSE(fs::exists(p / "delight.yaml"));
    const std::string start = (dir.path / "a").string();
    try {
        find_project(start, "");
        FAIL("expected a delight::Error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
        CHECK(e.diagnostic().message ==
              "no delight.yaml in " + start +
                  " or any parent folder (create one with 'delight init', or pass -C DIR or "
                  "--project FILE)");
    }

    try {
        find_project((dir.path / "not-there").string(), "");
        FAIL("expected a delight::Error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
        CHECK(e.diagnostic().message ==
              "cannot use -C '" + (dir.path / "not-there").string() + "': not a directory");
    }
}

TEST_CASE("loader: survey mapping defaults and normalised answer texts", "[loader][survey]") {
    TempProject dir;
    dir.write("delight.yaml", header + "expectations:\n  - " + item("a") +
                                  "\n"
                                  "survey:\n"
                                  "  delimiter: \"\\t\"\n"
                                  "  na: [\"\", \"Don\u2019t know\"]\n"
                                  "  labels: {\"Strongly AGREE\": 5}\n"
                                  "  questions:\n"
                                  "    - {column: q1, expectation: a, measure: importance, "
                                  "scale: [0, 10]}\n"
                                  "    - {type: nps, column: nps}\n"
                                  "    - {type: kano, functional: kf, dysfunctional: kd, "
                                  "expectation: a, answers: {\"So-so\": neutral}}\n"
                                  "    - {column: q1}\n");
    Diagnostics diags;
    Project p = load_project(dir.where(), diags);
    CHECK(shown(diags) == Lines{"E delight.yaml:15:7: column 'q1' is mapped twice (also at line "
                                "12)"});
    REQUIRE(p.survey);
    const SurveyMapping& s = *p.survey;
    CHECK(s.delimiter == '\t');
    CHECK(s.header_rows == 1);
    CHECK(s.max_invalid == 0.05);
    CHECK(s.pilot_label == "pilot");
    CHECK(s.control_label == "control");
    CHECK(s.na == Lines{"", "don't know"});
    REQUIRE(s.labels.size() == 1);
    CHECK(s.labels[0] == std::make_pair(std::string("strongly agree"), 5.0));
    REQUIRE(s.questions.size() == 4);
    CHECK(s.questions[0].type == SurveyQuestion::Type::likert);
    CHECK(s.questions[0].measure == Measure::importance);
    REQUIRE(s.questions[0].scale);
    CHECK(s.questions[0].scale->min == 0);
    CHECK(s.questions[0].scale->max == 10);
    CHECK(s.questions[1].type == SurveyQuestion::Type::nps);
    CHECK(s.questions[2].type == SurveyQuestion::Type::kano);
    CHECK(s.questions[2].functional == "kf");
    REQUIRE(s.questions[2].answers.size() == 1);
    CHECK(s.questions[2].answers[0] == std::make_pair(std::string("so-so"), KanoAnswer::neutral));
    CHECK(s.questions[3].measure == Measure::performance);
    CHECK_FALSE(s.questions[3].scale);
}
