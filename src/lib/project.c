/* project.c — see project.h. Each candidate is loaded on its own (parsed
 * with everything it uses, nothing checked) to learn which files its plan
 * reads; the candidates no other one reads are the entries. */
#define _GNU_SOURCE
#include "lib/project.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/load.h"
#include "lib/model.h"
#include "lib/plan.h"

#include <dirent.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An arena copy of realpath(path), or the path itself. */
static const char *canonical(struct arena *a, const char *path)
{
    char *c = realpath(path, NULL);
    const char *copy = arena_strndup(a, c ? c : path, strlen(c ? c : path));
    free(c);
    return copy;
}

/* Whether a file could import another by a relative path: it holds "./ or
 * "../ in its first PROJECT_SCAN_BYTES (imports open a file). Most files of
 * a folder of separate plans do not, and are not parsed at all; a large
 * plan beside the named file costs one read of its head. */
#define PROJECT_SCAN_BYTES (64u * 1024)
static bool may_import(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool found = false;
    char buf[4096 + 4] = {0};   /* bytes scanned, not kept: 3 carried over between reads */
    size_t carry = 0, total = 0, got;
    while (!found && total < max && (got = fread(buf + carry, 1, 4096, f)) > 0) {
        size_t n = carry + got;
        found = memmem(buf, n, "\"./", 3) || memmem(buf, n, "\"../", 4);
        total += got;
        carry = n < 3 ? n : 3;
        memmove(buf, buf + n - carry, carry);
    }
    fclose(f);
    return found;
}

/* The canonical paths of the files a candidate's plan reads through
 * relative imports (`use "./x"`), itself too: a library import (`std/bsc`,
 * OKRC_PATH) makes no file part of a plan. */
static struct vec reads_of(struct arena *a, const char *candidate, const struct load_opts *opts)
{
    struct arena scratch = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &scratch);
    plan_init(&plan, &scratch, &diags);
    struct load_opts quiet = *opts;
    quiet.implicit = NULL;
    quiet.quiet = true;
    load_plan(&plan, &candidate, 1, &quiet);
    struct vec out = {0};
    if (plan.sources.len)
        vec_push(a, &out, (void *)canonical(a, ((const struct source *)plan.sources.items[0])->path));
    for (size_t i = 0; i < plan.uses.len; i++) {
        const struct use_decl *u = plan.uses.items[i];
        if (u->target && u->path.ptr[0] == '.')
            vec_push(a, &out, (void *)canonical(a, u->target->path));
    }
    plan_free(&plan);
    arena_free(&scratch);
    return out;
}

/* The .okr files in the folder of each named file and in every folder
 * above it up to root (canonical), not below them: a plan's entry sits
 * beside or above its parts. Absolute paths, each folder once. */
