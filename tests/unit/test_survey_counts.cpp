// Pre-aggregated counts (src/io/survey_counts.cpp, PRODUCT.md §4.5 "Scale-out and privacy",
// docs/scale-out.md): the same SurveyData as the raw waves, answers decoded with the survey
// mapping, groups, segments and waves as the CSV path has them, and every malformed file
// refused with exit 3 and a file:line:col.
#include "delight/project.hpp"
#include "delight/survey_reader.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using namespace delight;
using namespace delight::io;

namespace {

/// A project folder under the system's temp directory, removed at the end of the test.
struct TempProject {
    fs::path path;
    TempProject() {
        std::string pattern = (fs::temp_directory_path() / "delight-counts-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = fs::canonical(pattern);
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
    /// A file given on the command line, shown by its name relative to the project.
    WaveInput input(const std::string& relative) const {
        return WaveInput{(path / relative).string(), relative, fs::path(relative).stem()};
    }
    Project load() const {
        ProjectLocation where;
        where.yaml_path = (path / "delight.yaml").string();
        where.directory = path.string();
        Diagnostics warnings;
        return load_project_strict(where, warnings);
    }
};

/// The project of most tests: one Likert question with labels, NPS and one Kano pair; groups
/// P and C; three accounts (satisfied, dissatisfied through NPS, unknown). `drop` removes the
/// survey keys named (e.g. {"group", "groups"}).
std::string project_yaml(const std::vector<std::string>& drop = {}) {
    std::string survey = "  waves: [w/2027-01.csv, w/2027-04.csv]\n"
                         "  id: rid\n"
                         "  account: account\n"
                         "  group: grp\n"
                         "  groups: {pilot: P, control: C}\n"
                         "  segment: seg\n"
                         "  max_invalid: 0.5\n"
                         "  labels: {\"Strongly agree\": 5, \"Agree\": 4}\n";
    for (const std::string& key : drop) {
        const std::size_t at = survey.find("  " + key + ": ");
        REQUIRE(at != std::string::npos);
        survey.erase(at, survey.find('\n', at) + 1 - at);
    }
    return "version: 1\n"
           "project: {name: Test audit}\n"
           "touchpoints: [billing]\n"
           "functions: [finance]\n"
           "expectations:\n"
           "  - {id: a, text: Something, touchpoint: billing, functions: [finance]}\n"
           "accounts:\n"
           "  - {id: ACC-1, segment: smb, satisfaction: satisfied}\n"
           "  - {id: ACC-2, segment: enterprise, nps: 3}\n"
           "  - {id: ACC-3}\n"
           "survey:\n" +
           survey +
           "  questions:\n"
           "    - {column: q1, expectation: a}\n"
           "    - {type: nps, column: nps}\n"
           "    - {type: kano, functional: kf, dysfunctional: kd, expectation: a}\n";
}

// Two raw waves: labels, a blank, N/A, out-of-scale and unknown answers, untrimmed cells,
// a group outside survey.groups, an account outside the project, and a respondent (r1) whose
// segment changes between the waves.
const char* wave1 = "rid,account,grp,seg,q1,nps,kf,kd\n"
                    "r1,ACC-1,P,smb,4,9,I like it,I dislike it\n"
                    "r2,ACC-2,C,enterprise,Strongly agree,10,I expect it,\n"
                    "r3,ACC-3,other,smb,N/A,7,I like it,I dislike it\n"
                    "r4,ACC-1, P ,smb, 2 ,x,I am neutral,so so\n";
const char* wave2 = "rid,account,grp,seg,q1,nps,kf,kd\n"
                    "r1,ACC-1,P,enterprise,5,10,I like it,I dislike it\n"
                    "r2,ACC-2,C,enterprise,agree,8,I expect it,I am neutral\n"
                    "r4,ACC-1,P,enterprise,9,6,I am neutral,I dislike it\n"
                    "r5,ACC-9,P,smb,3,,I like it,I like it\n";

// The same answers as counts, written by hand as docs/scale-out.md's SQL would (rows in
// another order; wave 2027-04 first, so survey.waves must order them).
const char* answers_csv = "wave,group,segment,question,value,count,account\n"
                          "2027-04,P,enterprise,q1,5,1,ACC-1\n"
                          "2027-01,P,smb,q1,4,1,ACC-1\n"
                          "2027-01,C,enterprise,q1,Strongly agree,1,ACC-2\n"
                          "2027-01,other,smb,q1,N/A,1,ACC-3\n"
                          "2027-01, P ,smb,q1, 2 ,1,ACC-1\n"
                          "2027-01,P,smb,nps,9,1,ACC-1\n"
                          "2027-01,C,enterprise,nps,10,1,ACC-2\n"
                          "2027-01,other,smb,nps,7,1,ACC-3\n"
                          "2027-01, P ,smb,nps,x,1,ACC-1\n"
                          "2027-04,C,enterprise,q1,agree,1,ACC-2\n"
                          "2027-04,P,enterprise,q1,9,1,ACC-1\n"
                          "2027-04,P,smb,q1,3,1,ACC-9\n"
                          "2027-04,P,enterprise,nps,10,1,ACC-1\n"
                          "2027-04,C,enterprise,nps,8,1,ACC-2\n"
                          "2027-04,P,enterprise,nps,6,1,ACC-1\n"
                          "2027-04,P,smb,nps,,1,ACC-9\n";
const char* kano_csv = "wave,group,segment,question,functional,dysfunctional,count\n"
                       "2027-01,P,smb,kf,I like it,I dislike it,1\n"
                       "2027-01,C,enterprise,kf,I expect it,,1\n"
                       "2027-01,other,smb,kf,I like it,I dislike it,1\n"
                       "2027-01, P ,smb,kf,I am neutral,so so,1\n"
                       "2027-04,P,enterprise,kf,I like it,I dislike it,1\n"
                       "2027-04,C,enterprise,kf,I expect it,I am neutral,1\n"
                       "2027-04,P,enterprise,kf,I am neutral,I dislike it,1\n"
                       "2027-04,P,smb,kf,I like it,I like it,1\n";
// Respondents in both waves with both answers valid: r1 and r2 (r4's q1 is out of scale in
// wave 2 and its nps invalid in wave 1). Group and segment of the first wave.
const char* pairs_csv = "group,segment,question,difference,count\n"
                        "P,smb,q1,1,1\n"
                        "C,enterprise,q1,-1,1\n"
                        "P,smb,nps,1,1\n"
                        "C,enterprise,nps,-2,1\n";
// For --by satisfaction, the files without an account column carry the satisfaction.
const char* kano_by_satisfaction_csv =
    "wave,group,segment,question,functional,dysfunctional,count\n"
    "2027-01,P,satisfied,kf,I like it,I dislike it,1\n"
    "2027-01,C,dissatisfied,kf,I expect it,,1\n"
    "2027-01,other,unknown,kf,I like it,I dislike it,1\n"
    "2027-01,P,satisfied,kf,I am neutral,so so,1\n"
    "2027-04,P,satisfied,kf,I like it,I dislike it,1\n"
    "2027-04,C,dissatisfied,kf,I expect it,I am neutral,1\n"
    "2027-04,P,satisfied,kf,I am neutral,I dislike it,1\n"
    "2027-04,P,unknown,kf,I like it,I like it,1\n";
const char* pairs_by_satisfaction_csv = "group,segment,question,difference,count\n"
                                        "P,satisfied,q1,1,1\n"
                                        "C,dissatisfied,q1,-1,1\n"
                                        "P,satisfied,nps,1,1\n"
                                        "C,dissatisfied,nps,-2,1\n";

/// SurveyData with segments by name (the two paths may intern them in different orders).
struct Canonical {
    std::vector<std::string> waves, accounts;
    bool has_groups = false, has_accounts = false, has_pairs = false;
    std::map<std::tuple<std::size_t, GroupRole, std::string, std::size_t>, Histogram> answers;
    std::map<std::tuple<std::size_t, GroupRole, std::string, std::size_t>, KanoCounts> kano;
    std::map<std::tuple<GroupRole, std::string, std::size_t>, Histogram> differences;
    std::map<SurveyData::AccountKey, Histogram> account_answers;
};

Canonical canonical(const SurveyData& d) {
    Canonical c;
    c.waves = d.waves;
    c.accounts = d.accounts;
    c.has_groups = d.has_groups;
    c.has_accounts = d.has_accounts;
    c.has_pairs = d.has_pairs;
    for (const auto& [k, h] : d.answers)
        c.answers[{std::get<0>(k), std::get<1>(k), d.segments.at(std::get<2>(k)), std::get<3>(k)}] =
            h;
    for (const auto& [k, h] : d.kano)
        c.kano[{std::get<0>(k), std::get<1>(k), d.segments.at(std::get<2>(k)), std::get<3>(k)}] = h;
    for (const auto& [k, h] : d.differences)
        c.differences[{std::get<0>(k), d.segments.at(std::get<1>(k)), std::get<2>(k)}] = h;
    c.account_answers = d.account_answers;
    return c;
}

void check_same(const SurveyData& from_waves, const SurveyData& from_counts) {
    Canonical a = canonical(from_waves), b = canonical(from_counts);
    CHECK(a.waves == b.waves);
    CHECK(a.accounts == b.accounts);
    CHECK(a.has_groups == b.has_groups);
    CHECK(a.has_accounts == b.has_accounts);
    CHECK(a.has_pairs == b.has_pairs);
    CHECK(a.answers == b.answers);
    CHECK(a.kano == b.kano);
    CHECK(a.differences == b.differences);
    CHECK(a.account_answers == b.account_answers);
}

using Counts = std::vector<std::pair<double, std::uint64_t>>;

constexpr std::size_t q1 = 0, nps = 1, kano = 2;
constexpr auto like = static_cast<std::size_t>(KanoAnswer::like);
constexpr auto dislike = static_cast<std::size_t>(KanoAnswer::dislike);

/// The error that f throws, as "file:line:col: message"; checks its exit code.
std::string error_of(const std::function<void()>& f, ExitCode code = ExitCode::input) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == code);
        const Location& l = e.diagnostic().loc;
        return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col) + ": " +
               e.diagnostic().message;
    }
    FAIL("no error");
    return "";
}

