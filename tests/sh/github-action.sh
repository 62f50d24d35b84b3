#!/bin/sh
# tier: full (more than 5 seconds)
# The composite action (action.yml) run step by step as GitHub's runner runs
# it (tests/tools/run-action.py; GitHub is not reachable from here), in a git
# repository of plans, with the okrc under test on PATH: a plan with errors
# fails the step with annotations and a SARIF log that carries fingerprints
# and no summary; a clean plan passes and posts `okrc report -f md` as the
# job summary; `files` takes globs; no plans is a warning, not a failure.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
py=$(command -v python3)
/usr/bin/python3 -c 'import yaml' 2>/dev/null && py=/usr/bin/python3
$py -c 'import yaml' 2>/dev/null || { echo "FAIL: python3 with yaml is needed (Debian python3-yaml)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/repo/plans/q1"
# A wrapper, not a symlink: the memcheck wrapper finds the tree from its $0.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$OKRC" >"$tmp/bin/okrc" && chmod +x "$tmp/bin/okrc"
PATH="$tmp/bin:$PATH"
export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1
cd "$tmp/repo" && git init -q . || exit 1
cat >plans/company.okr <<'OKR'
plan "Company" { period 2027  owner @ceo }
objective grow "Double annual recurring revenue" {
  owner @ceo
  kr revenue "Average annual revenue in dollars" { from 12M USD to 24M USD }
}
checkin 2027-02-10 by @ceo { grow.revenue = 15M USD  confidence 6 }
OKR
cat >plans/q1/bad.okr <<'OKR'
plan "Sales" { period 2027-Q1  owner @ceo }
objective deals "Win more mid-size deals this quarter" {
  team salse
  kr deals "Mid-size deals closed this quarter" { from 3 to 9 deals }
}
OKR
git add plans && git -c user.name=t -c user.email=t@example.com commit -qm plans || exit 1

run() { # name INPUT=VALUE...: runs the action, output in $tmp/NAME.*
    name=$1; shift
    rm -rf "$tmp/runner" && mkdir -p "$tmp/runner"
    RUNNER_TEMP="$tmp/runner" $py "$top/tests/tools/run-action.py" "$top" "$tmp/repo" "$@" \
        >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
    cp "$tmp/runner/summary.md" "$tmp/$name.summary"
}
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# Every tracked .okr file, as one plan: bad.okr's error fails it.
run all as-of=2027-02-15
[ "$(cat "$tmp/all.rc")" = 1 ] || { fail "a plan with errors: exit $(cat "$tmp/all.rc")"; cat "$tmp/all.err"; }
grep -q "^okrc: using $tmp/bin/okrc" "$tmp/all.out" || fail "the okrc on PATH was not used"
grep -q '^::error file=plans/q1/bad.okr,line=3,col=8,endLine=3,endColumn=13,title=unknown-ref::unknown team' "$tmp/all.out" ||
    { fail "no annotation for the error"; cat "$tmp/all.out"; }
grep -q '^output exit-code=1$' "$tmp/all.out" || fail "output exit-code is not 1"
grep -q '^output sarif-file=okrc.sarif$' "$tmp/all.out" || fail "output sarif-file"
[ -s "$tmp/all.summary" ] && fail "a summary was posted for a plan with errors"
$py - "$tmp/repo/okrc.sarif" <<'PY' || rc=1
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
bad = [x for x in r if x["ruleId"] == "unknown-ref"]
ok = bad and bad[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/q1/bad.okr"
ok = ok and all(":" in x["partialFingerprints"]["primaryLocationLineHash"] for x in r)
if not ok:
    print("FAIL: the SARIF log lacks the finding or its fingerprints"); sys.exit(1)
PY

# One clean plan by glob: passes, and the summary is okrc's markdown report.
rm -f okrc.sarif
run clean 'files=plans/**/company.okr' as-of=2027-02-15 sarif-file=scan/okrc/clean.sarif
[ "$(cat "$tmp/clean.rc")" = 0 ] || { fail "a clean plan: exit $(cat "$tmp/clean.rc")"; cat "$tmp/clean.out" "$tmp/clean.err"; }
"$OKRC" report -f md --as-of 2027-02-15 plans/company.okr >"$tmp/report.md"
cmp -s "$tmp/report.md" "$tmp/clean.summary" || { fail "the job summary is not the md report"; diff "$tmp/report.md" "$tmp/clean.summary" | head; }
grep -q "grow" "$tmp/clean.summary" || fail "the summary does not name the objective"
[ -s scan/okrc/clean.sarif ] || fail "sarif-file was not honoured"

# summary off, --werror through args: a month later the clean plan's
# stale-checkin warning fails it, annotated as the error --werror makes it.
run werror files=plans/company.okr as-of=2027-03-15 summary=false args=--werror sarif-file=
[ "$(cat "$tmp/werror.rc")" = 1 ] || fail "--werror in args: exit $(cat "$tmp/werror.rc")"
[ -s "$tmp/werror.summary" ] && fail "summary=false posted a summary"
grep -q '^::error .*title=stale-checkin::' "$tmp/werror.out" || fail "no stale-checkin error annotation"

# A SARIF log that cannot be written (its path is a directory) fails the step.
run unwritable files=plans/company.okr as-of=2027-02-15 sarif-file=plans summary=false
[ "$(cat "$tmp/unwritable.rc")" = 2 ] || fail "an unwritable SARIF log: exit $(cat "$tmp/unwritable.rc")"
grep -q '^::error title=okrc::could not write the SARIF log plans' "$tmp/unwritable.out" || fail "no error for the SARIF log"

# Without an okrc on PATH the action builds its own checkout (once, with the
# normal binary: the build is the same for both) and puts it on PATH.
case $OKRC in
*-asan) ;;
*)
    mkdir -p "$tmp/action" && (cd "$top" && git ls-files -co --exclude-standard | grep -v '^build/' |
        tar cf - -T -) | (cd "$tmp/action" && tar xf -) && rm -f "$tmp/action/okrc" "$tmp/action/okrc-asan"
    rm -rf "$tmp/runner" && mkdir -p "$tmp/runner"
    PATH=/usr/bin:/bin RUNNER_TEMP="$tmp/runner" \
        $py "$top/tests/tools/run-action.py" "$tmp/action" "$tmp/repo" files=plans/company.okr \
        as-of=2027-02-15 >"$tmp/build.out" 2>&1
    [ $? = 0 ] || { fail "the action did not build okrc:"; tail "$tmp/build.out"; }
    [ -x "$tmp/action/okrc" ] || fail "no okrc was built in the action's checkout"
    grep -qx "$tmp/action" "$tmp/runner/path" || fail "the built okrc was not added to GITHUB_PATH"
    grep -q "grow" "$tmp/runner/summary.md" || fail "the built okrc wrote no summary"
    ;;
esac

# No plans at all.
run none 'files=nothing/*.okr'
[ "$(cat "$tmp/none.rc")" = 0 ] || fail "no plans: exit $(cat "$tmp/none.rc")"
grep -q '^::warning title=okrc::no .okr files to check' "$tmp/none.out" || fail "no warning without plans"
exit $rc
