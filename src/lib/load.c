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
#include "lib/text.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct loader {
    struct plan *plan;
    struct hash *loaded;    /* "device:inode" → struct source *, so a hard link loads once */
    const struct load_opts *opts;
    const char *root;       /* canonical; imports relative to a file stay under it */
    struct vec search;      /* struct search_dir *: OKRC_PATH, then the stdlibs */
    const char *searched;   /* the stdlib path as "A, B, C", for messages */
};

/* Whether something is there; what it is, source_read checks (and refuses
 * anything but a regular file, saying so). */
static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* An arena copy of realpath(path), or NULL. */
static const char *canonical(struct arena *a, const char *path)
{
    char *c = realpath(path, NULL);
    if (!c)
        return NULL;
    const char *copy = arena_strndup(a, c, strlen(c));
    free(c);
    return copy;
}

/* Whether path is dir or lies below it (both canonical). */
static bool within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return true;
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* dir/name with "." and ".." taken as words, without asking the file
 * system, so that a path leading out is refused before anything is opened
 * (not even whether it exists is learnt). dir is absolute. */
static char *join_lexically(struct arena *a, const char *dir, const char *name, size_t len)
{
    size_t dlen = strlen(dir);
    char *out = arena_alloc(a, dlen + len + 2);
    memcpy(out, dir, dlen);
    size_t n = dlen;
    while (n > 1 && out[n - 1] == '/')
        n--;
    for (size_t i = 0; i < len;) {
        size_t k = 0;
        while (i + k < len && name[i + k] != '/')
            k++;
        if (k == 2 && name[i] == '.' && name[i + 1] == '.') {
            while (n > 1 && out[n - 1] != '/')
                n--;
            if (n > 1)
                n--;    /* the slash, unless it is the root's */
        } else if (k && !(k == 1 && name[i] == '.')) {
            if (n > 1 || out[0] != '/')
                out[n++] = '/';
            memcpy(out + n, name + i, k);
            n += k;
        }
        i += k + 1;
    }
    out[n] = '\0';
    return out;
}

/* A folder imports are looked up in: as the user named it (the paths
 * shown in messages are built from it) and canonical (for the checks). */
struct search_dir {
    const char *shown, *real;
};

/* dir/name as the file system reads it, without "./" steps: a chain of
 * `use "./x"` must not grow "./././" paths. */
