// Text rules (src/core/text.cpp): ids, "did you mean" suggestions, answer matching (§3, §3.5).
#include "delight/text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace delight;

TEST_CASE("text: is_valid_id", "[text]") {
    for (const char* ok : {"a", "invoice-accuracy", "after-sales-support", "q3-2027", "0", "a1-b2"})
        CHECK(is_valid_id(ok));
    for (const char* bad : {"", "Billing", "on_site", "-x", "x-", "a--b", "a b", "é", "a.b"})
        CHECK_FALSE(is_valid_id(bad));
    CHECK(is_valid_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
    CHECK(is_valid_id(std::string(31, 'a') + "-" + std::string(32, 'b'))); // 64 with a hyphen
    CHECK_FALSE(is_valid_id(std::string(32, 'a') + "-" + std::string(32, 'b')));
}

TEST_CASE("text: did_you_mean", "[text]") {
    const std::vector<std::string> touchpoints = {"onboarding", "billing", "support"};
    // One letter missing.
    CHECK(did_you_mean("biling", touchpoints) == "billing");
    // Two letters swapped count as one edit (optimal string alignment).
    CHECK(did_you_mean("supprot", touchpoints) == "support");
    CHECK(did_you_mean("sevrice", {"service", "sales"}) == "service");
    // A prefix of a long candidate.
    CHECK(did_you_mean("after", {"finance", "after-sales-support"}) == "after-sales-support");
    // Nothing close.
    CHECK(did_you_mean("marketing", touchpoints).empty());
    CHECK(did_you_mean("zzz", touchpoints).empty());
    // Words under 3 characters get no suggestion, even one edit away.
    CHECK(did_you_mean("ab", {"abc"}).empty());
    CHECK(did_you_mean("abd", {"abc"}) == "abc");
    // Ties go to the first candidate.
    CHECK(did_you_mean("cat", {"bat", "cab"}) == "bat");
    // The closer one wins over the first.
    CHECK(did_you_mean("billling", {"bill", "billing"}) == "billing");
    CHECK(did_you_mean("x", {}).empty());
}

TEST_CASE("text: suggestion_suffix", "[text]") {
    CHECK(suggestion_suffix("biling", {"billing"}) == " (did you mean 'billing'?)");
    CHECK(suggestion_suffix("marketing", {"billing"}).empty());
}

TEST_CASE("text: normalize_answer", "[text]") {
    // NFC: e + combining acute equals the precomposed é.
    CHECK(normalize_answer("caf"
                           "e\u0301") == normalize_answer("caf\u00e9"));
    CHECK(normalize_answer("e\u0301") == "\u00e9");
    // Case folding.
    CHECK(normalize_answer("STRONGLY Agree") == "strongly agree");
    CHECK(normalize_answer("\u00c9t\u00e9") == "\u00e9t\u00e9"); // Été
    CHECK(normalize_answer("Stra\u00dfe") == "strasse");         // ß folds to ss
    // Trimming spaces and tabs, inner spaces kept.
    CHECK(normalize_answer("  Agree \t") == "agree");
    CHECK(normalize_answer("a  b") == "a  b");
    CHECK(normalize_answer(" \t ").empty());
    // Typographic apostrophes and quotes equal straight ones.
    CHECK(normalize_answer("I can\u2019t") == "i can't");
    CHECK(normalize_answer("I can\u2019t") == normalize_answer("i can't"));
    CHECK(normalize_answer("\u2018x\u2019 \u201Ay\u2032") == "'x' 'y'");
    CHECK(normalize_answer("\u201CYes\u201D \u201Eno\u2033") == "\"yes\" \"no\"");
    // Invisible formatting characters are dropped.
    CHECK(normalize_answer("N\u200B/A") == "n/a");
    CHECK(normalize_answer("live\u00ADwith") == "livewith");
}

TEST_CASE("text: is_one_line and code_points", "[text]") {
    CHECK(is_one_line("one line"));
    CHECK_FALSE(is_one_line("two\nlines"));
    CHECK_FALSE(is_one_line("two\rlines"));
    CHECK(code_points("") == 0);
    CHECK(code_points("abc") == 3);
    CHECK(code_points("Zo\u00eb") == 3);
    CHECK(code_points("\u20ac\U0001F600") == 2);
}
