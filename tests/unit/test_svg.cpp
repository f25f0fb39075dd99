// Charts as SVG (render/svg): escaping, well-formedness, accessibility, determinism, layout.
#include "delight/render_svg.hpp"

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace delight::render::svg;

namespace {

const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

/// One start, end or empty tag of the document, with its attributes.
struct Tag {
    std::string name;
    std::map<std::string, std::string> attrs;
    bool closing = false, empty = false;
    std::size_t end = 0; ///< offset just past the '>'
};

bool valid_reference(const std::string& text, std::size_t amp) {
    const std::size_t semi = text.find(';', amp);
    if (semi == std::string::npos) return false;
    const std::string name = text.substr(amp + 1, semi - amp - 1);
    static const std::set<std::string> named = {"amp", "lt", "gt", "quot", "apos"};
    if (named.count(name)) return true;
    if (name.size() < 2 || name[0] != '#') return false;
    const bool hex = name[1] == 'x';
    const std::string digits = name.substr(hex ? 2 : 1);
    return !digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF"
                                                           : "0123456789") == std::string::npos;
}

/// Character data or an attribute value: no raw '<', every '&' starts a reference, and only
/// characters XML 1.0 allows (valid UTF-8, no control characters but tab, LF, CR).
std::string check_text(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '<') return "raw '<' in text";
        if (text[i] == '&' && !valid_reference(text, i)) return "bare '&' in text";
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) return "invalid UTF-8";
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return "control character";
        i += static_cast<std::size_t>(n);
    }
    return {};
}

/// A minimal XML well-formedness check, enough for what the writer emits: an optional XML
/// declaration, then one root element; tags balanced and properly nested, attributes quoted
/// and unique, text and values escaped. Returns "" when well-formed, else what is wrong.
std::string xml_problem(const std::string& doc, std::vector<Tag>* tags = nullptr) {
    std::size_t pos = 0;
    if (doc.rfind("<?xml", 0) == 0) pos = doc.find("?>") + 2;
    std::vector<std::string> open;
    int roots = 0;
    while (pos < doc.size()) {
        const std::size_t lt = doc.find('<', pos);
        const std::string text = doc.substr(pos, lt == std::string::npos ? lt : lt - pos);
        if (const std::string p = check_text(text); !p.empty()) return p;
        if (open.empty() && text.find_first_not_of(" \n") != std::string::npos)
            return "text outside the root";
        if (lt == std::string::npos) break;
        Tag tag;
        std::size_t i = lt + 1;
        tag.closing = doc[i] == '/';
        if (tag.closing) ++i;
        while (i < doc.size() &&
               (std::isalnum(static_cast<unsigned char>(doc[i])) || doc[i] == '-' || doc[i] == ':'))
            tag.name += doc[i++];
        if (tag.name.empty()) return "tag without a name at " + std::to_string(lt);
        for (;;) {
            while (i < doc.size() && doc[i] == ' ')
                ++i;
            if (i >= doc.size()) return "unterminated tag";
            if (doc[i] == '>') break;
            if (doc.compare(i, 2, "/>") == 0 && !tag.closing) {
                tag.empty = true;
                ++i;
                break;
            }
            const std::size_t eq = doc.find('=', i);
            if (eq == std::string::npos || doc[eq + 1] != '"') return "unquoted attribute";
            const std::string name = doc.substr(i, eq - i);
            if (name.empty() || name.find_first_of(" <>\"/") != std::string::npos)
                return "bad attribute name '" + name + "'";
            const std::size_t close = doc.find('"', eq + 2);
            if (close == std::string::npos) return "unterminated attribute";
            const std::string value = doc.substr(eq + 2, close - eq - 2);
            if (const std::string p = check_text(value); !p.empty()) return p + " in " + name;
            if (!tag.attrs.emplace(name, value).second) return "duplicate attribute " + name;
            i = close + 1;
            if (doc[i] != ' ' && doc[i] != '>' && doc[i] != '/') return "attributes run together";
        }
        tag.end = i + 1;
        if (tag.closing) {
            if (open.empty() || open.back() != tag.name) return "unbalanced </" + tag.name + ">";
            open.pop_back();
        } else {
            if (open.empty() && ++roots > 1) return "more than one root";
            if (!tag.empty) open.push_back(tag.name);
        }
        if (tags != nullptr) tags->push_back(tag);
        pos = tag.end;
    }
    if (!open.empty()) return "unclosed <" + open.back() + ">";
    return roots == 1 ? "" : "no root element";
}

