#!/bin/sh
# One mistake, one message: the mistakes a newcomer makes (a keyword with two
# letters swapped, typographic quotes, a date with slashes or one that does
# not exist, a confidence as a percentage), made in every valid plan of the
# tests and examples, each give exactly one error, at a line.
# `python3 tests/tools/mistakes.py ./okrc --show` lists any that do not.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
python3 "$top/tests/tools/mistakes.py" "$OKRC" --show --assert
