// The state of the catalogue (PRODUCT.md §4.1): coverage, kinds, verification, blind spots
// with prompts, near-duplicates. Seed 000, step 1: brainstorm expectations "stated and
// implied" at every moment of truth, from every function, then verify them in interviews.
#include "delight/brainstorm.hpp"
#include "delight/similarity.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace delight {
namespace {

struct Alias {
    std::string_view from, to;
};

/// Common names of touchpoints, mapped to the touchpoint the built-in prompts use. Kept short
/// on purpose and documented in docs/cli.md; a project can always add its own prompts.
constexpr Alias touchpoint_aliases[] = {
    {"awareness", "discovery"},
    {"website", "discovery"},
    {"search", "discovery"},
    {"sales-demo", "sales"},
    {"demo", "sales"},
    {"trial", "sales"},
    {"proposal", "sales"},
    {"presales", "sales"},
    {"quote", "contract"},
    {"pricing", "contract"},
    {"purchase", "contract"},
    {"procurement", "contract"},
    {"implementation", "onboarding"},
    {"installation", "onboarding"},
    {"training", "onboarding"},
    {"data-migration", "onboarding"},
    {"migration", "onboarding"},
    {"go-live", "onboarding"},
    {"usage", "daily-use"},
    {"daily-operations", "daily-use"},
    {"mobile-field", "daily-use"},
    {"field-service", "daily-use"},
    {"delivery", "daily-use"},
    {"invoicing", "billing"},
    {"payment", "billing"},
    {"payments", "billing"},
    {"helpdesk", "support"},
    {"help-desk", "support"},
    {"customer-service", "support"},
    {"service-desk", "support"},
    {"renewals", "renewal"},
    {"retention", "renewal"},
    {"account-review", "renewal"},
};

/// Common names of the seven functions of the method (seed 000).
constexpr Alias function_aliases[] = {
    {"accounting", "finance"},
    {"billing", "finance"},
    {"communications", "marketing"},
    {"professional-services", "consulting"},
    {"product", "solution-design-delivery"},
    {"engineering", "solution-design-delivery"},
    {"delivery", "solution-design-delivery"},
    {"account-management", "sales"},
    {"customer-success", "service"},
    {"support", "after-sales-support"},
    {"customer-support", "after-sales-support"},
};

template <std::size_t N>
std::string resolve_alias(const std::string& id, const Alias (&table)[N]) {
    for (const Alias& a : table)
        if (a.from == id) return std::string(a.to);
    return id;
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

/// How well a prompt fits a blind spot: (matching dimensions, dimensions named by the prompt
/// that the blind spot leaves open), or nullopt when a named dimension differs.
struct Fit {
    int matches = 0, open = 0;
};

/// One dimension: a prompt that does not name it fits; one that names it fits a blind spot
/// open in it (counted as open) or with the same value (counted as a match).
bool fits(bool named, bool spot_has, bool equal, Fit& f) {
    if (!named) return true;
    if (!spot_has) {
        ++f.open;
        return true;
    }
    if (!equal) return false;
    ++f.matches;
    return true;
}

std::optional<Fit> fit(const Prompt& p, const BlindSpot& s, bool builtin) {
    std::string tp = s.touchpoint.value_or("");
    std::string fn = s.function.value_or("");
    if (builtin) {
        tp = library_touchpoint(tp);
        fn = library_function(fn);
    }
    Fit f;
    if (fits(!p.touchpoint.empty(), s.touchpoint.has_value(), p.touchpoint == tp, f) &&
        fits(!p.function.empty(), s.function.has_value(), p.function == fn, f) &&
        fits(p.kind.has_value(), s.kind.has_value(), p.kind == s.kind, f))
        return f;
    return std::nullopt;
}

bool selected(const Expectation& e, const BrainstormFilter& filter) {
    if (e.retired) return false;
    if (!filter.touchpoint.empty() && e.touchpoint != filter.touchpoint) return false;
    if (!filter.function.empty() && !contains(e.functions, filter.function)) return false;
    return !filter.kind || e.kind == *filter.kind;
}

Coverage coverage_of(const Project& project, const BrainstormFilter& filter,
                     const std::vector<const Expectation*>& items) {
    Coverage c;
    c.touchpoints = filter.touchpoint.empty() ? project.touchpoints
                                              : std::vector<std::string>{filter.touchpoint};
    c.functions =
        filter.function.empty() ? project.functions : std::vector<std::string>{filter.function};
    c.counts.assign(c.touchpoints.size(), std::vector<std::size_t>(c.functions.size(), 0));
    c.touchpoint_totals.assign(c.touchpoints.size(), 0);
    c.function_totals.assign(c.functions.size(), 0);
    for (const Expectation* e : items) {
        auto t = std::find(c.touchpoints.begin(), c.touchpoints.end(), e->touchpoint);
        if (t == c.touchpoints.end()) continue;
        auto ti = static_cast<std::size_t>(t - c.touchpoints.begin());
        ++c.touchpoint_totals[ti];
        for (std::size_t fi = 0; fi < c.functions.size(); ++fi)
            if (contains(e->functions, c.functions[fi])) {
                ++c.counts[ti][fi];
                ++c.function_totals[fi];
                c.max_count = std::max(c.max_count, c.counts[ti][fi]);
            }
    }
    return c;
}

/// Verification (seed 000: "verify your findings by interviewing a sample set of customers").
void verification(const Project& project, const std::vector<const Expectation*>& items,
                  BrainstormSummary& s) {
    std::set<std::string> ids, accounts;
    for (const Expectation* e : items)
        ids.insert(e->id);
    std::set<std::string> verified;
    for (const Evidence& ev : project.evidence) {
        if (ev.source != EvidenceSource::interview || !ids.count(ev.expectation)) continue;
        verified.insert(ev.expectation);
        if (!ev.account.empty()) accounts.insert(ev.account);
    }
    s.verified_expectations = verified.size();
    s.verified_accounts = accounts.size();
}

/// Blind spots in a reading order: per touchpoint its empty cells, then its missing kinds
/// (implied, latent, future); then the functions that own nothing.
std::vector<BlindSpot> blind_spots(const BrainstormFilter& filter, const Coverage& c,
                                   const std::vector<const Expectation*>& items) {
    std::vector<BlindSpot> out;
    // Under --function F, "no latent expectation at T" means none that F owns.
    std::optional<std::string> function;
    if (!filter.function.empty()) function = filter.function;
    for (std::size_t t = 0; t < c.touchpoints.size(); ++t) {
        for (std::size_t f = 0; f < c.functions.size(); ++f)
            if (c.counts[t][f] == 0)
                out.push_back({c.touchpoints[t], c.functions[f], filter.kind, {}});
        // Under --function F, an empty touchpoint is already its one empty cell.
        if (function && c.touchpoint_totals[t] == 0) continue;
        for (Kind k : {Kind::implied, Kind::latent, Kind::future}) {
            if (filter.kind && *filter.kind != k) continue;
            bool any = std::any_of(items.begin(), items.end(), [&](const Expectation* e) {
                return e->touchpoint == c.touchpoints[t] && e->kind == k;
            });
            if (!any) out.push_back({c.touchpoints[t], function, k, {}});
        }
    }
    // With one touchpoint in view, a function that owns nothing is already its empty cell.
    if (filter.touchpoint.empty())
        for (std::size_t f = 0; f < c.functions.size(); ++f)
            if (c.function_totals[f] == 0)
                out.push_back({std::nullopt, c.functions[f], filter.kind, {}});
    return out;
}

std::vector<NearDuplicate> duplicates(const std::vector<const Expectation*>& items,
                                      double threshold) {
    std::vector<std::string> texts;
    for (const Expectation* e : items)
        texts.push_back(e->text);
    std::vector<NearDuplicate> out;
    for (const SimilarPair& p : near_duplicates(texts, threshold))
        out.push_back({items[p.a]->id, items[p.b]->id, p.similarity});
    return out;
}

} // namespace

std::string library_touchpoint(const std::string& project_touchpoint) {
    return resolve_alias(project_touchpoint, touchpoint_aliases);
}

std::string library_function(const std::string& project_function) {
    return resolve_alias(project_function, function_aliases);
}

std::vector<std::string> select_prompts(const BlindSpot& spot, const PromptLibrary& library,
                                        std::size_t n) {
    struct Candidate {
        Fit fit;
        int builtin;       ///< project prompts (0) before built-in ones (1)
        std::size_t order; ///< library order
        const std::string* text;
    };
    std::vector<Candidate> candidates;
    auto consider = [&](const std::vector<Prompt>& prompts, bool builtin) {
        for (const Prompt& p : prompts)
            if (auto f = fit(p, spot, builtin))
                candidates.push_back({*f, builtin ? 1 : 0, candidates.size(), &p.text});
    };
    consider(library.project, false);
    consider(library.builtin, true);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::make_tuple(-x.fit.matches, x.builtin, x.fit.open, x.order) <
               std::make_tuple(-y.fit.matches, y.builtin, y.fit.open, y.order);
    });
    std::vector<std::string> out;
    for (const Candidate& c : candidates) {
        if (out.size() >= n) break;
        if (!contains(out, *c.text)) out.push_back(*c.text);
    }
    return out;
}

BrainstormSummary summarize_catalogue(const Project& project, const BrainstormFilter& filter,
                                      const PromptLibrary& library, std::size_t prompts_per_spot,
                                      double threshold) {
    BrainstormSummary s;
    s.filter = filter;
    std::vector<const Expectation*> items;
    for (const Expectation& e : project.expectations)
        if (selected(e, filter)) items.push_back(&e);
    s.expectations = items.size();
    s.coverage = coverage_of(project, filter, items);
    for (const Expectation* e : items)
        ++s.kinds[static_cast<std::size_t>(e->kind)];
    verification(project, items, s);
    s.blind_spots = blind_spots(filter, s.coverage, items);
    for (BlindSpot& b : s.blind_spots)
        b.prompts = select_prompts(b, library, prompts_per_spot);
    s.near_duplicate_threshold = threshold;
    s.near_duplicates = duplicates(items, threshold);
    return s;
}

} // namespace delight
