#!/bin/sh
# The include rule (docs/architecture.md) holds over the tree, and the check
# really catches a violation: on a copy of src/ with one upward include
# planted in the library, tools/check-includes.sh must fail and name it.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
CC=${CC:-cc} "$top/tools/check-includes.sh" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tools"
cp -R "$top/src" "$top/grammar" "$tmp/"
cp "$top/tools/check-includes.sh" "$tmp/tools/"
sed -i '1i #include "emit/emit.h"' "$tmp/src/lib/plan.c"
if "$tmp/tools/check-includes.sh" >"$tmp/out" 2>&1; then
    echo "FAIL: an include from lib/ into emit/ passed the check"
    exit 1
fi
grep -q '^src/lib/plan.c:1: lib/ may not include emit/emit.h' "$tmp/out" || {
    echo "FAIL: the check did not name the planted include:"
    cat "$tmp/out"
    exit 1
}
