#!/usr/bin/env python3
"""lsp_spans.py OKRC DIR [TEAMS] [PER_TEAM] [EDITS]: the language server on a
plan that spans files (a company file using TEAMS team files of PER_TEAM
objectives each, 20 x 50 = 1,000 by default). One team's file is opened
alone, so it is compiled with the company's entry (lib/project.h); each
edit is a didChange, and the time until its publishDiagnostics arrives is
measured. Prints the median and the slowest, and exits 1 if the team file
got a false unknown-ref."""
import json, os, statistics, subprocess, sys, time

okrc, out = os.path.abspath(sys.argv[1]), sys.argv[2]
teams = int(sys.argv[3]) if len(sys.argv) > 3 else 20
per_team = int(sys.argv[4]) if len(sys.argv) > 4 else 50
edits = int(sys.argv[5]) if len(sys.argv) > 5 else 100
os.makedirs(os.path.join(out, "teams"), exist_ok=True)
with open(os.path.join(out, "company.okr"), "w") as f:
    f.write('plan "Company" { period 2027 owner @ceo }\nteam company "Company" { lead @ceo }\n')
    for t in range(teams):
        f.write(f'use "./teams/t{t}"\nteam t{t} "Team {t}" {{ parent company }}\n')
    f.write('objective grow "Double the revenue from new customers this year" { owner @ceo team company\n'
            '  kr revenue "Revenue from new customers in euros" { from 1M EUR to 2M EUR }\n}\n')
for t in range(teams):
    with open(os.path.join(out, "teams", f"t{t}.okr"), "w") as f:
        for i in range(per_team):
            f.write(f'objective o{t}_{i} "Grow the revenue of team {t} with new customers" {{\n'
                    f'  owner @ceo  team t{t}  period 2027-Q1  aligns grow.revenue\n'
                    f'  kr k "Revenue from new customers of team {t}" {{ from 0 to 10  owner @ceo }}\n}}\n')
path = os.path.join(os.path.abspath(out), "teams", f"t{teams // 2}.okr")
uri, text = "file://" + path, open(path).read()
p = subprocess.Popen([okrc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=out)

def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def recv():
    h = b""
    while not h.endswith(b"\r\n\r\n"):
        h += p.stdout.read(1)
    return json.loads(p.stdout.read(int(h.split(b":")[1])))

def diagnostics():
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return m["params"]["diagnostics"]

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "capabilities": {}, "initializationOptions": {"asOf": "2027-02-15"}}})
recv()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "okr", "version": 1, "text": text}}})
false = [d for d in diagnostics() if d["code"] == "unknown-ref"]
times = []
for v in range(2, edits + 2):
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": v},
                     "contentChanges": [{"text": text.replace("from 0 to 10", f"from 0 to {10 + v}", 1)}]}})
    diagnostics()
    times.append((time.perf_counter() - t0) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
print(f"lsp, a team file of {teams * per_team} objectives in {teams + 1} files: didChange -> "
      f"publishDiagnostics median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms "
      f"({edits} edits){'; FALSE unknown-ref: ' + str(len(false)) if false else ''}")
sys.exit(1 if false else 0)
