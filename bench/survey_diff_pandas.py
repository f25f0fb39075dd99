#!/usr/bin/python3
"""The survey-diff baseline of bench/run: what a careful analyst writes with pandas + SciPy.

    bench/survey_diff_pandas.py EARLIER.csv LATER.csv [--no-id] [--compare DELIGHT.json]
    bench/survey_diff_pandas.py --agree PANDAS.json DELIGHT.json [--no-id]

Reads both waves written by bench/gen_survey_waves.py (its column names and answer labels
are imported from there) and prints a JSON summary whose keys follow `delight survey-diff
-O json` (PRODUCT.md §4.5), so the two can be compared on a few numbers:
  per Likert question and wave: n, missing, invalid, mean, top box, top-2-box;
  first vs last: Mann-Whitney p (scipy, asymptotic, tie and continuity correction), rank-
  biserial r = 1 - 2·U₁/(n₁n₂), Benjamini-Hochberg q across the questions, and the paired
  Wilcoxon signed-rank test on respondents in both waves (merge on the respondent id);
  NPS per wave (score and margin of error in points) and the z-test of the change.
--no-id skips pairing (the unpaired path). --compare checks a `delight survey-diff -O json`
output against these numbers, --agree against a summary this script printed earlier:
counts exactly; means, shares, r and NPS to 1e-9; p- and q-values to 1e-9 after flooring
both to 1e-300 (PRODUCT.md §2: delight floors them, SciPy underflows to 0). It exits 1 on
any difference.

Run it with Debian's python3 (python3-pandas, python3-scipy), not a virtualenv's.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_survey_waves as gen  # noqa: E402  (column names and labels of the generated waves)

ID = "respondent_id"
NPS = "nps"
LIKERT = gen.question_columns()
NA = {"", "n/a"}  # survey.na, case-folded
LABELS = {text.casefold(): value for value, text in gen.LABELS.items()}
SCALE = (1, 5)


def decode(column, lo, hi):
    """Answer texts → float values (NaN when missing or invalid), and the missing and invalid
    counts: numbers as they are, labels after trimming and case-folding, blanks and N/A
    missing, anything else or outside the scale invalid."""
    values = pd.to_numeric(column, errors="coerce")
    text = column[values.isna()].str.strip().str.casefold()
    missing = text.isin(NA)
    labelled = text[~missing].map(LABELS)
    values.loc[labelled.index] = labelled
    out_of_scale = values.notna() & ((values < lo) | (values > hi))
    invalid = int(labelled.isna().sum() + out_of_scale.sum())
    values[out_of_scale] = np.nan
    return values, int(missing.sum()), invalid


def read_wave(path, paired):
    usecols = ([ID] if paired else []) + LIKERT + [NPS]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=usecols)
    if paired and frame[ID].duplicated().any():
        sys.exit(f"{path}: duplicate respondent ids")
    out = pd.DataFrame(index=frame.index)
    counts = {}
    if paired:
        out[ID] = frame[ID]
    for q in LIKERT:
        out[q], missing, invalid = decode(frame[q], *SCALE)
        counts[q] = (missing, invalid)
    out[NPS], missing, invalid = decode(frame[NPS], 0, 10)
    counts[NPS] = (missing, invalid)
    return out, counts


def bh(pvalues):
    """Benjamini-Hochberg q-values (step-up, monotone, capped at 1)."""
    p = np.asarray(pvalues, dtype=float)
    m = len(p)
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def nps_of(values):
    v = values.dropna()
    n = len(v)
    if n == 0:
        return None
    promoters, detractors = (v >= 9).mean(), (v <= 6).mean()
    score = promoters - detractors
    var = promoters + detractors - score * score
    return {"n": n, "score": score, "var": var}


def number(x):
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else float(x)


def summarise(earlier, later, paired):
    w1, c1 = read_wave(earlier, paired)
    w2, c2 = read_wave(later, paired)
    merged = w1.merge(w2, on=ID, suffixes=("_1", "_2")) if paired else None
    questions = []
    for q in LIKERT:
        x1, x2 = w1[q].dropna().to_numpy(), w2[q].dropna().to_numpy()
        row = {"column": q, "n": [len(x1), len(x2)], "missing": [c1[q][0], c2[q][0]],
               "invalid": [c1[q][1], c2[q][1]],
               "mean": [number(x.mean()) if len(x) else None for x in (x1, x2)],
               "top_box": [number((x == SCALE[1]).mean()) if len(x) else None for x in (x1, x2)],
               "top2": [number((x >= SCALE[1] - 1).mean()) if len(x) else None
                        for x in (x1, x2)]}
        if len(x1) and len(x2):
            res = stats.mannwhitneyu(x1, x2, method="asymptotic")
            row["p_mannwhitney"] = number(res.pvalue)
            row["effect_rank_biserial"] = 1.0 - 2.0 * res.statistic / (len(x1) * len(x2))
        else:
            row["p_mannwhitney"] = row["effect_rank_biserial"] = None
        if paired:
            d = (merged[q + "_2"] - merged[q + "_1"]).dropna().to_numpy()
            row["n_paired"] = len(d)
            if len(d) == 0:
                row["p_wilcoxon"] = None
            elif not d.any():
                row["p_wilcoxon"] = 1.0  # all differences zero (PRODUCT.md §2)
            else:
                row["p_wilcoxon"] = number(stats.wilcoxon(
                    d, zero_method="wilcox", correction=False, method="approx").pvalue)
        questions.append(row)
    tested = [i for i, r in enumerate(questions) if r["p_mannwhitney"] is not None]
    for i, q in zip(tested, bh([questions[i]["p_mannwhitney"] for i in tested])):
        questions[i]["q_bh"] = float(q)
    for r in questions:
        r.setdefault("q_bh", None)

    a, b = nps_of(w1[NPS]), nps_of(w2[NPS])
    nps = {"column": NPS,
           "score": [100 * s["score"] if s else None for s in (a, b)],
           "moe": [100 * 1.96 * math.sqrt(s["var"] / s["n"]) if s else None for s in (a, b)],
           "delta": None, "z": None, "p": None}
    if a and b:
        nps["delta"] = 100 * (b["score"] - a["score"])
        se = math.sqrt(a["var"] / a["n"] + b["var"] / b["n"])
        if se > 0:
            z = (b["score"] - a["score"]) / se
            nps["z"], nps["p"] = z, float(2 * stats.norm.sf(abs(z)))
    label = lambda p: os.path.splitext(os.path.basename(p))[0]  # noqa: E731
    return {"version": 1, "waves": [label(earlier), label(later)], "questions": questions,
            "nps": [nps]}


def dump(summary):
    """JSON with one question per line: compact, and easy to eyeball against delight's."""
    head = {k: v for k, v in summary.items() if k not in ("questions", "nps")}
    lines = [json.dumps(head)[:-1] + ","]
    for key in ("questions", "nps"):
        items = summary[key]
        lines.append(f' "{key}": [')
        lines += ["  " + json.dumps(item) + ("," if i + 1 < len(items) else "")
                  for i, item in enumerate(items)]
        lines.append(" ]" + ("," if key == "questions" else ""))
    lines.append("}")
    return "\n".join(lines)


