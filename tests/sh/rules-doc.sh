#!/bin/sh
# docs/rules.md ends with the text of `okrc explain` for every rule; this test
# fails when the table in rules.c and the document drift apart. To refresh the
# reference, replace everything after "The text `okrc explain RULE` prints for
# each rule." with the output of the loop below.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
doc="$top/docs/rules.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $("$OKRC" rules | awk 'NR > 1 && /^  [a-z]/ { print $1 }'); do
    printf '### `%s`\n\n```\n' "$r"
    "$OKRC" explain "$r"
    printf '```\n\n'
done >"$tmp/reference"
sed -n '/^The text `okrc explain RULE` prints for each rule\.$/,$p' "$doc" | tail -n +3 >"$tmp/documented"
if ! cmp -s "$tmp/reference" "$tmp/documented"; then
    echo "FAIL: docs/rules.md's rule reference differs from 'okrc explain':"
    diff -u "$tmp/documented" "$tmp/reference" | head -40
    exit 1
fi
