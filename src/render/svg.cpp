// Charts as SVG for `delight report` (PRODUCT.md §4.6); render_svg.hpp is the contract.
// Layouts are computed from the content. Text cannot be measured without fonts, so its width
// is estimated as 0.6 em per display column (render::display_width: CJK counts double) — a
// little wider than the average glyph of a system sans-serif, so text is never cut and the
// estimate errs towards air. All numbers, coordinates included, go through render::fixed.
#include "delight/render.hpp"
#include "delight/render_svg.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace delight::render::svg {
namespace {

using std::string;
using std::string_view;

constexpr const char* font_stack = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// Okabe & Ito (2008), "Color Universal Design": told apart under every common colour-vision
/// deficiency. Marker shapes cycle with the colours, so groups also read in black and white.
constexpr std::array<const char*, 7> palette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                "#E69F00", "#56B4E9", "#000000"};

// Type sizes and spacing in px (a user unit is a CSS px at width = viewBox width).
constexpr double title_size = 15;
constexpr double text_size = 12;  // axis titles, row labels, legends
constexpr double small_size = 11; // tick labels, point labels, cell numbers
constexpr double margin = 16;
constexpr double heading_band = 40; // the drawn title sits in this band at the top
constexpr const char* ink = "#222222";
constexpr const char* muted = "#595959"; // axes, tick labels: 7:1 on white
constexpr const char* faint = "#767676"; // quadrant names: the lightest grey with 4.5:1
constexpr const char* grid = "#E3E3E3";
// Drawn text longer than this is cut with "…"; the full text stays in <title> and <desc>.
constexpr int max_label_columns = 40;
constexpr int max_title_columns = 90;

double text_width(string_view shown, double size) {
    return 0.6 * size * display_width(shown);
}

/// Project text as drawn: one line (controls become spaces), cut to a number of columns.
string drawn(string_view text, int columns) {
    return truncate_to_width(printable(text), columns);
}

string px(double value) {
    return fixed(value, 1);
}

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

double overlap(const Box& a, const Box& b) {
    const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
    const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    return w > 0 && h > 0 ? w * h : 0;
}

/// The box moved (not resized) to lie inside bounds, as far as it fits.
Box moved_inside(Box b, const Box& bounds) {
    const double dx = b.x1 > bounds.x1 ? bounds.x1 - b.x1 : 0;
    const double dy = b.y1 > bounds.y1 ? bounds.y1 - b.y1 : 0;
    b = {b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy};
    const double ex = b.x0 < bounds.x0 ? bounds.x0 - b.x0 : 0;
    const double ey = b.y0 < bounds.y0 ? bounds.y0 - b.y0 : 0;
    return {b.x0 + ex, b.y0 + ey, b.x1 + ex, b.y1 + ey};
}

/// A linear map from data [lo, hi] onto pixels [from, to]; values outside are clamped.
struct Scale {
    double lo, hi, from, to;
    double operator()(double v) const {
        return from + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (to - from);
    }
};

/// A usable axis range: [lo, hi] when lo < hi and its width is finite, else the data's range,
/// else the unit interval around the one value there is (or [0, 1]).
std::pair<double, double> usable_range(double lo, double hi, const std::vector<double>& data) {
    const auto usable = [](double a, double b) { return a < b && std::isfinite(b - a); };
    if (usable(lo, hi)) return {lo, hi};
    if (data.empty()) return {0, 1};
    const auto [min, max] = std::minmax_element(data.begin(), data.end());
    if (usable(*min, *max)) return {*min, *max};
    if (usable(*min - 0.5, *min + 0.5)) return {*min - 0.5, *min + 0.5};
    return {0, 1};
}

std::vector<double> tick_values(double lo, double hi, int ticks) {
    const int n = std::clamp(ticks, 1, 20);
    std::vector<double> values;
    for (int i = 0; i <= n; ++i)
        values.push_back(lo + (hi - lo) * i / n);
    return values;
}

/// Ids must be unique on the page and safe as XML names: lowercase ASCII letters, digits and
/// single hyphens, starting with a letter.
string chart_id(const string& id, const string& title) {
    string slug;
    for (const char c : id.empty() ? title : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u))
            slug += static_cast<char>(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.empty() || std::isdigit(static_cast<unsigned char>(slug.front())))
        slug = "chart" + string(slug.empty() ? "" : "-") + slug;
    return slug;
}

void add_text(string& out, double x, double y, string_view shown, string_view attrs = {}) {
    out += "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\"";
    if (!attrs.empty()) out += " " + string(attrs);
    out += ">" + xml_escape(shown) + "</text>\n";
}

void add_line(string& out, double x1, double y1, double x2, double y2, string_view attrs) {
    out += "<line x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2) + "\" y2=\"" +
           px(y2) + "\" " + string(attrs) + "/>\n";
}

void add_heading(string& out, const string& title) {
    add_text(out, margin, 26, drawn(title, max_title_columns),
             "font-size=\"15\" font-weight=\"bold\" fill=\"" + string(ink) + "\"");
}

double heading_width(const string& title) {
    // Bold glyphs run about 10 % wider.
    return 2 * margin + 1.1 * text_width(drawn(title, max_title_columns), title_size);
}

/// The <svg> element around a drawn body: size, viewBox, accessible name and description.
string document(double width, double height, const string& id, const string& title,
                const string& desc, const string& body) {
    const string w = fixed(std::ceil(width), 0), h = fixed(std::ceil(height), 0);
    string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
                 "\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" aria-labelledby=\"" + id +
                 "-title " + id + "-desc\" font-family=\"" + font_stack + "\" font-size=\"12\">\n";
    out += "<title id=\"" + id + "-title\">" + xml_escape(title) + "</title>\n";
    out += "<desc id=\"" + id + "-desc\">" + xml_escape(desc) + "</desc>\n";
    out += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#FFFFFF\"/>\n";
    return out + body + "</svg>\n";
}

