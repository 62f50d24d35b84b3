#!/bin/sh
# tests/run.sh itself: on a miniature tree (a fake okrc, one golden case
# that passes and one that fails, a shell test of each kind) it must print a
# line per group as it goes, the failures, the right totals, and exit 1;
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
chmod +x "$tmp/okrc"
echo 'good' >"$tmp/tests/cases/good.args"
printf 'args: good\nexit 0\n' >"$tmp/tests/cases/good.expected"
echo 'bad' >"$tmp/tests/cases/bad.args"
printf 'args: something else\nexit 0\n' >"$tmp/tests/cases/bad.expected"
echo 'exit 0' >"$tmp/tests/sh/ok.sh"
echo 'echo why; exit 1' >"$tmp/tests/tree/broken.sh"
printf '#!/bin/sh\necho "PASS one"; echo "PASS two"\n' >"$tmp/build/unit/test_x"
chmod +x "$tmp/build/unit/test_x"

# Without make memcheck's variables, which would swap the fake okrc for valgrind.
env -u MEMCHECK -u OKRC_VALGRIND_SUPP sh "$tmp/tests/run.sh" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "run.sh exited $rc with failures, expected 1"
cat >"$tmp/want" <<'EOF2'
unit tests: 2 passed, 0 failed
FAIL: okrc bad
golden cases, okrc: 1 passed, 1 failed
sh/ok.sh: 1 passed, 0 failed
FAIL: broken.sh
why
tree/broken.sh: 0 passed, 1 failed
4 passed, 2 failed
EOF2
grep -v '^[-+@ ]' "$tmp/out" | grep -v '^---\|^+++' >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || { fail "run.sh's report:"; diff -u "$tmp/want" "$tmp/got"; }

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
