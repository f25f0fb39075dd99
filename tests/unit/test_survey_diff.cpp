// core/survey_diff (PRODUCT.md §4.5): the verdict rules (too few answers, improved / declined
// by q and the sign of r, no change by the CI and the margin, inconclusive), the expectation
// verdict from its delivery questions, the account-level DiD, and that the result does not
// depend on the order in which accounts and segments were met. Then io/survey_reader on small
// files: labels, na codes, invalid cells, groups, pairing and a wave column.
#include "delight/render_survey.hpp"
#include "delight/survey_diff.hpp"
#include "delight/survey_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace delight;

namespace {

Project survey_project() {
    Project p;
    p.scale = {1, 5};
    p.touchpoints = {"billing"};
    p.functions = {"finance"};
    for (const char* id : {"accurate", "on-time"}) {
        Expectation e;
        e.id = id;
        e.touchpoint = "billing";
        e.functions = {"finance"};
        e.kind = std::string(id) == "accurate" ? Kind::stated : Kind::implied;
        p.expectations.push_back(e);
    }
    SurveyMapping s;
    SurveyQuestion q1;
    q1.column = "q_accurate";
    q1.expectation = "accurate";
    SurveyQuestion q2;
    q2.column = "q_accurate_importance";
    q2.expectation = "accurate";
    q2.measure = Measure::importance;
    SurveyQuestion q3;
    q3.column = "q_on_time";
    q3.expectation = "on-time";
    s.questions = {q1, q2, q3};
    p.survey = s;
    return p;
}

/// A histogram with counts for the values 1..5.
Histogram hist(std::vector<std::uint64_t> counts) {
    Histogram h;
    for (std::size_t i = 0; i < counts.size(); ++i)
        h.add(static_cast<double>(i + 1), counts[i]);
    return h;
}

SurveyData two_waves(std::vector<Histogram> first, std::vector<Histogram> last) {
    SurveyData d;
    d.waves = {"a", "b"};
    d.segments = {""};
    d.rows = {0, 0};
    d.bad_rows = {0, 0};
    for (std::size_t q = 0; q < first.size(); ++q) {
        d.answers[{0, GroupRole::other, 0, q}] = first[q];
        d.answers[{1, GroupRole::other, 0, q}] = last[q];
    }
    return d;
}

const QuestionStats& question(const SurveyDiffResult& r, const std::string& column) {
    for (const QuestionStats& q : r.all.questions)
        if (q.column == column) return q;
    FAIL("no question " << column);
    return r.all.questions.front();
}

Verdict expectation_verdict(const SurveyDiffResult& r, const std::string& id) {
    for (const ExpectationVerdict& e : r.all.expectations)
        if (e.id == id) return e.verdict;
    FAIL("no expectation " << id);
    return Verdict::too_few;
}

} // namespace

