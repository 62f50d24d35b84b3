/* stdlib_path.h — where an import that is neither relative nor absolute
 * (`use "std/bsc"`, the implicit std/rules/default) is looked up, in order:
 * each directory of OKRC_PATH; the standard library relative to the running
 * executable (stdlib/ beside it in the source tree, ../share/okrc/stdlib
 * when installed, wherever the tree was moved); the directory configured
 * when okrc was built. */
#ifndef OKRC_STDLIB_PATH_H
#define OKRC_STDLIB_PATH_H

#include <stddef.h>

#include "lib/arena.h"

struct stdlib_path {
    struct vec dirs;        /* const char *, in search order */
};

/* Fills sp from the environment and the executable's location. */
void stdlib_path_init(struct stdlib_path *sp, struct arena *a);
/* dir/name, with ".okr" tried first when name lacks it; NULL unless a
 * regular file. dir may be NULL (name used as it is). */
const char *okr_file_in(struct arena *a, const char *dir, const char *name, size_t len);
/* name in the first directory of sp that has it, or NULL; *dir_out (when
 * not NULL) gets that directory. */
const char *stdlib_path_find(const struct stdlib_path *sp, struct arena *a, const char *name,
                             size_t len, const char **dir_out);
/* The directories as "A, B, C" for messages ("(none)" when empty). */
const char *stdlib_path_list(const struct stdlib_path *sp, struct arena *a);
/* The directory configured at build time. */
const char *stdlib_configured_dir(void);

#endif
