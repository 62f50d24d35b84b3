/* load.h — files and `use` imports into one plan, each source parsed. */
#ifndef OKRC_LOAD_H
#define OKRC_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct plan;
struct load_opts {
    const char *implicit;   /* looked up in the stdlib path before the files;
                             * missing or incomplete: an I/O error */
};
/* Returns false on an I/O error with a command-line file (exit 2). */
bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts);

#endif
