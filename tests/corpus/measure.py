#!/usr/bin/env python3
"""Precision and recall of a rule of okrc on a labelled corpus of key results.

measure.py OKRC CORPUS.tsv RULE LABEL [--min LANG:P:R ...]

Writes every key result of CORPUS (label, language, metric, title, reason;
tab-separated, '#' comments) into one plan, one objective per key result, runs
`okrc check --format json` on it and counts, per language and overall, the key
results RULE fires on against those labelled LABEL. Prints the figures and the
misses; with --min, exits 1 when a language's precision or recall is below the
bar given (LANG 'all' for the whole corpus).

Two layouts of CORPUS (tab-separated, '#' comments): the written corpus has
label, language, metric, title, reason; the real one (real/*.tsv) has label,
measurable, language, title, source, reason, and its key results get a
neutral metric ("target 100", no unit), since the rules judge the title.
LABEL is a value of the label column, or COLUMN=VALUE ("measurable=no").
"""
import json
import os
import subprocess
import sys
import tempfile


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 5:
                rows.append(dict(zip(("label", "lang", "metric", "title", "reason"), cols), line=n))
            elif len(cols) == 6:
                row = dict(zip(("label", "measurable", "lang", "title", "source", "reason"), cols))
                row.update(metric="target 100", line=n)
                rows.append(row)
            else:
                sys.exit(f"{path}:{n}: expected 5 or 6 tab-separated columns, got {len(cols)}")
    return rows


def main():
    okrc, corpus, rule, positive = sys.argv[1:5]
    column = "label"
    if "=" in positive:
        column, positive = positive.split("=", 1)
    bars = []
    args = sys.argv[5:]
    while args:
        if args[0] != "--min" or len(args) < 2:
            sys.exit("usage: measure.py OKRC CORPUS RULE LABEL [--min LANG:P:R ...]")
        lang, p, r = args[1].split(":")
        bars.append((lang, float(p), float(r)))
        args = args[2:]
    rows = load(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        plan = os.path.join(tmp, "corpus.okr")
        with open(plan, "w", encoding="utf-8") as f:
            f.write('plan "Corpus" { period 2027  owner @lead }\n')
            f.write("rules { smart-specific off  missing-baseline off }\n")
            for i, row in enumerate(rows):
                title = row["title"]
                quoted = f'"""{title}"""' if '"' in title else f'"{title}"'
                f.write(f'objective o{i} "Objective number {i}" {{\n'
                        f'  kr k{i} {quoted} {{ {row["metric"]} }}\n}}\n')
        out = subprocess.run([okrc, "check", "--format", "json", "--as-of", "2026-12-01", plan],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"okrc failed ({out.returncode}): {out.stderr}")
        report = json.loads(out.stdout)
    fired = set()
    for d in report["diagnostics"]:
        if d["rule"] == rule:
            fired.add((d["line"] - 3) // 3)     # the kr line of objective i is 3 + 3i
    langs = sorted({r["lang"] for r in rows}) + ["all"]
    figures = {}
    for lang in langs:
        sel = [(i, r) for i, r in enumerate(rows) if lang in ("all", r["lang"])]
        tp = sum(1 for i, r in sel if i in fired and r[column] == positive)
        fp = sum(1 for i, r in sel if i in fired and r[column] != positive)
        fn = sum(1 for i, r in sel if i not in fired and r[column] == positive)
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        figures[lang] = (p, rc)
        print(f"{rule} {lang}: {len(sel)} key results, {tp + fn} {positive}; "
              f"precision {p:.3f} ({tp}/{tp + fp}), recall {rc:.3f} ({tp}/{tp + fn})")
    for i, r in enumerate(rows):
        hit = i in fired
        if hit != (r[column] == positive):
            kind = "false positive" if hit else "missed"
            print(f"  {kind}: {corpus}:{r['line']}: [{r['lang']}] {r['title']}")
    failed = False
    for lang, p, rc in bars:
        got = figures.get(lang)
        if got is None:
            print(f"FAIL: no key results in language {lang}")
            failed = True
        elif got[0] < p or got[1] < rc:
            print(f"FAIL: {rule} {lang}: precision {got[0]:.3f} (bar {p}), recall {got[1]:.3f} (bar {rc})")
            failed = True
    sys.exit(1 if failed else 0)


main()
