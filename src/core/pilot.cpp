#include "delight/pilot.hpp"

#include "delight/random.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

namespace delight {
namespace {

constexpr std::size_t stratum_count = 3;

std::size_t index_of(Satisfaction s) {
    return static_cast<std::size_t>(s);
}

/// Accounts are ordered by id (bytewise), then by position, so duplicate ids (which the
/// loader refuses) still give a deterministic order.
struct ById {
    const std::vector<Account>& accounts;
    bool operator()(std::size_t a, std::size_t b) const {
        const int c = accounts[a].id.compare(accounts[b].id);
        return c != 0 ? c < 0 : a < b;
    }
};

std::string id_list(const std::vector<Account>& accounts, const std::vector<std::size_t>& ids) {
    constexpr std::size_t shown = 5;
    std::string text;
    for (std::size_t k = 0; k < ids.size() && k < shown; ++k)
        text += fmt::format("{}'{}'", k ? ", " : "", accounts[ids[k]].id);
    if (ids.size() > shown) text += fmt::format(" and {} more", ids.size() - shown);
    return text;
}

/// Removes pool[position] and returns it; the order of the rest is kept (still sorted).
std::size_t take(std::vector<std::size_t>& pool, std::size_t position) {
    const std::size_t chosen = pool[position];
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(position));
    return chosen;
}

/// Removes account a from pool, sorted by ById.
void remove_sorted(std::vector<std::size_t>& pool, std::size_t a, const ById& by_id) {
    auto it = std::lower_bound(pool.begin(), pool.end(), a, by_id);
    if (it != pool.end() && *it == a) pool.erase(it);
}

/// What `include` and `exclude` did (§4.4): the includes are already in out.pilot.
struct Lists {
    std::vector<bool> excluded, in_pilot;
    std::array<int, 3> included = {0, 0, 0}; ///< includes per stratum
    long long unknown_includes = 0;          ///< includes of unknown satisfaction
};

Lists apply_lists(const std::vector<Account>& accounts, const PilotSettings& settings,
                  PilotSelection& out) {
    Lists lists{std::vector<bool>(accounts.size(), false),
                std::vector<bool>(accounts.size(), false)};
    std::unordered_map<std::string, std::size_t> index; // id → first account with it
    for (std::size_t a = 0; a < accounts.size(); ++a)
        index.emplace(accounts[a].id, a);
    auto find = [&](const std::string& id) {
        auto it = index.find(id);
        return it == index.end() ? accounts.size() : it->second;
    };

    for (const std::string& id : settings.exclude) {
        const std::size_t a = find(id);
        if (a == accounts.size())
            out.notes.push_back(fmt::format("pilot exclude '{}' is not an account; ignored", id));
        else
            lists.excluded[a] = true;
    }
    std::vector<bool> seen(accounts.size(), false);
    for (const std::string& id : settings.include) {
        const std::size_t a = find(id);
        if (a == accounts.size()) {
            out.notes.push_back(fmt::format("pilot include '{}' is not an account; ignored", id));
            continue;
        }
        if (seen[a]) {
            out.notes.push_back(fmt::format("pilot include '{}' is listed twice", id));
            continue;
        }
        seen[a] = true;
        if (lists.excluded[a]) {
            out.notes.push_back(fmt::format(
                "account '{}' is both included and excluded: left out of the pilot", id));
            continue;
        }
        const std::optional<Satisfaction> s = resolved_satisfaction(accounts[a]);
        out.pilot.push_back({&accounts[a], s, true});
        lists.in_pilot[a] = true;
        if (s) {
            ++lists.included[index_of(*s)];
        } else {
            ++lists.unknown_includes;
            out.notes.push_back(fmt::format("included account '{}' has unknown satisfaction (no "
                                            "satisfaction, no nps): in the pilot, in no stratum",
                                            id));
        }
    }
    return lists;
}

/// Draws stratum s's quota less its includes from c (its candidates, sorted by id), appends
/// them to out.pilot sorted by id, and leaves in c the rest, sorted by id.
void draw_stratum(const std::vector<Account>& accounts, Satisfaction s, int included,
                  std::vector<std::size_t>& c, Random& rng, PilotSelection& out) {
    const ById by_id{accounts};
    const int quota = out.quota[index_of(s)];
    const auto wanted = static_cast<std::size_t>(std::max(0, quota - included));
    const std::size_t picks = std::min(wanted, c.size());
    // Partial Fisher–Yates (Durstenfeld): positions 0 … picks−1 become a uniform sample
    // without replacement, in draw order.
    for (std::size_t k = 0; k < picks; ++k) {
        const auto j = k + static_cast<std::size_t>(rng.below(c.size() - k));
        std::swap(c[k], c[j]);
    }
    std::vector<std::size_t> drawn(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(picks));
    c.erase(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(picks));
    std::sort(drawn.begin(), drawn.end(), by_id);
    std::sort(c.begin(), c.end(), by_id); // what is left: the control candidates
    for (std::size_t a : drawn)
        out.pilot.push_back({&accounts[a], s, false});
    const int available = included + static_cast<int>(c.size() + picks);
    if (available < quota) out.shortfalls.push_back({s, quota, available});
}

/// The control group (§4.4), continuing the pilot's stream. `unused` holds per stratum the
/// accounts that may still become controls, sorted by id.
void match_controls(const std::vector<Account>& accounts,
                    std::array<std::vector<std::size_t>, stratum_count> unused, Random& rng,
                    PilotSelection& out) {
    const ById by_id{accounts};
    // The same accounts per (satisfaction, segment), to find segment matches without a scan.
    std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> by_segment;
    for (std::size_t s = 0; s < stratum_count; ++s)
        for (std::size_t a : unused[s])
            if (!accounts[a].segment.empty()) by_segment[{s, accounts[a].segment}].push_back(a);

    for (const PilotPick& pick : out.pilot) {
        ControlMatch m{pick.account, nullptr, ControlMatch::By::none};
        const std::string& pilot_id = pick.account->id;
        if (!pick.stratum) {
            out.notes.push_back(fmt::format(
                "pilot account '{}' has unknown satisfaction: it gets no control", pilot_id));
            out.control.push_back(m);
            continue;
        }
        const std::size_t s = index_of(*pick.stratum);
        std::vector<std::size_t>* segment_pool = nullptr;
        if (!pick.account->segment.empty()) {
            auto it = by_segment.find({s, pick.account->segment});
            if (it != by_segment.end() && !it->second.empty()) segment_pool = &it->second;
        }
        std::size_t chosen = 0;
        if (segment_pool) {
            chosen = take(*segment_pool, static_cast<std::size_t>(rng.below(segment_pool->size())));
            remove_sorted(unused[s], chosen, by_id);
            m.by = ControlMatch::By::satisfaction_and_segment;
        } else if (!unused[s].empty()) {
            chosen = take(unused[s], static_cast<std::size_t>(rng.below(unused[s].size())));
            if (!accounts[chosen].segment.empty())
                remove_sorted(by_segment[{s, accounts[chosen].segment}], chosen, by_id);
            m.by = ControlMatch::By::satisfaction;
        } else {
            out.notes.push_back(fmt::format("no unused {} account is left as a control for '{}'",
                                            name(*pick.stratum), pilot_id));
            out.control.push_back(m);
            continue;
        }
        m.control = &accounts[chosen];
        out.control.push_back(m);
    }
}

} // namespace

