#!/bin/sh
# okrc checkin -w: the entry is written into the file (every other byte as
# it was, a byte-order mark kept), the change printed; a wrong entry leaves
# the file and its folder exactly as they were.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
cp "$top/tests/cases/checkin-cmd.okr" "$tmp/plan.okr"
cd "$tmp" || exit 1
out=$("$OKRC" checkin -w --date 2027-03-01 plan.okr grow.revenue 31k EUR 2>&1) || fail "checkin -w failed: $out"
[ "$out" = "grow.revenue: 0.35 off-track -> 0.55 at-risk" ] || fail "the change printed: $out"
"$OKRC" checkin --date 2027-03-01 "$top/tests/cases/checkin-cmd.okr" grow.revenue 31k EUR 2>/dev/null >expected
cmp -s plan.okr expected || fail "-w wrote something else than checkin prints: $(diff expected plan.okr)"
cp plan.okr before.okr
if "$OKRC" checkin -w --date 2027-03-02 plan.okr grow.revenue 31 USD >/dev/null 2>err; then
    fail "a wrong unit was written"
fi
cmp -s plan.okr before.okr || fail "a refused entry changed the file"
[ "$(ls | wc -l)" = 4 ] || fail "files left behind: $(ls)"
grep -q "unit-mismatch" err || fail "no unit-mismatch error: $(cat err)"
printf '\357\273\277' >bom.okr
cat "$top/tests/cases/checkin-cmd.okr" >>bom.okr
"$OKRC" checkin -w --date 2027-03-01 bom.okr grow.launch done >/dev/null 2>&1 || fail "checkin -w on a file with a BOM"
[ "$(head -c 3 bom.okr | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the byte-order mark was lost"
tail -3 bom.okr | grep -q "grow.launch = done" || fail "the entry is not in the file with a BOM"
exit $rc
