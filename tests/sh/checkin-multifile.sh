#!/bin/sh
# okrc checkin on one file of a plan that spans files: the entries go into
# the file that holds the check-in block of the date (the company file that
# uses the team's file, or the team's file the company file imports), the
# named file when it holds one itself, and a new block in the named file when
# no file has one; every other byte of every file stays as it was.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
cd "$tmp" || exit 1
git init -q . 2>/dev/null
cat >main.okr <<'OKR'
plan "Company" { period 2027-Q1  owner @ceo }
use "./teams/sales.okr"

checkin 2027-02-01 {
  growth.accounts = 45 accounts
}
OKR
mkdir teams
cat >teams/sales.okr <<'OKR'
team sales "Sales"

objective growth "Grow the paying customer base in Europe" {
  team sales
  owner @ana
  kr accounts "Paying accounts in Europe" { from 40 to 60 accounts }
  kr deals "Deals closed with new accounts" { from 0 to 20 deals }
  kr visits "Shops visited by the sales team" { from 0 to 80 visits }
}

checkin 2027-03-01 {
  growth.accounts = 50 accounts
}
OKR
cp main.okr main.before; cp teams/sales.okr sales.before
out=$("$OKRC" checkin -w --date 2027-02-01 teams/sales.okr growth.deals 3 deals 2>err) ||
    fail "checkin into the company file's block failed: $(cat err)"
grep -q "the check-in block of the date is in 'main.okr'" err || fail "not said where the entries went: $(cat err)"
[ "$out" = "growth.deals: 0.00 no-data -> 0.15 off-track" ] || fail "the change printed: $out"
cmp -s teams/sales.okr sales.before || fail "the named file changed though the block is elsewhere"
[ "$(sed -n 6p main.okr)" = "  growth.deals = 3 deals" ] ||
    fail "main.okr line 6 is not the entry: $(cat main.okr)"
[ "$(diff main.before main.okr | grep -c '^>')" = 1 ] || fail "more than the entry changed in main.okr: $(diff main.before main.okr)"
# the named file's own block of the date wins
"$OKRC" checkin -w --date 2027-03-01 teams/sales.okr growth.deals 5 deals >/dev/null 2>err ||
    fail "checkin into the named file's block failed: $(cat err)"
grep -q "growth.deals = 5 deals" teams/sales.okr || fail "the entry is not in the named file's block"
grep -q "5 deals" main.okr && fail "the entry went to main.okr though the named file has the block"
# an entry the compiler refuses in the other file is reported there, and nothing is written
cp main.okr main.before
if "$OKRC" checkin -w --date 2027-02-01 teams/sales.okr growth.accounts 47 accounts >/dev/null 2>err; then
    fail "a second value for the same date in main.okr was written"
fi
grep -q "^main.okr:.*duplicate-checkin" err || fail "the duplicate in main.okr was not reported: $(cat err)"
cmp -s main.okr main.before || fail "a refused entry changed main.okr"
# the other way round: the file named imports the file with the block
cp teams/sales.okr sales.before2; cp main.okr main.before2
"$OKRC" checkin -w --date 2027-03-01 main.okr growth.visits 12 visits >/dev/null 2>err ||
    fail "checkin into an imported file's block failed: $(cat err)"
grep -q "the check-in block of the date is in 'teams/sales.okr'" err || fail "not said: $(cat err)"
cmp -s main.okr main.before2 || fail "main.okr changed though the block is in the imported file"
[ "$(diff sales.before2 teams/sales.okr | grep -c '^[<>]')" = 0 ] &&
    fail "the imported file did not get the entry"
[ "$(diff sales.before2 teams/sales.okr | grep -c '^<')" = 0 ] || fail "a line of the imported file changed"
[ "$(diff sales.before2 teams/sales.okr | grep -c '^>')" = 1 ] || fail "more than the entry added: $(diff sales.before2 teams/sales.okr)"
# no block of the date anywhere: a new one in the named file
"$OKRC" checkin --diff --date 2027-03-15 teams/sales.okr growth.accounts 53 accounts >diff 2>err ||
    fail "checkin --diff for a new date failed: $(cat err)"
grep -q '^+++ b/teams/sales.okr' diff || fail "a new block did not go to the named file: $(cat diff)"
grep -q '^+checkin 2027-03-15 {' diff || fail "no new block in the diff: $(cat diff)"
exit $rc
