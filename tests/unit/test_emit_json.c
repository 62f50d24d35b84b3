/* Unit tests for emit_json.c: what a plan file cannot reach (bytes that are
 * not UTF-8 in a title), and that jansson's allocator is given back. */
#include "cli.h"
#include "emit.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static const char plan_text[] =
    "objective a \"First\" { period 2027-Q1 owner @ann\n"
    "  kr k \"Grow\" { from 0 to 10 current 4 } }\n"
    "objective b \"Second\" { period 2027-Q1 owner @bob aligns a\n"
    "  kr k \"Keep\" { keep >= 99.5% current 99.7% } }\n";

/* Compiles plan_text as of 2027-02-15; the caller frees it. */
static struct cli_run *compile(void)
{
    char path[] = "/tmp/okrc-test-emit-json-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, plan_text, strlen(plan_text)) != (ssize_t)strlen(plan_text))
        abort();
    close(fd);
    struct cli_run *run = malloc(sizeof *run);
    char *files[] = {path};
    okr_day as_of;
    date_parse("2027-02-15", 10, &as_of);
    cli_compile(run, files, 1, as_of);
    unlink(path);
    progress_compute(&run->plan);
    return run;
}

/* Runs emit_json into memory and parses the result back. */
static json_t *emit_and_parse(struct report *r)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    emit_json(r, f);
    fclose(f);
    json_error_t error;
    json_t *doc = json_loadb(text, n, 0, &error);
    if (!doc)
        printf("  not JSON: %s at line %d\n", error.text, error.line);
    free(text);
    return doc;
}

static const char *title_of(json_t *doc, size_t i)
{
    return json_string_value(json_object_get(json_array_get(json_object_get(doc, "objectives"), i), "title"));
}

int main(void)
{
    struct cli_run *run = compile();
    CHECK("test plan compiles", run->diags.errors == 0);
    struct report_filter none = {0};
    struct report r;
    report_build(&r, &run->plan, &none);

    json_t *doc = emit_and_parse(&r);
    CHECK("report parses back", doc != NULL);
    CHECK("two objectives", json_array_size(json_object_get(doc, "objectives")) == 2);
    CHECK("second aligns to the first",
          strcmp(json_string_value(json_array_get(json_object_get(
                     json_array_get(json_object_get(doc, "objectives"), 1), "aligns"), 0)), "a") == 0);
    json_decref(doc);

    struct objective *first = run->plan.objectives.items[0];
    first->title = (str){"caf\xe9 \xff!", 7};     /* Latin-1 é and a stray byte */
    doc = emit_and_parse(&r);
    CHECK("invalid UTF-8: still JSON", doc != NULL);
    CHECK("invalid UTF-8: non-ASCII bytes become '?'", doc && strcmp(title_of(doc, 0), "caf? ?!") == 0);
    CHECK("invalid UTF-8: the next objective is intact", doc && strcmp(title_of(doc, 1), "Second") == 0);
    json_decref(doc);

    json_malloc_t m;
    json_free_t f;
    json_get_alloc_funcs(&m, &f);
    CHECK("jansson's allocator is restored", m == malloc && f == free);

    r.objectives.len = 0;
    doc = emit_and_parse(&r);
    CHECK("no objectives: an empty list", doc && json_array_size(json_object_get(doc, "objectives")) == 0);
    json_decref(doc);

    cli_free(run);
    free(run);
    return failures != 0;
}
