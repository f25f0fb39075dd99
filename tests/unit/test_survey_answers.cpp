// Survey cells to answers (src/core/survey_answers.cpp, PRODUCT.md §3.5): values, missing
// (blank or `na`) and invalid cells, labels and Kano answers.
#include "delight/survey_answers.hpp"
#include "delight/text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace delight;

namespace {

/// Decodes one cell; returns the kind and sets value (NaN-free: 0 when not a value).
CellKind decode(const AnswerDecoder& d, const char* cell, double& value) {
    value = 0;
    return d.decode(cell, value);
}

SurveyQuestion likert(std::string column) {
    SurveyQuestion q;
    q.column = std::move(column);
    return q;
}

} // namespace

TEST_CASE("survey answers: numbers within and outside the scale", "[survey]") {
    SurveyMapping mapping;
    AnswerDecoder d(mapping, likert("q1"), Scale{1, 5});
    CHECK(d.scale().min == 1);
    CHECK(d.scale().max == 5);
    double v = 0;
    CHECK(decode(d, "4", v) == CellKind::value);
    CHECK(v == 4.0);
    CHECK(decode(d, " 4.5 ", v) == CellKind::value);
    CHECK(v == 4.5);
    CHECK(decode(d, "1", v) == CellKind::value);
    CHECK(v == 1.0);
    CHECK(decode(d, "5", v) == CellKind::value);
    CHECK(v == 5.0);
    CHECK(decode(d, "+3", v) == CellKind::value);
    CHECK(v == 3.0);
    // Outside the scale: invalid, never clamped.
    CHECK(decode(d, "0", v) == CellKind::invalid);
    CHECK(decode(d, "6", v) == CellKind::invalid);
    CHECK(decode(d, "5.01", v) == CellKind::invalid);
    CHECK(decode(d, "-1", v) == CellKind::invalid);
    // Not a plain number.
    CHECK(decode(d, "4,5", v) == CellKind::invalid);
    CHECK(decode(d, "1e0", v) == CellKind::invalid);
    CHECK(decode(d, "four", v) == CellKind::invalid);
    CHECK(decode(d, "4 stars", v) == CellKind::invalid);
}

TEST_CASE("survey answers: a question's own scale and NPS", "[survey]") {
    SurveyMapping mapping;
    SurveyQuestion q = likert("q_imp");
    q.scale = Scale{0, 10};
    AnswerDecoder own(mapping, q, Scale{1, 5});
    double v = 0;
    CHECK(own.scale().max == 10);
    CHECK(decode(own, "0", v) == CellKind::value);
    CHECK(decode(own, "10", v) == CellKind::value);
    CHECK(v == 10.0);

    SurveyQuestion nps;
    nps.type = SurveyQuestion::Type::nps;
    nps.column = "nps";
    AnswerDecoder n(mapping, nps, Scale{1, 5}); // NPS is 0-10 whatever the project scale
    CHECK(n.scale().min == 0);
    CHECK(n.scale().max == 10);
    CHECK(decode(n, "0", v) == CellKind::value);
    CHECK(decode(n, "9", v) == CellKind::value);
    CHECK(v == 9.0);
    CHECK(decode(n, "11", v) == CellKind::invalid);
}

TEST_CASE("survey answers: labels, shared and per question", "[survey]") {
    // The loader stores label texts normalised (settings_loader.cpp); so do we.
    SurveyMapping mapping;
    mapping.labels = {{normalize_answer("Strongly disagree"), 1},
                      {normalize_answer("Agree"), 4},
                      {normalize_answer("Strongly agree"), 5},
                      {normalize_answer("Don\u2019t care"), 3}};
    SurveyQuestion q = likert("q1");
    q.labels = {{normalize_answer("Agree"), 3.5}, {normalize_answer("Top"), 5}};
    AnswerDecoder d(mapping, q, Scale{1, 5});
    double v = 0;
    CHECK(decode(d, "Strongly agree", v) == CellKind::value);
    CHECK(v == 5.0);
    // Matching after case folding and trimming.
    CHECK(decode(d, "  STRONGLY DISAGREE ", v) == CellKind::value);
    CHECK(v == 1.0);
    // Typographic and straight apostrophes are equal.
    CHECK(decode(d, "don't care", v) == CellKind::value);
    CHECK(v == 3.0);
    // The question's label wins over the shared one with the same text.
    CHECK(decode(d, "agree", v) == CellKind::value);
    CHECK(v == 3.5);
    CHECK(decode(d, "Top", v) == CellKind::value);
    CHECK(v == 5.0);
    CHECK(decode(d, "Disagree", v) == CellKind::invalid);

    // A label whose value lies outside the question's scale is invalid.
    SurveyMapping ten;
    ten.labels = {{normalize_answer("10 - Extremely important"), 10}};
    AnswerDecoder small(ten, likert("q2"), Scale{1, 5});
    CHECK(decode(small, "10 - Extremely important", v) == CellKind::invalid);
    SurveyQuestion wide = likert("q3");
    wide.scale = Scale{0, 10};
    AnswerDecoder big(ten, wide, Scale{1, 5});
    CHECK(decode(big, "10 - extremely important", v) == CellKind::value);
    CHECK(v == 10.0);

    // Labels of another question do not leak.
    AnswerDecoder other(mapping, likert("q4"), Scale{1, 5});
    CHECK(decode(other, "Top", v) == CellKind::invalid);
    CHECK(decode(other, "Agree", v) == CellKind::value);
    CHECK(v == 4.0);
}

