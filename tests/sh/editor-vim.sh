#!/bin/sh
# tier: full (Neovim)
# editors/vim in headless Neovim (Debian's neovim; Vim reads the same files):
# a .okr file gets filetype okr, the tokens of tests/editors/expect.txt get
# their syntax groups, gg=G leaves the sample's indentation as written, and
# :make (compiler/okrc.vim) fills the quickfix list from the okrc under test.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
command -v nvim >/dev/null 2>&1 || { echo "FAIL: nvim is not installed (tools/deps.sh --tests installs neovim)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home"
# A wrapper, not a symlink: the memcheck wrapper finds the tree from its $0.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$OKRC" >"$tmp/bin/okrc" && chmod +x "$tmp/bin/okrc"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home" XDG_DATA_HOME="$tmp/home" \
    XDG_STATE_HOME="$tmp/home"
nv() { # FILE SCRIPT: runs SCRIPT in headless Neovim on FILE (a script that
    # stops before its qall! would leave Neovim waiting: timeout ends it)
    timeout 120 nvim --headless -u NONE -i NONE -n --cmd "set rtp^=$top/editors/vim" \
        --cmd 'filetype plugin indent on' --cmd 'syntax on' -S "$2" "$1" >"$tmp/nvim.log" 2>&1 </dev/null
}
rc=0
cp "$top/tests/editors/sample.okr" "$top/tests/editors/expect.txt" "$top/tests/editors/vim-check.vim" "$tmp/"
OKR_VIM_RESULT="$tmp/syntax.result" nv "$tmp/sample.okr" "$tmp/vim-check.vim"
[ -f "$tmp/syntax.result" ] || { echo "FAIL: Neovim wrote no result"; cat "$tmp/nvim.log"; exit 1; }
grep FAIL "$tmp/syntax.result" && rc=1
n=$(sed -n 's/^checked //p' "$tmp/syntax.result")
[ "${n:-0}" -ge 50 ] || { echo "FAIL: only ${n:-0} tokens checked"; rc=1; }

cat >"$tmp/bad.okr" <<'OKR'
plan "Plan" { period 2027  owner @ceo }
objective grow "Double annual recurring revenue" {
  team salse
  kr revenue "Average annual revenue in dollars" { from 12M USD to 24M USD }
}
OKR
cat >"$tmp/make.vim" <<'VIM'
silent make
let s:out = []
for s:e in getqflist()
  if s:e.valid
    call add(s:out, printf('%s:%d:%d:%s:%s', fnamemodify(bufname(s:e.bufnr), ':t'), s:e.lnum, s:e.col, s:e.type, s:e.text))
  endif
endfor
call writefile(s:out, $OKR_VIM_RESULT)
qall!
VIM
(cd "$tmp" && OKR_VIM_RESULT="$tmp/make.result" nv bad.okr make.vim)
grep -q "^bad.okr:3:8:e:unknown team 'salse' \[unknown-ref\]$" "$tmp/make.result" ||
    { echo "FAIL: :make did not list the error:"; cat "$tmp/make.result" "$tmp/nvim.log"; rc=1; }
grep -q "^bad.okr:[0-9]*:[0-9]*:w:" "$tmp/make.result" || { echo "FAIL: :make listed no warning"; cat "$tmp/make.result"; rc=1; }
exit $rc
