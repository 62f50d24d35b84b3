# bash completion for okrc. Installed as
# $(datadir)/bash-completion/completions/okrc; to try it: source this file.
# Rule names, objectives, teams and people come from `okrc __complete`, the
# ids from the plan files already on the command line. Works with or without
# the bash-completion package.

# The plan files on the line: words after the command that name files.
_okrc_plan_files() {
    local i w
    for ((i = 2; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case ${COMP_WORDS[i - 1]} in
        -o | --output | --format | -f | -T | --color | --as-of | --date | --period | --depth | \
            --layout | --root | --team | --owner | --tag | -W) continue ;;
        esac
        [[ $w != -* && -f $w ]] && printf '%s\n' "$w"
    done
}

_okrc_ids() { # objectives | teams | tags | people
    local files
    mapfile -t files < <(_okrc_plan_files)
    ((${#files[@]})) || return
    "${COMP_WORDS[0]}" __complete "$1" "${files[@]}" 2>/dev/null
}

_okrc_words() { # WORDS... → COMPREPLY with those that start with $cur
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$*" -- "$cur"))
}

_okrc() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cmd=${COMP_WORDS[1]} okrc=${COMP_WORDS[0]}
    COMPREPLY=()
    if ((COMP_CWORD == 1)); then
        _okrc_words check graph report fmt agenda checkin diff roll lsp rules explain --help --version
        return
    fi
    # bash splits "--opt=value" and "-W RULE=LEVEL" at '=': find the word
    # before the '=', and for -W offer the levels.
    local opt_at=0
    if [[ $cur == = ]]; then
        opt_at=$((COMP_CWORD - 1)) cur=""
    elif [[ $prev == = ]]; then
        opt_at=$((COMP_CWORD - 2))
    fi
    if ((opt_at > 1)); then
        prev=${COMP_WORDS[opt_at]}
        if [[ ${COMP_WORDS[opt_at - 1]} == -W ]]; then
            _okrc_words off info warning error
            return
        fi
    fi
    case $prev in
    --format | -f)
        case $cmd in
        check) _okrc_words human json sarif github codequality ;;
        report) _okrc_words text md json html csv ;;
        esac
        return ;;
    -T) _okrc_words dot mermaid svg png pdf jpg gif webp xdot json; return ;;
    --color) _okrc_words auto always never; return ;;
    --lang) _okrc_words en nl; return ;;
    --layout) _okrc_words dot sfdp neato fdp circo twopi; return ;;
    -W)
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$("$okrc" __complete rules 2>/dev/null)" -S = -- "$cur"))
        compopt -o nospace 2>/dev/null
        return ;;
    --root | --objective) _okrc_words "$(_okrc_ids objectives)"; return ;;
    --team) _okrc_words "$(_okrc_ids teams)"; return ;;
    --owner) _okrc_words "$(_okrc_ids people)"; return ;;
    --tag) _okrc_words "$(_okrc_ids tags)"; return ;;
    --as-of | --date | --period | --depth | --to | --from | --close | --size | --history | --since) return ;;
    -o | --output | --plan | --log)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    esac
    if [[ $cur == -* ]]; then
        case $cmd in
        check) _okrc_words --format --color --as-of -W --werror --max-findings --plan --root --plan-root \
            --allow-outside-root --max-file-size -h --help ;;
        graph) _okrc_words -T -o --root --team --tag --period --depth --no-krs --initiatives \
            --layout --size --as-of --color --strict --plan-root --allow-outside-root --max-file-size -h --help ;;
        report) _okrc_words --format -f --as-of --team --owner --tag --period --output -o \
            --color --ascii --strict --close --no-map --history --since --root --plan-root --allow-outside-root --max-file-size -h --help ;;
        agenda) _okrc_words --as-of --tag --lang --output -o --color --strict --root --plan-root --allow-outside-root \
            --max-file-size -h --help ;;
        fmt) _okrc_words -w --write --check --diff --color -h --help ;;
        checkin) _okrc_words --date --as-of -w --write --diff --color --root --plan-root \
            --allow-outside-root --max-file-size -h --help ;;
        diff) _okrc_words --format -f --as-of --exit-code --color --root --plan-root \
            --allow-outside-root --max-file-size -h --help ;;
        roll) _okrc_words --to --from --objective --as-of --output -o --color --root --plan-root \
            --allow-outside-root --max-file-size -h --help ;;
        lsp) _okrc_words --log --stdio -h --help ;;
        rules | explain) _okrc_words -h --help ;;
        esac
        return
    fi
    case $cmd in
    explain)
        ((COMP_CWORD == 2)) && _okrc_words "$("$okrc" __complete rules 2>/dev/null)"
        return ;;
    rules) return ;;
    agenda)
        if ((COMP_CWORD == 2)) || [[ $cur == @* ]]; then
            local people files
            mapfile -t files < <(_okrc_plan_files)
            ((${#files[@]})) || files=(./*.okr)
            people=$("$okrc" __complete people "${files[@]}" 2>/dev/null)
            [[ -n $people ]] && _okrc_words "$people" && ((${#COMPREPLY[@]})) && return
        fi ;;
    esac
    # Plan files: .okr files and directories.
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.okr' -- "$cur"))
}

complete -F _okrc okrc
