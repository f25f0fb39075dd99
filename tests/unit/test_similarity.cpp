// Near-duplicate similarity (src/core/similarity.cpp, PRODUCT.md §4.1).
#include "delight/similarity.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

using namespace delight;

TEST_CASE("similarity: identical texts are 1, word order and case do not matter", "[similarity]") {
    CHECK(text_similarity("Invoices are accurate", "Invoices are accurate") == 1.0);
    CHECK(text_similarity("Support replies within one hour", "Within one hour, support replies") ==
          1.0);
    CHECK(text_similarity("INVOICES ARE ACCURATE", "invoices are accurate") == 1.0);
    // Unicode case folding, not only ASCII.
    CHECK(text_similarity("ÜBERSICHT DER RECHNUNGEN", "übersicht der rechnungen") == 1.0);
    // Punctuation, possessives and stop words do not count.
    CHECK(text_similarity("The customer's invoice: accurate!", "customer invoice accurate") == 1.0);
}

TEST_CASE("similarity: plurals", "[similarity]") {
    CHECK(text_similarity("Invoices are accurate", "The invoice is accurate") == 1.0);
    CHECK(text_similarity("Companies get reports", "A company gets a report") == 1.0);
    CHECK(text_similarity("Boxes and watches", "box and watch") == 1.0);
    CHECK(text_similarity("Addresses are correct", "The address is correct") == 1.0);
    CHECK(text_similarity("Responses to cases", "response to case") == 1.0);
    // Words that only look plural keep their s.
    CHECK(text_similarity("status", "statu") < 1.0);
    CHECK(text_similarity("class", "clas") < 1.0);
}

TEST_CASE("similarity: near and far texts around the threshold", "[similarity]") {
    double t = near_duplicate_threshold;
    // One word changed in five: near-duplicates.
    CHECK(text_similarity("Support replies within one hour", "Support answers within one hour") >=
          t);
    CHECK(text_similarity("We go live on the date agreed at kickoff",
                          "Go-live happens on the date agreed at kickoff") >= t);
    // A typo still matches.
    CHECK(text_similarity("Invoices are accurate and on time",
                          "Invoices are acurate and on time") >= t);
    // Related but different expectations: below.
    CHECK(text_similarity("The technician app works offline",
                          "The technician app drains the phone battery") < t);
    CHECK(text_similarity("Invoices are accurate", "Invoices arrive on time") < t);
    // Unrelated: low.
    CHECK(text_similarity("Invoices are accurate", "The dispatch board loads fast") < 0.2);
    CHECK(text_similarity("Invoices are accurate", "Quarterly business reviews") < 0.2);
}

TEST_CASE("similarity: empty and wordless texts give no NaN", "[similarity]") {
    for (const char* a : {"", "   ", "!!!", "—", "Invoices"})
        for (const char* b : {"", "?", "Invoices", "the"}) {
            double s = text_similarity(a, b);
            CHECK_FALSE(std::isnan(s));
            CHECK(s >= 0.0);
            CHECK(s <= 1.0);
        }
    CHECK(text_similarity("", "") == 1.0);
    CHECK(text_similarity("", "Invoices") == 0.0);
    // Only stop words: they are kept rather than leaving nothing.
    CHECK(text_similarity("It is what it is", "it is what it is") == 1.0);
}

TEST_CASE("similarity: CJK and invalid UTF-8 do not crash", "[similarity]") {
    CHECK(text_similarity("请求发票准确", "请求发票准确") == 1.0);
    // CJK runs are compared as character bigrams: a shorter wording still matches.
    CHECK(text_similarity("请求发票准确", "发票准确") >= near_duplicate_threshold);
    CHECK(text_similarity("请求发票准确", "仪表板加载速度") < 0.2);
    std::string bad = "abc\xff"
                      "def";
    double s = text_similarity(bad, "abc def");
    CHECK(s >= 0.0);
    CHECK(s <= 1.0);
}

