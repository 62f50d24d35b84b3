#!/bin/sh
# tier: full (npm (VS Code's TextMate engine))
# The VS Code grammar (editors/vscode/syntaxes/okr.tmLanguage.json) under
# VS Code's own TextMate engine: the tokens of tests/editors/expect.txt get
# their scopes (tests/editors/textmate.js). The engine, vscode-textmate and
# vscode-oniguruma from npm, is installed under build/ by
# tests/editors/setup-textmate.sh; without npm this test fails and says why.
# Also checks that the extension's package.json names the files it ships.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v node >/dev/null 2>&1 || { echo "FAIL: node is not installed"; exit 1; }
dir=$("$top/tests/editors/setup-textmate.sh") || { echo "FAIL: could not install vscode-textmate"; exit 1; }
node "$top/tests/editors/textmate.js" "$dir/node_modules" || exit 1
node -e '
const fs = require("fs"), path = require("path");
const ext = process.argv[1];
const pkg = JSON.parse(fs.readFileSync(path.join(ext, "package.json"), "utf8"));
const lang = pkg.contributes.languages[0], gram = pkg.contributes.grammars[0];
const fail = (m) => { console.log("FAIL: " + m); process.exitCode = 1; };
if (lang.id !== "okr" || !lang.extensions.includes(".okr")) fail("the language is not okr for .okr");
for (const f of [lang.configuration, gram.path])
  if (!fs.existsSync(path.join(ext, f))) fail("package.json names a missing file " + f);
const cfg = JSON.parse(fs.readFileSync(path.join(ext, lang.configuration), "utf8"));
if (cfg.comments.lineComment !== "#") fail("the line comment is not #");
const g = JSON.parse(fs.readFileSync(path.join(ext, gram.path), "utf8"));
if (g.scopeName !== gram.scopeName) fail("scopeName " + g.scopeName + " != " + gram.scopeName);
' "$top/editors/vscode"
