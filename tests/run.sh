#!/bin/sh
# okrc's test runner (docs/testing.md).
#
#   tests/run.sh [--full] [-j N] [--list] [PATTERN...]
#
# Two tiers. The fast one (`make test`, the default here): unit tests, every
# golden case against ./okrc, and the quick shell and tree tests, once. The
# full one (`make check`, --full): the same, then the golden cases and shell
# tests again under the sanitized build (./okrc-asan), and the tests marked
# "# tier: full" in their first lines: valgrind, browser, editors, shells,
# pre-commit, npm, packaging, the mutation and hostile-input runs.
#
# A PATTERN (a substring, shell wildcards allowed) selects by name:
# unit/test_date, golden/NAME (tests/cases/NAME.expected), sh/NAME
# (tests/sh/NAME.sh), tree/NAME (tests/tree/NAME.sh). `tests/run.sh fmt`
# runs the golden cases and shell tests whose names hold "fmt". A pattern
# also reaches full-tier tests, against ./okrc unless --full is given.
#
# Groups run in parallel (-j N, default the number of processors); each
# prints one line when it ends, in a fixed order, after its failures with
# their diffs or output. A test exits 0 to pass and 77 to be skipped (its
# last line says why); the closing line is "N passed, N failed, N skipped".
#
# A golden case is tests/cases/NAME.okr (or a directory tests/cases/NAME/
# holding main.okr and whatever it uses), with NAME.expected holding what the
# command prints (stdout, then stderr) and a last line "exit N". NAME.args
# replaces the default arguments "check --color=never --as-of 2027-02-15
# NAME.okr"; it may use shell words and runs inside tests/cases. Files that
# cases share but that are no case themselves live in tests/cases/fixtures/.
# The default passes --as-of, as every case must: tests never depend on the
# wall clock. UPDATE=1 rewrites the .expected files of the selected cases
# (review the diff!).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cases="$top/tests/cases"
self="$top/tests/run.sh"

usage() {
    sed -n '4p' "$self" | sed 's/^#   /usage: /'
    echo "see the comment at the top of tests/run.sh, or docs/testing.md"
}

# Does NAME match the patterns in $RUN_DIR/patterns (all names when none)?
selected() {
    [ -s "$RUN_DIR/patterns" ] || return 0
    while IFS= read -r pattern; do
        # shellcheck disable=SC2254 # the pattern's wildcards are wanted
        case "$1" in *$pattern*) return 0 ;; esac
    done <"$RUN_DIR/patterns"
    return 1
}

# ---- one group, run in its own process: counts in $RUN_DIR/g/N.res ----
passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
skip() { skipped=$((skipped + 1)); echo "SKIP: $1"; }

# LeakSanitizer's own stop-the-world tracer sometimes crashes as a process
# exits ("Tracer caught signal 11"; google/sanitizers#1353, about one exit in
# a few hundred), before any leak report: not a finding of okrc's. Such a run,
# and only such a run (no sanitizer report of its own), is tried once more.
lsan_tracer_crash() { # output-file
    grep -q "Tracer caught signal 11" "$1" && grep -q "LeakSanitizer has encountered a fatal error" "$1" &&
        ! grep -q "ERROR: AddressSanitizer\|ERROR: LeakSanitizer: detected\|runtime error" "$1"
}

# A script's result: 0 passes, 77 skips (its last line says why), else fails.
judge() { # rc label output-file
    case $1 in
    0) pass ;;
    77) skip "$2: $(tail -1 "$3")" ;;
    *) fail "$2"; tail -20 "$3" ;;
    esac
}

