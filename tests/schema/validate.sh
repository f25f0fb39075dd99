#!/usr/bin/env bash
# Checks the JSON Schema of delight.yaml (resources/schema.json) with an independent validator
# (Python's jsonschema, draft-07) against the shipped examples, `delight init`'s output and
# hand-written documents that must pass or must fail. See docs/file-format.md.
#
# usage: tests/schema/validate.sh DELIGHT_BINARY REPO_ROOT
#   (a) `DELIGHT_BINARY schema` prints resources/schema.json byte for byte;
#   (b) the schema is valid draft-07, pretty-printed, and documents every key;
#   (c) every examples/*/delight.yaml and the YAML list files it points at validate, and a copy
#       with an unknown key does not;
#   (d) `DELIGHT_BINARY init DIR` writes a delight.yaml that validates (skipped, and said, while
#       `init` is not implemented);
#   (e) hand-written documents: valid ones pass, broken ones fail for the expected reason.
# Exits non-zero on any failure; ends with "schema: N passed, N failed, N skipped".
set -u
if [ $# -ne 2 ]; then
  echo "usage: $0 DELIGHT_BINARY REPO_ROOT" >&2
  exit 2
fi

# The first python3 that has both modules: PATH's, else Debian's (python3-jsonschema, python3-yaml).
py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
    "$candidate" -c 'import jsonschema, yaml' >/dev/null 2>&1; then
    py=$candidate
    break
  fi
done
if [ -z "$py" ]; then
  echo "schema: FAIL: no python3 with the jsonschema and yaml modules" \
    "(scripts/install-deps installs python3-jsonschema and python3-yaml)" >&2
  exit 1
fi

exec "$py" - "$1" "$2" <<'PYTHON'
import csv
import glob
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import warnings

import jsonschema
import yaml

warnings.simplefilter("ignore", DeprecationWarning)

BINARY, ROOT = sys.argv[1], os.path.abspath(sys.argv[2])
SCHEMA_PATH = os.path.join(ROOT, "resources", "schema.json")
YAML_LIMIT = 8 << 20  # docs/file-format.md: YAML files up to 8 MiB
NESTING_LIMIT = 64
counts = {"passed": 0, "failed": 0, "skipped": 0}


def ok(msg):
    counts["passed"] += 1
    print(f"ok:   {msg}")


def fail(msg, details=()):
    counts["failed"] += 1
    print(f"FAIL: {msg}")
    for line in details:
        print(f"        {line}")


def skip(msg):
    counts["skipped"] += 1
    print(f"skip: {msg}")


# ---------------------------------------------------------------------------------------------
# YAML as delight reads it (PRODUCT.md §3.8): only plain scalars of the YAML 1.2 core schema
# become null/bool/numbers, integers are decimal only (0x1F stays a string), so `yes`, "5" and
# 2027-01-04 are strings; no anchors, aliases, merge keys, duplicate keys or second document.
# PyYAML alone implements YAML 1.1 (yes -> true, dates -> datetime), hence this loader.
class InputError(Exception):
    pass


class Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = {}
    depth = 0


def _resolver(tag, pattern, first):
    Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))


