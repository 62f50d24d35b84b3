#!/usr/bin/env python3
"""formats_agree.py OKRC FILE...: every finding in every machine format.

For each plan file, every finding of `okrc check --format json` has a file
and a line, and JSON, SARIF and GitLab Code Quality must carry the same findings (rule and line, as a multiset): a finding that one
format drops (say, because its message was cut inside a UTF-8 character and
the JSON library refused it) fails. Prints one line per disagreement and a
summary; exits 1 on any.
"""
import collections, json, os, subprocess, sys


def findings(okrc, path, fmt):
    p = subprocess.run([okrc, "check", "--format", fmt, "--color=never", "--as-of", "2027-02-15",
                        os.path.basename(path)], cwd=os.path.dirname(path) or ".",
                       capture_output=True, timeout=60)
    if p.returncode not in (0, 1):
        return None, f"exit {p.returncode}"
    try:
        doc = json.loads(p.stdout)
    except ValueError as e:
        return None, f"not JSON: {e}"
    if fmt == "json":
        found = [(d["rule"], d.get("line", 0)) for d in doc["diagnostics"]]
        placeless = [d["message"] for d in doc["diagnostics"] if not d.get("file") or d.get("line", 0) < 1]
        if placeless:
            return None, f"findings without a file and line: {placeless[:3]}"
    elif fmt == "sarif":
        found = []
        for r in doc["runs"][0]["results"]:
            locs = r.get("locations") or []
            line = locs[0]["physicalLocation"].get("region", {}).get("startLine", 0) if locs else 0
            found.append((r["ruleId"], line))
    else:
        found = [(i["check_name"], i["location"]["lines"]["begin"] if i["location"].get("path") else 0)
                 for i in doc]
    return collections.Counter(found), None


def main():
    okrc = os.path.abspath(sys.argv[1])
    paths = [p for p in sys.argv[2:] if os.path.isfile(p)]
    bad = 0
    for path in paths:
        got = {fmt: findings(okrc, path, fmt) for fmt in ("json", "sarif", "codequality")}
        errors = [f"{fmt}: {err}" for fmt, (_, err) in got.items() if err]
        if errors:
            print(f"FAIL {path}: {'; '.join(errors)}")
            bad += 1
            continue
        ref = got["json"][0]
        for fmt in ("sarif", "codequality"):
            if got[fmt][0] != ref:
                print(f"FAIL {path}: {fmt} differs from json: only in json {dict(ref - got[fmt][0])}, "
                      f"only in {fmt} {dict(got[fmt][0] - ref)}")
                bad += 1
    print(f"{'FAIL' if bad else 'ok'}: {len(paths)} plans, {bad} disagreeing")
    sys.exit(1 if bad else 0)


main()