run_unit() {
    for t in "$top"/build/unit/*; do
        [ -x "$t" ] || continue
        selected "unit/$(basename "$t")" || continue
        "$t" >"$work/unit.out" 2>&1
        rc=$?
        p=$(grep -c '^PASS' "$work/unit.out")
        f=$(grep -c '^FAIL' "$work/unit.out")
        passed=$((passed + p))
        failed=$((failed + f))
        grep '^FAIL' "$work/unit.out"
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$(basename "$t") exited $rc"; fi
    done
}

run_case() { # binary name
    bin=$1 name=$2
    if [ -f "$cases/$name.args" ]; then
        args=$(cat "$cases/$name.args")
    elif [ -d "$cases/$name" ]; then
        args="check --color=never --as-of 2027-02-15 $name/main.okr"
    else
        args="check --color=never --as-of 2027-02-15 $name.okr"
    fi
    (cd "$cases" && eval "\"\$bin\" $args" >"$work/out" 2>"$work/err" </dev/null; echo "exit $?" >"$work/rc")
    cat "$work/out" "$work/err" "$work/rc" >"$work/actual"
}

run_golden() { # binary
    bin=$1
    for f in "$cases"/*.expected; do
        [ -e "$f" ] || continue
        name=$(basename "$f" .expected)
        selected "golden/$name" || continue
        run_case "$bin" "$name"
        if ! cmp -s "$work/actual" "$f" && lsan_tracer_crash "$work/actual"; then
            echo "note: golden/$name ($(basename "$bin")) run again after LeakSanitizer's tracer crashed"
            run_case "$bin" "$name"
        fi
        if [ "${UPDATE:-}" = 1 ] && [ "$bin" = "$top/okrc" ]; then
            cp "$work/actual" "$f"
        fi
        if cmp -s "$work/actual" "$f"; then
            pass
        else
            fail "$(basename "$bin") $name"
            diff -u "$f" "$work/actual" | head -30
        fi
    done
}

run_sh() { # script
    for bin in $RUN_SH_BINARIES; do
        OKRC="$bin" sh "$1" >"$work/sh.out" 2>&1
        rc=$?
        if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ] && lsan_tracer_crash "$work/sh.out"; then
            echo "note: $(basename "$bin") $(basename "$1") run again after LeakSanitizer's tracer crashed"
            OKRC="$bin" sh "$1" >"$work/sh.out" 2>&1
            rc=$?
        fi
        judge $rc "$(basename "$bin") $(basename "$1")" "$work/sh.out"
    done
}

run_tree() { # script
    sh "$1" >"$work/tree.out" 2>&1
    judge $? "$(basename "$1")" "$work/tree.out"
}

run_group() { # number
    line=$(sed -n "${1}p" "$RUN_DIR/groups")
    kind=${line%% *} arg=${line#* }
    work="$RUN_DIR/w/$1"
    mkdir -p "$work"
    case $kind in
    unit) run_unit ;;
    golden) run_golden "$arg" ;;
    sh) run_sh "$arg" ;;
    tree) run_tree "$arg" ;;
    esac >"$RUN_DIR/g/$1.out" 2>&1
    # Written whole, then renamed: the printer never reads half of it.
    echo "$passed $failed $skipped" >"$RUN_DIR/g/$1.tmp" && mv "$RUN_DIR/g/$1.tmp" "$RUN_DIR/g/$1.res"
    rm -rf "$work"
}

if [ "${1:-}" = --run-group ]; then
    run_group "$2"
    exit 0
fi

# ---- the command line ----
tier=fast jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)} list=false
RUN_DIR=$(mktemp -d)
export RUN_DIR
trap 'rm -rf "$RUN_DIR"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
: >"$RUN_DIR/patterns"
while [ $# -gt 0 ]; do
    case $1 in
    --full) tier=full ;;
    --fast) tier=fast ;;
    --list) list=true ;;
    -j) [ $# -ge 2 ] || { usage >&2; exit 2; }; jobs=$2; shift ;;
    -j*) jobs=${1#-j} ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "tests/run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) printf '%s\n' "$1" >>"$RUN_DIR/patterns" ;;
    esac
    shift
done
case $jobs in '' | *[!0-9]* | 0) echo "tests/run.sh: -j wants a positive number, not '$jobs'" >&2; exit 2 ;; esac

# A script's tier: "# tier: full" in its first lines, else fast.
tier_of() { sed -n '1,12{/^# tier: full/q1}' "$1" && echo fast || echo full; }

binaries="$top/okrc"
[ "$tier" = full ] && [ -x "$top/okrc-asan" ] && binaries="$binaries $top/okrc-asan"
# make memcheck: the same cases, under valgrind only.
[ "${MEMCHECK:-}" = 1 ] && binaries="$top/tests/valgrind/okrc-memcheck"
# Some shell tests render through libgvc, which leaks inside Graphviz itself:
# under make memcheck they get the documented suppressions for Graphviz's
# libraries (the golden cases ran without any).
RUN_SH_BINARIES=$binaries
[ "${MEMCHECK:-}" = 1 ] && export OKRC_VALGRIND_SUPP="$top/tests/valgrind/graphviz.supp"
export RUN_SH_BINARIES NO_COLOR=1 OKRC_PATH= COLUMNS=

# ---- the groups, in the order their lines are printed ----
: >"$RUN_DIR/groups" && : >"$RUN_DIR/labels"
left_out=0
add() { # kind arg label
    printf '%s %s\n' "$1" "$2" >>"$RUN_DIR/groups"
    printf '%s\n' "$3" >>"$RUN_DIR/labels"
}
for t in "$top"/build/unit/*; do
    [ -x "$t" ] && selected "unit/$(basename "$t")" && { add unit - "unit tests"; break; }
done
golden=""
for f in "$cases"/*.expected; do
    [ -e "$f" ] && selected "golden/$(basename "$f" .expected)" && { golden=yes; break; }
done
if [ -n "$golden" ]; then
    for bin in $binaries; do add golden "$bin" "golden cases, $(basename "$bin")"; done
fi
for kind in sh tree; do
    for t in "$top/tests/$kind"/*.sh; do
        [ -e "$t" ] || continue
        selected "$kind/$(basename "$t" .sh)" || continue
        # Full-tier tests run in the full tier, or when a pattern names them.
        if [ "$tier" = fast ] && [ ! -s "$RUN_DIR/patterns" ] && [ "$(tier_of "$t")" = full ]; then
            left_out=$((left_out + 1))
            continue
        fi
        add "$kind" "$t" "$kind/$(basename "$t")"
    done
done

groups=$(wc -l <"$RUN_DIR/groups")
if $list; then
    while IFS= read -r label; do
        echo "$label"
        case $label in "golden cases, "*)
            for f in "$cases"/*.expected; do
                name=$(basename "$f" .expected)
                selected "golden/$name" && echo "  golden/$name"
            done ;;
        esac
    done <"$RUN_DIR/labels"
    exit 0
fi
if [ "$groups" -eq 0 ]; then
    echo "tests/run.sh: no test matches $(tr '\n' ' ' <"$RUN_DIR/patterns")" >&2
    exit 2
fi

# ---- run them: a pool of $jobs processes; print each group in order ----
# The pool runs in the foreground and the printer in the background: a
# background job of a shell ignores SIGINT, and so would every test it ran.
mkdir -p "$RUN_DIR/g" "$RUN_DIR/w"
print_groups() {
    passed=0 failed=0 skipped=0
    i=1
    while [ "$i" -le "$groups" ]; do
        while [ ! -e "$RUN_DIR/g/$i.res" ]; do
            # The pool is done but the group never finished: the runner broke.
            if [ -e "$RUN_DIR/pool-done" ] && [ ! -e "$RUN_DIR/g/$i.res" ]; then
                echo "FAIL: group $i ($(sed -n "${i}p" "$RUN_DIR/labels")) never finished"
                echo "0 1 0" >"$RUN_DIR/g/$i.res"
                break
            fi
            sleep 0.1
        done
        cat "$RUN_DIR/g/$i.out" 2>/dev/null
        read -r p f s <"$RUN_DIR/g/$i.res"
        echo "$(sed -n "${i}p" "$RUN_DIR/labels"): $p passed, $f failed, $s skipped"
        passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
        i=$((i + 1))
    done
    echo "$passed $failed $skipped" >"$RUN_DIR/totals"
}
print_groups &
printer=$!
seq 1 "$groups" | xargs -P "$jobs" -I{} sh "$self" --run-group {}
: >"$RUN_DIR/pool-done"
wait "$printer"
read -r passed failed skipped <"$RUN_DIR/totals"
[ "$left_out" -gt 0 ] && echo "full tier, not run: $left_out (make check runs them; tests/run.sh NAME runs one)"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
