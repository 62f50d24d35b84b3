#!/bin/sh
# tier: full (a staged install)
# make install / make uninstall as a packager and a user run them: staged
# with DESTDIR, moved to another directory, run from /, then removed again.
# The installed okrc must find its stdlib relative to itself (std/bsc
# resolves, the default rules and lexicons are active), fail with exit 2
# naming every directory searched when the stdlib is gone; its man pages
# render and its bash completion loads; and uninstall must leave no file of
# its own behind (and keep everything else).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
mk() { make --no-print-directory -s -C "$top" "$@"; }

mk okrc >/dev/null || { echo "FAIL: make okrc"; exit 1; }
configured=$(cat "$top/build/config/stdlib-dir")
before=$(ls -l --time-style=+%s.%N "$top/okrc")

# ---- staged install under another prefix: nothing is rebuilt ----
mk install DESTDIR="$tmp/stage" PREFIX=/opt/okrc-test >"$tmp/install.out" 2>&1 ||
    { cat "$tmp/install.out"; echo "FAIL: make install"; exit 1; }
[ "$(ls -l --time-style=+%s.%N "$top/okrc")" = "$before" ] || fail "make install rebuilt okrc"
[ "$(cat "$top/build/config/stdlib-dir")" = "$configured" ] ||
    fail "make install changed the configured stdlib directory"
root="$tmp/stage/opt/okrc-test"
for f in bin/okrc share/okrc/stdlib/std/rules/default.okr share/okrc/stdlib/std/rules/strict.okr \
         share/okrc/stdlib/std/lexicon/en.okr share/okrc/stdlib/std/lexicon/nl.okr \
         share/okrc/stdlib/std/bsc.okr share/man/man1/okrc.1 share/man/man5/okr.5 \
         share/bash-completion/completions/okrc share/zsh/site-functions/_okrc \
         share/fish/vendor_completions.d/okrc.fish; do
    [ -f "$root/$f" ] || fail "make install did not install $f"
done
[ -x "$root/bin/okrc" ] || fail "the installed okrc is not executable"
[ "$(find "$tmp/stage" -type f | grep -v '^'"$root"/ | wc -l)" -eq 0 ] ||
    fail "make install wrote outside DESTDIR/PREFIX: $(find "$tmp/stage" -type f | grep -v "$root")"

# ---- moved elsewhere, run from / ----
mv "$root" "$tmp/moved"
okrc="$tmp/moved/bin/okrc"
cat >"$tmp/plan.okr" <<'EOF'
use "std/bsc"
plan "Installed" { period 2027-Q1 }
objective crm "Sell more through a better customer system" {
  perspective customer  owner @ana
  kr k "Implement new CRM" { from 0 to 1 }
  kr w "Implementeren van het nieuwe CRM" { from 0 to 1 }
}
EOF
(cd / && env -u OKRC_PATH "$okrc" check --color=never --as-of 2027-02-15 "$tmp/plan.okr") \
    >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/out"; fail "the moved okrc: exit $rc, expected 0"; }
grep -q "import-not-found\|unknown-ref" "$tmp/out" && fail "the moved okrc cannot resolve std/bsc"
[ "$(grep -c '\[activity-kr\]' "$tmp/out")" -eq 2 ] ||
    { cat "$tmp/out"; fail "the moved okrc does not flag the English and Dutch activity KRs"; }
(cd / && env -u OKRC_PATH "$okrc" --version) >"$tmp/version"
grep -qx "stdlib: $tmp/moved/share/okrc/stdlib" "$tmp/version" ||
    { cat "$tmp/version"; fail "--version does not name the moved stdlib"; }

# The man pages render from the moved tree, the bash completion loads and
# completes through the installed binary.
for page in man1/okrc.1 man5/okr.5; do
    (cd / && MANWIDTH=80 man -l "$tmp/moved/share/man/$page") >"$tmp/man.out" 2>&1 &&
        grep -q '^NAME' "$tmp/man.out" || { cat "$tmp/man.out"; fail "man -l $page from the moved tree"; }
