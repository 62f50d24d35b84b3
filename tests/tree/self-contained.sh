#!/bin/sh
# The repository stands on its own: nothing in it points outside the tree
# (no ../shared, no absolute paths of this machine), every relative link of
# the README and docs/ names a file that exists, and `make bench`'s plan
# generator is in the tree and makes valid, reproducible plans.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
cd "$top" || exit 2

files=$(find README.md Makefile .ci docs man completions debian tools tests/bench tests/sh \
        tests/tree tests/run.sh -type f 2>/dev/null | grep -v '^tests/tree/self-contained.sh$')
# shellcheck disable=SC2086
grep -n -e '\.\./shared' -e '/work/' $files >"$tmp/outside" && {
    fail "files that point outside the repository:"; cat "$tmp/outside"; }

# [text](target) links in Markdown, relative to the file that has them.
for md in README.md docs/*.md; do
    grep -o '\]([^)#]*' "$md" | sed 's/^](//' | grep -v -e '^[a-z]*:' -e '^$' | while read -r target; do
        [ -e "$(dirname "$md")/$target" ] || echo "FAIL: $md links to $target, which does not exist"
    done
done >"$tmp/links"
[ -s "$tmp/links" ] && { cat "$tmp/links"; status=1; }

gen=tests/bench/genplan.py
python3 "$gen" 200 >"$tmp/a.okr" && python3 "$gen" 200 >"$tmp/b.okr" || fail "$gen 200 failed"
cmp -s "$tmp/a.okr" "$tmp/b.okr" || fail "$gen: the same size gives different plans"
python3 "$gen" 200 --seed 2 >"$tmp/c.okr"
cmp -s "$tmp/c.okr" "$tmp/a.okr" && fail "$gen: --seed changes nothing"
"$top/okrc" check --as-of 2027-01-01 "$tmp/a.okr" >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || { tail -5 "$tmp/out"; fail "the generated plan does not check clean (exit $rc)"; }
[ "$(grep -c '^objective ' "$tmp/a.okr")" -eq 200 ] || fail "$gen 200 did not write 200 objectives"
python3 "$gen" 200 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d["objectives"]) == 200, "objectives"
assert all(len(o["krs"]) == 3 for o in d["objectives"]), "three key results each"
' || fail "$gen --format json does not hold the same plan"
exit $status
