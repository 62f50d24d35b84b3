/* cli.c — the steps every command shares. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "emit/diag_render.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/plan.h"
#include "lib/project.h"

#include "lib/hash.h"
#include "lib/model.h"
#include "lib/text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_start(struct cli_run *run, okr_day as_of)
{
    memset(run, 0, sizeof *run);
    diag_init(&run->diags, &run->arena);
    plan_init(&run->plan, &run->arena, &run->diags);
    run->plan.as_of = as_of;
}

void cli_compile_started(struct cli_run *run, char **args, int n)
{
    char **files;
    int count;
    run->io_ok = cli_files(NULL, &run->arena, args, n, &files, &count) &&
                 plan_compile_with(&run->plan, (const char *const *)files, (size_t)count, &run->load);
}

/* Paths below the current folder made relative to it, as a user names them
 * (the plan's root may lie above it: the git work tree). */
static void shown_from_cwd(struct arena *a, char **paths, int n)
{
    char *cwd = realpath(".", NULL);
    size_t len = cwd ? strlen(cwd) : 0;
    for (int i = 0; cwd && i < n; i++)
        if (strncmp(paths[i], cwd, len) == 0 && paths[i][len] == '/')
            paths[i] = arena_strndup(a, paths[i] + len + 1, strlen(paths[i] + len + 1));
    free(cwd);
}

/* Which of the plan's sources are named files, by source index: each
 * source's real path is asked once, not once per finding. */
static bool *named_sources(struct arena *a, const struct plan *plan, char **args, int n)
{
    bool *named = arena_alloc(a, (plan->sources.len + 1) * sizeof *named);
    const char **wanted = arena_alloc(a, ((size_t)n + 1) * sizeof *wanted);
    for (int i = 0; i < n; i++) {
        char *real = realpath(args[i], NULL);
        wanted[i] = arena_strndup(a, real ? real : args[i], strlen(real ? real : args[i]));
        free(real);
    }
    for (size_t k = 0; k < plan->sources.len; k++) {
        const struct source *src = plan->sources.items[k];
        char *real = realpath(src->path, NULL);
        const char *path = real ? real : src->path;
        for (int i = 0; i < n && !named[src->index]; i++)
            named[src->index] = strcmp(wanted[i], path) == 0;
        free(real);
    }
    return named;
}

static bool in_named(const struct source *src, void *named)
{
    return ((const bool *)named)[src->index];
}

static bool is_plain_file(const char *arg)
{
    struct stat st;
    return strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISREG(st.st_mode);
}

static void compile_in_plan(struct cli_run *run, char **args, int n, const char *plan_file,
                            bool quiet, bool split);

void cli_compile_in_plan(struct cli_run *run, char **args, int n, const char *plan_file, bool quiet)
{
    compile_in_plan(run, args, n, plan_file, quiet, false);
}

/* A second run for another plan of the same check, with run's forced
 * severities and load options. */
static struct cli_run *other_run(struct cli_run *run)
{
    struct cli_run *target = calloc(1, sizeof *target);
    if (!target)
        out_of_memory();
    cli_start(target, run->plan.as_of);
    target->load = run->load;
    for (int r = 0; r < RULE_COUNT; r++)
        if (run->diags.forced[r])
            diag_force(&target->diags, (enum rule_id)r, run->diags.severity_of[r]);
    return target;
}

/* Source numbers stay unique across the plans of one check (fingerprints
 * and per-file limits tell files apart by them); the findings move to run. */
static void adopt_run(struct cli_run *run, struct cli_run *other, size_t *sources)
{
    for (size_t i = 0; i < other->plan.sources.len; i++)
        ((struct source *)other->plan.sources.items[i])->index += (int)*sources;
    *sources += other->plan.sources.len;
    diag_adopt(&run->diags, &other->diags);
    vec_push(&run->arena, &run->others, other);
}