TEST_CASE("survey answers: blank and na cells are missing", "[survey]") {
    SurveyMapping defaults; // na: "", "N/A"
    AnswerDecoder d(defaults, likert("q1"), Scale{1, 5});
    double v = 0;
    CHECK(decode(d, "", v) == CellKind::missing);
    CHECK(decode(d, "   ", v) == CellKind::missing);
    CHECK(decode(d, "\t", v) == CellKind::missing);
    CHECK(decode(d, "N/A", v) == CellKind::missing);
    CHECK(decode(d, " n/a ", v) == CellKind::missing);
    CHECK(decode(d, "Don't know", v) == CellKind::invalid);
    CHECK(decode(d, "-99", v) == CellKind::invalid);

    SurveyMapping custom;
    custom.na = {"", "Don't know", "-99"};
    AnswerDecoder c(custom, likert("q1"), Scale{1, 5});
    CHECK(decode(c, "Don\u2019t know", v) == CellKind::missing);
    CHECK(decode(c, "-99", v) == CellKind::missing);
    CHECK(decode(c, "-99.0", v) == CellKind::missing); // the same number
    CHECK(decode(c, "-98", v) == CellKind::invalid);
    // na replaces the default list: N/A is now an unknown text.
    CHECK(decode(c, "N/A", v) == CellKind::invalid);
    CHECK(decode(c, "3", v) == CellKind::value);
    CHECK(v == 3.0);
}

TEST_CASE("survey answers: parse_plain_number", "[survey]") {
    double v = 0;
    CHECK(parse_plain_number("4", v));
    CHECK(v == 4.0);
    CHECK(parse_plain_number("-1", v));
    CHECK(v == -1.0);
    CHECK(parse_plain_number(" 4.5\t", v));
    CHECK(v == 4.5);
    CHECK(parse_plain_number("+2", v));
    CHECK(v == 2.0);
    for (const char* bad :
         {"", " ", "4,5", "1e3", "0x10", "inf", "nan", "4.5.1", "1-2", "--1", "+", "1 2"})
        CHECK_FALSE(parse_plain_number(bad, v));
}

TEST_CASE("survey answers: standard Kano answers", "[survey][kano]") {
    SurveyMapping mapping;
    SurveyQuestion q;
    q.type = SurveyQuestion::Type::kano;
    q.functional = "k_f";
    q.dysfunctional = "k_d";
    KanoDecoder d(mapping, q);
    struct Case {
        const char* text;
        KanoAnswer answer;
    };
    for (const Case& c :
         {Case{"like", KanoAnswer::like}, Case{"I like it", KanoAnswer::like},
          Case{"I like it that way", KanoAnswer::like}, Case{"expect", KanoAnswer::expect},
          Case{"I expect it", KanoAnswer::expect}, Case{"It must be that way", KanoAnswer::expect},
          Case{"neutral", KanoAnswer::neutral}, Case{"I am neutral", KanoAnswer::neutral},
          Case{"live-with", KanoAnswer::live_with},
          Case{"I can live with it", KanoAnswer::live_with},
          Case{"I can live with it that way", KanoAnswer::live_with},
          Case{"I can tolerate it", KanoAnswer::live_with},
          Case{"I expect it that way", KanoAnswer::expect}, Case{"dislike", KanoAnswer::dislike},
          Case{"I dislike it", KanoAnswer::dislike},
          Case{"I dislike it that way", KanoAnswer::dislike},
          Case{"  I LIKE IT THAT WAY ", KanoAnswer::like}}) {
        INFO(c.text);
        KanoAnswer a = KanoAnswer::neutral;
        REQUIRE(d.decode(c.text, a) == CellKind::value);
        CHECK(a == c.answer);
    }
    KanoAnswer a = KanoAnswer::like;
    CHECK(d.decode("", a) == CellKind::missing);
    CHECK(d.decode("N/A", a) == CellKind::missing);
    CHECK(d.decode("I love it", a) == CellKind::invalid);
    CHECK(d.decode("I like", a) == CellKind::invalid);
    CHECK(d.decode("5", a) == CellKind::invalid);
}