std::array<int, 3> pilot_quotas(long long size, const std::array<double, 3>& mix) {
    std::array<int, 3> quota = {0, 0, 0};
    std::array<double, 3> weight = {0, 0, 0};
    double total = 0;
    for (std::size_t s = 0; s < stratum_count; ++s) {
        weight[s] = std::isfinite(mix[s]) && mix[s] > 0 ? mix[s] : 0.0;
        total += weight[s];
    }
    if (size <= 0 || !(total > 0) || !std::isfinite(total)) return quota;
    const long long slots = std::min<long long>(size, std::numeric_limits<int>::max());

    std::array<double, 3> remainder = {0, 0, 0};
    long long given = 0;
    for (std::size_t s = 0; s < stratum_count; ++s) {
        const double exact = static_cast<double>(slots) * (weight[s] / total);
        const double whole = std::floor(exact);
        quota[s] = static_cast<int>(whole);
        remainder[s] = exact - whole;
        given += quota[s];
    }
    // Hamilton: the slots left (fewer than the number of strata) go one each to the largest
    // remainders; near-equal remainders are ties, won by the earlier stratum.
    constexpr double tie = 1e-9;
    std::array<bool, 3> seated = {false, false, false};
    for (long long left = slots - given; left > 0;) {
        std::size_t best = stratum_count;
        for (std::size_t s = 0; s < stratum_count; ++s) {
            if (weight[s] == 0 || seated[s]) continue;
            if (best == stratum_count || remainder[s] > remainder[best] + tie) best = s;
        }
        if (best == stratum_count) { // only reachable through rounding; start a new round
            seated = {false, false, false};
            continue;
        }
        ++quota[best];
        seated[best] = true;
        --left;
    }
    return quota;
}

PilotSelection select_pilot(const std::vector<Account>& accounts, const PilotSettings& settings,
                            bool control) {
    PilotSelection out;
    Lists lists = apply_lists(accounts, settings, out);
    out.quota = pilot_quotas(std::max(0LL, settings.size - lists.unknown_includes), settings.mix);

    // Candidates per stratum, sorted by id: the draw then depends only on the seed and on the
    // set of accounts, not on their order in the files.
    const ById by_id{accounts};
    std::array<std::vector<std::size_t>, stratum_count> pool;
    std::vector<std::size_t> unknown;
    for (std::size_t a = 0; a < accounts.size(); ++a) {
        if (lists.excluded[a] || lists.in_pilot[a]) continue;
        if (auto s = resolved_satisfaction(accounts[a]))
            pool[index_of(*s)].push_back(a);
        else
            unknown.push_back(a);
    }
    for (auto& p : pool)
        std::sort(p.begin(), p.end(), by_id);
    std::sort(unknown.begin(), unknown.end(), by_id);
    if (!unknown.empty())
        out.notes.push_back(fmt::format("{} account{} of unknown satisfaction (no satisfaction, no "
                                        "nps) cannot be drawn for the pilot: {}",
                                        unknown.size(), unknown.size() == 1 ? "" : "s",
                                        id_list(accounts, unknown)));

    Random rng(settings.seed);
    for (std::size_t s = 0; s < stratum_count; ++s)
        draw_stratum(accounts, static_cast<Satisfaction>(s), lists.included[s], pool[s], rng, out);
    if (static_cast<long long>(out.pilot.size()) > settings.size)
        out.notes.push_back(fmt::format("the pilot has {} accounts, more than its size {}: "
                                        "included accounts beyond their quota stay in",
                                        out.pilot.size(), settings.size));

    if (control) match_controls(accounts, std::move(pool), rng, out);
    return out;
}

} // namespace delight
