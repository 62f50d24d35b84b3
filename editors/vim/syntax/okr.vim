" Vim syntax file
" Language:    OKR plans (.okr), the language of okrc
" Maintainer:  the okrc project
" The keywords are those of okrc's scanner (grammar/okr.l); the project's
" tests fail when the two lists differ.

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

" Names hold letters, digits, '_' and '-' (kr-count, q1_sales).
syntax iskeyword @,48-57,_,-

" Declarations (and, inside a block, team and perspective name one).
syntax keyword okrDeclaration use plan team person perspective objective kr initiative checkin rules lexicon
" Items of the blocks.
syntax keyword okrKeyword activity owner lead parent period committed aspirational aligns why note risk from
syntax keyword okrKeyword to target keep milestone current done minimum due weight confidence supports status by grade dropped rollup tags

" The name a declaration introduces: objectives, key results, initiatives and
" lexicons anywhere, teams and perspectives at the start of a line.
syntax match okrName "\v%(<%(objective|kr|initiative|lexicon)\s+)@<=%(\h|[^\x00-\x7f])%([[:alnum:]_-]|[^\x00-\x7f])*"
syntax match okrName "\v%(^%(team|perspective)\s+)@<=%(\h|[^\x00-\x7f])%([[:alnum:]_-]|[^\x00-\x7f])*"
" OBJ.KR in check-ins and from outside an objective.
syntax match okrReference "\v%(<\h|[^\x00-\x7f])%([[:alnum:]_-]|[^\x00-\x7f])*\.%(\h|[^\x00-\x7f])%([[:alnum:]_-]|[^\x00-\x7f])*"

syntax match okrPerson "\v\@%([[:alnum:]_.-]|[^\x00-\x7f])+"

" Numbers with their scale (k M B %), currency before them; the word after a
" number is its unit unless it is a keyword (keywords win over matches).
syntax match okrNumber "\v%([[:alnum:]_.-])@<!%(€|\$)?-?\d%(_?\d)*%(\.\d+)?[kMB]?\%?%([[:alnum:]_.])@!"
syntax match okrUnit "\v%(%(^|[^[:alnum:]_.])%(€|\$)?-?\d%(_?\d)*%(\.\d+)?[kMB]?\%?\s+)@<=%(\h|[^\x00-\x7f])%(\w|[^\x00-\x7f])*%([[:alnum:]_.-]|[^\x00-\x7f])@!"

" Dates, ranges of dates and periods (2027-H1, 2027-Q3, 2027-03).
syntax match okrDate "\v<\d{4}-\d{2}-\d{2}%(\.\.\d{4}-\d{2}-\d{2})?>"
syntax match okrPeriod "\v<\d{4}-%([HQ]\d+|W\d{1,2}|\d{2})>%(-)@!"

syntax match okrOperator "\v\>\=|\<\=|\=|\.\."
syntax match okrDelimiter "[{},;]"

syntax match okrEscape contained "\\\%([nt\"\\]\|u{\x\{1,6}}\)"
syntax region okrString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=okrEscape oneline
" """text over several lines""", defined after strings so that it wins.
syntax region okrText start=+"""+ end=+"""+ contains=okrEscape

syntax match okrIgnoreRule contained "\v[a-z][a-z0-9-]*"
syntax match okrIgnore contained "\vokrc-ignore:\s*" nextgroup=okrIgnoreRules
syntax match okrIgnoreRules contained "\v[a-z][a-z0-9-]*%(\s*,\s*[a-z][a-z0-9-]*)*" contains=okrIgnoreRule
syntax keyword okrTodo contained TODO FIXME XXX
syntax region okrComment start="#" end="$" contains=okrIgnore,okrTodo,@Spell oneline
" after tags, #word is a tag, not a comment (defined after okrComment to win)
syntax match okrTag "\v(<tags>%(\s+#[A-Za-z_][A-Za-z0-9_-]*)*\s+)@<=#[A-Za-z_][A-Za-z0-9_-]*"

highlight default link okrDeclaration Structure
highlight default link okrKeyword     Keyword
highlight default link okrName        Identifier
highlight default link okrReference   Identifier
highlight default link okrPerson      Special
highlight default link okrNumber      Number
highlight default link okrUnit        Type
highlight default link okrDate        Constant
highlight default link okrPeriod      Constant
highlight default link okrOperator    Operator
highlight default link okrDelimiter   Delimiter
highlight default link okrEscape      SpecialChar
highlight default link okrString      String
highlight default link okrText        String
highlight default link okrIgnore      PreProc
highlight default link okrIgnoreRule  Label
highlight default link okrTodo        Todo
highlight default link okrComment     Comment
highlight default link okrTag         Label

let b:current_syntax = 'okr'
let &cpo = s:cpo_save
unlet s:cpo_save
