/* outline.c — the shape of a document (symbols, folds) and what may be
 * typed at a point (completion), read from the compiled plan. */
#define _GNU_SOURCE
#include "lsp/outline.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/stdlib_path.h"
#include "lsp/server.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SYM_NAMESPACE = 3, SYM_CLASS = 5, SYM_FIELD = 8, SYM_FUNCTION = 12, SYM_EVENT = 24,
       SYM_CONSTANT = 14, SYM_KEY = 20 };

/* A declaration's whole extent, as the parser saw it (model.h's block);
 * the head alone where recovery never reached its end. */
static span extent(span block, span head)
{
    return block.src ? block : head;
}

static json_t *symbol(struct server *s, const char *name, int kind, span whole, span id, const char *detail)
{
    if (whole.src == id.src) {     /* the head's span may start after the name */
        whole.start = whole.start < id.start ? whole.start : id.start;
        whole.end = whole.end > id.end ? whole.end : id.end;
    }
    if (whole.src != id.src || whole.start > id.start || whole.end < id.end)
        whole = id;             /* a cut-short block: the name is the range */
    json_t *o = json_pack("{s:s,s:i,s:o,s:o}", "name", name, "kind", kind, "range", lsp_range(s, whole),
                          "selectionRange", lsp_range(s, id));
    if (detail && *detail)
        json_object_set_new(o, "detail", json_string(detail));
    return o;
}

static char *name_of(const ident *id)
{
    return strndup(id->name.ptr, id->name.len);
}

json_t *outline_symbols(struct server *s, struct unit *u)
{
    json_t *list = json_array();
    const struct plan *plan = &u->plan;
    for (size_t i = 0; i < plan->teams.len; i++) {
        const struct team *t = plan->teams.items[i];
        if (t->id.at.src != u->root)
            continue;
        char *n = name_of(&t->id), *title = strndup(t->title.ptr, t->title.len);
        json_array_append_new(list, symbol(s, n, SYM_NAMESPACE, extent(item_span(t->at, t->block), t->at), t->id.at, title));
        free(n);
        free(title);
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        if (o->id.at.src != u->root)
            continue;
        char *n = name_of(&o->id), *title = strndup(o->title.ptr, o->title.len);
        json_t *sym = symbol(s, n, SYM_CLASS, extent(item_span(o->at, o->block), o->at), o->id.at, title), *children = json_array();
        free(n);
        free(title);
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            char *kn = name_of(&kr->id), *kt = strndup(kr->title.ptr, kr->title.len);
            json_array_append_new(children, symbol(s, kn, SYM_FIELD, extent(item_span(kr->at, kr->block), kr->at), kr->id.at, kt));
            free(kn);
            free(kt);
        }
        for (size_t k = 0; k < o->initiatives.len; k++) {
            const struct initiative *in = o->initiatives.items[k];
            char *kn = name_of(&in->id), *kt = strndup(in->title.ptr, in->title.len);
            json_array_append_new(children, symbol(s, kn, SYM_FUNCTION, extent(item_span(in->at, in->block), in->at), in->id.at, kt));
            free(kn);
            free(kt);
        }
        json_object_set_new(sym, "children", children);
        json_array_append_new(list, sym);
    }
    for (size_t i = 0; i < plan->checkins.len; i++) {
        const struct checkin *c = plan->checkins.items[i];
        if (c->at.src != u->root || !c->date_present)
            continue;
        char day[11], name[32];
        date_format(c->date.value, day);
        snprintf(name, sizeof name, "checkin %s", day);
        /* "maria, joost": everyone who checked in */
        const char *by = NULL;
        if (checkin_by(c)->name.ptr) {
            by = arena_strndup(c->at.src->arena, checkin_by(c)->name.ptr, checkin_by(c)->name.len);
            for (size_t k = 0; k < checkin_co_by(c)->len; k++) {
                const ident *o = checkin_co_by(c)->items[k];
                by = arena_printf(c->at.src->arena, "%s, %.*s", by, (int)o->name.len, o->name.ptr);
            }
        }
        json_array_append_new(list, symbol(s, name, SYM_EVENT, extent(item_span(c->at, c->block), c->at),
                                           item_span(c->at, c->date.at), by));
    }
    return list;
}

static void fold(struct server *s, json_t *list, span at)
{
    if (!at.src)
        return;
    json_t *a = lsp_position(s, at.src, at.start), *b = lsp_position(s, at.src, at.end);
    json_int_t start = json_integer_value(json_object_get(a, "line"));
    json_int_t end = json_integer_value(json_object_get(b, "line"));
    json_decref(a);
    json_decref(b);
    if (end > start)
        json_array_append_new(list, json_pack("{s:I,s:I}", "startLine", start, "endLine", end));
}