_resolver("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("int", r"^[-+]?[0-9]+$", "-+0123456789")
_resolver(
    "float",
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)
Loader.add_constructor("tag:yaml.org,2002:int", lambda l, n: int(l.construct_scalar(n), 10))
Loader.add_constructor("tag:yaml.org,2002:bool", lambda l, n: l.construct_scalar(n) in ("true", "True", "TRUE"))


def _float(loader, node):
    text = loader.construct_scalar(node)
    low = text.lower()
    if low.endswith(".inf"):
        return -math.inf if low.startswith("-") else math.inf
    if low == ".nan":
        return math.nan
    return float(text)


Loader.add_constructor("tag:yaml.org,2002:float", _float)


def _where(mark):
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _compose_node(self, parent, index):
    event = self.peek_event()
    if isinstance(event, yaml.AliasEvent):
        raise InputError(f"alias at {_where(event.start_mark)}: anchors and aliases are not allowed")
    if getattr(event, "anchor", None):
        raise InputError(f"anchor at {_where(event.start_mark)}: anchors and aliases are not allowed")
    nested = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
    if nested:
        self.depth += 1
        if self.depth > NESTING_LIMIT:
            raise InputError(f"nesting deeper than {NESTING_LIMIT} at {_where(event.start_mark)}")
    try:
        return yaml.SafeLoader.compose_node(self, parent, index)
    finally:
        if nested:
            self.depth -= 1


def _construct_mapping(self, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = self.construct_object(key_node, deep=True)
        if key == "<<" and key_node.style is None:
            raise InputError(f"merge key at {_where(key_node.start_mark)}: merge keys are not allowed")
        if key in seen:
            raise InputError(
                f"duplicate key {key!r} at {_where(key_node.start_mark)} "
                f"(first at {_where(seen[key].start_mark)})"
            )
        seen[key] = key_node
    return yaml.SafeLoader.construct_mapping(self, node, deep)


Loader.compose_node = _compose_node
Loader.construct_mapping = _construct_mapping


def to_json(value, where="$"):
    """The YAML data as JSON would hold it; non-finite numbers are refused like delight does."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            key = k if isinstance(k, str) else json.dumps(k)  # 5 -> "5", true -> "true"
            out[key] = to_json(v, f"{where}.{key}")
        return out
    if isinstance(value, list):
        return [to_json(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{where}: {value} is not a finite number")
    return value


def load_yaml_text(text, name="<text>"):
    if "\0" in text:
        raise InputError(f"{name}: NUL byte")
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return to_json(yaml.load(text, Loader=Loader))
    except yaml.YAMLError as e:
        raise InputError(f"{name}: {str(e).splitlines()[0]} {getattr(e, 'problem_mark', '') or ''}".strip())


def load_yaml_file(path):
    size = os.path.getsize(path)
    if size > YAML_LIMIT:
        raise InputError(f"{path}: {size} bytes is over the 8 MiB limit")
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 ({e})")
    return load_yaml_text(text, path)


# ---------------------------------------------------------------------------------------------
# A draft-07 validator whose `pattern` follows ECMA 262 as JSON Schema says: `$` is the end of
# the string (Python's `$` also matches before a final newline, which would let "a\n" through).
def _ecma_pattern(p):
    out, i, in_class = [], 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            out.append(p[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "$":
            c = r"\Z"
        out.append(c)
        i += 1
    return re.compile("".join(out))


_patterns = {}


def _pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if pattern not in _patterns:
        _patterns[pattern] = _ecma_pattern(pattern)
    if not _patterns[pattern].search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _pattern})


def flat_errors(errors):
    for e in errors:
        yield e
        yield from flat_errors(e.context or ())


def path_of(error):
    return "/".join(str(p) for p in error.absolute_path)


def describe(errors, limit=6):
    lines = []
    for e in sorted(errors, key=lambda e: (path_of(e), e.message))[:limit]:
        best = jsonschema.exceptions.best_match([e])
        lines.append(f"at /{path_of(best)}: {best.message[:160]}")
    return lines


def validator_for(schema, definition=None):
    if definition is None:
        return Validator(schema)
    if definition not in schema.get("definitions", {}):
        raise KeyError(f"the schema has no definitions/{definition}")
    return Validator({"$id": schema.get("$id", ""), "definitions": schema["definitions"],
                      "allOf": [{"$ref": f"#/definitions/{definition}"}]})


# ---------------------------------------------------------------------------------------------
LIST_SECTIONS = {"expectations": "expectation", "accounts": "account", "evidence": "evidence",
                 "prompts": "prompt"}
# CSV columns for map-valued keys (docs/file-format.md, "CSV list files").
CSV_MAP_COLUMNS = {"competitors": "competitor.", "ability": "ability."}


def csv_header_problems(schema, item, path):
    """The CSV's header against the item definition: unknown or missing columns."""
    with open(path, "rb") as f:
        first = f.read(1 << 20).decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(first)))
    if not rows:
        return ["empty CSV file (a header row is required)"]
    header = [c.strip() for c in rows[0]]
    definition = schema["definitions"][item]
    props = definition["properties"]
    problems = []
    for col in header:
        prefix = next((p for k, p in CSV_MAP_COLUMNS.items() if k in props and col.startswith(p)), None)
        if prefix is not None:
            sub = props[[k for k, p in CSV_MAP_COLUMNS.items() if p == prefix][0]]
            key = col[len(prefix):]
            allowed = sub.get("properties")
            if allowed is not None and key not in allowed:
                problems.append(f"unknown column {col!r}")
            elif allowed is None and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
                problems.append(f"column {col!r}: {key!r} is not an id")
        elif col not in props or col in CSV_MAP_COLUMNS:
            problems.append(f"unknown column {col!r}")
    if len(set(header)) != len(header):
        problems.append("duplicate column names")
    for req in definition.get("required", []):
        if req not in header:
            problems.append(f"missing required column {req!r}")
    return problems


