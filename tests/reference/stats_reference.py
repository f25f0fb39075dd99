#!/usr/bin/python3
"""Reference values for core/stats (include/delight/stats.hpp), from Debian's python3-scipy.

Run from anywhere (Debian 12: SciPy 1.10, NumPy 1.24):
    /usr/bin/python3 tests/reference/stats_reference.py
It rewrites tests/reference/stats_reference.txt, read by tests/unit/test_stats.cpp.

Where the values come from:
  - SciPy itself: norm.sf/ppf, t.sf, t.ppf polished by Newton steps on t.cdf (see t_ppf), ttest_ind(later, earlier, equal_var=False),
    mannwhitneyu(earlier, later, method="asymptotic") (its z from SciPy's own _get_mwu_z),
    wilcoxon(d, zero_method="wilcox", correction=False, method="approx") (statistic, p,
    zstatistic).
  - Textbook formulas written here from PRODUCT.md §2, independently of the C++:
    Welch's CI (delta ± t.ppf((1 + c)/2, df)·se: SciPy 1.10's ttest_ind has no CI), the Wald
    interval, NPS and its z-test, respondent- and account-level difference-in-differences,
    the minimum detectable effect, the Kano tables, category rules, Fong's test and
    Berger's Better/Worse, and Benjamini-Hochberg (SciPy 1.10 has no
    false_discovery_control; this is the textbook step-up definition, the same as SciPy
    1.11's: q_(i) = min over j >= i of p_(j)·m/j, capped at 1).
  - Contract, not SciPy: where SciPy returns NaN or raises (no answers, zero variance, every
    answer equal, all differences zero), the value is written as `none` or as the value the
    header documents, and the line says `contract=1`.

Data: literal samples (written into the file as `sample` lines, so the C++ test uses exactly
these) and real survey answers in tests/data/ (see tests/data/README.md), which the C++ test
parses itself. Airline ratings are 1-5 with 0 = not applicable (missing). Kano importance
labels such as "9 - Extremely important" are the number before " - ".

Format: one statistic per line, `kind [input names] key=value ...`; floats are repr() (the
shortest string that round-trips), `none` is an undefined value, lists are comma-separated.
"""
import csv
import math
import warnings
from pathlib import Path

import numpy as np
from scipy import stats
from scipy.stats import _mannwhitneyu

try:
    import mpmath  # Debian's python3-mpmath: an independent check of the t quantiles
except ImportError:
    mpmath = None

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
OUT = ROOT / "tests" / "reference" / "stats_reference.txt"

warnings.simplefilter("ignore")  # "sample size too small for normal approximation"

# ---------------------------------------------------------------------------------------------
# Formatting


def fmt(v):
    if v is None:
        return "none"
    if isinstance(v, (bool, np.bool_)):
        return "1" if v else "0"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (list, tuple)):
        return ",".join(fmt(x) for x in v)
    if isinstance(v, str):
        return v
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"non-finite value {v!r} written as a reference")
    return repr(v)


LINES = []


def emit(kind, names, **values):
    parts = [kind] + list(names) + [f"{k}={fmt(v)}" for k, v in values.items()]
    LINES.append(" ".join(parts))


def floor_p(p):
    return max(float(p), 1e-300)


def t_ppf(p, df):
    """Student's t quantile. SciPy 1.10's t.ppf (cdflib's cdft) is accurate to only ~1e-9
    relative (t.ppf(0.95, 4.465) is 9e-10 too low), so two Newton steps on t.cdf (cephes
    stdtr, ~1e-15) polish it; checked against mpmath to 1e-14 when that is installed."""
    q = float(stats.t.ppf(p, df))
    for _ in range(2):
        if p > 0.5:  # the smaller tail carries the precision
            q += (stats.t.sf(q, df) - (1 - p)) / stats.t.pdf(q, df)
        else:
            q -= (stats.t.cdf(q, df) - p) / stats.t.pdf(q, df)
    if mpmath is not None:
        mpmath.mp.dps = 40
        exact = mpmath.findroot(
            lambda x: mpmath.betainc(df / 2, 0.5, 0, df / (df + x * x), regularized=True) / 2
            - (1 - p if x > 0 else p), q)
        assert abs(q - float(exact)) <= 1e-14 * abs(float(exact)), (p, df, q, exact)
    return q


