" Vim filetype plugin for OKR plans (.okr): comments, indentation, :make.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal comments=:# commentstring=#\ %s
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword=@,48-57,_,-
" okrc check reports file:line:col: diagnostics (compiler/okrc.vim).
compiler okrc

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< iskeyword< makeprg< errorformat<'
