#!/usr/bin/env python3
"""Generate the two survey waves of the Fieldwise example.

    python3 generate.py           # (re)write surveys/2027-01.csv and surveys/2027-04.csv
    python3 generate.py --check   # exit 1 if the committed files differ from what it makes

The answers are synthetic but follow the story told in narrative.md:

* Wave 1 (January 2027) is the baseline, before the pilot.
* Between the waves, the nine pilot accounts (plan.pilot.include in delight.yaml) got the
  first plan wave: the invoice rate-card fix, PO and site code on invoices for AP portals,
  the offline-sync rework, and the "technician on the way" text message to their own
  customers. Their answers on those four expectations improve in wave 2.
* The pilot accounts were also moved to the early-release ring, and two releases changed
  the dispatch board without notice: their rating of release-change-notice declines.
* The nine control accounts (same satisfaction and segment, no pilot) stay roughly where
  they were, as does everybody else ("other").
* About 40% of wave-2 respondents also answered wave 1 (same respondent_id).
* Survey-export noise: a few answers transcribed as labels ("Agree"), "N/A", blank cells,
  people who stopped halfway, a handful of invalid cells on two questions (a "7" on the
  1-5 dispatch question, a "?" on the business-review question), free-text comments with
  commas, quotes and line breaks.

Only the Python 3 standard library is used, and one seeded generator, so the output is
byte-identical on every run and machine. accounts.csv is read, never written.
"""

import csv
import io
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WAVES = ("surveys/2027-01.csv", "surveys/2027-04.csv")

# The pilot (pinned in delight.yaml) and a control group matched on satisfaction and segment.
PILOT = ["ACC-1004", "ACC-1017", "ACC-1031",   # satisfied: mid-market, smb, enterprise
         "ACC-1008", "ACC-1022", "ACC-1045",   # neutral: mid-market, smb, mid-market
         "ACC-1012", "ACC-1036", "ACC-1059"]   # dissatisfied: mid-market, enterprise, smb
CONTROL = ["ACC-1027", "ACC-1044", "ACC-1065",
           "ACC-1054", "ACC-1066", "ACC-1029",
           "ACC-1043", "ACC-1025", "ACC-1005"]

# Likert questions: column -> (baseline mean, how much the respondent's mood moves it).
# Performance questions follow the respondent's overall disposition; importance barely does.
LIKERT = [
    ("q_invoice_accuracy_importance", 4.7, 0.15),
    ("q_invoice_accuracy", 2.3, 1.0),
    ("q_ap_format", 2.4, 0.9),
    ("q_ap_format_adequate", None, None),      # zone of tolerance, generated as a pair
    ("q_ap_format_desired", None, None),
    ("q_offline_sync_importance", 4.5, 0.15),
    ("q_offline_sync", 2.6, 1.0),
    ("q_eta_updates", 1.6, 0.6),
    ("q_asset_history", 2.9, 0.9),
    ("q_dispatch_speed_importance", 4.1, 0.2),
    ("q_dispatch_speed", 3.8, 0.8),
    ("q_release_notice", 2.0, 0.8),
    ("q_support_response", 3.6, 1.0),
    ("q_support_response_adequate", None, None),
    ("q_support_response_desired", None, None),
    ("q_go_live", 3.6, 0.7),
    ("q_business_review", 2.9, 0.9),
    ("q_satisfaction", 3.6, 1.3),
]
ZONES = {  # performance column -> (adequate column, desired column, mean adequate, mean desired)
    "q_ap_format": ("q_ap_format_adequate", "q_ap_format_desired", 3.0, 4.2),
    "q_support_response": ("q_support_response_adequate", "q_support_response_desired", 3.2, 4.4),
}
# Wave-2 change for pilot respondents (everyone else: none).
PILOT_SHIFT = {
    "q_invoice_accuracy": 1.0,
    "q_ap_format": 0.8,
    "q_offline_sync": 0.75,
    "q_eta_updates": 1.4,
    "q_release_notice": -0.85,
    "q_satisfaction": 0.35,
}
# Columns where a few answers arrive as the label printed on the paper form.
LABELLED = ["q_invoice_accuracy", "q_ap_format", "q_offline_sync", "q_asset_history",
            "q_dispatch_speed", "q_release_notice", "q_support_response", "q_satisfaction"]