/// A project with the raw waves and the counts files written.
struct Fixture {
    TempProject dir;
    Project project;
    explicit Fixture(const std::vector<std::string>& drop = {}) {
        dir.write("delight.yaml", project_yaml(drop));
        dir.write("w/2027-01.csv", wave1);
        dir.write("w/2027-04.csv", wave2);
        dir.write("answers.csv", answers_csv);
        dir.write("kano.csv", kano_csv);
        dir.write("pairs.csv", pairs_csv);
        dir.write("kano-sat.csv", kano_by_satisfaction_csv);
        dir.write("pairs-sat.csv", pairs_by_satisfaction_csv);
        project = dir.load();
    }
    SurveyData waves(const std::string& by = "") const {
        return read_survey_waves(project, {dir.input("w/2027-01.csv"), dir.input("w/2027-04.csv")},
                                 parse_segment_by(by));
    }
    SurveyData counts(const std::vector<std::string>& files, const std::string& by = "") const {
        std::vector<WaveInput> inputs;
        for (const std::string& f : files)
            inputs.push_back(dir.input(f));
        return read_survey_counts(project, inputs, parse_segment_by(by));
    }
    /// read_survey_counts on one answer counts file holding text (plus the Kano counts).
    std::string error(const std::string& text, ExitCode code = ExitCode::input,
                      const std::string& by = "") const {
        dir.write("bad.csv", text);
        return error_of([&] { counts({"bad.csv", "kano.csv"}, by); }, code);
    }
};

} // namespace

