#!/bin/sh
# A check-in entry keeps where its parts are written as short offsets (its
# reference from its check-in's start in 16 bits, its value and confidence
# from the reference in 8), its confidence and unit index in 8 bits; an
# entry whose parts do not fit keeps them whole beside its grade and note
# (model.h, "wide"). This plan has both kinds side by side: values and
# confidences after a comment of 70,000 bytes or of 300, references more
# than 64 KiB into their check-in, a confidence written in 40 digits, 300
# units in one file, a reference of 70,000 bytes, a confidence that is not
# a whole number. Every value, unit, confidence and span must come out as
# written.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/gen.py" <<'PY'
import sys
pad = "  # " + "x" * 70000 + "\n   "
pad300 = "  # " + "x" * 300 + "\n   "
longid = "o" + "a" * 70000
out = []
for j in range(100):
    out.append(f'objective o{j} "Grow the business in market {j}" {{\n  owner @ana  period 2027-Q1\n')
    for i in range(3):
        u = 3 * j + i
        out.append(f'  kr k{i} "Revenue in market {j} in u{u}" {{ from 0 u{u} to 1000 u{u} }}\n')
    out.append('}\n')
out.append('objective m "Ship the editor to every team" {\n  owner @ana  period 2027-Q1\n'
           '  kr m "Editor in use by every team" { milestone }\n}\n')
out.append(f'objective {longid} "Keep the long name in every market" {{\n  owner @ana  period 2027-Q1\n'
           '  kr k "Revenue in users" { from 0 users to 10 users }\n}\n')
out.append('checkin 2027-02-01 {\n')
for j in range(100):
    for i in range(3):
        u = 3 * j + i
        conf = ['', '  confidence ' + '0' * 39 + '7', f'  confidence {pad} 8', '  confidence 6'][u % 4]
        val = f'{pad if j % 2 else pad300} {u + 1} u{u}' if u % 5 == 0 else f'{u + 1} u{u}'
        out.append(f'  o{j}.k{i} = {val}{conf}\n')
out.append(f'  m.m = {pad} not done\n')
out.append(f'  {longid}.k = 4 users  confidence 3\n')
out.append('}\ncheckin 2027-02-15 {\n')
out.append(f'  {longid}.k confidence {pad} 9\n')
if sys.argv[1:] != ['clean']:
    out.append(f'  o99.k2 = {pad} 7 kg\n')

    out.append('  o0.k0 = 17 u0  confidence 0.5\n')
out.append('}\n')
if sys.argv[1:] != ['clean']:     # near its check-in's start, 300 bytes from its reference
    out.append(f'checkin 2027-02-20 {{\n  o98.k1 = {pad300} 5 u1\n}}\n')
sys.stdout.write(''.join(out))
PY
python3 "$tmp/gen.py" clean >"$tmp/clean.okr"
python3 "$tmp/gen.py" >"$tmp/errors.okr"

# The clean plan: no error (a unit index cut to 8 bits would be another
# unit), and every value with its own confidence.
"$OKRC" check --format json --as-of 2027-03-01 "$tmp/clean.okr" >"$tmp/clean.json" 2>/dev/null || true
"$OKRC" report -f json --as-of 2027-03-01 "$tmp/clean.okr" >"$tmp/report.json" 2>/dev/null || true
# The plan with errors: each at the value or confidence it is about.
"$OKRC" check --format json --as-of 2027-03-01 "$tmp/errors.okr" >"$tmp/errors.json" 2>/dev/null || true
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
errors = [d for d in json.load(open(f"{tmp}/clean.json"))["diagnostics"] if d["severity"] == "error"]
if errors:
    sys.exit(f"FAIL: the clean plan has errors: {errors[:2]}")
try:
    r = json.load(open(f"{tmp}/report.json"))
except ValueError:
    sys.exit("FAIL: no report of the clean plan")
bad = []
for o in r["objectives"]:
    if not o["id"].startswith("o") or o["id"].startswith("oaa"):
        continue
    j = int(o["id"][1:])
    for i, kr in enumerate(o["key_results"]):
        u = 3 * j + i
        h = kr["history"]
        want = [None, 7, 8, 6][u % 4]
        if len(h) != 1 or h[0]["value"] != u + 1 or h[0]["confidence"] != want:
            bad.append((o["id"], kr["id"], h))
if bad:
    sys.exit(f"FAIL: {len(bad)} values not as written, as {bad[:3]}")
m = next(o for o in r["objectives"] if o["id"] == "m")["key_results"][0]["history"]
if [x["value"] for x in m] != [False]:
    sys.exit(f"FAIL: the milestone's 'not done' reads {m}")
long_kr = next(o for o in r["objectives"] if o["id"].startswith("oaa"))["key_results"][0]["history"]
if [(x["value"], x["confidence"]) for x in long_kr] != [(4, 3), (None, 9)]:
    sys.exit(f"FAIL: the long reference's check-ins read {long_kr}")

lines = open(f"{tmp}/errors.okr").read().split("\n")
kg = next(n for n, t in enumerate(lines, 1) if t.strip() == "7 kg")
near = next(n for n, t in enumerate(lines, 1) if t.strip() == "5 u1")
half = next(n for n, t in enumerate(lines, 1) if "confidence 0.5" in t)
found = {(d["rule"], d["line"], d["column"], d["end_column"])
         for d in json.load(open(f"{tmp}/errors.json"))["diagnostics"] if d["severity"] == "error"}
want = {("unit-mismatch", kg, 5, 9), ("unit-mismatch", near, 5, 9),
        ("confidence-range", half, lines[half - 1].index("0.5") + 1, lines[half - 1].index("0.5") + 4)}
if found != want:
    sys.exit(f"FAIL: errors {sorted(found)}, not {sorted(want)}")
print(f"300 values in 300 units, wide and short side by side, as written; errors at their spans")
PY
