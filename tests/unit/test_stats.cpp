// core/stats (PRODUCT.md §2) against SciPy: tests/reference/stats_reference.py computes every
// statistic with Debian's SciPy 1.10 (or from the textbook formula where SciPy has none) on
// literal samples and on real survey answers in tests/data/, and writes
// tests/reference/stats_reference.txt. This test parses the same CSV files itself, builds the
// histograms, and compares each value to 1e-9 relative (counts exactly). Then hand-checked
// cases: the Kano tables cell by cell, category rules and tie orders, mixed, Fong, Berger,
// NPS, undefined statistics and the p floor, and million-answer histograms.
#include "delight/csv.hpp"
#include "delight/stats.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace delight;
using namespace delight::stats;

namespace {

// ---------------------------------------------------------------------------------------------
// The reference file

struct RefLine {
    std::string text;
    std::string kind;
    std::vector<std::string> names;
    std::map<std::string, std::string> values;

    const std::string& at(const std::string& key) const {
        auto it = values.find(key);
        if (it == values.end()) FAIL("no " << key << " in: " << text);
        return it->second;
    }
    bool has(const std::string& key) const { return values.count(key) != 0; }
    double number(const std::string& key) const;
    std::uint64_t count(const std::string& key) const { return std::stoull(at(key)); }
    bool flag(const std::string& key) const { return at(key) == "1"; }
};

double parse_double(const std::string& s) {
    double v = 0;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (error != std::errc() || end != s.data() + s.size()) FAIL("not a number: " << s);
    return v;
}

double RefLine::number(const std::string& key) const {
    return parse_double(at(key));
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep))
        parts.push_back(part);
    return parts;
}

const std::vector<RefLine>& reference() {
    static const std::vector<RefLine> lines = [] {
        std::ifstream in(DELIGHT_SOURCE_DIR "/tests/reference/stats_reference.txt");
        REQUIRE(in);
        std::vector<RefLine> result;
        std::string text;
        while (std::getline(in, text)) {
            if (text.empty() || text[0] == '#') continue;
            RefLine line;
            line.text = text;
            std::istringstream words(text);
            words >> line.kind;
            for (std::string word; words >> word;) {
                const auto eq = word.find('=');
                if (eq == std::string::npos)
                    line.names.push_back(word);
                else
                    line.values[word.substr(0, eq)] = word.substr(eq + 1);
            }
            result.push_back(line);
        }
        return result;
    }();
    return lines;
}

std::vector<const RefLine*> lines_of(const std::string& kind) {
    std::vector<const RefLine*> found;
    for (const RefLine& line : reference())
        if (line.kind == kind) found.push_back(&line);
    return found;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

bool close(double actual, double expected) {
    if (!std::isfinite(actual)) return false;
    if (expected == 0) return std::fabs(actual) <= 1e-12;
    return std::fabs(actual - expected) <= 1e-9 * std::fabs(expected);
}

void check(double actual, const RefLine& line, const std::string& key) {
    INFO(line.text);
    INFO(key << ": actual " << std::setprecision(17) << actual << ", expected " << line.at(key));
    CHECK(close(actual, line.number(key)));
}

void check(const std::optional<double>& actual, const RefLine& line, const std::string& key) {
    INFO(line.text);
    INFO(key);
    if (line.at(key) == "none") {
        CHECK_FALSE(actual.has_value());
        return;
    }
    REQUIRE(actual.has_value());
    check(*actual, line, key);
}

// ---------------------------------------------------------------------------------------------
// The data: literal samples from the reference file, real answers parsed from tests/data/

using Table = std::vector<std::map<std::string, std::string>>;

Table read_table(const std::string& file) {
    auto reader = io::CsvReader::open_file(DELIGHT_SOURCE_DIR "/tests/data/" + file);
    const std::vector<std::string> header = io::read_header(reader);
    Table rows;
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
        REQUIRE(fields.size() == header.size());
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < fields.size(); ++i)
            row[header[i]] = std::string(fields[i]);
        rows.push_back(std::move(row));
    }
    return rows;
}

const Table& airline() {
    static const Table rows = read_table("airline_satisfaction_sample.csv");
    return rows;
}

const Table& kano_cohort(int cohort) {
    static const Table c1 = read_table("kano_storage_cohort1.csv");
    static const Table c2 = read_table("kano_storage_cohort2.csv");
    return cohort == 1 ? c1 : c2;
}

std::string airline_column(const std::string& alias) {
    if (alias == "wifi") return "Inflight wifi service";
    if (alias == "seat") return "Seat comfort";
    FAIL("unknown airline column " << alias);
    return "";
}