TEST_CASE("counts: the same SurveyData as the raw waves", "[counts]") {
    Fixture fx;
    check_same(fx.waves(), fx.counts({"answers.csv", "kano.csv", "pairs.csv"}));
    check_same(fx.waves("segment"), fx.counts({"answers.csv", "kano.csv", "pairs.csv"}, "segment"));
    check_same(fx.waves("satisfaction"),
               fx.counts({"pairs-sat.csv", "answers.csv", "kano-sat.csv"}, "satisfaction"));
}

TEST_CASE("counts: answers decoded with the survey mapping", "[counts]") {
    Fixture fx;
    SurveyData d = fx.counts({"answers.csv", "kano.csv", "pairs.csv"});
    CHECK(d.waves == std::vector<std::string>{"2027-01", "2027-04"}); // survey.waves order
    CHECK(d.segments == std::vector<std::string>{""});
    CHECK(d.has_groups);
    CHECK(d.has_accounts);
    CHECK(d.has_pairs);
    CHECK(d.rows == std::vector<std::uint64_t>{0, 0});
    CHECK(d.bad_rows == std::vector<std::uint64_t>{0, 0});
    // Wave 1, pilot: " 2 " and 4; "Strongly agree" is 5 (control); N/A missing ("other").
    const Histogram& pilot_q1 = d.answers.at({0, GroupRole::pilot, 0, q1});
    CHECK(pilot_q1.counts == Counts{{2, 1}, {4, 1}});
    CHECK(pilot_q1.missing == 0);
    CHECK(d.answers.at({0, GroupRole::control, 0, q1}).counts == Counts{{5, 1}});
    CHECK(d.answers.at({0, GroupRole::other, 0, q1}).missing == 1);
    CHECK(d.answers.at({0, GroupRole::other, 0, q1}).n() == 0);
    // Wave 2: "agree" (case-folded label) is 4; 9 is outside 1–5: invalid, not clamped.
    CHECK(d.answers.at({1, GroupRole::control, 0, q1}).counts == Counts{{4, 1}});
    CHECK(d.answers.at({1, GroupRole::pilot, 0, q1}).counts == Counts{{3, 1}, {5, 1}});
    CHECK(d.answers.at({1, GroupRole::pilot, 0, q1}).invalid == 1);
    // NPS on 0–10; "x" invalid, blank missing.
    CHECK(d.answers.at({0, GroupRole::pilot, 0, nps}).counts == Counts{{9, 1}});
    CHECK(d.answers.at({0, GroupRole::pilot, 0, nps}).invalid == 1);
    CHECK(d.answers.at({1, GroupRole::pilot, 0, nps}).missing == 1);
    // Kano: both valid → a pair; either invalid → invalid; else either blank → missing.
    const KanoCounts& k = d.kano.at({0, GroupRole::pilot, 0, kano});
    CHECK(k.pairs[like][dislike] == 1);
    CHECK(k.invalid == 1);
    CHECK(d.kano.at({0, GroupRole::control, 0, kano}).missing == 1);
    CHECK(d.kano.at({1, GroupRole::pilot, 0, kano}).pairs[like][like] == 1);
    // Paired differences, by first-wave group.
    CHECK(d.differences.at({GroupRole::pilot, 0, q1}).counts == Counts{{1, 1}});
    CHECK(d.differences.at({GroupRole::control, 0, nps}).counts == Counts{{-2, 1}});
    // Per account: project accounts only (ACC-9 is not one), pilot and control only.
    CHECK(d.accounts == std::vector<std::string>{"ACC-1", "ACC-2", "ACC-3"});
    CHECK(d.account_answers.at({0, GroupRole::pilot, 0, q1}).counts == Counts{{2, 1}, {4, 1}});
    CHECK(d.account_answers.count({0, GroupRole::other, 2, q1}) == 0);
    CHECK(d.account_answers.size() == 8); // 2 waves × (ACC-1, ACC-2) × (q1, nps)
}