# ---------------------------------------------------------------------------------------------
# Samples: name -> list of values

SAMPLES = {}


def literal(name, values):
    SAMPLES[name] = [float(v) for v in values]
    emit("sample", [name], values=SAMPLES[name])


literal("lit.a", [1, 2, 2, 3, 3, 3, 4, 5])
literal("lit.b", [2, 3, 3, 4, 4, 5, 5, 5, 5])
literal("lit.same3", [3, 3, 3, 3])
literal("lit.same3b", [3, 3, 3])
literal("lit.same4", [4, 4, 4, 4, 4])
literal("lit.spread", [1, 2, 3, 4, 5])
literal("lit.one", [2])
literal("lit.two", [1, 3])
literal("lit.sym", [1, 2, 3])
literal("lit.frac1", [0.5, 1.25, 1.25, 2.75])
literal("lit.frac2", [-1.5, 0.5, 3.0, 3.0, 10.0])
literal("lit.low", [1] * 40 + [2] * 10)
literal("lit.high", [5] * 45 + [4] * 5)
# paired differences: zeros, ties across signs, all zero, one pair, one sign, fractions
literal("lit.d1", [0, 0, 1, -1, 2, -2, 2, 3, -3, 3, 3, 0, 1, 4, -5])
literal("lit.dzero", [0, 0, 0])
literal("lit.done", [1])
literal("lit.dneg", [-2, -2, -2])
literal("lit.dfrac", [0.5, -0.5, 1.5, 0, 2.25, -2.25, 2.25])
# NPS on 0-10
literal("lit.nps1", list(range(11)) * 3)
literal("lit.nps2", [10, 10, 9, 8, 7, 6, 0, 9, 9, 3])
literal("lit.promoters", [10, 9, 10])
literal("lit.promoters2", [9, 9])
# plain values for moments / account-level DiD
literal("lit.pilot", [0.5, 1, -0.25, 0.75, 1.5])
literal("lit.control", [0, -0.5, 0.25, 0.1])
literal("lit.flat", [0.25, 0.25, 0.25])

# Real data --------------------------------------------------------------------------------

AIRLINE_COLUMNS = {"wifi": "Inflight wifi service", "seat": "Seat comfort"}
with open(DATA / "airline_satisfaction_sample.csv", newline="", encoding="utf-8") as f:
    AIRLINE = list(csv.DictReader(f))
HALF = len(AIRLINE) // 2


def airline_rows(cls, half):
    for i, row in enumerate(AIRLINE):
        if cls != "all" and row["Class"] != cls:
            continue
        if half == "half1" and i >= HALF:
            continue
        if half == "half2" and i < HALF:
            continue
        if half == "first300" and i >= 300:
            continue
        yield row


def airline_answers(col, cls, half):
    """airline.<col>.<class|all>.<half1|half2|all>: answers, 0 (not applicable) dropped."""
    name = f"airline.{col}.{cls}.{half}"
    values = [float(r[AIRLINE_COLUMNS[col]]) for r in airline_rows(cls, half)]
    SAMPLES[name] = [v for v in values if v != 0]
    return name


def airline_differences(col_a, col_b, cls, half):
    """airline_diff.<a>-<b>.<class>.<half>: a − b on rows where both are answered."""
    name = f"airline_diff.{col_a}-{col_b}.{cls}.{half}"
    d = []
    for r in airline_rows(cls, half):
        a, b = float(r[AIRLINE_COLUMNS[col_a]]), float(r[AIRLINE_COLUMNS[col_b]])
        if a != 0 and b != 0:
            d.append(a - b)
    SAMPLES[name] = d
    return name


