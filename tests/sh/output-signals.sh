#!/bin/sh
# SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2, SIGALRM, SIGPIPE and the
# other catchable signals that end a process, while `-o FILE` is being written, remove the
# temporary file: nothing is left behind, the old FILE is untouched, and the
# command dies of the signal (128+N to a shell). The signal is sent once the
# temporary file exists (no sleeping, no clock): the map's layout of a large
# plan takes long enough to be inside the write.
set -u
: "${OKRC:?set OKRC to the okrc binary}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$t/plan.okr" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1500):
        up = f" aligns o{(i - 1) // 3}" if i else ""
        f.write(f'objective o{i} "Objective number {i} of the map"{{{up} owner @p period 2027\n'
                f'  kr k "Result of objective {i}" {{ from 0 to 10 }} }}\n')
PY
# The command starts with default signal dispositions, even when this test
# was started with SIGINT ignored (as a shell's background job is) or SIGHUP
# ignored (under nohup).
python3 - "$OKRC" "$t" <<'PY'
import glob, os, signal, subprocess, sys
okrc, t = sys.argv[1], sys.argv[2]
fail = 0
for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGPIPE",
             "SIGXCPU", "SIGVTALRM", "SIGPROF"):
    sig = getattr(signal, name)
    out = os.path.join(t, "map.png")
    with open(out, "w") as f:
        f.write("old map\n")
    p = subprocess.Popen([okrc, "graph", "--as-of", "2027-02-15", "-T", "png", "-o", out,
                          os.path.join(t, "plan.okr")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL)
                                             for s in (signal.SIGINT, signal.SIGHUP)])
    seen = False
    while p.poll() is None and not seen:
        seen = bool(glob.glob(out + ".tmp-*"))
    if not seen:
        print(f"FAIL {name}: the command ended before its temporary file was seen")
        fail = 1
        continue
    p.send_signal(sig)
    p.wait()
    err = p.stderr.read().decode(errors="replace")
    left = glob.glob(out + ".tmp-*")
    if left:
        print(f"FAIL {name}: left behind {left}")
        fail = 1
    elif p.returncode != -sig:
        print(f"FAIL {name}: exit {p.returncode}, wanted death by the signal; {err[-300:]}")
        fail = 1
    elif open(out).read() != "old map\n":
        print(f"FAIL {name}: the old file was changed")
        fail = 1
    else:
        print(f"ok {name}: temporary file removed, old file kept")
sys.exit(fail)
PY
