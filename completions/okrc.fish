# fish completion for okrc. Installed as
# $(datadir)/fish/vendor_completions.d/okrc.fish. Rule names, objectives,
# teams and people come from `okrc __complete`, ids from the plan files on
# the command line.

function __okrc_plan_files
    for w in (commandline -opc)[3..-1]
        if not string match -q -- '-*' $w; and test -f $w
            echo $w
        end
    end
end

function __okrc_ids -a what
    set -l files (__okrc_plan_files)
    test (count $files) -gt 0; or return
    set -l okrc (commandline -opc)[1]
    $okrc __complete $what $files 2>/dev/null
end

function __okrc_rules
    set -l okrc (commandline -opc)[1]
    $okrc __complete rules 2>/dev/null
end

function __okrc_rule_levels
    set -l token (commandline -ct)
    if string match -q -- '*=*' $token
        set -l rule (string replace -r -- '=.*' '' $token)
        for level in off info warning error
            echo $rule=$level
        end
    else
        for rule in (__okrc_rules)
            echo $rule=
        end
    end
end

set -l commands check graph report fmt agenda checkin diff roll lsp rules explain
complete -c okrc -f
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a check -d 'lint a plan: syntax, references, rules'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a graph -d 'alignment map through Graphviz'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a report -d 'progress summary'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a agenda -d 'a one-on-one agenda'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a checkin -d 'record check-ins in a plan file'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a diff -d 'what changed in a plan'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a roll -d "the next period's plan"
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a fmt -d 'canonical layout, every comment kept'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'language server for editors'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a rules -d 'list every rule'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -a explain -d 'what a rule checks and why'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -l help -d 'show the commands'
complete -c okrc -n "not __fish_seen_subcommand_from $commands" -l version -d 'version and stdlib'

# Plan files for the commands that read them.
complete -c okrc -n "__fish_seen_subcommand_from check graph report agenda fmt checkin diff roll" -F -a '(__fish_complete_suffix .okr)'
complete -c okrc -n "__fish_seen_subcommand_from checkin" -l date -x -d 'the check-in date (YYYY-MM-DD)'
complete -c okrc -n "__fish_seen_subcommand_from checkin" -s w -l write -d 'write FILE atomically'
complete -c okrc -n "__fish_seen_subcommand_from checkin" -l diff -d 'print a unified diff of FILE'
complete -c okrc -n "__fish_seen_subcommand_from fmt" -s w -l write -d 'rewrite each file not in the canonical layout'
complete -c okrc -n "__fish_seen_subcommand_from fmt" -l check -d 'list the files that would change'
complete -c okrc -n "__fish_seen_subcommand_from fmt" -l diff -d 'print a unified diff of each change'
complete -c okrc -n "__fish_seen_subcommand_from fmt" -l color -x -a 'auto always never' -d 'when to use colour'
complete -c okrc -n "__fish_seen_subcommand_from lsp" -l log -r -F -d 'append what the server does to FILE'
complete -c okrc -n "__fish_seen_subcommand_from lsp" -l stdio -d 'standard input and output (the default)'
for c in check graph report agenda checkin diff roll fmt lsp rules explain
    complete -c okrc -n "__fish_seen_subcommand_from $c" -s h -l help -d 'show the help'
end
for c in check graph report agenda checkin diff roll
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l as-of -x -d 'the date (YYYY-MM-DD)'
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l color -x -a 'auto always never' -d 'when to use colour'
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l plan-root -x -a '(__fish_complete_directories)' -d 'imports stay inside DIR'
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l allow-outside-root -d 'let imports reach any file'
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l max-file-size -x -d 'refuse files over N bytes'
end
for c in check report agenda checkin diff roll
    complete -c okrc -n "__fish_seen_subcommand_from $c" -l root -x -a '(__fish_complete_directories)' -d 'imports stay inside DIR'
end

