#!/usr/bin/env python3
"""How far one mistake echoes: every valid plan of the tests and examples,
mutated by deleting one token at a time, is checked; the number of errors
per mutant (a valid plan has none) should stay near one.

usage: cascade.py OKRC [--max N] [--assert-p90 K]
Prints the mutants, the median and 90th percentile of errors per mutant,
and the worst mutant. With --assert-p90 it exits 1 when the 90th
percentile exceeds K."""
import json, os, re, subprocess, sys, tempfile

TOKEN = re.compile(r'"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|#[^\n]*|[A-Za-z0-9_.@%$€:-]+|\.\.|>=|<=|[{}=,;]')

def errors(okrc, path):
    r = subprocess.run([okrc, 'check', '--format', 'json', '--as-of', '2027-02-15', path],
                       capture_output=True, text=True)
    try:
        return sum(1 for d in json.loads(r.stdout)['diagnostics'] if d['severity'] == 'error')
    except (ValueError, KeyError):
        return -1

def main():
    okrc = sys.argv[1]
    limit = int(sys.argv[sys.argv.index('--max') + 1]) if '--max' in sys.argv else 100000
    bar = float(sys.argv[sys.argv.index('--assert-p90') + 1]) if '--assert-p90' in sys.argv else None
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    plans = []
    for d in ('tests/cases', 'tests/cases/fixtures'):
        plans += sorted(os.path.join(top, d, f) for f in os.listdir(os.path.join(top, d))
                        if os.path.isfile(os.path.join(top, d, f))
                        if f.endswith('.okr'))
    plans += sorted(os.path.join(top, 'examples', f) for f in os.listdir(os.path.join(top, 'examples'))
                    if f.endswith('.okr'))
    valid = [p for p in plans if errors(okrc, p) == 0 and 'use "' not in open(p, encoding='utf-8', errors='replace').read()]
    counts, worst = [], (0, '')
    with tempfile.TemporaryDirectory() as tmp:
        mutant = os.path.join(tmp, 'mutant.okr')
        for p in valid:
            text = open(p, encoding='utf-8').read()
            for m in TOKEN.finditer(text):
                if m.group(0).startswith('#') or len(counts) >= limit:
                    continue
                with open(mutant, 'w', encoding='utf-8') as f:
                    f.write(text[:m.start()] + text[m.end():])
                n = errors(okrc, mutant)
                if n < 0:
                    print('no JSON for a mutant of %s (token %r)' % (p, m.group(0)))
                    sys.exit(1)
                if n == 0:
                    continue        # the deletion left a valid plan
                counts.append(n)
                if n > worst[0]:
                    worst = (n, '%s without %r at offset %d' % (os.path.relpath(p, top), m.group(0), m.start()))
    counts.sort()
    if not counts:
        print('no mutants')
        sys.exit(1)
    median = counts[len(counts) // 2]
    p90 = counts[min(len(counts) - 1, (len(counts) * 9) // 10)]
    print('%d valid plans, %d mutants with errors: errors per mutant median %d, p90 %d, max %d (%s)'
          % (len(valid), len(counts), median, p90, worst[0], worst[1]))
    if bar is not None and p90 > bar:
        print('FAIL: the 90th percentile %d is above %g' % (p90, bar))
        sys.exit(1)

main()