/// Rows of the airline sample by class (or "all") and part (all, half1, half2, first300).
std::vector<const std::map<std::string, std::string>*> airline_rows(const std::string& cls,
                                                                    const std::string& part) {
    const Table& rows = airline();
    const std::size_t half = rows.size() / 2;
    std::vector<const std::map<std::string, std::string>*> selected;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (cls != "all" && rows[i].at("Class") != cls) continue;
        if ((part == "half1" && i >= half) || (part == "half2" && i < half) ||
            (part == "first300" && i >= 300))
            continue;
        selected.push_back(&rows[i]);
    }
    return selected;
}

/// The values of a named sample (see stats_reference.py for the names). Airline answers of 0
/// mean "not applicable": missing, left out.
std::vector<double> sample(const std::string& name) {
    for (const RefLine* line : lines_of("sample"))
        if (line->names.at(0) == name) {
            std::vector<double> values;
            for (const std::string& v : split(line->at("values"), ','))
                values.push_back(parse_double(v));
            return values;
        }
    const std::vector<std::string> parts = split(name, '.');
    std::vector<double> values;
    if (parts.size() == 4 && parts[0] == "airline") {
        const std::string column = airline_column(parts[1]);
        for (const auto* row : airline_rows(parts[2], parts[3])) {
            const double v = parse_double(row->at(column));
            if (v != 0) values.push_back(v);
        }
        return values;
    }
    if (parts.size() == 4 && parts[0] == "airline_diff") {
        const std::vector<std::string> columns = split(parts[1], '-');
        REQUIRE(columns.size() == 2);
        const std::string a = airline_column(columns[0]), b = airline_column(columns[1]);
        for (const auto* row : airline_rows(parts[2], parts[3])) {
            const double va = parse_double(row->at(a)), vb = parse_double(row->at(b));
            if (va != 0 && vb != 0) values.push_back(va - vb);
        }
        return values;
    }
    if (parts.size() == 3 && parts[0] == "importance") {
        const int cohort = parts[1] == "c1" ? 1 : 2;
        for (const auto& row : kano_cohort(cohort)) {
            // "9 - Extremely important" → 9, "6" → 6
            const std::string& label = row.at(parts[2] + "_importance");
            values.push_back(parse_double(label.substr(0, label.find(" - "))));
        }
        return values;
    }
    FAIL("unknown sample " << name);
    return values;
}

Histogram histogram(const std::string& name) {
    Histogram h;
    for (double v : sample(name))
        h.add(v);
    return h;
}

KanoAnswer kano_answer(const std::string& text) {
    static const std::map<std::string, KanoAnswer> answers = {
        {"I like it that way", KanoAnswer::like},
        {"I must be that way", KanoAnswer::expect},
        {"I am neutral", KanoAnswer::neutral},
        {"I can live with it that way", KanoAnswer::live_with},
        {"I dislike it that way", KanoAnswer::dislike},
        {"I enjoy it that way", KanoAnswer::like},
        {"It is a basic necessity or I expect it that way", KanoAnswer::expect},
        {"I dislike it, but I can live with it that way", KanoAnswer::live_with},
        {"I dislike it, and I can\xE2\x80\x99t accept it", KanoAnswer::dislike},
    };
    auto it = answers.find(text);
    if (it == answers.end()) FAIL("unknown Kano answer: " << text);
    return it->second;
}

KanoCounts kano_counts(const std::string& name) {
    KanoCounts counts;
    const std::vector<std::string> parts = split(name, '.');
    REQUIRE(parts.size() == 3);
    if (parts[1] == "lit") {
        for (const RefLine* line : lines_of("kano_pairs"))
            if (line->names.at(0) == name) {
                const std::vector<std::string> cells = split(line->at("pairs"), ',');
                REQUIRE(cells.size() == 25);
                for (std::size_t i = 0; i < 25; ++i)
                    counts.pairs[i / 5][i % 5] = std::stoull(cells[i]);
                return counts;
            }
        FAIL("no kano_pairs line for " << name);
    }
    const int cohort = parts[1] == "c1" ? 1 : 2;
    for (const auto& row : kano_cohort(cohort)) {
        const auto f = static_cast<std::size_t>(kano_answer(row.at(parts[2] + "_functional")));
        const auto d = static_cast<std::size_t>(kano_answer(row.at(parts[2] + "_dysfunctional")));
        ++counts.pairs[f][d];
    }
    return counts;
}

KanoCategory category_from_letter(const std::string& letter_text) {
    for (std::size_t i = 0; i < kano_category_count; ++i) {
        const auto c = static_cast<KanoCategory>(i);
        if (letter_text == letter(c)) return c;
    }
    FAIL("unknown category " << letter_text);
    return KanoCategory::Q;
}

