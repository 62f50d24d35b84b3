/* output.c — output files that are whole or absent, never half-written. */
#define _GNU_SOURCE
#include "cmd/output.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one temporary file being written, for the signal handler below: a
 * handler reaches nothing but statics, so this is the one global of the
 * commands. A run writes at most one -o file at a time. */
static char *volatile pending_tmp;

/* Any catchable signal whose default is to end the process, during a
 * write: remove the temporary file, then die of the signal as if there were
 * no handler (the shell sees 128+N). unlink and raise are async-signal-safe;
 * SA_RESETHAND restored the default. (Crashes, SIGSEGV and its kind, are
 * left to the sanitizers and the default.) */
static void remove_pending(int sig)
{
    char *p = pending_tmp;
    if (p)
        unlink(p);
    raise(sig);
}

void output_remove_pending(void)
{
    char *p = pending_tmp;
    if (p)
        unlink(p);
}

static void watch_signals(void)
{
    static const int signals[] = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1,
                                  SIGUSR2, SIGPOLL, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction old, sa = {.sa_handler = remove_pending,
                                    .sa_flags = SA_RESETHAND | SA_NODEFER};
        sigemptyset(&sa.sa_mask);
        /* A signal ignored by whoever started us (nohup) stays ignored. */
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(signals[i], &sa, NULL);
    }
}

/* Before the path is freed or renamed away: the handler must never see a
 * freed or reused name. */
static void forget_pending(void)
{
    pending_tmp = NULL;
}

/* A device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place:
 * renaming a temporary file over it would replace the device node. */
static bool open_special(struct output *out, const char *path)
{
    out->file = fopen(path, "w");
    if (!out->file)
        fprintf(stderr, "okrc: error: cannot write '%s': %s\n", path, strerror(errno));
    return out->file != NULL;
}

bool output_open(struct output *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->file = stdout;
        return true;
    }
    out->path = path;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return open_special(out, path);
    size_t n = strlen(path);
    out->tmp_path = malloc(n + 16);
    if (!out->tmp_path) {
        fputs("okrc: error: out of memory\n", stderr);
        return false;
    }
    snprintf(out->tmp_path, n + 16, "%s.tmp-XXXXXX", path);
    /* Watched from before mkstemp creates it: no window in which a signal
     * leaves it behind. (A signal before mkstemp fills the name unlinks the
     * template, which does not exist.) */
    watch_signals();
    pending_tmp = out->tmp_path;
    int fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        fprintf(stderr, "okrc: error: cannot write '%s': %s\n", path, strerror(errno));
        forget_pending();
        free(out->tmp_path);
        out->tmp_path = NULL;
        return false;
    }
    mode_t mask = umask(0);     /* mkstemp makes 0600; give the usual mode */
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    out->file = fdopen(fd, "w");
    if (!out->file) {
        fprintf(stderr, "okrc: error: cannot write '%s': %s\n", path, strerror(errno));
        close(fd);
        output_abort(out);
        return false;
    }
    return true;
}

bool output_commit(struct output *out)
{
    if (!out->tmp_path && out->file != stdout) {
        bool ok = fflush(out->file) == 0 && !ferror(out->file);
        int err = errno;
        if (fclose(out->file) != 0 && ok) {
            ok = false;
            err = errno;
        }
        out->file = NULL;
        if (!ok)
            fprintf(stderr, "okrc: error: cannot write '%s': %s\n", out->path, strerror(err));
        return ok;
    }
    if (!out->tmp_path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            if (errno != EPIPE)
                fprintf(stderr, "okrc: error: cannot write standard output: %s\n", strerror(errno));
            return false;
        }
        return true;
    }
    bool ok = fflush(out->file) == 0 && !ferror(out->file) && fsync(fileno(out->file)) == 0;
    int err = errno;
    if (fclose(out->file) != 0 && ok) {
        ok = false;
        err = errno;
    }
    out->file = NULL;
    if (ok && rename(out->tmp_path, out->path) != 0) {
        ok = false;
        err = errno;
    }
    if (ok)
        forget_pending();   /* renamed: the name is the user's file now */
    if (!ok) {
        fprintf(stderr, "okrc: error: cannot write '%s': %s\n", out->path, strerror(err));
        output_abort(out);
        return false;
    }
    free(out->tmp_path);
    out->tmp_path = NULL;
    return true;
}

void output_abort(struct output *out)
{
    if (out->file && out->file != stdout)
        fclose(out->file);
    out->file = NULL;
    if (out->tmp_path) {
        unlink(out->tmp_path);
        forget_pending();
        free(out->tmp_path);
        out->tmp_path = NULL;
    }
}
