"""One run of a command for make bench (tests/bench/run.sh): its output to
/dev/null, and what the kernel accounted for it.

run(argv) -> (wall seconds, user seconds, system seconds, peak RSS in MiB)
"""
import os
import time


def run(argv):
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execvp(argv[0], argv)
    _, _, ru = os.wait4(pid, 0)
    return time.perf_counter() - t0, ru.ru_utime, ru.ru_stime, ru.ru_maxrss / 1024
