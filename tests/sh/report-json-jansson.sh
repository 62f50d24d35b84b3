#!/bin/sh
# `report -f json` is written by okrc's own streaming writer (for speed; see
# src/emit/emit_json.c). It must write exactly what jansson would: every report
# here is read by jansson and dumped again in the promised layout
# (build/tools/json_redump), and the two must be the same bytes. Plans: every
# golden case that compiles, the examples, numbers at the edges of the
# number forms, and a generated plan, each on dates before, inside and after
# the periods.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
redump="$top/build/tools/json_redump"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 compared=0

cat >"$tmp/numbers.okr" <<'OKR'
objective a "Numbers at the edges of their written forms" { period 2027-Q1 owner @ann
  kr tiny "Tiny values that print with an exponent" { from 0.00001 to 0.00005 }
  kr big "Values just below two to the fifty-third" { from 0 to 9000000B }
  kr down "A decreasing value that goes negative" { from 10 to -5 }
  kr third "A third of the way to a whole number" { from 0 to 3 }
  kr text "Quote \" backslash \\ tab \t, é and 😀 in a title" { from 0 to 7 }
}
checkin 2027-01-10 by @ann {
  a.tiny = 0.00002  a.big = 1234567.891B  a.down = -0.5  a.third = 1  a.text = 1
}
checkin 2027-02-03 by @ann {
  a.tiny = 0.000031  a.big = 4000000.5B  a.down = -1.25  a.third = 2  a.text = 3
}
OKR

python3 "$top/tests/bench/genplan.py" 300 >"$tmp/generated.okr" ||
    { echo "FAIL: tests/bench/genplan.py"; exit 1; }

for plan in "$top"/tests/cases/*.okr "$top"/tests/cases/fixtures/*.okr "$top"/examples/*.okr "$tmp/numbers.okr" "$tmp/generated.okr"; do
    [ -s "$plan" ] || continue
    for asof in 2026-12-01 2027-02-15 2028-01-01; do
        "$OKRC" report -f json --as-of "$asof" "$plan" >"$tmp/out.json" 2>/dev/null
        [ -s "$tmp/out.json" ] || continue      # a plan with errors: no report
        compared=$((compared + 1))
        if ! "$redump" <"$tmp/out.json" >"$tmp/jansson.json"; then
            echo "FAIL $(basename "$plan") as of $asof: not strict JSON"; fail=1
        elif ! cmp -s "$tmp/out.json" "$tmp/jansson.json"; then
            echo "FAIL $(basename "$plan") as of $asof: differs from jansson's dump"
            diff "$tmp/jansson.json" "$tmp/out.json" | head -10; fail=1
        fi
    done
done

# The edge plan must really contain the forms it is there for; the round
# trip cannot see lost digits (a shorter number re-dumps the same), these can.
# Values below 1e12 are tidied to 12 significant digits first (no binary
# noise: docs/report.md), so a third prints as 4.33333333333.
"$OKRC" report -f json --as-of 2027-02-15 "$tmp/numbers.okr" >"$tmp/numbers.json" 2>/dev/null
for form in '"current": 3.1e-5' '"to": 9000000000000000,' '"current": -1.25' \
    '"value": 4.33333333333,' '"value": 1.04526765876667e16,' '"value": 5.66666666667e-5,' \
    '\" backslash \\ tab \t, é and 😀'; do
    grep -qF -- "$form" "$tmp/numbers.json" || { echo "FAIL numbers.okr lacks $form"; fail=1; }
done
# Real reports were compared, not empty files.
[ "$compared" -ge 100 ] || { echo "FAIL only $compared reports compared"; fail=1; }
echo "$compared reports identical to jansson's dump"
exit $fail
