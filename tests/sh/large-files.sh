#!/bin/sh
# A plan file of a megabyte or more gives its scanned bytes back to the page
# cache (lib/source.c, source_hand_back; docs/performance.md), `fmt`'s too,
# which reads them again to print the file: what okrc
# says of it must not change. Every command's output on such a file, with
# findings from its first line to its last (their snippets read the pages
# handed back), is byte for byte what the same plan gives through standard
# input, which is read into memory and kept. And a file cut short while
# okrc runs is an I/O error with one message (exit 2), not a crash: the
# handler is tried with SIGBUS sent while okrc waits on its input.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# 1,500 objectives (1.6 MB); every 97th check-in names a key result that
# is not there, and every 89th objective's period is not one (no syntax error: the parse goes on).
python3 "$top/tests/bench/genplan.py" 1500 |
    awk '/^  o[0-9]+\.k[0-9] = / && ++n % 97 == 0 { sub(/\.k[0-9]/, ".kx") }
         /^  team .* period 2027/ && ++m % 89 == 0 { sub(/period 2027 /, "period 2027-Q5 ") }
         { print }' >"$tmp/plan.okr"
[ "$(wc -c <"$tmp/plan.okr")" -gt 1100000 ] || fail "the plan is under a megabyte"

same() { # args... : the plan as a file and through standard input
    rc=0
    "$OKRC" "$@" "$tmp/plan.okr" >"$tmp/file.out" 2>&1 || rc=$?
    rc_in=0
    "$OKRC" "$@" - <"$tmp/plan.okr" 2>&1 | sed -e "s|<stdin>|$tmp/plan.okr|g" -e "s|%3Cstdin%3E|file://$tmp/plan.okr|g" >"$tmp/stdin.out" ||
        true
    "$OKRC" "$@" - <"$tmp/plan.okr" >/dev/null 2>&1 || rc_in=$?
    [ "$rc" = "$rc_in" ] || fail "$*: exit $rc from the file, $rc_in from standard input"
    cmp -s "$tmp/file.out" "$tmp/stdin.out" ||
        fail "$*: the file and standard input differ: $(diff "$tmp/file.out" "$tmp/stdin.out" | head -5)"
}
same check --as-of 2027-06-01 --max-findings 0
same check --as-of 2027-06-01 --max-findings 0 --format json
same report --as-of 2027-06-01
same report -f json --as-of 2027-06-01
same report -f md --as-of 2027-06-01
same graph -T dot --as-of 2027-06-01
same fmt
same fmt --diff
"$OKRC" check --as-of 2027-06-01 --max-findings 0 "$tmp/plan.okr" >"$tmp/findings" 2>&1 || true
first=$(grep -o "plan.okr:[0-9][0-9]*" "$tmp/findings" | head -1 | cut -d: -f2)
last=$(grep -o "plan.okr:[0-9][0-9]*" "$tmp/findings" | tail -1 | cut -d: -f2)
lines=$(wc -l <"$tmp/plan.okr")
[ "${first:-0}" -gt 0 ] && [ "${last:-0}" -gt $((lines / 2)) ] ||
    fail "the findings do not reach the file's second half (lines $first to $last of $lines)"
echo "check (human, json), report (text, json, md), graph, fmt (and --diff): the same from a 1.6 MB file as from standard input"

# SIGBUS while okrc waits on standard input: the handler's message, exit 2.
python3 - "$OKRC" <<'PY'
import os, signal, subprocess, sys
p = subprocess.Popen([sys.argv[1], "check", "-"], stdin=subprocess.PIPE,
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
# until it reads its input: the read system call (0) on descriptor 0
while True:
    try:
        call = open(f"/proc/{p.pid}/syscall").read().split()
    except OSError:
        call = []
    if call[:2] == ["0", "0x0"]:
        break
    if p.poll() is not None:
        sys.exit("FAIL: okrc ended before it read its input")
p.send_signal(signal.SIGBUS)
err = p.stderr.read().decode()
p.wait()
p.stdin.close()
if p.returncode != 2 or "a plan file was cut short while okrc read it" not in err:
    sys.exit(f"FAIL: SIGBUS: exit {p.returncode}, {err!r}")
print("SIGBUS: one message, exit 2")
PY