json_t *outline_folding(struct server *s, struct unit *u)
{
    json_t *list = json_array();
    const struct plan *plan = &u->plan;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        if (o->at.src != u->root)
            continue;
        fold(s, list, item_span(o->at, o->block));
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            fold(s, list, item_span(kr->at, kr->block));
        }
        for (size_t k = 0; k < o->initiatives.len; k++) {
            const struct initiative *in = o->initiatives.items[k];
            fold(s, list, item_span(in->at, in->block));
        }
    }
    for (size_t i = 0; i < plan->checkins.len; i++) {
        const struct checkin *c = plan->checkins.items[i];
        if (c->at.src == u->root)
            fold(s, list, item_span(c->at, c->block));
    }
    for (size_t i = 0; i < plan->rules_blocks.len; i++) {
        const struct rules_block *b = plan->rules_blocks.items[i];
        if (b->at.src == u->root)
            fold(s, list, item_span(b->at, b->block));
    }
    for (size_t i = 0; i < plan->teams.len; i++) {
        const struct team *t = plan->teams.items[i];
        if (t->at.src == u->root)
            fold(s, list, item_span(t->at, t->block));
    }
    return list;
}

/* ---- completion ---- */

enum { ITEM_CLASS = 7, ITEM_FIELD = 5, ITEM_MODULE = 9, ITEM_VALUE = 12, ITEM_KEYWORD = 14, ITEM_FILE = 17 };

static void item(json_t *list, const char *label, size_t len, int kind, const char *detail, size_t dlen)
{
    json_t *o = json_pack("{s:s%,s:i}", "label", label, len, "kind", kind);
    if (detail && dlen)
        json_object_set_new(o, "detail", json_stringn(detail, dlen));
    json_array_append_new(list, o);
}

/* The tags the plan uses, each once, as "#name". */
static void tag_items(json_t *list, json_t *seen, const struct vec *tags)
{
    for (size_t i = 0; i < tags->len; i++) {
        const ident *t = tags->items[i];
        char *label = malloc(t->name.len + 2);
        if (!label)
            continue;
        label[0] = '#';
        memcpy(label + 1, t->name.ptr, t->name.len);
        label[t->name.len + 1] = '\0';
        if (!json_object_get(seen, label)) {
            json_object_set_new(seen, label, json_true());
            item(list, label, t->name.len + 1, ITEM_VALUE, "tag", 3);
        }
        free(label);
    }
}

static void tags(json_t *list, const struct plan *plan)
{
    json_t *seen = json_object();
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        tag_items(list, seen, &objective_more(o)->tags);
        for (size_t k = 0; k < o->key_results.len; k++)
            tag_items(list, seen, &kr_more(o->key_results.items[k])->tags);
        for (size_t k = 0; k < o->initiatives.len; k++)
            tag_items(list, seen, &initiative_more(o->initiatives.items[k])->tags);
    }
    json_decref(seen);
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || (unsigned char)c >= 0x80;
}

/* Whether offset lies inside a `rules { ... }` block of the root. */
static bool in_rules_block(const struct unit *u, uint32_t offset)
{
    for (size_t i = 0; i < u->plan.rules_blocks.len; i++) {
        const struct rules_block *b = u->plan.rules_blocks.items[i];
        /* a block not closed yet (being typed) runs to the end */
        span block = item_span(b->at, b->block);
        span whole = block.src ? block : (span){b->at.src, b->at.start, UINT32_MAX};
        if (whole.src == u->root && whole.start < offset && offset <= whole.end)
            return true;
    }
    return false;
}

static void people(json_t *list, const struct plan *plan)
{
    for (size_t i = 0; i < plan->people.len; i++) {
        const struct person *p = plan->people.items[i];
        json_t *o = json_pack("{s:s+%,s:i,s:s%,s:s%}", "label", "@", p->id.name.ptr, p->id.name.len,
                              "kind", ITEM_VALUE, "detail", p->name.ptr, p->name.len, "insertText",
                              p->id.name.ptr, p->id.name.len);
        json_array_append_new(list, o);
    }
}

/* Every .okr file under the standard library's folders, as `use` names
 * it ("std/bsc"), found at each request (a folder of a few files). */
