#!/bin/sh
# tier: full (valgrind)
# Valgrind on okrc graph: DOT output strictly (no suppressions at all); the
# renderers with tests/valgrind/graphviz.supp, which hides only what Graphviz
# 2.42 and fontconfig leak. Skipped for the sanitized binary and without valgrind.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cases="$top/tests/cases"
case "$OKRC" in *-asan) echo "skipped: valgrind cannot run a sanitized binary"; exit 77 ;; esac
command -v valgrind >/dev/null || { echo "skipped: valgrind is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg() { # valgrind options..., then okrc arguments
    valgrind -q --num-callers=50 --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@" >/dev/null
}
for plan in graph-basic graph-hostile; do
    vg "$OKRC" graph -T dot --initiatives "$cases/$plan.okr" || { echo "FAIL dot $plan"; exit 1; }
done
vg "$OKRC" graph -T dot --root nope "$cases/graph-basic.okr" 2>/dev/null
[ $? -eq 2 ] || { echo "FAIL dot unknown root"; exit 1; }
for t in svg png; do
    vg --suppressions="$top/tests/valgrind/graphviz.supp" "$OKRC" graph -T $t --initiatives \
        -o "$tmp/map.$t" "$cases/graph-basic.okr" || { echo "FAIL $t"; exit 1; }
done
echo ok
