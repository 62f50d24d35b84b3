#!/bin/sh
# Plan files stay inside the plan's root, not only imports: in a git
# repository holding a link to /proc/self/environ, a link to a file and to a
# folder outside, a dangling link, a FIFO and a hard link, every command
# (check . and check FILE in every format, report in every format, graph,
# agenda, fmt, fmt -w, and the language server importing the link) ends with
# a defined exit status, names the refused file with file-outside-root, and
# prints nothing of what a link leads to: not the CI runner's environment,
# not the outside file's text. A link that stays inside the root is read.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
exec python3 - "$OKRC" "$t" <<'PY'
import json, os, subprocess, sys

okrc, t = sys.argv[1], sys.argv[2]
repo, outside = os.path.join(t, "repo"), os.path.join(t, "outside")
os.makedirs(os.path.join(repo, "sub"))
os.makedirs(outside)
subprocess.run(["git", "init", "-q", repo], check=True)
SECRET_ENV = "okrc-test-secret-in-the-environment-5d1c"
SECRET_FILE = "okrc-test-secret-in-an-outside-file-9e2a"
with open(os.path.join(outside, "secret.okr"), "w") as f:
    f.write(f'objective stolen "{SECRET_FILE} appears in any excerpt" {{ owner @x }}\n')
plan = ('plan "Plan" { period 2027-Q1 owner @ceo }\n'
        'objective grow "Double the revenue from new customers" {\n'
        '  kr revenue "Revenue from new customers in euros" { from 1M EUR to 2M EUR }\n'
        '}\n')
with open(os.path.join(repo, "plan.okr"), "w") as f:
    f.write(plan)
os.symlink("/proc/self/environ", os.path.join(repo, "environ.okr"))
os.symlink(os.path.join(outside, "secret.okr"), os.path.join(repo, "file.okr"))
os.symlink(outside, os.path.join(repo, "sub", "folder"))
os.symlink(os.path.join(outside, "absent.okr"), os.path.join(repo, "dangling.okr"))
os.symlink("../plan.okr", os.path.join(repo, "sub", "inside.okr"))
os.mkfifo(os.path.join(repo, "sub", "fifo.okr"))
try:
    os.link(os.path.join(outside, "secret.okr"), os.path.join(repo, "sub", "hard.okr"))
    hard = True
except OSError:
    hard = False    # another file system: nothing to plant

env = dict(os.environ, OKRC_PATH="", NO_COLOR="1", OKRC_TEST_SECRET=SECRET_ENV)
failures = []

def run(args, stdin=None):
    p = subprocess.run([okrc] + args, cwd=repo, env=env, input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")

def expect(args, codes, refused=(), read=(), stdin=None):
    rc, out = run(args, stdin)
    what = "okrc " + " ".join(args)
    if rc not in codes:
        failures.append(f"{what}: exit {rc}, wanted one of {codes}\n{out[-600:]}")
    if SECRET_ENV in out or "OKRC_TEST_SECRET" in out:
        failures.append(f"{what}: printed the environment")
    if SECRET_FILE in out and not (hard and "hard.okr" in read):
        failures.append(f"{what}: printed the outside file's text")
    for name in refused:
        if name not in out or "file-outside-root" not in out:
            failures.append(f"{what}: no file-outside-root finding naming {name}\n{out[-600:]}")
    return out

as_of = ["--as-of", "2027-02-15"]
# The whole tree: every link leading out refused, the inside link read.
for fmt in ("human", "json", "sarif", "github", "codequality"):
    out = expect(["check", "--format", fmt] + as_of + ["."], (1,), ["environ.okr", "file.okr"],
                 read=("hard.okr",))
    if fmt == "json":
        rules = [d["rule"] for d in json.loads(out[:out.rindex("}") + 1])["diagnostics"]]
        if rules.count("file-outside-root") != 2:
            failures.append(f"check --format json .: {rules.count('file-outside-root')} file-outside-root, wanted 2")
# Each file by name.
for name in ("environ.okr", "file.okr"):
    for fmt in ("human", "json", "sarif", "github", "codequality"):
        expect(["check", "--format", fmt] + as_of + [name], (1,), [name])
    for fmt in ("text", "md", "json", "html", "csv"):
        expect(["report", "-f", fmt] + as_of + [name], (1,), [name])
    expect(["graph", "-T", "dot"] + as_of + [name], (1,), [name])
    expect(["agenda", "@ceo"] + as_of + ["plan.okr", name], (1, 2), [name])
    expect(["fmt", name], (1,), [name])
    before = os.readlink(os.path.join(repo, name))
    expect(["fmt", "-w", name], (1,), [name])
    if not os.path.islink(os.path.join(repo, name)) or os.readlink(os.path.join(repo, name)) != before:
        failures.append(f"fmt -w {name} replaced the link")
expect(["check"] + as_of + ["dangling.okr"], (2,))
expect(["check"] + as_of + ["sub/fifo.okr"], (2,))
expect(["check"] + as_of + ["sub/folder/secret.okr"], (1,), ["sub/folder/secret.okr"])
out = expect(["check", "--format", "json"] + as_of + ["sub/inside.okr"], (0, 1))
if "file-outside-root" in out:
    failures.append("a link inside the root was refused")
if hard:
    expect(["check"] + as_of + ["sub/hard.okr"], (0, 1), read=("hard.okr",))
# Lifted on request.
rc, out = run(["check", "--allow-outside-root"] + as_of + ["file.okr"])
if "file-outside-root" in out:
    failures.append("--allow-outside-root still refused file.okr")
# The language server: an open buffer importing the links.
buffer = plan + 'use "./environ"\nuse "./file"\n'
uri = "file://" + os.path.join(repo, "buffer.okr")
def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
session = b"".join(frame(m) for m in [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize",
     "params": {"processId": None, "rootUri": "file://" + repo, "capabilities": {},
                "initializationOptions": {"asOf": "2027-02-15"}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": uri, "languageId": "okr", "version": 1, "text": buffer}}},
    {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"}])
rc, out = run(["lsp"], session)
if rc != 0:
    failures.append(f"okrc lsp: exit {rc}\n{out[-600:]}")
if SECRET_ENV in out or SECRET_FILE in out:
    failures.append("okrc lsp: published what a link leads to")
if out.count("import-outside-root") < 2:
    failures.append(f"okrc lsp: wanted import-outside-root for both links\n{out[-800:]}")

for f in failures:
    print("FAIL:", f)
print(f"{'FAIL' if failures else 'ok'}: file confinement, {len(failures)} failures")
sys.exit(1 if failures else 0)
PY
