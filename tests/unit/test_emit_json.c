/* Unit tests for emit_json.c: what a plan file cannot reach (bytes that are
 * not UTF-8, control characters, NaN), each time also checking that the
 * streaming writer wrote exactly what jansson writes for the same document. */
#include "cmd/cli.h"
#include "emit/emit.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/text.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "../tools/jansson_layout.h"

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
    return run;
}

static bool same_as_jansson;    /* set by emit_and_parse */

/* Runs emit_json into memory and parses the result back; notes whether
 * jansson dumps the parsed document to the same bytes. */
static json_t *emit_and_parse(struct report *r)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    emit_json(r, f);
    fclose(f);
    json_error_t error;
    json_t *doc = json_loadb(text, n, JSON_REJECT_DUPLICATES, &error);
    same_as_jansson = doc && is_jansson_layout(doc, text, n);
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
    CHECK("report is what jansson writes", same_as_jansson);
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
    CHECK("invalid UTF-8: what jansson writes", same_as_jansson);
    json_decref(doc);

    /* Overlong '/', a surrogate and a code point past U+10FFFF: not UTF-8. */
    const char *bad[] = {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        first->title = (str){bad[i], strlen(bad[i])};
        doc = emit_and_parse(&r);
        const char *t = doc ? title_of(doc, 0) : NULL;
        CHECK("ill-formed sequences become '?'", t && strspn(t, "?") == strlen(bad[i]) && t[strlen(bad[i])] == 0);
        json_decref(doc);
    }

    static const char controls[] = "\x01\x1f\x7f \" \\ / \b\f\n\r\t \xf0\x9f\x98\x80 \xe2\x80\xa8";
    first->title = (str){controls, sizeof controls - 1};
    doc = emit_and_parse(&r);
    CHECK("control characters and escapes come back", doc && strcmp(title_of(doc, 0), controls) == 0);
    CHECK("control characters: what jansson writes", same_as_jansson);
    json_decref(doc);

    /* one byte to escape at every place of a longer plain title: the
     * writer skips plain runs eight bytes at a time */
    static const char specials[] = {'"', '\\', '\n', 0x1f, 0x7f, 0x01, '\t'};
    static char title[25];
    bool every_place = true;
    for (size_t k = 0; k < sizeof specials; k++)
        for (size_t at = 0; at < 24; at++) {
            memset(title, 'a', 24);
            title[24] = 0;
            title[at] = specials[k];
            first->title = (str){title, 24};
            doc = emit_and_parse(&r);
            if (!doc || strcmp(title_of(doc, 0), title) != 0 || !same_as_jansson)
                every_place = false;
            json_decref(doc);
        }
    CHECK("a byte to escape at any place of a title comes back", every_place);
    first->title = (str){"First", 5};

    struct key_result *kr = first->key_results.items[0];
    kr->progress->score = NAN;
    kr->progress->remaining = INFINITY;
    doc = emit_and_parse(&r);
    json_t *k = json_array_get(json_object_get(json_array_get(json_object_get(doc, "objectives"), 0), "key_results"), 0);
    CHECK("NaN and infinity: null", json_is_null(json_object_get(k, "score")) &&
                                        json_is_null(json_object_get(k, "remaining")));
    CHECK("NaN and infinity: what jansson writes", same_as_jansson);
    json_decref(doc);

    /* reals: the four-decimal ones are written without printf, the others
     * with it; both as jansson writes them */
    const double reals[] = {0.1, 0.1 + 0.2, -0.0, 1e-5, 0.00005, 2.5, -12.3456, 1.0 / 3,
                            99.99995, 123456.789, 9999999999.9999, 1e10 + 0.5, 5e-324,
                            0.30000000000000004, 1234.5678, -0.0001, 1e15 + 0.5,
                            1e14 + 0.5, 0.0001, 123456789012.345, 1003.2967033, 2.0,
                            0.000123, 99999999999999.9, 0.12345, 0.99995, -0.00004, 0.5,
                            0.00015, 1.23455, 999999.99995, 1e6, -3.14159};
    bool all_same = true;
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        kr->progress->score = reals[i];
        kr->progress->remaining = reals[i];
        doc = emit_and_parse(&r);
        if (!doc || !same_as_jansson) {
            printf("  real %.17g: not what jansson writes\n", reals[i]);
            all_same = false;
        }
        json_decref(doc);
    }
    CHECK("reals: what jansson writes", all_same);
    /* scores take a shortcut to their four decimals (emit_json.c,
     * jw_score): a sweep of values of every number of decimals */
    bool scores_same = true;
    for (int i = -300; i < 3400 && scores_same; i++) {
        /* then halves of the fourth decimal, which round away from zero */
        double score = i < 3000 ? i * 0.000731 + (i % 7) * 1e-6 : (i - 3200 + 0.5) / 10000;
        kr->progress->score = score;
        doc = emit_and_parse(&r);
        json_t *written = json_object_get(json_array_get(json_object_get(json_array_get(
            json_object_get(doc, "objectives"), 0), "key_results"), 0), "score");
        if (!doc || !same_as_jansson || json_real_value(written) != round(score * 10000) / 10000) {
            printf("  score %.17g: not what jansson writes\n", kr->progress->score);
            scores_same = false;
        }
        json_decref(doc);
    }
    CHECK("scores: what jansson writes, every number of decimals", scores_same);

    r.objectives.len = 0;
    doc = emit_and_parse(&r);
    CHECK("no objectives: an empty list", doc && json_array_size(json_object_get(doc, "objectives")) == 0);
    json_decref(doc);

    cli_free(run);
    free(run);
    return failures != 0;
}
