/* cmd_fmt.c — `okrc fmt`: the canonical layout (emit/fmt.c) printed, written
 * back, checked or shown as a diff. Only options and files are handled here. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/output.h"
#include "emit/fmt.h"
#include "lib/arena.h"
#include "lib/load.h"
#include "lib/diag.h"
#include "lib/parse.h"
#include "lib/source.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

static const char fmt_help[] =
    "usage: okrc fmt [--check | --diff | -w] FILE|DIR...\n\n"
    "Prints each file in the canonical layout (docs/fmt.md): every comment kept,\n"
    "the order of items as written, the meaning unchanged. A FILE of '-' is\n"
    "standard input; a directory stands for every .okr file below it. A file with\n"
    "syntax errors gets its diagnostics and is left as it is (exit 1).\n\n"
    "options:\n"
    "  -w, --write        rewrite each file that is not in the canonical layout\n"
    "                     (atomically; a file already canonical is not touched)\n"
    "  --check            write nothing; list the files that would change and exit 1\n"
    "                     if there are any\n"
    "  --diff             write nothing; print a unified diff of each change and\n"
    "                     exit 1 if there is any (with --check: the list and the diffs)\n"
    "  --color WHEN       colour of diagnostics: auto (default), always, never\n"
    "  -h, --help         this text\n\n"
    "exit status: 0 done (or nothing to change), 1 a file would change or has\n"
    "syntax errors, 2 usage or I/O error\n";

enum mode { MODE_PRINT, MODE_WRITE, MODE_CHECK };

struct fmt_opts {
    enum mode mode;
    bool diff;
    const char *color;
};

/* 0 canonical (or printed/written), 1 would change or has errors, 2 I/O. */
/* A file leading outside the plan's root: its finding, nothing read. */
static int refuse_file(const char *path, const char *root, const struct fmt_opts *opt)
{
    struct cli_run run;
    cli_start(&run, 0);
    load_refuse_outside(&run.plan, root, path);
    cli_print_diagnostics(&run, opt->color);
    cli_free(&run);
    return EXIT_PLAN_ERRORS;
}

static int format_file(const char *path, const struct fmt_opts *opt)
{
    /* The source in its own arena: the parse's model is freed before the
     * formatting starts, so that fmt holds one of the two at a time. */
    struct arena arena = {0};
    char err[256];
    /* A large file's bytes go back to the page cache as they are scanned:
     * while the model is built, and read again to be printed once it is
     * freed (a -w writes a new file and renames it over this one). */
    struct source *src = source_read(&arena, path, 0, LOAD_DEFAULT_MAX_FILE_SIZE, true, err, sizeof err);
    if (!src) {
        fprintf(stderr, "okrc fmt: error: cannot read '%s': %s\n", path, err);
        arena_free(&arena);
        return EXIT_USAGE;
    }
    struct cli_run run;
    cli_start(&run, 0);
    fmt_syntax_only(&run.diags);
    /* one scan: the parse says whether the file is well formed and keeps its
     * lexemes, in this arena, for the printer */
    struct lexemes lexemes = {.arena = &arena};
    parse_source_lexemes(&run.plan, src, &lexemes);
    source_scanned(src);
    bool errors = run.diags.errors > 0;
    if (errors) {
        diag_sort(&run.diags);
        diag_limit(&run.diags, CLI_MAX_FINDINGS);
        cli_print_diagnostics(&run, opt->color);
    }
    cli_free(&run);
    src->comments = src->comments_tail = NULL;  /* they were in the parse's arena */
    if (errors) {
        source_free(src);
        arena_free(&arena);
        return EXIT_PLAN_ERRORS;
    }
    int rc = EXIT_CLEAN;
    struct fmt_text out = fmt_source_lexemes(&arena, src, &lexemes);
    /* The source was read without its BOM: compare with what is on disk. */
    bool same = src->bom ? out.len == src->len + 3 && memcmp(out.data + 3, src->text, src->len) == 0
                         : out.len == src->len && (!out.len || memcmp(out.data, src->text, src->len) == 0);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (opt->mode == MODE_PRINT && !opt->diff) {
        if (out.len)
            fwrite(out.data, 1, out.len, stdout);
    } else if (!same) {
        if (opt->mode == MODE_CHECK)
            printf("%s\n", name);
        if (opt->diff) {
            char *old = src->text;
            size_t old_len = src->len;
            if (src->bom) {
                old = arena_alloc(&arena, src->len + 3);
                memcpy(old, "\xEF\xBB\xBF", 3);
                memcpy(old + 3, src->text, src->len);
                old_len += 3;
            }
            struct fmt_text d = fmt_diff(&arena, name, old, old_len, out.data, out.len);
            fwrite(d.data, 1, d.len, stdout);
        }
        if (opt->mode == MODE_WRITE) {
            struct output file;
            if (!output_open(&file, path)) {
                rc = EXIT_USAGE;
            } else {
                fwrite(out.data, 1, out.len, file.file);
                if (!output_commit(&file))
                    rc = EXIT_USAGE;
            }
        } else {
            rc = EXIT_PLAN_ERRORS;
        }
    }
    source_free(src);
    arena_free(&arena);
    return rc;
}