TEST_CASE("counts: markers, repeated keys, counts above one, any column order", "[counts]") {
    Fixture fx;
    // Columns in another order, no account column, a trailing unnamed column.
    fx.dir.write("a.csv", "question,wave,count,value,segment,group,\n"
                          "q1,2027-01,3,na,,P,\n"
                          "q1,2027-01,2, invalid ,,P,\n"
                          "q1,2027-01,4,4,,P,\n"
                          "q1,2027-01,1, 4.0 ,,P,\n"
                          "q1,2027-01,0,5,,P,\n"
                          "q1,2027-01,7,3,,pilot,\n"
                          "nps,2027-01,2,na,,P,\n");
    fx.dir.write("k.csv", "wave,group,segment,question,functional,dysfunctional,count\n"
                          "2027-01,P,,kf,I like it,na,5\n"
                          "2027-01,P,,kf,na,invalid,1\n"
                          "2027-01,P,,kf,invalid,I like it,1\n"
                          "2027-01,P,,kf,I like it,I dislike it,2\n"
                          "2027-01,P,,kf,i LIKE it,I DISLIKE IT,3\n");
    SurveyData d = fx.counts({"a.csv", "k.csv"});
    CHECK(d.waves == std::vector<std::string>{"2027-01"});
    const Histogram& h = d.answers.at({0, GroupRole::pilot, 0, q1});
    CHECK(h.missing == 3);
    CHECK(h.invalid == 2);
    CHECK(h.counts == Counts{{4, 5}}); // "4" and " 4.0 " add up; a zero count adds nothing
    // "pilot" is not the survey's pilot label (P): another group.
    CHECK(d.answers.at({0, GroupRole::other, 0, q1}).counts == Counts{{3, 7}});
    CHECK(d.answers.at({0, GroupRole::pilot, 0, nps}).missing == 2);
    CHECK_FALSE(d.has_accounts); // no account column in the counts
    CHECK(d.account_answers.empty());
    CHECK_FALSE(d.has_pairs);
    CHECK(d.differences.empty());
    const KanoCounts& k = d.kano.at({0, GroupRole::pilot, 0, kano});
    CHECK(k.missing == 5);
    CHECK(k.invalid == 2);
    CHECK(k.pairs[like][dislike] == 5);
    // Two files of one kind add up, as shards of a warehouse export do.
    SurveyData twice = fx.counts({"a.csv", "k.csv", "a.csv"});
    CHECK(twice.answers.at({0, GroupRole::pilot, 0, q1}).counts == Counts{{4, 10}});
    CHECK(twice.answers.at({0, GroupRole::pilot, 0, q1}).missing == 6);
}

