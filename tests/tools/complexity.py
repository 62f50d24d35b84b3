#!/usr/bin/env python3
"""How okrc's cost grows with its input, family by family.

    complexity.py OKRC [--time] [--scale K] [FAMILY...]
    complexity.py OKRC --bars [FAMILY...]

Each family is a shape of hostile or merely large input (many ignore
comments, many findings on one line, long import chains, ...), generated
at n and 10n. The cost of each command on both is measured as instructions
(valgrind's callgrind: the same count whatever else the machine does) or,
with --time, as user+system CPU seconds (quick, noisy). A family passes
when 10x the input costs at most 15x (linear or n log n; quadratic would
be about 100x). Prints a line per family and command; exits 1 when any
fails. --scale K multiplies every n (for a look at larger inputs).

--bars: each family at about 1 MB, each command run natively; none may
take more than 2 s of CPU or 200 MB of memory (maximum resident set).
"""
import json, os, re, resource, subprocess, sys, tempfile

BAR = 15.0


def plan_header():
    return 'plan "Plan" { period 2027-Q1 owner @ceo }\n'


def objective(name, items=""):
    """An objective with one key result, items written before it."""
    return (f'objective {name} "Double the revenue from new customers" {{ {items}'
            f'kr k "Grow revenue from new customers" {{ from 0 to 10 }} }}\n')


def ignores(d, n):
    # One ignore comment above each objective: each must not walk the rest.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        for i in range(n):
            f.write(f'# okrc-ignore: smart-specific\nobjective o{i} "Short" {{ kr k "Grow revenue from new customers" {{ from 0 to 10 }} }}\n')
    return ["main.okr"]


def one_line(d, n):
    # Many findings on one long line: each column counted from the line start would be quadratic.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        f.write(" ".join(f'objective o{i} "Short" {{ kr k "Grow revenue from new customers" {{ from 0 to 10 }} }}'
                         for i in range(n)))
        f.write("\n")
    return ["main.okr"]


def owners_line(d, n):
    # One owner repeated n times on one line.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        f.write('objective o "Double the revenue from new customers" { kr k "Grow revenue from new customers" { from 0 to 10 '
                + " ".join("owner @a" for _ in range(n)) + " } }\n")
    return ["main.okr"]


def co_owners(d, n):
    # One owner list of n different people.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        f.write('objective o "Double the revenue from new customers" { owner '
                + ", ".join(f"@p{i}" for i in range(n))
                + ' kr k "Grow revenue from new customers" { from 0 to 10 } }\n')
    return ["main.okr"]


def uses(d, n):
    # n imports of small files from one file.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        for i in range(n):
            f.write(f'use "./f{i}"\n')
    for i in range(n):
        with open(os.path.join(d, f"f{i}.okr"), "w") as f:
            f.write(objective(f"o{i}"))
    return ["main.okr"]


def use_chain(d, n):
    # A chain of imports n deep: recursion would overflow the stack.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header() + 'use "./f0"\n')
    for i in range(n):
        with open(os.path.join(d, f"f{i}.okr"), "w") as f:
            f.write((f'use "./f{i + 1}"\n' if i + 1 < n else "")
                    + objective(f"o{i}"))
    return ["main.okr"]


