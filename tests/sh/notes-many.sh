#!/bin/sh
# A check-in entry's grade and note are kept by its check-in, found by the
# entry's address (model.h, entry_more): a check-in of 40,000 values, each
# with a note of its own, spans several of the arena's blocks, whose
# addresses need not rise with the order of the entries. Every value must
# come out with its own note, and the grades of an objective with their
# own values.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 - "$tmp/plan.okr" <<'PY'
import sys
n = 40000
with open(sys.argv[1], "w") as f:
    f.write('objective o "Grow the business" {\n  owner @ana  period 2027-Q1\n')
    for i in range(n):
        f.write(f'  kr k{i} "Result number {i} in users" {{ from 0 users to {n} users }}\n')
    f.write('}\ncheckin 2027-02-01 {\n')
    for i in range(n):
        note = f'  note "note of k{i}"' if i % 3 else ""
        f.write(f'  o.k{i} = {i} users{note}\n')
    f.write('}\n')
    for g in range(200):
        f.write(f'checkin 2027-03-{1 + g % 28:02d} {{ o grade {g / 200:.3f}  note "grade {g}" }}\n')
PY
"$OKRC" report -f json --as-of 2027-03-31 "$tmp/plan.okr" >"$tmp/report.json" 2>"$tmp/err" || true
python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["objectives"][0]
bad = 0
for kr in o["key_results"]:
    i = int(kr["id"][1:])
    h = kr["history"]
    want = f"note of k{i}" if i % 3 else None
    if len(h) != 1 or h[0]["value"] != i or h[0]["note"] != want:
        bad += 1
        if bad < 4:
            print(f"FAIL: {kr['id']}: {h}")
if bad:
    sys.exit(f"FAIL: {bad} key results with a note not their own")
# the last grade of the last date (2027-03-28) in the plan: 195 / 200
if o["grade"] != 0.975:
    sys.exit(f"FAIL: the objective's grade is {o['grade']}, not 0.975")
print(f"{len(o['key_results'])} values, each with its own note; grades with notes")
PY
