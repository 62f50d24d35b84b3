#!/bin/sh
# tier: full (Neovim)
# okrc lsp in a real editor: headless Neovim (Debian's neovim) with its
# built-in LSP client (tests/editors/lsp-check.lua) opens a plan, and what
# it received is asserted: the diagnostics of okrc check, a definition, a
# hover, and the buffer formatted through the server as okrc fmt writes it.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v nvim >/dev/null 2>&1 || { echo "FAIL: nvim is not installed (tools/deps.sh --tests installs neovim)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home" XDG_DATA_HOME="$tmp/home" XDG_STATE_HOME="$tmp/home" \
    XDG_CACHE_HOME="$tmp/home"
cat >"$tmp/plan.okr" <<'OKR'
plan "Plan" { period 2027  owner @ceo }
team sales "Sales"
objective grow "Double annual recurring revenue" {
  team salse
  kr revenue "Average annual revenue in dollars" { from 12M USD to 24M USD }
}
checkin 2027-02-01 by @ceo {
  grow.revenue = 14M USD
}
objective   keep "Keep the margin of every shop healthy" {team sales
      kr margin "Gross margin of the shops" {keep >= 40%}}
OKR
(cd "$tmp" && OKRC="$OKRC" OKR_LSP_RESULT="$tmp/result" OKR_LSP_FORMATTED="$tmp/formatted.okr" timeout 120 nvim --headless -u NONE -i NONE -n \
    --cmd "set rtp^=$top/editors/vim" --cmd 'filetype plugin indent on' \
    -c "luafile $top/tests/editors/lsp-check.lua" plan.okr >"$tmp/nvim.log" 2>&1 </dev/null)
[ -f "$tmp/result" ] || { echo "FAIL: Neovim wrote no result"; cat "$tmp/nvim.log"; exit 1; }
cat "$tmp/result"
rc=0
expect() { grep -qF -- "$1" "$tmp/result" || { echo "FAIL: Neovim did not receive: $1"; rc=1; }; }
expect "diagnostic 4:8 1 unknown-ref unknown team 'salse'; did you mean 'sales'?"
expect "definition plan.okr 5:6"
expect "hover **key result grow.revenue** — Average annual revenue in dollars"
expect "as of 2027-02-15"
# The buffer formatted through the server is what okrc fmt writes.
expect "formatted"
"$OKRC" fmt - <"$tmp/plan.okr" >"$tmp/expected.okr"
cmp -s "$tmp/expected.okr" "$tmp/formatted.okr" ||
    { echo "FAIL: Neovim's formatted buffer differs from okrc fmt:"; diff "$tmp/expected.okr" "$tmp/formatted.okr"; rc=1; }
cmp -s "$tmp/plan.okr" "$tmp/formatted.okr" && { echo "FAIL: the test plan needed no formatting"; rc=1; }
# The same findings as okrc check, one for one.
n_check=$(cd "$tmp" && "$OKRC" check --format json --as-of 2027-02-15 plan.okr | grep -c '"rule"')
n_nvim=$(grep -c '^diagnostic ' "$tmp/result")
[ "$n_check" = "$n_nvim" ] || { echo "FAIL: okrc check found $n_check, Neovim received $n_nvim"; rc=1; }

# A team's file of a plan that spans three files, opened alone: checked in
# the company plan's context, its own mistake (@jost) at its line, and the
# company's key result one jump away.
mkdir -p "$tmp/company"
cp -r "$top/tests/cases/plan-spans-files/." "$tmp/company/"
rm -f "$tmp/result"
(cd "$tmp/company" && OKRC="$OKRC" OKR_LSP_RESULT="$tmp/result" OKR_LSP_AT=3,62 timeout 120 nvim --headless -u NONE -i NONE -n \
    --cmd "set rtp^=$top/editors/vim" --cmd 'filetype plugin indent on' \
    -c "luafile $top/tests/editors/lsp-check.lua" teams/roasterij.okr >"$tmp/nvim2.log" 2>&1 </dev/null)
[ -f "$tmp/result" ] || { echo "FAIL: Neovim wrote no result for the team file"; cat "$tmp/nvim2.log"; exit 1; }
cat "$tmp/result"
expect "diagnostic 6:60 2 undeclared-owner @jost is not declared with 'person'; did you mean @joost?"
expect "definition main.okr 13:6"
expect "hover **key result grow.revenue** — Annual revenue of the shops in euros"
grep -q "unknown-ref" "$tmp/result" && { echo "FAIL: a false unknown-ref in the team file"; rc=1; }
exit $rc
