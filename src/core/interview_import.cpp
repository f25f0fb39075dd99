// Matching interview notes to the catalogue (PRODUCT.md §4.1); see interview_import.hpp.
#include "delight/interview_import.hpp"

#include "delight/expectation_id.hpp"
#include "delight/similarity.hpp"
#include "delight/text.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace delight {
namespace {

/// The catalogue as the notes see it, growing as new expectations are added.
struct Catalogue {
    std::vector<std::string> ids;                  ///< every id (retired too)
    std::vector<std::string> texts;                ///< texts open to matching
    std::vector<std::string> text_ids;             ///< the id of each of texts
    std::map<std::string, std::size_t> normalised; ///< normalize_answer(text) -> index in texts

    void add(const std::string& id, const std::string& text, bool matchable) {
        ids.push_back(id);
        if (!matchable) return;
        normalised.emplace(normalize_answer(text), texts.size());
        texts.push_back(text);
        text_ids.push_back(id);
    }
    std::string text_of(const std::string& id) const {
        auto it = std::find(text_ids.begin(), text_ids.end(), id);
        return it == text_ids.end() ? "" : texts[static_cast<std::size_t>(it - text_ids.begin())];
    }
};

using EvidenceKey = std::tuple<std::string, std::string, std::string>; // account, date, quote

NoteResult match(const Catalogue& cat, const InterviewNote& note, double threshold) {
    NoteResult r;
    if (std::find(cat.ids.begin(), cat.ids.end(), note.expectation) != cat.ids.end()) {
        r.by = MatchBy::id;
        r.expectation_id = note.expectation;
    } else if (auto it = cat.normalised.find(normalize_answer(note.expectation));
               it != cat.normalised.end()) {
        r.by = MatchBy::text;
        r.expectation_id = cat.text_ids[it->second];
    } else if (auto best = best_match(note.expectation, cat.texts, threshold)) {
        r.by = MatchBy::similarity;
        r.expectation_id = cat.text_ids[best->first];
        r.similarity = best->second;
    }
    r.outcome = r.by == MatchBy::none ? NoteOutcome::unplaced : NoteOutcome::matched;
    return r;
}

/// Whether the note's evidence is recorded: for its expectation, or for another one its
/// text matches at or above threshold.
bool recorded(const Catalogue& cat, const std::multimap<EvidenceKey, std::string>& evidence,
              const InterviewNote& note, const std::string& id, double threshold) {
    auto [from, to] = evidence.equal_range({note.account, note.date, note.quote});
    for (auto it = from; it != to; ++it) {
        if (it->second == id) return true;
        std::string text = cat.text_of(it->second);
        if (!text.empty() && (normalize_answer(text) == normalize_answer(note.expectation) ||
                              text_similarity(note.expectation, text) >= threshold))
            return true;
    }
    return false;
}

Expectation new_expectation(const Catalogue& cat, const InterviewNote& note) {
    Expectation e;
    e.id = make_expectation_id(note.expectation, cat.ids);
    e.text = note.expectation;
    e.kind = note.kind.value_or(Kind::stated);
    e.touchpoint = note.touchpoint;
    e.functions = note.functions;
    e.source = "interview";
    e.loc = note.loc;
    return e;
}

} // namespace

ImportPlan plan_interview_import(const Project& project, const std::vector<InterviewNote>& notes,
                                 double threshold) {
    Catalogue cat;
    for (const Expectation& e : project.expectations)
        cat.add(e.id, e.text, !e.retired);
    std::multimap<EvidenceKey, std::string> evidence;
    for (const Evidence& ev : project.evidence)
        evidence.emplace(EvidenceKey{ev.account, ev.date, ev.quote}, ev.expectation);
    ImportPlan plan;
    for (const InterviewNote& note : notes) {
        NoteResult r = match(cat, note, threshold);
        if (r.outcome == NoteOutcome::matched &&
            recorded(cat, evidence, note, r.expectation_id, threshold)) {
            r.outcome = NoteOutcome::already_recorded;
        } else if (r.outcome == NoteOutcome::unplaced && !note.touchpoint.empty() &&
                   !note.functions.empty()) {
            Expectation e = new_expectation(cat, note);
            cat.add(e.id, e.text, true);
            r.outcome = NoteOutcome::added;
            r.expectation_id = e.id;
            plan.new_expectations.push_back(std::move(e));
        }
        if (r.outcome == NoteOutcome::matched || r.outcome == NoteOutcome::added) {
            Evidence ev{r.expectation_id,          note.account, note.date, note.quote,
                        EvidenceSource::interview, note.loc};
            evidence.emplace(EvidenceKey{ev.account, ev.date, ev.quote}, ev.expectation);
            plan.new_evidence.push_back(std::move(ev));
        }
        plan.results.push_back(std::move(r));
    }
    return plan;
}

} // namespace delight