def validate_project(schema, yaml_path, label):
    """Validates a delight.yaml and the YAML/CSV list files its list sections name."""
    try:
        doc = load_yaml_file(yaml_path)
    except InputError as e:
        fail(f"{label}: cannot be read as delight reads YAML", [str(e)])
        return None
    errors = list(validator_for(schema).iter_errors(doc))
    if errors:
        fail(f"{label}: does not validate", describe(errors))
        return doc
    ok(f"{label}: validates")
    project_dir = os.path.dirname(os.path.abspath(yaml_path))
    for section, item in LIST_SECTIONS.items():
        value = doc.get(section)
        if isinstance(value, str):
            value = [value]
        if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            continue
        for pattern in value:
            matches = sorted(glob.glob(os.path.join(project_dir, pattern), recursive=True))
            if not matches:
                fail(f"{label}: {section}: {pattern!r} matches no file")
                continue
            for path in matches:
                rel = os.path.relpath(path, project_dir)
                name = f"{label}: {section} file {rel}"
                if not os.path.realpath(path).startswith(os.path.realpath(project_dir) + os.sep):
                    fail(f"{name}: outside the project directory")
                elif path.lower().endswith(".csv"):
                    problems = csv_header_problems(schema, item, path)
                    if problems:
                        fail(f"{name}: CSV header", problems)
                    else:
                        ok(f"{name}: CSV header columns are {item} keys (cells: delight check)")
                else:
                    try:
                        data = load_yaml_file(path)
                    except InputError as e:
                        fail(f"{name}: cannot be read as delight reads YAML", [str(e)])
                        continue
                    if data is None:  # an empty file (or only comments) is an empty list
                        data = []
                    errs = list(validator_for(schema, item + "List").iter_errors(data))
                    if errs:
                        fail(f"{name}: does not validate against definitions/{item}List", describe(errs))
                    else:
                        ok(f"{name}: validates against definitions/{item}List")
    return doc


def expect_invalid(schema, doc, label, path=None, definition=None):
    """doc must fail; with path, some error (or nested oneOf error) must sit at that path."""
    errors = list(validator_for(schema, definition).iter_errors(doc))
    if not errors:
        fail(f"{label}: was accepted but must be rejected")
        return
    paths = {path_of(e) for e in flat_errors(errors)}
    if path is not None and path not in paths:
        fail(f"{label}: rejected, but not at /{path}", describe(errors))
        return
    ok(f"{label}: rejected ({describe(errors, 1)[0]})")


def expect_valid(schema, doc, label, definition=None):
    errors = list(validator_for(schema, definition).iter_errors(doc))
    if errors:
        fail(f"{label}: must validate", describe(errors))
    else:
        ok(f"{label}: validates")


