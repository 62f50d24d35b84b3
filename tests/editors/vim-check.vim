" Run by tests/sh/editor-vim.sh in headless Neovim (or Vim) with
" editors/vim on 'runtimepath' and tests/editors/sample.okr open: checks
" the filetype, the syntax groups of the tokens in expect.txt, the comment
" and indent settings, and writes its findings to $OKR_VIM_RESULT.
let s:groups = {'comment': 'okrComment', 'declaration': 'okrDeclaration',
      \ 'keyword': 'okrKeyword', 'name': 'okrName', 'string': 'okrString',
      \ 'text': 'okrText', 'escape': 'okrEscape', 'number': 'okrNumber',
      \ 'unit': 'okrUnit', 'date': 'okrDate', 'period': 'okrPeriod',
      \ 'person': 'okrPerson', 'ignore': 'okrIgnore', 'rule': 'okrIgnoreRule',
      \ 'operator': 'okrOperator', 'ref': 'okrReference', 'tag': 'okrTag', 'plain': ''}
let s:out = []
let s:checked = 0
if &filetype !=# 'okr'
  call add(s:out, 'FAIL: filetype is "' . &filetype . '", not okr')
endif
if &commentstring !=# '#%s' && &commentstring !=# '# %s'
  call add(s:out, 'FAIL: commentstring is ' . &commentstring)
endif
for s:row in readfile(expand('<sfile>:p:h') . '/expect.txt')
  if s:row ==# '' || s:row[0] ==# '#'
    continue
  endif
  let [s:lnum, s:spec, s:class] = split(s:row, "\t")
  let s:nth = 1
  let s:text = s:spec
  if s:spec =~# '#\d\+$'
    let s:nth = str2nr(matchstr(s:spec, '\d\+$'))
    let s:text = substitute(s:spec, '#\d\+$', '', '')
  endif
  let s:line = getline(str2nr(s:lnum))
  let s:col = -1
  for s:i in range(s:nth)
    let s:col = stridx(s:line, s:text, s:col + 1)
  endfor
  if s:col < 0
    call add(s:out, 'FAIL: ' . s:spec . ' is not on line ' . s:lnum)
    continue
  endif
  " Every byte of the token must be in the group.
  for s:c in range(s:col + 1, s:col + len(s:text))
    let s:name = synIDattr(synID(str2nr(s:lnum), s:c, 1), 'name')
    if s:name !=# s:groups[s:class]
      call add(s:out, printf('FAIL: %s:%d %s (%s) should be %s, is "%s"', s:lnum, s:c,
            \ s:text, s:class, s:groups[s:class], s:name))
      break
    endif
  endfor
  let s:checked += 1
endfor
" Indentation: re-indent the whole sample and compare with the file as written.
let s:before = getline(1, '$')
normal! gg=G
let s:after = getline(1, '$')
for s:i in range(len(s:before))
  if s:before[s:i] !=# s:after[s:i]
    call add(s:out, printf('FAIL: indent of line %d: "%s" became "%s"', s:i + 1, s:before[s:i], s:after[s:i]))
  endif
endfor
call add(s:out, 'checked ' . s:checked)
call writefile(s:out, $OKR_VIM_RESULT)
qall!
