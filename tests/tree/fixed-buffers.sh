#!/bin/sh
# No fixed buffer holds plan text, and no unbounded string function is used
# (git's banned.h does the same). Every `char NAME[N]` in src/ is listed
# below with what it holds; a new one fails until it is written down here,
# so that plan text (titles, units, ids, messages that quote them) goes to
# the arena or a memstream instead. Checked to fail: a `char buf[160]` added
# to a copy of src/ is named.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
check() {
python3 - "$1" <<'PY'
import os, re, sys
root = sys.argv[1]
# file, name: what it holds (never plan text)
allowed = {
    ('cli.c', 'name'): 'a command-line option name, length checked',
    ('cmd_graph.c', 'format_buf'): 'the -T format name, length checked',
    ('cmd_graph.c', 'err'): 'a message from Graphviz or the system',
    ('cmd_checkin.c', 'err'): 'a file error message', ('cmd_fmt.c', 'err'): 'a file error message',
    ('load.c', 'err'): 'a file error message',
    ('git.c', 'buf'): 'a path of at most PATH_MAX', ('git.c', 'cwd'): 'getcwd',
    ('project.c', 'buf'): 'a read buffer: text streams through it, no token is kept in it',
    ('lexdata.c', 'text'): 'a word of the generated table (LEXDATA_WORD_MAX), compared with the word looked up',
    ('lexdata.h', 'word'): 'a word of the generated table, for its tests',
    ('diag_fingerprint.c', 'hex'): 'a 64-bit hash in hex',
    ('diag_fingerprint.c', 'key'): 'three integers',
    ('diag_human.c', 'count'): 'a count', ('diag_human.c', 'digits'): 'a line number',
    ('emit.c', 'buf'): 'a number or a calendar period', ('emit.c', 'num'): 'a number',
    ('emit.c', 'number'): 'a number', ('emit_json.c', 'buf'): 'a date or a number',
    ('emit.c', 'digits'): 'a number', ('emit.c', 'score'): 'a number',
    ('emit.c', 'expected'): 'a number', ('plandiff.c', 'before'): 'a score',
    ('plandiff.c', 'after'): 'a score', ('plandiff.c', 'digits'): 'a confidence, a number',
    ('emit_json.c', 'seq'): 'a \\u escape', ('emit_json.c', 'date_text'): 'formatted dates', ('fmt.c', 'b'): 'one escaped code point',
    ('graph.c', 'buf'): 'a number', ('graph.c', 'minlen'): 'a number', ('graph.c', 'port'): 'a number',
    ('roll.c', 'digits'): 'a number', ('roll.c', 'range'): 'a calendar period',
    ('lint.c', 'buf'): 'a calendar period or a date', ('navigate.c', 'buf'): 'a calendar period',
    ('actions.c', 'label'): 'a score and a status name',
    ('plandiff.c', 'confidence'): 'a confidence, a number',
    ('scan.c', 'b'): 'one encoded code point', ('scan.c', 'iso'): 'a date',
    ('scan.c', 'small'): 'the digits of a short number; a longer one goes to the arena',
    ('rpc.c', 'head'): 'a JSON-RPC header line, length checked', ('rpc.c', 'line'): 'a header line, length checked',
}
dated = {'date', 'day', 'due', 'a', 'buf'}      # char x[11] or [16]: a YYYY-MM-DD date
decl = re.compile(r'^\s+(?:static )?char (\w+)\[([^\]]*)\]')
banned = re.compile(r'(?<![\w.])(sprintf|vsprintf|strcpy|strcat|strncpy|strncat|gets)\s*\(')
bad = []
for d, _, files in os.walk(os.path.join(root, 'src')):
    for f in sorted(files):
        if not f.endswith('.c'):
            continue
        for no, line in enumerate(open(os.path.join(d, f), encoding='utf-8'), 1):
            where = '%s:%d' % (os.path.relpath(os.path.join(d, f), root), no)
            m = decl.match(line)
            if m and 'const char' not in line:
                name, size = m.groups()
                if not ((f, name) in allowed or (name in dated and size.strip() in ('11', '16'))):
                    bad.append('%s: char %s[%s] is not listed in tests/tree/fixed-buffers.sh' % (where, name, size))
            b = banned.search(line.split('//')[0])
            if b and not line.lstrip().startswith(('*', '/*')):
                bad.append('%s: %s() is banned; use snprintf, the arena or a memstream' % (where, b.group(1)))
for b in bad:
    print('FAIL ' + b)
sys.exit(1 if bad else 0)
PY
}
check "$top" || exit 1
# The check itself must catch a new buffer.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$top/src" "$tmp/"
printf 'void planted(void)\n{\n    char title[160];\n    (void)title;\n}\n' >>"$tmp/src/emit/emit_text.c"
if check "$tmp" >"$tmp/out" 2>&1 || ! grep -q 'char title\[160\]' "$tmp/out"; then
    echo "FAIL: a planted char title[160] was not found"
    cat "$tmp/out"
    exit 1
fi
