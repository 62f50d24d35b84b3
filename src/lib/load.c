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

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OKRC_STDLIB_DIR
#define OKRC_STDLIB_DIR "/usr/local/share/okrc/stdlib"
#endif

struct loader {
    struct plan *plan;
    struct hash *loaded;    /* canonical path → struct source * */
    const struct load_opts *opts;
};

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* dir/name, with ".okr" added when the name has none; NULL when absent. */
static const char *try_path(struct arena *a, const char *dir, const char *name, size_t len)
{
    const char *sep = dir && *dir ? "/" : "";
    const char *base = dir ? dir : "";
    if (!has_suffix(name, len, ".okr")) {
        const char *p = arena_printf(a, "%s%s%.*s.okr", base, sep, (int)len, name);
        if (is_file(p))
            return p;
    }
    const char *p = arena_printf(a, "%s%s%.*s", base, sep, (int)len, name);
    return is_file(p) ? p : NULL;
}

/* The stdlib beside the binary, for running from the source tree. */
static const char *stdlib_beside_binary(struct arena *a)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    return arena_printf(a, "%s/stdlib", dirname(exe));
}

static const char *find_import(struct loader *l, const struct use_decl *u)
{
    struct arena *a = l->plan->arena;
    const char *name = u->path.ptr;
    size_t len = u->path.len;
    if (strncmp(name, "./", 2) == 0 || strncmp(name, "../", 3) == 0)
        return try_path(a, u->from->dir, name, len);
    if (name[0] == '/')
        return try_path(a, NULL, name, len);
    const char *env = getenv("OKRC_PATH");
    if (env) {
        const char *p = env;
        while (*p) {
            size_t k = strcspn(p, ":");
            if (k) {
                const char *found = try_path(a, arena_strndup(a, p, k), name, len);
                if (found)
                    return found;
            }
            p += k + (p[k] == ':');
        }
    }
    const char *beside = stdlib_beside_binary(a);
    const char *found = beside ? try_path(a, beside, name, len) : NULL;
    return found ? found : try_path(a, OKRC_STDLIB_DIR, name, len);
}

/* The overlay's text for a file, as if read from path; NULL when none. */
static struct source *overlay_source(struct loader *l, const char *key, const char *path)
{
    size_t len;
    const char *text = l->opts->overlay ? l->opts->overlay(l->opts->overlay_ctx, key, &len) : NULL;
    if (!text)
        return NULL;
    struct arena *a = l->plan->arena;
    struct source *src = source_from_memory(a, path, text, len, (int)l->plan->sources.len);
    char *copy = arena_strndup(a, path, strlen(path));   /* dirname may modify it */
    const char *dir = dirname(copy);
    src->dir = arena_strndup(a, dir, strlen(dir));
    return src;
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
    struct source *src = overlay_source(l, key ? key : path, path);
    if (!src)
        src = source_read(plan->arena, path, (int)plan->sources.len, err, errlen);
    if (!src)
        return NULL;
    vec_push(plan->arena, &plan->sources, src);
    if (key)
        hash_put(l->loaded, key, strlen(key), src);
    parse_source(plan, src);
    return src;
}

/* Follows every `use` not yet followed; parsing a file may add more. */
static void follow_imports(struct loader *l, size_t *next_use)
{
    struct plan *plan = l->plan;
    for (; *next_use < plan->uses.len; (*next_use)++) {
        struct use_decl *u = plan->uses.items[*next_use];
        const char *path = find_import(l, u);
        if (!path) {
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at,
                        "cannot find '%s' (looked %s)", u->path.ptr,
                        u->path.ptr[0] == '.' ? "beside the importing file"
                                              : "in OKRC_PATH and the standard library");
            continue;
        }
        char err[256];
        u->target = load_file(l, path, err, sizeof err);
        if (!u->target)
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at, "cannot read '%s': %s", path, err);
    }
}

bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts)
{
    struct loader l = {plan, hash_new(plan->arena, 16), opts};
    bool ok = true;
    size_t next_use = 0;
    if (opts->implicit) {
        struct use_decl implicit = {.path = {opts->implicit, strlen(opts->implicit)}};
        const char *path = find_import(&l, &implicit);
        char err[256];
        if (path)
            load_file(&l, path, err, sizeof err);
        follow_imports(&l, &next_use);
    }
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
