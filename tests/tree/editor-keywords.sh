#!/bin/sh
# The TextMate, Vim and Emacs grammars highlight exactly the keywords of
# grammar/okr.l (tools/editor-keywords.py), and the check really catches a
# new keyword: on a copy of the tree with one planted in the scanner, it must
# fail and name the word for each of the three grammars.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$top/tools/editor-keywords.py" "$top" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$top/grammar" "$top/editors" "$tmp/"
sed -i 's/^"by"  *KEYWORD(BY);$/&\n"quarterly"             KEYWORD(QUARTERLY);/' "$tmp/grammar/okr.l"
grep -q '^"quarterly"' "$tmp/grammar/okr.l" || { echo "FAIL: could not plant a keyword in okr.l"; exit 1; }
if python3 "$top/tools/editor-keywords.py" "$tmp" >"$tmp/out" 2>&1; then
    echo "FAIL: a keyword missing from every editor grammar passed the check"
    exit 1
fi
[ "$(grep -c "does not highlight the keyword 'quarterly'" "$tmp/out")" = 3 ] || {
    echo "FAIL: the check did not name the planted keyword for all three grammars:"
    cat "$tmp/out"
    exit 1
}