string no_data(const string& id, const string& title, const string& desc) {
    string body;
    add_heading(body, title);
    add_text(body, margin, 66, "no data", "font-size=\"13\" fill=\"" + string(muted) + "\"");
    return document(std::max(320.0, heading_width(title)), 90, id, title, desc, body);
}

// ---- markers ------------------------------------------------------------------------------

using Outline = std::vector<double>; // polygon corners x0, y0, x1, y1, … in marker radii

/// Outlines of about the visual weight of a circle of radius 1, for the shapes after the
/// circle and the square (drawn as <circle> and <rect>).
const std::array<Outline, 5>& outlines() {
    static const std::array<Outline, 5> shapes = {
        Outline{0, -1.3, 1.15, 0.75, -1.15, 0.75},     // triangle
        Outline{0, -1.35, 1.35, 0, 0, 1.35, -1.35, 0}, // diamond
        Outline{0, 1.3, 1.15, -0.75, -1.15, -0.75},    // triangle pointing down
        Outline{-0.4, -1.2, 0.4,  -1.2, 0.4,  -0.4, 1.2,  -0.4, 1.2,  0.4,  0.4,  0.4, // plus
                0.4,  1.2,  -0.4, 1.2,  -0.4, 0.4,  -1.2, 0.4,  -1.2, -0.4, -0.4, -0.4},
        // A five-pointed star: outer radius 1.45, inner 0.6, a corner every 36°.
        Outline{0, -1.45, 0.353,  -0.485, 1.379,  -0.448, 0.571,  0.185,  0.852,  1.173,
                0, 0.6,   -0.852, 1.173,  -0.571, 0.185,  -1.379, -0.448, -0.353, -0.485}};
    return shapes;
}

/// A marker of the group's shape and colour with its <title> (the hover text).
void add_marker(string& out, int group, double cx, double cy, double r, const string& hover) {
    const int shape = group % static_cast<int>(palette.size());
    const string fill = string(" fill=\"") + palette[static_cast<std::size_t>(shape)] + "\"";
    string element;
    if (shape == 0) {
        element = "circle";
        out += "<circle cx=\"" + px(cx) + "\" cy=\"" + px(cy) + "\" r=\"" + px(r) + "\"" + fill;
    } else if (shape == 1) {
        element = "rect";
        const double s = 0.9 * r; // half the side: a square as heavy as the circle
        out += "<rect x=\"" + px(cx - s) + "\" y=\"" + px(cy - s) + "\" width=\"" + px(2 * s) +
               "\" height=\"" + px(2 * s) + "\"" + fill;
    } else {
        element = "path";
        const Outline& corners = outlines()[static_cast<std::size_t>(shape - 2)];
        string d;
        for (std::size_t i = 0; i + 1 < corners.size(); i += 2)
            d +=
                (i == 0 ? "M" : " L") + px(cx + corners[i] * r) + " " + px(cy + corners[i + 1] * r);
        out += "<path d=\"" + d + " Z\"" + fill;
    }
    out += "><title>" + xml_escape(hover) + "</title></" + element + ">\n";
}

// ---- label placement ----------------------------------------------------------------------

struct Anchor {
    double x, y;  ///< the marker's centre
    double width; ///< of the label text
};

struct Placed {
    Box box;
    bool leader; ///< the label sits away from its marker: draw a line to it
    int key = 0; ///< > 0: no room for the label; this number stands for it (see the key)
};

/// Where a w-wide label may go around its marker, nearest first: starting right of the
/// marker, ending left of it, or centred over it, at heights stepping half a line up and
/// down, up to 8 lines away (further, leader lines get hard to follow). Places that would
/// cover the marker itself are left out.
std::vector<Box> candidates(const Anchor& a, double w, double r, double h, const Box& bounds) {
    const double gap = r + 3;
    const Box marker{a.x - r, a.y - r, a.x + r, a.y + r};
    std::vector<std::pair<double, Box>> found; // (distance to the marker's centre, place)
    for (int k = 0; k <= 16; ++k) {
        for (const int sign : {-1, 1}) {
            if (k == 0 && sign == 1) continue;
            const double top = a.y + sign * k * h / 2 - h / 2;
            for (const double left : {a.x + gap, a.x - gap - w, a.x - w / 2}) {
                const Box box = moved_inside({left, top, left + w, top + h}, bounds);
                if (overlap(box, marker) > 0) continue;
                const double dx = std::clamp(a.x, box.x0, box.x1) - a.x;
                const double dy = std::clamp(a.y, box.y0, box.y1) - a.y;
                // Beside the marker reads better than over it: centred places count half a
                // line further away.
                const double penalty = left == a.x - w / 2 ? h / 2 : 0;
                found.push_back({std::hypot(dx, dy) + penalty, box});
            }
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& p, const auto& q) { return p.first < q.first; });
    std::vector<Box> boxes;
    for (const auto& [distance, box] : found)
        boxes.push_back(box);
    return boxes;
}

/// Weighted boxes bucketed in a coarse grid, so that what a box overlaps is looked for in its
/// neighbourhood only: placing labels stays fast with thousands of points.
class BoxGrid {
  public:
    BoxGrid(const Box& bounds, double cell)
        : m_bounds(bounds), m_cell(cell),
          m_columns(static_cast<std::size_t>((bounds.x1 - bounds.x0) / cell) + 1),
          m_rows(static_cast<std::size_t>((bounds.y1 - bounds.y0) / cell) + 1),
          m_cells(m_columns * m_rows) {}

