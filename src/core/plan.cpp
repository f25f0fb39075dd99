#include "delight/plan.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace delight {

std::string PlanAction::target_text() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+g", target_points);
    return target_metric + " " + buf + " points";
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (the classic era-based
// algorithm: 400-year eras of 146097 days, years starting in March so the leap day is last).
long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

} // namespace

std::string add_days(const std::string& date, long long days) {
    long long y = 0;
    unsigned m = 1, d = 1;
    if (std::sscanf(date.c_str(), "%lld-%u-%u", &y, &m, &d) != 3) return date;
    civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
    return buf;
}

std::vector<std::string> find_after_cycle(const Project& project) {
    std::map<std::string, const Expectation*> by_id;
    for (const Expectation& e : project.expectations)
        by_id.emplace(e.id, &e);
    enum class Mark { none, open, done };
    std::map<std::string, Mark> mark;
    std::vector<std::string> path;
    std::vector<std::string> cycle;
    // Depth-first; a dependency met again while still open closes a cycle.
    auto visit = [&](auto&& self, const Expectation& e) -> bool {
        mark[e.id] = Mark::open;
        path.push_back(e.id);
        for (const std::string& dep : e.after) {
            auto it = by_id.find(dep);
            if (it == by_id.end()) continue;
            Mark m = mark[dep];
            if (m == Mark::open) {
                auto start = std::find(path.begin(), path.end(), dep);
                cycle.assign(start, path.end());
                cycle.push_back(dep);
                return true;
            }
            if (m == Mark::none && self(self, *it->second)) return true;
        }
        path.pop_back();
        mark[e.id] = Mark::done;
        return false;
    };
    for (const Expectation& e : project.expectations)
        if (mark[e.id] == Mark::none && visit(visit, e)) return cycle;
    return {};
}

namespace {

class Planner {
  public:
    Planner(const Project& p, const PriorityResult& ranking,
            const std::vector<RemediationInput>& remediation)
        : m_project(p), m_settings(*p.plan), m_ranking(ranking), m_remediation(remediation) {}

    PlanResult run();

  private:
    void add_remediation();
    void add_ranked();
    void apply_overrides();
    void set_measures(PlanAction& a) const;
    double capacity_of(const std::string& function) const;
    void pack();
    bool place(PlanAction& a, int earliest);
    void build_waves();

