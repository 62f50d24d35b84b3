/* cmd_checkin.c — `okrc checkin`: records values in a plan file without
 * hand-editing it. The entries are written into the check-in block of the
 * date, in the named file or the file of its plan that holds that block
 * (or a new block after the named file's last one), every other byte left as
 * it was; the plan is then compiled with the new text, so the values are
 * checked by the compiler's own rules (unit, milestone, confidence) and the
 * score each entry moves is read from the same progress the reports show. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/output.h"
#include "emit/fmt.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/load.h"
#include "lib/model.h"
#include "lib/progress.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char checkin_help[] =
    "usage: okrc checkin [--date D] [-w | --diff] FILE OBJ.KR VALUE [confidence N]\n"
    "                    [note TEXT] [OBJ.KR VALUE ...]\n\n"
    "Records check-ins: each OBJ.KR VALUE (a quantity such as 14 or '13.2M USD', or\n"
    "done or 'not done' for a milestone), with a confidence (1-10) and a note, is\n"
    "written into the check-in block of the date in FILE, or in the file of FILE's\n"
    "plan that holds it, or into a new block after FILE's last one; every other\n"
    "byte stays as it was. The values are checked as okrc check would (a wrong\n"
    "unit, done on a number, a confidence out of range) before anything is\n"
    "written, and the score and status each entry moves are printed. OBJ.KR grade\n"
    "G and OBJ grade G (0.7 or 70%) record grades the same way.\n"
    "FILE may be one file of a plan that spans files.\n\n"
    "options:\n"
    "  --date D           the check-in's date (default today)\n"
    "  --as-of D          the date scores are shown for (default the check-in's date)\n"
    "  -w, --write        write FILE (atomically); else the new text goes to\n"
    "                     standard output and the changes to standard error\n"
    "  --diff             write nothing; print a unified diff of FILE\n"
    "  --color WHEN       colour of diagnostics: auto (default), always, never\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help         show this help\n\n"
    "exit status: 0 recorded, 1 the plan or an entry has errors, 2 usage or I/O error\n";

struct entry {
    const char *ref, *value, *confidence, *note;
    bool grade;             /* OBJ.KR grade G, OBJ grade G: a judgment */
};

/* The entry as the language writes it: OBJ.KR = VALUE  confidence N  note "...". */
static const char *entry_text(struct arena *a, const struct entry *e)
{
    const char *text = arena_printf(a, e->grade ? "%s grade %s" : "%s = %s", e->ref, e->value);
    if (e->confidence)
        text = arena_printf(a, "%s  confidence %s", text, e->confidence);
    if (e->note)
        text = arena_printf(a, "%s  note %s", text, fmt_quote(a, (str){e->note, strlen(e->note)}));
    return text;
}

/* The file being edited, with its new text standing in for it. */
struct overlay {
    const char *canon, *text;
    size_t len;
};

static const char *overlay_text(void *ctx, const char *path, size_t *len)
{
    const struct overlay *o = ctx;
    char *real = realpath(path, NULL);
    bool same = real && strcmp(real, o->canon) == 0;
    free(real);
    if (!same)
        return NULL;
    *len = o->len;
    return o->text;
}

static bool same_file(const struct source *src, const char *canon)
{
    char *real = src ? realpath(src->path, NULL) : NULL;
    bool same = real && strcmp(real, canon) == 0;
    free(real);
    return same;
}

/* The file the entries go to: FILE when it holds a block of the date or no
 * file of the plan does; else the file of the plan (inside its root) that
 * holds that block, as a plan split by team keeps its check-ins in one
 * file. NULL: FILE. */
static const struct source *block_file(struct arena *a, const struct plan *plan, const char *canon,
                                       okr_day day, const char *root)
{
    const struct source *other = NULL;
    for (size_t i = 0; i < plan->checkins.len; i++) {
        const struct checkin *c = plan->checkins.items[i];
        if (!c->date_present || c->date.value != day || !c->block.end)
            continue;
        if (same_file(c->at.src, canon))
            return NULL;
        if (!other && c->at.src->path && load_within_root(a, root, c->at.src->path))
            other = c->at.src;
    }
    return other;
}

