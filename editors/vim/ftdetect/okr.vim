" .okr files are OKR plans (okrc).
autocmd BufRead,BufNewFile *.okr setfiletype okr
