#!/usr/bin/env python3
"""Writes a delight project with two survey waves for bench/run (seeded, stdlib only).

    bench/gen_survey_waves.py DIR ROWS [SEED]

DIR gets:
  delight.yaml            a minimal valid project whose `survey:` maps the waves below,
                          with `id: respondent_id` (the paired path: Wilcoxon on respondents
                          present in both waves)
  unpaired/delight.yaml   the same mapping without `id:` and without `waves:` (the unpaired
                          path: pass the wave files on the command line)
  surveys/wave-1.csv      ROWS respondents each, header row + one row per respondent:
  surveys/wave-2.csv      respondent_id, q01..q20 (Likert 1-5), nps (0-10), comment

The shape is the one PRODUCT.md §6 measures (about 109 MB per 1 M rows):
* Likert answers are mostly digits; about 1 % arrive as the label of the paper form
  ("Strongly agree" ... "Strongly disagree", mapped in `survey.labels`), about 2 % are blank
  and 1 % "N/A" (both missing). No invalid cells.
* Wave 2 differs from wave 1 by a per-question tilt of the answer distribution: some
  questions do not move (true nulls), some move a little, some a lot, in both directions, so
  p-values span the whole range at 100 k rows.
* 80 % of wave-2 respondents also answered wave 1 (same respondent_id, in another order);
  their answers are correlated with their wave-1 answers (same neighbourhood of the
  distribution), the rest are new ids. Ids are unique within a wave.
* The comment is always quoted; most contain commas, about 1 % a doubled quote ("") and
  about 1 % a line break; about 20 % are empty ("").
* Lines end in CRLF, as survey tools export them.

How it is fast enough (2 x 1 M rows in well under a minute): each row draws one big random
integer, read as 16-bit lanes (20 Likert, NPS, comment); every lane indexes a 65,536-entry
table of ready-made cell texts, built once per wave and column from its answer distribution.
A wave-2 answer of a returning respondent is their wave-1 lane with its low 14 bits
re-drawn: the same uniform marginal, but within the same quarter of the distribution.
"""
import math
import random
import sys
from pathlib import Path

QUESTIONS = 20
LANES = QUESTIONS + 2  # + NPS + comment
LANE_BITS = 16
TABLE = 1 << LANE_BITS
KEEP_MASK = (TABLE - 1) ^ ((1 << 14) - 1)  # the high 2 bits of a lane survive into wave 2
ROW_BYTES = LANES * LANE_BITS // 8
RETURNING = 0.8  # share of wave-2 respondents that also answered wave 1
CHUNK = 20_000  # rows per write
# Respondent ids look like a survey tool's (R_ and 15 hex digits): the row's number times an
# odd constant modulo 2^60, a bijection, so ids are unique.
ID_MULTIPLIER, ID_MASK = 0x9E3779B97F4A7C15, (1 << 60) - 1

LABELS = {5: "Strongly agree", 4: "Agree", 3: "Neither agree nor disagree", 2: "Disagree",
          1: "Strongly disagree"}
SHARE_BLANK, SHARE_NA, SHARE_LABEL = 0.02, 0.01, 0.01

EXPECTATIONS = [  # id, kind, touchpoint, functions
    ("invoice-accuracy", "stated", "billing", "finance"),
    ("invoice-po-number", "implied", "billing", "finance"),
    ("fast-onboarding", "stated", "onboarding", "service"),
    ("data-migration-complete", "implied", "onboarding", "solution-design-delivery"),
    ("offline-mobile-sync", "stated", "daily-use", "solution-design-delivery"),
    ("dispatch-board-speed", "implied", "daily-use", "solution-design-delivery"),
    ("proactive-alerts", "latent", "daily-use", "solution-design-delivery"),
    ("support-first-response", "stated", "support", "after-sales-support"),
    ("release-notice", "implied", "support", "marketing"),
    ("peer-benchmarks", "future", "support", "consulting"),
]
DELIVERY = {"stated": "partial", "implied": "meeting", "latent": "missing", "future": "missing"}
MEASURES = ["performance", "importance", "performance", "adequate", "performance",
            "desired", "performance", "performance", "importance", "performance"]
