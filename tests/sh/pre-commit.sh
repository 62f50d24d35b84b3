#!/bin/sh
# tier: full (pre-commit)
# The okrc-check and okrc-fmt hooks of .pre-commit-hooks.yaml, run by the real pre-commit
# in a fresh git repository: committing a plan with errors fails and shows
# okrc's diagnostics, a clean plan commits, and a commit without .okr files
# never runs okrc; a team's file of a plan that spans files, staged alone,
# is checked in the company plan's context. The hook repository is a git copy of this tree's hooks
# file, so the test sees the working tree's version.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v pre-commit >/dev/null 2>&1 || { echo "FAIL: pre-commit is not installed (tools/deps.sh --tests installs it)"; exit 1; }
command -v git >/dev/null 2>&1 || { echo "FAIL: git is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$tmp/bin"
git config --global user.name test && git config --global user.email test@example.com
git config --global init.defaultBranch main
# The hook runs `okrc` from PATH: the binary under test.
# A wrapper, not a symlink: the memcheck wrapper finds the tree from its $0.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$OKRC" >"$tmp/bin/okrc" && chmod +x "$tmp/bin/okrc"
PATH="$tmp/bin:$PATH"

git init -q "$tmp/hooks" && cp "$top/.pre-commit-hooks.yaml" "$tmp/hooks/" &&
    git -C "$tmp/hooks" add . && git -C "$tmp/hooks" commit -qm hooks || exit 1
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

git init -q "$tmp/plans" && cd "$tmp/plans" || exit 1
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: okrc-check
        args: [--as-of, "2027-02-15"]
      - id: okrc-fmt
YAML
git add .pre-commit-config.yaml && git commit -qm config || exit 1
pre-commit install >/dev/null || { echo "FAIL: pre-commit install"; exit 1; }

rc=0
cat >plan.okr <<'OKR'
plan "Plan" { period 2027  owner @ceo }
objective grow "Double annual recurring revenue" {
  team salse
  kr revenue "Average annual revenue in dollars" { from 12M USD to 24M USD }
}
OKR
git add plan.okr
if git commit -qm bad >"$tmp/bad.out" 2>&1; then
    echo "FAIL: a plan with errors was committed"; rc=1
fi
grep -q "plan.okr:3:8: error: unknown team 'salse'" "$tmp/bad.out" ||
    { echo "FAIL: okrc's diagnostic is not in the hook's output:"; cat "$tmp/bad.out"; rc=1; }
grep -q "okrc check.*Failed" "$tmp/bad.out" || { echo "FAIL: the hook did not fail by name"; rc=1; }
[ "$(git rev-list --count HEAD)" = 1 ] || { echo "FAIL: the bad commit was made"; rc=1; }

sed -i 's/team salse/owner @ceo/' plan.okr
git add plan.okr
git commit -qm good >"$tmp/good.out" 2>&1 || { echo "FAIL: a clean plan was refused:"; cat "$tmp/good.out"; rc=1; }
grep -q "okrc check.*Passed" "$tmp/good.out" || { echo "FAIL: the hook did not run on the clean plan"; cat "$tmp/good.out"; rc=1; }
[ "$(git rev-list --count HEAD)" = 2 ] || { echo "FAIL: the good commit is missing"; rc=1; }

echo notes >README
git add README
git commit -qm readme >"$tmp/other.out" 2>&1 || { echo "FAIL: a commit without plans failed"; cat "$tmp/other.out"; rc=1; }
grep -q "okrc check.*Skipped" "$tmp/other.out" || { echo "FAIL: the hook should skip non-.okr files"; cat "$tmp/other.out"; rc=1; }
# okrc-fmt: a plan not in the canonical layout is rewritten and the commit
# refused; staged again, it commits.
printf 'plan "Plan"{period 2027 owner @ceo}\n' >plan.okr
git add plan.okr
if git commit -qm messy >"$tmp/messy.out" 2>&1; then
    echo "FAIL: a plan that okrc fmt changes was committed"; rc=1
fi
grep -q "okrc fmt.*Failed" "$tmp/messy.out" || { echo "FAIL: the fmt hook did not fail by name"; cat "$tmp/messy.out"; rc=1; }
[ "$(cat plan.okr)" = 'plan "Plan" { period 2027  owner @ceo }' ] || { echo "FAIL: the fmt hook did not rewrite plan.okr: $(cat plan.okr)"; rc=1; }
git add plan.okr
git commit -qm formatted >"$tmp/formatted.out" 2>&1 || { echo "FAIL: the formatted plan was refused:"; cat "$tmp/formatted.out"; rc=1; }
grep -q "okrc fmt.*Passed" "$tmp/formatted.out" || { echo "FAIL: the fmt hook did not pass on the formatted plan"; rc=1; }

# A plan that spans files: a team's file names the company's teams, people,
# perspectives and key result. Committing a change to the team file alone
# checks it in the company plan's context: no false error, and a real
# mistake in it is still reported at its line.
mkdir -p company/teams
cp "$top/tests/cases/plan-spans-files/main.okr" company/main.okr
cp "$top/tests/cases/plan-spans-files/teams/roasterij.okr" "$top/tests/cases/plan-spans-files/teams/winkels.okr" \
    company/teams/
sed -i 's/@jost/@joost/' company/teams/roasterij.okr
git add company && git commit -qm "company plan" >"$tmp/company.out" 2>&1 ||
    { echo "FAIL: the company plan was refused:"; cat "$tmp/company.out"; rc=1; }
# Each of the three files staged alone, with a correct change: no false finding.
for f in company/main.okr company/teams/roasterij.okr company/teams/winkels.okr; do
    printf '# reviewed\n' >>"$f"
    git add "$f"
    git commit -qm "change to $f alone" >"$tmp/alone.out" 2>&1 ||
        { echo "FAIL: a correct change to $f alone was refused:"; cat "$tmp/alone.out"; rc=1; }
    grep -q "unknown\|error" "$tmp/alone.out" && { echo "FAIL: false findings for $f:"; cat "$tmp/alone.out"; rc=1; }
done
sed -i 's/from 6 to 2 /from 6 to 1 /' company/teams/roasterij.okr
git add company/teams/roasterij.okr
git commit -qm "team change" >"$tmp/team.out" 2>&1 ||
    { echo "FAIL: a correct change to the team's file alone was refused:"; cat "$tmp/team.out"; rc=1; }
grep -q "unknown" "$tmp/team.out" && { echo "FAIL: false findings for the team's file:"; cat "$tmp/team.out"; rc=1; }
sed -i 's/aligns grow.revenue/aligns grow.revenu/' company/teams/roasterij.okr
git add company/teams/roasterij.okr
if git commit -qm "team mistake" >"$tmp/mistake.out" 2>&1; then
    echo "FAIL: a mistake in the team's file was committed"; rc=1
fi
grep -q "company/teams/roasterij.okr:4:.*error: objective 'grow' has no key result 'revenu'" "$tmp/mistake.out" ||
    { echo "FAIL: the team file's mistake is not reported at its line:"; cat "$tmp/mistake.out"; rc=1; }
exit $rc