KANO_ANSWERS = {
    # cohort 1 wording
    "I like it that way": 0,
    "I must be that way": 1,
    "I am neutral": 2,
    "I can live with it that way": 3,
    "I dislike it that way": 4,
    # cohort 2 wording
    "I enjoy it that way": 0,
    "It is a basic necessity or I expect it that way": 1,
    "I dislike it, but I can live with it that way": 3,
    "I dislike it, and I can\u2019t accept it": 4,
}

KANO_ROWS = {}
for cohort in (1, 2):
    with open(DATA / f"kano_storage_cohort{cohort}.csv", newline="", encoding="utf-8") as f:
        KANO_ROWS[cohort] = list(csv.DictReader(f))


def importance(cohort, feature):
    """importance.c<k>.F<j>: "9 - Extremely important" -> 9, "6" -> 6."""
    name = f"importance.c{cohort}.F{feature}"
    SAMPLES[name] = [
        float(r[f"F{feature}_importance"].split(" - ")[0]) for r in KANO_ROWS[cohort]
    ]
    return name


def kano_pairs(cohort, feature):
    """kano.c<k>.F<j>: 5x5 counts [functional][dysfunctional]."""
    pairs = [[0] * 5 for _ in range(5)]
    for r in KANO_ROWS[cohort]:
        f = KANO_ANSWERS[r[f"F{feature}_functional"]]
        d = KANO_ANSWERS[r[f"F{feature}_dysfunctional"]]
        pairs[f][d] += 1
    return pairs


# ---------------------------------------------------------------------------------------------
# Distributions


for z in [0.0, 0.5, -1.96, 5.0, -8.25, 20.0, 37.0, 37.5, 38.0, 40.0]:
    emit("normal_p", [], z=z, p=floor_p(2 * stats.norm.sf(abs(z))))
for t, df in [(0.0, 5.0), (2.1, 7.0), (-3.3, 12.5), (50.0, 3.0), (10.0, 1000.0),
              (-4.0, 1.0), (250.0, 300.0), (1000.0, 400.0)]:
    emit("student_t_p", [], t=t, df=df, p=floor_p(2 * stats.t.sf(abs(t), df)))
for p in [0.975, 0.8, 0.025, 0.5, 1e-10, 0.999999]:
    emit("normal_quantile", [], p=p, q=stats.norm.ppf(p))
for p, df in [(0.975, 1.0), (0.975, 2.5), (0.8, 10.0), (0.975, 123.456), (0.975, 1e6),
              (0.1, 3.0), (0.995, 42.0)]:
    emit("student_t_quantile", [], p=p, df=df, q=t_ppf(p, df))


# ---------------------------------------------------------------------------------------------
# Summaries


def summary(name, lo, hi):
    x = np.array(SAMPLES[name])
    n = len(x)
    emit("summary", [name], min=lo, max=hi, n=n,
         mean=x.mean() if n else None,
         variance=x.var(ddof=1) if n >= 2 else None,
         top_box=float(np.mean(x >= hi)) if n else None,
         top2=float(np.mean(x >= hi - 1)) if n else None,
         contract=int(n < 2))


# ---------------------------------------------------------------------------------------------
# Welch


def welch_core(n1, m1, v1, n2, m2, v2, confidence):
    """Textbook Welch-Satterthwaite (Welch 1947) for later − earlier."""
    if n1 < 2 or n2 < 2:
        return None
    vn1, vn2 = v1 / n1, v2 / n2
    se = math.sqrt(vn1 + vn2)
    if se == 0:
        return None
    df = (vn1 + vn2) ** 2 / (vn1**2 / (n1 - 1) + vn2**2 / (n2 - 1))
    delta = m2 - m1
    q = t_ppf(0.5 + confidence / 2, df)
    return dict(delta=delta, se=se, df=df, t=delta / se,
                p=floor_p(2 * stats.t.sf(abs(delta / se), df)),
                ci_low=delta - q * se, ci_high=delta + q * se)


