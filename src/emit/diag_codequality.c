/* diag_codequality.c — `check --format codequality` (also `codeclimate`,
 * `gitlab`): GitLab's Code Quality report, the Code Climate issue format
 * GitLab shows in merge requests. A JSON array with one object per finding:
 *   {"type": "issue", "check_name": RULE, "description": MESSAGE,
 *    "categories": [...], "severity": "major"|"minor"|"info",
 *    "fingerprint": ID, "location": {"path": P, "lines": {"begin": L, "end": L}}}
 * GitLab wants the path relative to the repository, so a leading "./" is
 * dropped; the fingerprint is diag_fingerprints(), the one SARIF carries. */
#include "emit/diag_render.h"
#include "emit/json_stream.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GitLab's scale is info, minor, major, critical, blocker; an error fails the
 * pipeline, so it is major (as ESLint's and ruff's GitLab formats do). */
static const char *cq_severity(enum severity s)
{
    switch (s) {
    case SEV_ERROR: return "major";
    case SEV_WARNING: return "minor";
    case SEV_INFO:
    case SEV_OFF: break;
    }
    return "info";
}

static const char *relative_path(const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        for (path += 2; *path == '/'; path++)
            ;
    return path;
}

/* The message and its notes, one line each, as the description: GitLab shows
 * it as plain text. */
static const char *describe(struct diag_ctx *d, const struct diag *g)
{
    if (!g->notes)
        return g->message;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return g->message;
    fputs(g->message, f);
    for (const struct diag_note *n = g->notes; n; n = n->next) {
        fputs("\nnote: ", f);
        if (n->at.src) {
            struct position p = source_position(n->at.src, n->at.start);
            fprintf(f, "%s:%d: ", relative_path(n->at.src->path), p.line);
        }
        fputs(n->message, f);
    }
    const char *s = fclose(f) == 0 ? text_valid_utf8(d->arena, arena_strndup(d->arena, buf, len))
                                   : g->message;
    free(buf);
    return s;
}

static json_t *issue(struct diag_ctx *d, const struct diag *g, const char *fingerprint)
{
    const struct source *src = g->at.src;
    struct position p = src ? source_position(src, g->at.start) : (struct position){1, 1};
    struct position e = src ? source_position(src, g->at.end) : p;
    /* A span ending at a line's start ends on the line before. */
    if (src && e.line > p.line && e.column == 1)
        e.line--;
    const struct rule_info *r = rule_info(g->rule);
    return json_pack("{s:s, s:s, s:s, s:[s], s:s, s:s, s:{s:s, s:{s:i, s:i}}}", "type", "issue",
                     "check_name", r->name, "description", describe(d, g), "categories",
                     r->structural ? "Bug Risk" : "Clarity", "severity", cq_severity(g->severity),
                     "fingerprint", fingerprint, "location", "path",
                     src ? text_valid_utf8(d->arena, relative_path(src->path)) : "", "lines", "begin",
                     p.line, "end", e.line);
}

struct issues {
    struct diag_ctx *d;
    const char **fingerprints;
};

static json_t *nth_issue(size_t i, void *ctx)
{
    const struct issues *is = ctx;
    return issue(is->d, is->d->list.items[i], is->fingerprints[i]);
}

/* The issues one at a time (json_stream.h). */
int diag_render_codequality(struct diag_ctx *d, FILE *out)
{
    struct issues is = {d, diag_fingerprints(d)};
    return json_stream(out, NULL, NULL, d->list.len, nth_issue, &is);
}
