#!/bin/sh
# A finding says what is wrong in one line: no message of any golden case is
# longer than 120 characters (the rule's tag aside); the detail is in notes
# and in 'okrc explain'. diag_report splits longer texts (lib/diag.h).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
python3 - "$top/tests/cases" <<'PY'
import os, re, sys
head = re.compile(r'^\S.*?:\d+:\d+: (?:error|warning|info): (.*?)(?: \[[a-z-]+\])?$')
long = []
for name in sorted(os.listdir(sys.argv[1])):
    if not name.endswith('.expected'):
        continue
    for line in open(os.path.join(sys.argv[1], name), encoding='utf-8', errors='replace'):
        m = head.match(line.rstrip('\n'))
        if m and len(m.group(1)) > 120:
            long.append('%s: %d characters: %s' % (name, len(m.group(1)), m.group(1)))
for l in long[:20]:
    print('FAIL ' + l)
sys.exit(1 if long else 0)
PY