void project_candidates(struct arena *a, const char *root, const char *const *named, size_t n,
                        char ***files, int *count)
{
    struct vec out = {0};
    struct hash *seen = hash_new(a, 64);
    size_t root_len = strlen(root);
    for (size_t i = 0; i < n; i++) {
        char *real = realpath(named[i], NULL);
        if (!real)
            continue;
        char *dir = dirname(arena_strndup(a, real, strlen(real)));
        free(real);
        while (strncmp(dir, root, root_len) == 0 && (dir[root_len] == '/' || dir[root_len] == '\0')) {
            if (!hash_get(seen, dir, strlen(dir))) {
                hash_put(seen, dir, strlen(dir), dir);
                struct dirent **entries;
                int k = scandir(dir, &entries, NULL, alphasort);
                for (int e = 0; e < k; e++) {
                    const char *name = entries[e]->d_name;
                    size_t len = strlen(name);
                    struct stat st;
                    char *path = arena_printf(a, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
                    if (name[0] != '.' && len > 4 && strcmp(name + len - 4, ".okr") == 0 &&
                        stat(path, &st) == 0 && S_ISREG(st.st_mode))
                        vec_push(a, &out, path);
                    free(entries[e]);
                }
                if (k >= 0)
                    free(entries);
            }
            if (strcmp(dir, root) == 0 || strcmp(dir, "/") == 0)
                break;
            dir = dirname(arena_strndup(a, dir, strlen(dir)));
        }
    }
    hash_free(seen);
    *files = (char **)out.items;
    *count = (int)out.len;
}

bool project_find(struct arena *a, const char *const *candidates, size_t n_candidates,
                  const char *const *named, size_t n_named, const struct load_opts *opts,
                  struct project *out)
{
    *out = (struct project){arena_alloc(a, (n_candidates + 1) * sizeof *out->entries), 0};
    if (n_candidates > PROJECT_MAX_FILES)
        return false;
    struct vec *reads = arena_alloc(a, (n_candidates + 1) * sizeof *reads);
    const char **self = arena_alloc(a, (n_candidates + 1) * sizeof *self);
    struct hash *read_by_other = hash_new(a, n_candidates);
    size_t max = PROJECT_SCAN_BYTES;
    for (size_t i = 0; i < n_candidates; i++) {
        /* A file that imports nothing by a relative path is no entry of a
         * larger plan, and what reads it is found from the others. */
        if (!may_import(candidates[i], max))
            continue;
        self[i] = canonical(a, candidates[i]);
        reads[i] = reads_of(a, candidates[i], opts);
        for (size_t k = 0; k < reads[i].len; k++)
            if (strcmp(reads[i].items[k], self[i]) != 0)
                hash_put(read_by_other, reads[i].items[k], strlen(reads[i].items[k]), (void *)self[i]);
    }
    const char **wanted = arena_alloc(a, (n_named + 1) * sizeof *wanted);
    for (size_t j = 0; j < n_named; j++)
        wanted[j] = canonical(a, named[j]);
    for (size_t i = 0; i < n_candidates; i++) {
        if (!self[i] || hash_get(read_by_other, self[i], strlen(self[i])))
            continue;               /* imports nothing, or read by another file: not an entry */
        bool reads_named = false;
        for (size_t j = 0; j < n_named; j++) {
            if (strcmp(wanted[j], self[i]) == 0)
                continue;
            for (size_t k = 0; k < reads[i].len; k++)
                if (strcmp(reads[i].items[k], wanted[j]) == 0)
                    reads_named = true;
        }
        if (reads_named)
            out->entries[out->n_entries++] = candidates[i];
    }
    hash_free(read_by_other);
    return true;
}

/* Whether a file declares a plan: a line that opens with `plan "` in its
 * first PROJECT_SCAN_BYTES (a plan is declared at the top of its entry). */
static bool declares_plan(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char *head = malloc(PROJECT_SCAN_BYTES + 1);
    size_t got = head ? fread(head, 1, PROJECT_SCAN_BYTES, f) : 0;
    fclose(f);
    bool found = false;
    for (size_t i = 0; head && i < got && !found; i++) {
        if (i > 0 && head[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < got && (head[j] == ' ' || head[j] == '\t'))
            j++;
        if (got - j > 5 && memcmp(head + j, "plan", 4) == 0 && (head[j + 4] == ' ' || head[j + 4] == '\t')) {
            j += 4;
            while (j < got && (head[j] == ' ' || head[j] == '\t'))
                j++;
            found = j < got && head[j] == '"';
        }
    }
    free(head);
    return found;
}

/* The length of the folder part of a canonical path ("/a/b/c.okr" -> 4). */
static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) : 0;
}

size_t project_partition(struct arena *a, const char *const *files, size_t n,
                         const struct load_opts *opts, size_t *group)
{
    for (size_t i = 0; i < n; i++)
        group[i] = 0;
    if (n < 2 || n > PROJECT_MAX_FILES)
        return 1;
    size_t *entry = arena_alloc(a, (n + 1) * sizeof *entry);   /* the plan files, in order */
    size_t plans = 0;
    for (size_t i = 0; i < n; i++)
        if (declares_plan(files[i]))
            entry[plans++] = i;
    if (plans < 2)
        return 1;
    const char **real = arena_alloc(a, (n + 1) * sizeof *real);
    struct hash *index = hash_new(a, n);
    for (size_t i = 0; i < n; i++) {
        real[i] = canonical(a, files[i]);
        hash_put(index, real[i], strlen(real[i]), (void *)(uintptr_t)(i + 1));
    }
    const size_t none = (size_t)-1;
    for (size_t i = 0; i < n; i++)
        group[i] = none;
    /* Each plan file and what it reads. */
    for (size_t p = 0; p < plans; p++) {
        size_t i = entry[p];
        group[i] = p;
        if (!may_import(files[i], PROJECT_SCAN_BYTES))
            continue;
        struct vec reads = reads_of(a, files[i], opts);
        for (size_t k = 0; k < reads.len; k++) {
            const char *r = reads.items[k];
            uintptr_t at = (uintptr_t)hash_get(index, r, strlen(r));
            if (at && group[at - 1] == none)
                group[at - 1] = p;
        }
    }
    /* The others: the plan declared nearest above, else one plan more. */
    size_t rest = none;
    for (size_t i = 0; i < n; i++) {
        if (group[i] != none)
            continue;
        size_t best = none, best_len = 0;
        for (size_t p = 0; p < plans; p++) {
            const char *e = real[entry[p]];
            size_t len = folder_len(e);
            if (len >= best_len && strncmp(real[i], e, len) == 0 && real[i][len] == '/') {
                best = p;
                best_len = len;
            }
        }
        if (best == none) {
            if (rest == none)
                rest = plans++;
            best = rest;
        }
        group[i] = best;
    }
    hash_free(index);
    return plans;
}
