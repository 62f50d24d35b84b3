#!/bin/sh
# tier: full (hundreds of mutants)
# Mutation test: randomly damaged variants of the example and test plans
# (fixed seed, so every run sees the same ones) through check, report -f json
# and graph -T dot (and some in pairs, as one plan of two files): no crash, no
# hang, no sanitizer report, exit 0, 1 or 2.
# MUTANTS=N changes how many (default 300).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LSAN_OPTIONS="suppressions=$top/tests/valgrind/graphviz.lsan:print_suppressions=0"
export OKRC_VALGRIND_SUPP="$top/tests/valgrind/graphviz.supp"   # make memcheck: render leaks
count=${MUTANTS:-300}
[ "${MEMCHECK:-}" = 1 ] && count=20     # valgrind: a sample only

python3 - "$tmp" "$count" "$top"/examples/*.okr "$top"/tests/cases/*.okr "$top"/tests/cases/fixtures/*.okr "$top"/tests/fuzz/corpus/*.okr <<'PY'
import random, re, sys
out, count, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rng = random.Random(20271)
plans = [open(p, "rb").read() for p in paths if not p.endswith("-dir.okr")]
plans = [p for p in plans if 0 < len(p) < 64 * 1024]
token = re.compile(rb'"[^"\n]*"|[A-Za-z_@][\w.-]*|\d[\w.%-]*|\S')

def flip(b):
    i = rng.randrange(len(b))
    return b[:i] + bytes([b[i] ^ (1 << rng.randrange(8))]) + b[i + 1:]
def delete(b):
    i = rng.randrange(len(b))
    return b[:i] + b[i + rng.randint(1, 40):]
def duplicate_line(b):
    lines = b.split(b"\n")
    i = rng.randrange(len(lines))
    return b"\n".join(lines[:i + 1] + [lines[i]] * rng.randint(1, 5) + lines[i + 1:])
def swap_tokens(b):
    toks = [m.span() for m in token.finditer(b)]
    if len(toks) < 2:
        return b
    (a0, a1), (b0, b1) = sorted(rng.sample(toks, 2))
    return b[:a0] + b[b0:b1] + b[a1:b0] + b[a0:a1] + b[b1:]
def replace_token(b):
    toks = [m.span() for m in token.finditer(b)]
    if not toks:
        return b
    s, e = rng.choice(toks)
    new = rng.choice([b"{", b"}", b'"', b'"""', b"\\", b"-1", b"9007199254740993", b"0",
                      b"2027-02-30", b"2027-Q5", b"@", b"objective", b"kr", b"done",
                      b"\xff", b"\xc0\xaf", b"\x00", b"\r", b"\t", b"#", b"use \"./x\"",
                      b"\\u{110000}", b"\\u{D800}", b"1e308", b"%", b"1.5k", b"..", b","])
    return b[:s] + new + b[e:]
def truncate(b):
    return b[:rng.randrange(len(b))]
def splice(b):
    other = rng.choice(plans)
    i, j = rng.randrange(len(b) + 1), rng.randrange(len(other) + 1)
    return b[:i] + other[j:j + rng.randint(1, 400)] + b[i:]
mutations = [flip, delete, duplicate_line, swap_tokens, replace_token, truncate, splice]
for n in range(count):
    b = rng.choice(plans)
    for _ in range(rng.randint(1, 4)):
        if b:
            b = rng.choice(mutations)(b)
    open(f"{out}/m{n:04d}.okr", "wb").write(b)
PY

fail=0
# try FILE EXIT... : the command's exit status must be among the allowed ones.
try() {
    f=$1
    shift
    timeout 20 "$OKRC" "$@" "$f" >/dev/null 2>"$tmp/err" </dev/null
    rc=$?
    case $rc in 0|1|2) ;; *) echo "FAIL $(basename "$f"): $* exited $rc"; fail=1 ;; esac
    if grep -q "runtime error\|AddressSanitizer\|LeakSanitizer\|ERROR SUMMARY: [1-9]" "$tmp/err"; then
        echo "FAIL $(basename "$f"): $* sanitizer report"; tail -5 "$tmp/err"; fail=1
    fi
    [ $fail = 0 ] || cp "$f" "$top/build/mutant-$(basename "$f")" 2>/dev/null
}
n=0
for f in "$tmp"/m*.okr; do
    try "$f" check --color=never --as-of 2027-02-15
    try "$f" report -f json --color=never --as-of 2027-02-15
    try "$f" graph -T dot --color=never --as-of 2027-02-15
    # Every third one together with the one before: one plan of two files.
    n=$((n + 1))
    [ $((n % 3)) = 0 ] && try "$f" check --color=never --as-of 2027-02-15 "$prev"
    prev=$f
done
# No finding lost: JSON, SARIF and Code Quality carry the same findings.
python3 "$top/tests/tools/formats_agree.py" "$OKRC" "$tmp"/m*.okr >"$tmp/agree" 2>&1 ||
    { grep FAIL "$tmp/agree" | head -10; fail=1; }
[ $fail = 0 ] && echo "ok: $count mutants"
exit $fail
