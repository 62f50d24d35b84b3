#!/bin/sh
# tier: full (npm (vsce))
# `make vsix` (tools/vsix.sh) packages editors/vscode with the real vsce:
# the .vsix is a zip whose extension/ holds package.json, the language
# configuration, the grammar and the client (extension.js), byte for byte as
# in the tree, the client's library (vscode-languageclient) and nothing of
# the tests; the client starts okrc lsp with the extension's settings.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "FAIL: python3 is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$top/tools/vsix.sh" "$tmp/okr.vsix" >"$tmp/out" 2>&1 || { echo "FAIL: tools/vsix.sh failed:"; cat "$tmp/out"; exit 1; }
python3 - "$tmp/okr.vsix" "$top/editors/vscode" <<'PY'
import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
fail = False
for f in ("package.json", "language-configuration.json", "syntaxes/okr.tmLanguage.json", "extension.js"):
    entry = "extension/" + f
    if entry not in names:
        print("FAIL: the .vsix lacks " + entry); fail = True
    elif z.read(entry) != open(os.path.join(sys.argv[2], f), "rb").read() and f != "package.json":
        print("FAIL: the .vsix holds another " + f); fail = True
if "extension.vsixmanifest" not in names:
    print("FAIL: no extension.vsixmanifest"); fail = True
if "extension/node_modules/vscode-languageclient/package.json" not in names:
    print("FAIL: the .vsix lacks its language client library"); fail = True
extra = [n for n in names if n.startswith("extension/") and not n.startswith(("extension/package.json",
         "extension/language-configuration.json", "extension/syntaxes/", "extension/extension.js",
         "extension/node_modules/"))]
if extra:
    print("FAIL: the .vsix ships more than the extension: %s" % extra); fail = True
sys.exit(1 if fail else 0)
PY
# The client in it starts okrc lsp (VS Code stood in for: tests/editors/vscode-client.js).
node "$top/tests/editors/vscode-client.js" "$top/build/vscode-ext" "${OKRC:-$top/okrc}" || exit 1
