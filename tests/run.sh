#!/bin/sh
# okrc's test runner: unit tests, then every golden case against each binary
# (the normal build and, when present, the sanitized one), then the shell
# tests and the checks of the tree. It prints a line per group as it goes
# ("unit tests: 98 passed, 0 failed"), each failure with its diff or output
# before it, and last "N passed, N failed".
#
# A golden case is tests/cases/NAME.okr (or a directory tests/cases/NAME/
# holding main.okr and whatever it uses), with NAME.expected holding what the
# command prints (stdout, then stderr) and a last line "exit N". NAME.args
# replaces the default arguments "check --color=never --as-of 2027-02-15
# NAME.okr"; it may use
# shell words and runs inside tests/cases. The default passes --as-of, as
# every case must: tests never depend on the wall clock.
# UPDATE=1 tests/run.sh rewrites the .expected files (review the diff!).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cases="$top/tests/cases"
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
# A group's line: what ran and how much of it passed since mark().
mark() { group_passed=$passed group_failed=$failed; }
report() { echo "$1: $((passed - group_passed)) passed, $((failed - group_failed)) failed"; }

# ---- unit tests: each binary prints "PASS name" / "FAIL name: why" ----
mark
for t in "$top"/build/unit/*; do
    [ -x "$t" ] || continue
    "$t" >"$tmp/unit.out" 2>&1
    rc=$?
    p=$(grep -c '^PASS' "$tmp/unit.out")
    f=$(grep -c '^FAIL' "$tmp/unit.out")
    passed=$((passed + p))
    failed=$((failed + f))
    grep '^FAIL' "$tmp/unit.out"
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$(basename "$t") exited $rc"; fi
done
report "unit tests"

# ---- golden cases ----
run_case() { # binary name
    bin=$1 name=$2
    if [ -f "$cases/$name.args" ]; then
        args=$(cat "$cases/$name.args")
    elif [ -d "$cases/$name" ]; then
        args="check --color=never --as-of 2027-02-15 $name/main.okr"
    else
        args="check --color=never --as-of 2027-02-15 $name.okr"
    fi
    (cd "$cases" && eval "\"\$bin\" $args" >"$tmp/out" 2>"$tmp/err" </dev/null; echo "exit $?" >"$tmp/rc")
    cat "$tmp/out" "$tmp/err" "$tmp/rc" >"$tmp/actual"
}

binaries="$top/okrc"
[ -x "$top/okrc-asan" ] && binaries="$binaries $top/okrc-asan"
# make memcheck: the same cases, under valgrind only.
[ "${MEMCHECK:-}" = 1 ] && binaries="$top/tests/valgrind/okrc-memcheck"
export NO_COLOR=1 OKRC_PATH=
for bin in $binaries; do
    mark
    for f in "$cases"/*.expected; do
        [ -e "$f" ] || continue
        name=$(basename "$f" .expected)
        run_case "$bin" "$name"
        if [ "${UPDATE:-}" = 1 ] && [ "$bin" = "$top/okrc" ]; then
            cp "$tmp/actual" "$f"
        fi
        if cmp -s "$tmp/actual" "$f"; then
            pass
        else
            fail "$(basename "$bin") $name"
            diff -u "$f" "$tmp/actual" | head -30
        fi
    done
    report "golden cases, $(basename "$bin")"
done

# ---- shell tests: tests/sh/*.sh exit 0 on success ----
# Some of them render through libgvc, which leaks inside Graphviz itself: under
# make memcheck they get the documented suppressions for Graphviz's libraries
# (the golden cases above ran without any).
[ "${MEMCHECK:-}" = 1 ] && export OKRC_VALGRIND_SUPP="$top/tests/valgrind/graphviz.supp"
for t in "$top"/tests/sh/*.sh; do
    [ -e "$t" ] || continue
    mark
    for bin in $binaries; do
        if OKRC="$bin" sh "$t" >"$tmp/sh.out" 2>&1; then
            pass
        else
            fail "$(basename "$bin") $(basename "$t")"
            tail -20 "$tmp/sh.out"
        fi
    done
    report "sh/$(basename "$t")"
done

# ---- checks of the source tree itself, run once ----
for t in "$top"/tests/tree/*.sh; do
    [ -e "$t" ] || continue
    mark
    if sh "$t" >"$tmp/tree.out" 2>&1; then
        pass
    else
        fail "$(basename "$t")"
        tail -20 "$tmp/tree.out"
    fi
    report "tree/$(basename "$t")"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