TEST_CASE("counts: groups without a group mapping, segments by --by", "[counts]") {
    SECTION("no survey.group: every row is in the other group") {
        Fixture fx({"group", "groups"});
        SurveyData d = fx.counts({"answers.csv", "kano.csv", "pairs.csv"});
        CHECK_FALSE(d.has_groups);
        for (const auto& [key, h] : d.answers)
            CHECK(std::get<1>(key) == GroupRole::other);
        CHECK(d.answers.at({0, GroupRole::other, 0, q1}).counts == Counts{{2, 1}, {4, 1}, {5, 1}});
        CHECK(d.account_answers.empty()); // accounts are split only in pilot and control
        check_same(fx.waves(), d);
    }
    SECTION("--by segment: the segment column; the pairs by the first wave's segment") {
        Fixture fx;
        SurveyData d = fx.counts({"answers.csv", "kano.csv", "pairs.csv"}, "segment");
        const Canonical c = canonical(d);
        CHECK(c.answers.at({1, GroupRole::pilot, "enterprise", q1}).counts == Counts{{5, 1}});
        CHECK(c.answers.at({1, GroupRole::pilot, "smb", q1}).counts == Counts{{3, 1}});
        CHECK(c.differences.at({GroupRole::pilot, "smb", q1}).counts == Counts{{1, 1}});
    }
    SECTION("--by segment without survey.segment: the accounts' segments") {
        Fixture fx({"segment"});
        SurveyData d = fx.counts({"answers.csv", "kano.csv", "pairs.csv"}, "segment");
        const Canonical c = canonical(d);
        // r1 answered as "enterprise" in wave 2, but ACC-1 is an smb account; ACC-9 unknown.
        CHECK(c.answers.at({1, GroupRole::pilot, "smb", q1}).counts == Counts{{5, 1}});
        CHECK(c.answers.at({1, GroupRole::pilot, "smb", q1}).invalid == 1);
        CHECK(c.answers.at({1, GroupRole::pilot, "unknown", q1}).counts == Counts{{3, 1}});
        const SurveyData w = fx.waves("segment");
        const Canonical cw = canonical(w);
        CHECK(cw.answers == c.answers);
    }
    SECTION("--by satisfaction: the accounts' satisfaction") {
        Fixture fx;
        SurveyData d = fx.counts({"answers.csv", "kano-sat.csv", "pairs-sat.csv"}, "satisfaction");
        const Canonical c = canonical(d);
        CHECK(c.answers.at({0, GroupRole::control, "dissatisfied", q1}).counts == Counts{{5, 1}});
        CHECK(c.answers.at({0, GroupRole::other, "unknown", q1}).missing == 1);
        CHECK(c.kano.at({0, GroupRole::pilot, "satisfied", kano}).invalid == 1);
    }
}