namespace {

/// Every pair's text_similarity, computed once (the slow way: n² calls).
std::vector<SimilarPair> all_pairs(const std::vector<std::string>& texts) {
    std::vector<SimilarPair> out;
    for (std::size_t a = 0; a < texts.size(); ++a)
        for (std::size_t b = a + 1; b < texts.size(); ++b)
            out.push_back({a, b, text_similarity(texts[a], texts[b])});
    std::stable_sort(out.begin(), out.end(), [](const SimilarPair& x, const SimilarPair& y) {
        return x.similarity > y.similarity;
    });
    return out;
}

/// Deterministic texts: skewed word choice from a vocabulary of 2 000 words, as skewed as a
/// real catalogue (the commonest word is in about one text in five), with every tenth text a
/// reworded copy of an earlier one.
std::vector<std::string> generated_texts(std::size_t n) {
    std::vector<std::string> vocabulary;
    const char* syllables[] = {"ka", "lo", "mi", "ren", "tas", "vo", "pel", "dun", "sar", "quo"};
    for (const char* end : {"", "x"})
        for (int x = 0; x < 10; ++x)
            for (int y = 0; y < 10; ++y)
                for (int z = 0; z < 10; ++z)
                    vocabulary.push_back(std::string(syllables[x]) + syllables[y] + syllables[z] +
                                         end);
    std::uint64_t state = 42;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 10 == 9) {
            std::string copy = texts[next() % texts.size()];
            texts.push_back("The " + copy + "s");
            continue;
        }
        std::string t;
        std::size_t words = 6 + next() % 10;
        for (std::size_t w = 0; w < words; ++w) {
            // Squaring a uniform draw favours low indexes: a skewed, Zipf-like frequency.
            double u = static_cast<double>(next() % 100000) / 100000.0;
            t += (t.empty() ? "" : " ") + vocabulary[static_cast<std::size_t>(u * u * 2000)];
        }
        texts.push_back(t);
    }
    return texts;
}

} // namespace

TEST_CASE("similarity: near_duplicates equals a brute-force scan", "[similarity]") {
    std::vector<std::string> texts = generated_texts(100);
    texts.push_back("Invoices are accurate and on time");
    texts.push_back("On time, accurate invoices");
    texts.push_back("");
    texts.push_back("!!");
    std::vector<SimilarPair> every = all_pairs(texts);
    for (double threshold : {0.9, near_duplicate_threshold, 0.6, 0.5, 0.3, 0.0}) {
        std::vector<SimilarPair> fast = near_duplicates(texts, threshold);
        std::vector<SimilarPair> slow;
        for (const SimilarPair& p : every)
            if (p.similarity >= threshold) slow.push_back(p);
        REQUIRE(fast.size() == slow.size());
        for (std::size_t i = 0; i < fast.size(); ++i) {
            CHECK(fast[i].a == slow[i].a);
            CHECK(fast[i].b == slow[i].b);
            CHECK(fast[i].similarity == slow[i].similarity);
        }
    }
}

TEST_CASE("similarity: near_duplicates order and best_match", "[similarity]") {
    std::vector<std::string> texts = {"Invoices are accurate", "Support answers within an hour",
                                      "The invoice is accurate", "support replies within an hour",
                                      "Dark mode"};
    std::vector<SimilarPair> pairs = near_duplicates(texts, near_duplicate_threshold);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].a == 0);
    CHECK(pairs[0].b == 2);
    CHECK(pairs[0].similarity == 1.0);
    CHECK(pairs[1].a == 1);
    CHECK(pairs[1].b == 3);
    CHECK(pairs[1].similarity < 1.0);

    auto m = best_match("accurate invoices", texts, near_duplicate_threshold);
    REQUIRE(m);
    CHECK(m->first == 0); // ties go to the lowest index
    CHECK(m->second == 1.0);
    CHECK_FALSE(best_match("A dashboard of utilisation", texts, near_duplicate_threshold));
    CHECK_FALSE(best_match("anything", {}, 0.5));
}

TEST_CASE("similarity: 10 000 texts", "[similarity][timing]") {
    std::vector<std::string> texts = generated_texts(10000);
    // CPU time, not wall time: other jobs on the machine do not make the test fail.
    std::clock_t start = std::clock();
    std::vector<SimilarPair> pairs = near_duplicates(texts, near_duplicate_threshold);
    double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    // Every tenth text is a reworded copy: at least those 1 000 pairs are found.
    CHECK(pairs.size() >= 1000);
    // The product target is < 1 s in a release build (docs/methodology.md reports it); this
    // bound holds under the sanitizers too.
    CHECK(seconds < 10.0);
}
