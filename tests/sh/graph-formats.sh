#!/bin/sh
# okrc graph takes its format from -o's extension in any case, for every
# format the installed Graphviz renders (asked of libgvc, not a fixed list);
# an unknown one exits 2, lists the formats and leaves no file.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
plan="$top/tests/cases/graph-basic.okr"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
fail() { echo "FAIL $*"; exit 1; }
magic() { od -An -tx1 -N"$2" "$1" | tr -d ' \n'; }

"$OKRC" graph --as-of 2027-02-15 -o "$tmp/map.JPG" "$plan" || fail ".JPG: exit status"
[ "$(magic "$tmp/map.JPG" 3)" = ffd8ff ] || fail ".JPG is not a JPEG: $(magic "$tmp/map.JPG" 8)"
"$OKRC" graph --as-of 2027-02-15 -o "$tmp/map.PNG" "$plan" || fail ".PNG: exit status"
[ "$(magic "$tmp/map.PNG" 4)" = 89504e47 ] || fail ".PNG is not a PNG"
"$OKRC" graph --as-of 2027-02-15 -o "$tmp/map.Svg" "$plan" || fail ".Svg: exit status"
grep -q '<svg' "$tmp/map.Svg" || fail ".Svg is not SVG"
"$OKRC" graph --as-of 2027-02-15 -T GIF -o "$tmp/map" "$plan" || fail "-T GIF: exit status"
[ "$(magic "$tmp/map" 3)" = 474946 ] || fail "-T GIF is not a GIF"
"$OKRC" graph --as-of 2027-02-15 -o "$tmp/map.dot" "$plan" || fail ".dot"
head -1 "$tmp/map.dot" | grep -q '^digraph okr' || fail ".dot is not the graph source"
"$OKRC" graph --as-of 2027-02-15 -o "$tmp/plain" "$plan" || fail "no extension"
head -1 "$tmp/plain" | grep -q '^digraph okr' || fail "no extension is not DOT"

# Every label okrc builds is valid for Graphviz, also for a key result without
# a metric (an empty <FONT> once made -T svg fail).
"$OKRC" graph --as-of 2027-02-15 -T svg -o "$tmp/no-metric.svg" "$top/tests/cases/graph-no-metric.okr" ||
    fail "a key result without a metric: Graphviz rejected the map"
grep -q '<svg' "$tmp/no-metric.svg" || fail "no-metric map is not SVG"

# Unknown: exit 2, the list of what this Graphviz renders, nothing written.
"$OKRC" graph --as-of 2027-02-15 -o "$tmp/map.foo" "$plan" 2>"$tmp/err"
[ $? -eq 2 ] || fail "unknown extension: exit status"
grep -q "unknown format 'foo'; this Graphviz renders: dot .*png.*svg" "$tmp/err" ||
    fail "unknown extension: message: $(cat "$tmp/err")"
grep -q 'x11\|gtk\|xlib' "$tmp/err" && fail "lists formats that open a window"
ls "$tmp" | grep -q 'map.foo' && fail "unknown extension left a file: $(ls "$tmp")"
"$OKRC" graph --as-of 2027-02-15 -T x11 "$plan" >/dev/null 2>&1
[ $? -eq 2 ] || fail "-T x11 must not open a window"
exit 0