def welch(earlier, later, confidence=0.95):
    x, y = np.array(SAMPLES[earlier]), np.array(SAMPLES[later])
    r = welch_core(len(x), x.mean() if len(x) else 0.0, x.var(ddof=1) if len(x) > 1 else 0.0,
                   len(y), y.mean() if len(y) else 0.0, y.var(ddof=1) if len(y) > 1 else 0.0,
                   confidence)
    if r is None:
        emit("welch", [earlier, later], confidence=confidence, defined=0, contract=1)
        return
    res = stats.ttest_ind(y, x, equal_var=False)
    assert math.isclose(res.statistic, r["t"], rel_tol=1e-12), (earlier, later)
    assert math.isclose(res.pvalue, r["p"], rel_tol=1e-12) or r["p"] == 1e-300
    r["t"], r["p"] = res.statistic, floor_p(res.pvalue)
    emit("welch", [earlier, later], confidence=confidence, defined=1, **r)


def welch_stats(n1, m1, v1, n2, m2, v2, confidence):
    r = welch_core(n1, m1, v1, n2, m2, v2, confidence)
    inputs = dict(n1=n1, mean1=m1, var1=v1, n2=n2, mean2=m2, var2=v2, confidence=confidence)
    if r is None:
        emit("welch_stats", [], **inputs, defined=0, contract=1)
        return
    res = stats.ttest_ind_from_stats(m2, math.sqrt(v2), n2, m1, math.sqrt(v1), n1,
                                     equal_var=False)
    assert math.isclose(res.statistic, r["t"], rel_tol=1e-12)
    r["t"], r["p"] = res.statistic, floor_p(res.pvalue)
    emit("welch_stats", [], **inputs, defined=1, **r)


# ---------------------------------------------------------------------------------------------
# Wald interval for p2 − p1


def wald(x1, n1, x2, n2, confidence=0.95):
    p1, p2 = x1 / n1, x2 / n2
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    z = stats.norm.ppf(0.5 + confidence / 2)
    emit("wald", [], x1=x1, n1=n1, x2=x2, n2=n2, confidence=confidence, delta=p2 - p1,
         ci_low=p2 - p1 - z * se, ci_high=p2 - p1 + z * se)


# ---------------------------------------------------------------------------------------------
# Mann-Whitney


def mwu(earlier, later):
    x, y = np.array(SAMPLES[earlier]), np.array(SAMPLES[later])
    n1, n2 = len(x), len(y)
    res = stats.mannwhitneyu(x, y, method="asymptotic")
    u1 = float(res.statistic)
    r = 1 - 2 * u1 / (n1 * n2)
    xy = np.concatenate([x, y])
    if np.all(xy == xy[0]):
        # SciPy: σ = 0, z = −inf, p = 2·sf(−inf) clipped to 1; the contract says undefined.
        emit("mwu", [earlier, later], u1=u1, z=None, p=None, r=r, contract=1)
        return
    ranks = stats.rankdata(xy)
    z = float(_mannwhitneyu._get_mwu_z(max(u1, n1 * n2 - u1), n1, n2, ranks))
    assert math.isclose(min(1.0, 2 * stats.norm.sf(z)), res.pvalue, rel_tol=1e-14)
    emit("mwu", [earlier, later], u1=u1, z=z, p=floor_p(res.pvalue), r=r)


# ---------------------------------------------------------------------------------------------
# Wilcoxon signed-rank


def wilcoxon(name):
    d = np.array(SAMPLES[name])
    n_nonzero = int(np.sum(d != 0))
    if n_nonzero == 0:
        # SciPy raises ValueError; the contract: statistic 0, z 0, p 1.
        emit("wilcoxon", [name], n_pairs=len(d), n_nonzero=0, statistic=0.0, z=0.0, p=1.0,
             contract=1)
        return
    res = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx")
    emit("wilcoxon", [name], n_pairs=len(d), n_nonzero=n_nonzero, statistic=res.statistic,
         z=res.zstatistic, p=floor_p(res.pvalue))