    void add(const Box& box, double weight) {
        m_boxes.push_back({box, weight});
        m_seen.push_back(0);
        visit(box, [&](std::vector<std::size_t>& cell) { cell.push_back(m_boxes.size() - 1); });
    }

    /// The overlapping area with every box, each counted once and times its weight.
    double cost(const Box& box) {
        ++m_stamp;
        double total = 0;
        visit(box, [&](const std::vector<std::size_t>& cell) {
            for (const std::size_t i : cell) {
                if (m_seen[i] == m_stamp) continue;
                m_seen[i] = m_stamp;
                total += m_boxes[i].second * overlap(box, m_boxes[i].first);
            }
        });
        return total;
    }

  private:
    std::size_t index(double v, double origin, std::size_t count) const {
        const double i = std::floor((v - origin) / m_cell);
        return static_cast<std::size_t>(std::clamp(i, 0.0, static_cast<double>(count - 1)));
    }
    template <typename F>
    void visit(const Box& box, F&& f) {
        const std::size_t c0 = index(box.x0, m_bounds.x0, m_columns);
        const std::size_t c1 = index(box.x1, m_bounds.x0, m_columns);
        const std::size_t r0 = index(box.y0, m_bounds.y0, m_rows);
        const std::size_t r1 = index(box.y1, m_bounds.y0, m_rows);
        for (std::size_t row = r0; row <= r1; ++row)
            for (std::size_t column = c0; column <= c1; ++column)
                f(m_cells[row * m_columns + column]);
    }

    Box m_bounds;
    double m_cell;
    std::size_t m_columns, m_rows;
    std::vector<std::vector<std::size_t>> m_cells; ///< indices into m_boxes
    std::vector<std::pair<Box, double>> m_boxes;
    std::vector<unsigned> m_seen; ///< per box: the last m_stamp that counted it
    unsigned m_stamp = 0;
};

/// The free place for a w-wide label nearest its marker, or else the least bad one; and how
/// much it overlaps (0: free).
std::pair<Box, double> best_place(const Anchor& a, double w, double r, double h, BoxGrid& taken,
                                  const Box& bounds) {
    Box best = moved_inside({a.x + r + 3, a.y - h / 2, a.x + r + 3 + w, a.y + h / 2}, bounds);
    double best_cost = -1;
    for (const Box& box : candidates(a, w, r, h, bounds)) {
        const double cost = taken.cost(box);
        if (best_cost < 0 || cost < best_cost) {
            best = box;
            best_cost = cost;
        }
        if (cost == 0) break;
    }
    return {best, std::max(best_cost, 0.0)};
}

/// Places each label next to its marker, greedily in input order (earlier points get the
/// better places), never over a marker, quadrant name or another label when avoidable. A
/// label with no free place within reach is replaced by a number (1, 2, …) placed the same
/// way (covering a label counts double there) and listed in a key under the chart: every
/// point stays labelled and every label legible. Deterministic.
std::vector<Placed> place_labels(const std::vector<Anchor>& anchors, double r, double size,
                                 const std::vector<Box>& obstacles, const Box& bounds) {
    const double h = 1.2 * size; // line box of the label
    BoxGrid taken(bounds, 40);
    for (const Box& box : obstacles)
        taken.add(box, 1);
    for (const Anchor& a : anchors)
        taken.add({a.x - r - 1, a.y - r - 1, a.x + r + 1, a.y + r + 1}, 1);
    std::vector<Placed> placed;
    int keys = 0;
    for (const Anchor& a : anchors) {
        auto [box, cost] = best_place(a, a.width, r, h, taken, bounds);
        int key = 0;
        if (cost > 0) {
            key = ++keys;
            box = best_place(a, text_width(std::to_string(key), size), r, h, taken, bounds).first;
        }
        taken.add(box, 2);
        const double dx = std::clamp(a.x, box.x0, box.x1) - a.x;
        const double dy = std::clamp(a.y, box.y0, box.y1) - a.y;
        placed.push_back({box, std::hypot(dx, dy) > r + 3 + 4, key});
    }
    return placed;
}

/// Where markers go so that none hides another: points whose markers would (nearly) coincide
/// — common when ratings are whole numbers — are spread on a hexagonal lattice around the
/// first one's place, nearest lattice places first and only inside the plot. A deterministic
/// "dodge"; the markers' hover text keeps the true values.
std::vector<std::pair<double, double>> dodged(const std::vector<std::pair<double, double>>& at,
                                              double r, const Box& plot) {
    std::vector<std::vector<std::size_t>> clusters; // indices into at; the first is the centre
    for (std::size_t i = 0; i < at.size(); ++i) {
        auto near = std::find_if(clusters.begin(), clusters.end(), [&](const auto& cluster) {
            const auto& c = at[cluster.front()];
            return std::hypot(at[i].first - c.first, at[i].second - c.second) < r;
        });
        if (near == clusters.end())
            clusters.push_back({i});
        else
            near->push_back(i);
    }
    // Axial hexagon coordinates (q, r): the six steps around a ring.
    static constexpr std::array<std::pair<int, int>, 6> steps = {
        {{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}};
    const double d = 2 * r + 2; // lattice spacing: markers just apart
    std::vector<std::pair<double, double>> out = at;
    for (const auto& cluster : clusters) {
        const auto [cx, cy] = at[cluster.front()];
        std::size_t next = 0;
        for (int ring = 0; next < cluster.size() && ring < 100; ++ring) {
            int q = -ring, s = ring; // the ring's first place, then walk its six sides
            for (int side = 0; side < 6 && next < cluster.size(); ++side) {
                for (int k = 0; k < std::max(ring, 1) && next < cluster.size(); ++k) {
                    const double x = cx + d * (q + s / 2.0), y = cy + d * s * 0.8660254037844386;
                    if (x >= plot.x0 && x <= plot.x1 && y >= plot.y0 && y <= plot.y1)
                        out[cluster[next++]] = {x, y};
                    q += steps[static_cast<std::size_t>(side)].first;
                    s += steps[static_cast<std::size_t>(side)].second;
                }
                if (ring == 0) break; // the centre is one place
            }
        }
    }
    return out;
}

// ---- axes ---------------------------------------------------------------------------------

/// The decimals asked for, or more when a tick needs them: 0.25 must not print as "0.2".
int tick_decimals(double lo, double hi, int ticks, int decimals) {
    int d = std::clamp(decimals, 0, 6);
    for (const double v : tick_values(lo, hi, ticks)) {
        while (d < 6) {
            const double scaled = v * std::pow(10.0, d);
            if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::abs(scaled)))
                break;
            ++d;
        }
    }
    return d;
}

