#!/bin/sh
# okrc fmt changes layout, never meaning: for every plan the tests, the
# examples and the stdlib own, formatting twice gives what formatting once
# gave, the comments are as many, and a formatted copy of the tree reports
# (report -f json, at the as-of dates the case uses) and checks (rule and
# message of each finding; lines may move) exactly as the original.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
exec python3 "$top/tests/tools/fmt_meaning.py" "$OKRC" "$top"
