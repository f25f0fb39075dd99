#include "delight/render_survey.hpp"

#include <fmt/format.h>

namespace delight::render {

std::string p_text(const std::optional<double>& p) {
    if (!p) return "–";
    if (*p <= stats::p_floor) return "< 1e-300";
    if (*p < 0.001) return fmt::format("{:.1e}", *p);
    return fixed(*p, 3);
}

namespace {

using nlohmann::ordered_json;

std::string num(const std::optional<double>& v, int decimals) {
    return v ? fixed(*v, decimals) : "–";
}

std::string signed_num(const std::optional<double>& v, int decimals) {
    if (!v) return "–";
    std::string s = fixed(*v, decimals);
    return s[0] == '-' || s.find_first_not_of("0.") == std::string::npos ? s : "+" + s;
}

std::string ci_text(const std::optional<stats::Interval>& ci, int decimals) {
    if (!ci) return "–";
    return fmt::format("[{}, {}]", fixed(ci->low, decimals), fixed(ci->high, decimals));
}

std::string share(const std::optional<double>& v) {
    return v ? fixed(*v * 100, 0) + "%" : "–";
}

std::string kind_text(const std::optional<Kind>& k) {
    return k ? name(*k) : "–";
}

std::string wave_list(const SurveyDiffResult& r) {
    std::string s;
    for (std::size_t i = 0; i < r.waves.size(); ++i) {
        s += (i ? " → " : "") + r.waves[i];
        if (i < r.rows.size() && r.rows[i] > 0) s += fmt::format(" ({} rows)", r.rows[i]);
    }
    return s;
}

std::string basis_text(const SurveyDiffResult& r) {
    if (r.waves.size() < 2) return "one wave: the baseline, no comparison";
    if (r.has_groups && r.has_accounts)
        return "verdicts from the account-level difference-in-differences, pilot vs control";
    if (r.has_groups) return "verdicts from the pilot group";
    return "verdicts from the whole sample";
}

Table expectation_table(const SurveySlice& s) {
    Table t;
    t.columns = {{"expectation", Align::left, true},
                 {"kind", Align::left, false},
                 {"verdict", Align::left, false}};
    for (const ExpectationVerdict& e : s.expectations)
        t.rows.push_back({e.id, kind_text(e.kind), name(e.verdict)});
    return t;
}

Table question_table(const SurveyDiffResult& r, const SurveySlice& s) {
    Table t;
    t.columns = {{"question", Align::left, true}, {"measure", Align::left, false}};
    for (const std::string& w : r.waves)
        t.columns.push_back({"mean " + w, Align::right, false});
    bool compare = r.waves.size() >= 2;
    if (compare) {
        t.columns.push_back({"Δmean [95% CI]", Align::right, false});
        t.columns.push_back({"Δtop-2", Align::right, false});
        t.columns.push_back({"p", Align::right, false});
        t.columns.push_back({"q", Align::right, false});
        t.columns.push_back({"r", Align::right, false});
        if (r.has_pairs) {
            t.columns.push_back({"paired", Align::right, false});
            t.columns.push_back({"p paired", Align::right, false});
        }
        t.columns.push_back({"verdict", Align::left, false});
    } else {
        t.columns.push_back({"n", Align::right, false});
        t.columns.push_back({"top-2", Align::right, false});
    }
    for (const QuestionStats& q : s.questions) {
        std::vector<std::string> row = {q.column, name(q.measure)};
        for (const WaveSummary& w : q.all.waves)
            row.push_back(num(w.mean, 2));
        const Comparison& c = q.all.comparison;
        if (compare) {
            row.push_back(signed_num(c.delta_mean, 2) + " " + ci_text(c.delta_mean_ci, 2));
            row.push_back(c.delta_top2 ? signed_num(*c.delta_top2 * 100, 0) + "pt" : "–");
            row.push_back(p_text(c.p_mannwhitney));
            row.push_back(p_text(c.q_bh));
            row.push_back(signed_num(c.effect_rank_biserial, 2));
            if (r.has_pairs) {
                row.push_back(std::to_string(c.n_paired));
                row.push_back(p_text(c.p_wilcoxon));
            }
            row.push_back(name(q.all.verdict));
        } else {
            row.push_back(std::to_string(q.all.waves[0].n));
            row.push_back(share(q.all.waves[0].top2));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table did_table(const SurveySlice& s) {
    Table t;
    t.columns = {{"question", Align::left, true},    {"pilot Δ", Align::right, false},
                 {"control Δ", Align::right, false}, {"δ [95% CI]", Align::right, false},
                 {"p", Align::right, false},         {"q", Align::right, false},
                 {"level", Align::left, false},      {"accounts", Align::right, false},
                 {"MDE", Align::right, false},       {"verdict", Align::left, false}};
    for (const QuestionStats& q : s.questions) {
        if (!q.pilot || !q.control) continue;
        std::vector<std::string> row = {q.column};
        if (q.did) {
            const DidStats& d = *q.did;
            row.push_back(signed_num(d.pilot_change, 2));
            row.push_back(signed_num(d.control_change, 2));
            row.push_back(signed_num(d.delta, 2) + " " + ci_text(d.ci, 2));
            row.push_back(p_text(d.p));
            row.push_back(p_text(d.q));
            row.push_back(d.level);
            row.push_back(d.level == "account"
                              ? fmt::format("{}/{}", d.n_accounts[0], d.n_accounts[1])
                              : "–");
            row.push_back(num(d.mde, 2));
        } else {
            for (int i = 0; i < 8; ++i)
                row.push_back("–");
        }
        row.push_back(name(q.verdict));
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string nps_cell_text(const std::optional<stats::Nps>& n) {
    if (!n) return "–";
    return fmt::format("{} ± {}", fixed(n->score, 1), fixed(n->moe, 1));
}

Table nps_table(const SurveyDiffResult& r, const SurveySlice& s) {
    Table t;
    t.columns = {{"question", Align::left, true}, {"cell", Align::left, false}};
    for (const std::string& w : r.waves)
        t.columns.push_back({w, Align::right, false});
    if (r.waves.size() >= 2) {
        t.columns.push_back({"Δ", Align::right, false});
        t.columns.push_back({"z", Align::right, false});
        t.columns.push_back({"p", Align::right, false});
    }
    auto add = [&](const std::string& column, const char* cell, const NpsCell& c) {
        std::vector<std::string> row = {column, cell};
        for (const auto& w : c.waves)
            row.push_back(nps_cell_text(w));
        if (r.waves.size() >= 2) {
            row.push_back(c.change ? signed_num(c.change->delta, 1) : "–");
            row.push_back(c.change ? signed_num(c.change->z, 2) : "–");
            row.push_back(c.change ? p_text(c.change->p) : "–");
        }
        t.rows.push_back(std::move(row));
    };
    for (const NpsStats& n : s.nps) {
        add(n.column, "all", n.all);
        if (n.pilot) add(n.column, "pilot", *n.pilot);
        if (n.control) add(n.column, "control", *n.control);
    }
    return t;
}

std::string kano_cell_text(const stats::KanoResult& k) {
    if (!k.category) return "–";
    return fmt::format("{} {}{}", stats::letter(*k.category), fixed(k.strength.value_or(0), 0),
                       k.mixed ? " mixed" : (k.fong_significant ? "" : " ns"));
}

Table kano_table(const SurveyDiffResult& r, const SurveySlice& s) {
    Table t;
    t.columns = {{"expectation", Align::left, true}};
    for (const std::string& w : r.waves)
        t.columns.push_back({w, Align::left, false});
    t.columns.push_back({"A/O/M/I/R/Q (last)", Align::right, false});
    t.columns.push_back({"better", Align::right, false});
    t.columns.push_back({"worse", Align::right, false});
    if (r.waves.size() >= 2) t.columns.push_back({"migration", Align::left, false});
    for (const KanoStats& k : s.kano) {
        std::vector<std::string> row = {k.expectation};
        for (const stats::KanoResult& w : k.waves)
            row.push_back(kano_cell_text(w));
        const stats::KanoResult& last = k.waves.back();
        std::string counts;
        for (std::uint64_t c : last.counts)
            counts += (counts.empty() ? "" : "/") + std::to_string(c);
        row.push_back(counts);
        row.push_back(num(last.better, 2));
        row.push_back(num(last.worse, 2));
        if (r.waves.size() >= 2)
            row.push_back(k.migration ? fmt::format("{} → {}", name(k.migration->first),
                                                    name(k.migration->second))
                                      : "–");
        t.rows.push_back(std::move(row));
    }
    return t;
}

constexpr Verdict all_verdicts[] = {Verdict::improved, Verdict::declined, Verdict::no_change,
                                    Verdict::inconclusive, Verdict::too_few};
constexpr Kind all_kinds[] = {Kind::stated, Kind::implied, Kind::latent, Kind::future};

Table rollup_table(const SurveySlice& s) {
    Table t;
    t.columns = {{"kind", Align::left, false}};
    for (Verdict v : all_verdicts)
        t.columns.push_back({name(v), Align::right, false});
    for (Kind k : all_kinds) {
        const auto& counts = s.rollup[static_cast<std::size_t>(k)];
        int total = 0;
        for (int c : counts)
            total += c;
        if (total == 0) continue;
        std::vector<std::string> row = {name(k)};
        for (Verdict v : all_verdicts)
            row.push_back(std::to_string(counts[static_cast<std::size_t>(v)]));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table trend_table(const SurveyDiffResult& r, const SurveySlice& s) {
    Table t;
    t.columns = {{"question", Align::left, true}};
    for (std::size_t w = 0; w < r.waves.size(); ++w)
        t.columns.push_back({w == 0 ? r.waves[w] : "Δ → " + r.waves[w], Align::right, false});
    for (const QuestionStats& q : s.questions) {
        std::vector<std::string> row = {q.column, num(q.all.waves[0].mean, 2)};
        for (std::size_t w = 1; w < r.waves.size(); ++w)
            row.push_back(signed_num(q.trend_delta[w], 2) + " (p " + p_text(q.trend_p[w]) + ")");
        t.rows.push_back(std::move(row));
    }
    return t;
}

bool any_did(const SurveySlice& s) {
    for (const QuestionStats& q : s.questions)
        if (q.pilot && q.control) return true;
    return false;
}

/// The sections of one slice, as (title, table) pairs, in reading order.
std::vector<std::pair<std::string, Table>> sections(const SurveyDiffResult& r,
                                                    const SurveySlice& s) {
    std::vector<std::pair<std::string, Table>> out;
    bool compare = r.waves.size() >= 2;
    if (compare && !s.expectations.empty()) out.emplace_back("Expectations", expectation_table(s));
    if (!s.questions.empty())
        out.emplace_back(compare ? "Questions, " + r.waves.front() + " → " + r.waves.back() +
                                       " (whole sample)"
                                 : "Questions",
                         question_table(r, s));
    if (compare && any_did(s))
        out.emplace_back(r.has_accounts && s.segment.empty()
                             ? "Pilot vs control (difference-in-differences of per-account "
                               "mean changes)"
                             : "Pilot vs control (difference-in-differences, respondents)",
                         did_table(s));
    if (!s.nps.empty()) out.emplace_back("NPS (score ± margin of error, points)", nps_table(r, s));
    if (!s.kano.empty())
        out.emplace_back("Kano (category, strength in points; ns = not significant by Fong's "
                         "test)",
                         kano_table(r, s));
    if (compare && !s.expectations.empty()) out.emplace_back("Roll-up by kind", rollup_table(s));
    if (r.waves.size() >= 3) out.emplace_back("Trend of the mean", trend_table(r, s));
    return out;
}

std::string settings_line(const SurveyDiffResult& r) {
    return fmt::format("{}; FDR {}, min n {}{}", basis_text(r), fixed(r.options.fdr, 2),
                       r.options.min_n,
                       r.options.margin ? ", margin " + fixed(*r.options.margin, 2) : "");
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string header_line(const SurveyDiffResult& r) {
    return fmt::format("Waves: {} ({})\n", wave_list(r), settings_line(r));
}

} // namespace

std::string survey_diff_text(const SurveyDiffResult& r, const Style& style) {
    std::string out = header_line(r);
    for (auto& [title, table] : sections(r, r.all))
        out += "\n" + title + "\n" + table_text(table, style);
    for (const SurveySlice& s : r.segments) {
        out += fmt::format("\n== {} {} ==\n", r.by, s.segment.empty() ? "(blank)" : s.segment);
        for (auto& [title, table] : sections(r, s))
            out += "\n" + title + "\n" + table_text(table, style);
    }
    return out;
}

std::vector<Block> survey_diff_blocks(const SurveyDiffResult& r) {
    std::vector<Block> out = {
        {"Overview",
         {fmt::format("Waves: {}.", wave_list(r)), capitalised(settings_line(r)) + "."},
         std::nullopt}};
    for (auto& [title, table] : sections(r, r.all))
        out.push_back({title, {}, std::move(table)});
    for (const SurveySlice& s : r.segments)
        for (auto& [title, table] : sections(r, s))
            out.push_back(
                {fmt::format("{} {}: {}", r.by, s.segment.empty() ? "(blank)" : s.segment, title),
                 {},
                 std::move(table)});
    return out;
}

std::string survey_diff_markdown(const SurveyDiffResult& r) {
    Table waves;
    waves.columns = {{"wave", Align::left, false}};
    for (const std::string& w : r.waves)
        waves.rows.push_back({w});
    std::string out =
        "# Survey waves\n\n" + table_markdown(waves) + "\n" + capitalised(settings_line(r)) + ".\n";
    for (auto& [title, table] : sections(r, r.all))
        out += "\n## " + title + "\n\n" + table_markdown(table);
    for (const SurveySlice& s : r.segments) {
        out += fmt::format("\n## {} {}\n", r.by, s.segment.empty() ? "(blank)" : s.segment);
        for (auto& [title, table] : sections(r, s))
            out += "\n### " + title + "\n\n" + table_markdown(table);
    }
    return out;
}

namespace {

ordered_json opt(const std::optional<double>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json interval(const std::optional<stats::Interval>& ci) {
    if (!ci) return ordered_json::array({nullptr, nullptr});
    return ordered_json::array({ci->low, ci->high});
}

ordered_json cell_json(const CellStats& c) {
    ordered_json n = ordered_json::array(), missing = ordered_json::array(),
                 invalid = ordered_json::array(), mean = ordered_json::array(),
                 top = ordered_json::array(), top2 = ordered_json::array();
    for (const WaveSummary& w : c.waves) {
        n.push_back(w.n);
        missing.push_back(w.missing);
        invalid.push_back(w.invalid);
        mean.push_back(opt(w.mean));
        top.push_back(opt(w.top_box));
        top2.push_back(opt(w.top2));
    }
    const Comparison& k = c.comparison;
    return ordered_json{{"n", n},
                        {"missing", missing},
                        {"invalid", invalid},
                        {"mean", mean},
                        {"top_box", top},
                        {"top2", top2},
                        {"delta_mean", opt(k.delta_mean)},
                        {"delta_mean_ci", interval(k.delta_mean_ci)},
                        {"delta_top_box", opt(k.delta_top_box)},
                        {"delta_top_box_ci", interval(k.delta_top_box_ci)},
                        {"delta_top2", opt(k.delta_top2)},
                        {"delta_top2_ci", interval(k.delta_top2_ci)},
                        {"p_mannwhitney", opt(k.p_mannwhitney)},
                        {"effect_rank_biserial", opt(k.effect_rank_biserial)},
                        {"q_bh", opt(k.q_bh)},
                        {"n_paired", k.n_paired},
                        {"p_wilcoxon", opt(k.p_wilcoxon)},
                        {"verdict", name(c.verdict)}};
}

ordered_json question_json(const QuestionStats& q) {
    ordered_json j = {{"column", q.column},
                      {"expectation",
                       q.expectation.empty() ? ordered_json(nullptr) : ordered_json(q.expectation)},
                      {"kind", q.kind ? ordered_json(name(*q.kind)) : ordered_json(nullptr)},
                      {"measure", name(q.measure)}};
    ordered_json all = cell_json(q.all);
    all.erase("verdict");
    for (auto& [k, v] : all.items())
        j[k] = v;
    j["verdict"] = name(q.verdict);
    j["verdict_basis"] = q.basis;
    ordered_json cells = ordered_json::object();
    if (q.pilot) cells["pilot"] = cell_json(*q.pilot);
    if (q.control) cells["control"] = cell_json(*q.control);
    j["cells"] = cells.empty() ? ordered_json(nullptr) : cells;
    if (q.did) {
        const DidStats& d = *q.did;
        j["did"] = ordered_json{
            {"delta", opt(d.delta)},
            {"ci", interval(d.ci)},
            {"p", opt(d.p)},
            {"q", opt(d.q)},
            {"level", d.level},
            {"n_accounts", d.level == "account"
                               ? ordered_json::array({d.n_accounts[0], d.n_accounts[1]})
                               : ordered_json(nullptr)},
            {"mde", opt(d.mde)}};
    } else {
        j["did"] = nullptr;
    }
    return j;
}

ordered_json nps_cell_json(const NpsCell& c) {
    ordered_json score = ordered_json::array(), moe = ordered_json::array(),
                 n = ordered_json::array();
    for (const auto& w : c.waves) {
        n.push_back(w ? w->n : 0);
        score.push_back(w ? ordered_json(w->score) : ordered_json(nullptr));
        moe.push_back(w ? ordered_json(w->moe) : ordered_json(nullptr));
    }
    return ordered_json{{"n", n},
                        {"score", score},
                        {"moe", moe},
                        {"delta", c.change ? ordered_json(c.change->delta) : ordered_json(nullptr)},
                        {"z", c.change ? ordered_json(c.change->z) : ordered_json(nullptr)},
                        {"p", c.change ? ordered_json(c.change->p) : ordered_json(nullptr)}};
}

ordered_json kano_json(const KanoStats& k) {
    ordered_json counts = ordered_json::array(), category = ordered_json::array(),
                 strength = ordered_json::array(), mixed = ordered_json::array(),
                 fong = ordered_json::array(), better = ordered_json::array(),
                 worse = ordered_json::array();
    for (const stats::KanoResult& w : k.waves) {
        ordered_json c = ordered_json::object();
        for (std::size_t i = 0; i < stats::kano_category_count; ++i)
            c[stats::letter(static_cast<stats::KanoCategory>(i))] = w.counts[i];
        counts.push_back(c);
        category.push_back(w.category ? ordered_json(name(*w.category)) : ordered_json(nullptr));
        strength.push_back(opt(w.strength));
        mixed.push_back(w.category ? ordered_json(w.mixed) : ordered_json(nullptr));
        fong.push_back(w.category ? ordered_json(w.fong_significant) : ordered_json(nullptr));
        better.push_back(opt(w.better));
        worse.push_back(opt(w.worse));
    }
    return ordered_json{{"expectation", k.expectation},
                        {"counts", counts},
                        {"category", category},
                        {"strength", strength},
                        {"mixed", mixed},
                        {"fong_significant", fong},
                        {"better", better},
                        {"worse", worse},
                        {"migration", k.migration ? ordered_json{{"from", name(k.migration->first)},
                                                                 {"to", name(k.migration->second)}}
                                                  : ordered_json(nullptr)}};
}

ordered_json slice_json(const SurveyDiffResult& r, const SurveySlice& s) {
    ordered_json questions = ordered_json::array();
    for (const QuestionStats& q : s.questions)
        questions.push_back(question_json(q));
    ordered_json expectations = ordered_json::array();
    for (const ExpectationVerdict& e : s.expectations)
        expectations.push_back(
            {{"id", e.id},
             {"kind", e.kind ? ordered_json(name(*e.kind)) : ordered_json(nullptr)},
             {"verdict", name(e.verdict)}});
    ordered_json nps = ordered_json::array();
    for (const NpsStats& n : s.nps) {
        ordered_json j = {{"column", n.column}};
        ordered_json all = nps_cell_json(n.all);
        for (auto& [k, v] : all.items())
            j[k] = v;
        ordered_json cells = ordered_json::object();
        if (n.pilot) cells["pilot"] = nps_cell_json(*n.pilot);
        if (n.control) cells["control"] = nps_cell_json(*n.control);
        j["cells"] = cells.empty() ? ordered_json(nullptr) : cells;
        nps.push_back(j);
    }
    ordered_json kano = ordered_json::array();
    for (const KanoStats& k : s.kano)
        kano.push_back(kano_json(k));
    ordered_json rollup = ordered_json::object();
    for (Kind kind : all_kinds) {
        ordered_json counts = ordered_json::object();
        for (Verdict v : all_verdicts)
            counts[key(v)] = s.rollup[static_cast<std::size_t>(kind)][static_cast<std::size_t>(v)];
        rollup[name(kind)] = counts;
    }
    ordered_json trend = ordered_json::array();
    if (r.waves.size() >= 3)
        for (const QuestionStats& q : s.questions) {
            ordered_json mean = ordered_json::array(), top2 = ordered_json::array(),
                         delta = ordered_json::array(), p = ordered_json::array();
            for (std::size_t w = 0; w < r.waves.size(); ++w) {
                mean.push_back(opt(q.all.waves[w].mean));
                top2.push_back(opt(q.all.waves[w].top2));
                delta.push_back(opt(q.trend_delta[w]));
                p.push_back(opt(q.trend_p[w]));
            }
            trend.push_back({{"column", q.column},
                             {"mean", mean},
                             {"top2", top2},
                             {"delta_mean", delta},
                             {"p_mannwhitney", p}});
        }
    return ordered_json{{"questions", questions},
                        {"expectations", expectations},
                        {"nps", nps},
                        {"kano", kano},
                        {"rollup", rollup},
                        {"trend", trend}};
}

} // namespace

std::string survey_diff_json(const SurveyDiffResult& r) {
    ordered_json j = {{"version", 1}, {"waves", r.waves}};
    ordered_json all = slice_json(r, r.all);
    for (auto& [k, v] : all.items())
        j[k] = v;
    j["options"] = {
        {"kano_table", r.options.kano_table == stats::KanoTable::classic ? "classic" : "pouliot"},
        {"kano_rule", r.options.kano_rule == stats::KanoRule::mode ? "mode" : "aom-first"},
        {"fdr", r.options.fdr},
        {"min_n", r.options.min_n},
        {"margin", opt(r.options.margin)}};
    if (!r.by.empty()) {
        ordered_json segments = ordered_json::array();
        for (const SurveySlice& s : r.segments) {
            ordered_json sj = {{"segment", s.segment}};
            ordered_json slice = slice_json(r, s);
            for (auto& [k, v] : slice.items())
                sj[k] = v;
            segments.push_back(sj);
        }
        j["by"] = {{"column", r.by}, {"segments", segments}};
    } else {
        j["by"] = nullptr;
    }
    return json_text(j);
}

std::string survey_diff_csv(const SurveyDiffResult& r, const Style& style) {
    Table t;
    t.columns = {{"segment"}, {"cell"}, {"column"}, {"expectation"}, {"measure"}};
    for (const std::string& w : r.waves) {
        t.columns.push_back({"n_" + w});
        t.columns.push_back({"mean_" + w});
        t.columns.push_back({"top2_" + w});
    }
    for (const char* c :
         {"delta_mean", "delta_mean_low", "delta_mean_high", "delta_top2", "p_mannwhitney", "q_bh",
          "effect_rank_biserial", "n_paired", "p_wilcoxon", "verdict"})
        t.columns.push_back({c});
    auto g = [](const std::optional<double>& v) {
        return v ? fmt::format("{}", *v) : std::string();
    };
    auto add = [&](const SurveySlice& s, const char* cell_name, const QuestionStats& q,
                   const CellStats& c, Verdict verdict) {
        std::vector<std::string> row = {s.segment, cell_name, q.column, q.expectation,
                                        name(q.measure)};
        for (const WaveSummary& w : c.waves) {
            row.push_back(std::to_string(w.n));
            row.push_back(g(w.mean));
            row.push_back(g(w.top2));
        }
        const Comparison& k = c.comparison;
        row.push_back(g(k.delta_mean));
        row.push_back(k.delta_mean_ci ? g(k.delta_mean_ci->low) : "");
        row.push_back(k.delta_mean_ci ? g(k.delta_mean_ci->high) : "");
        row.push_back(g(k.delta_top2));
        row.push_back(g(k.p_mannwhitney));
        row.push_back(g(k.q_bh));
        row.push_back(g(k.effect_rank_biserial));
        row.push_back(std::to_string(k.n_paired));
        row.push_back(g(k.p_wilcoxon));
        row.push_back(name(verdict));
        t.rows.push_back(std::move(row));
    };
    auto slice_rows = [&](const SurveySlice& s) {
        for (const QuestionStats& q : s.questions) {
            add(s, "all", q, q.all, q.all.verdict);
            if (q.pilot) add(s, "pilot", q, *q.pilot, q.pilot->verdict);
            if (q.control) add(s, "control", q, *q.control, q.control->verdict);
        }
    };
    slice_rows(r.all);
    for (const SurveySlice& s : r.segments)
        slice_rows(s);
    return table_csv(t, style);
}

} // namespace delight::render