def long_ids(d, n):
    # n teams with 60-character ids and n/10 references to none of them: did-you-mean over each.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        for i in range(n):
            f.write(f'team team_{i:06d}_{"x" * 48} "Team {i}"\n')
        for i in range(max(1, n // 10)):
            f.write(objective(f"o{i}", f'team taem_{i:06d}_{"y" * 48} owner @own_{i:06d}_{"z" * 48} '))
    return ["main.okr"]


def cycles(d, n):
    # n/3 alignment cycles of three objectives each, and a chain of n
    # objectives each aligned back to its first too: n cycles, each long.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        for i in range(n):
            base = i - i % 3
            f.write(objective(f"o{i}", f"aligns o{base + (i + 1) % 3} "))
        for i in range(n):
            f.write(objective(f"c{i}", f"aligns c{(i + 1) % n}, c0 "))
    return ["main.okr"]


def rules_blocks(d, n):
    # n rules blocks spread over files imported in reverse order.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(plan_header())
        for i in range(10):
            f.write(f'use "./r{i}"\n')
        for i in range(n // 2):
            f.write('rules { kr-count max 5 }\n')
    for i in range(10):
        with open(os.path.join(d, f"r{i}.okr"), "w") as f:
            for _ in range(n // 20):
                f.write('rules { kr-count max 5 }\n')
    return ["main.okr"]


def checkins_reversed(d, n):
    # n check-ins of one key result, latest first: an insertion sort by date would be quadratic.
    import datetime
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write('plan "Plan" { owner @ceo }\n')
        f.write(objective("o"))
        day = datetime.date(2090, 1, 1)
        for i in range(n):
            f.write(f'checkin {(day - datetime.timedelta(days=i)).isoformat()} by @ceo {{ o.k = {i % 10} }}\n')
    return ["main.okr"]


def periods(d, n):
    # n objectives with perspectives over n different months: bsc-balance
    # judging each period against every objective would be quadratic.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write('use "std/bsc"\nplan "Plan" { owner @ceo }\n')
        names = ["financial", "customer", "process", "learning"]
        for i in range(n):
            f.write(objective(f"o{i}", f"period {2000 + i // 12}-{i % 12 + 1:02d} perspective {names[i % 3]} "))
    return ["main.okr"]


def unknown_parents(d, n):
    # n teams of one name, each with an unknown parent (found by the
    # structure-aware fuzzer): every lookup offered every team to
    # did-you-mean, reading each name even once the budget was spent.
    with open(os.path.join(d, "main.okr"), "w") as f:
        for i in range(n):
            f.write('team salse "Team" { parent t lead @zoë }\n')
    return ["main.okr"]


def teams(d, n):
    # n teams in a tree, an objective in each: drawing a team's subgraph by
    # scanning every objective for it (graph -T mermaid, the map of
    # report -f md) grew with teams times objectives.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write('plan "Plan" { period 2027 owner @ceo }\n')
        for i in range(n):
            f.write(f'team t{i} "Team {i}"' + (f' {{ parent t{(i - 1) // 2} }}' if i else '') + '\n')
        for i in range(n):
            f.write(objective(f"o{i}", f"team t{i} "))
    return ["main.okr"]


def objective_of_krs(n):
    """Objective o, its block left open, with key results k0 ... k(n-1)."""
    return (plan_header() + 'objective o "Double the revenue from new customers" {\n' +
            "".join(f'  kr k{i} "Grow revenue from customers in region {i}" {{ from 0 to 10 }}\n'
                    for i in range(n)))


def one_objective(d, n):
    # One objective of n key results and n initiatives that support three
    # each: kr-without-initiative and the map's --initiatives asked every
    # initiative about every key result, and diff paired the key results by
    # comparing every two.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(objective_of_krs(n))
        for i in range(n):
            supports = ", ".join(f"k{j}" for j in range(max(0, i - 2), i + 1))
            f.write(f'  initiative i{i} "Run the campaign in region {i}" {{ supports {supports} }}\n')
        f.write("}\n")
    return ["main.okr"]


def notes(d, n):
    # One check-in of n values of n key results, each with a note, and the
    # objective graded with a note: the notes and grades are kept by the
    # check-in and found by the entry's address (entry_more), so finding
    # each by a walk of the list would be quadratic.
    with open(os.path.join(d, "main.okr"), "w") as f:
        f.write(objective_of_krs(n))
        f.write("}\ncheckin 2027-02-01 {\n")
        for i in range(n):
            f.write(f'  o.k{i} = {i % 10}  note "a note on region {i}"\n')
        f.write('  o grade 0.5  note "halfway"\n}\n')
    return ["main.okr"]


FAMILIES = {
    # name: (generator, n, commands)
    "ignores": (ignores, 800, [["check"], ["check", "--format", "json"]]),
    "one-line": (one_line, 300, [["check"], ["check", "--format", "json"], ["check", "--format", "sarif"],
                                  ["check", "--format", "codequality"], ["check", "--format", "github"],
                                  ["lsp"], ["fmt"]]),
    "owners-line": (owners_line, 1000, [["check"], ["check", "--format", "json"], ["fmt"]]),
    "co-owners": (co_owners, 3000, [["check"], ["fmt"], ["report", "-f", "json"]]),
    "uses": (uses, 300, [["check"]]),
    "use-chain": (use_chain, 300, [["check"]]),
    "long-ids": (long_ids, 300, [["check"]]),
    "cycles": (cycles, 200, [["check"], ["check", "--format", "json"]]),
    "rules-blocks": (rules_blocks, 2000, [["check"]]),
    "checkins-reversed": (checkins_reversed, 1500, [["check"], ["report", "-f", "json"]]),
    "periods": (periods, 600, [["check"]]),
    "unknown-parents": (unknown_parents, 2000, [["check"], ["check", "--format", "json"]]),
    "one-objective": (one_objective, 800, [["check"], ["diff"], ["report", "-f", "json"],
                                           ["graph", "-T", "dot", "--initiatives"]]),
    "teams": (teams, 800, [["graph", "-T", "mermaid"], ["report", "-f", "md"], ["report"],
                           ["report", "-f", "html"], ["graph", "-T", "dot"]]),
    "notes": (notes, 1000, [["check"], ["report", "-f", "json"], ["report", "-f", "md"], ["diff"]]),
}


def lsp_session(path):
    text = open(path, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(path)
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "capabilities": {}, "initializationOptions": {"asOf": "2027-02-15"}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "okr", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/foldingRange", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    out = b""
    for m in msgs:
        body = json.dumps(m).encode()
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


def command_line(okrc, cmd, d, files):
    if cmd[0] == "lsp":
        return [okrc, "lsp"], lsp_session(os.path.join(d, files[0]))
    if cmd[0] == "fmt":
        return [okrc, "fmt"] + files, None
    if cmd[0] == "diff":        # the plan against itself: every item paired
        return [okrc, "diff", "--as-of", "2027-02-15", files[0], files[0]], None
    return [okrc] + cmd + ["--as-of", "2027-02-15"] + files, None


def cost(argv, stdin, cwd, timed):
    if timed:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run(argv, cwd=cwd, input=stdin, capture_output=True, timeout=600)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return p.returncode, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                       cwd=cwd, input=stdin, capture_output=True, timeout=3600)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    if not m:
        sys.exit(f"complexity: no instruction count from callgrind:\n{p.stderr.decode(errors='replace')[-2000:]}")
    return p.returncode, int(m.group(1))


def run_measured(argv, stdin, cwd):
    """Exit status, CPU seconds and peak memory (bytes) of one run."""
    with tempfile.TemporaryFile() as f:
        f.write(stdin or b"")
        f.seek(0)
        p = subprocess.Popen(argv, cwd=cwd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def bars(okrc, wanted):
    failed = 0
    for name in wanted:
        gen, n, cmds = FAMILIES[name]
        with tempfile.TemporaryDirectory() as d:
            gen(d, n)
            size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
        k = max(1, int(1_000_000 / size))
        with tempfile.TemporaryDirectory() as d:
            files = gen(d, n * k)
            size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
            for cmd in cmds:
                argv, stdin = command_line(okrc, cmd, d, files)
                rc, cpu, rss = run_measured(argv, stdin, d)
                ok = cpu <= 2.0 and rss <= 200e6 and rc in (0, 1)
                failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {name:17} {' '.join(cmd):28} {size / 1e6:.2f} MB: "
                      f"{cpu:.2f} s CPU, {rss / 1e6:.0f} MB (exit {rc})", flush=True)
    return failed


def main():
    args = sys.argv[1:]
    okrc = os.path.abspath(args.pop(0))
    if "--bars" in args:
        args.remove("--bars")
        sys.exit(1 if bars(okrc, args or list(FAMILIES)) else 0)
    timed = "--time" in args
    scale = 1
    if "--scale" in args:
        scale = int(args[args.index("--scale") + 1])
        del args[args.index("--scale"):args.index("--scale") + 2]
    wanted = [a for a in args if not a.startswith("--")] or list(FAMILIES)
    failed = 0
    unit = "s" if timed else "instructions"
    for name in wanted:
        gen, n, cmds = FAMILIES[name]
        n *= scale
        with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
            fs, fl = gen(small, n), gen(large, 10 * n)
            size_s = sum(os.path.getsize(os.path.join(small, f)) for f in os.listdir(small))
            size_l = sum(os.path.getsize(os.path.join(large, f)) for f in os.listdir(large))
            for cmd in cmds:
                a, ia = command_line(okrc, cmd, small, fs)
                b, ib = command_line(okrc, cmd, large, fl)
                rc_a, ca = cost(a, ia, small, timed)
                rc_b, cb = cost(b, ib, large, timed)
                ratio = cb / ca if ca else float("inf")
                ok = ratio <= BAR and rc_a in (0, 1) and rc_b in (0, 1)
                failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {name:12} {' '.join(cmd):28} n={n:<6} {size_s:>9} B -> {size_l:>10} B: "
                      f"{ca:.3g} -> {cb:.3g} {unit}, x{ratio:.1f} (exit {rc_a}, {rc_b})", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