static void compile_in_plan(struct cli_run *run, char **args, int n, const char *plan_file,
                            bool quiet, bool split)
{
    bool files_only = n > 0;
    for (int i = 0; i < n && files_only; i++)
        files_only = is_plain_file(args[i]);
    if (!files_only) {          /* folders and standard input: as they are */
        cli_compile_started(run, args, n);
        return;
    }
    struct arena *a = &run->arena;
    struct project project = {0};
    if (plan_file) {
        project.entries = (const char **)&plan_file;
        project.n_entries = 1;
    } else {
        char *root = run->load.root ? realpath(run->load.root, NULL) : NULL;
        const char *top = root ? arena_strndup(a, root, strlen(root)) : load_default_root(a, args[0]);
        free(root);
        char **candidates = NULL;
        int count = 0;
        if (top) {
            project_candidates(a, top, (const char *const *)args, (size_t)n, &candidates, &count);
            shown_from_cwd(a, candidates, count);
        }
        if (!top || !project_find(a, (const char *const *)candidates, (size_t)count,
                          (const char *const *)args, (size_t)n, &run->load, &project) ||
            !project.n_entries) {
            cli_compile_started(run, args, n);
            return;
        }
    }
    /* The named files first, so that findings name them as the user did
     * (a file reached again through `use` is the one already loaded), then
     * the entries of their plans: all at once, or (split, for check) each
     * entry's plan on its own, a file two plans read reported once. */
    char **files = arena_alloc(a, (project.n_entries + (size_t)n + 1) * sizeof *files);
    size_t plans = split ? project.n_entries : 1, sources_so_far = 0;
    for (size_t p = 0; p < plans; p++) {
        size_t count = 0;
        for (int i = 0; i < n; i++)
            files[count++] = args[i];
        for (size_t i = 0; i < project.n_entries; i++)
            if (!split || i == p)
                files[count++] = (char *)project.entries[i];
        struct cli_run *target = p == 0 ? run : other_run(run);
        cli_compile_started(target, files, (int)count);
        bool *sources = named_sources(&target->arena, &target->plan, args, n);
        diag_keep(&target->diags, in_named, sources);
        target->named_sources = sources;
        if (p == 0) {
            sources_so_far = run->plan.sources.len;
        } else {
            run->io_ok = run->io_ok && target->io_ok;
            adopt_run(run, target, &sources_so_far);
        }
    }
    if (!quiet)
        for (size_t i = 0; i < project.n_entries; i++)
            fprintf(stderr, "okrc: note: checked as part of the plan of '%s'; findings in its other "
                            "files are not shown (okrc check %s shows them)\n",
                    project.entries[i], project.entries[i]);
}

void cli_compile(struct cli_run *run, char **files, int n, okr_day as_of)
{
    cli_compile_with(run, files, n, as_of, NULL);
}

void cli_check_plans(struct cli_run *run, char **args, int n, const char *plan_file, bool quiet)
{
    bool folder = false;
    for (int i = 0; i < n; i++) {
        struct stat st;
        folder = folder || (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode));
    }
    struct arena *a = &run->arena;
    char **files;
    int count;
    if (!folder || plan_file) {
        compile_in_plan(run, args, n, plan_file, quiet, true);
        return;
    }
    if (!cli_files(NULL, a, args, n, &files, &count)) {
        run->io_ok = false;
        return;
    }
    size_t *group = arena_alloc(a, ((size_t)count + 1) * sizeof *group);
    size_t plans = project_partition(a, (const char *const *)files, (size_t)count, &run->load, group);
    const char **mine = arena_alloc(a, ((size_t)count + 1) * sizeof *mine);
    size_t sources = 0;
    run->io_ok = true;
    for (size_t p = 0; p < plans; p++) {
        size_t k = 0;
        for (int i = 0; i < count; i++)
            if (group[i] == p)
                mine[k++] = files[i];
        struct cli_run *target = p == 0 ? run : other_run(run);
        bool ok = plan_compile_with(&target->plan, mine, k, &target->load);
        run->io_ok = run->io_ok && ok;
        if (p == 0)
            sources = run->plan.sources.len;
        else
            adopt_run(run, target, &sources);
    }
}

void cli_compile_in_context(struct cli_run *run, char **files, int n, okr_day as_of,
                            const struct load_opts *load)
{
    cli_start(run, as_of);
    if (load)
        run->load = *load;
    cli_compile_in_plan(run, files, n, NULL, true);
    diag_limit(&run->diags, CLI_MAX_FINDINGS);
}

