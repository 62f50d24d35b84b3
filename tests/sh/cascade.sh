#!/bin/sh
# One mistake, one message: the valid plans of the tests and examples, each
# mutated by deleting one token, must get at most 2 errors per mutant at the
# 90th percentile (okrc 0.1.0 before the recovery work: median 2, p90 3).
# `python3 tests/bench/cascade.py ./okrc` prints the figures for every mutant.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
python3 "$top/tests/bench/cascade.py" "$OKRC" --max 500 --assert-p90 2
