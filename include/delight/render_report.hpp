#pragma once
// Renderings of `delight report` (PRODUCT.md §4.6): GitHub-flavoured Markdown for pull
// requests and CI job summaries, and one self-contained HTML file for clients.
#include "delight/render.hpp"
#include "delight/report.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace delight::render {

/// The executive summary as fixed plain sentences, in order: the catalogue (kinds,
/// touchpoints); white spaces and readings; outside-in (with a survey); revenue at risk (with
/// revenue); the top actions of each track (with a plan); the pilot result (with two or more
/// waves). Project text (ids) is inside them as is: writers escape.
std::vector<std::string> summary_sentences(const Report& report);

/// One chart of the report: its file stem for --charts ("coverage", "ipa", "kano",
/// "before-after"), a caption, and the <svg> element.
struct ReportChart {
    std::string name;
    std::string caption;
    std::string svg;
};
/// The charts there is data for, in document order: coverage heat map (coverage section),
/// IPA quadrant (gap), Kano Better/Worse and before/after with 95 % intervals (survey).
std::vector<ReportChart> report_charts(const Report& report);

/// The report as GFM no larger than `limit` bytes (GitHub's job summary takes at most 1 MiB):
/// when the whole would be larger, the longest tables are cut (each cut table says how many
/// rows it left out, and a note under the title lists them all).
std::string report_markdown(const Report& report, std::size_t limit = std::size_t{1} << 20);

/// The report as one self-contained HTML5 file: inline CSS (screen and print, a page break
/// before each section), the charts as inline SVG, no script, no external resource.
/// `generator` names the program in a <meta name="generator"> (e.g. "delight 0.1.0").
std::string report_html(const Report& report, const std::string& generator);

/// The project's narrative (Markdown) made safe to include: raw HTML becomes visible text,
/// links other than http(s), mailto and relative ones lose their destination (their text
/// stays), images become their alt text (the report fetches nothing), and headings move so
/// that the highest becomes level top_level (none deeper than 6). Rendered back as CommonMark
/// by cmark-gfm.
std::string safe_markdown(std::string_view markdown, int top_level);

/// GFM (tables, strikethrough, autolinks) as HTML by cmark-gfm in its safe mode.
std::string markdown_html(std::string_view markdown);

} // namespace delight::render
