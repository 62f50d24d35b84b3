#!/bin/sh
# tier: full (valgrind, about a minute)
# Cost grows with the input, not faster: each family of large or hostile
# input in tests/tools/complexity.py (ignore comments, findings on one long
# line in every format and the language server, repeated owners, an owner
# list of thousands, imports, an import chain, long misspelt ids, alignment
# cycles, rules blocks, a tree of teams each holding an objective, one
# objective of many key results and initiatives) is
# generated at n and 10n, and 10x the input may cost at most 15x the
# instructions (valgrind's callgrind counts them exactly,
# whatever else the machine is doing). Then each family at about 1 MB: no
# command over 2 s of CPU or 200 MB of memory. Skipped for the sanitized binary.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
case "$OKRC" in *-asan) echo "skipped: valgrind cannot run a sanitized binary"; exit 77 ;; esac
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed (tools/deps.sh --tests installs it)"; exit 1; }
python3 "$top/tests/tools/complexity.py" "$OKRC" || exit 1
# And at about 1 MB each: at most 2 s of CPU and 200 MB of memory.
exec python3 "$top/tests/tools/complexity.py" "$OKRC" --bars