/// Grid lines, axis lines, ticks and tick labels of a plot area; x ticks below, y ticks (when
/// y is given) on the left.
void add_axes(string& out, const Box& plot, const Scale& x, const Scale* y, int ticks,
              int decimals) {
    const string tick_attrs = "font-size=\"11\" fill=\"" + string(muted) + "\"";
    const string grid_attrs = "stroke=\"" + string(grid) + "\" stroke-width=\"1\"";
    const string axis_attrs = "stroke=\"" + string(muted) + "\" stroke-width=\"1\"";
    const int x_decimals = tick_decimals(x.lo, x.hi, ticks, decimals);
    for (const double v : tick_values(x.lo, x.hi, ticks)) {
        add_line(out, x(v), plot.y0, x(v), plot.y1, grid_attrs);
        add_line(out, x(v), plot.y1, x(v), plot.y1 + 4, axis_attrs);
        add_text(out, x(v), plot.y1 + 17, fixed(v, x_decimals),
                 tick_attrs + " text-anchor=\"middle\"");
    }
    if (y != nullptr) {
        const int y_decimals = tick_decimals(y->lo, y->hi, ticks, decimals);
        for (const double v : tick_values(y->lo, y->hi, ticks)) {
            add_line(out, plot.x0, (*y)(v), plot.x1, (*y)(v), grid_attrs);
            add_line(out, plot.x0 - 4, (*y)(v), plot.x0, (*y)(v), axis_attrs);
            add_text(out, plot.x0 - 7, (*y)(v) + 4, fixed(v, y_decimals),
                     tick_attrs + " text-anchor=\"end\"");
        }
        add_line(out, plot.x0, plot.y0, plot.x0, plot.y1, axis_attrs);
    }
    add_line(out, plot.x0, plot.y1, plot.x1, plot.y1, axis_attrs);
}

double widest_tick(double lo, double hi, int ticks, int decimals) {
    double widest = 0;
    const int d = tick_decimals(lo, hi, ticks, decimals);
    for (const double v : tick_values(lo, hi, ticks))
        widest = std::max(widest, text_width(fixed(v, d), small_size));
    return widest;
}

/// Quadrant names drawn faintly in the plot's inner corners; returns the boxes they take.
std::vector<Box> add_quadrant_names(string& out, const std::string (&quadrants)[4],
                                    const Box& plot) {
    std::vector<Box> taken;
    const double pad = 8;
    for (std::size_t q = 0; q < 4; ++q) {
        const string name = drawn(quadrants[q], max_label_columns);
        if (name.empty()) continue;
        const bool right = q % 2 == 1, top = q < 2;
        const double w = text_width(name, text_size);
        const double x = right ? plot.x1 - pad : plot.x0 + pad;
        const double baseline = top ? plot.y0 + pad + text_size : plot.y1 - pad - 3;
        add_text(out, x, baseline, name,
                 string("font-size=\"12\" font-style=\"italic\" fill=\"") + faint +
                     "\" text-anchor=\"" + (right ? "end" : "start") + "\"");
        taken.push_back({right ? x - w : x, baseline - text_size, right ? x : x + w, baseline + 3});
    }
    return taken;
}

/// The points: leader lines, then labels (or their numbers), then the markers on top, so
/// that where a label could not avoid a marker the data stays visible.
void add_points(string& out, const std::vector<const Point*>& points,
                const std::vector<Anchor>& anchors, const std::vector<Placed>& placed,
                const std::vector<string>& labels, double r, int decimals) {
    out += "<g stroke=\"#8C8C8C\" stroke-width=\"0.8\">\n";
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].leader) continue;
        const Box& b = placed[i].box;
        const Anchor& a = anchors[i];
        const double nx = std::clamp(a.x, b.x0, b.x1), ny = std::clamp(a.y, b.y0, b.y1);
        const double d = std::hypot(nx - a.x, ny - a.y); // > r: there is a leader
        add_line(out, a.x + (nx - a.x) * r / d, a.y + (ny - a.y) * r / d, nx, ny, {});
    }
    // A white halo behind each label keeps it legible over grid lines and crosshairs.
    out += "</g>\n<g font-size=\"11\" fill=\"" + string(ink) +
           "\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" "
           "paint-order=\"stroke\">\n";
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const int key = placed[i].key;
        add_text(out, placed[i].box.x0, (placed[i].box.y0 + placed[i].box.y1) / 2 + 4,
                 key > 0 ? std::to_string(key) : labels[i], key > 0 ? "font-weight=\"bold\"" : "");
    }
    out += "</g>\n<g stroke=\"#FFFFFF\" stroke-width=\"1\">\n";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point& p = *points[i];
        add_marker(out, std::max(p.group, 0), anchors[i].x, anchors[i].y, r,
                   printable(p.label) + " (" + fixed(p.x, decimals + 1) + ", " +
                       fixed(p.y, decimals + 1) + ")");
    }
    out += "</g>\n";
}

