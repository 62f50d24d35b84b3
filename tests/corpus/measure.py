#!/usr/bin/env python3
"""Precision and recall of a rule of okrc on a labelled corpus of key results.

measure.py OKRC CORPUS.tsv RULE LABEL [--min LANG:P:R ...]

Writes every key result of CORPUS (label, language, metric, title, reason;
tab-separated, '#' comments) into one plan, one objective per key result, runs
`okrc check --format json` on it and counts, per language and overall, the key
results RULE fires on against those labelled LABEL. Prints the figures and the
misses; with --min, exits 1 when a language's precision or recall is below the
bar given (LANG 'all' for the whole corpus).
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
            if len(cols) != 5:
                sys.exit(f"{path}:{n}: expected 5 tab-separated columns, got {len(cols)}")
            rows.append(dict(zip(("label", "lang", "metric", "title", "reason"), cols), line=n))
    return rows


def main():
    okrc, corpus, rule, positive = sys.argv[1:5]
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
                f.write(f'objective o{i} "Objective number {i}" {{\n'
                        f'  kr k{i} "{row["title"]}" {{ {row["metric"]} }}\n}}\n')
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
        tp = sum(1 for i, r in sel if i in fired and r["label"] == positive)
        fp = sum(1 for i, r in sel if i in fired and r["label"] != positive)
        fn = sum(1 for i, r in sel if i not in fired and r["label"] == positive)
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        figures[lang] = (p, rc)
        print(f"{rule} {lang}: {len(sel)} key results, {tp + fn} {positive}; "
              f"precision {p:.3f} ({tp}/{tp + fp}), recall {rc:.3f} ({tp}/{tp + fn})")
    for i, r in enumerate(rows):
        hit = i in fired
        if hit != (r["label"] == positive):
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
