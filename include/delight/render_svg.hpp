#pragma once
// Charts as SVG for `delight report` (PRODUCT.md §4.6): our own small writer, because the
// charts are few and simple and must be byte-for-byte deterministic, self-contained (no
// fonts, scripts or links) and accessible. Every chart is one <svg> element with role="img",
// a <title> and a <desc> (the text alternative: what the chart shows, in words and numbers),
// labelled axes, and the Okabe–Ito colour-blind-safe palette; where colour tells groups
// apart, marker shape does too, so the chart also reads in black and white. Numbers are
// printed with render::fixed (no locale). All text is XML-escaped.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delight::render::svg {

/// Text made safe as XML character data or an attribute value: & < > " ' become entities;
/// control characters other than tab, LF and CR (not allowed in XML 1.0), DEL and the C1
/// controls U+0080–U+009F (parse errors in HTML), the non-characters U+FFFE and U+FFFF, and
/// each invalid UTF-8 byte become U+FFFD. The result is valid UTF-8 and valid XML 1.0 text.
std::string xml_escape(std::string_view text);

/// A labelled point of a scatter chart.
struct Point {
    std::string label;   ///< drawn next to the point (e.g. an expectation id)
    double x = 0, y = 0; ///< NaN or infinite: a missing value, the point is not drawn
    int group = 0;       ///< index into ScatterChart::groups: colour and marker shape
};

/// A scatter chart with crosshairs splitting it into four named quadrants: the IPA quadrant
/// (x performance, y importance; Martilla & James) and the Kano Better/Worse chart (x |Worse|,
/// y Better; Berger et al.) are both this. Points outside the range are drawn on its edge
/// (their <title>, the hover text, gives the true values); markers that would coincide are
/// spread a marker's width apart around their place. Labels are placed next to their
/// markers without covering markers, quadrant names or each other, earlier points first; a
/// label with no room nearby becomes a number listed in a key under the chart. Labels longer
/// than 40 columns are cut with "…" (the <title> keeps them whole).
struct ScatterChart {
    std::string title;       ///< <title>, and the heading drawn in the chart
    std::string description; ///< <desc>: the text alternative
    std::string x_label, y_label;
    /// The axes' ranges; when not finite or min >= max, the data's range is used.
    double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
    double x_cross = 0.5, y_cross = 0.5; ///< crosshairs (dashed lines)
    /// Quadrant names drawn faintly in their corners: top-left, top-right, bottom-left,
    /// bottom-right (top = high y, right = high x). Empty strings draw nothing.
    std::string quadrants[4];
    std::vector<std::string> groups; ///< legend entries; a legend is drawn when there are two+
    std::vector<Point> points;
    int ticks = 4;    ///< intervals between axis ticks (each axis)
    int decimals = 1; ///< decimals of the tick labels (more when a tick needs them: 0.25)
    /// Prefix of the ids inside the svg (its <title> and <desc>), so that several charts can
    /// share one HTML page; empty: derived from the title. Reduced to [a-z0-9-] either way.
    std::string id;
};

/// A heat map of counts: rows × columns, each cell shaded on a sequential single-hue ramp
/// (lightness carries the value) with its count written in it; zero cells are white with a
/// thin outline and no number, so blind spots stand out.
struct HeatMap {
    std::string title, description;
    std::string row_label, column_label; ///< axis titles, e.g. "Touchpoint", "Function"
    std::vector<std::string> rows, columns;
    std::vector<std::vector<double>> values; ///< [row][column]; NaN or missing: drawn as "–"
    /// Prefix of the ids inside the svg (its <title> and <desc>), so that several charts can
    /// share one HTML page; empty: derived from the title. Reduced to [a-z0-9-] either way.
    std::string id;
};

/// One row of a before/after chart: two estimates with their 95 % intervals on one axis.
struct BeforeAfterRow {
    std::string label; ///< e.g. the question's column or the expectation id
    std::optional<double> before, after;
    std::optional<double> before_low, before_high, after_low, after_high;
    std::string note; ///< written at the right end of the row, e.g. the verdict
};

/// Before (hollow circle) and after (filled circle) estimates per row with their confidence
/// intervals as whiskers, on a shared horizontal axis; missing values are not drawn.
struct BeforeAfterChart {
    std::string title, description;
    std::string axis_label; ///< e.g. "Mean answer (1–5), 95 % CI"
    std::string before_name = "before", after_name = "after"; ///< legend
    double min = 0, max = 1; ///< the axis; values outside are drawn on its edge
    int ticks = 4;
    int decimals = 1; ///< of the tick labels (more when a tick needs them)
    std::vector<BeforeAfterRow> rows;
    /// Prefix of the ids inside the svg (its <title> and <desc>), so that several charts can
    /// share one HTML page; empty: derived from the title. Reduced to [a-z0-9-] either way.
    std::string id;
};

/// Each returns one complete <svg> element (no XML declaration), with width, height and a
/// viewBox, ending in a newline. Deterministic: the same input gives the same bytes. The size
/// follows the content (rows, label widths). No data (no points, rows or columns) gives a
/// small valid chart saying "no data". An empty description gets a generated one.
std::string scatter_chart(const ScatterChart& chart);
std::string heat_map(const HeatMap& chart);
std::string before_after_chart(const BeforeAfterChart& chart);

/// A standalone SVG file: the XML declaration, then the element.
std::string standalone(std::string_view svg_element);

} // namespace delight::render::svg
