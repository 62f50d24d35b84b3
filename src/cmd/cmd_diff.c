/* cmd_diff.c — `okrc diff`: what changed between two versions of a plan, for
 * the review of a plan's pull request. The versions are two files (or
 * folders), or a git revision and the work tree (or two revisions): each
 * revision is extracted whole with `git archive` into a temporary folder, so
 * that its `use`s resolve inside that revision. Both versions are compiled;
 * emit/plandiff.c compares the models. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/git.h"
#include "emit/plandiff.h"
#include "lib/arena.h"
#include "lib/source.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char diff_help[] =
    "usage: okrc diff [options] OLD NEW\n"
    "       okrc diff [options] REV [REV2] [-- FILE...]\n\n"
    "What changed between two versions of a plan: objectives, key results and\n"
    "initiatives added, removed, renamed and changed (metric, baseline, target,\n"
    "minimum, owners, team, period, kind, weight, due), check-ins and grades added\n"
    "or edited with the score and status they moved, and first the changes that\n"
    "move the goalposts once a period has begun (a lowered target or minimum, a\n"
    "later due date or a longer period, committed turned aspirational, a committed\n"
    "key result deleted instead of dropped).\n\n"
    "OLD and NEW are files or folders. With a git revision REV (a branch, a tag,\n"
    "a commit), the old version is FILE as it is in REV (imports resolved inside\n"
    "REV) and the new one the work tree, or REV2; FILE defaults to '.'.\n\n"
    "options:\n"
    "  -f, --format FMT     text (default), md (a pull-request comment) or json\n"
    "  --as-of DATE         the date that decides whether a period has begun or\n"
    "                       runs (default today)\n"
    "  --exit-code          exit 1 when goalposts moved\n"
    "  --color WHEN         colour of diagnostics: auto (default), always, never\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help           show this help\n\n"
    "exit status: 0 compared (with --exit-code: and no goalpost moved), 1 goalposts\n"
    "moved (--exit-code) or a version has errors that leave it incomplete, 2 usage,\n"
    "I/O or git error\n";

/* ---- the command ---- */

struct side {
    struct cli_run run;
    bool compiled;
};

/* A revision's files are named as git names them (REV:path), not by the
 * temporary folder they were read from, in every diagnostic. */
static void name_by_revision(struct cli_run *run, const char *dir, const char *rev)
{
    size_t n = strlen(dir);
    for (size_t i = 0; i < run->plan.sources.len; i++) {
        struct source *src = run->plan.sources.items[i];
        if (src->path && strncmp(src->path, dir, n) == 0 && src->path[n] == '/')
            src->path = arena_printf(&run->arena, "%s:%s", rev, src->path + n + 1);
    }
}

static bool compile_side(struct side *s, char **files, int n, okr_day as_of, const struct load_opts *load,
                         const char *color, const char *dir, const char *rev)
{
    cli_compile_in_context(&s->run, files, n, as_of, load);
    s->compiled = true;
    if (dir)
        name_by_revision(&s->run, dir, rev);
    if (cli_plan_usable(&s->run, false))
        return true;
    cli_print_diagnostics(&s->run, color);
    return false;
}

