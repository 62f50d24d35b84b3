#!/bin/sh
# Installs the TextMate engine VS Code uses (vscode-textmate, with the
# Oniguruma regular expressions of vscode-oniguruma as WebAssembly) into
# build/textmate, once. Prints the directory on success.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/build/textmate"
if [ ! -f "$dir/node_modules/vscode-oniguruma/release/onig.wasm" ] || [ ! -d "$dir/node_modules/vscode-textmate" ]; then
    command -v npm >/dev/null 2>&1 || { echo "setup: npm is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" vscode-textmate@9 vscode-oniguruma@2 >&2 ||
        { echo "setup: npm install failed (is the npm registry reachable?)" >&2; exit 1; }
fi
echo "$dir"
