// Markdown through cmark-gfm (GitHub's own CommonMark parser): the project's narrative made
// safe for the report, and the report's Markdown turned into HTML. Parsing Markdown is not
// ours to write; what we add is the policy of what may pass (see render_report.hpp).
#include "delight/render_report.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace delight::render {
namespace {

struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

/// The GFM extensions a GitHub job summary understands and our output uses.
constexpr const char* extension_names[] = {"table", "strikethrough", "autolink", "tagfilter"};

NodePtr parse(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char* name : extension_names)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return NodePtr(cmark_parser_finish(parser.get()));
}

std::string take(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

/// A destination a reader may follow: web and mail links, and links within the document.
/// Everything else (javascript:, data:, file:, vbscript:, …) is dropped.
bool safe_url(std::string_view url) {
    std::size_t colon = url.find(':');
    std::size_t stop = url.find_first_of("/?#");
    if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon))
        return true; // no scheme: a relative link or an anchor
    std::string scheme;
    for (char c : url.substr(0, colon))
        scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

cmark_node* text_node(const char* literal) {
    cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(t, literal ? literal : "");
    return t;
}

/// Moves a node's children in front of it and removes it (a link without its destination).
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) {
        cmark_node_unlink(child);
        cmark_node_insert_before(node, child);
    }
    cmark_node_unlink(node);
    cmark_node_free(node);
}

/// Makes a parsed narrative safe (see safe_markdown). Nodes are collected first: the tree
/// must not change under the iterator.
void sanitize(cmark_node* root, int top_level) {
    std::vector<cmark_node*> nodes;
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
        if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(it));
    cmark_iter_free(it);
    int highest = 6;
    for (cmark_node* n : nodes)
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
            highest = std::min(highest, cmark_node_get_heading_level(n));
    const int heading_offset = top_level - highest;
    for (cmark_node* n : nodes) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HTML_BLOCK: {
            std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
            while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r'))
                literal.pop_back();
            cmark_node* p = cmark_node_new(CMARK_NODE_PARAGRAPH);
            cmark_node_append_child(p, text_node(literal.c_str()));
            cmark_node_replace(n, p);
            cmark_node_free(n);
            break;
        }
        case CMARK_NODE_HTML_INLINE: {
            cmark_node* t = text_node(cmark_node_get_literal(n));
            cmark_node_replace(n, t);
            cmark_node_free(n);
            break;
        }
        case CMARK_NODE_IMAGE:
            // The report is self-contained: an image would be fetched from elsewhere. Its alt
            // text stays.
            unwrap(n);
            break;
        case CMARK_NODE_LINK: {
            const char* url = cmark_node_get_url(n);
            if (!safe_url(url ? url : "")) unwrap(n);
            break;
        }
        case CMARK_NODE_HEADING: {
            int level = cmark_node_get_heading_level(n) + heading_offset;
            cmark_node_set_heading_level(n, level > 6 ? 6 : (level < 1 ? 1 : level));
            break;
        }
        default:
            break;
        }
    }
}

} // namespace

std::string safe_markdown(std::string_view markdown, int top_level) {
    NodePtr doc = parse(markdown);
    sanitize(doc.get(), top_level);
    return take(cmark_render_commonmark(doc.get(), CMARK_OPT_DEFAULT, 0));
}

std::string markdown_html(std::string_view markdown) {
    NodePtr doc = parse(markdown);
    // CMARK_OPT_DEFAULT is cmark-gfm's safe mode: raw HTML and unsafe links are not passed
    // through even if some reached this point.
    return take(cmark_render_html(doc.get(), CMARK_OPT_DEFAULT, nullptr));
}

} // namespace delight::render