/* Where the entries go: into the block of the date in the file (before its
 * closing brace, as a line of its own when the block spans lines), else a
 * new block after the file's last check-in block (or at its end). */
static char *insert_entries(struct arena *a, const struct plan *plan, const char *canon,
                            const char *text, size_t len, okr_day day, const char *const *lines,
                            size_t n, size_t *out_len)
{
    const struct checkin *same_day = NULL, *last = NULL;
    for (size_t i = 0; i < plan->checkins.len; i++) {
        const struct checkin *c = plan->checkins.items[i];
        if (!same_file(c->at.src, canon) || !c->block.end || c->block.end > len)
            continue;
        if (!last || c->block.end > last->block.end)
            last = c;
        if (c->date_present && c->date.value == day)
            same_day = c;
    }
    const char *add = "";
    size_t at;
    if (same_day && same_day->block.end > 0 && text[same_day->block.end - 1] == '}') {
        size_t brace = same_day->block.end - 1, line = brace;
        while (line > 0 && text[line - 1] != '\n')
            line--;
        bool alone = true;      /* the brace opens its line: the entries go above it */
        for (size_t i = line; i < brace; i++)
            alone = alone && (text[i] == ' ' || text[i] == '\t');
        if (alone) {
            at = line;
            for (size_t i = 0; i < n; i++)
                add = arena_printf(a, "%s  %s\n", add, lines[i]);
        } else {
            /* `{ a.b = 1 }`: the entries join the line, before the brace */
            at = brace;
            while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
                at--;
            bool empty = at > 0 && text[at - 1] == '{';
            for (size_t i = 0; i < n; i++)
                add = arena_printf(a, "%s%s%s", add, i == 0 && empty ? " " : "  ", lines[i]);
            if (empty || at == brace)
                add = arena_printf(a, "%s ", add);
        }
    } else {
        char date[11];
        date_format(day, date);
        add = arena_printf(a, "checkin %s {\n", date);
        for (size_t i = 0; i < n; i++)
            add = arena_printf(a, "%s  %s\n", add, lines[i]);
        add = arena_printf(a, "%s}\n", add);
        if (last) {
            at = last->block.end;
            while (at < len && text[at] != '\n')
                at++;
            at = at < len ? at + 1 : len;
            if (at == len && len && text[len - 1] != '\n')
                add = arena_printf(a, "\n%s", add);
        } else {
            at = len;
            if (len && text[len - 1] != '\n')
                add = arena_printf(a, "\n%s", add);
        }
    }
    /* a file written with CRLF gets its new lines with CRLF too */
    const char *first_break = memchr(text, '\n', len);
    if (first_break && first_break > text && first_break[-1] == '\r') {
        size_t n = strlen(add), breaks = 0;
        for (size_t i = 0; i < n; i++)
            breaks += add[i] == '\n';
        char *crlf = arena_alloc(a, n + breaks + 1), *o = crlf;
        for (size_t i = 0; i < n; i++) {
            if (add[i] == '\n' && !(i > 0 && add[i - 1] == '\r'))
                *o++ = '\r';
            *o++ = add[i];
        }
        *o = '\0';
        add = crlf;
    }
    size_t add_len = strlen(add);
    char *out = arena_alloc(a, len + add_len + 1);
    memcpy(out, text, at);
    memcpy(out + at, add, add_len);
    memcpy(out + at + add_len, text + at, len - at);
    out[len + add_len] = '\0';
    *out_len = len + add_len;
    return out;
}

static const struct key_result *find_kr(const struct plan *plan, const char *ref)
{
    const char *dot = strchr(ref, '.');
    if (!dot)
        return NULL;
    const struct objective *o = hash_get(plan->objective_ids, ref, (size_t)(dot - ref));
    for (size_t k = 0; o && k < o->key_results.len; k++) {
        const struct key_result *kr = o->key_results.items[k];
        if (strlen(dot + 1) == kr->id.name.len && memcmp(dot + 1, kr->id.name.ptr, kr->id.name.len) == 0)
            return kr;
    }
    return NULL;
}

