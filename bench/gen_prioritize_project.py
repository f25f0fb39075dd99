#!/usr/bin/env python3
"""Writes a delight project with N white spaces for bench/prioritize (seeded, stdlib only).

    bench/gen_prioritize_project.py DIR [N] [SEED]

Every expectation is a white space (missing or partial, explicit or by the zone of
tolerance) with the fields a real catalogue carries: kind, Kano category (about 2 % reverse,
which prioritize lists unranked), importance, performance and sometimes adequate/desired,
0–3 competitor ratings, 0–4 ability factors (some with none: the 0.5 default), effort,
functions. Values sit on the 1–5 scale in steps of 0.1, so ties are rare but possible.
"""
import random
import sys
from pathlib import Path

TOUCHPOINTS = ["discovery", "sales-demo", "contract", "onboarding", "data-migration",
               "daily-use", "mobile-field", "billing", "support", "renewal"]
FUNCTIONS = ["finance", "marketing", "consulting", "solution-design-delivery", "sales",
             "service", "after-sales-support"]
COMPETITORS = ["servicepro", "dispatchly", "excel-and-phone"]
KINDS = ["stated", "implied", "latent", "future"]
KANO = [("must-be", 25), ("performance", 30), ("attractive", 30), ("indifferent", 5),
        ("unknown", 8), ("reverse", 2)]
FACTORS = ["budget", "technology", "personnel", "skills"]


def value(rng, low=1.0, high=5.0):
    return round(rng.uniform(low, high), 1)


def flow_map(pairs):
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def expectation(rng, i):
    kano = rng.choices([k for k, _ in KANO], weights=[w for _, w in KANO])[0]
    functions = rng.sample(FUNCTIONS, rng.choice([1, 1, 2, 3]))
    lines = [f"- id: white-space-{i:04d}",
             f"  text: Generated white space number {i} for the prioritize benchmark",
             f"  kind: {rng.choice(KINDS)}",
             f"  kano: {kano}",
             f"  touchpoint: {rng.choice(TOUCHPOINTS)}",
             f"  functions: [{', '.join(functions)}]",
             f"  importance: {value(rng, 2.0)}"]
    if rng.random() < 0.3:
        # Decided by the zone of tolerance: performance below adequate → missing.
        adequate = value(rng, 2.5, 4.0)
        desired = round(min(5.0, adequate + value(rng, 0.2, 1.0)), 1)
        lines += [f"  performance: {round(adequate - value(rng, 0.1, 1.4), 1)}",
                  f"  adequate: {adequate}", f"  desired: {desired}"]
    else:
        lines.append(f"  delivery: {rng.choice(['missing', 'partial'])}")
        if rng.random() < 0.5:
            lines.append(f"  performance: {value(rng, 1.0, 3.5)}")
    rated = rng.sample(COMPETITORS, rng.randint(0, 3))
    if rated:
        lines.append("  competitors: " + flow_map(
            (c, rng.choice(["better", "equal", "worse"])) for c in rated))
    if rng.random() < 0.9:
        factors = rng.sample(FACTORS, rng.randint(1, 4))
        lines.append("  ability: " + flow_map((f, rng.randint(1, 5)) for f in factors))
    lines.append(f"  effort: {rng.choice([0.5, 1, 2, 3, 5, 8])}")
    return "\n".join(lines)


def main():
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2027)
    out.mkdir(parents=True, exist_ok=True)
    (out / "delight.yaml").write_text(
        "version: 1\n"
        "project: {name: prioritize benchmark}\n"
        f"touchpoints: [{', '.join(TOUCHPOINTS)}]\n"
        f"functions: [{', '.join(FUNCTIONS)}]\n"
        f"competitors: [{', '.join(COMPETITORS)}]\n"
        "expectations: expectations.yaml\n"
        "priority:\n"
        "  sensitivity: {draws: 1000, concentration: 50, seed: 1, top_k: 5}\n")
    body = "\n\n".join(expectation(rng, i) for i in range(1, n + 1))
    (out / "expectations.yaml").write_text(body + "\n")


if __name__ == "__main__":
    main()