# Wave-2 tilt of each question's distribution (p_k ∝ p_k · e^{θk}): nulls, small and large
# moves both ways.
TILTS = [0.0, 0.0, 0.0, 0.0, 0.01, -0.01, 0.02, -0.02, 0.03, 0.05,
         -0.05, 0.08, 0.1, -0.1, 0.15, 0.2, -0.2, 0.3, 0.005, -0.003]
NPS_TILT = 0.03

PHRASES = ["invoices are late", "the mobile app crashes offline", "support was quick",
           "onboarding took too long", "great people", "price is high for small teams",
           "dispatch board is slow on Mondays", "reports are hard to export",
           "the new release moved buttons", "no complaints", "we need PO numbers on invoices",
           "training helped", "sync conflicts again", "billing matched the contract",
           "the migration lost some asset history", "fine overall", "prix élevé",
           "técnicos contentos", "would recommend to peers", "the ETA text is a hit"]
QUOTED = ['said it was "fine"', 'the "quick fix" broke sync', '"good enough"']


def question_columns():
    return [f"q{i:02d}" for i in range(1, QUESTIONS + 1)]


def yaml_text(paired):
    touchpoints = sorted({e[2] for e in EXPECTATIONS})
    functions = sorted({e[3] for e in EXPECTATIONS})
    lines = [
        "# Generated by bench/gen_survey_waves.py for bench/run (survey-diff benchmark).",
        "version: 1",
        "project: {name: survey-diff benchmark}",
        f"touchpoints: [{', '.join(touchpoints)}]",
        f"functions: [{', '.join(functions)}]",
        "expectations:",
    ]
    for eid, kind, touchpoint, function in EXPECTATIONS:
        lines += [f"  - id: {eid}", f"    text: Generated expectation {eid}",
                  f"    kind: {kind}", f"    touchpoint: {touchpoint}",
                  f"    functions: [{function}]",
                  f"    delivery: {DELIVERY[kind]}"]
    lines.append("survey:")
    if paired:
        lines += ["  waves: [surveys/wave-1.csv, surveys/wave-2.csv]", "  id: respondent_id"]
    else:
        lines.append("  # No id: the unpaired path. Pass the two wave files on the command line.")
    lines += ['  na: ["", "N/A"]', "  labels:"]
    lines += [f'    "{LABELS[v]}": {v}' for v in sorted(LABELS, reverse=True)]
    lines.append("  questions:")
    for i, column in enumerate(question_columns()):
        if i == QUESTIONS - 1:  # an overall question with no expectation
            lines.append(f"    - {{column: {column}, measure: satisfaction}}")
            continue
        eid = EXPECTATIONS[i // 2][0]
        lines.append(f"    - {{column: {column}, expectation: {eid}, "
                     f"measure: {MEASURES[i % len(MEASURES)]}}}")
    lines.append("    - {column: nps, type: nps}")
    return "\n".join(lines) + "\n"


def tilted(weights, theta):
    w = [p * math.exp(theta * k) for k, p in enumerate(weights)]
    s = sum(w)
    return [p / s for p in w]


def cell_table(levels, probs, label):
    """65,536 cell texts: the first entries blank and N/A, then the levels in ascending order,
    each level's last entries written as its label (when it has one)."""
    table = [""] * round(SHARE_BLANK * TABLE) + ["N/A"] * round(SHARE_NA * TABLE)
    left = TABLE - len(table)
    cum, start = 0.0, 0
    for level, p in zip(levels, probs):
        cum += p
        end = round(cum * left)
        count = end - start
        n_label = round(SHARE_LABEL * count) if label and level in LABELS else 0
        table += [str(level)] * (count - n_label) + [LABELS.get(level, "")] * n_label
        start = end
    assert len(table) == TABLE
    return table


def comment_table(rng):
    table = []
    for _ in range(TABLE):
        r = rng.random()
        if r < 0.20:
            text = ""
        else:
            parts = rng.sample(PHRASES, rng.choice([1, 2, 3, 3]))
            if r < 0.21:  # a quoted word
                parts.append(rng.choice(QUOTED))
            text = ", ".join(parts)
            if 0.21 <= r < 0.22:  # a line break
                text = text.replace(", ", ",\n", 1) if ", " in text else text + "\nthanks"
        table.append('"' + text.replace('"', '""') + '"')
    return table


def wave_tables(rng):
    """Per wave, the 22 lane tables (20 Likert, NPS, comment)."""
    out = [[], []]
    for i in range(QUESTIONS):
        # A baseline leaning positive, different for every question.
        base = [rng.uniform(0.5, 1.5) * w for w in (0.6, 1.0, 1.8, 2.6, 1.8)]
        base = [p / sum(base) for p in base]
        for wave, theta in ((0, 0.0), (1, TILTS[i])):
            out[wave].append(cell_table(range(1, 6), tilted(base, theta), True))
    nps = tilted([0.02, 0.02, 0.03, 0.04, 0.05, 0.08, 0.09, 0.16, 0.17, 0.18, 0.16], 0.0)
    for wave, theta in ((0, 0.0), (1, NPS_TILT)):
        out[wave].append(cell_table(range(0, 11), tilted(nps, theta), False))
    for wave in (0, 1):
        out[wave].append(comment_table(rng))
    return out


def write_wave(path, ids, tables, rng, memory, previous):
    """Writes one wave. `memory` (bytearray) receives each row's lanes when `previous` is
    None; otherwise `previous[k]` is the wave-1 index of row k's respondent, or -1."""
    header = "respondent_id," + ",".join(question_columns()) + ",nps,comment\r\n"
    keep = 0
    for lane in range(LANES - 1):  # the comment lane is always drawn anew
        keep |= KEEP_MASK << (LANE_BITS * lane)
    bits = LANES * LANE_BITS
    getrandbits = rng.getrandbits
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        rows = []
        for k, rid in enumerate(ids):
            r = getrandbits(bits)
            if previous is None:
                raw = r.to_bytes(ROW_BYTES, "little")
                memory[k * ROW_BYTES:(k + 1) * ROW_BYTES] = raw
            else:
                j = previous[k]
                if j >= 0:
                    old = int.from_bytes(memory[j * ROW_BYTES:(j + 1) * ROW_BYTES], "little")
                    r = (old & keep) | (r & ~keep)
                raw = r.to_bytes(ROW_BYTES, "little")
            cells = [t[v] for t, v in zip(tables, memoryview(raw).cast("H"))]
            rows.append(f"R_{(rid * ID_MULTIPLIER) & ID_MASK:015x},{','.join(cells)}\r\n")
            if len(rows) == CHUNK:
                f.write("".join(rows))
                rows.clear()
        f.write("".join(rows))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    out = Path(sys.argv[1])
    rows = int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2027)
    if sys.byteorder != "little":
        sys.exit("gen_survey_waves.py: needs a little-endian machine (16-bit lanes)")
    (out / "surveys").mkdir(parents=True, exist_ok=True)
    (out / "unpaired").mkdir(exist_ok=True)
    (out / "delight.yaml").write_text(yaml_text(paired=True), encoding="utf-8")
    (out / "unpaired" / "delight.yaml").write_text(yaml_text(paired=False), encoding="utf-8")

    tables = wave_tables(rng)
    memory = bytearray(rows * ROW_BYTES)
    ids1 = list(range(rows))
    rng.shuffle(ids1)
    write_wave(out / "surveys" / "wave-1.csv", ids1, tables[0], rng, memory, None)
    # Wave 2: RETURNING of its rows are wave-1 respondents (by position in wave 1), the rest
    # new ids; all in a random order.
    returning = round(RETURNING * rows)
    previous = rng.sample(range(rows), returning) + [-1] * (rows - returning)
    rng.shuffle(previous)
    next_id = rows
    ids2 = []
    for j in previous:
        if j >= 0:
            ids2.append(ids1[j])
        else:
            ids2.append(next_id)
            next_id += 1
    write_wave(out / "surveys" / "wave-2.csv", ids2, tables[1], rng, memory, previous)


if __name__ == "__main__":
    main()
