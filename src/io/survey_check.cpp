#include "delight/survey_check.hpp"

#include "delight/csv.hpp"
#include "delight/survey_answers.hpp"
#include "delight/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace delight::io {
namespace {

/// One mapped column and how to decode it.
struct ColumnCheck {
    std::string column;
    std::size_t index = 0;
    std::unique_ptr<AnswerDecoder> likert; ///< or
    std::unique_ptr<KanoDecoder> kano;
    std::size_t answered = 0, invalid = 0;
    std::map<std::string, std::size_t> unknown; ///< invalid cell text -> count
};

std::vector<ColumnCheck> mapped_columns(const Project& p) {
    std::vector<ColumnCheck> out;
    for (const SurveyQuestion& q : p.survey->questions) {
        if (q.type == SurveyQuestion::Type::kano) {
            for (const std::string& c : {q.functional, q.dysfunctional}) {
                ColumnCheck cc;
                cc.column = c;
                cc.kano = std::make_unique<KanoDecoder>(*p.survey, q);
                out.push_back(std::move(cc));
            }
        } else {
            ColumnCheck cc;
            cc.column = q.column;
            cc.likert = std::make_unique<AnswerDecoder>(*p.survey, q, p.scale);
            out.push_back(std::move(cc));
        }
    }
    return out;
}

bool find_columns(const std::vector<std::string>& header, std::vector<ColumnCheck>& cols,
                  const SurveyMapping& s, const Location& header_loc, Diagnostics& diags) {
    bool ok = true;
    auto require = [&](const std::string& name, const char* role) -> std::size_t {
        auto it = std::find(header.begin(), header.end(), name);
        if (it != header.end()) return static_cast<std::size_t>(it - header.begin());
        diags.error(header_loc, fmt::format("the {} column '{}' is not in this file{}", role, name,
                                            suggestion_suffix(name, header)));
        ok = false;
        return 0;
    };
    for (ColumnCheck& c : cols)
        c.index = require(c.column, "survey question");
    const std::pair<const std::string*, const char*> roles[] = {{&s.id_column, "respondent id"},
                                                                {&s.account_column, "account"},
                                                                {&s.group_column, "group"},
                                                                {&s.segment_column, "segment"},
                                                                {&s.wave_column, "wave"}};
    for (const auto& [name, role] : roles)
        if (!name->empty()) require(*name, role);
    return ok;
}

void count_cell(ColumnCheck& c, std::string_view cell) {
    double v = 0;
    KanoAnswer a{};
    CellKind kind = c.likert ? c.likert->decode(cell, v) : c.kano->decode(cell, a);
    if (kind == CellKind::missing) return;
    ++c.answered;
    if (kind == CellKind::invalid) {
        ++c.invalid;
        if (c.unknown.size() < 50 || c.unknown.count(std::string(cell)))
            ++c.unknown[std::string(cell)];
    }
}

std::string examples(const ColumnCheck& c) {
    std::vector<std::pair<std::size_t, std::string>> top;
    for (const auto& [text, n] : c.unknown)
        top.emplace_back(n, text);
    std::stable_sort(top.begin(), top.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::string s;
    for (std::size_t i = 0; i < top.size() && i < 3; ++i)
        s += fmt::format("{}'{}' ({}×)", i ? ", " : "", top[i].second, top[i].first);
    return s;
}

void check_wave(const Project& p, const std::string& rel, const std::string& full,
                const std::string& display, Diagnostics& diags) {
    const SurveyMapping& s = *p.survey;
    CsvOptions options;
    options.delimiter = s.delimiter;
    CsvReader reader = CsvReader::open_file(full, options, display);
    (void)rel;
    std::vector<std::string> header = read_header(reader, s.header_rows);
    Location header_loc = Location{display, 1, 0, ""};
    std::vector<ColumnCheck> cols = mapped_columns(p);
    if (!find_columns(header, cols, s, header_loc, diags)) return;
    std::vector<std::string_view> fields;
    std::size_t rows = 0, bad_rows = 0;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue;
        ++rows;
        if (fields.size() != header.size()) {
            ++bad_rows;
            continue;
        }
        for (ColumnCheck& c : cols)
            count_cell(c, fields[c.index]);
    }
    if (rows > 0 && static_cast<double>(bad_rows) / static_cast<double>(rows) > s.max_invalid)
        diags.error(Location{display, 0, 0, ""},
                    fmt::format("{} of {} rows have a different number of cells than the header "
                                "(over max_invalid {}%)",
                                bad_rows, rows, s.max_invalid * 100));
    for (const ColumnCheck& c : cols) {
        if (c.answered == 0 || c.invalid == 0) continue;
        double share = static_cast<double>(c.invalid) / static_cast<double>(c.answered);
        if (share <= s.max_invalid) continue;
        diags.error(header_loc,
                    fmt::format("column '{}': {} of {} answers are invalid ({:.1f}%, over "
                                "max_invalid {}%): {}; add the answers to survey labels or fix "
                                "the data",
                                c.column, c.invalid, c.answered, share * 100, s.max_invalid * 100,
                                examples(c)));
    }
}

} // namespace

void check_survey_waves(const Project& project, const ProjectLocation& where, Diagnostics& diags) {
    if (!project.survey) return;
    for (const std::string& pattern : project.survey->waves) {
        Location loc = project.survey->loc;
        for (const std::string& rel : resolve_project_paths(where, pattern, loc, diags)) {
            std::string full = (std::filesystem::path(where.directory) / rel).string();
            try {
                check_wave(project, rel, full, display_path(where, rel), diags);
            } catch (const Error& e) {
                diags.add(e.diagnostic());
            }
        }
    }
}

} // namespace delight::io
