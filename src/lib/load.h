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
/* What `use` may reach and how much is read: an untrusted plan must not
 * make okrc read, and print, files outside its repository. */
#define LOAD_DEFAULT_MAX_FILE_SIZE (64u * 1024 * 1024)
/* Files of OKRC_PATH and the stdlib: installed by whoever runs okrc, so
 * --max-file-size does not apply; still bounded. */
#define LOAD_LIBRARY_MAX_FILE_SIZE (256u * 1024 * 1024)
struct load_opts {
    const char *implicit;   /* looked up in the stdlib path before the files;
                             * missing or incomplete: an I/O error */
    const char *root;       /* imports stay under it; NULL: the first file's git work
                             * tree, else its directory */
    bool allow_outside_root;
    size_t max_file_size;   /* bytes; 0: LOAD_DEFAULT_MAX_FILE_SIZE */
    load_overlay_fn overlay;    /* NULL: every file from disk */
    void *overlay_ctx;
};
/* Returns false on an I/O error with a command-line file (exit 2). */
bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts);

#endif