void cli_compile_with(struct cli_run *run, char **files, int n, okr_day as_of,
                      const struct load_opts *load)
{
    cli_start(run, as_of);
    if (load)
        run->load = *load;
    cli_compile_started(run, files, n);
    diag_limit(&run->diags, CLI_MAX_FINDINGS);
}

int cli_load_option(const char *command, int c, const char *arg, struct load_opts *out)
{
    switch (c) {
    case CLI_OPT_ROOT: {
        struct stat st;
        if (stat(arg, &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_usage_error(command, "--root takes a folder, and '%s' is none", arg);
            return -1;
        }
        out->root = arg;
        return 1;
    }
    case CLI_OPT_ALLOW_OUTSIDE_ROOT: out->allow_outside_root = true; return 1;
    case CLI_OPT_MAX_FILE_SIZE: {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(arg, &end, 10);
        unsigned long long scale = !*end ? 1
                                 : strcmp(end, "k") == 0 ? 1024ull
                                 : strcmp(end, "M") == 0 ? 1024ull * 1024
                                 : strcmp(end, "G") == 0 ? 1024ull * 1024 * 1024 : 0;
        if (errno || end == arg || !isdigit((unsigned char)arg[0]) || !scale || n == 0 ||
            n > SIZE_MAX / scale) {
            cli_usage_error(command, "--max-file-size takes a number of bytes such as 1048576 "
                                     "or 64M, not '%s'", arg);
            return -1;
        }
        out->max_file_size = (size_t)(n * scale);
        return 1;
    }
    default: return 0;
    }
}

void cli_print_diagnostics(struct cli_run *run, const char *when)
{
    struct render_opts ro = {cli_want_color(when, stderr)};
    /* Rendered whole, then written at once: stderr is unbuffered, and each
     * piece of a message was a system call of its own (1,500 for the first
     * 20 findings of a large plan, a percent of check's time). Straight to
     * stderr when no buffer can be had. */
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        diag_render_human(&run->diags, stderr, &ro);
        return;
    }
    diag_render_human(&run->diags, mem, &ro);
    if (fclose(mem) == 0)
        fwrite(text, 1, len, stderr);
    else
        diag_render_human(&run->diags, stderr, &ro);
    free(text);
}

int cli_exit_code(const struct cli_run *run, bool werror)
{
    if (!run->io_ok)
        return EXIT_USAGE;
    if (run->diags.errors || (werror && run->diags.warnings))
        return EXIT_PLAN_ERRORS;
    return EXIT_CLEAN;
}

bool cli_plan_usable(const struct cli_run *run, bool strict)
{
    if (!run->io_ok)
        return false;
    if (!run->diags.errors)
        return true;
    if (strict)
        return false;
    for (size_t i = 0; i < run->diags.list.len; i++) {
        const struct diag *g = run->diags.list.items[i];
        if (g->severity == SEV_ERROR && rule_info(g->rule)->structural)
            return false;
    }
    for (size_t i = 0; i < run->diags.omitted.len; i++) {
        const struct diag_omitted *o = run->diags.omitted.items[i];
        if (rule_info(o->rule)->structural)
            return false;
    }
    return true;
}

void cli_free(struct cli_run *run)
{
    for (size_t i = 0; i < run->others.len; i++) {
        struct cli_run *other = run->others.items[i];
        cli_free(other);
        free(other);
    }
    plan_free(&run->plan);
    arena_free(&run->arena);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "okrc%s%s: error: ", command ? " " : "", command ? command : "");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'okrc %s%s--help'.\n", command ? command : "", command ? " " : "");
    va_end(ap);
    return EXIT_USAGE;
}

/* The long option closest to a misspelt one ("--frmat" → "format"). */
static const char *nearest_option(const char *arg, const struct option *longopts)
{
    char name[64];
    size_t len = strcspn(arg, "=");
    if (len >= sizeof name)
        return NULL;
    memcpy(name, arg, len);
    name[len] = 0;
    const char *names[64];
    size_t n = 0;
    for (const struct option *o = longopts; o->name && n < 64; o++)
        names[n++] = o->name;
    return text_nearest_of(name, names, n);
}

