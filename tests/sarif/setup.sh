#!/bin/sh
# Installs the SARIF 2.1.0 schema and its validator (ajv 6, which reads
# JSON-Schema draft-04) into build/sarif-validator, once. The npm package
# @microsoft/jest-sarif ships the official schema as
# lib/schemas/sarif-2.1.0-rtm.5.json. Prints the directory on success.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/build/sarif-validator"
schema="$dir/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ] || [ ! -d "$dir/node_modules/ajv" ]; then
    command -v npm >/dev/null 2>&1 || { echo "setup: npm is not installed; cannot fetch the SARIF schema" >&2; exit 1; }
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" \
        @microsoft/jest-sarif@1.0.0-beta.0 ajv@6 >&2 ||
        { echo "setup: npm install failed (is the npm registry reachable?)" >&2; exit 1; }
fi
[ -f "$schema" ] || { echo "setup: $schema is missing after npm install" >&2; exit 1; }
echo "$dir"
