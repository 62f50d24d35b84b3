# zsh -f zsh-complete.zsh FPATH_DIR 'LINE': types LINE and TAB into an
# interactive zsh on a pseudo-terminal, with compinit loading the _okrc in
# FPATH_DIR, and prints the words zsh's completion system offered, one per
# line (compadd is wrapped to record them). For tests/sh/completion.sh.
zmodload zsh/zpty || exit 2
dir=$1 line=$2
zpty z zsh -f -i
zpty -w z "PROMPT='' PS2='' RPS1=''; unsetopt zle_bracketed_paste 2>/dev/null; fpath=(${(q)dir} \$fpath)"
zpty -w z 'autoload -Uz compinit && compinit -u -D'
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" format ""'
# Each offered word between markers; then do not insert anything.
zpty -w z 'compadd() {
  local -a hits
  if [[ ${(j: :)@} == *" -O "* || ${(j: :)@} == *" -A "* || ${(j: :)@} == *" -D "* ||
        $1 == -O || $1 == -A || $1 == -D ]]; then builtin compadd "$@"; return; fi
  builtin compadd -A hits "$@"
  local h; for h in $hits; do print -nr -- $'"'"'\n'"'"'"<hit>$h</hit>" >/dev/tty; done
  builtin compadd "$@"
}'
zpty -w z 'zle_done() { print -n -- $'"'"'\n<done>\n'"'"' >/dev/tty }; zle -N zle_done; bindkey "^X" zle_done'
zpty -w z 'print "<rea""dy>"'   # the echo of this line is not the pattern
zpty -r z out '*<ready>*' || exit 3
zpty -w -n z "$line"$'\t'$'\x18'
zpty -r z out '*<done>*' || exit 3     # blocks; the caller holds a timeout
zpty -d z
print -r -- $out | tr -d '\r' | grep -o '<hit>[^<]*</hit>' | sed 's/<hit>//; s/<\/hit>//' | sort -u
