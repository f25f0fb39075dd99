#pragma once
// The domain model of PRODUCT.md §3 as plain value types. No I/O here: io/ fills these from
// files (keeping each item's Location for diagnostics), core/ computes on them.
#include "delight/diagnostic.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace delight {

enum class Kind { stated, implied, latent, future };
enum class Kano { must_be, performance, attractive, indifferent, reverse, unknown };
enum class Delivery { missing, partial, meeting, exceeding };
enum class Standing { better, equal, worse }; ///< how a competitor does compared with us
enum class AbilityFactor { budget, technology, personnel, skills };
enum class Satisfaction { satisfied, neutral, dissatisfied };
enum class EvidenceSource { interview, survey, complaint, observation };
enum class Measure { performance, importance, adequate, desired, satisfaction };
enum class KanoAnswer { like, expect, neutral, live_with, dislike };

/// The names used in files and output, e.g. name(Kano::must_be) == "must-be".
const char* name(Kind);
const char* name(Kano);
const char* name(Delivery);
const char* name(Standing);
const char* name(AbilityFactor);
const char* name(Satisfaction);
const char* name(EvidenceSource);
const char* name(Measure);
const char* name(KanoAnswer);

struct Scale {
    int min = 1;
    int max = 5;
};

struct Expectation {
    std::string id;
    std::string text;
    Kind kind = Kind::stated;
    Kano kano = Kano::unknown;
    std::string touchpoint;
    std::vector<std::string> functions;
    std::optional<double> importance;
    std::optional<Delivery> delivery;
    std::optional<double> performance, adequate, desired;
    std::vector<std::pair<std::string, Standing>> competitors; ///< in file order
    std::vector<std::pair<AbilityFactor, double>> ability;     ///< in file order
    double effort = 1.0;
    std::optional<long long> reach;
    std::optional<double> impact, confidence;
    std::vector<std::string> after;
    std::string question;
    std::string source = "brainstorm";
    bool retired = false;
    std::string notes;
    Location loc; ///< where the item starts
};

/// How an expectation's delivery status was decided (PRODUCT.md §3.2).
enum class DeliverySource { explicit_value, zone, unassessed };

struct DeliveryStatus {
    std::optional<Delivery> status; ///< nullopt when unassessed
    DeliverySource source = DeliverySource::unassessed;
    /// With an explicit delivery and zone-of-tolerance numbers: what the zone says, when it
    /// disagrees (check warns).
    std::optional<Delivery> zone_disagrees;
};

/// Zone of tolerance (Parasuraman, Zeithaml & Berry): P < adequate → missing;
/// adequate ≤ P < desired → meeting; P ≥ desired → exceeding.
Delivery zone_of_tolerance(double performance, double adequate, double desired);

/// Explicit delivery wins; else the zone of tolerance; else unassessed (§3.2).
DeliveryStatus resolve_delivery(const Expectation& e);

struct Account {
    std::string id;
    std::string name;
    std::string segment;
    std::optional<Satisfaction> satisfaction; ///< as given
    std::optional<int> nps;
    std::optional<double> revenue;
    Location loc;
};

struct Project;
/// The expectation with this id, or nullptr.
const Expectation* find_expectation(const Project& project, const std::string& id);

/// Satisfaction as given, else from NPS (9–10 satisfied, 7–8 neutral, 0–6 dissatisfied),
/// else unknown (nullopt).
std::optional<Satisfaction> resolved_satisfaction(const Account& a);

struct Evidence {
    std::string expectation;
    std::string account;
    std::string date; ///< YYYY-MM-DD or empty
    std::string quote;
    EvidenceSource source = EvidenceSource::interview;
    Location loc;
};

struct Prompt {
    std::string text;
    std::optional<Kind> kind;
    std::string touchpoint;
    std::string function;
    Location loc;
};

struct SurveyQuestion {
    enum class Type { likert, nps, kano };
    Type type = Type::likert;
    std::string column;      ///< likert, nps
    std::string expectation; ///< likert (optional), kano
    Measure measure = Measure::performance;
    std::optional<Scale> scale;                              ///< likert; default: the project scale
    std::vector<std::pair<std::string, double>> labels;      ///< extends survey.labels
    std::string functional, dysfunctional;                   ///< kano
    std::vector<std::pair<std::string, KanoAnswer>> answers; ///< extends kano_answers
    Location loc;
};

struct SurveyMapping {
    std::vector<std::string> waves; ///< paths relative to the project directory
    std::string wave_column;
    std::string id_column;
    std::string account_column;
    std::string group_column;
    std::string pilot_label = "pilot";
    std::string control_label = "control";
    std::string segment_column;
    char delimiter = ',';
    int header_rows = 1;
    std::vector<std::string> na = {"", "N/A"};
    std::vector<std::pair<std::string, double>> labels;
    std::vector<std::pair<std::string, KanoAnswer>> kano_answers;
    double max_invalid = 0.05;
    std::vector<SurveyQuestion> questions;
    Location loc;
};

enum class PriorityMethod { weighted, odi, rice };

/// Criteria of the weighted method, in this order everywhere.
enum class Criterion { importance, gap, kano, ability, competition };
constexpr std::size_t criterion_count = 5;
const char* name(Criterion);

struct SensitivitySettings {
    long long draws = 1000;
    double concentration = 50;
    unsigned long long seed = 1;
    long long top_k = 5;
};

struct PrioritySettings {
    PriorityMethod method = PriorityMethod::weighted;
    std::array<double, criterion_count> weights = {0.30, 0.20, 0.15, 0.20, 0.15};
    /// Indexed by Kano: must-be, performance, attractive, indifferent, reverse, unknown.
    std::array<double, 6> kano_values = {1.0, 0.7, 0.8, 0.1, 0.0, 0.5};
    SensitivitySettings sensitivity;
};

struct PilotSettings {
    long long size = 9;
    std::array<double, 3> mix = {1, 1, 1}; ///< satisfied, neutral, dissatisfied
    unsigned long long seed = 1;
    std::vector<std::string> include, exclude;
};

struct PlanOverride {
    std::string expectation;
    std::optional<long long> wave;
    bool exclude = false;
    std::vector<std::string> owners;
    std::optional<double> effort;
    std::optional<double> target;
    Location loc;
};

struct PlanSettings {
    std::string start; ///< YYYY-MM-DD; required by `plan`
    long long wave_weeks = 6;
    long long waves = 4;
    double default_capacity = 2;
    std::vector<std::pair<std::string, double>> capacity; ///< per function, overriding default
    double basics_share = 0.6, delight_share = 0.4;
    PilotSettings pilot;
    bool control = true;
    std::vector<PlanOverride> overrides;
    Location loc;
};

struct ReportSettings {
    std::string title;
    std::string narrative; ///< path relative to the project directory
    std::vector<std::string> sections;
};

struct Project {
    std::string directory; ///< the folder holding delight.yaml (as a path usable with open())
    std::string file;      ///< delight.yaml's display name
    std::string name, offering, client, language = "en";
    Scale scale;
    std::vector<std::string> touchpoints, functions, competitors;
    std::vector<Expectation> expectations;
    std::vector<Account> accounts;
    std::vector<Evidence> evidence;
    std::vector<Prompt> prompts;
    std::optional<SurveyMapping> survey;
    PrioritySettings priority;
    std::optional<PlanSettings> plan;
    ReportSettings report;
    /// The files each list section came from (display names), in order.
    std::vector<std::string> expectation_files, account_files, evidence_files, prompt_files;
};

} // namespace delight
