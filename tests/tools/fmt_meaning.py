"""The properties of tests/sh/fmt-meaning.sh (see there)."""
import json, os, re, shutil, subprocess, sys, tempfile

okrc, top = sys.argv[1], sys.argv[2]
COMMENT = re.compile(rb'"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|(#)')
failures = []


def run(*args, cwd=None, stdin=None):
    p = subprocess.run([okrc, *args], cwd=cwd, input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def comments(text):
    return sum(1 for m in COMMENT.finditer(text) if m.group(1))


def findings(out):
    return sorted((d["rule"], d["message"]) for d in json.loads(out)["diagnostics"])

def report_meaning(out):
    """The report without where its errors stand: fmt moves lines."""
    if not out:
        return out
    r = json.loads(out)
    r["errors"] = sorted((e["rule"], e["message"]) for e in r.get("errors", []))
    return r


tmp = tempfile.mkdtemp()
try:
    trees = ["tests/cases", "tests/fuzz", "examples", "stdlib"]
    for tree in trees:
        if os.path.isdir(os.path.join(top, tree)):
            shutil.copytree(os.path.join(top, tree), os.path.join(tmp, tree), symlinks=True)
    plans = []
    for tree in trees:
        for root, _, names in os.walk(os.path.join(tmp, tree)):
            plans += [os.path.join(root, n) for n in sorted(names) if n.endswith(".okr")]
    formatted = 0
    for copy in plans:
        rel = os.path.relpath(copy, tmp)
        with open(copy, "rb") as f:
            original = f.read()
        rc, once, _ = run("fmt", "-", stdin=original)
        if rc != 0:
            continue            # syntax errors: fmt leaves the file alone
        formatted += 1
        rc2, twice, _ = run("fmt", "-", stdin=once)
        if rc2 != 0 or twice != once:
            failures.append(f"{rel}: not idempotent")
        if comments(once) != comments(original):
            failures.append(f"{rel}: {comments(original)} comments became {comments(once)}")
        with open(copy, "wb") as f:
            f.write(once)
    # Meaning: each case (and example) in the original tree and in the copy.
    cases = os.path.join(top, "tests/cases")
    checked = 0
    fixtures = ["fixtures/" + f for f in sorted(os.listdir(os.path.join(cases, "fixtures")))]
    all_args = [open(os.path.join(cases, f)).read() for f in os.listdir(cases) if f.endswith(".args")]
    for rel in sorted(os.listdir(cases)) + fixtures:
        path = os.path.join(cases, rel)
        if rel.endswith(".okr"):
            name, target = rel[:-4], rel
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "main.okr")):
            name, target = rel, os.path.join(rel, "main.okr")
        else:
            continue
        dates = {"2027-02-15"}
        args = os.path.join(cases, name + ".args")
        # A case's dates are in its .args; a fixture's in the .args of the cases using it.
        for text in [open(args).read()] if os.path.exists(args) else \
                [a for a in all_args if target in a] if rel.startswith("fixtures/") else []:
            dates |= set(re.findall(r"as-of[ =](\d{4}-\d\d-\d\d)", text))
        for date in sorted(dates):
            # --plan-root .: the copy lies outside the git work tree, so its
            # default root would differ from the original's
            a = run("report", "-f", "json", "--plan-root", ".", "--as-of", date, target, cwd=cases)
            b = run("report", "-f", "json", "--plan-root", ".", "--as-of", date, target,
                    cwd=os.path.join(tmp, "tests/cases"))
            if a[0] != b[0] or report_meaning(a[1]) != report_meaning(b[1]):
                failures.append(f"tests/cases/{target}: report -f json --as-of {date} differs")
            a = run("check", "--format", "json", "--plan-root", ".", "--as-of", date, target, cwd=cases)
            b = run("check", "--format", "json", "--plan-root", ".", "--as-of", date, target,
                    cwd=os.path.join(tmp, "tests/cases"))
            if a[0] != b[0] or (a[1] and b[1] and findings(a[1]) != findings(b[1])):
                failures.append(f"tests/cases/{target}: check --format json --as-of {date} differs")
            checked += 1
    for rel in sorted(os.listdir(os.path.join(top, "examples"))):
        if rel.endswith(".okr"):
            for cmd in (["report", "-f", "json"], ["check", "--format", "json"]):
                a = run(*cmd, "--as-of", "2027-02-15", rel, cwd=os.path.join(top, "examples"))
                b = run(*cmd, "--as-of", "2027-02-15", rel, cwd=os.path.join(tmp, "examples"))
                if a[:2] != b[:2]:
                    failures.append(f"examples/{rel}: {cmd[0]} differs")
    if formatted < 100 or checked < 100:
        failures.append(f"only {formatted} plans formatted and {checked} runs compared")
finally:
    shutil.rmtree(tmp)

print(f"fmt-meaning: {formatted} plans formatted, {checked} case runs compared")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
