/* output.h — -o FILE written atomically: a temporary file in the same
 * directory, renamed over FILE only when everything was written. Without a
 * path (or with "-") the output is standard output. */
#ifndef OKRC_OUTPUT_H
#define OKRC_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
    FILE *file;
    const char *path;
    char *tmp_path;
};
bool output_open(struct output *out, const char *path);
/* Flushes, syncs and renames; false (with a message on stderr) on failure,
 * in which case nothing is left behind. */
bool output_commit(struct output *out);
void output_abort(struct output *out);
/* From a signal handler that ends the run: the -o file being written is
 * removed (async-signal-safe). */
void output_remove_pending(void);

#endif