TEST_CASE("counts: wave order", "[counts]") {
    Fixture fx;
    auto waves_of = [&](const std::string& labels) {
        std::string a = "wave,group,segment,question,value,count\n";
        std::string k = "wave,group,segment,question,functional,dysfunctional,count\n";
        std::size_t from = 0;
        while (from < labels.size()) {
            std::size_t comma = labels.find(',', from);
            if (comma == std::string::npos) comma = labels.size();
            const std::string label = labels.substr(from, comma - from);
            a += label + ",P,,q1,4,1\n" + label + ",P,,nps,9,1\n";
            k += label + ",P,,kf,like,like,1\n";
            from = comma + 1;
        }
        fx.dir.write("a.csv", a);
        fx.dir.write("k.csv", k);
        return fx.counts({"a.csv", "k.csv"}).waves;
    };
    using Labels = std::vector<std::string>;
    // Every label is a file of survey.waves: in its order.
    CHECK(waves_of("2027-04,2027-01") == Labels{"2027-01", "2027-04"});
    // Otherwise as first seen (trimmed).
    CHECK(waves_of("b, a ,b") == Labels{"b", "a"});
    CHECK(waves_of("2027-04,x,2027-01") == Labels{"2027-04", "x", "2027-01"});
    // The wave keys follow the order.
    waves_of("2027-04,2027-01");
    fx.dir.write("a.csv", "wave,group,segment,question,value,count\n"
                          "2027-04,P,,q1,5,1\n2027-04,P,,nps,9,1\n2027-01,P,,q1,2,1\n");
    SurveyData d = fx.counts({"a.csv", "k.csv"});
    CHECK(d.answers.at({0, GroupRole::pilot, 0, q1}).counts == Counts{{2, 1}});
    CHECK(d.answers.at({1, GroupRole::pilot, 0, q1}).counts == Counts{{5, 1}});
    CHECK(d.kano.count({1, GroupRole::pilot, 0, kano}) == 1);
}

TEST_CASE("counts: headers", "[counts]") {
    Fixture fx;
    const std::string expected = "\n  wave,group,segment,question,value,count[,account] (answer "
                                 "counts)\n  wave,group,segment,question,functional,dysfunctional,"
                                 "count (Kano counts)\n  group,segment,question,difference,count "
                                 "(paired differences)";
    CHECK(fx.error("respondent_id,q1\nr1,4\n") ==
          "bad.csv:1:0: not a counts file: the header must be one of" + expected);
    CHECK(fx.error("wave,value,difference\n") ==
          "bad.csv:1:0: not a counts file: the header must be one of" + expected);
    CHECK(fx.error("wave,group,segment,question,functionl,dysfunctional,count\n") ==
          "bad.csv:1:29: unexpected column 'functionl' in Kano counts (did you mean "
          "'functional'?); expected wave,group,segment,question,functional,dysfunctional,count");
    CHECK(fx.error("wave,group,segment,question,value\n") ==
          "bad.csv:1:0: the answer counts header lacks the column 'count'; expected "
          "wave,group,segment,question,value,count[,account]");
    CHECK(fx.error("wave,group,segment,question,value,cout\n") ==
          "bad.csv:1:35: unexpected column 'cout' in answer counts (did you mean 'count'?); "
          "expected wave,group,segment,question,value,count[,account]");
    CHECK(fx.error("group,segment,question,difference,count,wave\n") ==
          "bad.csv:1:41: unexpected column 'wave' in paired differences; expected "
          "group,segment,question,difference,count");
    CHECK(fx.error("wave,group,segment,question,value,count,count\n") ==
          "bad.csv:1:41: duplicate column 'count' (also column 6)");
    CHECK(fx.error("") == "bad.csv:0:0: empty CSV file: expected a header row");
}

