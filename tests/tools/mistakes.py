#!/usr/bin/env python3
"""The mistakes a newcomer makes, made in every valid plan of the tests and
examples: a keyword with two letters swapped ("onwer"), typographic quotes
around a string, a date written with slashes or one that does not exist,
a confidence written as a percentage. Each mutant must give exactly one
error, with a line, and nothing else that is an error; no finding of any
severity may lack a line.

usage: mistakes.py OKRC [--show] [--assert]
Prints how many mutants of each kind gave one error; --show lists the
others; --assert exits 1 unless every mutant gave one."""
import json, os, re, subprocess, sys, tempfile
from collections import Counter, defaultdict

KEYWORDS = ("objective kr owner team period from target confidence checkin initiative aligns "
            "due note weight milestone keep current minimum lead parent person plan rules "
            "supports status perspective why risk lexicon").split()

def check(okrc, path):
    r = subprocess.run([okrc, 'check', '--format', 'json', '--as-of', '2027-02-15', path],
                       capture_output=True, text=True)
    try:
        diags = json.loads(r.stdout)['diagnostics']
    except (ValueError, KeyError):
        return None
    if any(not d.get('line') for d in diags):
        return None             # a finding without a line fails the mutant
    return [d for d in diags if d['severity'] == 'error']

def swapped(word):
    # the first pair of different inner letters, swapped: "owner" -> "onwer"
    for i in range(1, len(word) - 1):
        if word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return None

def mutants(text):
    """(kind, mutated text) for each place a mistake can be made, a few of each kind per plan."""
    out = defaultdict(list)
    code = re.sub(r'#[^\n]*', lambda m: ' ' * len(m.group(0)), text)   # no mistakes in comments
    code = re.sub(r'"""(?:.|\n)*?"""', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), code)
    strings = [m.span() for m in re.finditer(r'"(?:\\.|[^"\\\n])*"', code)]
    def in_string(i):
        return any(a <= i < b for a, b in strings)
    ID_BEFORE = ('team', 'objective', 'kr', 'initiative', 'perspective', 'lexicon', 'parent',
                 'aligns', 'supports', ',')
    for m in re.finditer(r'\b([a-z]+)\b', code):
        w = m.group(1)
        before = re.findall(r'[a-z]+|,', code[max(0, m.start() - 40):m.start()])
        as_id = before and before[-1] in ID_BEFORE      # a keyword used as an id is an id
        if w in KEYWORDS and not as_id and not in_string(m.start()) and swapped(w):
            out['keyword typo'].append(text[:m.start()] + swapped(w) + text[m.end():])
    for a, b in strings:
        if b - a >= 4:
            out['curly quotes'].append(text[:a] + '\u201c' + text[a + 1:b - 1] + '\u201d' + text[b:])
    for m in re.finditer(r'\b(20\d\d)-(\d\d)-(\d\d)\b', code):
        if in_string(m.start()):
            continue
        y, mo, d = m.groups()
        out['date with slashes'].append(text[:m.start()] + f'{y}/{mo}/{d}' + text[m.end():])
        out['date that does not exist'].append(text[:m.start()] + f'{y}-02-30' + text[m.end():])
    for m in re.finditer(r'\bconfidence (\d)\b', code):
        out['confidence as a percentage'].append(text[:m.start()] + f'confidence {m.group(1)}0%' + text[m.end():])
    # a handful of each kind per plan, spread over the file
    for kind in out:
        xs = out[kind]
        step = max(1, len(xs) // 4)
        out[kind] = xs[::step][:4]
    return out

def main():
    okrc = sys.argv[1]
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    plans = sorted(os.path.join(top, 'tests/cases', f) for f in os.listdir(os.path.join(top, 'tests/cases'))
                   if f.endswith('.okr') and os.path.isfile(os.path.join(top, 'tests/cases', f)))
    plans += sorted(os.path.join(top, 'examples', f) for f in os.listdir(os.path.join(top, 'examples'))
                    if f.endswith('.okr'))
    good, total, bad = Counter(), Counter(), []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'mutant.okr')
        for p in plans:
            try:
                text = open(p, encoding='utf-8').read()
            except UnicodeDecodeError:
                continue            # a test of invalid UTF-8
            if 'use "' in text or check(okrc, p) != []:
                continue            # only plans that are valid on their own
            for kind, xs in mutants(text).items():
                for x in xs:
                    with open(path, 'w', encoding='utf-8') as f:
                        f.write(x)
                    errs = check(okrc, path)
                    total[kind] += 1
                    if errs is not None and len(errs) == 1 and errs[0].get('line', 0) > 0:
                        good[kind] += 1
                    elif errs is not None and len(errs) == 0:
                        total[kind] -= 1    # the mistake made a valid plan (a typo of an id)
                    else:
                        msgs = [f"{e.get('line')}: {e['message']}" for e in (errs or [])]
                        bad.append((kind, os.path.relpath(p, top), msgs))
    for kind in sorted(total):
        print(f'{kind}: {good[kind]} of {total[kind]} mutants give one error at a line')
    if '--show' in sys.argv:
        for kind, p, msgs in bad:
            print(f'  {kind} in {p}: {len(msgs)} errors')
            for m in msgs[:4]:
                print(f'      {m}')
    if '--assert' in sys.argv and bad:
        print(f'FAIL: {len(bad)} mutants do not give exactly one error')
        sys.exit(1)

main()