LABELS = {5: "Strongly agree", 4: "Agree", 3: "Neither agree nor disagree",
          2: "Disagree", 1: "Strongly disagree"}

KANO_ANSWERS = {"like": "I like it", "expect": "I expect it", "neutral": "I am neutral",
                "live-with": "I can live with it", "dislike": "I dislike it"}
# Kano features: prefix -> category shares (A, O, M, I, R, Q); pilot wave 2 may differ.
KANO = {
    "k_eta": {"base": (0.46, 0.20, 0.07, 0.20, 0.04, 0.03),
              # once the pilot accounts have it, it starts to become expected
              "pilot2": (0.34, 0.33, 0.13, 0.14, 0.03, 0.03)},
    "k_alerts": {"base": (0.50, 0.17, 0.05, 0.22, 0.03, 0.03)},
    "k_benchmarks": {"base": (0.26, 0.09, 0.04, 0.44, 0.14, 0.03)},
    "k_portal": {"base": (0.35, 0.33, 0.07, 0.20, 0.02, 0.03)},
}

COMMENTS_GENERAL = [
    "Dispatch board is solid. Invoicing is where we lose time.",
    "Invoices need checking every time, overtime and contract rates are often wrong",
    "The app is great when there's signal. In plant rooms, not so much.",
    "Support is friendly, but I explain our setup again on every ticket.",
    "Please put the price on the website, my partner almost went with someone else.",
    "Our quarterly review was a product demo. We want to see our own numbers.",
    "Works well for us overall, no major complaints.",
    "We'd pay more for proper Coupa/Ariba invoicing, our biggest client rejects PDFs.",
    "Techs like the app, office likes the board, accountant hates the invoices.",
    "Training was one webinar for everyone. Our dispatchers needed more, techs needed less.",
    "Spanish version of the app please!",
    "Good product, \"good enough\" support.",
    "Photos lost after sync again last week, customer had to sign twice.",
    "The night phone line is nice, never used it.",
    "Would love alerts on units that keep failing, we see the same RTUs every July.",
    "Migration lost install dates on about a fifth of our assets.",
    "Fine.",
    "n/a",
    "Keep doing what you're doing, the board is much faster than last year.",
    "Outage in November: no updates for two hours, 80 techs waiting. Not OK.",
    "We got a true-up bill for techs we no longer have, took months to credit.",
    "Price went up at renewal, but at least we were told in advance.",
    "Our account manager changed three times in two years.",
    "Our customers keep calling to ask \"where's the tech?\" A text with an ETA would fix that.",
    "Solid, reliable, a bit expensive for a shop our size",
]
COMMENTS_MULTILINE = [
    "Three things:\n1. invoices wrong after price changes\n2. photos lost offline\n3. support doesn't know our setup",
    "Love the dispatch board.\nHate fixing invoices every Monday.",
    "Re the benchmark question: only if it's anonymous, and we choose\nwho we're compared with.",
]
COMMENTS_PILOT_AFTER = [
    "The ETA text is a hit, our biggest client's caretaker stopped calling the office.",
    "Invoices went out right first time this month. First time in a year.",
    "PO and site code now on the invoice, Coupa accepted the whole batch.",
    "Sync is much better, haven't lost a photo since February.",
    "Who moved the reassign button AGAIN? Nobody told us, dispatch was chaos on Monday.",
    "Two releases in March changed the board without warning. Please tell us first.",
    "Customers love the \"your technician is on the way\" message, with the photo.",
    "ETA texts: great.\nRelease notes: we never see them before the change lands.",
    "Good changes, but please send the release video BEFORE, not after.",
]