# ---------------------------------------------------------------------------------------------
def check_schema_command():
    print("== (a) `delight schema` prints resources/schema.json")
    try:
        with open(SCHEMA_PATH, "rb") as f:
            expected = f.read()
    except OSError as e:
        fail(f"cannot read {SCHEMA_PATH}: {e}")
        return
    try:
        run = subprocess.run([BINARY, "schema"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail(f"cannot run {BINARY} schema: {e}")
        return
    if run.returncode != 0:
        fail(f"`delight schema` exited {run.returncode}", run.stderr.decode(errors="replace").splitlines()[:3])
    elif run.stdout != expected:
        at = next((i for i, (a, b) in enumerate(zip(run.stdout, expected)) if a != b),
                  min(len(run.stdout), len(expected)))
        fail("`delight schema` differs from resources/schema.json",
             [f"first difference at byte {at} (printed {len(run.stdout)} bytes, file has {len(expected)})"])
    else:
        ok(f"`delight schema` prints resources/schema.json byte for byte ({len(expected)} bytes)")


REQUIRED_DEFINITIONS = [
    "id", "text", "scaleValue", "expectation", "account", "evidence", "prompt", "listSection",
    "surveyQuestion", "survey", "priority", "plan", "report",
    "expectationList", "accountList", "evidenceList", "promptList",
]


def walk_schemas(node, where):
    if isinstance(node, dict):
        yield where, node
        for k, v in node.items():
            if k in ("properties", "definitions", "patternProperties"):
                for name, sub in v.items():
                    yield from walk_schemas(sub, f"{where}/{k}/{name}")
            elif k in ("items", "additionalProperties", "propertyNames", "not", "if", "then", "else") and isinstance(v, dict):
                yield from walk_schemas(v, f"{where}/{k}")
            elif k in ("oneOf", "anyOf", "allOf", "items") and isinstance(v, list):
                for i, sub in enumerate(v):
                    yield from walk_schemas(sub, f"{where}/{k}/{i}")


def check_schema_file():
    print("== (b) resources/schema.json is valid draft-07, pretty and documented")
    try:
        with open(SCHEMA_PATH, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        schema = json.loads(text)
    except (OSError, ValueError) as e:
        fail(f"resources/schema.json is not readable JSON: {e}")
        return None
    try:
        jsonschema.Draft7Validator.check_schema(schema)
        ok("valid draft-07 (Draft7Validator.check_schema)")
    except jsonschema.SchemaError as e:
        fail("not a valid draft-07 schema", [e.message])
    if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
        fail("$schema is not draft-07")
    pretty = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if text != pretty:
        fail("not in canonical form (2-space indent, UTF-8, one final newline): "
             "rewrite with json.dumps(schema, indent=2, ensure_ascii=False) + '\\n'")
    else:
        ok("canonical form: 2-space indent, ends with one newline")
    missing = [d for d in REQUIRED_DEFINITIONS if d not in schema.get("definitions", {})]
    if missing:
        fail("definitions missing", missing)
    else:
        ok(f"definitions present: {', '.join(REQUIRED_DEFINITIONS)}")
    lint = []
    for where, node in walk_schemas(schema, "#"):
        if "properties" in node:
            if node.get("additionalProperties") is not False:
                lint.append(f"{where}: object without additionalProperties: false")
            for name, sub in node["properties"].items():
                if not sub.get("description"):
                    lint.append(f"{where}/properties/{name}: no description")
        if where.count("/") == 2 and where.startswith("#/definitions/") and not node.get("description"):
            lint.append(f"{where}: no description")
    if lint:
        fail("every key documented and closed", lint[:10])
    else:
        ok("every property has a description; every object has additionalProperties: false")
    return schema


def check_examples(schema):
    print("== (c) examples/*/delight.yaml and their list files")
    found = sorted(glob.glob(os.path.join(ROOT, "examples", "*", "delight.yaml")))
    if not found:
        skip("no examples/*/delight.yaml yet")
        return
    for path in found:
        label = os.path.relpath(path, ROOT)
        doc = validate_project(schema, path, label)
        if isinstance(doc, dict):
            bad = dict(doc, colour="blue")
            expect_invalid(schema, bad, f"{label} plus an unknown top-level key 'colour'", path="")
            if isinstance(doc.get("project"), dict):
                bad = dict(doc, project=dict(doc["project"], colour="blue"))
                expect_invalid(schema, bad, f"{label} plus an unknown key project.colour", path="project")


def check_init(schema, tmp):
    print("== (d) `delight init` writes a valid project")
    target = os.path.join(tmp, "p")
    try:
        run = subprocess.run([BINARY, "init", target], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail(f"cannot run {BINARY} init: {e}")
        return
    err = run.stderr.decode(errors="replace")
    if run.returncode != 0:
        unknown = re.search(r"not (yet )?implemented|unknown|not expected|unrecogni[sz]ed|invalid (sub)?command", err, re.I)
        if "init" in err and unknown:
            skip(f"`delight init` is NOT IMPLEMENTED yet, so its output is not validated "
                 f"(exit {run.returncode}: {err.strip().splitlines()[0] if err.strip() else ''})")
        else:
            fail(f"`delight init {target}` exited {run.returncode}", err.splitlines()[:3])
        return
    path = os.path.join(target, "delight.yaml")
    if not os.path.isfile(path):
        fail(f"`delight init` exited 0 but wrote no {path}")
        return
    validate_project(schema, path, "delight init's delight.yaml")
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    if re.search(r"^#\s*yaml-language-server:\s*\$schema=\S+", head, re.M):
        ok("delight init's delight.yaml has the yaml-language-server modeline")
    else:
        fail("delight init's delight.yaml has no '# yaml-language-server: $schema=...' modeline")


# ---------------------------------------------------------------------------------------------
# Hand-written documents (Fieldwise, a field-service software company).
MINIMAL = """\
version: 1
project: {name: Fieldwise audit}
touchpoints: [onboarding]
functions: [service]
expectations: []
"""

FULL = """\
# yaml-language-server: $schema=delight.schema.json
version: 1
project:
  name: Fieldwise customer-delight audit 2027
  offering: Fieldwise dispatch and mobile work orders
  client: Fieldwise GmbH
  language: en
scale: {min: 1, max: 7}
touchpoints: [sales-demo, onboarding, scheduling, mobile-app, invoicing, support]
functions: [finance, marketing, consulting, solution-design-delivery, sales, service, after-sales-support]
competitors: [dispatchly, crewhub]
expectations:
  - id: invoice-accuracy
    text: Invoices match the work orders that were signed off
    kind: implied
    kano: must-be
    touchpoint: invoicing
    functions: [finance, service]
    importance: 6.5
    delivery: partial
    performance: 4
    adequate: 5
    desired: 6
    competitors: {dispatchly: better, crewhub: equal}
    ability: {budget: 5, technology: 6, personnel: 4, skills: 5}
    effort: 2.5
    reach: 400
    impact: 2
    confidence: 0.8
    after: [offline-mode]
    question: Our invoices are accurate and on time
    source: interview
    retired: false
    notes: "Raised by three dispatch leads: credit notes cost them a day a month."
  - id: offline-mode
    text: Technicians can close work orders without mobile coverage
    kind: latent
    kano: attractive
    touchpoint: mobile-app
    functions: [solution-design-delivery]
    importance: 5
    impact: 0.25
evidence:
  - {expectation: invoice-accuracy, account: "00042", date: 2027-01-12, quote: "We re-check every invoice by hand.", source: interview}
  - {expectation: offline-mode, source: complaint}
accounts:
  - {id: "00042", name: Nordbau Service, segment: mid-market, satisfaction: neutral, nps: 7, revenue: 84000}
  - {id: ACME-7, nps: 10}
prompts:
  - {text: "What do technicians do when the app cannot reach the server?", kind: latent, touchpoint: mobile-app, function: service}
survey:
  waves: [surveys/2027-01.csv, surveys/2027-06.csv]
  wave: null
  id: respondent_id
  account: account
  group: group
  groups: {pilot: pilot, control: control}
  segment: null
  delimiter: "\\t"
  header_rows: 3
  na: ["", "N/A", "Don't know"]
  labels: {"Strongly agree": 7, "7 - Extremely important": 7}
  kano_answers: {"I must be that way": expect}
  max_invalid: 0.1
  questions:
    - {column: q_invoice, expectation: invoice-accuracy, measure: performance, scale: [1, 7], labels: {"Agree": 6}}
    - {column: q_invoice_adequate, expectation: invoice-accuracy, measure: adequate, type: likert}
    - {column: csat}
    - {type: nps, column: nps}
    - {type: kano, functional: k1_f, dysfunctional: k1_d, expectation: offline-mode, answers: {"Love it": like}}
priority:
  method: weighted
  weights: {importance: 0.3, gap: 0.2, kano: 0.15, ability: 0.2, competition: 0.15}
  kano_values: {must-be: 1.0, performance: 0.7, attractive: 0.8, indifferent: 0.1, reverse: 0, unknown: 0.5}
  sensitivity: {draws: 1000, concentration: 50, seed: 7, top_k: 5}
plan:
  start: 2027-03-01
  wave_weeks: 6
  waves: 4
  capacity: {finance: 1.5, service: 3}
  tracks: {basics: 0.6, delight: 0.4}
  pilot:
    size: 9
    mix: {satisfied: 1, neutral: 1, dissatisfied: 1}
    seed: 1
    include: ["00042"]
    exclude: [ACME-7]
  control: true
  overrides:
    - {expectation: invoice-accuracy, wave: 1, owners: [finance], effort: 2, target: 10}
    - {expectation: offline-mode, exclude: true}
report:
  title: Fieldwise — from satisfied to delighted
  narrative: report/narrative.md
  sections: [summary, narrative, coverage, gap, ranking, plan, survey]
"""

EXPECTATIONS_FILE = """\
- id: crew-eta
  text: Customers see when the crew will arrive
  touchpoint: scheduling
  functions: [service]
- {id: first-fix, text: The job is fixed on the first visit, touchpoint: support, functions: [service, after-sales-support], kind: stated}
"""

ACCOUNTS_CSV = """\
id,name,segment,satisfaction,nps,revenue
00042,Nordbau Service,mid-market,neutral,7,84000
ACME-7,,enterprise,,10,
"""


def mutate(text, old, new):
    if old not in text:
        raise AssertionError(f"test bug: {old!r} not in the document")
    return text.replace(old, new, 1)


# (label, YAML text, path where an error must be reported)
NEGATIVE = [
    ("unknown top-level key", FULL + "colour: blue\n", ""),
    ("wrong enum: kind: hidden", mutate(FULL, "kind: implied", "kind: hidden"), "expectations/0/kind"),
    ("wrong enum: delivery: meets", mutate(FULL, "delivery: partial", "delivery: meets"), "expectations/0/delivery"),
    ("account nps: 11", mutate(FULL, "nps: 10", "nps: 11"), "accounts/1/nps"),
    ("account nps: 7.5", mutate(FULL, "nps: 7,", "nps: 7.5,"), "accounts/0/nps"),
    ("extra key in a Likert question", mutate(FULL, "{column: csat}", "{column: csat, weight: 2}"), "survey/questions/2"),
    ("extra key in an NPS question", mutate(FULL, "{type: nps, column: nps}", "{type: nps, column: nps, scale: [0, 10]}"), "survey/questions/3"),
    ("Kano question without expectation", mutate(FULL, "dysfunctional: k1_d, expectation: offline-mode,", "dysfunctional: k1_d,"), "survey/questions/4"),
    ("unknown question type", mutate(FULL, "{type: nps, column: nps}", "{type: matrix, column: nps}"), "survey/questions/3"),
    ("survey with an empty question list", FULL.split("  questions:\n")[0] + "  questions: []\n", "survey/questions"),
    ("survey without questions", FULL.split("  questions:\n")[0], "survey"),
    ("text spanning two lines (block scalar)", mutate(FULL, "text: Invoices match the work orders that were signed off",
                                                      "text: |\n      Invoices match the work orders that were signed off"), "expectations/0/text"),
    ("notes over 2000 characters", mutate(FULL, "notes: \"Raised", "notes: \"" + "x" * 2000 + " Raised"), "expectations/0/notes"),
    ("version: \"1\" (a string)", mutate(FULL, "version: 1", 'version: "1"'), "version"),
    ("version: 2", mutate(FULL, "version: 1", "version: 2"), "version"),
    ("reach: 0x1F (not an integer)", mutate(FULL, "reach: 400", "reach: 0x1F"), "expectations/0/reach"),
    ("retired: yes (a string, not a boolean)", mutate(FULL, "retired: false", "retired: yes"), "expectations/0/retired"),
    ("importance: \"5\" (a string)", mutate(FULL, "importance: 5\n", "importance: \"5\"\n"), "expectations/1/importance"),
    ("impact: 1.5 (not 0.25/0.5/1/2/3)", mutate(FULL, "impact: 2", "impact: 1.5"), "expectations/0/impact"),
    ("confidence: 1.2", mutate(FULL, "confidence: 0.8", "confidence: 1.2"), "expectations/0/confidence"),
    ("effort: 0", mutate(FULL, "effort: 2.5", "effort: 0"), "expectations/0/effort"),
    ("competitor position 'ahead'", mutate(FULL, "dispatchly: better", "dispatchly: ahead"), "expectations/0/competitors/dispatchly"),
    ("ability factor 'money'", mutate(FULL, "budget: 5,", "money: 5,"), "expectations/0/ability"),
    ("functions: [] (needs one)", mutate(FULL, "functions: [solution-design-delivery]", "functions: []"), "expectations/1/functions"),
    ("expectation without touchpoint", mutate(FULL, "    touchpoint: mobile-app\n", ""), "expectations/1"),
    ("id with capitals: Invoicing", mutate(FULL, "invoicing, support]", "Invoicing, support]"), "touchpoints/4"),
    ("duplicate touchpoint", mutate(FULL, "[sales-demo, onboarding,", "[sales-demo, sales-demo,"), "touchpoints"),
    ("date 2027-1-12", mutate(FULL, "date: 2027-01-12", "date: 2027-1-12"), "evidence/0/date"),
    ("evidence source 'email'", mutate(FULL, "source: complaint", "source: email"), "evidence/1/source"),
    ("account id as a plain number", mutate(FULL, 'id: "00042"', "id: 42"), "accounts/0/id"),
    ("project without name", mutate(FULL, "  name: Fieldwise customer-delight audit 2027\n", ""), "project"),
    ("scale.min as a float", mutate(FULL, "scale: {min: 1,", "scale: {min: 1.5,"), "scale/min"),
    ("delimiter '|'", mutate(FULL, 'delimiter: "\\t"', 'delimiter: "|"'), "survey/delimiter"),
    ("header_rows: 0", mutate(FULL, "header_rows: 3", "header_rows: 0"), "survey/header_rows"),
    ("max_invalid: 2", mutate(FULL, "max_invalid: 0.1", "max_invalid: 2"), "survey/max_invalid"),
    ("kano answer 'love'", mutate(FULL, '{"Love it": like}', '{"Love it": love}'), "survey/questions/4/answers/Love it"),
    ("priority method 'ahp'", mutate(FULL, "method: weighted", "method: ahp"), "priority/method"),
    ("negative weight", mutate(FULL, "weights: {importance: 0.3", "weights: {importance: -0.3"), "priority/weights/importance"),
    ("kano value 1.5", mutate(FULL, "must-be: 1.0", "must-be: 1.5"), "priority/kano_values/must-be"),
    ("sensitivity draws: 0", mutate(FULL, "draws: 1000", "draws: 0"), "priority/sensitivity/draws"),
    ("plan start 1 March 2027", mutate(FULL, "start: 2027-03-01", "start: 1 March 2027"), "plan/start"),
    ("capacity 0 for a function", mutate(FULL, "capacity: {finance: 1.5,", "capacity: {finance: 0,"), "plan/capacity"),
    ("override without expectation", mutate(FULL, "- {expectation: offline-mode, exclude: true}", "- {exclude: true}"), "plan/overrides/1"),
    ("override target: 150 points", mutate(FULL, "target: 10", "target: 150"), "plan/overrides/0/target"),
    ("override wave: 0", mutate(FULL, "wave: 1, owners", "wave: 0, owners"), "plan/overrides/0/wave"),
    ("pilot mix with key 'happy'", mutate(FULL, "mix: {satisfied: 1,", "mix: {happy: 1,"), "plan/pilot/mix"),
    ("report section 'appendix'", mutate(FULL, "plan, survey]", "plan, appendix]"), "report/sections/6"),
    ("list section mixing a path and a mapping", MINIMAL.replace("expectations: []", "expectations:\n  - lists/a.yaml\n  - {id: a, text: A, touchpoint: onboarding, functions: [service]}"), "expectations"),
    ("list section path outside the project (..)", MINIMAL.replace("expectations: []", "expectations: ../shared/expectations.yaml"), "expectations"),
    ("list section absolute path", MINIMAL.replace("expectations: []", "expectations: /etc/expectations.yaml"), "expectations"),
    ("list section file neither .yaml/.yml nor .csv", MINIMAL.replace("expectations: []", "expectations: lists/expectations.xlsx"), "expectations"),
    ("missing expectations", MINIMAL.replace("expectations: []\n", ""), ""),
]

# Texts delight's YAML reader must refuse before any schema check (§3.8).
UNREADABLE = [
    ("duplicate key", MINIMAL + "touchpoints: [support]\n"),
    ("anchor and alias", MINIMAL.replace("touchpoints: [onboarding]", "touchpoints: &tp [onboarding]") + "competitors: *tp\n"),
    ("merge key", MINIMAL.replace("project: {name: Fieldwise audit}", "project:\n  <<: {name: Fieldwise audit}")),
    ("two documents", MINIMAL + "---\nversion: 1\n"),
    ("tab indentation", "version: 1\nproject:\n\tname: Fieldwise\n"),
    ("non-finite number", MINIMAL.replace("expectations: []", "expectations: []\nscale: {min: 1, max: .inf}")),
]


def check_documents(schema, tmp):
    print("== (e) hand-written documents")
    try:
        minimal = load_yaml_text(MINIMAL, "minimal")
        full = load_yaml_text(FULL, "full")
    except InputError as e:
        fail("test documents cannot be read", [str(e)])
        return
    expect_valid(schema, minimal, "minimal project (version, project.name, touchpoints, functions, expectations: [])")
    expect_valid(schema, full, "Fieldwise project using every key")
    # YAML 1.2 core schema as in §3.8: a plain date is a string, "00042" keeps its zeros.
    if full["plan"]["start"] == "2027-03-01" and full["accounts"][0]["id"] == "00042":
        ok("plain 2027-03-01 is read as a string; quoted \"00042\" keeps its zeros")
    else:
        fail("YAML loader does not follow the YAML 1.2 core schema", [repr(full["plan"]["start"])])

    # A project whose lists live in files: YAML (glob) and CSV.
    project = os.path.join(tmp, "files")
    os.makedirs(os.path.join(project, "catalogue"))
    with open(os.path.join(project, "delight.yaml"), "w") as f:
        f.write(MINIMAL.replace("touchpoints: [onboarding]", "touchpoints: [scheduling, support]")
                .replace("expectations: []", "expectations: catalogue/*.yaml\naccounts: [accounts.csv]"))
    with open(os.path.join(project, "catalogue", "field.yaml"), "w") as f:
        f.write(EXPECTATIONS_FILE)
    with open(os.path.join(project, "accounts.csv"), "w") as f:
        f.write(ACCOUNTS_CSV)
    with open(os.path.join(project, "catalogue", "later.yaml"), "w") as f:
        f.write("# nothing yet: an empty list file is an empty list\n")
    validate_project(schema, os.path.join(project, "delight.yaml"), "project with a glob and a CSV")

    expectations = load_yaml_text(EXPECTATIONS_FILE)
    expect_valid(schema, expectations, "a bare expectations list file", definition="expectationList")
    expect_valid(schema, [], "an empty list file", definition="accountList")
    expect_invalid(schema, [dict(expectations[0], owner="service")], "expectations list file with an unknown key",
                   path="0", definition="expectationList")
    expect_invalid(schema, {"expectations": expectations}, "a list file holding a mapping, not a bare list",
                   path="", definition="expectationList")
    expect_invalid(schema, [{"expectation": "crew-eta", "source": "email"}], "evidence list file with source 'email'",
                   path="0/source", definition="evidenceList")
    expect_invalid(schema, [{"id": "x", "nps": 11}], "accounts list file with nps 11",
                   path="0/nps", definition="accountList")
    expect_invalid(schema, [{"kind": "latent"}], "prompts list file with a prompt without text",
                   path="0", definition="promptList")

    for label, text, path in NEGATIVE:
        try:
            doc = load_yaml_text(text, label)
        except InputError as e:
            fail(f"{label}: test document unreadable", [str(e)])
            continue
        expect_invalid(schema, doc, label, path=path)

    for label, text in UNREADABLE:
        try:
            load_yaml_text(text, label)
        except InputError as e:
            ok(f"YAML reader refuses: {label} ({str(e)[:90]})")
        else:
            fail(f"YAML reader accepted {label}, which §3.8 forbids")


def main():
    check_schema_command()
    schema = check_schema_file()
    if schema is not None:
        with tempfile.TemporaryDirectory(prefix="delight-schema-") as tmp:
            check_examples(schema)
            check_init(schema, tmp)
            check_documents(schema, tmp)
    print(f"schema: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    sys.exit(1 if counts["failed"] or schema is None else 0)


main()
PYTHON
