#!/bin/sh
# tests/run.sh itself: on a miniature tree (a fake okrc, one golden case
# that passes and one that fails, shell tests that pass, skip and fail, one of
# the full tier, one that fails once with LeakSanitizer's tracer crash) it must
# print a line per group in order, the failures, the right totals and exit
# status, in each tier, run the tracer crash again once; patterns select by
# name and UPDATE=1 rewrites only what they select;
# and .ci/run must run the suite exactly once, through `make check`.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

mkdir -p "$tmp/tests/cases" "$tmp/tests/sh" "$tmp/tests/tree" "$tmp/build/unit"
cp "$top/tests/run.sh" "$tmp/tests/"
printf '#!/bin/sh\necho "args: $*"\n' >"$tmp/okrc"
cp "$tmp/okrc" "$tmp/okrc-asan"
chmod +x "$tmp/okrc" "$tmp/okrc-asan"
echo 'good' >"$tmp/tests/cases/good.args"
printf 'args: good\nexit 0\n' >"$tmp/tests/cases/good.expected"
echo 'bad' >"$tmp/tests/cases/bad.args"
printf 'args: something else\nexit 0\n' >"$tmp/tests/cases/bad.expected"
echo 'exit 0' >"$tmp/tests/sh/ok.sh"
printf '#!/bin/sh\n# tier: full (a browser)\necho "ran $(basename "$OKRC")" >>"%s/heavy.log"\n' "$tmp" \
    >"$tmp/tests/sh/heavy.sh"
printf 'case "$OKRC" in *-asan) echo "skipped: not for the sanitized build"; exit 77 ;; esac\n' \
    >"$tmp/tests/sh/picky.sh"
echo 'echo why; exit 1' >"$tmp/tests/tree/broken.sh"
# Fails once with LeakSanitizer's tracer crash, then passes: run again, passes.
printf 'if [ ! -e "%s/flaked.$(basename "$OKRC")" ]; then : >"%s/flaked.$(basename "$OKRC")"\necho "Tracer caught signal 11: addr=0x510"; echo "==1==LeakSanitizer has encountered a fatal error."; exit 1; fi\n' "$tmp" "$tmp" >"$tmp/tests/sh/lsanflake.sh"
printf '#!/bin/sh\necho "PASS one"; echo "PASS two"\n' >"$tmp/build/unit/test_x"
chmod +x "$tmp/build/unit/test_x"

# Without make memcheck's variables, which would swap the fake okrc for valgrind.
run() { env -u MEMCHECK -u OKRC_VALGRIND_SUPP sh "$tmp/tests/run.sh" "$@" >"$tmp/out" 2>&1; }
# The report without diff lines.
got() { grep -v '^[-+@ ]' "$tmp/out" | grep -v '^---\|^+++'; }
expect() { # exit-status description, the wanted report on stdin
    cat >"$tmp/want"
    [ "$rc" -eq "$1" ] || fail "$2: run.sh exited $rc, expected $1"
    got >"$tmp/got"
    cmp -s "$tmp/want" "$tmp/got" || { fail "$2: run.sh's report:"; diff -u "$tmp/want" "$tmp/got"; }
}

# The fast tier (make test): ./okrc only, the full-tier test left out.
run; rc=$?
expect 1 "the fast tier" <<'EOF2'
unit tests: 2 passed, 0 failed, 0 skipped
FAIL: okrc bad
golden cases, okrc: 1 passed, 1 failed, 0 skipped
note: okrc lsanflake.sh run again after LeakSanitizer's tracer crashed
sh/lsanflake.sh: 1 passed, 0 failed, 0 skipped
sh/ok.sh: 1 passed, 0 failed, 0 skipped
sh/picky.sh: 1 passed, 0 failed, 0 skipped
FAIL: broken.sh
why
tree/broken.sh: 0 passed, 1 failed, 0 skipped
full tier, not run: 1 (make check runs them; tests/run.sh NAME runs one)
6 passed, 2 failed, 0 skipped
EOF2
[ -e "$tmp/heavy.log" ] && fail "the fast tier ran a full-tier test"

# The full tier (make check): both binaries, the skip counted as a skip.
run --full -j 3; rc=$?
expect 1 "the full tier" <<'EOF2'
unit tests: 2 passed, 0 failed, 0 skipped
FAIL: okrc bad
golden cases, okrc: 1 passed, 1 failed, 0 skipped
FAIL: okrc-asan bad
golden cases, okrc-asan: 1 passed, 1 failed, 0 skipped
sh/heavy.sh: 2 passed, 0 failed, 0 skipped
note: okrc-asan lsanflake.sh run again after LeakSanitizer's tracer crashed
sh/lsanflake.sh: 2 passed, 0 failed, 0 skipped
sh/ok.sh: 2 passed, 0 failed, 0 skipped
SKIP: okrc-asan picky.sh: skipped: not for the sanitized build
sh/picky.sh: 1 passed, 0 failed, 1 skipped
FAIL: broken.sh
why
tree/broken.sh: 0 passed, 1 failed, 0 skipped
11 passed, 3 failed, 1 skipped
EOF2
[ "$(cat "$tmp/heavy.log" 2>/dev/null)" = "ran okrc
ran okrc-asan" ] || fail "the full tier ran heavy.sh as: $(cat "$tmp/heavy.log" 2>/dev/null)"

# Patterns: only what matches, full-tier tests included when named.
rm -f "$tmp/heavy.log"
run goo heavy; rc=$?
expect 0 "tests/run.sh goo heavy" <<'EOF2'
golden cases, okrc: 1 passed, 0 failed, 0 skipped
sh/heavy.sh: 1 passed, 0 failed, 0 skipped
2 passed, 0 failed, 0 skipped
EOF2
run nothing-like-this; rc=$?
[ "$rc" -eq 2 ] || fail "a pattern that matches nothing should exit 2, not $rc"

# UPDATE=1 with a pattern rewrites only the matching cases.
cp "$tmp/tests/cases/bad.expected" "$tmp/bad.before"
printf 'stale\n' >"$tmp/tests/cases/good.expected"
UPDATE=1 run good; rc=$?
[ "$(cat "$tmp/tests/cases/good.expected")" = "args: good
exit 0" ] || fail "UPDATE=1 good did not rewrite good.expected"
cmp -s "$tmp/bad.before" "$tmp/tests/cases/bad.expected" || fail "UPDATE=1 good rewrote bad.expected"

# .ci/run: `make check`, nothing else that runs tests.
mkdir -p "$tmp/ci/.ci" "$tmp/bin"
cp "$top/.ci/run" "$tmp/ci/.ci/run"
printf '#!/bin/sh\necho "make $*" >>"%s/calls"\n' "$tmp" >"$tmp/bin/make"
chmod +x "$tmp/bin/make"
mkdir -p "$tmp/ci/tests"
printf '#!/bin/sh\necho "tests/run.sh" >>"%s/calls"\n' "$tmp" >"$tmp/ci/tests/run.sh"
chmod +x "$tmp/ci/tests/run.sh"
PATH="$tmp/bin:$PATH" sh "$tmp/ci/.ci/run" >/dev/null 2>&1 || fail ".ci/run failed with a passing make"
[ "$(cat "$tmp/calls" 2>/dev/null)" = "make check" ] ||
    fail ".ci/run must call 'make check' once and nothing else; it ran: $(cat "$tmp/calls" 2>/dev/null)"
exit $status
