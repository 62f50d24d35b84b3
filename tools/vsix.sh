#!/bin/sh
# Packages the VS Code extension (editors/vscode) as a .vsix with vsce, the
# tool of VS Code's marketplace, installed from npm under build/vsce once;
# the extension's language client library comes from npm as well.
# usage: tools/vsix.sh [OUTPUT]   (default build/okr-VERSION.vsix)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir="$top/build/vsce"
vsce="$dir/node_modules/.bin/vsce"
if [ ! -x "$vsce" ]; then
    command -v npm >/dev/null 2>&1 || { echo "vsix: npm is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" @vscode/vsce@2 >&2 ||
        { echo "vsix: npm install of @vscode/vsce failed (is the npm registry reachable?)" >&2; exit 1; }
fi
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$top/editors/vscode/package.json")
out=${1:-$top/build/okr-$version.vsix}
case $out in /*) ;; *) out="$PWD/$out" ;; esac
mkdir -p "$(dirname "$out")"
# The extension is packaged from a copy in build/, where npm installs its
# one dependency (vscode-languageclient, VS Code's client library), so that
# the tree never holds a node_modules.
stage="$top/build/vscode-ext"
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$top/editors/vscode/." "$stage/"
npm install --silent --no-audit --no-fund --omit=dev --prefix "$stage" >&2 ||
    { echo "vsix: npm install of the extension's dependencies failed" >&2; exit 1; }
cd "$stage"
# okrc has no licence file yet; without --skip-license vsce stops to ask.
"$vsce" package --skip-license --out "$out" >&2
echo "$out"
