#!/bin/sh
# tier: full
# Over every golden plan and example, as of dates before, during and after
# their periods: the status, colour, score, forecast, attention list and wins
# of `report -f json` never contradict each other (issue: "0.31 missed …
# forecast (achieved)", "Needs attention: nothing, every key result is on
# track" before the period began). Plans that get no report (syntax errors,
# unresolved references) are skipped; at least 100 reports must be checked.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
python3 - "$OKRC" "$root" <<'PY'
import glob, json, os, subprocess, sys
okrc, root = sys.argv[1], sys.argv[2]
plans = sorted(glob.glob(f"{root}/tests/cases/*.okr") + glob.glob(f"{root}/tests/cases/fixtures/*.okr")
               + glob.glob(f"{root}/tests/cases/*/main.okr") + glob.glob(f"{root}/examples/*.okr"))
dates = ["2026-12-01", "2027-01-01", "2027-02-15", "2027-03-31", "2027-04-01", "2027-08-15", "2028-02-01"]
GREEN_OK = {"on-track", "done", "achieved"}
failures, checked = [], 0

def fail(where, what):
    failures.append(f"{where}: {what}")

def item(where, x, kr):
    s, c, score = x["status"], x["color"], x["score"]
    if not 0 <= score <= 1:
        fail(where, f"score {score} outside 0..1")
    if c == "green" and s not in GREEN_OK:
        fail(where, f"green beside {s}")
    if c == "red" and s in GREEN_OK:
        fail(where, f"red beside {s}")
    if s in ("no-data", "not-started", "dropped") and c != "grey":
        fail(where, f"{c} beside {s}")
    if s in ("on-track", "done") and c != "green":
        fail(where, f"{c} beside {s}")
    if kr:
        f = x["forecast"]
        if f is not None and s in ("achieved", "missed", "not-started", "dropped"):
            fail(where, f"forecast {f['status']} beside the final status {s}")
        if f is not None and f["status"] not in ("achieved", "missed"):
            fail(where, f"forecast status {f['status']}")
        if s == "done" and score < 0.999 and x["grade"] is None:
            fail(where, f"done at score {score}")

for plan in plans:
    for d in dates:
        run = subprocess.run([okrc, "report", "-f", "json", "--as-of", d, os.path.basename(plan)],
                             cwd=os.path.dirname(plan), capture_output=True)
        if run.returncode == 2 or not run.stdout.strip():
            continue
        r = json.loads(run.stdout.decode("utf-8", "replace"))
        checked += 1
        name = f"{os.path.relpath(plan, root)} as of {d}"
        attention = {(a["objective"], a["key_result"]): a for a in r["attention"]}
        wins = {(w["objective"], w["key_result"]) for w in r["wins"]}
        for a in r["attention"]:
            if not a["reasons"]:
                fail(name, f"{a['objective']}.{a['key_result']} needs attention without a reason")
        for o in r["objectives"]:
            item(f"{name}: {o['id']}", o, False)
            for k in o["key_results"]:
                key = (o["id"], k["id"])
                where = f"{name}: {o['id']}.{k['id']}"
                item(where, k, True)
                if k["status"] in ("off-track", "at-risk", "missed") and key not in attention:
                    fail(where, f"{k['status']} but not in the attention list")
                if key in wins and key in attention:
                    fail(where, "both a win and in need of attention")
                if key in wins and k["status"] not in ("achieved", "done"):
                    fail(where, f"a win while {k['status']}")
                if k["status"] in ("achieved", "done") and key not in wins:
                    fail(where, f"{k['status']} but not among the wins")
for f in failures[:40]:
    print("FAIL", f)
print(f"{checked} reports of {len(plans)} plans checked, {len(failures)} contradictions")
sys.exit(1 if failures or checked < 100 else 0)
PY