static const char *join_shown(struct arena *a, const char *dir, const char *name)
{
    while (strncmp(name, "./", 2) == 0)
        for (name += 2; *name == '/'; name++) {}
    if (!dir || !*dir || strcmp(dir, ".") == 0)
        return arena_strndup(a, name, strlen(name));
    size_t n = strlen(dir);
    return arena_printf(a, "%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

/* name under dir (".okr" added when it has none): the path to open, or NULL.
 * With a limit, a name that leads out of it, by its words or by a symbolic
 * link, sets *outside and finds nothing. */
static const char *find_in(struct loader *l, struct search_dir dir, const char *limit,
                           const char *name, size_t len, bool *outside)
{
    struct arena *a = l->plan->arena;
    for (int with_suffix = !has_suffix(name, len, ".okr"); with_suffix >= 0; with_suffix--) {
        const char *wanted = with_suffix ? arena_printf(a, "%.*s.okr", (int)len, name)
                                         : arena_strndup(a, name, len);
        if (limit && !within(join_lexically(a, dir.real, wanted, strlen(wanted)), limit)) {
            *outside = true;
            return NULL;
        }
        const char *p = join_shown(a, dir.shown, wanted);
        if (!exists(p))
            continue;
        const char *c = canonical(a, p);
        if (limit && (!c || !within(c, limit))) {
            *outside = true;
            return NULL;
        }
        return p;
    }
    return NULL;
}

/* path made absolute by its words alone (cwd is canonical). */
static const char *absolute_lexically(struct arena *a, const char *cwd, const char *path)
{
    return path[0] == '/' ? join_lexically(a, "/", path + 1, strlen(path + 1))
                          : join_lexically(a, cwd, path, strlen(path));
}

const char *load_default_root(struct arena *a, const char *first_file)
{
    const char *cwd = canonical(a, ".");
    if (!cwd)
        return NULL;
    bool is_stdin = !first_file || strcmp(first_file, "-") == 0;
    /* The folders are taken from the path as written: a linked folder in
     * it must not move the root to wherever the link points. */
    const char *abs = absolute_lexically(a, cwd, is_stdin ? "stdin.okr" : first_file);
    char *copy = arena_strndup(a, abs, strlen(abs));
    const char *dir = dirname(copy);
    for (char *d = arena_strndup(a, dir, strlen(dir));; d = dirname(d)) {
        struct stat st;
        if (lstat(arena_printf(a, "%s/.git", d), &st) == 0) {
            const char *top = canonical(a, d);
            return top ? top : d;
        }
        if (strcmp(d, "/") == 0)
            break;
    }
    if (within(dir, cwd))
        return cwd;
    return canonical(a, dir);
}

bool load_within_root(struct arena *a, const char *root, const char *path)
{
    if (strcmp(path, "-") == 0)
        return true;
    const char *real = canonical(a, path);
    if (!real)
        return true;    /* nothing there to read: the read says so, naming nothing else */
    return root && within(real, root);
}

static void set_up_search(struct loader *l, const char *first_file)
{
    struct arena *a = l->plan->arena;
    const char *root = l->opts->root;
    l->root = root ? canonical(a, root) : load_default_root(a, first_file);
    /* OKRC_PATH, then the stdlib relative to the executable, then the
     * configured directory (stdlib_path.h). */
    struct stdlib_path sp;
    stdlib_path_init(&sp, a);
    l->searched = stdlib_path_list(&sp, a);
    const struct vec named = sp.dirs;
    for (size_t i = 0; i < named.len; i++) {
        struct search_dir *d = arena_alloc(a, sizeof *d);
        d->shown = named.items[i];
        d->real = canonical(a, d->shown);
        if (d->real)
            vec_push(a, &l->search, d);
    }
}

/* The root as the user may name it: relative when it is the current folder
 * or below it. */
static const char *shown_root(struct arena *a, const char *root)
{
    if (!root)
        return "(none)";
    const char *cwd = canonical(a, ".");
    if (!cwd || !within(root, cwd))
        return root;
    size_t n = strlen(cwd);
    return root[n] ? root + n + (n > 1) : ".";
}

static const char *find_import(struct loader *l, const struct use_decl *u, bool *outside)
{
    struct arena *a = l->plan->arena;
    const char *name = u->path.ptr;
    size_t len = u->path.len;
    bool confined = !l->opts->allow_outside_root;
    *outside = false;
    if (name[0] == '/') {
        if (confined) {
            *outside = true;
            return NULL;
        }
        return find_in(l, (struct search_dir){"", "/"}, NULL, name, len, outside);
    }
    if (strncmp(name, "./", 2) == 0 || strncmp(name, "../", 3) == 0) {
        const char *dir = u->from ? canonical(a, u->from->dir) : NULL;
        if (!dir)
            return NULL;
        if (confined && !l->root) {
            *outside = true;
            return NULL;
        }
        return find_in(l, (struct search_dir){u->from->dir, dir}, confined ? l->root : NULL, name,
                       len, outside);
    }
    for (size_t i = 0; i < l->search.len; i++) {
        const struct search_dir *dir = l->search.items[i];
        const char *found = find_in(l, *dir, confined ? dir->real : NULL, name, len, outside);
        if (found || *outside)
            return found;
    }
    return NULL;
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
/* library: found in OKRC_PATH or the stdlib, which the person running okrc
 * installed; the size limit guards against the plan's own files. */
static struct source *load_file(struct loader *l, const char *path, bool library, char *err,
                                size_t errlen)
{
    struct plan *plan = l->plan;
    const char *key = NULL;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0) {
        key = arena_printf(plan->arena, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
        struct source *seen = hash_get(l->loaded, key, strlen(key));
        if (seen)
            return seen;
    }
    size_t max = library ? LOAD_LIBRARY_MAX_FILE_SIZE
               : l->opts->max_file_size ? l->opts->max_file_size : LOAD_DEFAULT_MAX_FILE_SIZE;
    /* The overlay knows files by their canonical path (an editor's URI). */
    const char *real = strcmp(path, "-") != 0 ? canonical(plan->arena, path) : NULL;
    struct source *src = overlay_source(l, real ? real : path, path);
    if (!src)
        src = source_read(plan->arena, path, (int)plan->sources.len, max, !l->opts->keep_copies, err,
                          errlen);
    if (!src)
        return NULL;
    vec_push(plan->arena, &plan->sources, src);
    if (key)
        hash_put(l->loaded, key, strlen(key), src);
    parse_source(plan, src);
    source_scanned(src);
    return src;
}

/* The .okr files below dir (at most a few levels and a few hundred names:
 * this runs only for an import that was not found), as names a `use` can
 * give: "std/bsc" for dir/std/bsc.okr. */
static void library_names(struct arena *a, const char *dir, const char *prefix, int depth,
                          struct vec *out)
{
    struct dirent **entries;
    int n = depth > 3 || out->len > 500 ? -1 : scandir(dir, &entries, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *e = entries[i]->d_name;
        size_t len = strlen(e);
        if (e[0] != '.') {
            const char *path = arena_printf(a, "%s/%s", dir, e);
            const char *name = arena_printf(a, "%s%s%s", prefix, *prefix ? "/" : "", e);
            struct stat st;
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
                library_names(a, path, name, depth + 1, out);
            else if (len > 4 && strcmp(e + len - 4, ".okr") == 0)
                vec_push(a, out, arena_strndup(a, name, strlen(name) - 4));
        }
        free(entries[i]);
    }
    if (n >= 0)
        free(entries);
}

/* "; did you mean 'std/bsc'?" for a misspelt library import, else "". */
static const char *library_suggestion(struct loader *l, const char *wanted, size_t len)
{
    struct arena *a = l->plan->arena;
    struct vec names = {0};
    for (size_t i = 0; i < l->search.len; i++)
        library_names(a, ((const struct search_dir *)l->search.items[i])->real, "", 0, &names);
    char *bare = arena_strndup(a, wanted, len);
    if (len > 4 && strcmp(bare + len - 4, ".okr") == 0)
        bare[len - 4] = '\0';
    const char *best = text_nearest_of(bare, (const char *const *)names.items, names.len);
    return best ? arena_printf(a, "; did you mean '%s'?", best) : "";
}

/* "; a path relative to this file starts with './': write \"./teams/eu\""
 * when a library path names a file beside the importing one, as a new user
 * writes `use "teams/eu.okr"`; else the library suggestion. */
static const char *import_suggestion(struct loader *l, const struct use_decl *u)
{
    struct arena *a = l->plan->arena;
    const char *from = u->at.src ? u->at.src->path : NULL;
    const char *slash = from ? strrchr(from, '/') : NULL;
    int dir_len = slash ? (int)(slash - from) : 0;
    const char *beside = slash ? arena_printf(a, "%.*s/%.*s", dir_len, from, (int)u->path.len, u->path.ptr)
                               : arena_strndup(a, u->path.ptr, u->path.len);
    struct stat st;
    bool okr = u->path.len > 4 && memcmp(u->path.ptr + u->path.len - 4, ".okr", 4) == 0;
    if ((stat(beside, &st) == 0 && S_ISREG(st.st_mode)) ||
        (!okr && stat(arena_printf(a, "%s.okr", beside), &st) == 0 && S_ISREG(st.st_mode)))
        return arena_printf(a, "; a path beside this file starts with './': write \"./%s\"",
                            text_excerpt(a, u->path.ptr, u->path.len, 120));
    return library_suggestion(l, u->path.ptr, u->path.len);
}

/* Follows every `use` not yet followed; parsing a file may add more.
 * Returns how many could not be loaded. */
static size_t follow_imports(struct loader *l, size_t *next_use)
{
    size_t failed = 0;
    struct plan *plan = l->plan;
    for (; *next_use < plan->uses.len; (*next_use)++) {
        struct use_decl *u = plan->uses.items[*next_use];
        bool outside;
        const char *path = find_import(l, u, &outside);
        const char *name = text_excerpt(plan->arena, u->path.ptr, u->path.len, 120);
        bool library = u->path.ptr[0] != '.' && u->path.ptr[0] != '/';
        if (outside) {
            /* Nothing of the target: not its contents, not even whether it exists. */
            const char *where =
                u->path.ptr[0] == '/' || u->path.ptr[0] == '.'
                    ? arena_printf(plan->arena, "the plan's root '%s'", shown_root(plan->arena, l->root))
                    : "the OKRC_PATH or standard library folder it was looked up in";
            diag_report(plan->diags, R_IMPORT_OUTSIDE_ROOT, u->at,
                        "'%s' %s %s; imports stay inside the plan's root, OKRC_PATH and the "
                        "standard library (--root DIR sets the root, --allow-outside-root "
                        "lifts the limit)",
                        name, u->path.ptr[0] == '/' ? "is an absolute path, outside" : "leads outside",
                        where);
            failed++;
            continue;
        }
        if (!path) {
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at,
                        "cannot find '%s' (looked %s)%s", name,
                        library ? "in OKRC_PATH and the standard library" : "beside the importing file",
                        library ? import_suggestion(l, u) : "");
            failed++;
            continue;
        }
        char err[256];
        u->target = load_file(l, path, library, err, sizeof err);
        if (!u->target) {
            diag_report(plan->diags, R_IMPORT_NOT_FOUND, u->at, "cannot read '%s': %s", name, err);
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
    struct use_decl implicit = {.path = {name, strlen(name)}};
    bool outside;
    const char *path = find_import(l, &implicit, &outside);
    if (!path) {
        fprintf(stderr, "okrc: error: cannot find the standard library: no '%s.okr' in %s "
                        "(set OKRC_PATH, or reinstall okrc)\n", name, l->searched);
        return false;
    }
    char err[256];
    if (!load_file(l, path, true, err, sizeof err)) {
        fprintf(stderr, "okrc: error: cannot read the standard library's '%s': %s\n", path, err);
        return false;
    }
    if (follow_imports(l, next_use) > 0) {
        fprintf(stderr, "okrc: error: the standard library is incomplete: '%s' uses files "
                        "missing or unreadable (searched %s)\n", path, l->searched);
        return false;
    }
    return true;
}

void load_refuse_outside(struct plan *plan, const char *root, const char *path)
{
    /* An empty stand-in source: the finding gets the file's name and a
     * place in every format, and not one byte of what the path leads to. */
    struct source *src = source_from_memory(plan->arena, path, "", 0, (int)plan->sources.len);
    vec_push(plan->arena, &plan->sources, src);
    struct stat st;
    bool link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    diag_report(plan->diags, R_FILE_OUTSIDE_ROOT, (span){src, 0, 0},
                "'%s' %s outside the plan's root '%s', so okrc does not read it; "
                "'okrc explain file-outside-root' says what to do",
                text_excerpt(plan->arena, path, strlen(path), 120),
                link ? "is a symbolic link leading" : "lies", shown_root(plan->arena, root));
}

bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts)
{
    struct loader l = {plan, hash_new(plan->arena, 16), opts, NULL, {0}, ""};
    set_up_search(&l, n ? paths[0] : NULL);
    bool ok = true;
    size_t next_use = 0;
    if (opts->implicit && !load_implicit(&l, opts->implicit, &next_use))
        ok = false;
    for (size_t i = 0; i < n; i++) {
        char err[256];
        if (!opts->allow_outside_root && !load_within_root(plan->arena, l.root, paths[i])) {
            load_refuse_outside(plan, l.root, paths[i]);
            continue;
        }
        if (!load_file(&l, paths[i], false, err, sizeof err)) {
            if (!opts->quiet)
                fprintf(stderr, "okrc: error: cannot read '%s': %s\n", paths[i], err);
            ok = false;
        }
        follow_imports(&l, &next_use);
    }
    hash_free(l.loaded);
    return ok;
}