std::vector<Tag> parse(const std::string& doc) {
    std::vector<Tag> tags;
    const std::string problem = xml_problem(doc, &tags);
    INFO(doc);
    REQUIRE(problem == "");
    return tags;
}

/// The text content of the first element of that name whose content contains `part`.
const Tag* element_with(const std::string& doc, const std::vector<Tag>& tags,
                        const std::string& name, const std::string& part) {
    for (const Tag& tag : tags) {
        if (tag.name != name || tag.closing || tag.empty) continue;
        const std::string content = doc.substr(tag.end, doc.find("</" + name, tag.end) - tag.end);
        if (content.find(part) != std::string::npos) return &tag;
    }
    return nullptr;
}

/// Every geometric attribute holds a plain number (no "nan", "inf", "–").
void check_numbers(const std::vector<Tag>& tags) {
    static const std::set<std::string> numeric = {
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "viewBox"};
    for (const Tag& tag : tags)
        for (const auto& [name, value] : tag.attrs)
            if (numeric.count(name)) {
                INFO(tag.name << " " << name << "=" << value);
                CHECK(value.find_first_not_of("-0123456789. MLZ") == std::string::npos);
            }
}

// Realistic inputs, the shapes `delight report` gives: 60 expectation ids on a 1–5 scale.
std::string expectation_id(int i) {
    static const char* touchpoints[] = {
        "website",       "sales-call", "onboarding",     "billing",       "support-ticket",
        "field-service", "renewal",    "account-review", "product-usage", "offboarding"};
    static const char* needs[] = {"response-time", "clear-invoice", "proactive-status-update",
                                  "named-contact", "self-service",  "first-time-fix"};
    return std::string(touchpoints[i % 10]) + "-" + needs[(i / 10) % 6];
}

/// A deterministic spread in [0, 1) (a multiplicative hash), so the demo data has no pattern.
double spread(int i, int salt) {
    const unsigned h =
        (static_cast<unsigned>(i) * 2654435761U) ^ (static_cast<unsigned>(salt) * 40503U);
    return static_cast<double>((h >> 8) % 1000) / 1000.0;
}

ScatterChart ipa_chart(int n) {
    ScatterChart c;
    c.title = "Importance–performance analysis";
    c.description = "IPA quadrant: each expectation's mean performance (across) and importance "
                    "(up), on 1–5 scales.";
    c.x_label = "Performance (mean, 1–5)";
    c.y_label = "Importance (mean, 1–5)";
    c.x_min = 1, c.x_max = 5, c.y_min = 1, c.y_max = 5;
    c.x_cross = 3.6, c.y_cross = 3.9;
    c.quadrants[0] = "Concentrate here";
    c.quadrants[1] = "Keep up the good work";
    c.quadrants[2] = "Low priority";
    c.quadrants[3] = "Possible overkill";
    c.groups = {"stated", "implied", "latent", "future"};
    for (int i = 0; i < n; ++i)
        c.points.push_back(
            {expectation_id(i), 2.4 + 2.3 * spread(i, 1), 2.9 + 2.0 * spread(i, 2), i % 4});
    return c;
}

ScatterChart kano_chart() {
    ScatterChart c;
    c.title = "Kano Better/Worse";
    c.description = "Better (satisfaction if present) against |Worse| (dissatisfaction if "
                    "absent) per expectation, Berger et al. 1993.";
    c.x_label = "|Worse|";
    c.y_label = "Better";
    c.groups = {"attractive", "one-dimensional", "must-be", "indifferent"};
    c.quadrants[0] = "Attractive";
    c.quadrants[1] = "One-dimensional";
    c.quadrants[2] = "Indifferent";
    c.quadrants[3] = "Must-be";
    for (int i = 0; i < 24; ++i) {
        const int g = i % 4;
        const double x = (g == 1 || g == 2 ? 0.5 : 0.05) + 0.45 * spread(i, 3);
        const double y = (g == 0 || g == 1 ? 0.5 : 0.05) + 0.45 * spread(i, 4);
        c.points.push_back({expectation_id(i * 7), x, y, g});
    }
    return c;
}

