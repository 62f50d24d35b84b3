#!/bin/sh
# tier: full (npm: mermaid, jsdom)
# The Mermaid that okrc writes is Mermaid: every ```mermaid block of every
# Markdown report golden, of the examples' reports, of a plan of hostile
# titles and of graph -T mermaid parses with Mermaid's own parser (the one
# GitHub and GitLab draw with). Shown to fail: a block with a label whose
# quote is not escaped is caught.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
node_dir=$("$top/tests/mermaid/setup.sh") || { echo "FAIL: cannot install mermaid"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$top/tests/mermaid/parse.mjs" "$node_dir/parse.mjs"
files=""
for f in "$top"/tests/cases/*md*.expected "$top"/tests/cases/report-story-md.expected; do
    grep -q '```mermaid' "$f" && files="$files $f"
done
for plan in "$top"/examples/*.okr "$top/tests/cases/hostile-strings.okr"; do
    name=$(basename "$plan" .okr)
    "$OKRC" report -f md --as-of 2027-02-15 "$plan" >"$tmp/$name.md" 2>/dev/null || true
    "$OKRC" graph -T mermaid --as-of 2027-02-15 "$plan" >"$tmp/$name.mmd" 2>/dev/null || true
    files="$files $tmp/$name.md $tmp/$name.mmd"
done
# shellcheck disable=SC2086
(cd "$node_dir" && node parse.mjs $files) >"$tmp/out" || { cat "$tmp/out"; exit 1; }
tail -1 "$tmp/out"
grep -q "xychart" "$tmp/out" || { echo "FAIL: no progress chart was parsed"; exit 1; }
printf 'flowchart BT\n  o0["a "quoted" title"]\n' >"$tmp/broken.mmd"
if (cd "$node_dir" && node parse.mjs "$tmp/broken.mmd") >/dev/null; then
    echo "FAIL: the parser took a broken label: this test would prove nothing"; exit 1
fi
