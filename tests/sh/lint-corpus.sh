#!/bin/sh
# The quality of activity-kr and vague-kr, measured: precision and recall on
# labelled key results in English and Dutch: tests/corpus/krs.tsv, the set the rule was
# built on, and krs-heldout.tsv, written after it and run once, both written
# for okrc; tests/corpus/real/, transcribed from published plans. Fails when a
# figure drops below the bar, which is what okrc reached when the set was
# written (docs/rules.md, "How well activity-kr does"). Print the figures and
# every miss with: python3 tests/corpus/measure.py ./okrc tests/corpus/krs.tsv activity-kr activity
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${OKRC:?set OKRC to the okrc binary}"
status=0
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/krs.tsv" activity-kr activity \
    --min en:0.98:0.98 --min nl:0.98:0.96 --min all:0.98:0.97 || status=1
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/krs-heldout.tsv" activity-kr activity \
    --min en:0.95:0.90 --min nl:0.95:0.90 --min all:0.95:0.90 || status=1
# Phrasing the sets above lack, written and mended on 2026-12-06, in two
# sessions (golden: it guards those fixes).
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/krs-phrasing.tsv" activity-kr activity \
    --min en:0.99:0.93 --min nl:0.99:0.95 --min all:0.99:0.94 || status=1
# On key results from published plans (tests/corpus/real): the development
# set the lexical data's use was tuned on, and the held-out set, measured
# only. The bars are the figures reached when the shapes were added.
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/real/dev.tsv" activity-kr activity \
    --min en:0.98:0.94 --min nl:0.99:0.96 --min all:0.99:0.95 || status=1
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/real/heldout.tsv" activity-kr activity \
    --min en:0.95:0.91 --min nl:0.96:0.76 --min all:0.95:0.85 || status=1
# vague-kr: most vague key results found, and none that has a number and a
# unit (the measurable half of tests/corpus/vague.tsv) flagged.
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/vague.tsv" vague-kr vague \
    --min en:1.0:0.9 --min nl:1.0:0.9 || status=1
# On the real sets, against their `measurable` column: titles that name no
# number, threshold or measure.
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/real/dev.tsv" vague-kr measurable=no \
    --min en:1.0:0.88 --min nl:1.0:0.87 --min all:1.0:0.88 || status=1
python3 "$top/tests/corpus/measure.py" "$OKRC" "$top/tests/corpus/real/heldout.tsv" vague-kr measurable=no \
    --min en:0.98:0.93 --min nl:1.0:0.87 --min all:0.98:0.91 || status=1
exit $status
