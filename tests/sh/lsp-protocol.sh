#!/bin/sh
# okrc lsp's protocol rules, message by message (a Python client, no npm):
# requests before initialize are refused with -32002, an unknown method
# with -32601, a request on a document that is not open with -32602, a
# second initialize with -32600; "params": null counts as no params
# (shutdown with it succeeds, and exit then ends the server with 0); exit
# without shutdown ends it with 1. A team's file of a plan that spans files,
# opened alone, is checked in its plan's context.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
top=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 - "$OKRC" "$top" <<'PY'
import json, subprocess, sys

okrc = sys.argv[1]
failures = []

def frame_bytes(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def frame(msg):
    return frame_bytes(json.dumps(msg).encode())

def messages(out):
    """The messages of the server's output, in order."""
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        n = int(head.split(b":")[1])
        yield json.loads(rest[:n])
        out = rest[n:]

def session(msgs):
    p = subprocess.run([okrc, "lsp"], input=b"".join(frame(m) for m in msgs), capture_output=True, timeout=60)
    return p.returncode, {m["id"]: m for m in messages(p.stdout) if "id" in m}

def expect(what, ok):
    if not ok:
        failures.append(what)

init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}}
rc, r = session([
    {"jsonrpc": "2.0", "id": 0, "method": "textDocument/hover", "params": {}},
    init,
    {"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "id": 3, "method": "textDocument/nonsense", "params": {}},
    {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
     "params": {"textDocument": {"uri": "file:///nowhere.okr"}, "position": {"line": 0, "character": 0}}},
    {"jsonrpc": "2.0", "id": 5, "method": "shutdown", "params": None},
    {"jsonrpc": "2.0", "method": "exit", "params": None},
])
expect(f"before initialize: {r.get(0)}", r.get(0, {}).get("error", {}).get("code") == -32002)
expect(f"initialize: {r.get(1)}", "capabilities" in r.get(1, {}).get("result", {}))
expect(f"second initialize: {r.get(2)}", r.get(2, {}).get("error", {}).get("code") == -32600)
expect(f"unknown method: {r.get(3)}", r.get(3, {}).get("error", {}).get("code") == -32601)
expect(f"document not open: {r.get(4)}", r.get(4, {}).get("error", {}).get("code") == -32602)
expect(f"shutdown with params null: {r.get(5)}", "result" in r.get(5, {}) and r[5]["result"] is None)
expect(f"exit after shutdown: status {rc}", rc == 0)
rc, r = session([init, {"jsonrpc": "2.0", "method": "exit"}])
expect(f"exit without shutdown: status {rc}", rc == 1)

# A team's file of a plan that spans files, opened alone: checked in the
# company plan's context (no unknown team, objective or perspective), its
# own mistake (@jost, declared @joost) still published at its line.
import os, shutil, tempfile
top = os.path.join(sys.argv[2], "tests", "cases", "plan-spans-files")
tmp = tempfile.mkdtemp()
try:
    shutil.copytree(top, os.path.join(tmp, "plan"))
    subprocess.run(["git", "init", "-q", tmp], check=True)
    path = os.path.join(tmp, "plan", "teams", "roasterij.okr")
    uri = "file://" + path
    msgs = [init, {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            {"jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": {"textDocument": {"uri": uri, "languageId": "okr", "version": 1, "text": open(path).read()}}},
            {"jsonrpc": "2.0", "id": 7, "method": "workspace/symbol", "params": {"query": "REVEN"}},
            {"jsonrpc": "2.0", "id": 9, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
    p = subprocess.run([okrc, "lsp"], input=b"".join(frame(m) for m in msgs), capture_output=True, timeout=60, cwd=tmp)
    diags, symbols = None, None
    for msg in messages(p.stdout):
        if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            diags = msg["params"]["diagnostics"]
        if msg.get("id") == 7:
            symbols = msg.get("result")
    # workspace symbols span the plan: the company file's KR, found from the team file
    found = [(x["name"], x.get("containerName"), x["location"]["uri"].rsplit("/", 1)[-1]) for x in symbols or []]
    expect(f"workspace symbols span the plan: {found}", ("revenue", "grow", "main.okr") in found)
    codes = [(d["code"], d["range"]["start"]["line"] + 1) for d in diags or []]
    expect(f"team file alone: diagnostics {codes}", diags is not None and not any(c == "unknown-ref" for c, _ in codes))
    expect(f"team file alone: its own mistake {codes}", ("undeclared-owner", 6) in codes)
    # The plan's other two files, each opened alone: no error at all.
    for name in ("main.okr", os.path.join("teams", "winkels.okr")):
        path = os.path.join(tmp, "plan", name)
        uri = "file://" + path
        msgs = [init, {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "okr", "version": 1, "text": open(path).read()}}},
                {"jsonrpc": "2.0", "id": 9, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
        p = subprocess.run([okrc, "lsp"], input=b"".join(frame(m) for m in msgs), capture_output=True, timeout=60, cwd=tmp)
        diags = None
        for msg in messages(p.stdout):
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                diags = msg["params"]["diagnostics"]
        errors = [(d["code"], d["range"]["start"]["line"] + 1) for d in diags or [] if d.get("severity") == 1]
        expect(f"{name} alone: no error {errors}", diags is not None and not errors)
finally:
    shutil.rmtree(tmp)

# A document's text longer than 4 kB is decoded by okrc itself, not by
# jansson: every JSON escape (written by hand here, as a client may send
# them: \/, \b, \f, \r, \t, \u00e9, a surrogate pair for U+1F3AF) must
# give the text jansson would. Formatting returns the text laid out, which
# must be what okrc fmt makes of the same text.
title = r'Caf\u00e9 \ud83c\udfaf r\u00e9sultat \/ \\\\ \\\"quoted\\\" and a\ttab'
raw = (r'plan \"Long text\" { period 2027 owner @ceo }\n'
       + '# ' + 'padding ' * 700 + r'\r\n'
       + r'objective o \"' + title + r'\" {\n  kr k \"Paying accounts in Europe\" { from 1 to 2 accounts }\n}\n')
decoded = json.loads('"' + raw + '"')
tmp = tempfile.mkdtemp()
doc = os.path.join(tmp, "long.okr")
body = ('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://%s",'
        '"languageId":"okr","version":1,"text":"%s"}}}' % (doc, raw)).encode()
fmt_req = {"jsonrpc": "2.0", "id": 7, "method": "textDocument/formatting",
           "params": {"textDocument": {"uri": "file://" + doc}, "options": {"tabSize": 2, "insertSpaces": True}}}
bad = ('{"jsonrpc":"2.0","id":8,"method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://%s",'
       '"languageId":"okr","version":1,"text":"%s\\ud800 alone"}}}' % (doc + "2", "x" * 5000)).encode()
stream = (frame(init) + frame_bytes(body) + frame(fmt_req) + frame_bytes(bad)
          + frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
p = subprocess.run([okrc, "lsp"], input=stream, capture_output=True, timeout=60)
replies, errors = {}, []
for msg in messages(p.stdout):
    if msg.get("id") is not None:
        replies[msg["id"]] = msg
    elif "error" in msg:
        errors.append(msg["error"])
expected = subprocess.run([okrc, "fmt", "-"], input=decoded.encode(), capture_output=True).stdout.decode()
edits = replies.get(7, {}).get("result")
got = edits[0]["newText"] if edits else decoded
expect(f"a long text decoded as JSON says: formatting gave {got[-160:]!r}, okrc fmt {expected[-160:]!r}",
       got == expected and edits is not None)
expect(f"a lone surrogate in a long string: a parse error, got {errors}",
       any(e.get("code") == -32700 for e in errors))
expect(f"the server lives on after it: {replies.get(9)} status {p.returncode}", 9 in replies and p.returncode == 0)

for f in failures:
    print("FAIL", f)
print("ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
PY