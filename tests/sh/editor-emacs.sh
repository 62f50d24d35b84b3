#!/bin/sh
# tier: full (Emacs)
# editors/emacs/okr-mode.el in Emacs batch mode (Debian's emacs-nox): it
# byte-compiles without a warning; .okr files open in okr-mode; the tokens of
# tests/editors/expect.txt get their faces; indent-region keeps the sample
# as written; eglot (a stand-in eglot.el) learns to start okrc lsp for
# okr-mode; the `okrc' compilation regexp reads the okrc under test's
# diagnostics with the right file, line, column and severity.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v emacs >/dev/null 2>&1 || { echo "FAIL: emacs is not installed (tools/deps.sh --tests installs emacs-nox)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp"
rc=0
cp "$top/editors/emacs/okr-mode.el" "$top/tests/editors/sample.okr" "$top/tests/editors/expect.txt" \
    "$top/tests/editors/emacs-check.el" "$tmp/"
cd "$tmp" || exit 1
timeout 120 emacs --batch -Q --eval '(setq byte-compile-error-on-warn t)' -f batch-byte-compile okr-mode.el >compile.log 2>&1 ||
    { echo "FAIL: okr-mode.el does not byte-compile cleanly:"; cat compile.log; rc=1; }

cat >bad.okr <<'OKR'
plan "Plan" { period 2027  owner @ceo }
team sales "Sales" { lead @ceo }
objective grow "Double annual recurring revenue" {
  team salse
  kr revenue "Average annual revenue in dollars" { target 24M USD }
}
objective grow "Second" { owner @ceo  kr x "Revenue from the new products" { from 1 to 2 } }
OKR
"$OKRC" check --color=never --as-of 2027-01-05 bad.okr 2>diagnostics.txt
grep -E '^bad.okr:[0-9]+:[0-9]+: (error|warning|info|note): ' diagnostics.txt |
    sed -E 's/^([^:]+):([0-9]+):([0-9]+): (error|warning|info|note): .*/compile \1:\2:\3:\4/;
            s/:error$/:2/; s/:warning$/:1/; s/:(info|note)$/:0/' >expected.txt
[ "$(grep -c . expected.txt)" -ge 4 ] || { echo "FAIL: the bad plan gave too few diagnostics"; cat diagnostics.txt; rc=1; }
grep -q ':0$' expected.txt && grep -q ':1$' expected.txt && grep -q ':2$' expected.txt ||
    { echo "FAIL: the bad plan should give errors, warnings and notes"; rc=1; }

printf '(defvar eglot-server-programs nil)\n(provide (quote eglot))\n' >"$tmp/eglot.el"
OKR_COMPILE_OUTPUT="$tmp/diagnostics.txt" timeout 120 emacs --batch -Q -L "$tmp" -l emacs-check.el >result.txt 2>emacs.log ||
    rc=1
grep FAIL result.txt && rc=1
n=$(sed -n 's/^checked //p' result.txt)
[ "${n:-0}" -ge 50 ] || { echo "FAIL: only ${n:-0} tokens checked"; cat emacs.log; rc=1; }
grep '^compile ' result.txt >compiled.txt
cmp -s expected.txt compiled.txt || { echo "FAIL: the compilation regexp read okrc's output wrongly:"; diff expected.txt compiled.txt; rc=1; }
exit $rc
