#!/bin/sh
# tier: full (valgrind, about a minute)
# Cost grows with the input, not faster: each family of large or hostile
# input in tests/tools/complexity.py (ignore comments, findings on one long
# line in every format and the language server, repeated owners, an owner
# list of thousands, imports, an import chain, long misspelt ids, alignment
# cycles, rules blocks) is generated at n and 10n, and 10x the input may cost
# at most 15x the instructions (valgrind's callgrind counts them exactly,
# whatever else the machine is doing). Skipped for the sanitized binary.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
case "$OKRC" in *-asan) echo "skipped: valgrind cannot run a sanitized binary"; exit 77 ;; esac
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed (tools/deps.sh --tests installs it)"; exit 1; }
exec python3 "$top/tests/tools/complexity.py" "$OKRC"
