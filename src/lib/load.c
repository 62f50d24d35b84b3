/* load.c — the files of one plan: those on the command line and everything
 * they `use`, each loaded and parsed once. */
#define _GNU_SOURCE
#include "lib/load.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/stdlib_path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loader {
    struct plan *plan;
    struct hash *loaded;    /* canonical path → struct source * */
    const struct load_opts *opts;
    struct stdlib_path search;
};

static const char *find_import(struct loader *l, const struct use_decl *u)
{
    struct arena *a = l->plan->arena;
    const char *name = u->path.ptr;
    size_t len = u->path.len;
    if (strncmp(name, "./", 2) == 0 || strncmp(name, "../", 3) == 0)
        return okr_file_in(a, u->from->dir, name, len);
    if (name[0] == '/')
        return okr_file_in(a, NULL, name, len);
    return stdlib_path_find(&l->search, a, name, len, NULL);
}

/* Loads and parses path unless it was loaded already. Returns the source, or
 * NULL with err filled on an I/O error. */
static struct source *load_file(struct loader *l, const char *path, char *err, size_t errlen)
{
    struct plan *plan = l->plan;
    const char *key = NULL;
    if (strcmp(path, "-") != 0) {
        char *canon = realpath(path, NULL);
        if (canon) {
            key = arena_strndup(plan->arena, canon, strlen(canon));
            free(canon);
            struct source *seen = hash_get(l->loaded, key, strlen(key));
            if (seen)
                return seen;
        }
    }
    struct source *src = source_read(plan->arena, path, (int)plan->sources.len, err, errlen);
    if (!src)
        return NULL;
    vec_push(plan->arena, &plan->sources, src);
    if (key)
        hash_put(l->loaded, key, strlen(key), src);
    parse_source(plan, src);
    return src;
}

/* Follows every `use` not yet followed; parsing a file may add more.
 * Returns how many could not be found or read. */
static size_t follow_imports(struct loader *l, size_t *next_use)
{
    size_t failed = 0;
    struct plan *plan = l->plan;
    for (; *next_use < plan->uses.len; (*next_use)++) {
        struct use_decl *u = plan->uses.items[*next_use];
        const char *path = find_import(l, u);
        if (!path) {
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at,
                        "cannot find '%s' (looked %s)", u->path.ptr,
                        u->path.ptr[0] == '.' ? "beside the importing file"
                                              : "in OKRC_PATH and the standard library");
            failed++;
            continue;
        }
        char err[256];
        u->target = load_file(l, path, err, sizeof err);
        if (!u->target) {
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at, "cannot read '%s': %s", path, err);
            failed++;
        }
    }
    return failed;
}

/* The implicit import and what it uses. Losing any of it would check the
 * plan against fewer rules without a word, so it is an I/O error (exit 2)
 * that names every directory searched. */
static bool load_implicit(struct loader *l, const char *name, size_t *next_use)
{
    struct arena *a = l->plan->arena;
    const char *searched = stdlib_path_list(&l->search, a);
    const char *path = stdlib_path_find(&l->search, a, name, strlen(name), NULL);
    if (!path) {
        fprintf(stderr, "okrc: error: cannot find the standard library: no '%s.okr' in %s "
                        "(set OKRC_PATH, or reinstall okrc)\n", name, searched);
        return false;
    }
    char err[256];
    if (!load_file(l, path, err, sizeof err)) {
        fprintf(stderr, "okrc: error: cannot read the standard library's '%s': %s\n", path, err);
        return false;
    }
    if (follow_imports(l, next_use) > 0) {
        fprintf(stderr, "okrc: error: the standard library is incomplete: '%s' uses files "
                        "missing or unreadable (searched %s)\n", path, searched);
        return false;
    }
    return true;
}

bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts)
{
    struct loader l = {plan, hash_new(plan->arena, 16), opts, {{0}}};
    stdlib_path_init(&l.search, plan->arena);
    bool ok = true;
    size_t next_use = 0;
    if (opts->implicit && !load_implicit(&l, opts->implicit, &next_use))
        ok = false;
    for (size_t i = 0; i < n; i++) {
        char err[256];
        if (!load_file(&l, paths[i], err, sizeof err)) {
            fprintf(stderr, "okrc: error: cannot read '%s': %s\n", paths[i], err);
            ok = false;
        }
        follow_imports(&l, &next_use);
    }
    hash_free(l.loaded);
    return ok;
}