done
(cd / && PATH="$tmp/moved/bin:$PATH" bash -c '. "$1" && complete -p okrc &&
    COMP_WORDS=(okrc explain activity-k) COMP_CWORD=2 && _okrc && printf "%s\n" "${COMPREPLY[@]}"' \
    - "$tmp/moved/share/bash-completion/completions/okrc") >"$tmp/comp.out" 2>&1
grep -qx 'complete -F _okrc okrc' "$tmp/comp.out" && grep -qx 'activity-kr' "$tmp/comp.out" ||
    { cat "$tmp/comp.out"; fail "the installed bash completion"; }

# ---- OKRC_PATH comes first of all ----
mkdir -p "$tmp/mine/std/rules"
printf 'use "std/lexicon/en"\nrules { activity-kr error }\n' >"$tmp/mine/std/rules/default.okr"
(cd / && OKRC_PATH="$tmp/mine" "$okrc" check --color=never --as-of 2027-02-15 "$tmp/plan.okr") \
    >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && grep -q "error: key result 'k' describes an activity" "$tmp/out" ||
    { cat "$tmp/out"; fail "OKRC_PATH's std/rules/default did not win (exit $rc)"; }

# ---- a broken stdlib is exit 2, never fewer rules ----
if [ -e "$configured/std/rules/default.okr" ]; then
    echo "note: $configured holds a stdlib; the missing-stdlib checks are skipped"
else
    mv "$tmp/moved/share/okrc/stdlib/std/lexicon/nl.okr" "$tmp/nl.okr"
    (cd / && env -u OKRC_PATH "$okrc" check --as-of 2027-02-15 "$tmp/plan.okr") >"$tmp/out" 2>&1
    rc=$?
    [ "$rc" -eq 2 ] || fail "a missing lexicon: exit $rc, expected 2"
    grep -q "std/lexicon/nl" "$tmp/out" && grep -q "standard library is incomplete" "$tmp/out" ||
        { cat "$tmp/out"; fail "a missing lexicon is not named"; }
    mv "$tmp/nl.okr" "$tmp/moved/share/okrc/stdlib/std/lexicon/nl.okr"
    chmod 000 "$tmp/moved/share/okrc/stdlib/std/rules/default.okr"
    if [ "$(id -u)" != 0 ]; then
        (cd / && env -u OKRC_PATH "$okrc" check "$tmp/plan.okr") >"$tmp/out" 2>&1
        rc=$?
        [ "$rc" -eq 2 ] && grep -q "cannot read the standard library" "$tmp/out" ||
            { cat "$tmp/out"; fail "an unreadable std/rules/default: exit $rc, expected 2"; }
    fi
    chmod 644 "$tmp/moved/share/okrc/stdlib/std/rules/default.okr"
    mv "$tmp/moved/share" "$tmp/share"
    (cd / && OKRC_PATH="$tmp/nowhere" "$okrc" check "$tmp/plan.okr") >"$tmp/out" 2>&1
    rc=$?
    [ "$rc" -eq 2 ] || fail "no stdlib: exit $rc, expected 2"
    for d in "$tmp/nowhere" "$tmp/moved/bin/stdlib" "$tmp/moved/share/okrc/stdlib" "$configured"; do
        grep -q "cannot find the standard library.*$d" "$tmp/out" ||
            { cat "$tmp/out"; fail "no stdlib: the message does not name $d"; }
    done
    mv "$tmp/share" "$tmp/moved/share"
fi

# ---- GNU directory variables ----
mk install DESTDIR="$tmp/gnu" prefix=/usr bindir=/usr/games >/dev/null 2>&1 || fail "make install prefix= bindir="
[ -f "$tmp/gnu/usr/games/okrc" ] && [ -f "$tmp/gnu/usr/share/okrc/stdlib/std/bsc.okr" ] ||
    fail "prefix=/usr bindir=/usr/games: $(cd "$tmp/gnu" && find . -type f | head -3)"
mk install DESTDIR="$tmp/gnu2" PREFIX=/x mandir=/x/man zshcompdir=/x/zsh >/dev/null 2>&1 ||
    fail "make install mandir= zshcompdir="
[ -f "$tmp/gnu2/x/man/man1/okrc.1" ] && [ -f "$tmp/gnu2/x/zsh/_okrc" ] ||
    fail "mandir=/x/man zshcompdir=/x/zsh: $(cd "$tmp/gnu2" && find . -type f | tr '\n' ' ')"

# ---- uninstall removes what install wrote, and only that ----
mk install DESTDIR="$tmp/u" PREFIX=/usr/local >/dev/null 2>&1 || fail "make install (for uninstall)"
mkdir -p "$tmp/u/usr/local/share/other"
echo keep >"$tmp/u/usr/local/bin/other-tool"
echo keep >"$tmp/u/usr/local/share/other/file"
mk uninstall DESTDIR="$tmp/u" PREFIX=/usr/local >/dev/null 2>&1 || fail "make uninstall"
left=$(cd "$tmp/u" && find . -type f | grep -v -e '^./usr/local/bin/other-tool$' -e '^./usr/local/share/other/file$')
[ -z "$left" ] || fail "make uninstall left: $left"
[ -e "$tmp/u/usr/local/share/okrc" ] && fail "make uninstall left share/okrc"
[ -f "$tmp/u/usr/local/bin/other-tool" ] && [ -f "$tmp/u/usr/local/share/other/file" ] ||
    fail "make uninstall removed files that were not its own"
exit $status
