#!/usr/bin/env python3
"""Where `okrc check` spends its time, by phase of the pipeline.

phases.py OKRC PLAN

Samples one run with `perf record` and sums the samples of each function
into the phase it belongs to (the table below, by the source file each
function lives in), then prints each phase's share and its heaviest
functions. The scanner, the parser and the builder run interleaved (bison
calls the builder from its actions), so they are told apart by function,
not by a clock. A measure, not a test: the shares move from run to run.
"""
import os
import re
import subprocess
import sys
import tempfile

# phase, and what names its functions (regular expressions on the symbol)
PHASES = [
    ("page faults (kernel zeroing and mapping memory)", r"^\[k\] (clear_page|.*fault|.*huge|.*zero|.*folio|.*lru|.*page|.*pte|.*pmd)"),
    ("other kernel (read, mmap, exit)", r"^\[k\] "),
    ("parse (grammar/okr.y)", r"^(yyparse|yy_lac|yysyntax|yytnamerr|yydestruct|parse_)"),
    ("scan (grammar/okr.l, scan.c, utf8.c)", r"^(yylex|yy_|scan_|utf8_|okr_|keyword_)"),
    ("build the model (build.c, arena.c)", r"^(build_|make_ident|name_item|split_ref|dup|arena_|vec_push|not_unknown|map_block)"),
    ("resolve (resolve.c, hash.c, walk.c)", r"^(resolve_|find|member_key|declare_|hash_|walk_|link_|lookup_)"),
    ("check (check.c)", r"^(check_|same_unit|unit_text|is_number_metric)"),
    ("progress (progress.c)", r"^(progress_|kr_compute|objective_compute|running_status|period_)"),
    ("lint (lint.c, title.c, text.c)", r"^(lint_|title_|text_|read_title|word_count|is_word_char|objective_|entry_|classes_of|kinds_of|participle|lexdata_)"),
    ("diagnostics (diag.c)", r"^(diag_|render_)"),
    ("read the file (source.c)", r"^(source_|index_of|line_)"),
]


def main():
    okrc, plan = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        subprocess.run(["perf", "record", "-q", "-F", "4999", "-o", data, "--", okrc, "check",
                        "--as-of", "2027-06-01", plan],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children",
                              "--sort", "sym", "-q"],
                             capture_output=True, text=True).stdout
    totals, tops = {}, {}
    for line in out.splitlines():
        m = re.match(r"\s*([0-9.]+)%\s+(\[[.k]\])\s+(\S+)", line)
        if not m:
            continue
        share, kind, sym = float(m.group(1)), m.group(2), m.group(3)
        name = ("[k] " if kind == "[k]" else "") + sym
        phase = "other (libc: memcpy, memcmp, printf; helpers)"
        for label, pattern in PHASES:
            if re.search(pattern, name):
                phase = label
                break
        totals[phase] = totals.get(phase, 0.0) + share
        tops.setdefault(phase, []).append((share, sym))
    print(f"check {os.path.basename(plan)}, share of samples by phase:")
    for phase, share in sorted(totals.items(), key=lambda kv: -kv[1]):
        heaviest = ", ".join(f"{s} {p:.1f}%" for p, s in sorted(tops[phase], reverse=True)[:3])
        print(f"  {share:5.1f}%  {phase}: {heaviest}")


if __name__ == "__main__":
    main()
