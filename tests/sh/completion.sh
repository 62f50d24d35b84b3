#!/bin/sh
# tier: full (bash, zsh and fish)
# Shell completion, driven in the shells themselves: bash (the completion
# function called as bash calls it, after `complete -p okrc` shows it is
# registered), fish (`complete -C`, fish's own completer) and zsh (a
# pseudo-terminal typing TAB, tests/tools/zsh-complete.zsh). Every option of
# every `okrc COMMAND --help` must be offered, and ids come from the plan.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
mkdir -p "$tmp/bin"
# "okrc" on PATH, as the shells run it; a script rather than a link, so that
# a wrapper given as $OKRC (make memcheck's) still finds itself.
printf '#!/bin/sh\nexec "%s" "$@"\n' "$OKRC" >"$tmp/bin/okrc"
chmod +x "$tmp/bin/okrc"
cp "$top/examples/acme-2027.okr" "$tmp/plan.okr"
cd "$tmp" || exit 2
# The commands, as okrc --help lists them: one source, so nothing can drift.
commands() { "$OKRC" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'; }

# ---- the hidden lister ----
"$OKRC" __complete rules >rules
grep -qx activity-kr rules && grep -qx kr-count rules || fail "__complete rules: $(head -3 rules)"
[ "$(wc -l <rules)" -eq "$("$OKRC" rules | awk 'NR > 1 && /^  [a-z]/' | wc -l)" ] ||
    fail "__complete rules and okrc rules list different rules"
"$OKRC" __complete objectives plan.okr | grep -qx q1_sales || fail "__complete objectives"
"$OKRC" __complete teams plan.okr | grep -qx platform || fail "__complete teams"
"$OKRC" __complete people plan.okr | grep -qx @maria || fail "__complete people"
"$OKRC" __complete bogus >/dev/null 2>&1 && fail "__complete bogus exits 0"

# Every option the --help texts name, per command.
for c in $(commands); do
    "$OKRC" $c --help | awk '/^options:/ { on = 1; next } on && /^$/ { exit }
        on && /^  -/ { n = split($0, w, /[ ,]+/); for (i = 1; i <= n; i++) if (w[i] ~ /^-/) print w[i] }' |
        sed 's/=.*//' >"opts.$c"
done

# ---- bash ----
cat >bash-driver <<'EOF2'
. "$1"
complete -p okrc >/dev/null || exit 3
# comp WORD... : the words of the line as bash splits them (at '=' too),
# the last one being completed; prints COMPREPLY, one per line.
comp() {
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
    _okrc okrc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}"
}
shift
comp "$@"
EOF2
bcomp() { PATH="$tmp/bin:$PATH" bash bash-driver "$top/completions/okrc.bash" okrc "$@"; }
bcomp "" >out
for c in $(commands) --help --version; do
    grep -qx -- "$c" out || fail "bash: 'okrc <TAB>' lacks $c"
done
[ "$(bcomp che)" = "$(printf 'check\ncheckin')" ] || fail "bash: 'okrc che<TAB>' gives '$(bcomp che)'"
for c in $(commands); do
    bcomp "$c" - >out
    while read -r o; do
        grep -qx -- "$o" out || fail "bash: 'okrc $c -<TAB>' lacks $o (from its --help)"
    done <"opts.$c"
done
[ "$(bcomp check --format "" | tr '\n' ' ')" = "human json sarif github codequality " ] ||
    fail "bash: check --format: $(bcomp check --format "" | tr '\n' ' ')"
[ "$(bcomp check --format = s)" = sarif ] || fail "bash: check --format=s"
[ "$(bcomp report -f "" | tr '\n' ' ')" = "text md json html csv " ] || fail "bash: report -f"
[ "$(bcomp graph -T p | tr '\n' ' ')" = "png pdf " ] || fail "bash: graph -T p"
bcomp check -W activity >out
grep -qx 'activity-kr=' out || fail "bash: -W activity: $(cat out)"
[ "$(bcomp check -W activity-kr = w)" = warning ] || fail "bash: -W activity-kr=w"
[ "$(bcomp explain kr-c)" = kr-count ] || fail "bash: explain kr-c: $(bcomp explain kr-c)"
bcomp graph plan.okr --root q1_s | grep -qx q1_sales || fail "bash: --root from the plan"
[ "$(bcomp report plan.okr --team plat)" = platform ] || fail "bash: --team from the plan"
[ "$(bcomp report --owner @mar plan.okr)" = "" ] || true   # the plan comes later: nothing to read yet
[ "$(bcomp agenda @ma)" = @maria ] || fail "bash: agenda @ma: $(bcomp agenda @ma)"
[ "$(bcomp check pl)" = plan.okr ] || fail "bash: check pl: $(bcomp check pl)"

# ---- fish ----
if command -v fish >/dev/null 2>&1; then
    fcomp() { PATH="$tmp/bin:$PATH" fish --no-config -c "source '$top/completions/okrc.fish'; complete -C'$1'" 2>&1 | cut -f1; }
    fcomp "okrc ch" | grep -qx check || fail "fish: okrc ch"
    for c in $(commands); do
        fcomp "okrc $c -" >out
        while read -r o; do
            grep -qx -- "$o" out || fail "fish: 'okrc $c -' lacks $o"
        done <"opts.$c"
    done
    fcomp 'okrc graph plan.okr --root q1_s' | grep -qx q1_sales || fail "fish: --root"
    fcomp 'okrc check -Wactivity-kr=w' | grep -qx -- '-Wactivity-kr=warning' || fail "fish: -W"
    [ "$(fcomp 'okrc explain kr-c')" = kr-count ] || fail "fish: explain"
else
    fail "fish is not installed (tools/deps.sh --tests installs it)"
fi

# ---- zsh ----
if command -v zsh >/dev/null 2>&1; then
    zcomp() { PATH="$tmp/bin:$PATH" timeout 60 zsh -f "$top/tests/tools/zsh-complete.zsh" "$top/completions" "$1"; }
    zcomp "okrc ch" | grep -qx check || fail "zsh: okrc ch: $(zcomp 'okrc ch')"
    zcomp "okrc check --format=" | grep -qx sarif || fail "zsh: --format=: $(zcomp 'okrc check --format=')"
    zcomp "okrc graph plan.okr --root=q1_s" | grep -qx q1_sales ||
        fail "zsh: --root: $(zcomp 'okrc graph plan.okr --root=q1_s')"
    zcomp "okrc explain kr-c" | grep -qx kr-count || fail "zsh: explain"
    zcomp "okrc report -" >out
    while read -r o; do
        grep -qx -- "$o" out || fail "zsh: 'okrc report -' lacks $o"
    done <opts.report
else
    fail "zsh is not installed (tools/deps.sh --tests installs it)"
fi
exit $status