/* "grow.revenue: 0.40 on-track -> 0.55 on-track" for each entry. */
static void print_moves(FILE *out, const struct plan *before, const struct plan *after,
                        const struct entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct key_result *a = find_kr(before, e[i].ref), *b = find_kr(after, e[i].ref);
        if (!a || !b)
            continue;
        fprintf(out, "%s: %.2f %s -> %.2f %s\n", e[i].ref, a->progress->score,
                progress_status_name(a->progress->status), b->progress->score,
                progress_status_name(b->progress->status));
    }
}

/* Entries from the words after FILE: OBJ.KR VALUE [confidence N] [note TEXT]. */
static bool read_entries(struct arena *a, char **words, int n, struct entry *out, size_t *count)
{
    size_t k = 0;
    for (int i = 0; i < n;) {
        const char *ref = words[i];
        bool grade = i + 2 < n && strcmp(words[i + 1], "grade") == 0;
        if ((!grade && !strchr(ref, '.')) || ref[0] == '.' || i + 1 >= n) {
            cli_usage_error("checkin", "expected OBJ.KR VALUE or OBJ[.KR] grade G, not '%s'%s", ref,
                            i + 1 >= n ? " alone" : "");
            return false;
        }
        struct entry e = {ref, words[i + 1], NULL, NULL, grade};
        if (grade)
            e.value = words[++i + 1];
        i += 2;
        if (grade) {
            /* a grade takes a note, no confidence */
        } else if (strcmp(e.value, "not") == 0 && i < n && strcmp(words[i], "done") == 0) {
            e.value = "not done";
            i++;
        } else if (i < n && !strchr(words[i], '.') && strcmp(words[i], "confidence") != 0 &&
                   strcmp(words[i], "note") != 0 && !strchr(e.value, ' ')) {
            /* `o.k 25 USD`: a unit as a word of its own */
            e.value = arena_printf(a, "%s %s", e.value, words[i]);
            i++;
        }
        while (i + 1 < n && (strcmp(words[i], "confidence") == 0 || strcmp(words[i], "note") == 0)) {
            if (words[i][0] == 'c')
                e.confidence = words[i + 1];
            else
                e.note = words[i + 1];
            i += 2;
        }
        out[k++] = e;
    }
    *count = k;
    if (!k)
        cli_usage_error("checkin", "%s", "no entry: name OBJ.KR VALUE after the file");
    return k > 0;
}

