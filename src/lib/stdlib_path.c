/* stdlib_path.c — the search path of the standard library (stdlib_path.h).
 * The executable's own location comes first after OKRC_PATH so that an
 * installed tree can be moved (or unpacked anywhere, as `make deb`'s test
 * does) and still find the stdlib it was installed with. */
#define _GNU_SOURCE
#include "lib/stdlib_path.h"
#include "lib/arena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OKRC_STDLIB_DIR
#define OKRC_STDLIB_DIR "/usr/local/share/okrc/stdlib"
#endif

const char *stdlib_configured_dir(void)
{
    return OKRC_STDLIB_DIR;
}

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

const char *okr_file_in(struct arena *a, const char *dir, const char *name, size_t len)
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

/* The directory of the running executable (symbolic links resolved by the
 * kernel), or NULL where /proc is not mounted. */
static const char *executable_dir(struct arena *a)
{
    for (size_t cap = 256; cap <= 1 << 20; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf)
            return NULL;
        ssize_t n = readlink("/proc/self/exe", buf, cap);
        if (n <= 0) {
            free(buf);
            return NULL;
        }
        if ((size_t)n < cap) {
            while (n > 1 && buf[n - 1] != '/')
                n--;
            const char *dir = arena_strndup(a, buf, n > 1 ? (size_t)n - 1 : 1);
            free(buf);
            return dir;
        }
        free(buf);
    }
    return NULL;
}

static void add_dir(struct stdlib_path *sp, struct arena *a, const char *dir)
{
    for (size_t i = 0; i < sp->dirs.len; i++)
        if (strcmp(sp->dirs.items[i], dir) == 0)
            return;
    vec_push(a, &sp->dirs, (void *)dir);
}

void stdlib_path_init(struct stdlib_path *sp, struct arena *a)
{
    memset(sp, 0, sizeof *sp);
    const char *env = getenv("OKRC_PATH");
    for (const char *p = env ? env : ""; *p;) {
        size_t k = strcspn(p, ":");
        if (k)
            add_dir(sp, a, arena_strndup(a, p, k));
        p += k + (p[k] == ':');
    }
    const char *exe = executable_dir(a);
    if (exe) {
        add_dir(sp, a, arena_printf(a, "%s/stdlib", exe));
        /* exe is resolved already, so its parent is lexical: bin/.. */
        const char *slash = strrchr(exe, '/');
        size_t parent = slash && slash != exe ? (size_t)(slash - exe) : 0;
        add_dir(sp, a, arena_printf(a, "%.*s/share/okrc/stdlib", (int)parent, exe));
    }
    add_dir(sp, a, OKRC_STDLIB_DIR);
}

const char *stdlib_path_find(const struct stdlib_path *sp, struct arena *a, const char *name,
                             size_t len, const char **dir_out)
{
    for (size_t i = 0; i < sp->dirs.len; i++) {
        const char *found = okr_file_in(a, sp->dirs.items[i], name, len);
        if (found) {
            if (dir_out)
                *dir_out = sp->dirs.items[i];
            return found;
        }
    }
    return NULL;
}

const char *stdlib_path_list(const struct stdlib_path *sp, struct arena *a)
{
    if (sp->dirs.len == 0)
        return "(none)";
    const char *list = sp->dirs.items[0];
    for (size_t i = 1; i < sp->dirs.len; i++)
        list = arena_printf(a, "%s, %s", list, (const char *)sp->dirs.items[i]);
    return list;
}
