/* output.c — output files that are whole or absent, never half-written. */
#define _GNU_SOURCE
#include "cmd/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    int fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        fprintf(stderr, "okrc: error: cannot write '%s': %s\n", path, strerror(errno));
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
        free(out->tmp_path);
        out->tmp_path = NULL;
    }
}