int cmd_diff(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"as-of", required_argument, NULL, 'a'},
        {"exit-code", no_argument, NULL, 'x'},    {"color", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},         CLI_LOAD_OPTIONS, CLI_ROOT_OPTION, {0},
    };
    /* "--" splits revisions from files: found before getopt reorders argv */
    int dashes = -1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            dashes = i;
            break;
        }
    int option_argc = dashes >= 0 ? dashes : argc;
    const char *format = "text", *as_of_arg = NULL, *color = "auto";
    bool exit_code = false;
    struct load_opts load = {0};
    int c;
    while ((c = cli_getopt("diff", option_argc, argv, ":f:h", options)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'a': as_of_arg = optarg; break;
        case 'x': exit_code = true; break;
        case 'c':
            if (!cli_color_option("diff", optarg, &color))
                return EXIT_USAGE;
            break;
        case 'h': fputs(diff_help, stdout); return EXIT_CLEAN;
        default: {
            /* cli_getopt has reported unknown options (CLI_OPT_ERROR); the
             * rest of the table are the load options. */
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("diff", c, optarg, &load);
            if (taken <= 0)
                return EXIT_USAGE;
            break;
        }
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
        return cli_usage_error("diff", "--format takes text, md or json, not '%s'", format);
    okr_day as_of;
    if (!cli_as_of(as_of_arg, &as_of))
        return cli_as_of_error("diff", as_of_arg);
    char **positional = argv + optind;
    int n_positional = option_argc - optind;
    char **files = dashes >= 0 ? argv + dashes + 1 : NULL;
    int n_files = dashes >= 0 ? argc - dashes - 1 : 0;

    struct arena scratch = {0};
    static char *dot[] = {"."};
    struct stat st;
    bool paths = dashes < 0 && n_positional == 2 && stat(positional[0], &st) == 0 &&
                 stat(positional[1], &st) == 0;
    char *old_dir = NULL, *new_dir = NULL;
    char **old_files = NULL, **new_files = NULL;
    int n_old = 0, n_new = 0;
    int rc = EXIT_CLEAN;
    if (paths) {
        old_files = positional, n_old = 1;
        new_files = positional + 1, n_new = 1;
    } else if (n_positional < 1 || n_positional > 2) {
        arena_free(&scratch);
        return cli_usage_error("diff", n_positional ? "give OLD NEW (two files or folders), or REV "
                                                      "[REV2] [-- FILE...]"
                                                    : "nothing to compare: give OLD NEW, or a git revision");
    } else {
        if (!n_files)
            files = dot, n_files = 1;
        const char *top = git_toplevel(&scratch);
        if (!top) {
            fprintf(stderr, "okrc diff: error: '%s' is neither a file nor, outside a git work tree, "
                            "a revision\n", positional[0]);
            arena_free(&scratch);
            return EXIT_USAGE;
        }
        old_dir = git_extract_revision(&scratch, "diff", top, positional[0]);
        if (n_positional == 2 && old_dir)
            new_dir = git_extract_revision(&scratch, "diff", top, positional[1]);
        if (!old_dir || (n_positional == 2 && !new_dir)) {
            git_remove_tree(old_dir);
            arena_free(&scratch);
            return EXIT_USAGE;
        }
        old_files = arena_alloc(&scratch, (size_t)n_files * sizeof *old_files);
        new_files = n_positional == 2 ? arena_alloc(&scratch, (size_t)n_files * sizeof *new_files) : files;
        for (int i = 0; i < n_files && rc == EXIT_CLEAN; i++) {
            old_files[i] = git_path_in(&scratch, top, old_dir, files[i]);
            if (new_dir)
                new_files[i] = git_path_in(&scratch, top, new_dir, files[i]);
            if (!old_files[i] || (new_dir && !new_files[i]))
                rc = cli_usage_error("diff", "'%s' is not inside the git work tree %s", files[i], top);
        }
        n_old = n_new = n_files;
    }
    load.no_lint = true;        /* a diff reads the models; the rules' findings are check's */
    struct side old_side = {0}, new_side = {0};
    if (rc == EXIT_CLEAN) {
        struct load_opts old_load = load;
        if (old_dir && !load.root)
            old_load.root = old_dir;
        struct load_opts new_load = load;
        if (new_dir && !load.root)
            new_load.root = new_dir;
        bool ok = compile_side(&old_side, old_files, n_old, as_of, &old_load, color, old_dir, positional[0]);
        ok = compile_side(&new_side, new_files, n_new, as_of, &new_load, color, new_dir,
                          new_dir ? positional[1] : NULL) && ok;
        if (!ok)
            rc = (!old_side.run.io_ok || !new_side.run.io_ok) ? EXIT_USAGE : EXIT_PLAN_ERRORS;
    }
    if (rc == EXIT_CLEAN) {
        struct plan_diff d;
        plan_diff(&scratch, &old_side.run.plan, &new_side.run.plan, as_of, &d);
        signal(SIGPIPE, SIG_IGN);
        if (strcmp(format, "md") == 0)
            diff_emit_md(&d, &scratch, stdout);
        else if (strcmp(format, "json") == 0)
            diff_emit_json(&d, &scratch, stdout, as_of);
        else
            diff_emit_text(&d, &scratch, stdout);
        if (fflush(stdout) != 0 && errno != EPIPE) {
            fprintf(stderr, "okrc diff: error: cannot write: %s\n", strerror(errno));
            rc = EXIT_USAGE;
        } else if (exit_code && d.goalposts) {
            rc = EXIT_PLAN_ERRORS;
        }
    }
    if (old_side.compiled)
        cli_free(&old_side.run);
    if (new_side.compiled)
        cli_free(&new_side.run);
    git_remove_tree(old_dir);
    git_remove_tree(new_dir);
    arena_free(&scratch);
    return rc;
}