/// The legend, when there are two groups or more: rows under the plot from `bottom`, wrapped
/// to the plot's width. Returns the new bottom; widens width when needed.
double add_legend(string& out, const std::vector<string>& groups, const Box& plot, double bottom,
                  double& width) {
    if (groups.size() < 2) return bottom;
    double x = plot.x0;
    bottom += 6;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const string name = drawn(groups[g], max_label_columns);
        const double w = 12 + 6 + text_width(name, text_size) + 20;
        if (x > plot.x0 && x + w > plot.x1) {
            x = plot.x0;
            bottom += 20;
        }
        add_marker(out, static_cast<int>(g), x + 6, bottom - 4, 5, name);
        add_text(out, x + 18, bottom, name);
        x += w;
        width = std::max(width, x + margin);
    }
    return bottom + 12;
}

/// The key to numbered points, row by row in columns as wide as the widest entry.
double add_key(string& out, const std::vector<Placed>& placed, const std::vector<string>& labels,
               const Box& plot, double bottom, double& width) {
    double key_w = 0;
    std::vector<std::size_t> keyed;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (placed[i].key == 0) continue;
        keyed.push_back(i);
        key_w = std::max(key_w, 28 + text_width(labels[i], small_size) + 20);
    }
    if (keyed.empty()) return bottom;
    add_text(out, plot.x0, bottom + 14,
             "Numbered points:", "font-weight=\"bold\" fill=\"" + string(ink) + "\"");
    bottom += 18;
    const double plot_w = plot.x1 - plot.x0;
    const auto columns = static_cast<std::size_t>(std::max(1.0, std::floor(plot_w / key_w)));
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        const double x = plot.x0 + key_w * static_cast<double>(k % columns);
        const std::size_t row = k / columns; // whole rows of the key above this entry
        const double y = bottom + 16 * static_cast<double>(row + 1);
        add_text(out, x + 20, y, std::to_string(placed[keyed[k]].key),
                 "font-size=\"11\" font-weight=\"bold\" text-anchor=\"end\" fill=\"" + string(ink) +
                     "\"");
        add_text(out, x + 26, y, labels[keyed[k]], "font-size=\"11\" fill=\"" + string(ink) + "\"");
        width = std::max(width, x + key_w + margin);
    }
    const auto rows = (keyed.size() + columns - 1) / columns;
    return bottom + 16 * static_cast<double>(rows) + 10;
}

string count_text(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

string xml_escape(string_view text) {
    static constexpr string_view replacement = "\xEF\xBF\xBD"; // U+FFFD
    string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto n =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos,
                             static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) { // an invalid byte: replaced on its own, decoding resumes after it
            out += replacement;
            ++pos;
            continue;
        }
        const bool control =
            (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
        if (control || cp == 0xFFFE || cp == 0xFFFF)
            out += replacement;
        else if (cp == '&')
            out += "&amp;";
        else if (cp == '<')
            out += "&lt;";
        else if (cp == '>')
            out += "&gt;";
        else if (cp == '"')
            out += "&quot;";
        else if (cp == '\'')
            out += "&#39;"; // &apos; is not an HTML 4 entity
        else
            out += text.substr(pos, static_cast<std::size_t>(n));
        pos += static_cast<std::size_t>(n);
    }
    return out;
}

string standalone(string_view svg_element) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + string(svg_element);
}

// ---- scatter chart --------------------------------------------------------------------------

