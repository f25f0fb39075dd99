// The id rule for new expectations (src/core/expectation_id.cpp, PRODUCT.md §4.1).
#include "delight/expectation_id.hpp"
#include "delight/text.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace delight;

TEST_CASE("expectation id: words folded to lowercase ASCII", "[expectation-id]") {
    CHECK(expectation_id_base("Invoices are accurate") == "invoices-are-accurate");
    CHECK(expectation_id_base("  Invoices -- are; ACCURATE!  ") == "invoices-are-accurate");
    // Marks stripped after decomposition; case folded; compatibility forms.
    CHECK(expectation_id_base("Café crème brûlée") == "cafe-creme-brulee");
    CHECK(expectation_id_base("Straße") == "strasse");
    CHECK(expectation_id_base("ﬁeld Ｓervice") == "field-service");
    // Letters without a decomposition are spelt out.
    CHECK(expectation_id_base("Æsir Øresund Łódź Þing") == "aesir-oresund-lodz-thing");
    // Apostrophes join; other punctuation separates.
    CHECK(expectation_id_base("Don't make us wait") == "dont-make-us-wait");
    CHECK(expectation_id_base("We don\u2019t re-type invoices") == "we-dont-re-type-invoices");
    CHECK(expectation_id_base("24/7 support, e.g. phone") == "24-7-support-e-g-phone");
    // Other non-ASCII letters separate words and disappear.
    CHECK(expectation_id_base("Invoices 請求書 on time") == "invoices-on-time");
    CHECK(ascii_words("a–b—c") == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("expectation id: at most 40 characters, cut at a word boundary", "[expectation-id]") {
    const char* text = "Before we book a demo, a realistic estimate of what we would save";
    std::string id = expectation_id_base(text);
    CHECK(id == "before-we-book-a-demo-a-realistic");
    CHECK(id.size() <= 40);
    // Exactly 40 fits.
    std::string forty = std::string(19, 'a') + " " + std::string(20, 'b');
    CHECK(expectation_id_base(forty) == std::string(19, 'a') + "-" + std::string(20, 'b'));
    CHECK(expectation_id_base(forty + " c").size() == 40);
    // One word longer than 40 is cut inside the word; never ends in '-'.
    CHECK(expectation_id_base(std::string(50, 'x')) == std::string(40, 'x'));
    CHECK(expectation_id_base(std::string(45, 'x') + " y") == std::string(40, 'x'));
}

TEST_CASE("expectation id: hash when nothing is left", "[expectation-id]") {
    // FNV-1a 32 reference values (Fowler/Noll/Vo test vectors).
    CHECK(fnv1a32("") == 0x811c9dc5u);
    CHECK(fnv1a32("a") == 0xe40c292cu);
    CHECK(fnv1a32("foobar") == 0xbf9cf968u);
    std::string cjk = "請求書が正確であること";
    std::string id = expectation_id_base(cjk);
    CHECK(id.rfind("exp-", 0) == 0);
    CHECK(id.size() == 12);
    CHECK(is_valid_id(id));
    CHECK(id == expectation_id_base(cjk)); // stable
    CHECK(id != expectation_id_base("日本語"));
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", fnv1a32("!!! ???"));
    CHECK(expectation_id_base("!!! ???") == std::string("exp-") + hex);
}

TEST_CASE("expectation id: unique with -2, -3 …", "[expectation-id]") {
    std::vector<std::string> taken = {"invoices-on-time"};
    CHECK(make_expectation_id("Invoices on time", {}) == "invoices-on-time");
    CHECK(make_expectation_id("Invoices on time", taken) == "invoices-on-time-2");
    taken.push_back("invoices-on-time-2");
    CHECK(make_expectation_id("Invoices on time", taken) == "invoices-on-time-3");
    // The suffix still fits in 40 characters: the words are cut shorter.
    std::string text = "Before we book a demo, a realistic estimate of what we would save";
    std::string first = make_expectation_id(text, {});
    std::string second = make_expectation_id(text, {first});
    CHECK(second == "before-we-book-a-demo-a-realistic-2");
    std::string long_word(50, 'x');
    CHECK(make_expectation_id(long_word, {std::string(40, 'x')}) == std::string(38, 'x') + "-2");
    // Hash ids get suffixes too.
    std::string cjk = "請求書";
    std::string h = make_expectation_id(cjk, {});
    CHECK(make_expectation_id(cjk, {h}) == h + "-2");
    for (const std::string& id : {first, second, h})
        CHECK(is_valid_id(id));
}