# ---------------------------------------------------------------------------------------------
# Benjamini-Hochberg (textbook step-up; see the module docstring)


def bh(p):
    present = [i for i, v in enumerate(p) if v is not None]
    m = len(present)
    order = sorted(present, key=lambda i: p[i])  # stable
    q = [None] * len(p)
    running = 1.0
    for k in range(m - 1, -1, -1):
        i = order[k]
        running = min(running, p[i] * (m / (k + 1)))
        q[i] = running
    return q


def emit_bh(names, p):
    emit("bh", names, p=p, q=bh(p))


# ---------------------------------------------------------------------------------------------
# NPS (PRODUCT.md §2)


def nps_of(name):
    x = np.array(SAMPLES[name])
    n = len(x)
    if n == 0:
        return None
    pp, pd = np.sum(x >= 9) / n, np.sum(x <= 6) / n
    score = pp - pd
    var = pp + pd - score**2
    return dict(n=n, score=100 * score, moe=1.96 * math.sqrt(var / n) * 100, var=var)


def nps(name):
    emit("nps", [name], **nps_of(name))


def nps_change(earlier, later):
    a, b = nps_of(earlier), nps_of(later)
    se = math.sqrt(a["var"] / a["n"] + b["var"] / b["n"])
    if se == 0:
        emit("nps_change", [earlier, later], defined=0, contract=1)
        return
    delta = b["score"] - a["score"]
    z = (delta / 100) / se
    emit("nps_change", [earlier, later], defined=1, delta=delta, z=z,
         p=floor_p(2 * stats.norm.sf(abs(z))))


# ---------------------------------------------------------------------------------------------
# Kano (PRODUCT.md §2), written from the table as printed there

CLASSIC = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]
TIE_ORDER = "MOAIRQ"


def kano_category(f, d, table):
    if table == "pouliot" and f == d:
        return "I" if f == 2 else "Q"
    return CLASSIC[f][d]


def most_frequent(counts, allowed, excluded=None):
    best = None
    for c in TIE_ORDER:
        if c == excluded or c not in allowed:
            continue
        if best is None or counts[c] > counts[best]:
            best = c
    return best


def kano(name, pairs, table, rule):
    counts = {c: 0 for c in "AOMIRQ"}
    for f in range(5):
        for d in range(5):
            counts[kano_category(f, d, table)] += pairs[f][d]
    n = sum(counts.values())
    aomi = counts["A"] + counts["O"] + counts["M"] + counts["I"]
    better = (counts["A"] + counts["O"]) / aomi if aomi else None
    worse = -(counts["O"] + counts["M"]) / aomi if aomi else None
    if worse == 0:
        worse = 0.0
    out = dict(table=table, rule=rule, **counts, n=n)
    if n == 0:
        out.update(category=None, runner_up=None, strength=None, mixed=0, fong=0)
    else:
        pool = "MOAIRQ"
        if rule == "aom_first":
            aom = counts["A"] + counts["O"] + counts["M"]
            pool = "MOA" if aom > n - aom else "IRQ"
        cat = most_frequent(counts, pool)
        run = most_frequent(counts, "MOAIRQ", excluded=cat)
        a, b = counts[cat], counts[run]
        strength = (a - b) / n * 100
        fong = abs(a - b) >= 1.65 * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))
        out.update(category=cat, runner_up=run, strength=strength, mixed=strength < 6,
                   fong=fong)
    out.update(better=better, worse=worse)
    emit("kano", [name], **out)


def kano_literal(name, pairs):
    emit("kano_pairs", [name], pairs=[c for row in pairs for c in row])
    for table in ("classic", "pouliot"):
        for rule in ("mode", "aom_first"):
            kano(name, pairs, table, rule)


