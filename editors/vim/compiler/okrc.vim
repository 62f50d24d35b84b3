" Vim compiler file for okrc: `:make` checks the current plan and fills the
" quickfix list with okrc's diagnostics (file:line:col: severity: message).
if exists('current_compiler')
  finish
endif
let current_compiler = 'okrc'
if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=okrc\ check\ --color=never\ %:S
CompilerSet errorformat=
      \%f:%l:%c:\ %trror:\ %m,
      \%f:%l:%c:\ %tarning:\ %m,
      \%f:%l:%c:\ %tnfo:\ %m,
      \%f:%l:%c:\ note:\ %m,
      \%-G%.%#
