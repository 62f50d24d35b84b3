#!/bin/sh
# Finding fingerprints (SARIF partialFingerprints.primaryLocationLineHash and
# the Code Quality fingerprint) keep a finding's identity across commits:
# the same when lines are inserted above and the finding's line is
# re-indented, different when the finding's line changes, distinct for two
# equal findings, and the same in both formats.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
command -v python3 >/dev/null 2>&1 || { echo "FAIL: python3 is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

cat >base.okr <<'OKR'
plan "Plan" { period 2027  owner @ceo }
team sales "Sales" { lead @ceo }
objective grow "Double annual recurring revenue" {
  team salse
  kr crm "Implement a new CRM" { milestone }
}
objective retain "Keep every customer we have" {
  team sales
  kr a "Churn" { from 5% to 2% }
}
objective win "Win the customers we lost" {
  team sales
  kr a "Churn" { from 5% to 2% }
}
OKR
{ printf '# Plan of the sales team\n\n# inserted above\n'; sed 's/^  team salse$/      team   salse/' base.okr; } >moved.okr
sed 's/team salse/team sals/' base.okr >changed.okr
for f in base moved changed; do
    cp $f.okr plan.okr
    "$OKRC" check --format sarif --as-of 2027-01-10 plan.okr >$f.sarif
    [ $? -eq 1 ] || { echo "FAIL: $f.okr should have errors"; exit 1; }
    "$OKRC" check --format codequality --as-of 2027-01-10 plan.okr >$f.cq
done
python3 - <<'PY'
import json, sys
def sarif(name):
    r = json.load(open(name + ".sarif"))["runs"][0]["results"]
    return [(x["ruleId"], x["locations"][0]["physicalLocation"]["region"]["startLine"],
             x["partialFingerprints"]["primaryLocationLineHash"]) for x in r]
fail = False
def check(ok, msg):
    global fail
    if not ok:
        print("FAIL: " + msg); fail = True
base, moved, changed = sarif("base"), sarif("moved"), sarif("changed")
check(len(base) >= 4, "expected several findings, got %d" % len(base))
check(len(base) == len(moved) == len(changed), "the findings differ in number")
check(all(m[1] == b[1] + 3 for b, m in zip(base, moved)), "the moved findings are not 3 lines lower")
check([(b[0], b[2]) for b in base] == [(m[0], m[2]) for m in moved],
      "a fingerprint changed when lines were inserted above:\n%s\n%s" % (base, moved))
fps = [b[2] for b in base]
check(len(set(fps)) == len(fps), "two findings share a fingerprint: %s" % fps)
churn = [b[2] for b in base if b[0] == "smart-specific" and b[1] in (9, 13)]
check(len(churn) == 2 and churn[0].split(":")[0] == churn[1].split(":")[0]
      and churn[0] != churn[1], "equal findings on equal lines must differ by occurrence: %s" % churn)
for b, c in zip(base, changed):
    if b[0] == "unknown-ref":
        check(b[2] != c[2], "the fingerprint stayed when the finding's line changed")
    else:
        check(b[2] == c[2], "an unrelated fingerprint changed: %s %s" % (b, c))
check(any(b[0] == "unknown-ref" for b in base), "no unknown-ref finding")
cq = [(x["check_name"], x["location"]["lines"]["begin"], x["fingerprint"]) for x in json.load(open("base.cq"))]
check(cq == base, "Code Quality and SARIF disagree:\n%s\n%s" % (cq, base))
sys.exit(1 if fail else 0)
PY
