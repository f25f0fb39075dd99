#pragma once
// Pilot and control accounts for `plan` (PRODUCT.md §4.4 "Pilot and control"). The source
// method (§1, seed 000) pilots the action plan with a *mix* of satisfied, neutral and
// dissatisfied customers, so the pilot is a stratified random sample by satisfaction (§3.3:
// given, else derived from NPS), and an optional control group is matched to it account by
// account so survey-diff can compare the two. All randomness is core/random, seeded (§3.7).
#include "delight/model.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace delight {

/// One pilot account.
struct PilotPick {
    const Account* account = nullptr;
    /// resolved_satisfaction(*account); nullopt only for an `include`d account of unknown
    /// satisfaction (such accounts are never drawn).
    std::optional<Satisfaction> stratum;
    bool included = false; ///< forced by `pilot.include` rather than drawn
};

/// A stratum that had fewer accounts than its quota (§4.4: "gives all it has … no backfill").
struct Shortfall {
    Satisfaction stratum = Satisfaction::satisfied;
    int quota = 0;     ///< the stratum's quota (PilotSelection::quota)
    int available = 0; ///< what it could give: its includes plus its drawable accounts
};

/// The control account matched to one pilot account.
struct ControlMatch {
    const Account* pilot = nullptr;
    const Account* control = nullptr; ///< nullptr when none could be matched
    enum class By {
        satisfaction_and_segment, ///< same satisfaction and the same (non-empty) segment
        satisfaction,             ///< same satisfaction; no unused account of that segment
        none                      ///< no unused account of that satisfaction, or unknown
    } by = By::none;
};

struct PilotSelection {
    /// Slots per stratum (satisfied, neutral, dissatisfied), includes counted in them.
    std::array<int, 3> quota = {0, 0, 0};
    /// Includes first (in `include` order), then the drawn accounts stratum by stratum
    /// (satisfied, neutral, dissatisfied), each stratum sorted by id.
    std::vector<PilotPick> pilot;
    std::vector<Shortfall> shortfalls; ///< in stratum order
    /// One per pilot account, in pilot order; empty when no control group was asked for.
    std::vector<ControlMatch> control;
    /// What the plan should say (one line each, English): ignored include/exclude ids,
    /// unknown satisfaction, includes beyond their quota, pilot accounts left without control.
    std::vector<std::string> notes;
};

/// Largest-remainder (Hamilton) apportionment of `size` slots to the three strata by `mix`
/// (satisfied, neutral, dissatisfied): each stratum gets floor(size·mix_i/Σmix), and the
/// slots left go one each to the largest remainders. Remainders within 1e-9 of each other
/// are ties (so decimal mixes such as 0.2/0.3 tie as they would on paper), broken in stratum
/// order satisfied, neutral, dissatisfied. A stratum with mix 0 gets nothing; mix entries
/// that are negative or not finite count as 0; a mix adding up to 0 (the loader refuses
/// it), or size ≤ 0, gives {0, 0, 0}.
std::array<int, 3> pilot_quotas(long long size, const std::array<double, 3>& mix);

/// Selects the pilot and, when `control`, a matched control group (PRODUCT.md §4.4).
///
/// Candidates and includes:
/// - Candidates are `accounts` minus `settings.exclude`. An id both included and excluded is
///   left out (exclusion usually means "do not contact"); noted.
/// - `settings.include` accounts come first, in the given order, and count toward their
///   stratum's quota. An include of unknown satisfaction counts toward no stratum but takes
///   a pilot slot: quotas are apportioned over size minus those includes. Includes beyond
///   their stratum's quota all stay in (the pilot is then larger than `size`; noted).
/// - Ids in include/exclude that name no account are the loader's to report; here they are
///   ignored with a note, as are repeated includes.
///
/// Pilot draw (§4.4, §3.7):
/// - Quotas by pilot_quotas(size − unknown-satisfaction includes, mix).
/// - One Random(settings.seed) stream. For each stratum in the order satisfied, neutral,
///   dissatisfied, the stratum's remaining quota (quota − its includes, at least 0) is drawn
///   uniformly without replacement from its candidates (known satisfaction, not included),
///   sorted by id (bytewise), by a partial Fisher–Yates shuffle: for k = 0 … picks−1,
///   swap element k with element k + below(n − k). picks = min(remaining quota, n), so a
///   stratum with too few accounts gives all it has (still shuffled) and is recorded as a
///   Shortfall; other strata do not backfill it.
/// - Accounts of unknown satisfaction (no satisfaction, no NPS; §3.3) are never drawn; their
///   number is noted.
///
/// Control group (when `control`):
/// - For each pilot account in pilot order, the same Random stream continues (so the pilot
///   does not depend on whether a control group is asked for): pick
///   `pool[below(pool.size())]` from the unused accounts — not excluded, not in the pilot,
///   not already a control — sorted by id, first among those of the same satisfaction and
///   the same segment, else among those of the same satisfaction, else none (noted).
/// - A pilot account with no segment is matched by satisfaction only (an empty segment is no
///   information, not a segment); one of unknown satisfaction gets no control (noted).
///
/// Pointers in the result point into `accounts`. Deterministic: the same inputs and seed give
/// the same result on any machine.
PilotSelection select_pilot(const std::vector<Account>& accounts, const PilotSettings& settings,
                            bool control);

} // namespace delight
