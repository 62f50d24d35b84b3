#!/bin/sh
# -o writes atomically, a failed write exits 2 and leaves nothing behind, and
# a reader that stops early (| head -1) ends the report quietly.
set -eu
cases=$(cd "$(dirname "$0")/../cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plan="$cases/fixtures/report-basic.okr"
"$OKRC" report -f md --as-of 2027-02-15 -o "$tmp/r.md" "$plan"
head -1 "$tmp/r.md" | grep -q '^# Acme 2027'
[ "$(ls "$tmp")" = r.md ]
if [ -w /dev/full ]; then
    set +e
    "$OKRC" report --as-of 2027-02-15 "$plan" >/dev/full 2>"$tmp/err"
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || { echo "write to /dev/full exited $rc"; exit 1; }
    grep -q 'cannot write' "$tmp/err"
fi
set +e
"$OKRC" report --as-of 2027-02-15 -o "$tmp/missing/dir/r.txt" "$plan" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "unwritable -o exited $rc"; exit 1; }
# A long report cut off by head: no message on stderr.
python3 - >"$tmp/big.okr" <<'PY'
print('plan "Big plan" { period 2027 owner @ceo }')
# This plan is about a cut-off reader, not linting: its warnings stay quiet.
print('rules { stale-checkin off  stale-owner off  objective-count off }')
for i in range(2000):
    print(f'objective o{i} "Grow the number {i} a lot" {{ owner @p1\n'
          f'  kr k "Things that grew a lot" {{ from 0 to 100 current {i % 100} }} }}')
PY
"$OKRC" report -f json --as-of 2027-06-01 "$tmp/big.okr" 2>"$tmp/err" | head -1 >/dev/null
[ ! -s "$tmp/err" ] || { echo "stderr after head -1:"; cat "$tmp/err"; exit 1; }
"$OKRC" agenda --as-of 2027-06-01 @p1 "$tmp/big.okr" 2>"$tmp/err" | head -1 >/dev/null
[ ! -s "$tmp/err" ] || { echo "agenda stderr after head -1:"; cat "$tmp/err"; exit 1; }