# ---------------------------------------------------------------------------------------------
# Difference-in-differences


def did(pe, pl, ce, cl):
    cells = [np.array(SAMPLES[s]) for s in (pe, pl, ce, cl)]
    se = math.sqrt(sum(c.var(ddof=1) / len(c) for c in cells))
    delta = (cells[1].mean() - cells[0].mean()) - (cells[3].mean() - cells[2].mean())
    emit("did", [pe, pl, ce, cl], delta=delta, se=se, ci_low=delta - 1.96 * se,
         ci_high=delta + 1.96 * se, p=floor_p(2 * stats.norm.sf(abs(delta / se))))


def did_accounts(pilot, control):
    p, c = np.array(SAMPLES[pilot]), np.array(SAMPLES[control])
    r = welch_core(len(c), c.mean(), c.var(ddof=1), len(p), p.mean(), p.var(ddof=1), 0.95)
    if r is None:
        emit("did_accounts", [pilot, control], defined=0, contract=1)
        return
    res = stats.ttest_ind(p, c, equal_var=False)
    assert math.isclose(res.statistic, r["t"], rel_tol=1e-12)
    mde = (t_ppf(0.975, r["df"]) + t_ppf(0.80, r["df"])) * r["se"]
    emit("did_accounts", [pilot, control], defined=1, delta=r["delta"], se=r["se"],
         df=r["df"], ci_low=r["ci_low"], ci_high=r["ci_high"], p=floor_p(res.pvalue),
         mde=mde, n_pilot=len(p), n_control=len(c))


def moments(name):
    x = np.array(SAMPLES[name])
    emit("moments", [name], n=len(x), mean=x.mean(),
         variance=x.var(ddof=1) if len(x) > 1 else None)


# ---------------------------------------------------------------------------------------------
# The cases

# literal samples
for lo_hi, names in [((1, 5), ["lit.a", "lit.b", "lit.same3", "lit.spread", "lit.one",
                               "lit.low", "lit.high"]),
                     ((0, 10), ["lit.nps1", "lit.nps2"])]:
    for name in names:
        summary(name, *lo_hi)
for earlier, later in [("lit.a", "lit.b"), ("lit.same3", "lit.same3b"), ("lit.same4", "lit.spread"),
                       ("lit.one", "lit.two"), ("lit.sym", "lit.sym"),
                       ("lit.frac1", "lit.frac2"), ("lit.low", "lit.high")]:
    welch(earlier, later)
    mwu(earlier, later)
welch("lit.a", "lit.b", 0.99)
welch("lit.frac1", "lit.frac2", 0.90)
welch_stats(10, 3.2, 1.5, 12, 3.9, 0.8, 0.95)
welch_stats(10, 3.2, 1.5, 12, 3.9, 0.8, 0.99)
welch_stats(5, 4.0, 0.0, 8, 3.5, 0.25, 0.95)
welch_stats(4, 2.0, 0.0, 4, 2.5, 0.0, 0.95)
for d in ["lit.d1", "lit.dzero", "lit.done", "lit.dneg", "lit.dfrac"]:
    wilcoxon(d)
wald(30, 100, 45, 120)
wald(0, 10, 10, 10)
wald(5, 5, 5, 5)
wald(30, 100, 45, 120, 0.90)
emit_bh([], [0.01, None, 0.04, 0.03, 0.5, None, 0.04, 1e-10])
emit_bh([], [0.9, 0.8])
for name in ["lit.nps1", "lit.nps2", "lit.promoters"]:
    nps(name)
nps_change("lit.nps1", "lit.nps2")
nps_change("lit.promoters", "lit.promoters2")
did("lit.a", "lit.b", "lit.spread", "lit.frac2")
did_accounts("lit.pilot", "lit.control")
did_accounts("lit.flat", "lit.flat")
for name in ["lit.pilot", "lit.control", "lit.one"]:
    moments(name)
