#!/usr/bin/env python3
"""Runs the steps of a composite GitHub Action (action.yml) on this machine
the way GitHub's runner does, for tests: GitHub itself is not reachable.

    run-action.py ACTION_DIR WORKSPACE [INPUT=VALUE ...]

Each `run:` step is written to a file and run as GitHub runs `shell: bash`
(bash --noprofile --norc -eo pipefail FILE) in WORKSPACE, with the step's
`env:` and the runner's variables (GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY, RUNNER_TEMP). Expressions
`${{ inputs.X }}`, `${{ github.action_path }}` and
`${{ steps.ID.outputs.X }}` are evaluated; anything else (another
expression, `uses:`, `if:`, a shell other than bash) is an error, so that the
action cannot silently depend on something this runner does not do.
Prints the action's outputs as `output NAME=VALUE`, and writes the job
summary to $RUNNER_TEMP/summary.md; exits with the failing step's status.
"""
import os
import re
import subprocess
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def main():
    action_dir, workspace = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    if spec["runs"]["using"] != "composite":
        sys.exit("run-action: not a composite action")
    inputs = {k: str(v.get("default", "")) for k, v in spec.get("inputs", {}).items()}
    for arg in sys.argv[3:]:
        name, _, value = arg.partition("=")
        if name not in inputs:
            sys.exit(f"run-action: the action has no input '{name}'")
        inputs[name] = value
    temp = os.environ.get("RUNNER_TEMP") or sys.exit("run-action: set RUNNER_TEMP")
    steps = {}

    def evaluate(m):
        parts = m.group(1).split(".")
        if parts[0] == "inputs" and len(parts) == 2 and parts[1] in inputs:
            return inputs[parts[1]]
        if parts == ["github", "action_path"]:
            return action_dir
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return steps.get(parts[1], {}).get(parts[3], "")
        sys.exit(f"run-action: cannot evaluate '{m.group(0)}'")

    path_file = os.path.join(temp, "path")
    summary = os.path.join(temp, "summary.md")
    open(path_file, "w").close()
    open(summary, "w").close()
    rc = 0
    for i, step in enumerate(spec["runs"]["steps"]):
        unknown = set(step) - {"name", "id", "shell", "run", "env"}
        if unknown or step.get("shell") != "bash":
            sys.exit(f"run-action: step {i} uses {sorted(unknown) or step.get('shell')}, which this runner does not do")
        script = os.path.join(temp, f"step{i}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(EXPR.sub(evaluate, step["run"]))
        output = os.path.join(temp, f"output{i}")
        open(output, "w").close()
        env = dict(os.environ)
        with open(path_file, encoding="utf-8") as f:
            added = [line.strip() for line in f if line.strip()]
        env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
        env.update(GITHUB_ACTION_PATH=action_dir, GITHUB_WORKSPACE=workspace, GITHUB_OUTPUT=output,
                   GITHUB_PATH=path_file, GITHUB_STEP_SUMMARY=summary, GITHUB_ACTIONS="true", CI="true")
        for k, v in (step.get("env") or {}).items():
            env[k] = EXPR.sub(evaluate, str(v))
        print(f"run-action: step {step.get('name', i)}", flush=True)
        rc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                            cwd=workspace, env=env).returncode
        with open(output, encoding="utf-8") as f:
            steps[step.get("id", f"step{i}")] = dict(
                line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        if rc != 0:
            break
    for name, out in spec.get("outputs", {}).items():
        print(f"output {name}={EXPR.sub(evaluate, str(out['value']))}")
    sys.exit(rc)


if __name__ == "__main__":
    main()