    const Project& m_project;
    const PlanSettings& m_settings;
    const PriorityResult& m_ranking;
    const std::vector<RemediationInput>& m_remediation;
    PlanResult m_result;
    std::vector<std::map<std::string, double>> m_used; ///< per wave, per function
    std::vector<bool> m_closed;                        ///< a wave given to an oversize action
};

PlanAction new_action(const Expectation& e, Track track) {
    PlanAction a;
    a.expectation = &e;
    a.track = track;
    a.owners = e.functions;
    a.effort = e.effort;
    a.target_metric = track == Track::delight ? "top box" : "top-2-box";
    return a;
}

void Planner::add_remediation() {
    for (const RemediationInput& r : m_remediation) {
        if (r.verdict == "inconclusive") {
            m_result.measure_again.push_back(r);
            continue;
        }
        if (r.verdict != "declined" && r.verdict != "no change") continue;
        const Expectation* e = find_expectation(m_project, r.expectation);
        if (!e) {
            m_result.warnings.push_back("--remediate names '" + r.expectation +
                                        "', which is not in the catalogue; skipped");
            continue;
        }
        if (std::any_of(m_result.actions.begin(), m_result.actions.end(),
                        [&](const PlanAction& a) { return a.expectation == e; }))
            continue;
        PlanAction a = new_action(*e, track_of(e->kano).value_or(Track::basics));
        a.remediation = r;
        m_result.actions.push_back(std::move(a));
    }
}

void Planner::add_ranked() {
    // The two tracks' rankings interleaved in proportion to the shares (§4.4): the next
    // action comes from the track with the lowest taken ÷ share, ties to basics.
    std::vector<const PriorityItem*> basics, delight;
    for (const PriorityItem& item : m_ranking.items) {
        if (!item.rank || !item.track) continue;
        (*item.track == Track::basics ? basics : delight).push_back(&item);
    }
    std::size_t b = 0, d = 0;
    double share_b = m_settings.basics_share, share_d = m_settings.delight_share;
    while (b < basics.size() || d < delight.size()) {
        bool take_basics;
        if (b >= basics.size())
            take_basics = false;
        else if (d >= delight.size())
            take_basics = true;
        else if (share_d <= 0)
            take_basics = true;
        else if (share_b <= 0)
            take_basics = false;
        else
            take_basics = static_cast<double>(b) / share_b <= static_cast<double>(d) / share_d;
        const PriorityItem& item = take_basics ? *basics[b++] : *delight[d++];
        auto existing =
            std::find_if(m_result.actions.begin(), m_result.actions.end(),
                         [&](const PlanAction& a) { return a.expectation == item.expectation; });
        if (existing != m_result.actions.end()) {
            existing->rank = item.rank; // already planned as remediation, ahead of new work
            continue;
        }
        PlanAction a = new_action(*item.expectation, *item.track);
        a.rank = item.rank;
        m_result.actions.push_back(std::move(a));
    }
}

void Planner::apply_overrides() {
    for (const PlanOverride& o : m_settings.overrides) {
        auto it =
            std::find_if(m_result.actions.begin(), m_result.actions.end(),
                         [&](const PlanAction& a) { return a.expectation->id == o.expectation; });
        if (it == m_result.actions.end()) {
            m_result.warnings.push_back("plan override for '" + o.expectation +
                                        "': not a white space to plan; ignored");
            continue;
        }
        if (o.exclude) {
            m_result.excluded.push_back(it->expectation);
            m_result.actions.erase(it);
            continue;
        }
        if (!o.owners.empty()) it->owners = o.owners;
        if (o.effort) it->effort = *o.effort;
        if (o.target) it->target_points = *o.target;
        if (o.wave) {
            it->pinned = true;
            it->wave = static_cast<int>(*o.wave) - 1;
        }
    }
}

void Planner::set_measures(PlanAction& a) const {
    if (m_project.survey)
        for (const SurveyQuestion& q : m_project.survey->questions)
            if (q.type == SurveyQuestion::Type::likert && q.expectation == a.expectation->id &&
                q.measure == Measure::performance)
                a.measures.push_back(q.column);
    if (a.measures.empty()) {
        a.measure_from_instrument = true;
        a.measures.push_back(a.expectation->id + "_performance");
    }
}

double Planner::capacity_of(const std::string& function) const {
    for (const auto& [f, c] : m_settings.capacity)
        if (f == function) return c;
    return m_settings.default_capacity;
}

bool Planner::place(PlanAction& a, int earliest) {
    const int waves = static_cast<int>(m_settings.waves);
    bool oversize = std::any_of(a.owners.begin(), a.owners.end(), [&](const std::string& f) {
        return a.effort > capacity_of(f) + 1e-9;
    });
    for (int w = std::max(earliest, 0); w < waves; ++w) {
        if (m_closed[static_cast<std::size_t>(w)]) continue;
        auto& used = m_used[static_cast<std::size_t>(w)];
        bool fits;
        if (oversize) {
            fits =
                std::all_of(used.begin(), used.end(), [](const auto& u) { return u.second == 0; });
        } else {
            fits = std::all_of(a.owners.begin(), a.owners.end(), [&](const std::string& f) {
                return used[f] + a.effort <= capacity_of(f) + 1e-9;
            });
        }
        if (!fits) continue;
        for (const std::string& f : a.owners)
            used[f] += a.effort;
        a.wave = w;
        if (oversize) {
            a.oversize = true;
            m_closed[static_cast<std::size_t>(w)] = true;
            char effort[32];
            std::snprintf(effort, sizeof effort, "%g", a.effort);
            m_result.warnings.push_back(a.expectation->id + ": effort " + effort +
                                        " person-months is more than an owner's capacity in a "
                                        "wave; it gets wave " +
                                        std::to_string(w + 1) +
                                        " to itself — split it or raise plan.capacity");
        }
        return true;
    }
    return false;
}

void Planner::pack() {
    const auto waves = static_cast<std::size_t>(m_settings.waves);
    m_used.assign(waves, {});
    m_closed.assign(waves, false);
    std::map<const Expectation*, PlanAction*> by_expectation;
    for (PlanAction& a : m_result.actions)
        by_expectation[a.expectation] = &a;
    // Pinned actions first: people decided their wave; capacity is charged, and exceeding it
    // is said, not prevented.
    for (PlanAction& a : m_result.actions) {
        if (!a.pinned) continue;
        if (*a.wave >= static_cast<int>(waves)) {
            m_result.warnings.push_back(a.expectation->id + ": plan override puts it in wave " +
                                        std::to_string(*a.wave + 1) + ", after the last wave; " +
                                        "listed as later");
            a.wave.reset();
            continue;
        }
        auto& used = m_used[static_cast<std::size_t>(*a.wave)];
        for (const std::string& f : a.owners) {
            used[f] += a.effort;
            if (used[f] > capacity_of(f) + 1e-9)
                m_result.warnings.push_back("wave " + std::to_string(*a.wave + 1) + ": " + f +
                                            " is over capacity because of the override for " +
                                            a.expectation->id);
        }
    }
    // Then the rest in plan order; an action waits for its dependencies to be placed (or put
    // later), and always goes after them.
    std::set<const PlanAction*> decided;
    for (const PlanAction& a : m_result.actions)
        if (a.pinned) decided.insert(&a);
    bool progress = true;
    while (progress) {
        progress = false;
        for (PlanAction& a : m_result.actions) {
            if (decided.count(&a)) continue;
            int earliest = 0;
            bool ready = true, blocked = false;
            for (const std::string& dep : a.expectation->after) {
                const Expectation* e = find_expectation(m_project, dep);
                auto it = e ? by_expectation.find(e) : by_expectation.end();
                if (it == by_expectation.end()) continue; // not planned: nothing to wait for
                if (!decided.count(it->second)) {
                    ready = false;
                    break;
                }
                if (!it->second->wave)
                    blocked = true;
                else
                    earliest = std::max(earliest, *it->second->wave + 1);
            }
            if (!ready) continue;
            if (!blocked) place(a, earliest);
            decided.insert(&a);
            progress = true;
            break; // restart, so earlier actions in plan order keep precedence
        }
    }
    for (const PlanAction& a : m_result.actions)
        if (!a.wave) m_result.later.push_back(&a);
}

void Planner::build_waves() {
    for (long long w = 0; w < m_settings.waves; ++w) {
        PlanWave wave;
        wave.index = static_cast<int>(w + 1);
        wave.start = add_days(m_settings.start, w * m_settings.wave_weeks * 7);
        wave.end = add_days(m_settings.start, (w + 1) * m_settings.wave_weeks * 7 - 1);
        for (const PlanAction& a : m_result.actions)
            if (a.wave && *a.wave == w) wave.actions.push_back(&a);
        const auto& used = m_used[static_cast<std::size_t>(w)];
        for (const std::string& f : m_project.functions) {
            auto it = used.find(f);
            wave.load.emplace_back(f, it == used.end() ? 0.0 : it->second);
            wave.capacity.emplace_back(f, capacity_of(f));
        }
        m_result.waves.push_back(std::move(wave));
    }
}

PlanResult Planner::run() {
    add_remediation();
    add_ranked();
    apply_overrides();
    for (PlanAction& a : m_result.actions)
        set_measures(a);
    pack();
    build_waves();
    return std::move(m_result);
}

} // namespace

PlanResult make_plan(const Project& project, const PriorityResult& ranking,
                     const std::vector<RemediationInput>& remediation) {
    return Planner(project, ranking, remediation).run();
}

} // namespace delight