static void library_walk(json_t *list, json_t *seen, const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = NULL, *name = NULL;
        size_t n = strlen(e->d_name);
        if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
            continue;
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (asprintf(&name, "%s%s/", prefix, e->d_name) > 0)
                library_walk(list, seen, path, name);
        } else if (n > 4 && strcmp(e->d_name + n - 4, ".okr") == 0 &&
                   asprintf(&name, "%s%.*s", prefix, (int)(n - 4), e->d_name) > 0 &&
                   !json_object_get(seen, name)) {
            json_object_set_new(seen, name, json_true());
            item(list, name, strlen(name), ITEM_FILE, "standard library", 16);
        }
        free(name);
        free(path);
    }
    closedir(d);
}

static void library_paths(json_t *list)
{
    struct arena a = {0};
    struct stdlib_path sp;
    stdlib_path_init(&sp, &a);
    json_t *seen = json_object();
    for (size_t i = 0; i < sp.dirs.len; i++)
        library_walk(list, seen, sp.dirs.items[i], "");
    json_decref(seen);
    arena_free(&a);
}

json_t *outline_complete(struct server *s, struct unit *u, uint32_t offset)
{
    (void)s;
    const char *text = u->root->text;
    uint32_t p = offset, line = offset;
    while (line > 0 && text[line - 1] != '\n')
        line--;
    while (p > line && name_char(text[p - 1]))
        p--;
    json_t *list = json_array();
    const struct plan *plan = &u->plan;
    /* OBJ. → the KRs of OBJ (check-ins, aligns OBJ.KR). */
    if (p > line && text[p - 1] == '.') {
        uint32_t q = p - 1;
        while (q > line && name_char(text[q - 1]))
            q--;
        for (size_t i = 0; i < plan->objectives.len; i++) {
            const struct objective *o = plan->objectives.items[i];
            if (o->id.name.len != p - 1 - q || memcmp(o->id.name.ptr, text + q, o->id.name.len) != 0)
                continue;
            for (size_t k = 0; k < o->key_results.len; k++) {
                const struct key_result *kr = o->key_results.items[k];
                item(list, kr->id.name.ptr, kr->id.name.len, ITEM_FIELD, kr->title.ptr, kr->title.len);
            }
        }
        return list;
    }
    if (p > line && text[p - 1] == '@') {
        people(list, plan);
        return list;
    }
    /* In `use "...`: the standard library's files, as imports name them. */
    const char *quote = memchr(text + line, '"', offset - line);
    if (quote && memmem(text + line, (size_t)(quote - (text + line)), "use", 3) &&
        !memchr(quote + 1, '"', (size_t)(text + offset - quote - 1))) {
        library_paths(list);
        return list;
    }
    /* The word before the one being typed decides. */
    uint32_t e = p;
    while (e > line && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == ','))
        e--;
    uint32_t b = e;
    while (b > line && name_char(text[b - 1]))
        b--;
    size_t wl = e - b;
    const char *w = text + b;
    const char *ignore = memmem(text + line, offset - line, "okrc-ignore:", 12);
#define WORD(lit) (wl == sizeof lit - 1 && memcmp(w, lit, wl) == 0)
    enum rule_id after_rule;
    if (!ignore && in_rules_block(u, offset) && rule_lookup(w, wl, &after_rule)) {
        /* after a rule's name: a severity, then its parameters */
        static const char *const severities[] = {"off", "info", "warning", "error"};
        for (size_t i = 0; i < 4; i++)
            item(list, severities[i], strlen(severities[i]), ITEM_VALUE, "severity", 8);
        for (int k = 0; k < PARAM_COUNT; k++) {
            const struct param_info *pi = param_info((enum param_id)k);
            if (pi->rule == after_rule)
                item(list, pi->name, strlen(pi->name), ITEM_FIELD, pi->meaning, strlen(pi->meaning));
        }
    } else if (ignore || in_rules_block(u, offset)) {
        for (int r = 0; r < RULE_COUNT; r++) {
            const struct rule_info *ri = rule_info((enum rule_id)r);
            item(list, ri->name, strlen(ri->name), ITEM_KEYWORD, ri->summary, strlen(ri->summary));
        }
    } else if (WORD("aligns") || (e < p && memmem(text + line, b - line, "aligns", 6))) {
        for (size_t i = 0; i < plan->objectives.len; i++) {
            const struct objective *o = plan->objectives.items[i];
            item(list, o->id.name.ptr, o->id.name.len, ITEM_CLASS, o->title.ptr, o->title.len);
        }
    } else if (WORD("team") || WORD("parent")) {
        for (size_t i = 0; i < plan->teams.len; i++) {
            const struct team *t = plan->teams.items[i];
            item(list, t->id.name.ptr, t->id.name.len, ITEM_MODULE, t->title.ptr, t->title.len);
        }
    } else if (WORD("owner") || WORD("by") || WORD("lead")) {
        people(list, plan);
    } else if (WORD("tags")) {
        tags(list, plan);
    } else if (WORD("perspective")) {
        for (size_t i = 0; i < plan->perspectives.len; i++) {
            const struct perspective *x = plan->perspectives.items[i];
            item(list, x->id.name.ptr, x->id.name.len, ITEM_VALUE, x->title.ptr, x->title.len);
        }
    } else {
        /* The keywords the grammar takes here, from the parser itself. */
        struct arena scratch = {0};
        const char **keywords;
        size_t nk = parse_expected_keywords(&scratch, text, p, &keywords);
        for (size_t i = 0; i < nk; i++)
            item(list, keywords[i], strlen(keywords[i]), ITEM_KEYWORD, "keyword", 7);
        arena_free(&scratch);
        /* At the start of a line in a check-in: the objectives. */
        for (size_t i = 0; b == e && i < plan->checkins.len; i++) {
            const struct checkin *c = plan->checkins.items[i];
            span block = item_span(c->at, c->block);
            if (block.src == u->root && block.start < offset && offset <= block.end)
                for (size_t k = 0; k < plan->objectives.len; k++) {
                    const struct objective *o = plan->objectives.items[k];
                    item(list, o->id.name.ptr, o->id.name.len, ITEM_CLASS, o->title.ptr, o->title.len);
                }
        }
    }
