#!/bin/sh
# No finding lost: for every plan of the golden cases and the examples,
# okrc check as JSON, SARIF and Code Quality carries the same findings
# (tests/tools/formats_agree.py). tests/sh/mutated-plans.sh asks the same of
# every mutant.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
export NO_COLOR=1 OKRC_PATH=
exec python3 "$top/tests/tools/formats_agree.py" "$OKRC" "$top"/tests/cases/*.okr \
    "$top"/tests/cases/fixtures/*.okr "$top"/tests/cases/*/main.okr "$top"/examples/*.okr
