#!/bin/sh
# Output safety for every command that writes: a full device (as -o or as
# standard output) exits 2 with a message; -o is whole or absent (a failed
# run keeps the old file, a good one leaves no temporary file); a reader that
# stops early (| head -1) ends the command quietly.
set -u
# report -f html draws the alignment map through libgvc, which leaks inside
# Graphviz 2.42 (see tests/valgrind/graphviz.supp): suppressed for okrc-asan.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../.." && pwd)/tests/valgrind/graphviz.lsan:print_suppressions=0"
top=$(cd "$(dirname "$0")/../.." && pwd)
plan="$top/tests/cases/fixtures/report-basic.okr"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
export OKRC_VALGRIND_SUPP="$top/tests/valgrind/graphviz.supp"   # make memcheck: render leaks
asof="--as-of 2027-02-15"
fail=0
bad() { echo "FAIL $*"; fail=1; }

# The commands, each a word list; -o is added where the command has it.
writers="report|report -f md|report -f json|report -f csv|report -f html|agenda @maria|graph -T dot|graph -T svg"
checks="check --format json|check --format sarif|check --format github"

IFS='|'
for cmd in $writers $checks; do
    IFS=' '
    # shellcheck disable=SC2086
    set -- $cmd
    if [ -w /dev/full ]; then
        "$OKRC" "$@" $asof "$plan" >/dev/full 2>"$tmp/err"
        rc=$?
        [ $rc = 2 ] || bad "$cmd >/dev/full: exit $rc"
        grep -q "cannot write" "$tmp/err" || bad "$cmd >/dev/full: no message"
    fi
    IFS='|'
done
for cmd in $writers; do
    IFS=' '
    # shellcheck disable=SC2086
    set -- $cmd
    if [ -w /dev/full ]; then
        "$OKRC" "$@" $asof -o /dev/full "$plan" 2>"$tmp/err"
        rc=$?
        [ $rc = 2 ] || bad "$cmd -o /dev/full: exit $rc"
        [ -c /dev/full ] || bad "/dev/full is no longer a device"
    fi
    "$OKRC" "$@" $asof -o "$tmp/missing/out" "$plan" 2>"$tmp/err"
    [ $? = 2 ] || bad "$cmd -o into a missing directory: exit status"
    [ -e "$tmp/missing" ] && bad "$cmd: created the missing directory"
    # A failed run (plan errors) keeps what was there.
    echo old >"$tmp/out"
    printf 'objective a "Aligned to nothing known" { aligns nope }\n' >"$tmp/bad.okr"
    "$OKRC" "$@" $asof -o "$tmp/out" "$tmp/bad.okr" 2>/dev/null
    [ $? = 1 ] || bad "$cmd with plan errors: exit status"
    [ "$(cat "$tmp/out")" = old ] || bad "$cmd: a failed run changed the -o file"
    # A good run replaces it and leaves nothing else.
    "$OKRC" "$@" $asof -o "$tmp/out" "$plan" 2>/dev/null || bad "$cmd -o: good run failed"
    [ "$(cat "$tmp/out")" != old ] || bad "$cmd -o: file not replaced"
    [ "$(ls "$tmp" | tr '\n' ' ')" = "bad.okr err out " ] || bad "$cmd -o: left $(ls "$tmp")"
    rm -f "$tmp/out" "$tmp/bad.okr"
    IFS='|'
done
IFS=' '

# A reader that goes away: no message, and exit 0 (SIGPIPE ignored) or the
# quiet death by SIGPIPE (141), never an error report. check gets a warning
# per key result (-W), so that every output is larger than a pipe holds.
python3 - >"$tmp/big.okr" <<'PY'
print('plan "Big plan" { period 2027 owner @ceo }')
print('rules { stale-checkin off  objective-count off }')
for i in range(450):   # under the 500 of a large map, which gets a note
    print(f'objective o{i} "Grow the number {i} a lot" {{ owner @p1  why "x"\n'
          f'  kr k "Things that grew a lot" {{ from 0 to 100 current {i % 100} }} }}')
PY
for cmd in "report" "report -f json" "report -f csv" "agenda @p1" "graph -T dot" "check -W stale-checkin=warning --format json" \
           "check -W stale-checkin=warning --format github"; do
    # shellcheck disable=SC2086
    { "$OKRC" $cmd $asof "$tmp/big.okr" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | head -1 >/dev/null
    rc=$(cat "$tmp/rc")
    case $rc in 0|141) ;; *) bad "$cmd | head -1: exit $rc" ;; esac
    [ -s "$tmp/err" ] && { bad "$cmd | head -1: stderr:"; head -3 "$tmp/err"; }
done
[ $fail = 0 ] && echo ok
exit $fail
