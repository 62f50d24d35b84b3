/* diag_sarif.c — `check --format sarif`: SARIF 2.1.0 for code-scanning
 * tools, via jansson. Columns count code points (columnKind says so), the
 * same unit as the human output; end columns point just past the span. */
#define _GNU_SOURCE     /* asprintf */
#include "emit/diag_render.h"
#include "emit/json_stream.h"
#include "lib/diag.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/version.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
/* The project's home; a placeholder until okrc has a public repository. */
#define OKRC_INFORMATION_URI "https://github.com/okrc/okrc"

static json_t *text(const char *s)
{
    return json_pack("{s:s}", "text", s);
}

static const char *level(enum severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_INFO: return "note";
    case SEV_OFF: break;
    }
    return "none";
}

/* The path as given, percent-encoded as a URI reference; absolute paths
 * (the stdlib) become file: URIs. */
static char *path_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *out = malloc(n * 3 + 8), *o = out;
    if (path[0] == '/')
        o += snprintf(o, 8, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

static json_t *location(span at, const char *message)
{
    const struct source *src = at.src;
    struct position p = source_position(src, at.start), e = source_position(src, at.end);
    char *uri = path_uri(src->path);
    json_t *loc = json_pack("{s:{s:{s:s}, s:{s:i, s:i, s:i, s:i}}}", "physicalLocation",
                            "artifactLocation", "uri", uri, "region", "startLine", p.line,
                            "startColumn", p.column, "endLine", e.line, "endColumn", e.column);
    free(uri);
    if (message)
        json_object_set_new(loc, "message", text(message));
    return loc;
}

static json_t *rule_descriptor(enum rule_id id)
{
    const struct rule_info *r = rule_info(id);
    const struct rule_doc *doc = rule_doc(id);
    json_t *config = json_pack("{s:s}", "level", level(r->default_severity));
    if (r->default_severity == SEV_OFF)
        json_object_set_new(config, "enabled", json_false());
    char *description = NULL, *help = NULL;
    if (asprintf(&description, "%s %s", doc->checks, doc->why) < 0 ||
        asprintf(&help, "Example: %s\nFix: %s", doc->example, doc->fix) < 0) {
        free(description);
        return json_pack("{s:s}", "id", r->name);
    }
    json_t *d = json_pack("{s:s, s:o, s:o, s:o, s:o}", "id", r->name, "shortDescription",
                          text(r->summary), "fullDescription", text(description), "help", text(help),
                          "defaultConfiguration", config);
    free(description);
    free(help);
    return d;
}

static json_t *result(const struct diag *g)
{
    json_t *res = json_pack("{s:s, s:i, s:s, s:o}", "ruleId", rule_info(g->rule)->name, "ruleIndex",
                            (int)g->rule, "level", level(g->severity), "message", text(g->message));
    if (g->at.src)
        json_object_set_new(res, "locations", json_pack("[o]", location(g->at, NULL)));
    json_t *related = json_array();
    int id = 0;
    for (const struct diag_note *n = g->notes; n; n = n->next) {
        if (!n->at.src)
            continue;
        json_t *loc = location(n->at, n->message);
        json_object_set_new(loc, "id", json_integer(id++));
        json_array_append_new(related, loc);
    }
    if (json_array_size(related))
        json_object_set_new(res, "relatedLocations", related);
    else
        json_decref(related);
    return res;
}

/* The identity code scanning tracks a finding by across commits, under the
 * key GitHub computes itself when a tool gives none (diag_fingerprint.c). */
static void set_fingerprint(json_t *res, const char *fingerprint)
{
    json_object_set_new(res, "partialFingerprints",
                        json_pack("{s:s}", "primaryLocationLineHash", fingerprint));
}

struct results {
    struct diag_ctx *d;
    const char **fingerprints;
};

static json_t *nth_result(size_t i, void *ctx)
{
    const struct results *r = ctx;
    json_t *res = result(r->d->list.items[i]);
    set_fingerprint(res, r->fingerprints[i]);
    return res;
}

/* The results one at a time (json_stream.h). */
int diag_render_sarif(struct diag_ctx *d, FILE *out)
{
    json_t *rules = json_array(), *results = json_array();
    for (int i = 0; i < RULE_COUNT; i++)
        json_array_append_new(rules, rule_descriptor((enum rule_id)i));
    struct results r = {d, diag_fingerprints(d)};
    json_t *driver = json_pack("{s:s, s:s, s:s, s:o}", "name", "okrc", "version", OKRC_VERSION,
                               "informationUri", OKRC_INFORMATION_URI, "rules", rules);
    json_t *run = json_pack("{s:{s:o}, s:s, s:o}", "tool", "driver", driver, "columnKind",
                            "unicodeCodePoints", "results", results);
    json_t *root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
                             "runs", run);
    return json_stream(out, root, "results", d->list.len, nth_result, &r);
}