TEST_CASE("survey answers: custom Kano answers", "[survey][kano]") {
    SurveyMapping mapping;
    mapping.kano_answers = {{normalize_answer("I must be that way"), KanoAnswer::expect},
                            {normalize_answer("So-so"), KanoAnswer::neutral},
                            {normalize_answer("I can\u2019t stand it"), KanoAnswer::dislike}};
    SurveyQuestion q;
    q.type = SurveyQuestion::Type::kano;
    q.answers = {{normalize_answer("So-so"), KanoAnswer::live_with},
                 {normalize_answer("I like it"), KanoAnswer::expect}};
    KanoDecoder d(mapping, q);
    KanoAnswer a = KanoAnswer::like;
    CHECK(d.decode("I must be that way", a) == CellKind::value);
    CHECK(a == KanoAnswer::expect);
    CHECK(d.decode("I can't stand it", a) == CellKind::value);
    CHECK(a == KanoAnswer::dislike);
    // The question's own answers win over shared and standard ones.
    CHECK(d.decode("so-so", a) == CellKind::value);
    CHECK(a == KanoAnswer::live_with);
    CHECK(d.decode("I like it", a) == CellKind::value);
    CHECK(a == KanoAnswer::expect);
    // The standard answers remain.
    CHECK(d.decode("I dislike it", a) == CellKind::value);
    CHECK(a == KanoAnswer::dislike);

    // Another pair without the question's answers sees the shared ones only.
    KanoDecoder plain(mapping, SurveyQuestion{});
    CHECK(plain.decode("So-so", a) == CellKind::value);
    CHECK(a == KanoAnswer::neutral);
    CHECK(plain.decode("I like it", a) == CellKind::value);
    CHECK(a == KanoAnswer::like);
}

TEST_CASE("survey answers: Kano na answers are missing", "[survey][kano]") {
    SurveyMapping mapping;
    mapping.na = {"", "Don't know"};
    KanoDecoder d(mapping, SurveyQuestion{});
    KanoAnswer a = KanoAnswer::like;
    CHECK(d.decode("don\u2019t KNOW", a) == CellKind::missing);
    CHECK(d.decode("  ", a) == CellKind::missing);
    CHECK(d.decode("N/A", a) == CellKind::invalid);
}

TEST_CASE("survey answers: the standard answer list", "[survey][kano]") {
    const auto& answers = standard_kano_answers();
    CHECK(answers.size() == 17);
    for (const auto& [text, answer] : answers)
        CHECK(text == normalize_answer(text)); // stored in matching form
}

TEST_CASE("survey answers: the same cell decodes the same way every time", "[survey]") {
    SurveyMapping mapping;
    mapping.labels = {{normalize_answer("Agree"), 4}, {normalize_answer("Ten"), 10}};
    AnswerDecoder d(mapping, likert("q1"), Scale{1, 5});
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        double v = 0;
        CHECK(decode(d, "Agree", v) == CellKind::value);
        CHECK(v == 4.0);
        CHECK(decode(d, "Ten", v) == CellKind::invalid); // outside 1-5
        CHECK(decode(d, "N/A", v) == CellKind::missing);
        CHECK(decode(d, "nope", v) == CellKind::invalid);
    }
    KanoDecoder k(mapping, SurveyQuestion{});
    for (int round = 0; round < 3; ++round) {
        KanoAnswer a = KanoAnswer::neutral;
        CHECK(k.decode("I like it", a) == CellKind::value);
        CHECK(a == KanoAnswer::like);
        CHECK(k.decode("nope", a) == CellKind::invalid);
    }
}
