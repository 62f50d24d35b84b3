#!/bin/sh
# tier: full (man, groff and mandoc)
# The man pages: okrc(1) and okr(5), built from man/*.in and okrc's own
# --help texts (tools/man.sh). They must render with man -l, without a
# warning from groff -ww or mandoc -T lint; okrc(1) must name every command
# and every option of every --help, okr(5) every keyword of grammar/okr.l.
# The option check is shown to fail on a page whose template lost a
# command's options.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
okrc=$top/okrc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# The words of a page's source with fonts and escapes undone.
plain() { sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(dq/"/g' -e 's/\\e/\\/g' "$1"; }

# The commands, as okrc --help lists them: one source, so nothing can drift.
commands() { "$okrc" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'; }

# options_missing PAGE: prints every --help option PAGE lacks.
options_missing() {
    plain "$1" >"$tmp/plain"
    for c in $(commands); do
        grep -q "^\.SS okrc $c\$" "$tmp/plain" || echo "the section of okrc $c"
        "$okrc" $c --help | awk '/^options:/ { on = 1; next } on && /^$/ { exit }
            on && /^  -/ { n = split($0, w, /[ ,]+/); for (i = 1; i <= n; i++) if (w[i] ~ /^-/) print w[i] }' |
        while read -r o; do
            # the option in its own .TP entry of this command's section
            awk -v c="$c" -v o="$o" '
                $0 == ".SS okrc " c { on = 1; next } /^\.S[SH] / { on = 0 }
                on && prev == ".TP" && index(" " $0 " ", " " o " ") { found = 1 }
                on && prev == ".TP" && index(" " $0 ",", " " o ",") { found = 1 }
                on && prev == ".TP" && index(" " $0, " " o "=") { found = 1 }
                { prev = $0 } END { exit !found }' "$tmp/plain" || echo "okrc $c $o"
        done
    done
}

for page in okrc.1 okr.5; do
    built=$top/build/man/$page
    [ -s "$built" ] || { fail "$built was not built (make man)"; continue; }
    groff -ww -z -man "$built" >"$tmp/groff" 2>&1 || fail "groff -man $page failed"
    [ -s "$tmp/groff" ] && { fail "groff -ww warns on $page:"; cat "$tmp/groff"; }
    if command -v mandoc >/dev/null 2>&1; then
        mandoc -T lint -W warning "$built" >"$tmp/lint" 2>&1 || { fail "mandoc -T lint on $page:"; cat "$tmp/lint"; }
    else
        fail "mandoc is not installed (tools/deps.sh --tests installs it)"
    fi
    MANWIDTH=80 man -l "$built" >"$tmp/rendered" 2>"$tmp/man.err" || fail "man -l $page failed"
    [ -s "$tmp/man.err" ] && { fail "man -l $page wrote errors:"; cat "$tmp/man.err"; }
    for s in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
        grep -q "^$s" "$tmp/rendered" || fail "$page renders without a $s section"
    done
done

missing=$(options_missing "$top/build/man/okrc.1")
[ -z "$missing" ] || fail "okrc(1) lacks: $missing"
for s in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    grep -q "^\.SH $s" "$top/build/man/okrc.1" || fail "okrc(1) has no $s section"
done
grep -q OKRC_PATH "$top/build/man/okrc.1" || fail "okrc(1) does not describe OKRC_PATH"

# okr(5) names every keyword the scanner knows.
plain "$top/build/man/okr.5" >"$tmp/okr5"
for k in $(sed -n 's/^"\([a-z][a-z]*\)"[[:space:]].*TOKEN.*/\1/p' "$top/grammar/okr.l"); do
    grep -qw -- "$k" "$tmp/okr5" || fail "okr(5) does not describe the keyword '$k'"
done

# The check itself fails on a page whose template lost graph's options.
grep -v '^@OPTIONS graph@$' "$top/man/okrc.1.in" >"$tmp/broken.1.in"
sh "$top/tools/man.sh" "$okrc" "$tmp/broken.1.in" >"$tmp/broken.1"
missing=$(options_missing "$tmp/broken.1")
case $missing in
*"okrc graph --root"*) ;;
*) fail "a page without graph's options passed the check: '$missing'" ;;
esac
exit $status
