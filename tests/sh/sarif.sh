#!/bin/sh
# tier: full (npm (the SARIF schema validator))
# okrc check --format sarif validates against the official SARIF 2.1.0
# schema, with and without findings (results is [] when clean). Needs node
# and npm (tests/sarif/setup.sh installs the schema under build/); without
# them this test fails and says why rather than passing silently.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v node >/dev/null 2>&1 || { echo "FAIL: node is not installed; cannot validate SARIF"; exit 1; }
validator=$("$top/tests/sarif/setup.sh") || { echo "FAIL: could not install the SARIF schema validator"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

cat >clean.okr <<'OKR'
plan "Clean plan" { period 2027  owner @ceo }
objective grow "Double annual recurring revenue" {
  owner @ceo
  kr revenue "Average annual revenue in dollars" { from 12M USD to 24M USD }
}
OKR
mkdir -p "dir with space"
cat >"dir with space/findings.okr" <<'OKR'
plan "Plan with findings" { period 2027 }
objective grow "Grow" {
  kr crm "Implement a CRM" { milestone }
  kr crm "Ümlaut täst, 100%" { target 5 }
}
rules { kr-cont max 3 }
OKR

rc=0
"$OKRC" check --format sarif --as-of 2027-01-01 clean.okr >clean.sarif
[ $? -eq 0 ] || { echo "FAIL: clean plan did not exit 0"; rc=1; }
"$OKRC" check --format sarif --as-of 2027-01-01 "dir with space/findings.okr" >findings.sarif
[ $? -eq 1 ] || { echo "FAIL: plan with errors did not exit 1"; rc=1; }
node "$top/tests/sarif/validate.js" "$validator" clean.sarif findings.sarif || rc=1

# Shape checks the schema leaves open.
node -e '
const fs = require("fs");
const clean = JSON.parse(fs.readFileSync("clean.sarif", "utf8"));
const found = JSON.parse(fs.readFileSync("findings.sarif", "utf8"));
const fail = (m) => { console.log("FAIL: " + m); process.exitCode = 1; };
if (!Array.isArray(clean.runs[0].results) || clean.runs[0].results.length !== 0)
  fail("a clean run must have results: []");
const r = found.runs[0].results;
if (r.length < 3) fail("expected several results, got " + r.length);
const uri = r[0].locations[0].physicalLocation.artifactLocation.uri;
if (uri !== "dir%20with%20space/findings.okr") fail("uri is " + uri);
if (!r.some((x) => x.relatedLocations)) fail("notes should become relatedLocations");
const ids = found.runs[0].tool.driver.rules.map((x) => x.id);
for (const x of r) if (ids[x.ruleIndex] !== x.ruleId) fail("ruleIndex of " + x.ruleId);
' || rc=1
exit $rc