TEST_CASE("survey-diff verdicts follow the rules of §4.5", "[survey-diff]") {
    Project p = survey_project();
    Histogram flat = hist({100, 100, 100, 100, 100});
    SECTION("a clear rise is improved, a clear fall declined") {
        SurveyData d = two_waves({hist({50, 50, 50, 20, 10}), flat, hist({10, 20, 50, 50, 50})},
                                 {hist({10, 20, 50, 50, 50}), flat, hist({50, 50, 50, 20, 10})});
        SurveyDiffResult r = survey_diff(p, d, {}, "");
        CHECK(question(r, "q_accurate").verdict == Verdict::improved);
        CHECK(*question(r, "q_accurate").all.comparison.effect_rank_biserial > 0);
        CHECK(question(r, "q_on_time").verdict == Verdict::declined);
        CHECK(question(r, "q_accurate_importance").verdict == Verdict::no_change);
        CHECK(question(r, "q_accurate").basis == "sample");
        CHECK(expectation_verdict(r, "accurate") == Verdict::improved);
        CHECK(expectation_verdict(r, "on-time") == Verdict::declined);
        CHECK(r.all.rollup[static_cast<std::size_t>(Kind::stated)]
                          [static_cast<std::size_t>(Verdict::improved)] == 1);
        CHECK(any_declined(r));
    }
    SECTION("a change in importance alone does not make the expectation improve") {
        SurveyData d = two_waves({flat, hist({50, 50, 50, 20, 10}), flat},
                                 {flat, hist({10, 20, 50, 50, 50}), flat});
        SurveyDiffResult r = survey_diff(p, d, {}, "");
        CHECK(question(r, "q_accurate_importance").verdict == Verdict::improved);
        CHECK(expectation_verdict(r, "accurate") == Verdict::no_change);
    }
    SECTION("below --min-n is too few answers, whatever the p-value") {
        SurveyData d =
            two_waves({hist({20, 5, 0, 0, 0}), flat, flat}, {hist({0, 0, 0, 5, 20}), flat, flat});
        SurveyDiffOptions o;
        o.min_n = 30;
        CHECK(question(survey_diff(p, d, o, ""), "q_accurate").verdict == Verdict::too_few);
        o.min_n = 25;
        CHECK(question(survey_diff(p, d, o, ""), "q_accurate").verdict == Verdict::improved);
    }
    SECTION("a small sample with a small change is inconclusive; a wider margin says no change") {
        SurveyData d =
            two_waves({hist({8, 8, 8, 8, 8}), flat, flat}, {hist({7, 8, 8, 8, 9}), flat, flat});
        SurveyDiffOptions o;
        CHECK(question(survey_diff(p, d, o, ""), "q_accurate").verdict == Verdict::inconclusive);
        o.margin = 1.5;
        CHECK(question(survey_diff(p, d, o, ""), "q_accurate").verdict == Verdict::no_change);
    }
    SECTION("identical answers without spread: no change, nothing undefined is invented") {
        SurveyData d =
            two_waves({hist({0, 0, 40, 0, 0}), flat, flat}, {hist({0, 0, 40, 0, 0}), flat, flat});
        SurveyDiffResult r = survey_diff(p, d, {}, "");
        const QuestionStats& q = question(r, "q_accurate");
        CHECK_FALSE(q.all.comparison.p_mannwhitney);
        CHECK(*q.all.comparison.delta_mean == 0);
        CHECK(q.verdict == Verdict::no_change);
    }
}

namespace {

/// Pilot accounts P1..P4 rise by `pilot_rise` levels, control accounts C1..C4 stay; each
/// account has 10 respondents per wave.
SurveyData pilot_and_control(int pilot_rise, bool reversed_accounts) {
    SurveyData d;
    d.waves = {"a", "b"};
    d.segments = {""};
    d.has_groups = d.has_accounts = true;
    std::vector<std::string> names = {"P1", "P2", "P3", "P4", "C1", "C2", "C3", "C4"};
    if (reversed_accounts) std::reverse(names.begin(), names.end());
    for (const std::string& n : names)
        d.account_index(n);
    for (const std::string& n : names) {
        bool pilot = n[0] == 'P';
        GroupRole role = pilot ? GroupRole::pilot : GroupRole::control;
        std::size_t a = d.account_index(n);
        int base = 1 + (n[1] - '1') % 2;
        for (std::size_t w = 0; w < 2; ++w) {
            Histogram h;
            int level = base + (pilot && w == 1 ? pilot_rise : 0);
            h.add(level, 6);
            h.add(std::min(level + 1, 5), 4);
            d.account_answers[{w, role, a, 0}].merge(h);
            d.answers[{w, role, 0, 0}].merge(h);
        }
    }
    return d;
}

Project grouped_project() {
    Project p = survey_project();
    p.survey->questions.resize(1);
    p.survey->group_column = "group";
    p.survey->account_column = "account";
    for (const char* id : {"P1", "P2", "P3", "P4", "C1", "C2", "C3", "C4"}) {
        Account a;
        a.id = id;
        p.accounts.push_back(a);
    }
    return p;
}

} // namespace

