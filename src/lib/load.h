/* load.h — files and `use` imports into one plan, each source parsed. */
#ifndef OKRC_LOAD_H
#define OKRC_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
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
    bool quiet;             /* no message on standard error (a file read to learn its plan) */
    bool no_lint;           /* the model without the configurable rules' findings: for
                             * commands that compare or copy plans (diff, report --history) */
    bool no_progress;       /* no scores computed (kr->progress stays NULL): for check,
                             * whose findings need none */
    bool no_objective_table;    /* plan->objective_ids dropped once resolve is done (NULL
                                 * after): for check, which looks no objective up later,
                                 * and whose peak memory it was 0.4 MB of */
    void *overlay_ctx;
    /* Every file's bytes stay copied in memory: for the language server,
     * which keeps a plan for hours while its files are saved in place.
     * Otherwise a large file's scanned bytes go back to the page cache
     * (source_hand_back), and a file truncated meanwhile stops the run. */
    bool keep_copies;
};
/* The plan's root when no --root is given: the git work tree around the
 * first file (found from its path as written, so that a linked folder
 * cannot move it), else the current folder when the file lies below it,
 * else the file's folder. Canonical; NULL when it cannot be resolved. */
const char *load_default_root(struct arena *a, const char *first_file);
/* Whether path ("-" is standard input) is inside root once every link is
 * resolved. Files on the command line, under a folder and imported must
 * be: a committed link to /proc/self/environ must not print secrets. */
bool load_within_root(struct arena *a, const char *root, const char *path);
/* Reports path as file-outside-root, through an empty stand-in source so
 * that the finding has a place in every format. */
void load_refuse_outside(struct plan *plan, const char *root, const char *path);
/* Returns false on an I/O error with a command-line file (exit 2). */
bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts);

#endif
