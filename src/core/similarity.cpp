// Near-duplicate expectations (PRODUCT.md §4.1): a similarity robust to word order, case and
// plurals, and an all-pairs search that uses an inverted index with prefix filtering
// (Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search") instead of n² pairs.
// The measure is described with examples in docs/methodology.md ("Near-duplicates").
#include "delight/similarity.hpp"
#include "delight/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace delight {
namespace {

/// Words that carry no meaning of their own in an expectation. Negations ("not", "no",
/// "without") and time words ("before", "after") are kept: they change what is expected.
constexpr std::array<std::string_view, 46> stop_words = {
    "a",    "about", "all",    "an",  "and",  "are", "as",    "at",   "be",    "been",
    "by",   "can",   "could",  "do",  "does", "for", "from",  "has",  "have",  "i",
    "if",   "in",    "into",   "is",  "it",   "its", "me",    "my",   "of",    "on",
    "or",   "our",   "should", "so",  "that", "the", "their", "them", "these", "they",
    "this", "to",    "us",     "was", "we",   "with"};

bool is_stop_word(std::string_view w) {
    return std::binary_search(stop_words.begin(), stop_words.end(), w);
}

bool ends_with(std::string_view w, std::string_view suffix) {
    return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

/// Light English plural stemming: companies → company, boxes → box, watches → watch,
/// addresses → address, invoices → invoice; "status", "basis", "class" stay as they are.
std::string stem(std::string w) {
    if (w.size() > 4 && ends_with(w, "ies")) return w.substr(0, w.size() - 3) + "y";
    for (std::string_view s : {"sses", "shes", "ches", "xes", "zzes"})
        if (w.size() > s.size() && ends_with(w, s)) return w.substr(0, w.size() - 2);
    if (w.size() > 3 && w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") &&
        !ends_with(w, "is"))
        w.pop_back();
    return w;
}

bool is_word_char(utf8proc_int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    // Letters (Lu Ll Lt Lm Lo), marks (Mn Mc Me) and numbers (Nd Nl No).
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/// Kana and CJK ideographs: scripts written without spaces between words.
bool is_cjk(utf8proc_int32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/// Collects words: runs of letters, marks and digits. An apostrophe inside a word is dropped
/// ("customer's" → "customers"), so possessives stem like plurals. A run of CJK characters,
/// which has no spaces to split on, gives its overlapping character bigrams ("发票准确" →
/// 发票, 票准, 准确), the usual unit for CJK text matching.
struct WordSplitter {
    std::vector<std::string> words;
    std::string word;
    std::vector<std::string_view> run; ///< the CJK characters of the current run

    void add(std::string_view ch, utf8proc_int32_t cp) {
        bool cjk = cp >= 0 && is_cjk(cp);
        if (cp == '\'' && !word.empty()) return;
        if (!cjk) flush_run();
        if (cjk || cp < 0 || !is_word_char(cp)) flush_word();
        if (cjk) {
            run.push_back(ch);
        } else if (cp >= 0 && is_word_char(cp)) {
            word.append(ch);
        }
    }
    void flush_word() {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    }
    void flush_run() {
        if (run.size() == 1) words.emplace_back(run[0]);
        for (std::size_t i = 0; i + 1 < run.size(); ++i)
            words.push_back(std::string(run[i]) + std::string(run[i + 1]));
        run.clear();
    }
};

std::vector<std::string> split_words(std::string_view folded) {
    WordSplitter split;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    auto left = static_cast<utf8proc_ssize_t>(folded.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) n = 1, cp = -1; // an invalid byte separates words
        split.add(std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)),
                  cp);
        p += n;
        left -= n;
    }
    split.flush_run();
    split.flush_word();
    return std::move(split.words);
}

/// The set (sorted, unique) of stems of the meaningful words of text. When every word is a
/// stop word, the stop words are kept, so "It is what it is" still has words.
std::vector<std::string> word_set(std::string_view text) {
    std::vector<std::string> all = split_words(normalize_answer(text));
    std::vector<std::string> kept;
    for (const std::string& w : all)
        if (!is_stop_word(w)) kept.push_back(stem(w));
    if (kept.empty())
        for (const std::string& w : all)
            kept.push_back(stem(w));
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    return kept;
}

/// Character trigrams of each word padded with a boundary mark ("#ab#" → #ab, ab#), three
/// code points packed exactly into 63 bits. They tolerate typos and other inflections.
std::vector<std::uint64_t> trigram_set(const std::vector<std::string>& words) {
    constexpr std::uint64_t boundary = 0x1FFFFF; // above every code point
    std::vector<std::uint64_t> grams;
    std::vector<std::uint64_t> cps;
    for (const std::string& w : words) {
        cps.assign(1, boundary);
        const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(w.data());
        auto left = static_cast<utf8proc_ssize_t>(w.size());
        while (left > 0) {
            utf8proc_int32_t cp = 0;
            utf8proc_ssize_t n = std::max<utf8proc_ssize_t>(1, utf8proc_iterate(p, left, &cp));
            cps.push_back(static_cast<std::uint64_t>(std::max(cp, 0)));
            p += n;
            left -= n;
        }
        cps.push_back(boundary);
        for (std::size_t i = 0; i + 2 < cps.size(); ++i)
            grams.push_back(cps[i] << 42 | cps[i + 1] << 21 | cps[i + 2]);
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

struct Features {
    std::vector<std::string> words;
    std::vector<std::uint64_t> grams;
};

Features features(std::string_view text) {
    Features f;
    f.words = word_set(text);
    f.grams = trigram_set(f.words);
    return f;
}

template <class T>
std::size_t overlap(const std::vector<T>& a, const std::vector<T>& b) {
    std::size_t n = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++n, ++i, ++j;
        }
    }
    return n;
}

template <class T>
double dice(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.empty() && b.empty()) return 1.0;
    return 2.0 * static_cast<double>(overlap(a, b)) / static_cast<double>(a.size() + b.size());
}

