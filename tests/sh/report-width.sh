#!/bin/sh
# report -f text fits the width it is given: COLUMNS (60..400, else 80),
# counted in display columns; the gauges of objectives and key results
# stand in one column whatever the width.
set -eu
cases=$(cd "$(dirname "$0")/../cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/check.py" <<'PY'
import re, sys, unicodedata
cols = sys.argv[1]
want = max(60, min(400, int(cols))) if cols.isdigit() else 80
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
columns = set()
for line in sys.stdin.read().splitlines():
    assert width(line) <= want, f"COLUMNS={cols}: {width(line)} columns: {line!r}"
    m = re.search(r"[█░]{10} \d\.\d\d ", line)
    if m:
        columns.add(width(line[:m.start()]))
assert len(columns) == 1, f"COLUMNS={cols}: gauges in columns {sorted(columns)}"
print(f"COLUMNS={cols}: lines within {want} columns, gauges at column {columns.pop()}")
PY
for cols in none 60 80 100 132 500 abc; do
    if [ "$cols" = none ]; then unset COLUMNS; else export COLUMNS=$cols; fi
    "$OKRC" report --as-of 2027-02-15 "$cases/report-story.okr" 2>/dev/null | python3 "$tmp/check.py" "$cols"
done