def read_accounts():
    with open(os.path.join(HERE, "accounts.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    accounts = []
    for r in rows:
        sat = r["satisfaction"]
        if not sat and r["nps"]:
            n = int(r["nps"])
            sat = "satisfied" if n >= 9 else "neutral" if n >= 7 else "dissatisfied"
        accounts.append((r["id"], r["segment"], sat or "unknown"))
    return accounts


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def likert(x):
    return clamp(int(round(x)), 1, 5)


def kano_pair(rng, shares):
    cat = rng.choices("AOMIRQ", weights=shares)[0]
    mid = ["expect", "neutral", "live-with"]
    if cat == "A":
        return "like", rng.choices(mid, weights=(0.2, 0.5, 0.3))[0]
    if cat == "O":
        return "like", "dislike"
    if cat == "M":
        return rng.choices(mid, weights=(0.5, 0.35, 0.15))[0], "dislike"
    if cat == "I":
        return (rng.choices(mid, weights=(0.2, 0.6, 0.2))[0],
                rng.choices(mid, weights=(0.15, 0.6, 0.25))[0])
    if cat == "R":
        return "dislike", rng.choices(["like", "neutral", "live-with"], weights=(0.3, 0.4, 0.3))[0]
    return rng.choice([("like", "like"), ("dislike", "dislike")])


def header():
    cols = ["respondent_id", "account", "group", "segment"]
    cols += [c for c, _, _ in LIKERT]
    cols += ["nps"]
    for k in KANO:
        cols += [k + "_functional", k + "_dysfunctional"]
    cols += ["comment"]
    return cols


def main():
    rng = random.Random(2027)
    accounts = read_accounts()
    pilot, control = set(PILOT), set(CONTROL)

    # Account-level mood: satisfaction plus what makes this account different.
    mood = {}
    for acc, seg, sat in accounts:
        shift = {"satisfied": 0.45, "neutral": 0.0, "dissatisfied": -0.55}.get(sat, 0.0)
        mood[acc] = shift + rng.gauss(0, 0.25)

    def group_of(acc):
        return "pilot" if acc in pilot else "control" if acc in control else "other"

    def new_person(acc, seg):
        return {"account": acc, "segment": seg, "group": group_of(acc),
                "mood": rng.gauss(0, 0.35),
                # how this person sees each question, stable across waves
                "own": {c: rng.gauss(0, 0.3) for c, _, _ in LIKERT},
                "nps_own": rng.gauss(0, 0.8)}

    # Wave 1 respondents: more per account for bigger accounts and for pilot/control.
    people1 = []
    count1 = {}
    for acc, seg, sat in accounts:
        if acc in pilot or acc in control:
            n = rng.randint(9, 12)
        elif seg == "enterprise":
            n = rng.randint(6, 10)
        elif seg == "mid-market":
            n = rng.randint(3, 6)
        else:
            n = rng.randint(2, 4)
        count1[acc] = n
        people1 += [new_person(acc, seg) for _ in range(n)]
    rng.shuffle(people1)                       # export order = order of submission
    for i, p in enumerate(people1, 1):
        p["id"] = "R-%05d" % i
    next_id = len(people1) + 1

    # Wave 2: about 42% of wave-1 respondents answer again; new people fill each account.
    people2 = []
    by_account = {}
    for p in people1:
        by_account.setdefault(p["account"], []).append(p)
    for acc, seg, sat in accounts:
        n2 = max(2, count1[acc] + rng.randint(-1, 1))
        again = [p for p in by_account.get(acc, []) if rng.random() < 0.42][:n2]
        people2 += again
        for _ in range(n2 - len(again)):
            p = new_person(acc, seg)
            p["id"] = "R-%05d" % next_id
            next_id += 1
            people2.append(p)
    rng.shuffle(people2)

    waves = [(people1, 0), (people2, 1)]
    out = []
    for people, w in waves:
        rows = [answer(rng, p, w, mood) for p in people]
        add_noise(rng, rows, w)
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header())
        writer.writerows(rows)
        out.append((buf.getvalue(), len(rows)))
    return out


def answer(rng, p, wave, mood):
    acc_mood = mood[p["account"]] + p["mood"]
    pilot_after = wave == 1 and p["group"] == "pilot"
    row = [p["id"], p["account"], p["group"], p["segment"]]
    values = {}
    for col, mean, load in LIKERT:
        if mean is None:
            continue
        x = mean + load * acc_mood + p["own"][col] + rng.gauss(0, 0.6)
        if pilot_after:
            x += PILOT_SHIFT.get(col, 0.0)
        values[col] = likert(x)
    for perf, (adq, des, m_adq, m_des) in ZONES.items():
        a = likert(m_adq + p["own"][adq] + rng.gauss(0, 0.55))
        d = clamp(a + max(0, int(round(rng.gauss(m_des - m_adq, 0.5)))), 1, 5)
        values[adq], values[des] = a, d
    cells = []
    for col, _, _ in LIKERT:
        v = str(values[col])
        if col in LABELLED and rng.random() < 0.015:
            v = LABELS[values[col]]
        cells.append(v)
    # Not-applicable answers: offices that did not onboard recently, SMBs without reviews, ...
    na_share = {"q_go_live": 0.12, "q_eta_updates": 0.06, "q_asset_history": 0.04,
                "q_business_review": 0.45 if p["segment"] == "smb" else 0.08}
    cols = [c for c, _, _ in LIKERT]
    for col, share in na_share.items():
        if rng.random() < share:
            cells[cols.index(col)] = "N/A"
    for i in range(len(cells)):                 # skipped questions
        if rng.random() < 0.02:
            cells[i] = ""
    row += cells

    nps = 7.6 + 2.2 * acc_mood + p["nps_own"] + rng.gauss(0, 1.1) + (0.8 if pilot_after else 0)
    row.append(str(clamp(int(round(nps)), 0, 10)))

    for key, spec in KANO.items():
        shares = spec["pilot2"] if pilot_after and "pilot2" in spec else spec["base"]
        f, d = kano_pair(rng, shares)
        f, d = KANO_ANSWERS[f], KANO_ANSWERS[d]
        r = rng.random()
        if r < 0.03:
            f = d = ""
        elif r < 0.04:
            d = ""
        row += [f, d]

    r = rng.random()
    if pilot_after and r < 0.45:
        comment = rng.choice(COMMENTS_PILOT_AFTER)
    elif r < 0.28:
        comment = rng.choice(COMMENTS_GENERAL)
    elif r < 0.30:
        comment = rng.choice(COMMENTS_MULTILINE)
    else:
        comment = ""
    row.append(comment)

    if rng.random() < 0.03:                     # stopped halfway: the rest is blank
        stop = rng.randint(8, len(row) - 2)
        row = row[:stop] + [""] * (len(row) - stop)
    return row


def add_noise(rng, rows, wave):
    """A few invalid cells on two questions, placed on 'other' respondents who answered."""
    cols = header()
    for col, bad, k in (("q_dispatch_speed", ["7", "6", "7", "0"], 4),
                        ("q_business_review", ["?", "?", "dk"], 3)):
        i = cols.index(col)
        eligible = [r for r in rows if r[2] == "other" and r[i] not in ("", "N/A")]
        for r, b in zip(rng.sample(eligible, k), bad):
            r[i] = b


if __name__ == "__main__":
    texts = main()
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] and not check:
        sys.exit("usage: generate.py [--check]")
    status = 0
    for path, (text, n) in zip(WAVES, texts):
        full = os.path.join(HERE, path)
        data = text.encode("utf-8")
        if check:
            try:
                with open(full, "rb") as f:
                    same = f.read() == data
            except OSError:
                same = False
            if not same:
                print("differs: " + path, file=sys.stderr)
                status = 1
        else:
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
            print("wrote %s (%d respondents)" % (path, n))
    sys.exit(status)