def compare(ours, path, paired):
    """Differences between our summary and delight's JSON, as messages."""
    with open(path, encoding="utf-8") as f:
        theirs = json.load(f)
    problems, checked = [], 0

    def check(where, a, b, tol, floor=False):
        nonlocal checked
        checked += 1
        if a is None or b is None:
            if a is not b:
                problems.append(f"{where}: pandas {a}, delight {b}")
            return
        if floor:
            a, b = max(a, 1e-300), max(b, 1e-300)
        if tol is None:
            ok = a == b
        else:
            ok = abs(a - b) <= tol
        if not ok:
            problems.append(f"{where}: pandas {a!r}, delight {b!r} (|diff| {abs(a - b):.3g})")

    by_column = {q.get("column"): q for q in theirs.get("questions", [])}
    for q in ours["questions"]:
        t = by_column.get(q["column"])
        if t is None:
            problems.append(f"{q['column']}: not in delight's output")
            continue
        for key in ("n", "missing", "invalid"):
            for w in range(2):
                check(f"{q['column']}.{key}[{w}]", q[key][w], t[key][w], None)
        for key in ("mean", "top_box", "top2"):
            for w in range(2):
                check(f"{q['column']}.{key}[{w}]", q[key][w], t[key][w], 1e-9)
        check(f"{q['column']}.p_mannwhitney", q["p_mannwhitney"], t["p_mannwhitney"], 1e-9, True)
        check(f"{q['column']}.q_bh", q["q_bh"], t["q_bh"], 1e-9, True)
        check(f"{q['column']}.effect_rank_biserial", q["effect_rank_biserial"],
              t["effect_rank_biserial"], 1e-9)
        if paired:
            check(f"{q['column']}.n_paired", q["n_paired"], t["n_paired"], None)
            check(f"{q['column']}.p_wilcoxon", q["p_wilcoxon"], t["p_wilcoxon"], 1e-9, True)
    t_nps = {n.get("column"): n for n in theirs.get("nps", [])}.get(NPS)
    if t_nps is None:
        problems.append("nps: not in delight's output")
    else:
        n = ours["nps"][0]
        for w in range(2):
            check(f"nps.score[{w}]", n["score"][w], t_nps["score"][w], 1e-9)
            check(f"nps.moe[{w}]", n["moe"][w], t_nps["moe"][w], 1e-9)
        check("nps.delta", n["delta"], t_nps["delta"], 1e-9)
        check("nps.z", n["z"], t_nps["z"], 1e-9)
        check("nps.p", n["p"], t_nps["p"], 1e-9, True)
    return problems, checked


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("earlier", nargs="?")
    ap.add_argument("later", nargs="?")
    ap.add_argument("--no-id", action="store_true", help="no pairing (unpaired path)")
    ap.add_argument("--compare", metavar="DELIGHT_JSON",
                    help="check delight survey-diff -O json output against these numbers")
    ap.add_argument("--agree", nargs=2, metavar=("PANDAS_JSON", "DELIGHT_JSON"),
                    help="compare a saved summary of this script with delight's, no CSV read")
    args = ap.parse_args()
    if args.agree:
        with open(args.agree[0], encoding="utf-8") as f:
            summary = json.load(f)
        delight_json = args.agree[1]
    elif args.earlier and args.later:
        summary = summarise(args.earlier, args.later, not args.no_id)
        delight_json = args.compare
    else:
        ap.error("give EARLIER.csv LATER.csv, or --agree PANDAS_JSON DELIGHT_JSON")
    if not delight_json:
        print(dump(summary))
        return
    problems, checked = compare(summary, delight_json, not args.no_id)
    for p in problems:
        print(f"survey_diff_pandas: differs: {p}", file=sys.stderr)
    print(f"{checked - len(problems)} of {checked} values agree "
          "(counts exact; means, shares, r, NPS to 1e-9; p and q to 1e-9 after the 1e-300 floor)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
