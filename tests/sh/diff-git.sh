#!/bin/sh
# okrc diff REV: the old version read from git (git archive), its `use`s
# resolved inside that revision; two revisions; a file the revision lacks;
# a revision that does not exist; no temporary folder left behind.
set -eu
cases=$(cd "$(dirname "$0")/../cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v git >/dev/null || { echo "git is missing"; exit 77; }
repo="$tmp/repo"
mkdir -p "$repo/teams" "$tmp/t"
export TMPDIR="$tmp/t"
cd "$repo"
git init -q
git config user.email test@example.org
git config user.name test
# the company file uses a team file; only the team file changes
sed -n '/^checkin/,$!p' "$cases/fixtures/diff-old.okr" | sed 's/^plan .*/&\nuse ".\/teams\/sales"/' > plan.okr
sed -n '/^checkin/,$p' "$cases/fixtures/diff-old.okr" > teams/sales.okr
git add . && git commit -qm old
sed -n '/^checkin/,$p' "$cases/fixtures/diff-new.okr" | grep -v 'ship\.\|grow.deals grade' > teams/sales.okr
fail() { echo "FAIL: $*"; exit 1; }

"$OKRC" diff --as-of 2027-02-15 HEAD -- plan.okr >"$tmp/out" 2>"$tmp/err" || fail "diff HEAD: $(cat "$tmp/err")"
grep -q "^  ~ check-in grow.rev 2027-02-03 changed: 1.3M EUR → 1.35M EUR" "$tmp/out" || fail "edited check-in in the used file: $(cat "$tmp/out")"
grep -q "^  + check-in grow.rev 2027-02-10 added" "$tmp/out" || fail "added check-in: $(cat "$tmp/out")"
grep -q "^  - check-in grow.tickets 2027-02-03 removed" "$tmp/out" || fail "removed check-in"

# FILE defaults to the current folder
"$OKRC" diff --as-of 2027-02-15 HEAD >"$tmp/dot" || fail "diff HEAD without files"
cmp -s "$tmp/out" "$tmp/dot" || fail "'.' differs from the plan named"

# two revisions, run from a sub-folder
git commit -qam new
mkdir -p sub && cd sub
"$OKRC" diff --as-of 2027-02-15 HEAD~1 HEAD -- ../plan.okr >"$tmp/two" || fail "diff REV REV2"
cmp -s "$tmp/out" "$tmp/two" || fail "REV REV2 differs from REV and the work tree"
cd ..

# a file that the revision lacks: all of it added
cp "$cases/fixtures/diff-new.okr" extra.okr
"$OKRC" diff --as-of 2027-02-15 HEAD -- extra.okr >"$tmp/extra" || fail "new file"
grep -q "^okrc diff: 4 changes: 4 added$" "$tmp/extra" || fail "new file: $(head -1 "$tmp/extra")"

# a revision that does not exist, a file outside the work tree: exit 2
set +e
"$OKRC" diff no-such-rev -- plan.okr >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "bad revision: exit $rc"
grep -q "okrc diff: error: cannot read revision 'no-such-rev'" "$tmp/err" || fail "bad revision message: $(cat "$tmp/err")"
set +e
"$OKRC" diff HEAD -- /etc/hostname >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "file outside the work tree: exit $rc"

# nothing left in TMPDIR
[ -z "$(ls -A "$tmp/t")" ] || fail "temporary folders left: $(ls "$tmp/t")"
echo "ok"