void check_category(const std::optional<KanoCategory>& actual, const RefLine& line,
                    const std::string& key) {
    INFO(line.text);
    INFO(key);
    if (line.at(key) == "none") {
        CHECK_FALSE(actual.has_value());
        return;
    }
    REQUIRE(actual.has_value());
    CHECK(std::string(letter(*actual)) == line.at(key));
    CHECK(*actual == category_from_letter(line.at(key)));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Against the reference

TEST_CASE("stats: distributions agree with SciPy", "[stats]") {
    std::size_t checked = 0;
    for (const RefLine* line : lines_of("normal_p")) {
        check(normal_p(line->number("z")), *line, "p");
        ++checked;
    }
    for (const RefLine* line : lines_of("student_t_p")) {
        check(student_t_p(line->number("t"), line->number("df")), *line, "p");
        ++checked;
    }
    for (const RefLine* line : lines_of("normal_quantile")) {
        check(normal_quantile(line->number("p")), *line, "q");
        ++checked;
    }
    for (const RefLine* line : lines_of("student_t_quantile")) {
        check(student_t_quantile(line->number("p"), line->number("df")), *line, "q");
        ++checked;
    }
    CHECK(checked >= 30);
}

TEST_CASE("stats: summaries agree with numpy", "[stats]") {
    const auto lines = lines_of("summary");
    REQUIRE(lines.size() >= 30);
    for (const RefLine* line : lines) {
        const Scale scale{static_cast<int>(line->count("min")),
                          static_cast<int>(line->count("max"))};
        const Summary s = summarize(histogram(line->names.at(0)), scale);
        INFO(line->text);
        CHECK(s.n == line->count("n"));
        check(s.mean, *line, "mean");
        check(s.variance, *line, "variance");
        check(s.top_box, *line, "top_box");
        check(s.top2, *line, "top2");
    }
}

namespace {

void check_welch(const std::optional<Welch>& w, const RefLine& line) {
    INFO(line.text);
    if (!line.flag("defined")) {
        CHECK_FALSE(w.has_value());
        return;
    }
    REQUIRE(w.has_value());
    check(w->delta, line, "delta");
    check(w->se, line, "se");
    check(w->df, line, "df");
    check(w->t, line, "t");
    check(w->p, line, "p");
    check(w->ci.low, line, "ci_low");
    check(w->ci.high, line, "ci_high");
}

} // namespace

TEST_CASE("stats: Welch's t agrees with scipy.stats.ttest_ind", "[stats]") {
    const auto lines = lines_of("welch");
    REQUIRE(lines.size() >= 15);
    for (const RefLine* line : lines)
        check_welch(welch(histogram(line->names.at(0)), histogram(line->names.at(1)),
                          line->number("confidence")),
                    *line);
    const auto from_stats = lines_of("welch_stats");
    REQUIRE(from_stats.size() >= 4);
    for (const RefLine* line : from_stats)
        check_welch(welch(line->count("n1"), line->number("mean1"), line->number("var1"),
                          line->count("n2"), line->number("mean2"), line->number("var2"),
                          line->number("confidence")),
                    *line);
}

TEST_CASE("stats: Wald intervals", "[stats]") {
    const auto lines = lines_of("wald");
    REQUIRE(lines.size() >= 8);
    for (const RefLine* line : lines) {
        const auto c = wald_difference(line->count("x1"), line->count("n1"), line->count("x2"),
                                       line->count("n2"), line->number("confidence"));
        INFO(line->text);
        REQUIRE(c.has_value());
        check(c->delta, *line, "delta");
        check(c->ci.low, *line, "ci_low");
        check(c->ci.high, *line, "ci_high");
    }
}

TEST_CASE("stats: Mann-Whitney agrees with scipy.stats.mannwhitneyu", "[stats]") {
    const auto lines = lines_of("mwu");
    REQUIRE(lines.size() >= 15);
    for (const RefLine* line : lines) {
        const auto m = mann_whitney(histogram(line->names.at(0)), histogram(line->names.at(1)));
        INFO(line->text);
        REQUIRE(m.has_value());
        check(m->u1, *line, "u1");
        check(m->z, *line, "z");
        check(m->p, *line, "p");
        check(m->r, *line, "r");
    }
}

TEST_CASE("stats: Wilcoxon agrees with scipy.stats.wilcoxon", "[stats]") {
    const auto lines = lines_of("wilcoxon");
    REQUIRE(lines.size() >= 9);
    for (const RefLine* line : lines) {
        const auto w = wilcoxon(histogram(line->names.at(0)));
        INFO(line->text);
        REQUIRE(w.has_value());
        CHECK(w->n_pairs == line->count("n_pairs"));
        CHECK(w->n_nonzero == line->count("n_nonzero"));
        check(w->statistic, *line, "statistic");
        check(w->z, *line, "z");
        check(w->p, *line, "p");
    }
}

TEST_CASE("stats: Benjamini-Hochberg", "[stats]") {
    const auto lines = lines_of("bh");
    REQUIRE(lines.size() >= 3);
    for (const RefLine* line : lines) {
        INFO(line->text);
        const std::vector<std::string> p_text = split(line->at("p"), ',');
        const std::vector<std::string> q_text = split(line->at("q"), ',');
        REQUIRE(p_text.size() == q_text.size());
        std::vector<std::optional<double>> p;
        if (line->names.empty()) {
            for (const std::string& v : p_text)
                p.push_back(v == "none" ? std::nullopt : std::optional(parse_double(v)));
        } else {
            // The p-values are ours (Mann-Whitney on real answers), checked against SciPy's.
            REQUIRE(line->names.size() == p_text.size());
            for (std::size_t i = 0; i < line->names.size(); ++i) {
                const std::vector<std::string> pair = split(line->names[i], '/');
                const auto m = mann_whitney(histogram(pair.at(0)), histogram(pair.at(1)));
                REQUIRE(m.has_value());
                REQUIRE(m->p.has_value());
                CHECK(close(*m->p, parse_double(p_text[i])));
                p.push_back(m->p);
            }
        }
        const std::vector<std::optional<double>> q = benjamini_hochberg(p);
        REQUIRE(q.size() == q_text.size());
        for (std::size_t i = 0; i < q.size(); ++i) {
            INFO("index " << i);
            if (q_text[i] == "none") {
                CHECK_FALSE(q[i].has_value());
            } else {
                REQUIRE(q[i].has_value());
                CHECK(close(*q[i], parse_double(q_text[i])));
            }
        }
    }
}

TEST_CASE("stats: NPS and its change", "[stats]") {
    const auto lines = lines_of("nps");
    REQUIRE(lines.size() >= 13);
    for (const RefLine* line : lines) {
        const auto r = nps(histogram(line->names.at(0)));
        INFO(line->text);
        REQUIRE(r.has_value());
        CHECK(r->n == line->count("n"));
        check(r->score, *line, "score");
        check(r->moe, *line, "moe");
        check(r->var, *line, "var");
    }
    const auto changes = lines_of("nps_change");
    REQUIRE(changes.size() >= 7);
    for (const RefLine* line : changes) {
        const auto a = nps(histogram(line->names.at(0)));
        const auto b = nps(histogram(line->names.at(1)));
        REQUIRE((a && b));
        const auto c = nps_change(*a, *b);
        INFO(line->text);
        if (!line->flag("defined")) {
            CHECK_FALSE(c.has_value());
            continue;
        }
        REQUIRE(c.has_value());
        check(c->delta, *line, "delta");
        check(c->z, *line, "z");
        check(c->p, *line, "p");
    }
}

TEST_CASE("stats: Kano counts and evaluation on real answers", "[stats]") {
    // The parse of the real files gives the script's pair counts exactly.
    std::size_t real = 0;
    for (const RefLine* line : lines_of("kano_pairs")) {
        const KanoCounts counts = kano_counts(line->names.at(0));
        const std::vector<std::string> cells = split(line->at("pairs"), ',');
        REQUIRE(cells.size() == 25);
        for (std::size_t i = 0; i < 25; ++i) {
            INFO(line->text << " cell " << i);
            CHECK(counts.pairs[i / 5][i % 5] == std::stoull(cells[i]));
        }
        if (split(line->names.at(0), '.').at(1) != "lit") ++real;
    }
    CHECK(real == 10);

    const auto lines = lines_of("kano");
    REQUIRE(lines.size() >= 60);
    for (const RefLine* line : lines) {
        const KanoTable table =
            line->at("table") == "classic" ? KanoTable::classic : KanoTable::pouliot;
        const KanoRule rule = line->at("rule") == "mode" ? KanoRule::mode : KanoRule::aom_first;
        const KanoResult r = evaluate_kano(kano_counts(line->names.at(0)), table, rule);
        INFO(line->text);
        for (std::size_t i = 0; i < kano_category_count; ++i) {
            const char* key = letter(static_cast<KanoCategory>(i));
            INFO(key);
            CHECK(r.counts[i] == line->count(key));
        }
        CHECK(r.n == line->count("n"));
        check_category(r.category, *line, "category");
        check_category(r.runner_up, *line, "runner_up");
        check(r.strength, *line, "strength");
        CHECK(r.mixed == line->flag("mixed"));
        CHECK(r.fong_significant == line->flag("fong"));
        check(r.better, *line, "better");
        check(r.worse, *line, "worse");
    }
}

TEST_CASE("stats: difference-in-differences and moments", "[stats]") {
    const auto lines = lines_of("did");
    REQUIRE(lines.size() >= 3);
    for (const RefLine* line : lines) {
        REQUIRE(line->names.size() == 4);
        std::vector<Summary> cells;
        for (const std::string& name : line->names)
            cells.push_back(summarize(histogram(name), Scale{}));
        const auto d = did_respondent(cells[0], cells[1], cells[2], cells[3]);
        INFO(line->text);
        REQUIRE(d.has_value());
        check(d->delta, *line, "delta");
        check(d->se, *line, "se");
        check(d->ci.low, *line, "ci_low");
        check(d->ci.high, *line, "ci_high");
        check(d->p, *line, "p");
    }
    const auto accounts = lines_of("did_accounts");
    REQUIRE(accounts.size() >= 3);
    for (const RefLine* line : accounts) {
        const auto d = did_accounts(sample(line->names.at(0)), sample(line->names.at(1)));
        INFO(line->text);
        if (!line->flag("defined")) {
            CHECK_FALSE(d.has_value());
            continue;
        }
        REQUIRE(d.has_value());
        check(d->delta, *line, "delta");
        check(d->se, *line, "se");
        check(d->df, *line, "df");
        check(d->ci.low, *line, "ci_low");
        check(d->ci.high, *line, "ci_high");
        check(d->p, *line, "p");
        check(d->mde, *line, "mde");
        CHECK(d->n_pilot == line->count("n_pilot"));
        CHECK(d->n_control == line->count("n_control"));
    }
    const auto moment_lines = lines_of("moments");
    REQUIRE(moment_lines.size() >= 4);
    for (const RefLine* line : moment_lines) {
        const Moments m = moments(sample(line->names.at(0)));
        INFO(line->text);
        CHECK(m.n == line->count("n"));
        check(m.mean, *line, "mean");
        check(m.variance, *line, "variance");
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-checked cases

namespace {

KanoCounts one_pair(KanoAnswer f, KanoAnswer d, std::uint64_t n = 1) {
    KanoCounts c;
    c.pairs[static_cast<std::size_t>(f)][static_cast<std::size_t>(d)] = n;
    return c;
}

/// Counts that give exactly these category counts under the classic table.
KanoCounts with_categories(std::uint64_t a, std::uint64_t o, std::uint64_t m, std::uint64_t i,
                           std::uint64_t r, std::uint64_t q) {
    using enum KanoAnswer;
    KanoCounts c;
    c.pairs[0][1] = a; // like / expect
    c.pairs[0][4] = o; // like / dislike
    c.pairs[1][4] = m; // expect / dislike
    c.pairs[2][2] = i; // neutral / neutral
    c.pairs[4][0] = r; // dislike / like
    c.pairs[0][0] = q; // like / like
    return c;
}

} // namespace

TEST_CASE("stats: Kano evaluation tables cell by cell", "[stats]") {
    using enum KanoAnswer;
    using enum KanoCategory;
    const KanoTable classic = KanoTable::classic, pouliot = KanoTable::pouliot;
    // PRODUCT.md §2, rows functional, columns dysfunctional.
    const char* rows[5] = {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"};
    for (std::size_t f = 0; f < 5; ++f)
        for (std::size_t d = 0; d < 5; ++d) {
            INFO("functional " << f << ", dysfunctional " << d);
            const auto fa = static_cast<KanoAnswer>(f), da = static_cast<KanoAnswer>(d);
            CHECK(std::string(letter(kano_category(fa, da, classic))) ==
                  std::string(1, rows[f][d]));
            if (f != d) CHECK(kano_category(fa, da, pouliot) == kano_category(fa, da, classic));
        }
    CHECK(kano_category(like, dislike, classic) == O);
    CHECK(kano_category(like, neutral, classic) == A);
    CHECK(kano_category(expect, dislike, classic) == M);
    CHECK(kano_category(live_with, live_with, classic) == I);
    CHECK(kano_category(dislike, expect, classic) == R);
    CHECK(kano_category(like, like, classic) == Q);
    // Pouliot: the same answer twice is questionable, except neutral/neutral.
    CHECK(kano_category(like, like, pouliot) == Q);
    CHECK(kano_category(expect, expect, pouliot) == Q);
    CHECK(kano_category(neutral, neutral, pouliot) == I);
    CHECK(kano_category(live_with, live_with, pouliot) == Q);
    CHECK(kano_category(dislike, dislike, pouliot) == Q);
    CHECK(std::string(name(O)) == "performance");
    CHECK(std::string(name(M)) == "must-be");
    CHECK(std::string(letter(R)) == "R");

    const KanoResult r = evaluate_kano(one_pair(expect, expect, 4), pouliot, KanoRule::mode);
    CHECK(r.counts[static_cast<std::size_t>(Q)] == 4);
    CHECK(r.category == Q);
    CHECK_FALSE(r.better.has_value()); // A+O+M+I = 0
    CHECK(evaluate_kano(one_pair(expect, expect, 4), classic, KanoRule::mode).category == I);
}

TEST_CASE("stats: Kano category rules, tie order, mixed, Fong", "[stats]") {
    using enum KanoCategory;
    const KanoTable t = KanoTable::classic;
    SECTION("ties break M > O > A > I > R > Q") {
        KanoResult r = evaluate_kano(with_categories(5, 5, 5, 0, 0, 0), t, KanoRule::mode);
        CHECK(r.category == M);
        CHECK(r.runner_up == O);
        CHECK(*r.strength == 0);
        CHECK(r.mixed);
        r = evaluate_kano(with_categories(7, 7, 0, 0, 0, 0), t, KanoRule::mode);
        CHECK(r.category == O);
        CHECK(r.runner_up == A);
        r = evaluate_kano(with_categories(0, 0, 0, 3, 3, 3), t, KanoRule::mode);
        CHECK(r.category == I);
        CHECK(r.runner_up == R);
        r = evaluate_kano(with_categories(1, 0, 0, 0, 4, 4), t, KanoRule::mode);
        CHECK(r.category == R);
        CHECK(r.runner_up == Q);
        r = evaluate_kano(with_categories(6, 0, 0, 6, 0, 0), t, KanoRule::mode);
        CHECK(r.category == A);
        CHECK(r.runner_up == I);
    }
    SECTION("aom-first") {
        // A+O+M = 32 > I+R+Q = 25: the most frequent of M, O, A (M, 12) although I has 20;
        // the runner-up is I, so the strength is negative and the result mixed.
        const KanoCounts c = with_categories(10, 10, 12, 20, 3, 2);
        KanoResult r = evaluate_kano(c, t, KanoRule::aom_first);
        CHECK(r.n == 57);
        CHECK(r.category == M);
        CHECK(r.runner_up == I);
        CHECK(*r.strength == Approx(-800.0 / 57).epsilon(1e-12));
        CHECK(r.mixed);
        r = evaluate_kano(c, t, KanoRule::mode);
        CHECK(r.category == I);
        CHECK(r.runner_up == M);
        CHECK(*r.strength == Approx(800.0 / 57).epsilon(1e-12));
        CHECK_FALSE(r.mixed);
        // A+O+M = I+R+Q: not more, so the most frequent of I, R, Q.
        r = evaluate_kano(with_categories(0, 0, 10, 2, 4, 4), t, KanoRule::aom_first);
        CHECK(r.category == R);
        CHECK(r.runner_up == M);
        CHECK(evaluate_kano(with_categories(0, 0, 10, 2, 4, 4), t, KanoRule::mode).category == M);
    }
    SECTION("mixed under 6 points, decided exactly") {
        // 3 of 50 = exactly 6 points: not mixed; 2 of 50 = 4 points: mixed.
        KanoResult r = evaluate_kano(with_categories(0, 0, 20, 17, 13, 0), t, KanoRule::mode);
        CHECK(*r.strength == Approx(6.0).epsilon(1e-12));
        CHECK_FALSE(r.mixed);
        r = evaluate_kano(with_categories(0, 0, 20, 18, 12, 0), t, KanoRule::mode);
        CHECK(*r.strength == Approx(4.0).epsilon(1e-12));
        CHECK(r.mixed);
    }
    SECTION("Fong's test") {
        // a = 30, b = 20, n = 60: 1.65·√(50·70/120) = 8.911 ≤ 10 → significant.
        KanoResult r = evaluate_kano(with_categories(0, 0, 30, 20, 10, 0), t, KanoRule::mode);
        CHECK(r.fong_significant);
        // a = 30, b = 22, n = 60: 1.65·√(52·68/120) = 8.957 > 8 → not.
        r = evaluate_kano(with_categories(0, 0, 30, 22, 8, 0), t, KanoRule::mode);
        CHECK_FALSE(r.fong_significant);
    }
    SECTION("Better and Worse (Berger et al. 1993)") {
        KanoResult r = evaluate_kano(with_categories(10, 20, 30, 40, 7, 3), t, KanoRule::mode);
        CHECK(*r.better == Approx(0.3).epsilon(1e-15));
        CHECK(*r.worse == Approx(-0.5).epsilon(1e-15));
        r = evaluate_kano(with_categories(4, 0, 0, 0, 0, 0), t, KanoRule::mode);
        CHECK(*r.better == 1);
        CHECK(*r.worse == 0);
        CHECK_FALSE(std::signbit(*r.worse)); // no "-0" in output
        r = evaluate_kano(with_categories(0, 0, 0, 0, 5, 1), t, KanoRule::mode);
        CHECK_FALSE(r.better.has_value());
        CHECK_FALSE(r.worse.has_value());
        CHECK(r.category == R);
    }
    SECTION("no answers") {
        const KanoResult r = evaluate_kano(KanoCounts{}, t, KanoRule::aom_first);
        CHECK(r.n == 0);
        CHECK_FALSE(r.category.has_value());
        CHECK_FALSE(r.runner_up.has_value());
        CHECK_FALSE(r.strength.has_value());
        CHECK_FALSE(r.mixed);
        CHECK_FALSE(r.fong_significant);
        CHECK_FALSE(r.better.has_value());
    }
}

TEST_CASE("stats: NPS example", "[stats]") {
    // 10 answers: 5 promoters (9, 10), 3 passives, 2 detractors.
    Histogram h;
    h.add(10, 3);
    h.add(9, 2);
    h.add(8, 2);
    h.add(7, 1);
    h.add(6, 1);
    h.add(0, 1);
    const auto r = nps(h);
    REQUIRE(r.has_value());
    CHECK(r->n == 10);
    CHECK(r->score == Approx(30).epsilon(1e-14));
    CHECK(r->var == Approx(0.5 + 0.2 - 0.09).epsilon(1e-14));
    CHECK(r->moe == Approx(1.96 * std::sqrt(0.061) * 100).epsilon(1e-14)); // 48.408…
    CHECK(r->moe == Approx(48.408).margin(0.001));
}

TEST_CASE("stats: undefined statistics are nullopt, never NaN", "[stats]") {
    const Histogram empty;
    Histogram one;
    one.add(3);
    Histogram same;
    same.add(4, 10);

    const Summary s0 = summarize(empty, Scale{1, 5});
    CHECK(s0.n == 0);
    CHECK_FALSE(s0.mean.has_value());
    CHECK_FALSE(s0.variance.has_value());
    CHECK_FALSE(s0.top_box.has_value());
    CHECK_FALSE(s0.top2.has_value());
    const Summary s1 = summarize(one, Scale{1, 5});
    CHECK(*s1.mean == 3);
    CHECK_FALSE(s1.variance.has_value());

    CHECK_FALSE(welch(empty, same).has_value());
    CHECK_FALSE(welch(one, same).has_value());
    CHECK_FALSE(welch(same, same).has_value());
    CHECK_FALSE(welch(5, 1.0, std::nan(""), 5, 2.0, 1.0).has_value());
    CHECK_FALSE(wald_difference(0, 0, 3, 10).has_value());
    CHECK_FALSE(wald_difference(3, 10, 0, 0).has_value());

    CHECK_FALSE(mann_whitney(empty, same).has_value());
    CHECK_FALSE(mann_whitney(same, empty).has_value());
    Histogram same5;
    same5.add(4, 5);
    const auto m = mann_whitney(same, same5);
    REQUIRE(m.has_value());
    CHECK(m->u1 == 25); // every pair tied: ½·10·5
    CHECK(m->r == 0);
    CHECK_FALSE(m->z.has_value());
    CHECK_FALSE(m->p.has_value());

    CHECK_FALSE(wilcoxon(empty).has_value());
    Histogram zeros;
    zeros.add(0, 7);
    zeros.add(-0.0, 2);
    const auto w = wilcoxon(zeros);
    REQUIRE(w.has_value());
    CHECK(w->n_pairs == 9);
    CHECK(w->n_nonzero == 0);
    CHECK(w->statistic == 0);
    CHECK(w->z == 0);
    CHECK(w->p == 1);

    CHECK_FALSE(nps(empty).has_value());
    const Nps all_promoters{10, 100, 0, 0};
    CHECK_FALSE(nps_change(all_promoters, all_promoters).has_value());
    CHECK_FALSE(nps_change(Nps{}, *nps(same)).has_value());

    const Summary two = summarize(
        [] {
            Histogram h;
            h.add(1);
            h.add(2);
            return h;
        }(),
        Scale{});
    CHECK_FALSE(did_respondent(two, two, two, s1).has_value());
    const Summary flat = summarize(same, Scale{});
    CHECK_FALSE(did_respondent(flat, flat, flat, flat).has_value());
    REQUIRE(did_respondent(two, flat, flat, flat).has_value());

    CHECK_FALSE(did_accounts({1.0}, {0.5, 0.25}).has_value());
    CHECK_FALSE(did_accounts({}, {}).has_value());
    CHECK_FALSE(did_accounts({0.5, 0.5}, {0.25, 0.25}).has_value());
    const Moments none = moments({});
    CHECK(none.n == 0);
    CHECK_FALSE(none.variance.has_value());

    const auto q = benjamini_hochberg({std::nullopt, std::nullopt});
    REQUIRE(q.size() == 2);
    CHECK_FALSE(q[0].has_value());
    CHECK_FALSE(q[1].has_value());
    CHECK(benjamini_hochberg({}).empty());
}

TEST_CASE("stats: p-values are floored at 1e-300 and clipped at 1", "[stats]") {
    CHECK(normal_p(40) == p_floor);
    CHECK(normal_p(-1e6) == p_floor);
    CHECK(normal_p(std::numeric_limits<double>::infinity()) == p_floor);
    CHECK(normal_p(0) == 1);
    CHECK(student_t_p(1e40, 10) == p_floor); // heavy tails: p ≈ t^−df
    CHECK(student_t_p(std::numeric_limits<double>::infinity(), 10) == p_floor);
    CHECK(student_t_p(0, 3) == 1);
    // 2·sf(37) ≈ 1.1e-299 stays above the floor.
    CHECK(normal_p(37) > p_floor);
    CHECK(normal_p(37) < 1e-298);
    CHECK(*benjamini_hochberg({0.9, 0.95})[0] == Approx(0.95).epsilon(1e-15));
    CHECK(*benjamini_hochberg({0.6, 0.7, 0.8})[0] <= 1.0);
}

TEST_CASE("stats: million-answer histograms are ranked from the counts", "[stats]") {
    SECTION("Mann-Whitney, a million answers per wave") {
        Histogram earlier, later;
        earlier.add(1, 600000);
        earlier.add(2, 400000);
        later.add(2, 500000);
        later.add(3, 500000);
        const auto m = mann_whitney(earlier, later);
        REQUIRE(m.has_value());
        // Earlier 2s against later 2s are the only non-losing pairs: ½·400000·500000.
        CHECK(m->u1 == 1e11);
        CHECK(m->r == Approx(0.8).epsilon(1e-15));
        REQUIRE(m->p.has_value());
        CHECK(*m->p == p_floor);
        // σ² = n1n2/12·(n³ − Σt³)/(n(n − 1)) with t = 600000, 900000, 500000.
        const double n = 2e6;
        const double sigma = std::sqrt(
            1e12 / 12 * (n * n * n - 6e5 * 6e5 * 6e5 - 9e5 * 9e5 * 9e5 - 5e5 * 5e5 * 5e5) /
            (n * (n - 1)));
        CHECK(*m->z == Approx((9e11 - 5e11 - 0.5) / sigma).epsilon(1e-12));
    }
    SECTION("Mann-Whitney, a billion answers per value") {
        // Expanding to one element per answer could not run here.
        Histogram earlier, later;
        earlier.add(3, 1000000000);
        earlier.add(4, 1000000000);
        later.add(3, 1000000000);
        later.add(4, 1000000000);
        const auto m = mann_whitney(earlier, later);
        REQUIRE(m.has_value());
        CHECK(m->r == Approx(0).margin(1e-12));
        REQUIRE(m->p.has_value());
        CHECK(*m->p == 1); // U = n1n2/2: z = −½/σ < 0, 2·sf(z) > 1 clipped
    }
    SECTION("Wilcoxon, a million pairs") {
        Histogram d;
        d.add(-1, 300000);
        d.add(0, 100000);
        d.add(1, 500000);
        d.add(2, 100000);
        const auto w = wilcoxon(d);
        REQUIRE(w.has_value());
        CHECK(w->n_pairs == 1000000);
        CHECK(w->n_nonzero == 900000);
        // |d| = 1: ranks 1…800000, midrank 400000.5; r− = 300000·400000.5.
        CHECK(w->statistic == 120000150000.0);
        CHECK(w->p == p_floor);
        CHECK(w->z < -300);
    }
}
