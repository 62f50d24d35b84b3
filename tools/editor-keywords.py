#!/usr/bin/env python3
"""The editor grammars highlight exactly the keywords of okrc's scanner.

    editor-keywords.py [TOP]

Reads the reserved words from grammar/okr.l (its `"word" KEYWORD(...)` or TOKEN(...) rules)
and the keywords of each editor grammar under editors/: the TextMate
grammar's `keywords` patterns, the Vim syntax file's `syntax keyword`
lines of okrDeclaration and okrKeyword, and okr-mode.el's
okr-declaration-keywords and okr-keywords. Prints every word one side has
and the other lacks, and exits 1 if there is any.
"""
import json
import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")


def read(rel):
    with open(os.path.join(top, rel), encoding="utf-8") as f:
        return f.read()


scanner = set(re.findall(r'^"([a-z]+)"\s+(?:KEYWORD|TOKEN)\(', read("grammar/okr.l"), re.M))

grammars = {}
tm = json.loads(read("editors/vscode/syntaxes/okr.tmLanguage.json"))
words = set()
for p in tm["repository"]["keywords"]["patterns"]:
    m = re.search(r"\(\?:([a-z|]+)\)", p["match"])
    words |= set(m.group(1).split("|")) if m else set()
grammars["editors/vscode/syntaxes/okr.tmLanguage.json"] = words

words = set()
for line in read("editors/vim/syntax/okr.vim").splitlines():
    m = re.match(r"\s*syn(?:tax)?\s+keyword\s+(okrDeclaration|okrKeyword)\s+(.*)", line)
    if m:
        words |= {w for w in m.group(2).split() if re.fullmatch(r"[a-z]+", w)}
grammars["editors/vim/syntax/okr.vim"] = words

el = read("editors/emacs/okr-mode.el")
words = set()
for name in ("okr-declaration-keywords", "okr-keywords"):
    m = re.search(r"\(defconst " + name + r"\s+'\(([^)]*)\)", el)
    words |= set(re.findall(r'"([a-z]+)"', m.group(1))) if m else set()
grammars["editors/emacs/okr-mode.el"] = words

failed = len(scanner) < 30
if failed:
    print(f"FAIL: found only {len(scanner)} keywords in grammar/okr.l")
for path, words in grammars.items():
    for w in sorted(scanner - words):
        print(f"FAIL: {path} does not highlight the keyword '{w}' of grammar/okr.l")
        failed = True
    for w in sorted(words - scanner):
        print(f"FAIL: {path} highlights '{w}', which grammar/okr.l does not reserve")
        failed = True
sys.exit(1 if failed else 0)
