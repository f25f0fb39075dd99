// core/instrument and render/instrument (PRODUCT.md §4.4 "Survey instrument"): the question
// templates, the 140-character limit counted in code points, Kano only where it is asked,
// deterministic columns, survey.yaml read back by delight's own loader into the same mapping,
// escaping of hostile project text, and the round trip instrument → filled export →
// survey-diff.
#include "delight/instrument.hpp"
#include "delight/project.hpp"
#include "delight/render_instrument.hpp"
#include "delight/survey_answers.hpp"
#include "delight/survey_diff.hpp"
#include "delight/survey_reader.hpp"
#include "delight/text.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delight;

namespace {

Expectation expectation(const std::string& id, const std::string& text, Kano kano,
                        const std::string& question = "") {
    Expectation e;
    e.id = id;
    e.text = text;
    e.kano = kano;
    e.touchpoint = "billing";
    e.functions = {"finance"};
    e.question = question;
    return e;
}

std::vector<const Expectation*> all_of(const Project& p) {
    std::vector<const Expectation*> out;
    for (const Expectation& e : p.expectations)
        out.push_back(&e);
    return out;
}

/// Every question text of the instrument (a Kano pair gives two).
std::vector<std::string> texts(const Instrument& instrument) {
    std::vector<std::string> out;
    for (const InstrumentQuestion& q : instrument.questions) {
        if (q.type == SurveyQuestion::Type::kano) {
            out.push_back(q.functional_text);
            out.push_back(q.dysfunctional_text);
        } else {
            out.push_back(q.text);
        }
    }
    return out;
}

std::string wording_of(const std::string& question_text) {
    std::size_t colon = question_text.find(": ");
    REQUIRE(colon != std::string::npos);
    REQUIRE(question_text.back() == '?');
    return question_text.substr(colon + 2, question_text.size() - colon - 3);
}

/// A project folder under the system's temp directory, removed at the end of the test.
struct InstrumentDir {
    fs::path path;
    InstrumentDir() {
        std::string pattern = (fs::temp_directory_path() / "delight-instrument-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~InstrumentDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    InstrumentDir(const InstrumentDir&) = delete;
    InstrumentDir& operator=(const InstrumentDir&) = delete;

    void write(const std::string& relative, const std::string& content) const {
        std::ofstream(path / relative, std::ios::binary) << content;
    }
    io::ProjectLocation where() const {
        io::ProjectLocation where;
        where.yaml_path = (path / "delight.yaml").string();
        where.directory = path.string();
        return where;
    }
    Project load(const std::string& yaml) const {
        write("delight.yaml", yaml);
        Diagnostics warnings;
        return io::load_project_strict(where(), warnings);
    }
};

const std::string project_yaml =
    "version: 1\n"
    "project: {name: Instrument test}\n"
    "scale: {min: 1, max: 7}\n"
    "touchpoints: [billing, support]\n"
    "functions: [finance, service]\n"
    "expectations:\n"
    "  - {id: invoice-accuracy, text: Accurate invoices, kano: must-be, touchpoint: billing,\n"
    "     functions: [finance], question: invoices are accurate and on time}\n"
    "  - {id: proactive-alerts, text: \"Proactive alerts: before equipment fails\",\n"
    "     kano: attractive, touchpoint: support, functions: [service]}\n"
    "  - {id: not-planned, text: Something else, touchpoint: support, functions: [service]}\n";

/// The fields the loader fills, compared one by one (positions aside).
void check_same(const SurveyQuestion& loaded, const SurveyQuestion& made) {
    INFO("column " << made.column << made.functional);
    CHECK(loaded.type == made.type);
    CHECK(loaded.column == made.column);
    CHECK(loaded.expectation == made.expectation);
    CHECK(loaded.measure == made.measure);
    CHECK(loaded.scale.has_value() == made.scale.has_value());
    if (loaded.scale && made.scale) {
        CHECK(loaded.scale->min == made.scale->min);
        CHECK(loaded.scale->max == made.scale->max);
    }
    CHECK(loaded.functional == made.functional);
    CHECK(loaded.dysfunctional == made.dysfunctional);
    CHECK(loaded.labels.empty());
    CHECK(loaded.answers.empty());
}

void check_same(const SurveyMapping& loaded, const SurveyMapping& made) {
    CHECK(loaded.waves.empty());
    CHECK(loaded.id_column == made.id_column);
    CHECK(loaded.account_column == made.account_column);
    CHECK(loaded.group_column == made.group_column);
    CHECK(loaded.pilot_label == made.pilot_label);
    CHECK(loaded.control_label == made.control_label);
    CHECK(loaded.delimiter == ',');
    CHECK(loaded.header_rows == 1);
    REQUIRE(loaded.questions.size() == made.questions.size());
    for (std::size_t i = 0; i < made.questions.size(); ++i)
        check_same(loaded.questions[i], made.questions[i]);
}

} // namespace

TEST_CASE("instrument: the templates, columns and order", "[instrument]") {
    Project p;
    p.name = "Acme audit";
    p.scale = {1, 5};
    p.expectations = {
        expectation("invoice-accuracy", "Accurate invoices", Kano::must_be,
                    "invoices are accurate and on time"),
        expectation("proactive-alerts", "Proactive alerts before equipment fails.",
                    Kano::attractive),
    };
    Instrument in = build_instrument(p, all_of(p));
    CHECK(in.title == "Acme audit");
    CHECK(in.scale.min == 1);
    CHECK(in.scale.max == 5);
    CHECK(instrument_columns(in) ==
          std::vector<std::string>{"respondent_id", "account", "group",
                                   "invoice-accuracy_importance", "invoice-accuracy_performance",
                                   "invoice-accuracy_adequate", "invoice-accuracy_desired",
                                   "proactive-alerts_importance", "proactive-alerts_performance",
                                   "proactive-alerts_adequate", "proactive-alerts_desired",
                                   "proactive-alerts_kano_f", "proactive-alerts_kano_d", "nps"});
    // The expectation's question is used when given, else its text without the final stop.
    CHECK(texts(in) ==
          std::vector<std::string>{
              "How important is this to you: invoices are accurate and on time?",
              "How well do we do this today: invoices are accurate and on time?",
              "What is the lowest level you would still accept: invoices are accurate and on time?",
              "What level would you like us to reach: invoices are accurate and on time?",
              "How important is this to you: Proactive alerts before equipment fails?",
              "How well do we do this today: Proactive alerts before equipment fails?",
              "What is the lowest level you would still accept: Proactive alerts before "
              "equipment fails?",
              "What level would you like us to reach: Proactive alerts before equipment fails?",
              "How would you feel if we provided this: Proactive alerts before equipment fails?",
              "How would you feel if we did not provide this: Proactive alerts before equipment "
              "fails?",
              "How likely is it that you would recommend us to a friend or colleague?"});
    const std::vector<Measure> measures = {Measure::importance, Measure::performance,
                                           Measure::adequate, Measure::desired};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(in.questions[i].type == SurveyQuestion::Type::likert);
        CHECK(in.questions[i].measure == measures[i]);
        CHECK(in.questions[i].expectation == "invoice-accuracy");
        CHECK(in.questions[i].subject == "invoices are accurate and on time");
        CHECK(in.questions[4 + i].measure == measures[i]);
    }
    CHECK(in.questions[8].type == SurveyQuestion::Type::kano);
    CHECK(in.questions[8].expectation == "proactive-alerts");
    CHECK(in.questions[8].subject == "Proactive alerts before equipment fails.");
    CHECK(in.questions.back().type == SurveyQuestion::Type::nps);
    CHECK(in.questions.back().column == "nps");
    CHECK(in.questions.back().expectation.empty());

