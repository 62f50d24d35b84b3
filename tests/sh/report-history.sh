#!/bin/sh
# report --history REV..REV and --since DATE: each key result's values as
# the plan's git history recorded them (a plan whose value was edited in
# place), one point per commit that touched the file, in every format that
# shows it; outside a git work tree, or with a bad date, exit 2; no
# temporary folder left behind.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v git >/dev/null || { echo "git is missing"; exit 77; }
mkdir -p "$tmp/repo" "$tmp/t" "$tmp/plain"
export TMPDIR="$tmp/t"
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp/repo"
git init -q
git config user.email test@example.org
git config user.name test
cat >plan.okr <<'OKR'
plan "History" { period 2027-Q1 owner @a }
objective o "Grow the number of paying customers" {
  owner @a
  kr k "Customers paying each month" { from 10 to 50 current 10 }
  kr ship "Checkout in the new shop" { milestone }
}
OKR
commit() { GIT_AUTHOR_DATE="$1T10:00:00" GIT_COMMITTER_DATE="$1T10:00:00" git commit -qam "$2"; }
git add plan.okr && commit 2027-01-05 one
sed -i 's/current 10/current 20/' plan.okr && commit 2027-01-19 two
echo '# a comment elsewhere' >other.txt && git add other.txt && commit 2027-01-26 unrelated
sed -i 's/current 20/current 32/; s/{ milestone }/{ milestone current done }/' plan.okr && commit 2027-02-02 three

"$OKRC" report -f json --as-of 2027-02-15 --since 2027-01-01 plan.okr >"$tmp/all.json" 2>/dev/null
python3 - "$tmp/all.json" <<'PY'
import json, sys
krs = json.load(open(sys.argv[1]))["objectives"][0]["key_results"]
k, ship = krs[0]["git_history"], krs[1]["git_history"]
assert [(p["date"], p["value"]) for p in k] == [("2027-01-05", 10), ("2027-01-19", 20), ("2027-02-02", 32)], k
assert [p["value"] for p in ship] == [None, None, True], ship  # no data until done
assert all(len(p["commit"]) == 7 for p in k), k
PY
"$OKRC" report -f json --as-of 2027-02-15 --history HEAD~3..HEAD plan.okr 2>/dev/null |
    python3 -c 'import json, sys; h = json.load(sys.stdin)["objectives"][0]["key_results"][0]["git_history"]
assert [p["value"] for p in h] == [20, 32], h'
"$OKRC" report --as-of 2027-02-15 --since 2027-01-01 plan.okr 2>/dev/null | grep -q "in git: 2027-01-05 10 (" ||
    fail "text: no git line"
"$OKRC" report -f md --as-of 2027-02-15 --since 2027-01-01 plan.okr 2>/dev/null | grep -q "in git: 2027-01-05 10 (" ||
    fail "md: no git line"
"$OKRC" report -f json --as-of 2027-02-15 plan.okr 2>/dev/null | grep -q git_history && fail "git_history without --history"

set +e
cp plan.okr "$tmp/plain/plan.okr"
(cd "$tmp/plain" && "$OKRC" report --since 2027-01-01 plan.okr >/dev/null 2>"$tmp/err"); rc=$?
[ $rc -eq 2 ] && grep -q "no git work tree" "$tmp/err" || fail "outside git: exit $rc $(cat "$tmp/err")"
"$OKRC" report --since 2027-13-01 plan.okr >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad --since: exit $rc"
"$OKRC" report --history nope..HEAD plan.okr >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad range: exit $rc"
set -e
[ -z "$(ls -A "$tmp/t")" ] || fail "temporary folders left: $(ls "$tmp/t")"
echo ok