int cli_getopt(const char *command, int argc, char **argv, const char *shortopts,
               const struct option *longopts)
{
    opterr = 0;
    int c = getopt_long(argc, argv, shortopts, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    /* getopt has moved past the faulty word; a short option in a cluster
     * is known only by optopt. */
    const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    bool is_long = strncmp(word, "--", 2) == 0;
    if (c == ':') {
        if (is_long)
            cli_usage_error(command, "option '%s' needs a value", word);
        else
            cli_usage_error(command, "option '-%c' needs a value", optopt);
    } else if (is_long && strchr(word, '=') && optopt) {
        cli_usage_error(command, "option '%.*s' takes no value", (int)strcspn(word, "="), word);
    } else if (is_long) {
        const char *near = nearest_option(word + 2, longopts);
        if (near)
            cli_usage_error(command, "unknown option '%s'; did you mean '--%s'?", word, near);
        else
            cli_usage_error(command, "unknown option '%s'", word);
    } else {
        cli_usage_error(command, "unknown option '-%c'", optopt ? optopt : '?');
    }
    return CLI_OPT_ERROR;
}

/* ---- files and directories ---- */

struct file_list {
    struct arena *arena;
    struct vec paths;       /* char * */
};

static bool hidden(const char *name)
{
    return name[0] == '.';
}

static bool ends_with_okr(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".okr") == 0;
}

/* Every .okr file below dir, in sorted order; symlinks are not followed
 * into directories, so a link loop cannot hold the walk. */
static bool collect_dir(const char *command, struct file_list *list, const char *dir)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, alphasort);
    if (n < 0) {
        fprintf(stderr, "okrc%s%s: error: cannot read directory '%s': %s\n", command ? " " : "",
                command ? command : "", dir, strerror(errno));
        return false;
    }
    bool ok = true;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        if (ok && !hidden(name)) {
            size_t dl = strlen(dir);
            char *path = dl && dir[dl - 1] == '/' ? arena_printf(list->arena, "%s%s", dir, name)
                                                 : arena_printf(list->arena, "%s/%s", dir, name);
            struct stat st;
            if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
                ok = collect_dir(command, list, path);
            else if (ends_with_okr(name) && stat(path, &st) == 0 && S_ISREG(st.st_mode))
                vec_push(list->arena, &list->paths, path);
        }
        free(entries[i]);
    }
    free(entries);
    return ok;
}

bool cli_files(const char *command, struct arena *a, char **args, int n,
               char ***files, int *count)
{
    struct file_list list = {a, {0}};
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = list.paths.len;
            if (!collect_dir(command, &list, args[i]))
                return false;
            if (list.paths.len == before) {
                fprintf(stderr, "okrc%s%s: error: no .okr files in directory '%s'\n",
                        command ? " " : "", command ? command : "", args[i]);
                return false;
            }
        } else {
            vec_push(a, &list.paths, args[i]);
        }
    }
    *files = (char **)list.paths.items;
    *count = (int)list.paths.len;
    return true;
}

/* ---- filters ---- */

bool cli_team_exists(const char *command, const struct plan *plan, const char *team)
{
    if (hash_get(plan->team_ids, team, strlen(team)))
        return true;
    size_t n = plan->teams.len;
    const char **names = calloc(n + 1, sizeof *names);
    for (size_t i = 0; names && i < n; i++)
        names[i] = ((const struct team *)plan->teams.items[i])->id.name.ptr;
    const char *near = names ? text_nearest_of(team, names, n) : NULL;
    if (near)
        cli_usage_error(command, "--team: no team '%s' in the plan; did you mean '%s'?", team, near);
    else
        cli_usage_error(command, "--team: no team '%s' in the plan", team);
    free(names);
    return false;
}

static void push_tags(struct vec *out, struct arena *a, const struct vec *tags)
{
    for (size_t i = 0; i < tags->len; i++)
        vec_push(a, out, (void *)((const ident *)tags->items[i])->name.ptr);
}