HeatMap coverage_map() {
    HeatMap h;
    h.title = "Coverage: expectations per touchpoint and function";
    h.description = "Number of expectations at each touchpoint from each function; empty cells "
                    "are blind spots.";
    h.row_label = "Touchpoint";
    h.column_label = "Function";
    h.rows = {"website",       "sales-call", "onboarding",     "billing",       "support-ticket",
              "field-service", "renewal",    "account-review", "product-usage", "offboarding"};
    h.columns = {"sales",
                 "marketing",
                 "solution-design-delivery",
                 "customer-success",
                 "finance",
                 "product-management",
                 "support"};
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        h.values.emplace_back();
        for (std::size_t c = 0; c < h.columns.size(); ++c) {
            const double s = spread(static_cast<int>(r * 7 + c), 5);
            h.values.back().push_back(s < 0.3 ? 0 : std::floor(s * s * 14));
        }
    }
    return h;
}

BeforeAfterChart pilot_chart() {
    BeforeAfterChart b;
    b.title = "Pilot: before and after";
    b.description = "Mean answer per expectation before and after the pilot, with 95 % "
                    "confidence intervals.";
    b.axis_label = "Mean answer (1–5), 95 % CI";
    b.min = 1, b.max = 5;
    const char* notes[] = {"improved", "inconclusive", "declined", "improved"};
    for (int i = 0; i < 9; ++i) {
        const double before = 2.6 + 1.2 * spread(i, 6), after = before + 1.0 * spread(i, 7) - 0.3;
        const double half = 0.15 + 0.3 * spread(i, 8);
        b.rows.push_back({expectation_id(i * 5), before, after, before - half, before + half,
                          after - half, after + half, notes[i % 4]});
    }
    return b;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("xml_escape makes text safe as XML and HTML", "[svg]") {
    CHECK(xml_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(xml_escape("a & b \"c\" 'd'") == "a &amp; b &quot;c&quot; &#39;d&#39;");
    CHECK(xml_escape("tab\tline\ncr\r") == "tab\tline\ncr\r");
    CHECK(xml_escape(std::string("nul\0bell\a", 9)) == "nul\xEF\xBF\xBD"
                                                       "bell\xEF\xBF\xBD");
    CHECK(xml_escape("esc\x1b[31m del\x7f c1\xC2\x85") ==
          "esc\xEF\xBF\xBD[31m del\xEF\xBF\xBD c1\xEF\xBF\xBD");
    CHECK(xml_escape("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80") ==
          "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
    // Each invalid byte is replaced and decoding resumes: a stray continuation byte, a cut
    // sequence, an overlong '<', a surrogate, a non-character.
    CHECK(xml_escape("a\x80z") == "a\xEF\xBF\xBDz");
    CHECK(xml_escape("\xE6\x97") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_escape("\xC0\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_escape("\xEF\xBF\xBE") == "\xEF\xBF\xBD");
    CHECK(xml_escape("") == "");
}

TEST_CASE("the well-formedness check used here rejects broken XML", "[svg]") {
    CHECK(xml_problem("<svg><g></g></svg>") == "");
    CHECK(xml_problem("<svg><g></svg>") != "");
    CHECK(xml_problem("<svg><text>a < b</text></svg>") != "");
    CHECK(xml_problem("<svg><text>a & b</text></svg>") != "");
    CHECK(xml_problem("<svg x=1></svg>") != "");
    CHECK(xml_problem("<svg x=\"1\" x=\"2\"></svg>") != "");
    CHECK(xml_problem("<svg></svg><svg></svg>") != "");
    CHECK(xml_problem("<svg>\x01</svg>") != "");
    CHECK(xml_problem("<svg>\xff</svg>") != "");
}

TEST_CASE("a scatter chart is accessible, labelled and deterministic", "[svg]") {
    const ScatterChart chart = ipa_chart(60);
    const std::string svg = scatter_chart(chart);
    CHECK(svg == scatter_chart(chart));
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0) == 0);
    CHECK(svg.back() == '\n');
    const std::vector<Tag> tags = parse(svg);
    check_numbers(tags);
    const Tag& root = tags.front();
    CHECK(root.attrs.at("role") == "img");
    CHECK(root.attrs.at("aria-labelledby") ==
          "importance-performance-analysis-title importance-performance-analysis-desc");
    CHECK(root.attrs.at("viewBox") ==
          "0 0 " + root.attrs.at("width") + " " + root.attrs.at("height"));
    CHECK(contains(svg, "<title id=\"importance-performance-analysis-title\">"
                        "Importance–performance analysis</title>"));
    CHECK(contains(svg, "<desc id=\"importance-performance-analysis-desc\">IPA quadrant"));
    CHECK(element_with(svg, tags, "text", "Performance (mean, 1–5)") != nullptr);
    CHECK(element_with(svg, tags, "text", "Importance (mean, 1–5)") != nullptr);
    CHECK(element_with(svg, tags, "text", "Keep up the good work") != nullptr);
    CHECK(element_with(svg, tags, "text", "3.0") != nullptr); // a tick label
    // Every point: a marker whose <title> tells label and values, and its label drawn.
    for (const Point& p : chart.points) {
        CHECK(element_with(svg, tags, "text", p.label) != nullptr);
        CHECK(contains(svg, "<title>" + p.label + " ("));
    }
    // Four groups: a legend with each name and the four shapes.
    for (const std::string& g : chart.groups)
        CHECK(element_with(svg, tags, "text", g) != nullptr);
    for (const char* shape : {"circle", "rect", "path"})
        CHECK(contains(svg, std::string("<") + shape));
    for (const char* colour : {"#0072B2", "#D55E00", "#009E73", "#CC79A7"})
        CHECK(contains(svg, colour));
    for (const char* forbidden : {"<script", "href", "url(", "@import"})
        CHECK_FALSE(contains(svg, forbidden));
    for (const Tag& tag : tags)
        for (const auto& attr : tag.attrs)
            CHECK(attr.first.rfind("on", 0) != 0); // no event handlers
}

TEST_CASE("a scatter chart draws a legend only for two or more groups", "[svg]") {
    ScatterChart chart = ipa_chart(3);
    chart.groups = {"expectations"};
    CHECK_FALSE(contains(scatter_chart(chart), ">expectations</text>"));
    chart.groups = {"expectations", "more"};
    CHECK(contains(scatter_chart(chart), ">expectations</text>"));
}

TEST_CASE("scatter labels do not overlap each other", "[svg]") {
    // 60 points with ids of up to 40 characters on a 1–5 scale, crowded in its upper half.
    const std::string svg = scatter_chart(ipa_chart(60));
    const std::string group = "paint-order=\"stroke\">\n"; // the group holding the labels
    const std::size_t begin = svg.find(group), end = svg.find("</g>", begin);
    REQUIRE(begin != std::string::npos);
    const std::string labels = svg.substr(begin + group.size(), end - begin - group.size());
    struct Extent {
        double x0, y0, x1, y1;
    };
    std::vector<Extent> boxes;
    for (const Tag& tag : parse("<g>" + labels + "</g>")) {
        if (tag.name != "text" || tag.closing) continue;
        const std::size_t close = labels.find("</text>", tag.end - 3);
        const std::size_t open = labels.rfind('>', close) + 1;
        // The same estimate as the layout: 0.6 em per character at 11 px, ASCII ids.
        const double width = 0.6 * 11 * static_cast<double>(close - open);
        const double x = std::stod(tag.attrs.at("x")), y = std::stod(tag.attrs.at("y"));
        boxes.push_back({x, y - 10, x + width, y + 2});
    }
    CHECK(boxes.size() == 60);
    int overlaps = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const double w =
                std::min(boxes[i].x1, boxes[j].x1) - std::max(boxes[i].x0, boxes[j].x0);
            const double h =
                std::min(boxes[i].y1, boxes[j].y1) - std::max(boxes[i].y0, boxes[j].y0);
            if (w > 0.5 && h > 0.5) ++overlaps;
        }
    CHECK(overlaps == 0);
}

TEST_CASE("scatter labels of coinciding points go to different places", "[svg]") {
    ScatterChart chart = ipa_chart(0);
    for (int i = 0; i < 8; ++i)
        chart.points.push_back({"same-spot-" + std::to_string(i), 3.2, 3.4, 0});
    const std::string svg = scatter_chart(chart);
    const std::vector<Tag> tags = parse(svg);
    std::set<std::pair<std::string, std::string>> places;
    for (int i = 0; i < 8; ++i) {
        const Tag* label = element_with(svg, tags, "text", "same-spot-" + std::to_string(i));
        REQUIRE(label != nullptr);
        places.insert({label->attrs.at("x"), label->attrs.at("y")});
    }
    CHECK(places.size() == 8);
}

TEST_CASE("scatter labels with no room become numbers listed in a key", "[svg]") {
    ScatterChart chart = ipa_chart(0);
    for (int i = 0; i < 40; ++i)
        chart.points.push_back({"crowded-expectation-" + std::to_string(i), 3.2, 3.4, 0});
    const std::string svg = scatter_chart(chart);
    const std::vector<Tag> tags = parse(svg);
    CHECK(element_with(svg, tags, "text", "Numbered points:") != nullptr);
    // The first points keep their labels; every label is written once, beside its point or
    // in the key.
    CHECK(element_with(svg, tags, "text", "crowded-expectation-0") != nullptr);
    for (const Point& p : chart.points) {
        std::size_t found = 0;
        for (std::size_t at = svg.find(">" + p.label + "</text>"); at != std::string::npos;
             at = svg.find(">" + p.label + "</text>", at + 1))
            ++found;
        CHECK(found == 1);
    }
    CHECK(contains(svg, "font-weight=\"bold\">1</text>"));
    // Fewer points have room for all labels: no key.
    chart.points.resize(4);
    CHECK_FALSE(contains(scatter_chart(chart), "Numbered points:"));
}

TEST_CASE("tick labels get the decimals their values need", "[svg]") {
    const std::string svg = scatter_chart(kano_chart()); // 0..1 in four steps, decimals = 1
    CHECK(contains(svg, ">0.25</text>"));
    CHECK(contains(svg, ">0.50</text>"));
    CHECK_FALSE(contains(svg, ">0.2</text>"));
    ScatterChart whole = ipa_chart(2);
    whole.decimals = 0;
    CHECK(contains(scatter_chart(whole), ">3</text>"));
}

/// The centre of the one circle marker of a chart drawn with the given points.
std::pair<std::string, std::string> circle_at(std::vector<Point> points, const std::string& hover) {
    ScatterChart chart = ipa_chart(0);
    chart.points = std::move(points);
    const std::string svg = scatter_chart(chart);
    const std::vector<Tag> tags = parse(svg);
    const Tag* circle = element_with(svg, tags, "circle", hover);
    REQUIRE(circle != nullptr);
    return {circle->attrs.at("cx"), circle->attrs.at("cy")};
}

TEST_CASE("scatter points outside the range are clamped to its edge", "[svg]") {
    // The range is 1..5 on both axes; the hover text keeps the true values.
    CHECK(circle_at({{"beyond", 9.5, 7, 0}}, "beyond (9.50, 7.00)") ==
          circle_at({{"corner", 5, 5, 0}}, "corner (5.00, 5.00)"));
    CHECK(circle_at({{"below", -3, 0.2, 0}}, "below (-3.00, 0.20)") ==
          circle_at({{"origin", 1, 1, 0}}, "origin (1.00, 1.00)"));
    CHECK(circle_at({{"left", -3, 3, 0}}, "left").first ==
          circle_at({{"origin", 1, 1, 0}}, "origin").first);
    CHECK(circle_at({{"left", -3, 3, 0}}, "left").second ==
          circle_at({{"middle", 3, 3, 0}}, "middle").second);
}

TEST_CASE("coinciding scatter points are spread so that each marker shows", "[svg]") {
    ScatterChart chart = ipa_chart(0);
    for (int i = 0; i < 7; ++i)
        chart.points.push_back({"tie-" + std::to_string(i), 4, 4, 0});
    chart.points.push_back({"alone", 2, 2, 0});
    const std::string svg = scatter_chart(chart);
    const std::vector<Tag> tags = parse(svg);
    // The same number of points (the plot's size depends on it), none coinciding.
    std::vector<Point> apart = {{"x", 4, 4, 0}, {"alone", 2, 2, 0}};
    for (int i = 1; i < 7; ++i)
        apart.push_back({"apart-" + std::to_string(i), 1.5, 1.5 + 0.5 * i, 0});
    const Tag* first = element_with(svg, tags, "circle", "tie-0 (4.00, 4.00)");
    REQUIRE(first != nullptr);
    const double cx = std::stod(first->attrs.at("cx")), cy = std::stod(first->attrs.at("cy"));
    // The first keeps its place (the same as when drawn alone at 4, 4), the others ring it
    // at one marker spacing (12 px) without touching each other.
    CHECK(std::make_pair(first->attrs.at("cx"), first->attrs.at("cy")) ==
          circle_at(apart, "x (4.00, 4.00)"));
    std::vector<std::pair<double, double>> centres;
    for (int i = 0; i < 7; ++i) {
        const Tag* marker =
            element_with(svg, tags, "circle", "tie-" + std::to_string(i) + " (4.00, 4.00)");
        REQUIRE(marker != nullptr);
        const double x = std::stod(marker->attrs.at("cx")), y = std::stod(marker->attrs.at("cy"));
        if (i > 0) CHECK(std::hypot(x - cx, y - cy) == Approx(12).margin(0.2));
        for (const auto& [ox, oy] : centres)
            CHECK(std::hypot(x - ox, y - oy) >= 11.8);
        centres.emplace_back(x, y);
    }
    // A point elsewhere is not moved.
    const Tag* lone = element_with(svg, tags, "circle", "alone (2.00, 2.00)");
    REQUIRE(lone != nullptr);
    CHECK(std::make_pair(lone->attrs.at("cx"), lone->attrs.at("cy")) ==
          circle_at(apart, "alone (2.00, 2.00)"));
}

TEST_CASE("project text in charts is escaped everywhere", "[svg]") {
    const std::string evil = "<script>alert(1)</script> & \"q\" 'a' \x01\x1b[2J \xff\xfe end";
    ScatterChart scatter = ipa_chart(2);
    scatter.title = scatter.description = scatter.x_label = scatter.y_label = evil;
    scatter.quadrants[0] = scatter.points[0].label = evil;
    scatter.groups = {evil, evil};
    HeatMap heat = coverage_map();
    heat.title = heat.description = heat.row_label = heat.column_label = evil;
    heat.rows[0] = heat.columns[0] = evil;
    BeforeAfterChart ba = pilot_chart();
    ba.title = ba.description = ba.axis_label = ba.before_name = ba.after_name = evil;
    ba.rows[0].label = ba.rows[0].note = evil;
    for (const std::string& svg :
         {scatter_chart(scatter), heat_map(heat), before_after_chart(ba)}) {
        parse(svg);
        CHECK_FALSE(contains(svg, "<script"));
        CHECK_FALSE(contains(svg, "\x1b"));
        CHECK_FALSE(contains(svg, "\xff"));
        CHECK(
            contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"));
    }
}

TEST_CASE("ids come from the title or the id field and are safe", "[svg]") {
    ScatterChart chart = ipa_chart(1);
    chart.title = "2. Kano: Better/Worse — \"ünïcode\"";
    CHECK(contains(scatter_chart(chart),
                   "aria-labelledby=\"chart-2-kano-better-worse-n-code-title "));
    chart.id = "kano <b>";
    CHECK(contains(scatter_chart(chart), "<title id=\"kano-b-title\">"));
    chart.id = chart.title = "";
    CHECK(contains(scatter_chart(chart), "<title id=\"chart-title\">Scatter chart</title>"));
    // The four charts of a report do not share an id.
    std::set<std::string> ids;
    for (const std::string& svg : {scatter_chart(ipa_chart(5)), scatter_chart(kano_chart()),
                                   heat_map(coverage_map()), before_after_chart(pilot_chart())})
        for (const Tag& tag : parse(svg))
            if (tag.attrs.count("id")) CHECK(ids.insert(tag.attrs.at("id")).second);
    CHECK(ids.size() == 8);
}

TEST_CASE("empty charts are valid and say there is no data", "[svg]") {
    ScatterChart scatter;
    scatter.title = "IPA";
    HeatMap heat;
    heat.title = "Coverage";
    heat.rows = {"website"}; // rows but no columns is empty too
    BeforeAfterChart ba;
    ba.title = "Pilot";
    for (const std::string& svg :
         {scatter_chart(scatter), heat_map(heat), before_after_chart(ba)}) {
        const std::vector<Tag> tags = parse(svg);
        CHECK(tags.front().attrs.at("role") == "img");
        CHECK(element_with(svg, tags, "text", "no data") != nullptr);
        CHECK(element_with(svg, tags, "desc", ": ") != nullptr); // a description by default
        check_numbers(tags);
    }
}

TEST_CASE("NaN and infinity are missing values, never printed", "[svg]") {
    ScatterChart scatter = ipa_chart(3);
    scatter.points.push_back({"not-a-number", not_a_number, 3, 0});
    scatter.points.push_back({"infinite", 3, inf, 0});
    scatter.x_min = not_a_number;
    scatter.y_max = -inf;
    scatter.x_cross = not_a_number;
    HeatMap heat = coverage_map();
    heat.values[0][0] = not_a_number;
    heat.values[1][1] = inf;
    heat.values[2].pop_back(); // a short row: its last cell is missing
    BeforeAfterChart ba = pilot_chart();
    ba.rows[0].before = not_a_number;
    ba.rows[1].after_high = inf;
    ba.rows[2].before_low = std::nullopt;
    ba.max = not_a_number;
    for (const std::string& svg :
         {scatter_chart(scatter), heat_map(heat), before_after_chart(ba)}) {
        const std::vector<Tag> tags = parse(svg);
        check_numbers(tags);
        const std::regex undefined("\\b(nan|inf|infinity)\\b", std::regex::icase);
        CHECK_FALSE(std::regex_search(svg, undefined));
    }
    CHECK_FALSE(contains(scatter_chart(scatter), "not-a-number"));
    // Only NaN points: nothing to draw.
    scatter.points = {{"a", not_a_number, not_a_number, 0}};
    CHECK(contains(scatter_chart(scatter), ">no data</text>"));
}

TEST_CASE("a heat map shades counts, writes them and outlines zeros", "[svg]") {
    HeatMap heat;
    heat.title = "Coverage";
    heat.row_label = "Touchpoint";
    heat.column_label = "Function";
    heat.rows = {"billing", "onboarding"};
    heat.columns = {"finance", "solution-design-delivery"};
    heat.values = {{0, 2}, {8, 1}};
    const std::string svg = heat_map(heat);
    CHECK(svg == heat_map(heat));
    const std::vector<Tag> tags = parse(svg);
    check_numbers(tags);
    for (const char* text : {"Touchpoint", "Function", "billing", "solution-design-delivery"})
        CHECK(element_with(svg, tags, "text", text) != nullptr);
    const Tag* zero = element_with(svg, tags, "rect", "billing × finance: 0");
    const Tag* max = element_with(svg, tags, "rect", "onboarding × finance: 8");
    const Tag* low = element_with(svg, tags, "rect", "onboarding × solution-design-delivery: 1");
    REQUIRE(zero != nullptr);
    REQUIRE(max != nullptr);
    REQUIRE(low != nullptr);
    CHECK(zero->attrs.at("fill") == "#FFFFFF");
    CHECK(zero->attrs.count("stroke") == 1);
    CHECK(max->attrs.at("fill") == "#08306B"); // the darkest blue
    CHECK(low->attrs.at("fill") != "#FFFFFF");
    // Contrast: white numbers on the dark cell, dark ones on the light cell; no "0" drawn.
    CHECK(contains(svg, "fill=\"#FFFFFF\">8</text>"));
    CHECK(contains(svg, "fill=\"#222222\">1</text>"));
    std::size_t zeros = 0; // the zero cell has no number: the only "0" is the scale's
    for (std::size_t at = svg.find(">0</text>"); at != std::string::npos;
         at = svg.find(">0</text>", at + 1))
        ++zeros;
    CHECK(zeros == 1);
    CHECK(contains(svg, "rotate(-45 "));
}

TEST_CASE("a before/after chart draws estimates, intervals, notes and a legend", "[svg]") {
    BeforeAfterChart ba;
    ba.title = "Pilot";
    ba.axis_label = "Mean answer (1–5), 95 % CI";
    ba.min = 1, ba.max = 5;
    ba.rows = {{"invoice-clarity", 3.1, 3.9, 2.8, 3.4, 3.6, 4.2, "improved"},
               {"response-time", std::nullopt, 3.0, std::nullopt, std::nullopt, 2.5, 3.5, "new"}};
    const std::string svg = before_after_chart(ba);
    CHECK(svg == before_after_chart(ba));
    const std::vector<Tag> tags = parse(svg);
    check_numbers(tags);
    for (const char* text : {"invoice-clarity", "improved", "new", "before", "after", "5.0",
                             "Mean answer (1–5), 95 % CI"})
        CHECK(element_with(svg, tags, "text", text) != nullptr);
    const Tag* before =
        element_with(svg, tags, "circle", "invoice-clarity: before 3.10 [2.80, 3.40]");
    const Tag* after =
        element_with(svg, tags, "circle", "invoice-clarity: after 3.90 [3.60, 4.20]");
    REQUIRE(before != nullptr);
    REQUIRE(after != nullptr);
    CHECK(before->attrs.at("fill") == "#FFFFFF"); // hollow
    CHECK(after->attrs.at("fill") == "#D55E00");  // filled
    CHECK(std::stod(after->attrs.at("cx")) > std::stod(before->attrs.at("cx")));
    CHECK_FALSE(contains(svg, "response-time: before"));
    CHECK(contains(svg, "response-time: after 3.00 [2.50, 3.50]"));
}

TEST_CASE("standalone adds the XML declaration", "[svg]") {
    const std::string svg = heat_map(coverage_map());
    const std::string file = standalone(svg);
    CHECK(file == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg);
    CHECK(xml_problem(file) == "");
}

// Writes the four charts of a report for tests/report/check_svg.py (an independent XML parser)
// and for eyes: DELIGHT_SVG_DIR, else <temp>/delight-svg.
TEST_CASE("the four report charts are written for check_svg.py", "[svg]") {
    const char* env = std::getenv("DELIGHT_SVG_DIR");
    const std::filesystem::path dir = env != nullptr
                                          ? std::filesystem::path(env)
                                          : std::filesystem::temp_directory_path() / "delight-svg";
    std::filesystem::create_directories(dir);
    const std::map<std::string, std::string> charts = {
        {"ipa.svg", scatter_chart(ipa_chart(60))},
        {"kano.svg", scatter_chart(kano_chart())},
        {"coverage.svg", heat_map(coverage_map())},
        {"pilot.svg", before_after_chart(pilot_chart())}};
    for (const auto& [name, svg] : charts) {
        CHECK(xml_problem(standalone(svg)) == "");
        std::ofstream(dir / name, std::ios::binary) << standalone(svg);
        CHECK(std::filesystem::file_size(dir / name) == standalone(svg).size());
    }
}
