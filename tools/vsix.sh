#!/bin/sh
# Packages the VS Code extension (editors/vscode) as a .vsix with vsce, the
# tool of VS Code's marketplace, installed from npm under build/vsce once.
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
cd "$top/editors/vscode"
# okrc has no licence file yet; without --skip-license vsce stops to ask.
"$vsce" package --skip-license --out "$out" >&2
echo "$out"
