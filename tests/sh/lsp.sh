#!/bin/sh
# tier: full (npm (vscode-jsonrpc))
# okrc lsp through vscode-jsonrpc (VS Code's protocol library, from npm into
# build/lsp-node): one scripted session per feature (tests/lsp/session.js).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v node >/dev/null 2>&1 || { echo "FAIL: node is not installed (tools/deps.sh --tests)"; exit 1; }
LSP_NODE=$("$top/tests/lsp/setup.sh") || { echo "FAIL: cannot install vscode-jsonrpc"; exit 1; }
export LSP_NODE OKRC
rc=0
for session in ${LSP_SESSIONS:-diagnostics buffers encodings robust navigation outline actions format rename tokens}; do
    echo "== $session"
    timeout 300 node "$top/tests/lsp/session.js" "$session" || { echo "FAIL: session $session"; rc=1; }
done
exit $rc
