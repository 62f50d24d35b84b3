#!/bin/sh
# report -f json and -f csv parse back with standard parsers and agree.
set -eu
cases=$(cd "$(dirname "$0")/../cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$OKRC" report -f json --as-of 2027-04-01 "$cases/fixtures/report-edges.okr" >"$tmp/r.json"
"$OKRC" report -f csv --as-of 2027-04-01 "$cases/fixtures/report-edges.okr" >"$tmp/r.csv"
python3 -m json.tool "$tmp/r.json" >/dev/null
python3 - "$tmp/r.json" "$tmp/r.csv" <<'PY'
import csv, json, sys
report = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
krs = [(o, k) for o in report["objectives"] for k in o["key_results"]]
assert report["as_of"] == "2027-04-01"
assert len(rows) == len(krs), (len(rows), len(krs))
for row, (o, k) in zip(rows, krs):
    assert row["objective"] == o["id"] and row["key_result"] == k["id"]
    assert row["objective_title"] == o["title"]
    assert abs(float(row["score"]) - k["score"]) < 1e-4
    assert row["status"] == k["status"]
for o in report["objectives"]:
    for key in ("id", "title", "owner", "team", "period", "kind", "score", "expected",
                "status", "aligns", "key_results", "initiatives"):
        assert key in o, key
    for k in o["key_results"]:
        for key in ("id", "title", "owner", "unit", "from", "to", "current", "score",
                    "status", "confidence"):
            assert key in k, key
PY
