#!/bin/sh
# okrc graph -o: whole or absent. An unwritable directory or a full device
# exits 2 and leaves nothing; a failed run keeps an existing file untouched.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
plan="$top/tests/cases/graph-basic.okr"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
fail() { echo "FAIL $*"; exit 1; }

"$OKRC" graph -o "$tmp/missing/map.svg" "$plan" 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing directory: exit status"
[ -e "$tmp/missing" ] && fail "missing directory: something was created"
grep -q "cannot write" "$tmp/err" || fail "missing directory: no message"

for t in dot svg; do
    "$OKRC" graph -T $t -o /dev/full "$plan" 2>"$tmp/err"
    [ $? -eq 2 ] || fail "/dev/full -T $t: exit status"
    [ -c /dev/full ] || fail "/dev/full is no longer a device"
    ls /dev | grep -q 'full.tmp' && fail "/dev/full -T $t: temporary file left"
done

# A failed run (unknown root, plan errors, bad layout) keeps the old file.
echo old >"$tmp/map.svg"
"$OKRC" graph --root nope -o "$tmp/map.svg" "$plan" 2>/dev/null
[ $? -eq 2 ] || fail "unknown root: exit status"
printf 'objective a "Aligned to nothing known" { aligns nope }\n' >"$tmp/bad.okr"
"$OKRC" graph -o "$tmp/map.svg" "$tmp/bad.okr" 2>/dev/null
[ $? -eq 1 ] || fail "plan errors: exit status"
"$OKRC" graph --layout nope -o "$tmp/map.svg" "$plan" 2>/dev/null
[ $? -eq 2 ] || fail "unknown layout: exit status"
[ "$(cat "$tmp/map.svg")" = old ] || fail "a failed run changed the file"
[ "$(ls "$tmp" | wc -l)" -eq 3 ] || fail "temporary files left: $(ls "$tmp")"

# A good run replaces it, with the format from the extension.
"$OKRC" graph -o "$tmp/map.svg" "$plan" || fail "good run"
grep -q '<svg' "$tmp/map.svg" || fail "not svg"
"$OKRC" graph -o "$tmp/map.gv" "$plan" || fail "good run .gv"
head -1 "$tmp/map.gv" | grep -q '^digraph okr' || fail "not dot"
[ "$(ls "$tmp" | wc -l)" -eq 4 ] || fail "temporary files left: $(ls "$tmp")"
echo ok