/// Mean of the word Dice and the trigram Dice. Without words on either side there is
/// nothing to compare: 1 when neither has words (e.g. two empty texts), else 0.
double similarity(const Features& a, const Features& b) {
    if (a.words.empty() || b.words.empty()) return a.words.empty() && b.words.empty() ? 1 : 0;
    return (dice(a.words, b.words) + dice(a.grams, b.grams)) / 2.0;
}

/// Word sets as ranks, each sorted ascending: rank 0 is the rarest word (fewest texts, then
/// first seen), the global order prefix filtering needs.
std::vector<std::vector<std::uint32_t>> ranked_words(const std::vector<Features>& fs) {
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::vector<std::vector<std::uint32_t>> sets(fs.size());
    std::vector<std::uint32_t> df;
    for (std::size_t i = 0; i < fs.size(); ++i)
        for (const std::string& w : fs[i].words) {
            auto [it, added] = ids.emplace(w, static_cast<std::uint32_t>(df.size()));
            if (added) df.push_back(0);
            ++df[it->second];
            sets[i].push_back(it->second);
        }
    std::vector<std::uint32_t> order(df.size());
    for (std::uint32_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return df[x] != df[y] ? df[x] < df[y] : x < y;
    });
    std::vector<std::uint32_t> rank(df.size());
    for (std::uint32_t r = 0; r < order.size(); ++r)
        rank[order[r]] = r;
    for (auto& s : sets) {
        for (std::uint32_t& w : s)
            w = rank[w];
        std::sort(s.begin(), s.end());
    }
    return sets;
}

struct Posting {
    std::uint32_t text;
    std::uint32_t pos;  ///< where the word is in that text's ranked set
    std::uint32_t size; ///< of that text's set
};

/// The all-pairs join of PPJoin (Xiao et al. 2008): texts in order of size, each probes the
/// index with its prefix, counting shared words per earlier text; the positional bound drops
/// a text as soon as it can no longer share enough words.
class WordJoin {
  public:
    WordJoin(std::vector<std::vector<std::uint32_t>> sets, double dice_min)
        : m_sets(std::move(sets)), m_d(dice_min), m_j(dice_min / (2 - dice_min)),
          m_count(m_sets.size(), 0) {}

