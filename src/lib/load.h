/* load.h — files and `use` imports into one plan, each source parsed. */
#ifndef OKRC_LOAD_H
#define OKRC_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct plan;
/* Text standing in for a file on disk (an editor's unsaved buffer): called
 * with the file's canonical path (the path as given when it has none);
 * returns the bytes and sets *len, or NULL to read the disk. */
typedef const char *(*load_overlay_fn)(void *ctx, const char *path, size_t *len);
struct load_opts {
    const char *implicit;   /* loaded before the files, silently skipped if absent */
    load_overlay_fn overlay;    /* NULL: every file from disk */
    void *overlay_ctx;
};
/* Returns false on an I/O error with a command-line file (exit 2). */
bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts);

#endif
