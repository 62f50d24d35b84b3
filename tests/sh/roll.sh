#!/bin/sh
# okrc roll on every example and every golden plan with check-ins: the new
# plan passes okrc check (no error, its imports loaded), is already in fmt's
# layout, and rolling is deterministic.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rolled=0
for plan in "$root"/examples/*.okr "$root"/tests/cases/fixtures/*.okr; do
    grep -q '^checkin' "$plan" || continue
    for to in 2027-Q2 2027-H2 2028; do
        out="$tmp/$(basename "$plan" .okr)-$to.okr"
        # a plan nothing of which ends before --to, or that does not compile: skipped
        "$OKRC" roll --to "$to" --as-of 2027-04-02 "$plan" >"$out" 2>"$tmp/err" || continue
        rolled=$((rolled + 1))
        if ! "$OKRC" check --as-of 2027-04-15 "$out" >"$tmp/check" 2>&1; then
            echo "FAIL: roll --to $to $plan does not check:"; cat "$tmp/check"; exit 1
        fi
        "$OKRC" fmt --check "$out" >/dev/null || { echo "FAIL: roll --to $to $plan is not in fmt's layout"; exit 1; }
        "$OKRC" roll --to "$to" --as-of 2027-04-02 "$plan" 2>/dev/null | cmp -s - "$out" ||
            { echo "FAIL: roll --to $to $plan differs between two runs"; exit 1; }
    done
done
[ "$rolled" -ge 10 ] || { echo "FAIL: only $rolled plans rolled"; exit 1; }
echo "$rolled plans rolled, each checked"
