#!/bin/sh
# okrc fmt on files as a user runs it: -w rewrites only what changes (a
# canonical file keeps its inode and mtime), --check lists and exits 1,
# --diff prints a unified diff that patch(1) applies, DIR means every .okr
# below it, and a file with syntax errors is never written.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
mkdir -p "$tmp/plans/sub"
printf 'plan "P"{period 2027}\n' >"$tmp/plans/messy.okr"
printf 'plan "Q" { period 2027 }\n' >"$tmp/plans/sub/clean.okr"
printf 'plan "R" { period 2027 \n' >"$tmp/plans/sub/broken.okr"
cp "$tmp/plans/messy.okr" "$tmp/messy.orig"
cp "$tmp/plans/sub/broken.okr" "$tmp/broken.orig"

"$OKRC" fmt --check "$tmp/plans/messy.okr" "$tmp/plans/sub/clean.okr" >"$tmp/out" 2>&1
[ $? -eq 1 ] || fail "--check with a file to change should exit 1"
[ "$(cat "$tmp/out")" = "$tmp/plans/messy.okr" ] || fail "--check should list only messy.okr: $(cat "$tmp/out")"
"$OKRC" fmt --check "$tmp/plans/sub/clean.okr" >"$tmp/out" 2>&1 || fail "--check on a canonical file should exit 0"
[ -s "$tmp/out" ] && fail "--check on a canonical file should print nothing"

"$OKRC" fmt --diff "$tmp/plans/messy.okr" >"$tmp/diff"
[ $? -eq 1 ] || fail "--diff with a change should exit 1"
cmp -s "$tmp/plans/messy.okr" "$tmp/messy.orig" || fail "--diff changed the file"
(cd "$tmp" && cp messy.orig patched.okr && patch -s patched.okr <diff) || fail "patch could not apply the diff"
"$OKRC" fmt "$tmp/plans/messy.okr" >"$tmp/printed"
cmp -s "$tmp/patched.okr" "$tmp/printed" || fail "the patched file is not the formatted one"

touch -d '2020-01-01 00:00' "$tmp/plans/sub/clean.okr"
before=$(ls -i --time-style=+%s -l "$tmp/plans/sub/clean.okr" | awk '{print $1, $7}')
"$OKRC" fmt -w "$tmp/plans" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "-w on a tree with a broken file should exit 1"
grep -q 'broken.okr:2:1: error' "$tmp/err" || fail "-w should report the syntax error: $(cat "$tmp/err")"
cmp -s "$tmp/plans/sub/broken.okr" "$tmp/broken.orig" || fail "-w wrote a file with syntax errors"
cmp -s "$tmp/plans/messy.okr" "$tmp/printed" || fail "-w did not rewrite messy.okr"
after=$(ls -i --time-style=+%s -l "$tmp/plans/sub/clean.okr" | awk '{print $1, $7}')
[ "$before" = "$after" ] || fail "-w touched a canonical file ($before, then $after)"
[ -n "$(find "$tmp/plans" -name "*.tmp-*")" ] && fail "-w left a temporary file behind"

printf 'plan "S"{period 2027}\n' | "$OKRC" fmt - >"$tmp/out" || fail "fmt - should read standard input"
[ "$(cat "$tmp/out")" = 'plan "S" { period 2027 }' ] || fail "fmt - printed $(cat "$tmp/out")"
echo 'x' | "$OKRC" fmt -w - >/dev/null 2>&1
[ $? -eq 2 ] || fail "-w on standard input should be a usage error"
exit $((fails > 0))
