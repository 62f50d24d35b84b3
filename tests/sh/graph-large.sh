#!/bin/sh
# tier: full (a map of 2,001 objectives, about a second)
# A map too large for dot's layout (its time grows with the square of the
# objectives: five minutes for 10,000) is laid out by sfdp when no --layout
# is given, and a note says so; a --layout given is kept; DOT output, which
# is not laid out, says nothing of it (docs/graph.md, "Large plans").
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Rendering leaks inside Graphviz 2.42 (see tests/valgrind/graphviz.supp).
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
fail() { echo "FAIL: $*"; exit 1; }
python3 "$top/tests/bench/genplan.py" 2001 >"$tmp/plan.okr"

"$OKRC" graph -T svg --as-of 2027-02-15 -o "$tmp/map.svg" "$tmp/plan.okr" 2>"$tmp/err" ||
    fail "2,001 objectives without --layout: exit $?"
grep -q "^okrc graph: note: 2001 objectives on the map (more than 2000): laid out by sfdp" "$tmp/err" ||
    fail "no note of the layout: $(cat "$tmp/err")"
grep -q "<svg" "$tmp/map.svg" || fail "no SVG written"
[ "$(grep -c "<g id=\"node" "$tmp/map.svg")" -ge 2001 ] || fail "not every objective drawn"

"$OKRC" graph -T svg --layout sfdp --as-of 2027-02-15 "$tmp/plan.okr" >/dev/null 2>"$tmp/err" ||
    fail "--layout sfdp: exit $?"
grep -q "laid out by" "$tmp/err" && fail "a --layout given was overridden: $(cat "$tmp/err")"

"$OKRC" graph -T dot --as-of 2027-02-15 "$tmp/plan.okr" >"$tmp/map.dot" 2>"$tmp/err" || fail "-T dot: exit $?"
grep -q "laid out by" "$tmp/err" && fail "-T dot spoke of a layout: $(cat "$tmp/err")"
grep -q "layout" "$tmp/map.dot" && fail "-T dot names a layout engine"
echo "2,001 objectives: laid out by sfdp with a note; --layout kept; DOT output untouched"