int cmd_fmt(int argc, char **argv)
{
    enum { OPT_CHECK = 256, OPT_DIFF, OPT_COLOR };
    static const struct option options[] = {
        {"write", no_argument, NULL, 'w'},      {"check", no_argument, NULL, OPT_CHECK},
        {"diff", no_argument, NULL, OPT_DIFF},  {"color", required_argument, NULL, OPT_COLOR},
        {"help", no_argument, NULL, 'h'},       {0},
    };
    struct fmt_opts opt = {MODE_PRINT, false, "auto"};
    bool write = false, check = false;
    int c;
    while ((c = cli_getopt("fmt", argc, argv, ":hw", options)) != -1) {
        switch (c) {
        case 'w': write = true; break;
        case OPT_CHECK: check = true; break;
        case OPT_DIFF: opt.diff = true; break;
        case OPT_COLOR:
            if (!cli_color_option("fmt", optarg, &opt.color))
                return EXIT_USAGE;
            break;
        case 'h': fputs(fmt_help, stdout); return EXIT_CLEAN;
        default: return EXIT_USAGE;     /* cli_getopt has said what is wrong */
        }
    }
    if (write && (check || opt.diff))
        return cli_usage_error("fmt", "-w rewrites files; --check and --diff only look: choose one");
    opt.mode = write ? MODE_WRITE : check ? MODE_CHECK : MODE_PRINT;
    if (optind >= argc)
        return cli_usage_error("fmt", "%s", "no input files (use '-' for standard input)");

    struct arena arena = {0};
    char **files;
    int count;
    if (!cli_files("fmt", &arena, argv + optind, argc - optind, &files, &count)) {
        arena_free(&arena);
        return EXIT_USAGE;
    }
    /* The files fmt reads and writes stay inside the plan's root, as
     * check's do (load.h): a link must not lead it to read or replace
     * anything else. */
    const char *root = count ? load_default_root(&arena, files[0]) : NULL;
    int rc = EXIT_CLEAN;
    for (int i = 0; i < count; i++) {
        if (write && strcmp(files[i], "-") == 0) {
            rc = cli_usage_error("fmt", "%s", "-w cannot rewrite standard input; leave -w out to print it");
            break;
        }
        int file_rc = load_within_root(&arena, root, files[i]) ? format_file(files[i], &opt)
                                                               : refuse_file(files[i], root, &opt);
        if (file_rc > rc)
            rc = file_rc;
    }
    arena_free(&arena);
    if (fflush(stdout) != 0) {
        perror("okrc: error: cannot write standard output");
        rc = EXIT_USAGE;
    }
    return rc;
}
