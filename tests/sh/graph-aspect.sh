#!/bin/sh
# The map of a wide plan fits a slide: generated plans of 40 and 200
# objectives come out between 1:2 and 2:1 (about 16:9), --size 16,9 scales
# the drawing into 16 by 9 inches, and the map carries the plan's title and
# as-of date. Small plans keep their natural shape.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
# Rendering leaks inside Graphviz 2.42 (see tests/valgrind/graphviz.supp).
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
size() { # SVG → "W H" in points
    sed -n 's/.*<svg width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$1" | head -1
}
for n in 40 200; do
    python3 "$top/tests/bench/genplan.py" "$n" >"$tmp/plan$n.okr"
    "$OKRC" graph -T svg --as-of 2027-02-15 "$tmp/plan$n.okr" >"$tmp/map$n.svg" 2>/dev/null
    size "$tmp/map$n.svg" | {
        read -r w h
        python3 -c "import sys; w, h = float(sys.argv[1]), float(sys.argv[2]); r = w / h
assert 0.5 <= r <= 2, f'{sys.argv[3]} objectives: {w:.0f} x {h:.0f} pt, {r:.2f}:1'
print(f'{sys.argv[3]} objectives: {w:.0f} x {h:.0f} pt, {r:.2f}:1')" "$w" "$h" "$n"
    }
    grep -q 'Generated benchmark plan — as of 2027&#45;02&#45;15' "$tmp/map$n.svg" || { echo "FAIL: no title on the map of $n"; exit 1; }
done
"$OKRC" graph -T svg --size 16,9 --as-of 2027-02-15 "$tmp/plan200.okr" >"$tmp/slide.svg" 2>/dev/null
size "$tmp/slide.svg" | {
    read -r w h
    python3 -c "import sys; w, h = float(sys.argv[1]), float(sys.argv[2])
assert w <= 16 * 72 + 1 and h <= 9 * 72 + 1, f'--size 16,9: {w} x {h} pt'
print(f'--size 16,9: {w:.0f} x {h:.0f} pt')" "$w" "$h"
}
set +e
"$OKRC" graph --size 16x9 "$tmp/plan40.okr" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "size takes W,H" "$tmp/err" || { echo "FAIL: --size 16x9: exit $rc"; exit 1; }