complete -c okrc -n "__fish_seen_subcommand_from check" -l format -x -a 'human json sarif github codequality' -d 'diagnostics format'
complete -c okrc -n "__fish_seen_subcommand_from check" -s W -x -a '(__okrc_rule_levels)' -d 'RULE=LEVEL'
complete -c okrc -n "__fish_seen_subcommand_from check" -l werror -d 'report warnings as errors'
complete -c okrc -n "__fish_seen_subcommand_from check" -l max-findings -x -d 'findings of one rule per file (0: all)'
complete -c okrc -n "__fish_seen_subcommand_from check" -l plan -r -F -d 'the entry of the plan the files belong to'

complete -c okrc -n "__fish_seen_subcommand_from graph" -s T -x -a 'dot mermaid svg png pdf' -d 'output format'
complete -c okrc -n "__fish_seen_subcommand_from graph" -s o -r -d 'write to FILE'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l root -x -a '(__okrc_ids objectives)' -d 'OBJ and what aligns to it'
complete -c okrc -n "__fish_seen_subcommand_from graph report" -l team -x -a '(__okrc_ids teams)' -d 'a team and its sub-teams'
complete -c okrc -n "__fish_seen_subcommand_from graph report" -l period -x -d 'a period: 2027-Q1, A..B'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l depth -x -d 'levels below the root'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l no-krs -d 'leave the key results out'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l initiatives -d 'list initiatives'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l layout -x -a 'dot sfdp neato fdp circo twopi' -d 'Graphviz engine'

complete -c okrc -n "__fish_seen_subcommand_from report" -s f -l format -x -a 'text md json html csv' -d 'report format'
complete -c okrc -n "__fish_seen_subcommand_from report" -l owner -x -a '(__okrc_ids people)' -d 'objectives a person owns'
complete -c okrc -n "__fish_seen_subcommand_from graph report agenda" -l tag -x -a '(__okrc_ids tags)' -d 'items tagged TAG'
complete -c okrc -n "__fish_seen_subcommand_from report agenda" -s o -l output -r -d 'write to FILE'
complete -c okrc -n "__fish_seen_subcommand_from report" -l ascii -d 'plain ASCII'

complete -c okrc -n "__fish_seen_subcommand_from agenda" -a '(__okrc_ids people)' -d 'person'
complete -c okrc -n "__fish_seen_subcommand_from graph report agenda" -l strict -d 'nothing for a plan with any error'
complete -c okrc -n "__fish_seen_subcommand_from explain" -x -a '(__okrc_rules)' -d 'rule'
complete -c okrc -n "__fish_seen_subcommand_from diff" -s f -l format -x -a 'text md json' -d 'output format'
complete -c okrc -n "__fish_seen_subcommand_from diff" -l exit-code -d 'exit 1 when goalposts moved'
complete -c okrc -n "__fish_seen_subcommand_from roll" -l to -x -d 'the new period'
complete -c okrc -n "__fish_seen_subcommand_from roll" -l from -x -d 'the period that ends'
complete -c okrc -n "__fish_seen_subcommand_from roll" -l objective -x -a '(__okrc_ids objectives)' -d 'roll only this objective'
complete -c okrc -n "__fish_seen_subcommand_from roll" -s o -l output -r -d 'write to FILE'
complete -c okrc -n "__fish_seen_subcommand_from report" -l close -x -d 'the close of a period that has ended'
complete -c okrc -n "__fish_seen_subcommand_from agenda" -l lang -x -a 'en nl' -d 'the language of the questions'
complete -c okrc -n "__fish_seen_subcommand_from report" -l no-map -d 'html: leave out the alignment map'
complete -c okrc -n "__fish_seen_subcommand_from graph" -l size -x -d 'fit the drawing in W,H inches (16,9)'
complete -c okrc -n "__fish_seen_subcommand_from report" -l history -x -d 'values as git recorded them in REV..REV'
complete -c okrc -n "__fish_seen_subcommand_from report" -l since -x -d 'values as git recorded them since DATE'