    SECTION("template.csv is the header row and nothing else") {
        CHECK(render::instrument_template_csv(in) ==
              "respondent_id,account,group,invoice-accuracy_importance,"
              "invoice-accuracy_performance,invoice-accuracy_adequate,invoice-accuracy_desired,"
              "proactive-alerts_importance,proactive-alerts_performance,"
              "proactive-alerts_adequate,proactive-alerts_desired,proactive-alerts_kano_f,"
              "proactive-alerts_kano_d,nps\n");
    }
    SECTION("questions.md numbers the questions, groups them and lists the Kano answers") {
        std::string md = render::instrument_questions_markdown(in);
        CHECK_THAT(md, Catch::StartsWith("# Customer survey: Acme audit\n"));
        CHECK_THAT(md, Catch::Contains("a number from 1 (not at all important) to 5"));
        CHECK_THAT(md, Catch::Contains("a number from 0 (not at all likely) to 10"));
        CHECK_THAT(md, Catch::Contains("\n## invoices are accurate and on time\n\n1. How "
                                       "important is this to you: invoices are accurate and on "
                                       "time?\n"));
        CHECK_THAT(md, Catch::Contains("\n## Proactive alerts before equipment fails.\n\n5. "));
        CHECK_THAT(md, Catch::Contains("\n9. How would you feel if we provided this: Proactive "
                                       "alerts before equipment fails?\n\n   - I like it\n"
                                       "   - I expect it\n   - I am neutral\n"
                                       "   - I can live with it\n   - I dislike it\n"));
        CHECK_THAT(md, Catch::Contains("\n10. How would you feel if we did not provide"));
        CHECK_THAT(md, Catch::Contains("\n## Recommendation\n\n11. How likely is it"));
        CHECK_THAT(md, Catch::Contains("| 10 | proactive-alerts_kano_d | How would you feel"));
        CHECK_THAT(md, Catch::Contains("| 11 | nps | How likely"));
        CHECK(md.find("\n12. ") == std::string::npos);
        CHECK(md.back() == '\n');
    }
    SECTION("blank wording falls back to the id; spaces and line breaks collapse") {
        p.expectations = {expectation("blank", " \n ", Kano::must_be, " "),
                          expectation("question-blank", "the text", Kano::must_be, " . "),
                          expectation("spaced", "unused", Kano::must_be, "  on\ttime \r\n ok  ")};
        Instrument fallback = build_instrument(p, all_of(p));
        CHECK(fallback.questions[0].subject == "blank");
        CHECK(fallback.questions[0].text == "How important is this to you: blank?");
        CHECK(fallback.questions[4].text == "How important is this to you: the text?");
        CHECK(fallback.questions[8].subject == "on time ok");
        CHECK(fallback.questions[8].text == "How important is this to you: on time ok?");
    }
    SECTION("a Kano-free instrument has no Kano legend") {
        p.expectations.pop_back();
        std::string md = render::instrument_questions_markdown(build_instrument(p, all_of(p)));
        CHECK(md.find("How would you feel") == std::string::npos);
        CHECK(md.find("I like it") == std::string::npos);
    }
}

TEST_CASE("instrument: the Kano pair only for attractive and unknown", "[instrument]") {
    for (Kano kano : {Kano::must_be, Kano::performance, Kano::attractive, Kano::indifferent,
                      Kano::reverse, Kano::unknown}) {
        Project p;
        p.expectations = {expectation("x", "Something", kano)};
        Instrument in = build_instrument(p, all_of(p));
        const bool asked = kano == Kano::attractive || kano == Kano::unknown;
        INFO(name(kano));
        CHECK(in.questions.size() == (asked ? 6u : 5u));
        auto kanos = std::count_if(in.questions.begin(), in.questions.end(), [](const auto& q) {
            return q.type == SurveyQuestion::Type::kano;
        });
        CHECK(kanos == (asked ? 1 : 0));
    }
}

TEST_CASE("instrument: the Kano answers are the ones the decoder reads", "[instrument]") {
    const auto& options = kano_answer_options();
    REQUIRE(options.size() == 5);
    SurveyMapping mapping;
    SurveyQuestion q;
    q.type = SurveyQuestion::Type::kano;
    KanoDecoder decoder(mapping, q);
    for (std::size_t i = 0; i < options.size(); ++i) {
        INFO(options[i].first);
        CHECK(options[i].second == static_cast<KanoAnswer>(i));
        KanoAnswer decoded = KanoAnswer::dislike;
        CHECK(decoder.decode(options[i].first, decoded) == CellKind::value);
        CHECK(decoded == options[i].second);
    }
}

TEST_CASE("instrument: questions have at most 140 code points", "[instrument]") {
    // 37 words of 1–9 letters, 213 characters: too long for every template.
    const std::string words =
        "invoices arrive on time with every job line and part listed so that our accounts "
        "payable team can approve them without phoning the dispatcher or the technician and "
        "every credit note refers to the invoice it corrects";
    Project p;
    p.expectations = {expectation("long", words, Kano::unknown)};
    Instrument in = build_instrument(p, all_of(p));
    for (const std::string& text : texts(in)) {
        INFO(text);
        CHECK(code_points(text) <= max_question_length);
    }
    for (const InstrumentQuestion& q : in.questions)
        if (q.type != SurveyQuestion::Type::nps) CHECK(q.subject == words);
    for (const std::string& text : texts(in)) {
        if (text.find("recommend") != std::string::npos) continue;
        INFO(text);
        // Cut at a word boundary, ending with "…", and no shorter than it has to be: the next
        // word would not fit.
        std::string wording = wording_of(text);
        REQUIRE(wording.size() > 3);
        CHECK(wording.substr(wording.size() - 3) == "\u2026");
        std::string kept = wording.substr(0, wording.size() - 3);
        REQUIRE(words.compare(0, kept.size(), kept) == 0);
        CHECK(words[kept.size()] == ' ');
        std::size_t next_end = words.find(' ', kept.size() + 1);
        CHECK(code_points(text) - code_points(kept) + next_end > max_question_length);
    }
    CHECK(in.questions[0].text ==
          "How important is this to you: invoices arrive on time with every job line and part "
          "listed so that our accounts payable team can approve\u2026?");

    SECTION("characters are counted, not bytes") {
        // 83 characters, 48 of them two bytes long: every question fits as it is, though the
        // longest has more than 140 bytes.
        std::string accented;
        for (int i = 0; i < 16; ++i)
            accented += "\u00e9t\u00e9\u00e9 ";
        accented += "fin";
        p.expectations = {expectation("accented", accented, Kano::must_be)};
        Instrument fits = build_instrument(p, all_of(p));
        CHECK(fits.questions[0].text == "How important is this to you: " + accented + "?");
        const std::string prefix = "What is the lowest level you would still accept: ";
        const std::string& longest = fits.questions[2].text;
        CHECK(longest == prefix + accented + "?");
        CHECK(longest.size() > max_question_length);
        CHECK(code_points(longest) == prefix.size() + 83 + 1);
    }
    SECTION("one long word is cut between characters, never inside one") {
        std::string cjk;
        for (int i = 0; i < 150; ++i)
            cjk += "\u8acb"; // a CJK character, three bytes
        std::string combining;
        for (int i = 0; i < 150; ++i)
            combining += "e\u0301"; // e and a combining acute accent: one character on screen
        p.expectations = {expectation("cjk", cjk, Kano::must_be),
                          expectation("combining", combining, Kano::must_be)};
        Instrument cut = build_instrument(p, all_of(p));
        const std::string& first = cut.questions[0].text;
        CHECK(code_points(first) == max_question_length);
        CHECK_THAT(first, Catch::EndsWith("\u8acb\u2026?"));
        for (const std::string& text : texts(cut)) {
            if (text.find("recommend") != std::string::npos) continue;
            INFO(text);
            CHECK(code_points(text) <= max_question_length);
            CHECK(code_points(text) >= max_question_length - 1);
            if (text.find("e\u0301") != std::string::npos)
                CHECK_THAT(text, Catch::EndsWith("e\u0301\u2026?"));
        }
    }
}

TEST_CASE("instrument: columns are deterministic and unique", "[instrument]") {
    Project p;
    p.expectations = {expectation("b", "Bee", Kano::unknown), expectation("a", "Ay", Kano::must_be),
                      expectation("c", "Sea", Kano::attractive)};
    std::vector<const Expectation*> actions = {&p.expectations[2], &p.expectations[0],
                                               &p.expectations[2], &p.expectations[1]};
    Instrument one = build_instrument(p, actions);
    Instrument two = build_instrument(p, actions);
    CHECK(instrument_columns(one) == instrument_columns(two));
    CHECK(render::instrument_survey_yaml(one) == render::instrument_survey_yaml(two));
    CHECK(render::instrument_questions_markdown(one) == render::instrument_questions_markdown(two));
    // In the actions' order; the repeated action is asked once.
    std::vector<std::string> columns = instrument_columns(one);
    CHECK(columns.size() == 3 + 6 + 6 + 4 + 1);
    CHECK(columns[3] == "c_importance");
    CHECK(columns[9] == "b_importance");
    CHECK(columns[15] == "a_importance");
    CHECK(std::set<std::string>(columns.begin(), columns.end()).size() == columns.size());
    // No actions: the NPS question alone.
    CHECK(instrument_columns(build_instrument(p, {})) ==
          std::vector<std::string>{"respondent_id", "account", "group", "nps"});
}

TEST_CASE("instrument: survey.yaml reads back as the same mapping", "[instrument]") {
    InstrumentDir dir;
    Project p = dir.load(project_yaml);
    REQUIRE_FALSE(p.survey);
    std::vector<const Expectation*> actions = {&p.expectations[1], &p.expectations[0]};
    Instrument in = build_instrument(p, actions);
    const std::string yaml = render::instrument_survey_yaml(in);
    CHECK_THAT(yaml, Catch::StartsWith("# Generated by `delight plan --instrument`"));
    CHECK_THAT(yaml, Catch::Contains("\nsurvey:\n"));
    CHECK_THAT(yaml, Catch::Contains("    - {column: invoice-accuracy_desired, expectation: "
                                     "invoice-accuracy, measure: desired, scale: [1, 7]}\n"));
    CHECK_THAT(yaml, Catch::Contains("    - {type: kano, functional: proactive-alerts_kano_f, "
                                     "dysfunctional: proactive-alerts_kano_d, expectation: "
                                     "proactive-alerts}\n"));

    Project loaded = dir.load(project_yaml + yaml);
    REQUIRE(loaded.survey);
    SurveyMapping made = instrument_mapping(in);
    check_same(*loaded.survey, made);
    // The mapping itself, spelled out for one question of each type.
    REQUIRE(made.questions.size() == 4 + 1 + 4 + 1);
    CHECK(made.questions[0].column == "proactive-alerts_importance");
    CHECK(made.questions[0].measure == Measure::importance);
    CHECK(made.questions[4].type == SurveyQuestion::Type::kano);
    CHECK(made.questions[4].functional == "proactive-alerts_kano_f");
    CHECK(made.questions[9].type == SurveyQuestion::Type::nps);
    CHECK(made.questions[9].column == "nps");

    SECTION("hostile labels and column names are quoted and read back as written") {
        in.id_column = "id: #1";
        in.account_column = "\"account\" 'x'";
        in.group_column = "gr\u00fcppe, [a] {b}";
        in.pilot_label = "- yes";
        in.control_label = "null";
        const std::string hostile = render::instrument_survey_yaml(in);
        Project again = dir.load(project_yaml + hostile);
        REQUIRE(again.survey);
        check_same(*again.survey, instrument_mapping(in));
    }
}

TEST_CASE("instrument: hostile project text cannot add markup", "[instrument]") {
    Project p;
    p.name = "Acme\n# injected <b>bold</b>";
    p.expectations = {
        expectation("x", "unused", Kano::unknown,
                    "<script>alert(1)</script> [click](javascript:alert(1)) : # *b* _i_ `c` | ~s~ "
                    "$m$ & \"q\" 'a'\nnext line"),
    };
    Instrument in = build_instrument(p, all_of(p));
    // The wording is on one line in the questions themselves.
    for (const std::string& text : texts(in)) {
        INFO(text);
        CHECK(text.find('\n') == std::string::npos);
        CHECK(code_points(text) <= max_question_length);
    }
    const std::string md = render::instrument_questions_markdown(in);
    INFO(md);
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("<b>") == std::string::npos);
    CHECK_THAT(md, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\]"
                                   "(javascript:alert(1)) : \\# \\*b\\* \\_i\\_ \\`c\\` \\| "
                                   "\\~s\\~ \\$m\\$ &amp; \"q\" 'a' next line"));
    CHECK_THAT(md,
               Catch::StartsWith("# Customer survey: Acme \\# injected &lt;b&gt;bold&lt;/b&gt;\n"));
    // Every bracket, backtick and '<' comes escaped, except the generated comment and the
    // code spans of the generated column names.
    for (std::size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        if (c == '[' || c == ']') {
            INFO("offset " << i);
            CHECK(md[i - 1] == '\\');
        }
    }
    CHECK(std::count(md.begin(), md.end(), '<') == 1); // "<!-- Generated …"
    // Headings: the title, "How to answer", the expectation, Recommendation, Survey setup.
    std::size_t headings = 0;
    for (std::size_t at = 0; (at = md.find('\n', at)) != std::string::npos; ++at)
        if (md.compare(at + 1, 1, "#") == 0) ++headings;
    CHECK(headings + 1 == 5);
}

