#!/usr/bin/env python3
"""genplan.py — a large, valid OKR plan for `make bench` and the tests.

usage: genplan.py N_OBJECTIVES [--format okr|json] [--seed S] > plan.okr

The plan is shaped like a real company's: a team tree (the company, about
sqrt(N)/4 departments, N/4 teams), yearly objectives for the company and the
departments and quarterly ones for the teams, each aligned to an objective
of its parent team; three key results per objective (from/to in one of
several units, an owner each), two initiatives supporting them, and four
check-ins per key result inside its objective's period. The json form holds
the same data, to compare okrc's parsing with a general tool (jq).

The numbers come from a small xorshift generator rather than Python's
`random`, so a size and seed give the same bytes with any Python 3.
"""
import json
import sys

NOUNS = ("revenue", "retention", "churn", "pipeline", "margin", "uptime",
         "latency", "adoption", "referrals", "renewals", "onboarding", "quality",
         "satisfaction", "conversion", "expansion", "coverage")
QUALIFIERS = ("enterprise", "self-serve", "partner", "mobile", "european",
              "first-year", "weekly", "regional", "premium", "support")
UNITS = ("EUR", "USD", "%", "leads", "tickets", "users", "deals", "ms")


class Rng:
    """xorshift64*: deterministic and independent of the Python version."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & (2**64 - 1) or 1

    def next(self):
        x = self.state
        x ^= (x >> 12)
        x ^= (x << 25) & (2**64 - 1)
        x ^= (x >> 27)
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & (2**64 - 1)

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


def objective_title(rng):
    return (f"Make {rng.pick(QUALIFIERS)} {rng.pick(NOUNS)} and "
            f"{rng.pick(NOUNS)} the best in our market")


def kr_title(rng, unit):
    return f"{rng.pick(QUALIFIERS).capitalize()} {rng.pick(NOUNS)} in {unit}"


def quarter_days(q):
    """Four check-in dates inside quarter q of 2027."""
    first = 3 * (q - 1) + 1
    return [f"2027-{first:02d}-14", f"2027-{first + 1:02d}-01",
            f"2027-{first + 1:02d}-25", f"2027-{first + 2:02d}-20"]


YEAR_DAYS = ["2027-02-10", "2027-05-12", "2027-08-18", "2027-11-24"]


def build(n_obj, seed):
    rng = Rng(seed)
    n_dept = max(1, int(n_obj ** 0.5) // 4)
    n_team = max(1, n_obj // 4)
    teams = [("company", None)]
    teams += [(f"dept{d}", "company") for d in range(n_dept)]
    teams += [(f"team{t}", f"dept{t % n_dept}") for t in range(n_team)]
    parent_of = dict(teams)
    objectives_of = {}
    objs = []
    for i in range(n_obj):
        if i == 0:
            team, aligns = "company", None
        else:
            team = teams[1 + (i - 1) % (len(teams) - 1)][0]
            above = objectives_of.get(parent_of[team]) or objectives_of["company"]
            aligns = rng.pick(above)
        quarter = 0 if team == "company" or team.startswith("dept") else 1 + i % 4
        period = "2027" if quarter == 0 else f"2027-Q{quarter}"
        days = YEAR_DAYS if quarter == 0 else quarter_days(quarter)
        oid = f"o{i}"
        objectives_of.setdefault(team, []).append(oid)
        krs = []
        for k in range(3):
            unit = rng.pick(UNITS)
            start = rng.below(2000)
            goal = start + 1 + rng.below(2000)
            values = sorted(start + rng.below(goal - start + 1) for _ in days)
            krs.append({"id": f"k{k}", "title": kr_title(rng, unit), "from": start,
                        "to": goal, "unit": unit, "owner": f"p{rng.below(n_obj + 1)}",
                        "checkins": [{"date": d, "value": v, "confidence": 4 + j}
                                     for j, (d, v) in enumerate(zip(days, values))]})
        objs.append({"id": oid, "title": objective_title(rng), "team": team,
                     "period": period, "aligns": aligns,
                     "owner": f"p{rng.below(n_obj + 1)}",
                     "kind": "aspirational" if rng.below(3) == 0 else "committed",
                     "krs": krs,
                     "initiatives": [{"id": "i0", "supports": ["k0"]},
                                     {"id": "i1", "supports": ["k1", "k2"]}]})
    return teams, objs


def quantity(value, unit):
    return f"{value}%" if unit == "%" else f"{value} {unit}"


def write_okr(teams, objs, out):
    w = out.write
    w('plan "Generated benchmark plan" { period 2027  owner @ceo }\n\n')
    for tid, parent in teams:
        above = f"  parent {parent}" if parent else ""
        w(f'team {tid} "Team {tid}" {{ lead @lead_{tid}{above} }}\n')
    for o in objs:
        w(f'\nobjective {o["id"]} "{o["title"]}" {{\n')
        w(f'  team {o["team"]}  period {o["period"]}  owner @{o["owner"]}  {o["kind"]}\n')
        if o["aligns"]:
            w(f'  aligns {o["aligns"]}\n')
        for k in o["krs"]:
            w(f'  kr {k["id"]} "{k["title"]}" {{ from {quantity(k["from"], k["unit"])} '
              f'to {quantity(k["to"], k["unit"])}  owner @{k["owner"]} }}\n')
        w(f'  initiative i0 "Weekly review of {o["krs"][0]["title"].lower()}" {{ supports k0 }}\n')
        w('  initiative i1 "Pair the owners of both results" { supports k1, k2 }\n')
        w("}\n")
        for n in range(4):
            w(f'checkin {o["krs"][0]["checkins"][n]["date"]} {{\n')
            for k in o["krs"]:
                c = k["checkins"][n]
                w(f'  {o["id"]}.{k["id"]} = {quantity(c["value"], k["unit"])} '
                  f'confidence {c["confidence"]}\n')
            w("}\n")


def main(argv):
    if not argv or not argv[0].isdigit():
        sys.exit(__doc__)
    n = int(argv[0])
    opts = dict(zip(argv[1::2], argv[2::2]))
    fmt = opts.get("--format", "okr")
    seed = int(opts.get("--seed", "1"))
    if n < 1 or set(opts) - {"--format", "--seed"} or fmt not in ("okr", "json"):
        sys.exit(__doc__)
    teams, objs = build(n, seed)
    if fmt == "okr":
        write_okr(teams, objs, sys.stdout)
    else:
        json.dump({"plan": {"title": "Generated benchmark plan", "period": "2027"},
                   "teams": [{"id": t, "parent": p} for t, p in teams],
                   "objectives": objs}, sys.stdout, indent=None, separators=(",", ":"))
        sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
