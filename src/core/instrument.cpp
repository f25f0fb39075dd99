// The survey instrument (PRODUCT.md §4.4): built-in English question templates around each
// action's wording, kept within max_question_length code points, and the survey mapping that
// reads the answers back (§3.5).
#include "delight/instrument.hpp"

#include "delight/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <string_view>

namespace delight {
namespace {

/// One code point of text starting at pos: its value (-1 for an ill-formed byte) and length.
std::pair<utf8proc_int32_t, std::size_t> code_point_at(std::string_view text, std::size_t pos) {
    utf8proc_int32_t cp = -1;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    auto n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    return {n > 0 ? cp : -1, n > 0 ? static_cast<std::size_t>(n) : 1};
}

/// Characters that would break a question over lines or hide in it: C0 and C1 controls
/// (tab and line breaks included), DEL and the Unicode line and paragraph separators.
bool is_separator(utf8proc_int32_t cp) {
    return cp == ' ' || (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
           cp == 0x2029;
}

/// text on one line: every run of spaces and separators becomes one space, none at either end.
std::string one_line(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (std::size_t pos = 0; pos < text.size();) {
        auto [cp, len] = code_point_at(text, pos);
        if (is_separator(cp)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(text.substr(pos, len));
        }
        pos += len;
    }
    return out;
}

/// The wording without final punctuation and spaces: the templates add their own "?".
std::string_view without_final_punctuation(std::string_view text) {
    while (!text.empty() && std::string_view(" .?!;:,").find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    return text;
}

/// The longest prefix of text that ends at a grapheme-cluster boundary and has at most
/// max code points (so no combining mark loses its base).
std::string_view grapheme_prefix(std::string_view text, std::size_t max) {
    std::size_t best = 0, count = 0;
    utf8proc_int32_t previous = -1;
    utf8proc_int32_t state = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        auto [cp, len] = code_point_at(text, pos);
        if (pos > 0 &&
            (previous < 0 || cp < 0 || utf8proc_grapheme_break_stateful(previous, cp, &state)))
            best = pos;
        if (count == max) return text.substr(0, best);
        ++count;
        previous = cp;
        pos += len;
    }
    return text;
}

/// text when it has at most budget code points, else its longest run of whole words that
/// fits with "…" after it (a first word too long is cut between characters).
std::string shorten(std::string_view text, std::size_t budget) {
    if (code_points(text) <= budget) return std::string(text);
    const std::size_t room = budget > 0 ? budget - 1 : 0; // "…" is one code point
    std::string_view cut;
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size() && count <= room;) {
        auto [cp, len] = code_point_at(text, pos);
        if (cp == ' ') cut = text.substr(0, pos);
        ++count;
        pos += len;
    }
    while (!cut.empty() && std::string_view(" ,;:").find(cut.back()) != std::string_view::npos)
        cut.remove_suffix(1);
    if (cut.empty()) cut = grapheme_prefix(text, room);
    return std::string(cut) + "\u2026";
}

/// prefix + wording + suffix, the wording shortened so the whole has at most
/// max_question_length code points.
std::string fill(std::string_view prefix, std::string_view wording, std::string_view suffix) {
    const std::size_t fixed = code_points(prefix) + code_points(suffix);
    const std::size_t budget = max_question_length > fixed ? max_question_length - fixed : 0;
    return std::string(prefix) + shorten(wording, budget) + std::string(suffix);
}

struct LikertTemplate {
    Measure measure;
    const char* suffix; ///< of the column name
    const char* prefix; ///< of the question, before the wording
};

// Every template reads well around a statement ("invoices are accurate") and around a noun
// phrase ("accurate invoices"), which is what an expectation's text often is.
constexpr LikertTemplate likert_templates[] = {
    {Measure::importance, "_importance", "How important is this to you: "},
    {Measure::performance, "_performance", "How well do we do this today: "},
    {Measure::adequate, "_adequate", "What is the lowest level you would still accept: "},
    {Measure::desired, "_desired", "What level would you like us to reach: "},
};

void add_expectation(Instrument& out, const Expectation& e) {
    std::string subject = one_line(e.question);
    if (without_final_punctuation(subject).empty()) subject = one_line(e.text);
    if (without_final_punctuation(subject).empty()) subject = e.id;
    const std::string_view wording = without_final_punctuation(subject);
    for (const LikertTemplate& t : likert_templates) {
        InstrumentQuestion q;
        q.type = SurveyQuestion::Type::likert;
        q.column = e.id + t.suffix;
        q.text = fill(t.prefix, wording, "?");
        q.expectation = e.id;
        q.subject = subject;
        q.measure = t.measure;
        out.questions.push_back(std::move(q));
    }
    // Kano's pair is asked only where the category is still open to measurement or is the
    // delight bet itself (seed 001): attractive, or not yet judged.
    if (e.kano != Kano::attractive && e.kano != Kano::unknown) return;
    InstrumentQuestion k;
    k.type = SurveyQuestion::Type::kano;
    k.expectation = e.id;
    k.subject = subject;
    k.functional = e.id + "_kano_f";
    k.dysfunctional = e.id + "_kano_d";
    k.functional_text = fill("How would you feel if we provided this: ", wording, "?");
    k.dysfunctional_text = fill("How would you feel if we did not provide this: ", wording, "?");
    out.questions.push_back(std::move(k));
}

} // namespace

Instrument build_instrument(const Project& p, const std::vector<const Expectation*>& actions) {
    Instrument out;
    out.title = one_line(p.name);
    out.scale = p.scale;
    std::vector<std::string> seen;
    for (const Expectation* e : actions) {
        if (!e || std::find(seen.begin(), seen.end(), e->id) != seen.end()) continue;
        seen.push_back(e->id);
        add_expectation(out, *e);
    }
    InstrumentQuestion nps;
    nps.type = SurveyQuestion::Type::nps;
    nps.column = "nps";
    // The standard NPS wording (Reichheld 2003), on its 0–10 scale.
    nps.text = "How likely is it that you would recommend us to a friend or colleague?";
    out.questions.push_back(std::move(nps));
    return out;
}

const std::vector<std::pair<std::string, KanoAnswer>>& kano_answer_options() {
    static const std::vector<std::pair<std::string, KanoAnswer>> options = {
        {"I like it", KanoAnswer::like},       {"I expect it", KanoAnswer::expect},
        {"I am neutral", KanoAnswer::neutral}, {"I can live with it", KanoAnswer::live_with},
        {"I dislike it", KanoAnswer::dislike},
    };
    return options;
}

std::vector<std::string> instrument_columns(const Instrument& instrument) {
    std::vector<std::string> out = {instrument.id_column, instrument.account_column,
                                    instrument.group_column};
    for (const InstrumentQuestion& q : instrument.questions) {
        if (q.type == SurveyQuestion::Type::kano) {
            out.push_back(q.functional);
            out.push_back(q.dysfunctional);
        } else {
            out.push_back(q.column);
        }
    }
    return out;
}

SurveyMapping instrument_mapping(const Instrument& instrument) {
    SurveyMapping s;
    s.id_column = instrument.id_column;
    s.account_column = instrument.account_column;
    s.group_column = instrument.group_column;
    s.pilot_label = instrument.pilot_label;
    s.control_label = instrument.control_label;
    for (const InstrumentQuestion& iq : instrument.questions) {
        SurveyQuestion q;
        q.type = iq.type;
        q.expectation = iq.expectation;
        if (iq.type == SurveyQuestion::Type::kano) {
            q.functional = iq.functional;
            q.dysfunctional = iq.dysfunctional;
        } else {
            q.column = iq.column;
        }
        if (iq.type == SurveyQuestion::Type::likert) {
            q.measure = iq.measure;
            q.scale = instrument.scale;
        }
        s.questions.push_back(std::move(q));
    }
    return s;
}

} // namespace delight
