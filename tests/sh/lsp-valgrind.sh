#!/bin/sh
# tier: full (valgrind)
# okrc lsp under valgrind, no suppressions: scripted sessions (buffers,
# imports, changes, close; encodings; navigation; outline; actions; formatting;
# rename) leak nothing and
# make no error. Skipped for the sanitized binary and without valgrind.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
case "$OKRC" in *-asan) echo "skipped: valgrind cannot run a sanitized binary"; exit 77 ;; esac
command -v valgrind >/dev/null || { echo "skipped: valgrind is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nexec valgrind -q --num-callers=50 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --log-file=%s/vg.%%p "%s" "$@"\n' \
    "$tmp" "$OKRC" >"$tmp/okrc-vg" && chmod +x "$tmp/okrc-vg"
OKRC="$tmp/okrc-vg" LSP_SESSIONS="buffers encodings navigation outline actions format rename tokens" sh "$top/tests/sh/lsp.sh" || exit 1
for f in "$tmp"/vg.*; do
    [ -s "$f" ] && { echo "FAIL: valgrind found:"; cat "$f"; exit 1; }
done
ls "$tmp"/vg.* >/dev/null 2>&1 || { echo "FAIL: valgrind did not run"; exit 1; }
echo ok
