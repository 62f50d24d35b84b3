" Vim indent file for OKR plans (.okr): one shiftwidth per open brace.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=OkrIndent(v:lnum) indentkeys=0},0{,!^F,o,O,e
setlocal autoindent
let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent<'

if exists('*OkrIndent')
  finish
endif

" The braces of a line outside strings and comments: opened minus closed.
function! s:BraceBalance(line) abort
  let l:line = substitute(a:line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  " the tags after `tags` are no comment: tags #pricing #eu
  let l:line = substitute(l:line, '\v<tags>%(\s+#[A-Za-z_][A-Za-z0-9_-]*)+', 'tags', 'g')
  let l:line = substitute(l:line, '#.*', '', '')
  return len(substitute(l:line, '[^{]', '', 'g')) - len(substitute(l:line, '[^}]', '', 'g'))
endfunction

function! OkrIndent(lnum) abort
  let l:prev = prevnonblank(a:lnum - 1)
  if l:prev == 0
    return 0
  endif
  " Inside a """text""" block, keep the line as it is.
  if synIDattr(synID(a:lnum, 1, 1), 'name') ==# 'okrText'
    return -1
  endif
  let l:ind = indent(l:prev)
  if s:BraceBalance(getline(l:prev)) > 0
    let l:ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let l:ind -= shiftwidth()
  endif
  return max([l:ind, 0])
endfunction