TEST_CASE("counts: bad rows are refused with their place", "[counts]") {
    Fixture fx;
    const std::string head = "wave,group,segment,question,value,count\n";
    CHECK(fx.error(head + "2027-01,P,,q1,4,-1\n") ==
          "bad.csv:2:17: count '-1' is not a non-negative whole number");
    CHECK(fx.error(head + "2027-01,P,,q1,4,1.5\n") ==
          "bad.csv:2:17: count '1.5' is not a non-negative whole number");
    CHECK(fx.error(head + "2027-01,P,,q1,4,\n") ==
          "bad.csv:2:17: count '' is not a non-negative whole number");
    CHECK(fx.error(head + "2027-01,P,,q1,4,+3\n") ==
          "bad.csv:2:17: count '+3' is not a non-negative whole number");
    CHECK(fx.error(head + "2027-01,P,,q1,4,99999999999999999999\n") ==
          "bad.csv:2:17: count '99999999999999999999' is not a non-negative whole number");
    CHECK(fx.error(head + "2027-01,P,,q1,4,9007199254740992\n2027-01,P,,q1,4,1\n") ==
          "bad.csv:3:17: the counts add up to more than 2^53, past what delight counts exactly");
    CHECK(fx.error(head + "2027-01,P,,q11,4,1\n") ==
          "bad.csv:2:12: unknown question 'q11' (did you mean 'q1'?): questions are the mapped "
          "columns of survey.questions");
    CHECK(fx.error(head + "2027-01,P,,kf,4,1\n") ==
          "bad.csv:2:12: 'kf' is a Kano question: its counts go in a Kano counts file "
          "(wave,group,segment,question,functional,dysfunctional,count)");
    CHECK(fx.error(head + "2027-01,P,,q1,4\n") == "bad.csv:2:0: 5 cells where the header has 6");
    CHECK(fx.error(head + "2027-01,P,,q1,4,1,x\n") ==
          "bad.csv:2:0: 7 cells where the header has 6");
    CHECK(fx.error(head + " ,P,,q1,4,1\n") == "bad.csv:2:1: empty wave label");
    CHECK(fx.error(head + "2027-01,P,,q1,\"4,1\n") ==
          "bad.csv:2:15: unterminated quoted field starting here");
    // Kano files: named by the functional column.
    const std::string kano_head = "wave,group,segment,question,functional,dysfunctional,count\n";
    fx.dir.write("k.csv", kano_head + "2027-01,P,,kd,like,like,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "k.csv"});
          }) == "k.csv:2:12: 'kd' is a dysfunctional column: a Kano question is named by its "
                "functional column 'kf'");
    fx.dir.write("k.csv", kano_head + "2027-01,P,,q1,like,like,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "k.csv"});
          }) == "k.csv:2:12: 'q1' is not a Kano question: its counts go in an answer counts file "
                "(wave,group,segment,question,value,count[,account])");
    fx.dir.write("k.csv", kano_head + "2027-01,P,,kff,like,like,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "k.csv"});
          }) == "k.csv:2:12: unknown question 'kff' (did you mean 'kf'?): questions are the "
                "functional columns of survey.questions");
    // Paired differences: numbers within ±(max − min) of the question's scale.
    const std::string pairs_head = "group,segment,question,difference,count\n";
    fx.dir.write("p.csv", pairs_head + "P,,q1,5,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv", "p.csv"});
          }) == "p.csv:2:7: difference 5 is outside ±4 (the scale of 'q1' is 1–5)");
    fx.dir.write("p.csv", pairs_head + "P,,nps,-11,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv", "p.csv"});
          }) == "p.csv:2:8: difference -11 is outside ±10 (the scale of 'nps' is 0–10)");
    fx.dir.write("p.csv", pairs_head + "P,,q1,one,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv", "p.csv"});
          }) == "p.csv:2:7: difference 'one' is not a number");
    fx.dir.write("p.csv", pairs_head + "P,,q1,nan,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv", "p.csv"});
          }) == "p.csv:2:7: difference 'nan' is not a number");
    fx.dir.write("p.csv", pairs_head + "P,,kf,1,1\n");
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv", "p.csv"});
          }) == "p.csv:2:4: 'kf' is a Kano question: its counts go in a Kano counts file "
                "(wave,group,segment,question,functional,dysfunctional,count)");
    // Accepted forms: +1, 1.0, -1e0 (and -0 is 0).
    fx.dir.write("p.csv", pairs_head + "P,,q1,+1,1\nP,,q1,1.0,1\nP,,q1,-1e0,1\nP,,q1,-0,2\n");
    SurveyData d = fx.counts({"answers.csv", "kano.csv", "p.csv"});
    CHECK(d.differences.at({GroupRole::pilot, 0, q1}).counts == Counts{{-1, 1}, {0, 2}, {1, 2}});
    CHECK_FALSE(std::signbit(d.differences.at({GroupRole::pilot, 0, q1}).counts[1].first));
}