int cmd_checkin(int argc, char **argv)
{
    enum { OPT_DATE = 256, OPT_AS_OF, OPT_DIFF, OPT_COLOR };
    static const struct option options[] = {
        {"date", required_argument, NULL, OPT_DATE}, {"as-of", required_argument, NULL, OPT_AS_OF},
        {"write", no_argument, NULL, 'w'},          {"diff", no_argument, NULL, OPT_DIFF},
        {"color", required_argument, NULL, OPT_COLOR}, {"help", no_argument, NULL, 'h'},
        CLI_LOAD_OPTIONS, CLI_ROOT_OPTION,          {0},
    };
    struct load_opts load = {0};
    const char *date_arg = NULL, *as_of_arg = NULL, *color = "auto";
    bool write = false, diff = false;
    int c;
    while ((c = cli_getopt("checkin", argc, argv, ":hw", options)) != -1) {
        switch (c) {
        case OPT_DATE: date_arg = optarg; break;
        case OPT_AS_OF: as_of_arg = optarg; break;
        case 'w': write = true; break;
        case OPT_DIFF: diff = true; break;
        case OPT_COLOR:
            if (!cli_color_option("checkin", optarg, &color))
                return EXIT_USAGE;
            break;
        case 'h': fputs(checkin_help, stdout); return EXIT_CLEAN;
        default: {
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("checkin", c, optarg, &load);
            if (taken <= 0)
                return EXIT_USAGE;
            break;
        }
        }
    }
    if (write && diff)
        return cli_usage_error("checkin", "%s", "-w and --diff exclude each other");
    if (optind >= argc)
        return cli_usage_error("checkin", "%s", "name the plan file, then OBJ.KR VALUE");
    char *file = argv[optind];
    okr_day day, as_of;
    if (!cli_as_of(date_arg, &day))
        return cli_as_of_error("checkin", date_arg);
    if (as_of_arg && !cli_as_of(as_of_arg, &as_of))
        return cli_as_of_error("checkin", as_of_arg);
    if (!as_of_arg)
        as_of = day;
    struct arena arena = {0};
    struct entry *entries = arena_alloc(&arena, ((size_t)argc + 1) * sizeof *entries);
    size_t n = 0;
    if (!read_entries(&arena, argv + optind + 1, argc - optind - 1, entries, &n)) {
        arena_free(&arena);
        return EXIT_USAGE;
    }

    char err[256];
    struct source *src = source_read(&arena, file, 0, LOAD_DEFAULT_MAX_FILE_SIZE, false, err, sizeof err);
    char *canon = src ? realpath(file, NULL) : NULL;
    if (!src || !canon) {
        fprintf(stderr, "okrc checkin: error: cannot read '%s': %s\n", file, src ? "no such file" : err);
        free(canon);
        arena_free(&arena);
        return EXIT_USAGE;
    }
    /* The plan as it is: it must compile, and it says where the entries go. */
    struct cli_run before;
    cli_compile_in_context(&before, &file, 1, as_of, &load);
    int rc = cli_exit_code(&before, false);
    const char *root = load.root ? load.root : load_default_root(&arena, file);
    const struct source *elsewhere = rc == EXIT_CLEAN ? block_file(&arena, &before.plan, canon, day, root)
                                                      : NULL;
    struct source *target = src;
    char *named = file;             /* FILE as the user named it */
    if (elsewhere) {
        /* The block of the date is in another file of the plan: the
         * entries go there, and that file is what is printed or written. */
        char *real = realpath(elsewhere->path, NULL);
        if (real) {
            free(canon);
            canon = real;
            target = source_from_memory(&arena, elsewhere->path, elsewhere->text, elsewhere->len, 0);
            target->bom = elsewhere->bom;
            file = arena_strndup(&arena, elsewhere->path, strlen(elsewhere->path));
            fprintf(stderr, "okrc checkin: the check-in block of the date is in '%s': the entries go there\n",
                    file);
        }
    }
    if (rc != EXIT_CLEAN) {
        cli_print_diagnostics(&before, color);
        fprintf(stderr, "okrc checkin: error: '%s' has errors; fix them before checking in\n", file);
    } else {
        const char **lines = arena_alloc(&arena, (n + 1) * sizeof *lines);
        for (size_t i = 0; i < n; i++)
            lines[i] = entry_text(&arena, &entries[i]);
        size_t new_len;
        char *text = insert_entries(&arena, &before.plan, canon, target->text, target->len, day, lines, n,
                                    &new_len);
        /* The plan with the entries: the compiler checks them. */
        struct overlay o = {canon, text, new_len};
        struct load_opts with = load;
        with.overlay = overlay_text;
        with.overlay_ctx = &o;
        struct cli_run after;
        /* both named, so that findings in the file written are shown */
        char *both[2] = {named, file};
        cli_compile_in_context(&after, both, target == src ? 1 : 2, as_of, &with);
        rc = cli_exit_code(&after, false);
        if (rc != EXIT_CLEAN) {
            diag_keep_errors(&after.diags);
            cli_print_diagnostics(&after, color);
            fprintf(stderr, "okrc checkin: error: nothing written (the lines above are those the "
                            "entries would have in %s)\n", file);
        } else if (diff) {
            struct fmt_text d = fmt_diff(&arena, file, target->text, target->len, text, new_len);
            fwrite(d.data, 1, d.len, stdout);
            print_moves(stderr, &before.plan, &after.plan, entries, n);
        } else if (write) {
            struct output out;
            if (!output_open(&out, file)) {
                rc = EXIT_USAGE;
            } else {
                if (target->bom)
                    fputs("\xEF\xBB\xBF", out.file);
                fwrite(text, 1, new_len, out.file);
                rc = output_commit(&out) ? EXIT_CLEAN : EXIT_USAGE;
            }
            if (rc == EXIT_CLEAN)
                print_moves(stdout, &before.plan, &after.plan, entries, n);
        } else {
            fwrite(text, 1, new_len, stdout);
            print_moves(stderr, &before.plan, &after.plan, entries, n);
        }
        cli_free(&after);
    }
    cli_free(&before);
    if (target != src)
        source_free(target);
    source_free(src);
    free(canon);
    arena_free(&arena);
    return rc;
}