kano_literal("kano.lit.empty", [[0] * 5 for _ in range(5)])
kano_literal("kano.lit.diagonal", [[3 if f == d else 0 for d in range(5)] for f in range(5)])
kano_literal("kano.lit.mixed", [[0, 2, 1, 0, 5], [0, 3, 6, 2, 4], [1, 7, 9, 0, 6],
                                [0, 1, 2, 1, 0], [0, 0, 0, 0, 1]])
# aom-first: A+O+M = 32 > I+R+Q = 25 picks M (12), yet I (20) is the runner-up
kano_literal("kano.lit.aom", [[2, 10, 0, 0, 10], [3, 0, 0, 0, 12], [0, 0, 20, 0, 0],
                              [0] * 5, [0] * 5])
# A = O = M = 5: the tie order picks M, then O
kano_literal("kano.lit.tie", [[0, 5, 0, 0, 5], [0, 0, 0, 0, 5], [0] * 5, [0] * 5, [0] * 5])

# real: airline (waves = Eco vs Business, or first vs second half of the rows)
for col in AIRLINE_COLUMNS:
    for cls in ("Eco", "Business", "all"):
        for half in ("all", "half1", "half2"):
            summary(airline_answers(col, cls, half), 1, 5)
    for a, b in [("Eco", "Business")]:
        welch(f"airline.{col}.{a}.all", f"airline.{col}.{b}.all")
        mwu(f"airline.{col}.{a}.all", f"airline.{col}.{b}.all")
    welch(f"airline.{col}.all.half1", f"airline.{col}.all.half2")
    mwu(f"airline.{col}.all.half1", f"airline.{col}.all.half2")
    did(*(f"airline.{col}.{cls}.{half}" for cls in ("Business", "Eco")
          for half in ("half1", "half2")))
for col in AIRLINE_COLUMNS:
    x = [SAMPLES[f"airline.{col}.{cls}.all"] for cls in ("Eco", "Business")]
    top = [sum(v >= 5 for v in s) for s in x]
    top2 = [sum(v >= 4 for v in s) for s in x]
    wald(top[0], len(x[0]), top[1], len(x[1]))
    wald(top2[0], len(x[0]), top2[1], len(x[1]))
for cls in ("all", "Eco", "Business"):
    wilcoxon(airline_differences("seat", "wifi", cls, "all"))
wilcoxon(airline_differences("seat", "wifi", "all", "first300"))
did_accounts(airline_differences("seat", "wifi", "Business", "first300"),
             airline_differences("seat", "wifi", "Eco", "first300"))
moments("airline_diff.seat-wifi.Business.first300")

# real: Kano storage survey, cohort 1 vs cohort 2
mwu_p = []
for feature in range(1, 6):
    c1, c2 = importance(1, feature), importance(2, feature)
    summary(c1, 1, 9)
    summary(c2, 1, 9)
    welch(c1, c2)
    mwu(c1, c2)
    x, y = SAMPLES[c1], SAMPLES[c2]
    mwu_p.append(float(stats.mannwhitneyu(x, y, method="asymptotic").pvalue))
    nps(c1)
    nps(c2)
    nps_change(c1, c2)
    for cohort in (1, 2):
        name = f"kano.c{cohort}.F{feature}"
        pairs = kano_pairs(cohort, feature)
        emit("kano_pairs", [name], pairs=[c for row in pairs for c in row])
        for table in ("classic", "pouliot"):
            for rule in ("mode", "aom_first"):
                kano(name, pairs, table, rule)
emit_bh([f"importance.c1.F{k}/importance.c2.F{k}" for k in range(1, 6)], mwu_p)

header = [
    "# Generated by tests/reference/stats_reference.py (SciPy %s, NumPy %s); do not edit."
    % (__import__("scipy").__version__, np.__version__),
]
OUT.write_text("\n".join(header + LINES) + "\n", encoding="utf-8")
print(f"wrote {len(LINES)} lines to {OUT.relative_to(ROOT)}")