#undef WORD
    return list;
}

/* ---- workspace symbols: what the open documents' plans declare ---- */

static bool name_matches(str name, const char *query)
{
    size_t q = strlen(query);
    if (q == 0)
        return true;
    for (size_t i = 0; i + q <= name.len; i++) {
        size_t k = 0;
        while (k < q && tolower((unsigned char)name.ptr[i + k]) == tolower((unsigned char)query[k]))
            k++;
        if (k == q)
            return true;
    }
    return false;
}

static void workspace_symbol(struct server *s, json_t *list, json_t *seen, const char *query,
                             str name, const char *container, int kind, span at)
{
    if (!at.src || !name_matches(name, query))
        return;
    char *uri = source_uri(s, at.src);
    size_t size = strlen(uri) + 32;
    char *key = malloc(size);
    if (!key) {
        free(uri);
        return;
    }
    snprintf(key, size, "%s:%u:%u", uri, at.start, at.end);
    if (!json_object_get(seen, key)) {
        json_object_set_new(seen, key, json_true());
        json_t *sym = json_pack("{s:s%,s:i,s:{s:s,s:o}}", "name", name.ptr, name.len, "kind", kind,
                                "location", "uri", uri, "range", lsp_range(s, at));
        if (container)
            json_object_set_new(sym, "containerName", json_string(container));
        json_array_append_new(list, sym);
    }
    free(key);
    free(uri);
}

json_t *outline_workspace_symbols(struct server *s, const char *query)
{
    json_t *list = json_array(), *seen = json_object();
    for (size_t d = 0; d < s->n_docs; d++) {
        const struct unit *u = s->docs[d]->unit;
        if (!u)
            continue;
        const struct plan *plan = &u->plan;
        for (size_t i = 0; i < plan->teams.len; i++) {
            const struct team *t = plan->teams.items[i];
            workspace_symbol(s, list, seen, query, t->id.name, NULL, SYM_NAMESPACE, t->id.at);
        }
        for (size_t i = 0; i < plan->people.len; i++) {
            const struct person *p = plan->people.items[i];
            workspace_symbol(s, list, seen, query, p->id.name, NULL, SYM_CONSTANT, p->id.at);
        }
        for (size_t i = 0; i < plan->objectives.len; i++) {
            const struct objective *o = plan->objectives.items[i];
            workspace_symbol(s, list, seen, query, o->id.name, NULL, SYM_CLASS, o->id.at);
            for (size_t k = 0; k < o->key_results.len; k++) {
                const struct key_result *kr = o->key_results.items[k];
                workspace_symbol(s, list, seen, query, kr->id.name, o->id.name.ptr, SYM_FIELD, kr->id.at);
            }
            for (size_t k = 0; k < o->initiatives.len; k++) {
                const struct initiative *in = o->initiatives.items[k];
                workspace_symbol(s, list, seen, query, in->id.name, o->id.name.ptr, SYM_FUNCTION, in->id.at);
            }
        }
    }
    json_decref(seen);
    return list;
}
