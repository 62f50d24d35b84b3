#!/bin/sh
# No finding lost: for every plan of the golden cases and the examples,
# okrc check as JSON, SARIF and Code Quality carries the same findings
# (tests/tools/formats_agree.py), and each parses as JSON, also where a file
# name or quoted plan text is not UTF-8. tests/sh/mutated-plans.sh asks the
# same of every mutant.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
export NO_COLOR=1 OKRC_PATH=
# And bytes that are not UTF-8 where messages quote them: a file name (a
# name is bytes) and an import path in a plan that is otherwise text.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf 'objective o "Double the revenue from new customers" { }\n' >"$t/$(printf 'b\351d').okr"
printf 'use "std/../../x\257y"\nuse "./\377"\n' >"$t/import.okr"
python3 "$top/tests/tools/formats_agree.py" "$OKRC" "$top"/tests/cases/*.okr \
    "$top"/tests/cases/fixtures/*.okr "$top"/tests/cases/*/main.okr "$top"/examples/*.okr "$t"/*.okr
