#!/bin/sh
# okrc check --format codequality against the fields GitLab's Code Quality
# report documents (a JSON array of issues: description, check_name,
# fingerprint, severity in info|minor|major|critical|blocker, location.path
# relative to the repository without "./", location.lines.begin), plus the
# Code Climate fields okrc adds (type, categories, lines.end). Every rule's
# findings pass; fingerprints are unique; the exit code is check's.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
command -v python3 >/dev/null 2>&1 || { echo "FAIL: python3 is not installed"; exit 1; }
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/plans/sub dir"
# The golden cases' plans hold a finding of every rule; two copies of one
# plan make equal findings that still need distinct fingerprints.
cp "$top"/tests/cases/rule-*-fires.okr "$top/tests/cases/duplicate-id.okr" "$tmp/plans/"
cp "$top/tests/cases/rule-github.okr" "$tmp/plans/sub dir/a.okr"
cp "$top/tests/cases/rule-github.okr" "$tmp/plans/sub dir/b.okr"
cd "$tmp" || exit 1
rc=0
n=0
for f in plans/*.okr "./plans/sub dir/a.okr" ".//plans/sub dir/b.okr"; do
    n=$((n + 1))
    "$OKRC" check --format codequality --as-of 2027-02-15 "$f" >"out$n.json"
    code=$?
    "$OKRC" check --as-of 2027-02-15 "$f" 2>/dev/null
    [ $code -eq $? ] || { echo "FAIL: $f: the exit code differs from the human format's"; rc=1; }
done
"$OKRC" check --format gitlab --as-of 2027-02-15 "./plans/sub dir/a.okr" "plans/sub dir/b.okr" >both.json
python3 - out*.json both.json <<'PY' || rc=1
import json, sys
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
CATEGORIES = {"Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication",
              "Performance", "Security", "Style"}
KEYS = {"type", "check_name", "description", "categories", "severity", "fingerprint", "location"}
fail = []
rules = set()
for name in sys.argv[1:]:
    issues = json.load(open(name, encoding="utf-8"))
    if not isinstance(issues, list):
        fail.append(f"{name}: not a JSON array"); continue
    seen = set()
    for i, x in enumerate(issues):
        where = f"{name}[{i}]"
        if set(x) != KEYS:
            fail.append(f"{where}: keys {sorted(x)}")
            continue
        for k in ("type", "check_name", "description", "severity", "fingerprint"):
            if not isinstance(x[k], str) or not x[k]:
                fail.append(f"{where}: {k} is not a non-empty string")
        if x["type"] != "issue": fail.append(f"{where}: type {x['type']}")
        if x["severity"] not in SEVERITIES: fail.append(f"{where}: severity {x['severity']}")
        if not x["categories"] or not set(x["categories"]) <= CATEGORIES:
            fail.append(f"{where}: categories {x['categories']}")
        loc = x["location"]
        path, lines = loc.get("path"), loc.get("lines", {})
        if not isinstance(path, str) or not path or path.startswith(("./", "/")) or "//" in path:
            fail.append(f"{where}: path {path!r} is not relative to the repository")
        b, e = lines.get("begin"), lines.get("end")
        if not (isinstance(b, int) and isinstance(e, int) and 1 <= b <= e):
            fail.append(f"{where}: lines {lines}")
        if x["fingerprint"] in seen: fail.append(f"{where}: fingerprint {x['fingerprint']} repeated")
        seen.add(x["fingerprint"])
        rules.add(x["check_name"])
both = json.load(open("both.json"))
paths = {x["location"]["path"] for x in both}
if paths != {"plans/sub dir/a.okr", "plans/sub dir/b.okr"}: fail.append(f"paths {paths}")
if len(rules) < 12: fail.append(f"only {len(rules)} rules seen: {sorted(rules)}")
for f in fail: print("FAIL: " + f)
sys.exit(1 if fail else 0)
PY
exit $rc