TEST_CASE("instrument: answers to the instrument come back through survey-diff", "[instrument]") {
    InstrumentDir dir;
    Project plain = dir.load(project_yaml);
    Instrument in = build_instrument(plain, {&plain.expectations[0], &plain.expectations[1]});
    dir.write("template.csv", render::instrument_template_csv(in));
    Project p = dir.load(project_yaml + render::instrument_survey_yaml(in));
    REQUIRE(p.survey);

    // Two waves of 40 respondents (the same people), answers varied across the scale and the
    // Kano options; the second wave answers a little higher.
    const std::vector<std::string> columns = instrument_columns(in);
    const auto& kano = kano_answer_options();
    std::vector<io::WaveInput> waves;
    for (int wave = 0; wave < 2; ++wave) {
        std::string csv = render::instrument_template_csv(in);
        for (int r = 0; r < 40; ++r) {
            std::string row = "r" + std::to_string(r) + ",acct-" + std::to_string(r % 8) + "," +
                              (r % 2 == 0 ? "pilot" : "control");
            for (std::size_t c = 3; c < columns.size(); ++c) {
                const std::string& column = columns[c];
                const auto k = static_cast<std::size_t>(r) + c + static_cast<std::size_t>(wave);
                if (column == "nps")
                    row += "," + std::to_string(k % 11);
                else if (column.find("_kano_") != std::string::npos)
                    row += "," + kano[k % kano.size()].first;
                else
                    row += "," + std::to_string(1 + std::min<std::size_t>(6, k % 7 + wave));
            }
            csv += row + "\n";
        }
        const std::string file = "wave" + std::to_string(wave + 1) + ".csv";
        dir.write(file, csv);
        waves.push_back({(dir.path / file).string(), file, io::wave_label(file)});
    }
    SurveyData data = io::read_survey_waves(p, waves, {});
    CHECK(data.rows == std::vector<std::uint64_t>{40, 40});
    CHECK(data.has_groups);
    CHECK(data.has_accounts);
    CHECK(data.has_pairs);
    SurveyDiffResult r = survey_diff(p, data, {}, "");

    std::size_t likert = 0;
    for (const InstrumentQuestion& q : in.questions) {
        INFO(q.column << q.functional);
        if (q.type == SurveyQuestion::Type::likert) {
            ++likert;
            auto it = std::find_if(r.all.questions.begin(), r.all.questions.end(),
                                   [&](const QuestionStats& s) { return s.column == q.column; });
            REQUIRE(it != r.all.questions.end());
            CHECK(it->expectation == q.expectation);
            CHECK(it->measure == q.measure);
            REQUIRE(it->all.waves.size() == 2);
            for (const WaveSummary& w : it->all.waves) {
                CHECK(w.n == 40);
                CHECK(w.invalid == 0);
                CHECK(w.mean);
            }
            CHECK(it->all.comparison.delta_mean);
            CHECK(it->all.comparison.n_paired == 40);
            REQUIRE(it->pilot);
            CHECK(it->pilot->waves[0].n == 20);
        } else if (q.type == SurveyQuestion::Type::kano) {
            auto it = std::find_if(r.all.kano.begin(), r.all.kano.end(), [&](const KanoStats& s) {
                return s.functional == q.functional;
            });
            REQUIRE(it != r.all.kano.end());
            CHECK(it->expectation == q.expectation);
            CHECK(it->dysfunctional == q.dysfunctional);
            REQUIRE(it->waves.size() == 2);
            for (const stats::KanoResult& w : it->waves) {
                CHECK(w.n == 40);
                CHECK(w.category);
            }
        } else {
            auto it = std::find_if(r.all.nps.begin(), r.all.nps.end(),
                                   [&](const NpsStats& s) { return s.column == q.column; });
            REQUIRE(it != r.all.nps.end());
            REQUIRE(it->all.waves.size() == 2);
            for (const auto& w : it->all.waves) {
                REQUIRE(w);
                CHECK(w->n == 40);
            }
        }
    }
    CHECK(likert == 8);
    CHECK(r.all.questions.size() == likert);
    CHECK(r.all.kano.size() == 1);
    CHECK(r.all.nps.size() == 1);
    // Both planned expectations get a verdict of their own.
    std::vector<std::string> judged;
    for (const ExpectationVerdict& e : r.all.expectations)
        judged.push_back(e.id);
    CHECK(std::find(judged.begin(), judged.end(), "invoice-accuracy") != judged.end());
    CHECK(std::find(judged.begin(), judged.end(), "proactive-alerts") != judged.end());
}