TEST_CASE("counts: what the files must hold together", "[counts]") {
    Fixture fx;
    // Every mapped question counted.
    fx.dir.write("a.csv", "wave,group,segment,question,value,count\n2027-01,P,,q1,4,1\n");
    CHECK(error_of([&] {
              fx.counts({"a.csv", "kano.csv"});
          }) ==
          "a.csv:0:0: the answer counts have no row for the survey question 'nps' (every mapped "
          "question must be counted)");
    CHECK(error_of([&] { fx.counts({"answers.csv"}); }) ==
          "delight.yaml:23:7: no Kano counts given for the survey question 'kf': add a --counts "
          "file with the header wave,group,segment,question,functional,dysfunctional,count");
    CHECK(error_of([&] { fx.counts({"kano.csv"}); }) ==
          "delight.yaml:21:7: no answer counts given for the survey question 'q1': add a "
          "--counts file with the header wave,group,segment,question,value,count[,account]");
    // Paired differences alone, or with one wave.
    CHECK(error_of([&] { fx.counts({"pairs.csv"}); }) ==
          "pairs.csv:0:0: the counts files hold no wave: give the answer counts "
          "(wave,group,segment,question,value,count[,account]) or the Kano counts");
    fx.dir.write("a.csv", "wave,group,segment,question,value,count\n"
                          "2027-01,P,,q1,4,1\n2027-01,P,,nps,4,1\n");
    fx.dir.write("k.csv", "wave,group,segment,question,functional,dysfunctional,count\n"
                          "2027-01,P,,kf,like,like,1\n");
    CHECK(error_of([&] {
              fx.counts({"a.csv", "k.csv", "pairs.csv"});
          }) == "pairs.csv:0:0: paired differences compare the first and the last wave, but the "
                "counts hold one wave ('2027-01')");
    // Per-account counts in every answers file or in none.
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "a.csv", "kano.csv"});
          }) == "a.csv:1:0: this file lacks the account column but an earlier answer counts file "
                "has it: give all answer counts per account or none");
    // max_invalid applies as to the raw waves.
    fx.dir.write("a.csv", "wave,group,segment,question,value,count\n"
                          "2027-01,P,,q1,4,1\n2027-01,P,,q1,7,2\n2027-01,P,,nps,4,1\n");
    CHECK(error_of([&] {
              fx.counts({"a.csv", "kano.csv"});
          }) == "a.csv:1:0: wave '2027-01', column 'q1': 2 of 3 answers are invalid (66.7%, over "
                "max_invalid 50%); run `delight check` to see them, then add the answers to survey "
                "labels or fix the data");
    // A file that is not there: the operating system's error (exit 4).
    CHECK_THROWS_AS(fx.counts({"missing.csv"}), Error);
    try {
        fx.counts({"missing.csv"});
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::os);
    }
}

TEST_CASE("counts: --by values the counts cannot serve", "[counts]") {
    Fixture fx;
    CHECK(error_of(
              [&] {
                  fx.counts({"answers.csv", "kano.csv"}, "region");
              },
              ExitCode::usage) ==
          ":0:0: --by region needs the survey CSV files; counts files only carry segment (use "
          "--by segment or --by satisfaction)");
    // With --by satisfaction, a file without accounts carries the satisfaction in segment.
    CHECK(error_of([&] {
              fx.counts({"answers.csv", "kano.csv"}, "satisfaction");
          }) ==
          "kano.csv:2:11: segment 'smb' is not a satisfaction: with --by satisfaction, a file "
          "without an account column carries satisfied, neutral, dissatisfied or unknown in "
          "segment");
    Fixture no_accounts({"account"});
    CHECK(error_of(
              [&] {
                  no_accounts.counts({"answers.csv", "kano.csv"}, "satisfaction");
              },
              ExitCode::usage) ==
          "delight.yaml:12:3: --by satisfaction needs survey.account to join respondents to "
          "accounts");
    Fixture neither({"account", "segment"});
    CHECK(error_of(
              [&] {
                  neither.counts({"answers.csv", "kano.csv"}, "segment");
              },
              ExitCode::usage)
              .find("--by segment needs survey.segment") != std::string::npos);
}