TEST_CASE("the account-level DiD decides the verdict when accounts are mapped", "[survey-diff]") {
    Project p = grouped_project();
    SurveyDiffResult r = survey_diff(p, pilot_and_control(2, false), {}, "");
    const QuestionStats& q = r.all.questions.at(0);
    REQUIRE(q.did);
    CHECK(q.did->level == "account");
    CHECK(q.did->n_accounts == std::array<std::size_t, 2>{4, 4});
    CHECK(*q.did->delta == Approx(2.0));
    CHECK(*q.did->pilot_change == Approx(2.0));
    CHECK(*q.did->control_change == Approx(0.0));
    CHECK(q.basis == "did-account");
    CHECK(q.verdict == Verdict::improved);

    SECTION("the order accounts were met in does not change a byte") {
        SurveyDiffResult again = survey_diff(p, pilot_and_control(2, true), {}, "");
        CHECK(render::survey_diff_json(again) == render::survey_diff_json(r));
    }
    SECTION("accounts that are not in the project are left out") {
        p.accounts.resize(5); // P1..P4, C1
        SurveyDiffResult fewer = survey_diff(p, pilot_and_control(2, false), {}, "");
        const QuestionStats& few = fewer.all.questions.at(0);
        CHECK(few.did->n_accounts == std::array<std::size_t, 2>{4, 1});
        CHECK_FALSE(few.did->delta); // one control account: no Welch test
        CHECK(few.verdict == Verdict::too_few);
    }
}

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("delight-survey-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    io::WaveInput write(const std::string& name, const std::string& text) const {
        std::ofstream((path / name).string(), std::ios::binary) << text;
        return io::WaveInput{(path / name).string(), name, io::wave_label(name)};
    }
};

} // namespace

TEST_CASE("the CSV path counts labels, na, invalid cells, groups and pairs", "[survey-diff]") {
    Project p = survey_project();
    p.survey->questions.resize(1);
    p.survey->id_column = "rid";
    p.survey->group_column = "group";
    p.survey->na = {"", "N/A", "-99"};
    p.survey->labels = {{"strongly agree", 5.0}};
    p.survey->max_invalid = 0.5;
    TempDir dir;
    io::WaveInput a = dir.write("w1.csv", "rid,group,q_accurate\n"
                                          "r1,pilot,2\n"
                                          "r2,control,N/A\n"
                                          "r3,other,-99\n"
                                          "r4,pilot,  Strongly Agree \n"
                                          "r5,pilot,9\n");
    io::WaveInput b = dir.write("w2.csv", "rid,group,q_accurate\n"
                                          "r1,pilot,4\n"
                                          "r4,pilot,3\n"
                                          "r6,control,1\n");
    SurveyData d = io::read_survey_waves(p, {a, b}, {});
    CHECK(d.waves == std::vector<std::string>{"w1", "w2"});
    CHECK(d.rows == std::vector<std::uint64_t>{5, 3});
    CHECK(d.has_pairs);
    const Histogram& pilot1 = d.answers.at({0, GroupRole::pilot, 0, 0});
    CHECK(pilot1.counts == std::vector<std::pair<double, std::uint64_t>>{{2.0, 1}, {5.0, 1}});
    CHECK(pilot1.invalid == 1);
    CHECK(d.answers.at({0, GroupRole::control, 0, 0}).missing == 1);
    CHECK(d.answers.at({0, GroupRole::other, 0, 0}).missing == 1);
    const Histogram& diffs = d.differences.at({GroupRole::pilot, 0, 0});
    CHECK(diffs.counts == std::vector<std::pair<double, std::uint64_t>>{{-2.0, 1}, {2.0, 1}});

    SECTION("a wave column splits one file, waves ordered as first seen") {
        p.survey->wave_column = "wave";
        io::WaveInput one = dir.write("all.csv", "rid,wave,group,q_accurate\n"
                                                 "r1,later,pilot,4\n"
                                                 "r1,earlier,pilot,2\n"
                                                 "r2,earlier,pilot,3\n");
        SurveyData w = io::read_survey_waves(p, {one}, {});
        CHECK(w.waves == std::vector<std::string>{"later", "earlier"});
        CHECK(w.differences.at({GroupRole::pilot, 0, 0}).counts ==
              std::vector<std::pair<double, std::uint64_t>>{{-2.0, 1}});
    }
    SECTION("too many invalid answers stop the run with exit 3") {
        p.survey->max_invalid = 0.1;
        try {
            io::read_survey_waves(p, {a, b}, {});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::input);
            CHECK(e.diagnostic().loc.file == "w1.csv");
            CHECK_THAT(e.diagnostic().message, Catch::Contains("1 of 3 answers are invalid"));
        }
    }
}