    std::vector<std::pair<std::size_t, std::size_t>> run() {
        std::vector<std::size_t> order(m_sets.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return m_sets[x].size() < m_sets[y].size();
        });
        for (std::size_t x : order) {
            probe(x);
            verify(x);
            add_to_index(x);
        }
        return std::move(m_pairs);
    }

  private:
    /// Words of a set of n that a pair with overlap ≥ share·n must meet in: n − ⌈share·n⌉ + 1.
    static std::size_t prefix(std::size_t n, double share) {
        auto need = static_cast<std::size_t>(std::ceil(share * static_cast<double>(n)));
        return n - std::min(n, need) + std::min<std::size_t>(n, 1);
    }

    void probe(std::size_t x) {
        std::size_t nx = m_sets[x].size();
        for (std::size_t px = 0; px < prefix(nx, m_j); ++px) {
            if (m_sets[x][px] >= m_postings.size()) continue;
            for (const Posting& p : m_postings[m_sets[x][px]]) {
                std::size_t ny = p.size;
                int& count = m_count[p.text];
                if (count < 0 || static_cast<double>(ny) < m_j * static_cast<double>(nx)) continue;
                if (count == 0) m_touched.push_back(p.text);
                double need = m_d / 2 * static_cast<double>(nx + ny);
                std::size_t bound =
                    static_cast<std::size_t>(count) + 1 + std::min(nx - px - 1, ny - p.pos - 1);
                count = static_cast<double>(bound) >= need ? count + 1 : -1;
            }
        }
    }

    void verify(std::size_t x) {
        for (std::size_t y : m_touched) {
            if (m_count[y] > 0 && dice(m_sets[x], m_sets[y]) >= m_d)
                m_pairs.emplace_back(std::min(x, y), std::max(x, y));
            m_count[y] = 0;
        }
        m_touched.clear();
    }

    /// Later texts are at least as large, so a shorter prefix suffices (PPJoin's index prefix).
    void add_to_index(std::size_t x) {
        const std::vector<std::uint32_t>& s = m_sets[x];
        for (std::size_t px = 0; px < prefix(s.size(), 2 * m_j / (1 + m_j)); ++px) {
            if (s[px] >= m_postings.size()) m_postings.resize(s[px] + 1);
            m_postings[s[px]].push_back({static_cast<std::uint32_t>(x),
                                         static_cast<std::uint32_t>(px),
                                         static_cast<std::uint32_t>(s.size())});
        }
    }

    std::vector<std::vector<std::uint32_t>> m_sets;
    double m_d, m_j;
    std::vector<int> m_count;
    std::vector<std::size_t> m_touched;
    std::vector<std::vector<Posting>> m_postings;
    std::vector<std::pair<std::size_t, std::size_t>> m_pairs;
};

/// Pairs (a < b) whose word Dice reaches 2t − 1, the least a pair of similarity ≥ t needs
/// (the trigram Dice is at most 1).
std::vector<std::pair<std::size_t, std::size_t>> word_candidates(const std::vector<Features>& fs,
                                                                 double threshold) {
    return WordJoin(ranked_words(fs), 2 * threshold - 1 - 1e-9).run();
}

/// Low thresholds (≤ 0.5) can be reached without a shared word: candidates share a trigram,
/// or, at a threshold ≤ 0, every pair is one.
std::vector<std::pair<std::size_t, std::size_t>> gram_candidates(const std::vector<Features>& fs,
                                                                 double threshold) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    if (threshold <= 0) {
        for (std::size_t i = 0; i < fs.size(); ++i)
            for (std::size_t k = i + 1; k < fs.size(); ++k)
                pairs.emplace_back(i, k);
        return pairs;
    }
    std::map<std::uint64_t, std::vector<std::size_t>> postings;
    for (std::size_t i = 0; i < fs.size(); ++i)
        for (std::uint64_t g : fs[i].grams)
            postings[g].push_back(i);
    std::vector<std::size_t> seen(fs.size(), fs.size());
    for (std::size_t i = 0; i < fs.size(); ++i)
        for (std::uint64_t g : fs[i].grams)
            for (std::size_t other : postings[g])
                if (other > i && seen[other] != i) {
                    seen[other] = i;
                    pairs.emplace_back(i, other);
                }
    return pairs;
}

/// Texts without any word are similar only to each other (similarity 1).
void wordless_pairs(const std::vector<Features>& fs,
                    std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
    std::vector<std::size_t> empty;
    for (std::size_t i = 0; i < fs.size(); ++i)
        if (fs[i].words.empty()) empty.push_back(i);
    for (std::size_t x = 0; x < empty.size(); ++x)
        for (std::size_t y = x + 1; y < empty.size(); ++y)
            pairs.emplace_back(empty[x], empty[y]);
}

} // namespace

double text_similarity(std::string_view a, std::string_view b) {
    return similarity(features(a), features(b));
}

std::vector<SimilarPair> near_duplicates(const std::vector<std::string>& texts, double threshold) {
    std::vector<Features> fs;
    fs.reserve(texts.size());
    for (const std::string& t : texts)
        fs.push_back(features(t));
    std::vector<std::pair<std::size_t, std::size_t>> candidates =
        threshold > 0.5 ? word_candidates(fs, threshold) : gram_candidates(fs, threshold);
    if (threshold > 0) wordless_pairs(fs, candidates);
    std::vector<SimilarPair> out;
    for (auto [a, b] : candidates) {
        double s = similarity(fs[a], fs[b]);
        if (s >= threshold) out.push_back({a, b, s});
    }
    std::sort(out.begin(), out.end(), [](const SimilarPair& x, const SimilarPair& y) {
        if (x.similarity != y.similarity) return x.similarity > y.similarity;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    return out;
}

std::optional<std::pair<std::size_t, double>>
best_match(std::string_view text, const std::vector<std::string>& texts, double threshold) {
    Features f = features(text);
    std::optional<std::pair<std::size_t, double>> best;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        double s = similarity(f, features(texts[i]));
        if (s >= threshold && (!best || s > best->second)) best = std::make_pair(i, s);
    }
    return best;
}

} // namespace delight
