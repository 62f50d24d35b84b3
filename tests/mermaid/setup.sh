#!/bin/sh
# Installs Mermaid (the parser GitHub and GitLab draw Markdown's ```mermaid
# blocks with) and jsdom (the DOM it needs outside a browser) into
# build/mermaid-node, once. Prints the directory on success.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/build/mermaid-node"
if [ ! -f "$dir/node_modules/mermaid/package.json" ] || [ ! -f "$dir/node_modules/jsdom/package.json" ]; then
    command -v npm >/dev/null 2>&1 || { echo "setup: npm is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" mermaid@11 jsdom@24 >&2 ||
        { echo "setup: npm install failed (is the npm registry reachable?)" >&2; exit 1; }
fi
echo "$dir"
