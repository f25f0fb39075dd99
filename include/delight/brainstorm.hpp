#pragma once
// The state of the catalogue (PRODUCT.md §4.1, seed 000 step 1): coverage of every touchpoint
// by every function, the balance of kinds, verification by customer interviews, blind spots
// with workshop prompts, and near-duplicates. Pure: the project comes in, a summary goes out.
#include "delight/model.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace delight {

/// What `delight brainstorm --touchpoint/--function/--kind` narrows the view to. Empty
/// strings and nullopt mean "all". The touchpoint and function must be ids of the project.
struct BrainstormFilter {
    std::string touchpoint;
    std::string function;
    std::optional<Kind> kind;
};

/// Touchpoint × function counts. An expectation with several functions counts once in each
/// of its functions' cells. Axes in project order (one entry when filtered).
struct Coverage {
    std::vector<std::string> touchpoints, functions;
    std::vector<std::vector<std::size_t>> counts; ///< [touchpoint][function]
    std::vector<std::size_t> touchpoint_totals;   ///< expectations at each touchpoint
    std::vector<std::size_t> function_totals;     ///< expectations each function owns
    std::size_t max_count = 0;                    ///< the largest cell (0 when all are empty)
};

/// A place the catalogue says nothing about (§4.1):
///  - an empty touchpoint × function cell: both set, kind nullopt ("any");
///  - a touchpoint without an implied, latent or future expectation: touchpoint and kind set;
///  - a function that owns nothing: function set.
/// With --kind K, an empty cell or an idle function means "no K expectation" and carries
/// kind K; with
/// --function F, a touchpoint's missing kind means none that F owns and carries function F.
struct BlindSpot {
    std::optional<std::string> touchpoint;
    std::optional<std::string> function;
    std::optional<Kind> kind; ///< nullopt: any kind
    std::vector<std::string> prompts;
};

struct NearDuplicate {
    std::string a, b; ///< expectation ids, a before b in the catalogue
    double similarity;
};

struct BrainstormSummary {
    BrainstormFilter filter;
    std::size_t expectations = 0; ///< non-retired expectations in the view
    Coverage coverage;
    std::array<std::size_t, 4> kinds{}; ///< indexed by Kind
    /// Expectations with at least one `interview` evidence item, and the distinct accounts
    /// named by that interview evidence (seed 000: verify the list by interviewing customers).
    std::size_t verified_expectations = 0, verified_accounts = 0;
    std::vector<BlindSpot> blind_spots;
    double near_duplicate_threshold = 0;
    std::vector<NearDuplicate> near_duplicates;
};

/// Where workshop prompts come from: the project's own first, then the built-in library.
/// Built-in prompts name generic touchpoints (discovery, sales, contract, onboarding,
/// daily-use, billing, support, renewal) and the seven functions of the method; they match a
/// project's ids exactly or through library_touchpoint() / library_function().
struct PromptLibrary {
    std::vector<Prompt> project;
    std::vector<Prompt> builtin;
};

/// The built-in touchpoint a project touchpoint id corresponds to, by the alias table in
/// docs/cli.md (e.g. "sales-demo" → "sales", "data-migration" → "onboarding"), or the id itself.
std::string library_touchpoint(const std::string& project_touchpoint);
/// The method function a project function id corresponds to (e.g. "customer-success" →
/// "service"), or the id itself.
std::string library_function(const std::string& project_function);

/// Up to n prompts for a blind spot, most specific first. A prompt fits when every dimension
/// it names (touchpoint, function, kind) equals the blind spot's, or the blind spot leaves
/// that dimension open (a function's blind spot takes prompts for any touchpoint; an empty
/// cell prompts of any kind). Order: more matching dimensions first (touchpoint + function +
/// kind > two > one > generic); then the project's prompts before built-in ones; then those
/// naming fewer dimensions the blind spot leaves open; then library order. Duplicate texts
/// appear once.
std::vector<std::string> select_prompts(const BlindSpot& spot, const PromptLibrary& library,
                                        std::size_t n);

/// The summary of the non-retired expectations that pass the filter, with up to
/// prompts_per_spot prompts for each blind spot and near-duplicates at or above threshold
/// (normally near_duplicate_threshold).
BrainstormSummary summarize_catalogue(const Project& project, const BrainstormFilter& filter,
                                      const PromptLibrary& library, std::size_t prompts_per_spot,
                                      double threshold);

} // namespace delight