string scatter_chart(const ScatterChart& chart) {
    const string id = chart_id(chart.id, chart.title);
    const string title = chart.title.empty() ? "Scatter chart" : chart.title;
    std::vector<const Point*> points; // NaN and infinite coordinates are missing values
    std::vector<double> xs, ys;
    for (const Point& p : chart.points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        points.push_back(&p);
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    const string desc = !chart.description.empty()
                            ? chart.description
                            : title + ": " + count_text(points.size(), "point", "points") + ", " +
                                  chart.x_label + " across, " + chart.y_label + " up.";
    if (points.empty()) return no_data(id, title, desc);

    const int decimals = std::clamp(chart.decimals, 0, 6);
    const auto [x_lo, x_hi] = usable_range(chart.x_min, chart.x_max, xs);
    const auto [y_lo, y_hi] = usable_range(chart.y_min, chart.y_max, ys);
    const int ticks = std::clamp(chart.ticks, 1, 20);

    // The plot grows with the number of points so that their labels find room: 60 points with
    // 30-character ids need about 740 × 600 px.
    const auto n = static_cast<double>(points.size());
    const double plot_w = std::clamp(440 + 5 * n, 440.0, 760.0);
    const double plot_h = std::clamp(360 + 4 * n, 360.0, 600.0);
    const double y_title_x = margin + text_size; // baseline of the rotated y title
    const double x0 = y_title_x + 10 + widest_tick(y_lo, y_hi, ticks, decimals) + 8;
    const Box plot{x0, heading_band + 8, x0 + plot_w, heading_band + 8 + plot_h};
    const Scale sx{x_lo, x_hi, plot.x0, plot.x1};
    const Scale sy{y_lo, y_hi, plot.y1, plot.y0};

    string body;
    add_heading(body, title);
    add_axes(body, plot, sx, &sy, ticks, decimals);
    const string cross =
        "stroke=\"" + string(muted) + "\" stroke-width=\"1.2\" " + "stroke-dasharray=\"6 4\"";
    if (std::isfinite(chart.x_cross) && chart.x_cross > x_lo && chart.x_cross < x_hi)
        add_line(body, sx(chart.x_cross), plot.y0, sx(chart.x_cross), plot.y1, cross);
    if (std::isfinite(chart.y_cross) && chart.y_cross > y_lo && chart.y_cross < y_hi)
        add_line(body, plot.x0, sy(chart.y_cross), plot.x1, sy(chart.y_cross), cross);
    const string axis_title =
        "font-size=\"12\" fill=\"" + string(ink) + "\" text-anchor=\"middle\"";
    add_text(body, (plot.x0 + plot.x1) / 2, plot.y1 + 36, drawn(chart.x_label, max_title_columns),
             axis_title);
    const double mid_y = (plot.y0 + plot.y1) / 2;
    add_text(body, y_title_x, mid_y, drawn(chart.y_label, max_title_columns),
             axis_title + " transform=\"rotate(-90 " + px(y_title_x) + " " + px(mid_y) + ")\"");

    // Quadrant names in the inner corners; labels keep clear of them.
    const std::vector<Box> obstacles = add_quadrant_names(body, chart.quadrants, plot);
    const double r = 5;
    std::vector<Anchor> anchors;
    std::vector<string> labels;
    std::vector<std::pair<double, double>> at;
    for (const Point* p : points)
        at.emplace_back(sx(p->x), sy(p->y));
    at = dodged(at, r, plot);
    for (std::size_t i = 0; i < points.size(); ++i) {
        labels.push_back(drawn(points[i]->label, max_label_columns));
        anchors.push_back({at[i].first, at[i].second, text_width(labels.back(), small_size)});
    }
    const Box inside{plot.x0 + 2, plot.y0 + 2, plot.x1 - 2, plot.y1 - 2};
    const std::vector<Placed> placed = place_labels(anchors, r, small_size, obstacles, inside);

    add_points(body, points, anchors, placed, labels, r, decimals);
    double width = std::max(plot.x1 + margin, heading_width(title));
    double bottom = add_legend(body, chart.groups, plot, plot.y1 + 48, width);
    bottom = add_key(body, placed, labels, plot, bottom, width);
    return document(width, bottom, id, title, desc, body);
}

// ---- heat map -----------------------------------------------------------------------------

namespace {

struct Rgb {
    double r, g, b; // 0..255
};

/// ColorBrewer "Blues" (Brewer 2003), a sequential ramp whose lightness falls monotonically.
constexpr std::array<Rgb, 9> blues = {{{247, 251, 255},
                                       {222, 235, 247},
                                       {198, 219, 239},
                                       {158, 202, 225},
                                       {107, 174, 214},
                                       {66, 146, 198},
                                       {33, 113, 181},
                                       {8, 81, 156},
                                       {8, 48, 107}}};

/// The shade of a value t in (0, 1]: the ramp from its second step, so that the smallest
/// count is still visibly tinted against the white of zero.
Rgb shade(double t) {
    const double pos = 1 + std::clamp(t, 0.0, 1.0) * 7;
    const auto i = std::min(static_cast<std::size_t>(pos), blues.size() - 2);
    const double f = pos - static_cast<double>(i);
    const Rgb& a = blues[i];
    const Rgb& b = blues[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

string hex(const Rgb& c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    string out = "#";
    for (const double v : {c.r, c.g, c.b}) {
        const auto byte = static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0)));
        out += digits[byte / 16];
        out += digits[byte % 16];
    }
    return out;
}

/// WCAG 2 relative luminance.
double luminance(const Rgb& c) {
    const auto linear = [](double v) {
        v /= 255;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/// White or ink on a shade, whichever has the higher WCAG contrast ratio.
const char* text_on(const Rgb& c) {
    const double l = luminance(c);
    const double on_white = 1.05 / (l + 0.05);
    const double on_ink = (l + 0.05) / (luminance({34, 34, 34}) + 0.05);
    return on_white > on_ink ? "#FFFFFF" : ink;
}

/// Counts are whole numbers; anything else keeps one decimal.
string count_value(double v) {
    return fixed(v, v == std::round(v) ? 0 : 1);
}

/// One cell of the grid with its value and its <title> (row × column: value). Zero (a blind
/// spot) is white with an outline and no number; a missing value is outlined dashed, "–".
void add_cell(string& out, const Box& cell, double v, double max, const string& name) {
    const bool missing = !std::isfinite(v), blank = missing || v <= 0 || max <= 0;
    const Rgb fill = blank ? Rgb{255, 255, 255} : shade(v / max);
    out += "<rect x=\"" + px(cell.x0 + 1) + "\" y=\"" + px(cell.y0 + 1) + "\" width=\"" +
           px(cell.x1 - cell.x0 - 2) + "\" height=\"" + px(cell.y1 - cell.y0 - 2) + "\" fill=\"" +
           hex(fill) + "\"";
    if (blank) out += " stroke=\"#B0B0B0\"";
    if (missing) out += " stroke-dasharray=\"3 2\"";
    out += "><title>" + xml_escape(name + ": " + (missing ? "no value" : count_value(v))) +
           "</title></rect>\n";
    if (!missing && v == 0) return;
    add_text(out, (cell.x0 + cell.x1) / 2, (cell.y0 + cell.y1) / 2 + 4,
             missing ? "–" : count_value(v),
             string("font-size=\"11\" text-anchor=\"middle\" fill=\"") +
                 (missing ? muted : text_on(fill)) + "\"");
}

/// The legend of shades from (x, y): the white of zero, then four steps of the ramp labelled
/// with their values (whole numbers when all counts are). Returns its right end.
double add_scale(string& out, double x, double y, double max, bool whole) {
    std::vector<double> steps = {0};
    for (int step = 1; step <= 4 && max > 0; ++step) {
        const double v = whole ? std::round(max * step / 4) : max * step / 4;
        if (v > steps.back()) steps.push_back(v);
    }
    add_text(out, x, y + 12, "Scale:", "fill=\"" + string(ink) + "\"");
    x += text_width("Scale:", text_size) + 8;
    for (const double v : steps) {
        const Rgb fill = v == 0 ? Rgb{255, 255, 255} : shade(v / max);
        out += "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"30\" height=\"16\" fill=\"" +
               hex(fill) + "\"" + (v == 0 ? " stroke=\"#B0B0B0\"" : "") + "/>\n";
        add_text(out, x + 36, y + 12, count_value(v),
                 "font-size=\"11\" fill=\"" + string(muted) + "\"");
        x += 36 + text_width(count_value(v), small_size) + 14;
    }
    return x;
}

} // namespace

string heat_map(const HeatMap& chart) {
    const string id = chart_id(chart.id, chart.title);
    const string title = chart.title.empty() ? "Heat map" : chart.title;
    const string desc = !chart.description.empty()
                            ? chart.description
                            : title + ": " + count_text(chart.rows.size(), "row", "rows") + " (" +
                                  chart.row_label + ") by " +
                                  count_text(chart.columns.size(), "column", "columns") + " (" +
                                  chart.column_label + ").";
    if (chart.rows.empty() || chart.columns.empty()) return no_data(id, title, desc);
    const auto value = [&](std::size_t r, std::size_t c) {
        const bool known = r < chart.values.size() && c < chart.values[r].size() &&
                           std::isfinite(chart.values[r][c]);
        return known ? chart.values[r][c] : std::nan("");
    };

    bool whole = true;
    double max = 0, widest_number = 0, row_w = text_width(drawn(chart.row_label, 40), text_size);
    std::vector<string> rows, columns;
    for (std::size_t r = 0; r < chart.rows.size(); ++r) {
        rows.push_back(drawn(chart.rows[r], max_label_columns));
        row_w = std::max(row_w, text_width(rows.back(), text_size));
        for (std::size_t c = 0; c < chart.columns.size(); ++c) {
            if (!std::isfinite(value(r, c))) continue;
            max = std::max(max, value(r, c));
            whole = whole && value(r, c) == std::round(value(r, c));
            widest_number = std::max(widest_number, text_width(count_value(value(r, c)), 11));
        }
    }
    // Column headers run up and to the right at -45° from their cell's centre.
    constexpr double diagonal = 0.7071; // sin 45°
    double header_h = 0;
    for (const string& column : chart.columns) {
        columns.push_back(drawn(column, max_label_columns));
        header_h = std::max(header_h, text_width(columns.back(), small_size) * diagonal);
    }
    const double cell_w = std::max(44.0, widest_number + 14), cell_h = 26;
    const double gx = margin + row_w + 10;
    const double gy = heading_band + 22 + header_h + 12;

    string body;
    add_heading(body, title);
    add_text(body, gx, heading_band + 14, drawn(chart.column_label, max_title_columns),
             "font-size=\"12\" font-weight=\"bold\" fill=\"" + string(ink) + "\"");
    add_text(body, gx - 10, gy - 8, drawn(chart.row_label, 40),
             "font-size=\"12\" font-weight=\"bold\" fill=\"" + string(ink) +
                 "\" text-anchor=\"end\"");
    double width =
        std::max(gx + cell_w * static_cast<double>(columns.size()) + margin, heading_width(title));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const double cx = gx + cell_w * (static_cast<double>(c) + 0.5), y = gy - 8;
        add_text(body, cx, y, columns[c],
                 "font-size=\"11\" fill=\"" + string(ink) + "\" transform=\"rotate(-45 " + px(cx) +
                     " " + px(y) + ")\"");
        width = std::max(width, cx + text_width(columns[c], small_size) * diagonal + 8 + margin);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double y = gy + cell_h * static_cast<double>(r);
        add_text(body, gx - 10, y + cell_h / 2 + 4, rows[r],
                 "fill=\"" + string(ink) + "\" text-anchor=\"end\"");
        for (std::size_t c = 0; c < columns.size(); ++c)
            add_cell(body,
                     {gx + cell_w * static_cast<double>(c), y,
                      gx + cell_w * static_cast<double>(c + 1), y + cell_h},
                     value(r, c), max,
                     printable(chart.rows[r]) + " × " + printable(chart.columns[c]));
    }
    const double y = gy + cell_h * static_cast<double>(rows.size()) + 18;
    width = std::max(width, add_scale(body, gx, y, max, whole) + margin);
    return document(width, y + 16 + margin, id, title, desc, body);
}

// ---- before / after -----------------------------------------------------------------------

namespace {

constexpr const char* before_colour = "#0072B2";
constexpr const char* after_colour = "#D55E00";

/// An estimate's dot: hollow (before) or filled (after), with its hover text.
void add_dot(string& out, double x, double y, bool after, const string& hover) {
    const string colour = after ? after_colour : before_colour;
    out += "<circle cx=\"" + px(x) + "\" cy=\"" + px(y) + "\" r=\"4.5\" fill=\"" +
           (after ? colour : "#FFFFFF") + "\" stroke=\"" + colour + "\" stroke-width=\"" +
           (after ? "1" : "2") + "\">";
    out += hover.empty() ? "</circle>\n" : "<title>" + xml_escape(hover) + "</title></circle>\n";
}

/// One estimate at height y: its 95 % interval as a whisker with end caps (when both ends are
/// known), then its dot (when known), whose <title> reads e.g. "id: after 3.90 [3.60, 4.20]".
void add_estimate(string& out, const Scale& s, std::optional<double> v, std::optional<double> low,
                  std::optional<double> high, double y, bool after, const string& name,
                  int decimals) {
    const auto known = [](std::optional<double> x) { return x && std::isfinite(*x); };
    const string colour = after ? after_colour : before_colour;
    if (known(low) && known(high)) {
        const double a = s(std::min(*low, *high)), b = s(std::max(*low, *high));
        const string attrs = "stroke=\"" + colour + "\" stroke-width=\"1.5\"";
        add_line(out, a, y, b, y, attrs);
        add_line(out, a, y - 4, a, y + 4, attrs);
        add_line(out, b, y - 4, b, y + 4, attrs);
    }
    if (!known(v)) return;
    const auto show = [&](std::optional<double> x) {
        return known(x) ? fixed(*x, decimals) : string("–");
    };
    add_dot(out, s(*v), y, after,
            name + " " + show(v) + " [" + show(low) + ", " + show(high) + "]");
}

} // namespace

string before_after_chart(const BeforeAfterChart& chart) {
    const string id = chart_id(chart.id, chart.title);
    const string title = chart.title.empty() ? "Before and after" : chart.title;
    const string desc = !chart.description.empty()
                            ? chart.description
                            : title + ": " + count_text(chart.rows.size(), "row", "rows") + ", " +
                                  chart.before_name + " and " + chart.after_name + " with 95 % " +
                                  "intervals on " + chart.axis_label + ".";
    if (chart.rows.empty()) return no_data(id, title, desc);

    std::vector<double> known;
    for (const BeforeAfterRow& row : chart.rows)
        for (const auto& v : {row.before, row.after, row.before_low, row.before_high, row.after_low,
                              row.after_high})
            if (v && std::isfinite(*v)) known.push_back(*v);
    const auto [lo, hi] = usable_range(chart.min, chart.max, known);
    const int decimals = std::clamp(chart.decimals, 0, 6);
    const int ticks = std::clamp(chart.ticks, 1, 20);

    double label_w = 0, note_w = 0;
    std::vector<string> labels, notes;
    for (const BeforeAfterRow& row : chart.rows) {
        labels.push_back(drawn(row.label, max_label_columns));
        notes.push_back(drawn(row.note, max_label_columns));
        label_w = std::max(label_w, text_width(labels.back(), text_size));
        note_w = std::max(note_w, text_width(notes.back(), text_size));
    }
    const double row_h = 28, plot_w = 440;
    const double top = heading_band + 30;
    const double x0 = margin + label_w + 14;
    const Box plot{x0, top, x0 + plot_w, top + row_h * static_cast<double>(chart.rows.size())};
    const Scale s{lo, hi, plot.x0, plot.x1};

    string body;
    add_heading(body, title);
    // Legend under the title.
    const string before = drawn(chart.before_name, max_label_columns);
    const string after = drawn(chart.after_name, max_label_columns);
    add_dot(body, plot.x0 + 5, heading_band + 8, false, {});
    add_text(body, plot.x0 + 15, heading_band + 12, before);
    const double after_x = plot.x0 + 15 + text_width(before, text_size) + 24;
    add_dot(body, after_x, heading_band + 8, true, {});
    add_text(body, after_x + 10, heading_band + 12, after);

    for (std::size_t i = 0; i < chart.rows.size(); ++i) { // light bands on every other row
        if (i % 2 == 1) continue;
        body += "<rect x=\"" + px(margin / 2) + "\" y=\"" +
                px(plot.y0 + row_h * static_cast<double>(i)) + "\" width=\"" +
                px(plot.x1 + 12 + note_w) + "\" height=\"" + px(row_h) + "\" fill=\"#F4F4F4\"/>\n";
    }
    add_axes(body, plot, s, nullptr, ticks, decimals);
    add_text(body, (plot.x0 + plot.x1) / 2, plot.y1 + 36,
             drawn(chart.axis_label, max_title_columns),
             "fill=\"" + string(ink) + "\" text-anchor=\"middle\"");

    for (std::size_t i = 0; i < chart.rows.size(); ++i) {
        const BeforeAfterRow& row = chart.rows[i];
        const double y = plot.y0 + row_h * (static_cast<double>(i) + 0.5);
        add_text(body, plot.x0 - 12, y + 4, labels[i],
                 "fill=\"" + string(ink) + "\" text-anchor=\"end\"");
        add_text(body, plot.x1 + 12, y + 4, notes[i], "fill=\"" + string(ink) + "\"");
        // Before sits a little above the row's middle, after a little below, so that
        // overlapping intervals stay apart.
        const string name = printable(row.label) + ": ";
        add_estimate(body, s, row.before, row.before_low, row.before_high, y - 5, false,
                     name + printable(chart.before_name), decimals + 1);
        add_estimate(body, s, row.after, row.after_low, row.after_high, y + 5, true,
                     name + printable(chart.after_name), decimals + 1);
    }
    const double width = std::max({plot.x1 + 12 + note_w + margin, heading_width(title),
                                   after_x + 10 + text_width(after, text_size) + margin});
    return document(width, plot.y1 + 36 + margin, id, title, desc, body);
}

} // namespace delight::render::svg
