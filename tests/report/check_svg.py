#!/usr/bin/env python3
"""Checks delight's charts with an independent XML parser (Python's standard library only).

Usage: check_svg.py FILE...

Each FILE is an .svg file, or an .html file from which every <svg ...>...</svg> part is taken.
Every SVG must parse as XML and: have an <svg> root in the SVG namespace with role="img"; a
non-empty <title> and <desc> as children of the root, which aria-labelledby (when present)
names by id; no <script> or <foreignObject>; no event attribute (on...); no href or xlink:href
other than a local "#id"; no @import or url(...) other than url(#id) in <style> or style="".
Ids must be unique within a file. An HTML file must moreover hold no <script, no <iframe,
<object or <embed, no src or href to another host (http:, https: or //...), and no @import or
external url(...) in its CSS (<style> blocks and style="" attributes).

Prints every problem as FILE: message and exits 1 when there is any, 2 on usage errors, else
prints nothing and exits 0.
"""

import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

SVG_PART = re.compile(r"<svg[\s>].*?</svg\s*>", re.IGNORECASE | re.DOTALL)
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
# Attributes are looked for inside tags only: project text is escaped, so it holds no '<'.
STYLE_ATTR = re.compile(r"""<[^>]*\sstyle\s*=\s*("[^"]*"|'[^']*')""", re.IGNORECASE)
EXTERNAL_LINK = re.compile(
    r"""<[^>]*\s(?:src|href|srcset|action|data|poster)\s*=\s*["']?\s*(?:https?:|//)""", re.IGNORECASE)
EVENT_ATTR = re.compile(r"""<[^>]*\son\w+\s*=""", re.IGNORECASE)
# In CSS, only a reference to an element of the same document is allowed: url(#id).
EXTERNAL_CSS = re.compile(r"""@import|url\(\s*(?!["']?#)""", re.IGNORECASE)


def local(name):
    """An element or attribute name without its {namespace}."""
    return name.rsplit("}", 1)[-1]


def check_css(css, where, problems):
    if EXTERNAL_CSS.search(css):
        problems.append(f"{where}: CSS loads something (@import or url(...))")


def check_svg(text, where):
    """Problems of one SVG document (as text), and the ids it defines."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"{where}: not well-formed XML: {error}"], {}
    problems = []
    if root.tag != SVG_NS + "svg":
        problems.append(f"{where}: root is {root.tag!r}, not svg in the SVG namespace")
    if root.get("role") != "img":
        problems.append(f'{where}: root lacks role="img"')
    for name in ("title", "desc"):
        child = root.find(SVG_NS + name)
        if child is None or not "".join(child.itertext()).strip():
            problems.append(f"{where}: no non-empty <{name}> child of the root")
    ids = {}
    for element in root.iter():
        element_id = element.get("id")
        if element_id is not None:
            ids[element_id] = ids.get(element_id, 0) + 1
        tag = local(element.tag)
        if tag.lower() in ("script", "foreignobject"):
            problems.append(f"{where}: has a <{tag}> element")
        if tag == "style":
            check_css("".join(element.itertext()), f"{where}: <style>", problems)
        for attribute, value in element.attrib.items():
            name = local(attribute)
            if name.lower().startswith("on"):
                problems.append(f"{where}: <{tag}> has an event attribute {name}")
            if (name == "href" or attribute == XLINK_HREF) and not value.startswith("#"):
                problems.append(f"{where}: <{tag}> links to {value!r}")
            if name == "style":
                check_css(value, f"{where}: <{tag} style>", problems)
    for element_id, count in sorted(ids.items()):
        if count > 1:
            problems.append(f"{where}: id {element_id!r} is used {count} times")
    for label in (root.get("aria-labelledby") or "").split():
        if label not in ids:
            problems.append(f"{where}: aria-labelledby names {label!r}, which is no id")
    return problems, ids


def check_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        return [f"{path}: cannot read as UTF-8: {error}"]
    if not path.lower().endswith((".html", ".htm")):
        return check_svg(text, path)[0]

    problems = []
    parts = SVG_PART.findall(text)
    if "<svg" in text.lower() and not parts:
        problems.append(f"{path}: an <svg> is not closed")
    seen = {}
    for number, part in enumerate(parts, 1):
        where = f"{path}: svg #{number}"
        svg_problems, ids = check_svg(part, where)
        problems += svg_problems
        for element_id in ids:
            if element_id in seen:
                problems.append(f"{where}: id {element_id!r} is also used in svg #{seen[element_id]}")
            seen.setdefault(element_id, number)
    # Outside the SVG parts, the page itself: no scripts, frames or anything fetched.
    page = SVG_PART.sub("", text)
    for element in ("script", "iframe", "object", "embed"):
        if re.search(rf"<{element}[\s>/]", page, re.IGNORECASE):
            problems.append(f"{path}: has a <{element}> element")
    if EXTERNAL_LINK.search(text):
        problems.append(f"{path}: a src or href points to another host")
    for css in STYLE_BLOCK.findall(text):
        check_css(css, f"{path}: <style>", problems)
    for css in STYLE_ATTR.findall(text):
        check_css(css, f"{path}: style attribute", problems)
    if EVENT_ATTR.search(page):
        problems.append(f"{path}: has an event attribute (on...)")
    return problems


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = []
    for path in argv[1:]:
        problems += check_file(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
