#!/bin/sh
# tools/man.sh OKRC TEMPLATE > PAGE — fills a man page template from okrc's
# own --help texts, so the page and the program cannot drift apart:
#   @VERSION@            okrc's version
#   @COMMANDS@           the command table of `okrc --help`
#   @OPTIONS CMD@        the options of `okrc CMD --help`, one .TP each
#   @DESCRIPTION CMD@    the paragraph(s) between a command's usage line and
#                        its options
# Everything else in the template is roff, copied as it is.
set -eu
okrc=$1
template=$2

# Text to roff: backslashes, hyphens (so options stay minus signs and copy
# and paste), and a leading dot or quote that roff would read as a request.
# The requests this script writes itself start with "@R" until then.
roff_escape() {
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/^@R/./'
}

# "  --format FORMAT    text..." lines, continuations indented further, to
# .TP entries: option words in bold, METAVARS in italics.
options_of() {
    "$okrc" "$1" --help | awk '
        /^options:/ { on = 1; next }
        on && /^$/ { exit }
        on && /^  [^ ]/ {
            line = substr($0, 3)
            split_at = match(line, /   */)
            # an option too long for its column has its text on the next lines
            if (split_at == 0) { opt = line; text = "" }
            else { opt = substr(line, 1, split_at - 1); text = substr(line, split_at + RLENGTH) }
            printf "@RTP\n@OPT %s\n", opt
            if (text != "") print text
            next
        }
        on && /^   / { sub(/^ +/, ""); print; next }
    ' | roff_escape | awk '
        /^@OPT / {
            sub(/^@OPT /, "")
            n = split($0, w, " ")
            out = ""
            for (i = 1; i <= n; i++) {
                word = w[i]; comma = ""
                if (word ~ /,$/) { comma = ","; sub(/,$/, "", word) }
                eq = index(word, "=")
                if (word ~ /^\\-/ && eq) {
                    part = "\\fB" substr(word, 1, eq - 1) "\\fR=\\fI" substr(word, eq + 1) "\\fR"
                } else if (word ~ /^\\-/) {
                    part = "\\fB" word "\\fR"
                } else {
                    part = "\\fI" word "\\fR"
                }
                out = out (out == "" ? "" : " ") part comma
            }
            print out
            next
        }
        { print }'
}

description_of() {
    "$okrc" "$1" --help | awk '
        NR == 1 { next }
        /^options:/ { exit }
        /^$/ { if (started) para = 1; next }
        { if (para) { print "@RPP"; para = 0 } started = 1; print }
    ' | roff_escape
}

commands() {
    "$okrc" --help | awk '
        /^commands:/ { on = 1; next }
        on && /^$/ { exit }
        on { sub(/^  /, ""); split_at = match($0, /   */)
             printf "@RTP\n@RB okrc %s\n%s\n", substr($0, 1, split_at - 1), substr($0, split_at + RLENGTH) }
    ' | roff_escape
}

version=$("$okrc" --version | sed -n '1s/^okrc //p')
# The page's date: the last commit's, else the template's (never the clock,
# so a rebuild of the same tree gives the same page).
top=$(cd "$(dirname "$0")/.." && pwd)
date=$(git -C "$top" log -1 --format=%cs 2>/dev/null || date -r "$template" +%Y-%m-%d)
while IFS= read -r line; do
    case $line in
    @VERSION@*) echo "$version" ;;
    @COMMANDS@) commands ;;
    "@OPTIONS "*@) c=${line#@OPTIONS }; options_of "${c%@}" ;;
    "@DESCRIPTION "*@) c=${line#@DESCRIPTION }; description_of "${c%@}" ;;
    *) printf '%s\n' "$line" | sed -e "s/@VERSION@/$version/g" -e "s/@DATE@/$date/g" ;;
    esac
done <"$template"
