#!/bin/sh
# Installs vscode-jsonrpc, the JSON-RPC library VS Code's language client is
# built on, into build/lsp-node, once. Prints the directory on success.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/build/lsp-node"
if [ ! -f "$dir/node_modules/vscode-jsonrpc/package.json" ]; then
    command -v npm >/dev/null 2>&1 || { echo "setup: npm is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" vscode-jsonrpc@8 >&2 ||
        { echo "setup: npm install failed (is the npm registry reachable?)" >&2; exit 1; }
fi
echo "$dir"