bool cli_tag_exists(const char *command, const struct plan *plan, const char *tag)
{
    const char *bare = tag[0] == '#' ? tag + 1 : tag;
    struct arena scratch = {0};
    struct vec all = {0};
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        push_tags(&all, &scratch, &objective_more(o)->tags);
        for (size_t k = 0; k < o->key_results.len; k++)
            push_tags(&all, &scratch, &kr_more(o->key_results.items[k])->tags);
        for (size_t k = 0; k < o->initiatives.len; k++)
            push_tags(&all, &scratch, &initiative_more(o->initiatives.items[k])->tags);
    }
    bool found = false;
    for (size_t i = 0; i < all.len && !found; i++)
        found = strcmp(all.items[i], bare) == 0;
    if (!found) {
        const char *near = text_nearest_of(bare, (const char *const *)all.items, all.len);
        if (near)
            cli_usage_error(command, "--tag: nothing in the plan is tagged '#%s'; did you mean '#%s'?",
                            bare, near);
        else
            cli_usage_error(command, "--tag: nothing in the plan is tagged '#%s'", bare);
    }
    arena_free(&scratch);
    return found;
}

static void push_owners(struct arena *a, struct vec *out, const ident *owner, const struct vec *co)
{
    if (owner->name.ptr)
        vec_push(a, out, (void *)owner->name.ptr);
    for (size_t i = 0; i < co->len; i++)
        vec_push(a, out, (void *)((const ident *)co->items[i])->name.ptr);
}

/* Everyone the plan names: declared people and every owner and co-owner. */
static void people_named(const struct plan *plan, struct arena *a, struct vec *out)
{
    for (size_t i = 0; i < plan->people.len; i++)
        vec_push(a, out, (void *)((const struct person *)plan->people.items[i])->id.name.ptr);
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        push_owners(a, out, &o->owner, &objective_more(o)->co_owners);
        for (size_t j = 0; j < o->key_results.len; j++) {
            const struct key_result *kr = o->key_results.items[j];
            push_owners(a, out, &kr->owner, &kr_more(kr)->co_owners);
        }
        for (size_t j = 0; j < o->initiatives.len; j++) {
            const struct initiative *in = o->initiatives.items[j];
            push_owners(a, out, &in->owner, &initiative_more(in)->co_owners);
        }
    }
}

bool cli_person_exists(const char *command, const char *option, const struct plan *plan,
                       const char *person)
{
    struct vec names = {0};
    people_named(plan, plan->arena, &names);
    for (size_t i = 0; i < names.len; i++)
        if (strcmp(names.items[i], person) == 0)
            return true;
    const char *near = text_nearest_of(person, (const char *const *)names.items, names.len);
    if (near)
        cli_usage_error(command, "%sno person '@%s' in the plan; did you mean '@%s'?", option, person, near);
    else
        cli_usage_error(command, "%sno person '@%s' in the plan", option, person);
    return false;
}

bool cli_count(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        return false;
    *out = v;
    return true;
}

bool cli_as_of(const char *arg, okr_day *out)
{
    if (arg)
        return date_parse(arg, strlen(arg), out);
    *out = date_today();
    return true;
}

int cli_as_of_error(const char *command, const char *arg)
{
    int y, m, d, end = 0;
    if (sscanf(arg, "%4d-%2d-%2d%n", &y, &m, &d, &end) == 3 && end == 10 && !arg[end])
        return cli_usage_error(command, "--as-of: %s is not a date in the calendar%s", arg,
                               m == 2 && d > 28 && d <= 31 ? " (February has 28 days, 29 in a leap year)"
                               : m >= 1 && m <= 12 && d == 31 ? " (that month has 30 days)" : "");
    return cli_usage_error(command, "--as-of takes a date as YYYY-MM-DD, not '%s'", arg);
}

bool cli_period(const char *s, period *out)
{
    const char *why, *dots = strstr(s, "..");
    if (!dots)
        return period_parse(s, strlen(s), out, &why);
    okr_day start, end;
    return date_parse(s, (size_t)(dots - s), &start) &&
           date_parse(dots + 2, strlen(dots + 2), &end) && period_from_range(start, end, out);
}

bool cli_color_option(const char *command, const char *when, const char **color)
{
    if (strcmp(when, "auto") != 0 && strcmp(when, "always") != 0 && strcmp(when, "never") != 0) {
        cli_usage_error(command, "--color takes auto, always or never, not '%s'", when);
        return false;
    }
    *color = when;
    return true;
}

bool cli_want_color(const char *when, FILE *stream)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *no_color = getenv("NO_COLOR");
    return isatty(fileno(stream)) && !(no_color && *no_color);
}
