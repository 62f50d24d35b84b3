/* navigate.c — an index of every name in a compiled plan, declaration or
 * reference, each under one key ("o:grow", "k:grow.revenue", "p:maria"):
 * definition is the declaration with the key of what is under the cursor,
 * references every occurrence of it, hover describes what it declares. */
#define _GNU_SOURCE
#include "lsp/navigate.h"
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/load.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/progress.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lsp/server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct indexer {
    struct unit *u;
    size_t cap;
};

static void add(struct indexer *ix, span at, enum target_kind kind, bool decl, const void *target,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void add(struct indexer *ix, span at, enum target_kind kind, bool decl, const void *target,
                const char *fmt, ...)
{
    if (!at.src || at.end < at.start)
        return;
    struct unit *u = ix->u;
    if (u->n_occurrences == ix->cap) {
        ix->cap = ix->cap ? 2 * ix->cap : 256;
        u->occurrences = realloc(u->occurrences, ix->cap * sizeof *u->occurrences);
    }
    va_list ap;
    va_start(ap, fmt);
    const char *key = arena_vprintf(&u->arena, fmt, ap);
    va_end(ap);
    u->occurrences[u->n_occurrences++] = (struct occurrence){at, key, kind, decl, target};
}

static void add_ident(struct indexer *ix, const ident *id, enum target_kind kind, char letter)
{
    if (id && id->name.ptr)
        add(ix, id->at, kind, false, NULL, "%c:%.*s", letter, (int)id->name.len, id->name.ptr);
}

static void add_owners(struct indexer *ix, const ident *owner, const struct vec *co, bool inherited)
{
    if (!inherited)
        add_ident(ix, owner, T_PERSON, 'p');
    for (size_t i = 0; i < co->len; i++)
        add_ident(ix, co->items[i], T_PERSON, 'p');
}

#define NAME(id) (int)(id).name.len, (id).name.ptr

static void index_objective(struct indexer *ix, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    add(ix, o->id.at, T_OBJECTIVE, true, o, "o:%.*s", NAME(o->id));
    add_owners(ix, &o->owner, &more->co_owners, false);
    add_ident(ix, &o->team_ref, T_TEAM, 't');
    for (size_t i = 0; i < more->co_team_refs.len; i++)
        add_ident(ix, more->co_team_refs.items[i], T_TEAM, 't');
    add_ident(ix, &more->perspective_ref, T_PERSPECTIVE, 's');
    if (!o->period_inherited)
        add_ident(ix, o->period.name ? &o->period.name->ref : NULL, T_PERIOD, 'd');
    for (size_t i = 0; i < o->aligns.len; i++) {
        const ident *to = o->aligns.items[i];
        add_ident(ix, to, T_OBJECTIVE, 'o');
        const ident *kr = i < o->align_krs.len ? o->align_krs.items[i] : NULL;
        if (kr && kr->name.ptr)
            add(ix, kr->at, T_KR, false, NULL, "k:%.*s.%.*s", NAME(*to), NAME(*kr));
    }
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        add(ix, kr->id.at, T_KR, true, kr, "k:%.*s.%.*s", NAME(o->id), NAME(kr->id));
        add_owners(ix, &kr->owner, &kr_more(kr)->co_owners, kr->owner_inherited);
    }
    for (size_t i = 0; i < o->initiatives.len; i++) {
        const struct initiative *in = o->initiatives.items[i];
        add(ix, in->id.at, T_INITIATIVE, true, in, "i:%.*s.%.*s", NAME(o->id), NAME(in->id));
        add_owners(ix, &in->owner, &initiative_more(in)->co_owners, false);
        for (size_t k = 0; k < in->n_supports; k++) {
            const ident *kr = &in->supports[k];
            add(ix, kr->at, T_KR, false, NULL, "k:%.*s.%.*s", NAME(o->id), NAME(*kr));
        }
    }
}

static void build_index(struct unit *u)
{
    struct indexer ix = {u, 0};
    const struct plan *plan = &u->plan;
    if (plan->decl)
        add_ident(&ix, &plan->decl->owner, T_PERSON, 'p');
    for (size_t i = 0; i < plan->objectives.len; i++)
        index_objective(&ix, plan->objectives.items[i]);
    for (size_t i = 0; i < plan->teams.len; i++) {
        const struct team *t = plan->teams.items[i];
        add(&ix, t->id.at, T_TEAM, true, t, "t:%.*s", NAME(t->id));
        add_ident(&ix, &t->parent_ref, T_TEAM, 't');
        add_ident(&ix, &t->lead, T_PERSON, 'p');
    }
    for (size_t i = 0; i < plan->people.len; i++) {
        const struct person *p = plan->people.items[i];
        add(&ix, p->id.at, T_PERSON, true, p, "p:%.*s", NAME(p->id));
        add_ident(&ix, &p->team_ref, T_TEAM, 't');
    }
    for (size_t i = 0; i < plan->perspectives.len; i++) {
        const struct perspective *p = plan->perspectives.items[i];
        add(&ix, p->id.at, T_PERSPECTIVE, true, p, "s:%.*s", NAME(p->id));
    }
    for (size_t i = 0; i < plan->periods.len; i++) {
        const struct named_period *p = plan->periods.items[i];
        add(&ix, p->id.at, T_PERIOD, true, p, "d:%.*s", NAME(p->id));
    }
    for (size_t i = 0; i < plan->lexicons.len; i++) {
        const struct lexicon *l = plan->lexicons.items[i];
        add(&ix, l->id.at, T_LEXICON, true, l, "l:%.*s", NAME(l->id));
    }
    for (size_t i = 0; i < plan->checkins.len; i++) {
        const struct checkin *c = plan->checkins.items[i];
        add_ident(&ix, checkin_by(c), T_PERSON, 'p');
        for (size_t k = 0; k < checkin_co_by(c)->len; k++)
            add_ident(&ix, checkin_co_by(c)->items[k], T_PERSON, 'p');
        for (size_t k = 0; k < c->n_entries; k++) {
            const struct checkin_entry *e = &c->entries[k];
            ident obj = entry_obj_ref(e), kr = entry_kr_ref(e);
            add_ident(&ix, &obj, T_OBJECTIVE, 'o');
            if (kr.name.ptr)
                add(&ix, kr.at, T_KR, false, NULL, "k:%.*s.%.*s", NAME(obj), NAME(kr));
        }
    }
    for (size_t i = 0; i < plan->rules_blocks.len; i++) {
        const struct rules_block *b = plan->rules_blocks.items[i];
        for (size_t k = 0; k < b->settings.len; k++) {
            const struct rule_setting *r = b->settings.items[k];
            if (r->known)
                add(&ix, r->rule.at, T_RULE, false, rule_info(r->id), "r:%.*s", NAME(r->rule));
        }
    }
    /* Rule names in `# okrc-ignore: RULE, RULE` comments. */
    static const char tag[] = "okrc-ignore:";
    for (size_t i = 0; i < plan->sources.len; i++) {
        const struct source *src = plan->sources.items[i];
        for (const struct comment *c = src->comments; c; c = c->next) {
            const char *text = src->text + c->start, *end = src->text + c->end;
            const char *p = memmem(text, (size_t)(end - text), tag, sizeof tag - 1);
            if (!p)
                continue;
            for (p += sizeof tag - 1; p < end;) {
                while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
                    p++;
                const char *w = p;
                while (p < end && *p != ' ' && *p != '\t' && *p != ',' && *p != '\r')
                    p++;
                enum rule_id id;
                if (p > w && rule_lookup(w, (size_t)(p - w), &id))
                    add(&ix, (span){src, (uint32_t)(w - src->text), (uint32_t)(p - src->text)}, T_RULE,
                        false, rule_info(id), "r:%.*s", (int)(p - w), w);
                if (p == w)
                    break;
            }
        }
    }
    for (size_t i = 0; i < plan->uses.len; i++) {
        const struct use_decl *use = plan->uses.items[i];
        if (use->target)
            add(&ix, use->at, T_FILE, false, use->target, "f:%s", use->target->path);
    }
}

void navigate_index(struct unit *u)
{
    if (!u->occurrences)
        build_index(u);
}

/* The occurrence under offset in the root: the narrowest that holds it. */
static const struct occurrence *at_offset(struct unit *u, uint32_t offset)
{
    navigate_index(u);
    const struct occurrence *best = NULL;
    for (size_t i = 0; i < u->n_occurrences; i++) {
        const struct occurrence *o = &u->occurrences[i];
        if (o->at.src == u->root && o->at.start <= offset && offset <= o->at.end &&
            (!best || o->at.end - o->at.start < best->at.end - best->at.start))
            best = o;
    }
    return best;
}

static const struct occurrence *declaration_of(struct unit *u, const struct occurrence *o)
{
    if (o->declaration)
        return o;
    for (size_t i = 0; i < u->n_occurrences; i++)
        if (u->occurrences[i].declaration && strcmp(u->occurrences[i].key, o->key) == 0)
            return &u->occurrences[i];
    return NULL;
}

static json_t *location(struct server *s, span at)
{
    char *uri = source_uri(s, at.src);
    json_t *l = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range(s, at));
    free(uri);
    return l;
}

/* ---- hover ---- */

struct md {
    char *buf;
    size_t len;
    FILE *f;
};

static void owners_md(FILE *f, const ident *owner, const struct vec *co)
{
    if (!owner->name.ptr)
        return;
    fprintf(f, "owner @%.*s", NAME(*owner));
    for (size_t i = 0; i < co->len; i++)
        fprintf(f, ", @%.*s", NAME(*(const ident *)co->items[i]));
    fputs(" · ", f);
}

static void progress_md(FILE *f, const struct server *s, const struct progress *p)
{
    char day[11];
    date_format(s->as_of, day);
    if (p->status == PROGRESS_NO_DATA) {
        fprintf(f, "\n\nno data as of %s", day);
        return;
    }
    fprintf(f, "\n\nscore **%.2f** · %s · expected %.2f", p->score, progress_status_name(p->status),
            p->expected);
    if (p->has_forecast)
        fprintf(f, " · forecast %.2f (%s)", p->forecast_score, progress_status_name(p->forecast_status));
    fprintf(f, " — as of %s", day);
}

/* "#pricing #eu · " */
static void tags_md(FILE *f, const struct vec *tags)
{
    for (size_t i = 0; i < tags->len; i++)
        fprintf(f, "#%.*s%s", NAME(*(const ident *)tags->items[i]), i + 1 < tags->len ? " " : " · ");
}

/* "team sales, product · " */
static void teams_md(FILE *f, const struct objective *o)
{
    if (!o->team_ref.name.ptr)
        return;
    fprintf(f, "team %.*s", NAME(o->team_ref));
    for (size_t i = 0; i < objective_more(o)->co_team_refs.len; i++)
        fprintf(f, ", %.*s", NAME(*(const ident *)objective_more(o)->co_team_refs.items[i]));
    fputs(" · ", f);
}

static void period_md(FILE *f, const period_item *p)
{
    if (!p->present)
        return;
    char buf[64];
    period_format(p->value, buf, sizeof buf);
    fprintf(f, "period %s · ", buf);
}

static void hover_target(FILE *f, const struct server *s, struct unit *u,
                         const struct occurrence *decl, const struct occurrence *o)
{
    const void *t = decl ? decl->target : o->target;
    switch (o->kind) {
    case T_OBJECTIVE: {
        const struct objective *ob = t;
        fprintf(f, "**objective %.*s** — %.*s\n\n", NAME(ob->id), (int)ob->title.len, ob->title.ptr);
        owners_md(f, &ob->owner, &objective_more(ob)->co_owners);
        teams_md(f, ob);
        tags_md(f, &objective_more(ob)->tags);
        period_md(f, &ob->period);
        fprintf(f, "%s · %zu key results", objective_kind(ob), (size_t)ob->key_results.len);
        progress_md(f, s, ob->progress);
        break;
    }
    case T_KR: {
        const struct key_result *kr = t;
        fprintf(f, "**key result %.*s.%.*s** — %.*s\n\n", NAME(kr->objective->id), NAME(kr->id),
                (int)kr->title.len, kr->title.ptr);
        owners_md(f, &kr->owner, &kr_more(kr)->co_owners);
        teams_md(f, kr->objective);
        tags_md(f, &kr_more(kr)->tags);
        period_md(f, &kr->objective->period);
        const char *metric = format_metric(&u->arena, kr), *value = format_value(&u->arena, kr);
        fprintf(f, "%s · %s · value %s", objective_kind(kr->objective), metric, value);
        progress_md(f, s, kr->progress);
        break;
    }
    case T_INITIATIVE: {
        const struct initiative *in = t;
        fprintf(f, "**initiative %.*s** — %.*s\n\n", NAME(in->id), (int)in->title.len, in->title.ptr);
        owners_md(f, &in->owner, &initiative_more(in)->co_owners);
        break;
    }
    case T_TEAM: {
        const struct team *tm = t;
        fprintf(f, "**team %.*s** — %.*s", NAME(tm->id), (int)tm->title.len, tm->title.ptr);
        if (tm->parent_ref.name.ptr)
            fprintf(f, "\n\nparent %.*s", NAME(tm->parent_ref));
        if (tm->lead.name.ptr)
            fprintf(f, "\n\nlead @%.*s", NAME(tm->lead));
        break;
    }
    case T_PERSON: {
        const struct person *p = t;
        fprintf(f, "**person @%.*s** — %.*s", NAME(p->id), (int)p->name.len, p->name.ptr);
        if (p->team_ref.name.ptr)
            fprintf(f, "\n\nteam %.*s", NAME(p->team_ref));
        break;
    }
    case T_PERSPECTIVE: {
        const struct perspective *p = t;
        fprintf(f, "**perspective %.*s** — %.*s", NAME(p->id), (int)p->title.len, p->title.ptr);
        break;
    }
    case T_PERIOD: {
        const struct named_period *p = t;
        char buf[64];
        period_format(p->value, buf, sizeof buf);
        fprintf(f, "**period %.*s** — %s", NAME(p->id), buf);
        break;
    }
    case T_LEXICON: {
        const struct lexicon *l = t;
        fprintf(f, "**lexicon %.*s** — %zu activities", NAME(l->id), (size_t)l->words[LEX_ACTIVITY].len);
        break;
    }
    case T_RULE: {
        const struct rule_info *r = o->target;
        enum rule_id id;
        fprintf(f, "**rule %s** (%s by default) — %s", r->name, severity_name(r->default_severity), r->summary);
        if (rule_lookup(r->name, strlen(r->name), &id) && rule_doc(id)) {
            const struct rule_doc *d = rule_doc(id);
            if (d->checks)
                fprintf(f, "\n\n%s", d->checks);
            if (d->why)
                fprintf(f, "\n\n*Why:* %s", d->why);
            if (d->fix)
                fprintf(f, "\n\n*Fix:* %s", d->fix);
        }
        break;
    }
    case T_FILE: {
        const struct source *src = o->target;
        fprintf(f, "**file** %s", src->path);
        break;
    }
    }
}

static json_t *hover(struct server *s, struct unit *u, const struct occurrence *o)
{
    const struct occurrence *decl = declaration_of(u, o);
    if (!decl && o->kind != T_RULE && o->kind != T_FILE) {
        const char *name = strchr(o->key, ':') + 1;
        return json_pack("{s:{s:s,s:s+},s:o}", "contents", "kind", "markdown", "value",
                         "not declared: ", name, "range", lsp_range(s, o->at));
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    hover_target(f, s, u, decl, o);
    fclose(f);
    json_t *r = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", buf, "range",
                          lsp_range(s, o->at));
    free(buf);
    return r;
}

json_t *navigate(struct server *s, struct unit *u, const char *method, json_t *params, uint32_t offset)
{
    const struct occurrence *o = at_offset(u, offset);
    if (!o)
        return json_null();
    if (strcmp(method, "textDocument/hover") == 0)
        return hover(s, u, o);
    if (strcmp(method, "textDocument/definition") == 0) {
        if (o->kind == T_FILE)
            return location(s, (span){o->target, 0, 0});
        const struct occurrence *d = declaration_of(u, o);
        return d ? location(s, d->at) : json_null();
    }
    bool highlight = strcmp(method, "textDocument/documentHighlight") == 0;
    bool with_decl = json_is_true(json_object_get(json_object_get(params, "context"), "includeDeclaration"));
    json_t *list = json_array();
    for (size_t i = 0; i < u->n_occurrences; i++) {
        const struct occurrence *x = &u->occurrences[i];
        if (strcmp(x->key, o->key) != 0)
            continue;
        if (highlight) {
            if (x->at.src == u->root)
                json_array_append_new(list, json_pack("{s:o,s:i}", "range", lsp_range(s, x->at), "kind",
                                                      x->declaration ? 3 : 2));
        } else if (!x->declaration || with_decl) {
            json_array_append_new(list, location(s, x->at));
        }
    }
    return list;
}

/* ---- rename ---- */

/* What may be renamed: a declared objective, key result, initiative, team,
 * person, perspective or period, declared in a file of the plan (not the
 * standard library's). */
static const struct occurrence *renameable(struct unit *u, uint32_t offset, const char **error)
{
    const struct occurrence *o = at_offset(u, offset);
    if (!o || o->kind == T_RULE || o->kind == T_FILE || o->kind == T_LEXICON) {
        *error = "nothing to rename here: put the cursor on the id of an objective, key result, "
                 "initiative, team, person, perspective or period";
        return NULL;
    }
    const struct occurrence *decl = declaration_of(u, o);
    if (!decl) {
        *error = "this name is declared nowhere in the plan, so there is nothing to rename";
        return NULL;
    }
    const char *root = load_default_root(&u->arena, u->root->path);
    if (!decl->at.src->path || (root && !load_within_root(&u->arena, root, decl->at.src->path))) {
        *error = "it is declared outside the plan's files (the standard library?)";
        return NULL;
    }
    return o;
}

json_t *navigate_prepare_rename(struct server *s, struct unit *u, uint32_t offset, const char **error)
{
    const struct occurrence *o = renameable(u, offset, error);
    if (!o)
        return NULL;
    const char *text = o->at.src->text + o->at.start;
    size_t len = o->at.end - o->at.start;
    return json_pack("{s:o,s:s%}", "range", lsp_range(s, o->at), "placeholder", text, len);
}

/* The key an occurrence of o would have under the new name: "k:grow.rev"
 * becomes "k:grow.NEW", "o:grow" "o:NEW". */
static const char *renamed_key(struct unit *u, const struct occurrence *o, const char *name)
{
    const char *dot = o->kind == T_KR || o->kind == T_INITIATIVE ? strchr(o->key, '.') : NULL;
    size_t keep = dot ? (size_t)(dot - o->key) + 1 : 2;
    return arena_printf(&u->arena, "%.*s%s", (int)keep, o->key, name);
}

json_t *navigate_rename(struct server *s, struct unit *u, uint32_t offset, const char *new_name,
                        const char **error)
{
    const struct occurrence *o = renameable(u, offset, error);
    if (!o)
        return NULL;
    bool person = o->kind == T_PERSON;
    const char *name = person && new_name[0] == '@' ? new_name + 1 : new_name;
    const char *written = person ? arena_printf(&u->arena, "@%s", name) : name;
    if (!parse_is_name(&u->arena, written, strlen(written), person ? LEXEME_PERSON : LEXEME_IDENT)) {
        *error = person ? "not a handle: letters, digits, '_', '.' and '-' after '@'"
                        : "not an id: a letter or '_', then letters, digits, '_' and '-', and no keyword";
        return NULL;
    }
    const char *key = renamed_key(u, o, name);
    for (size_t i = 0; i < u->n_occurrences; i++)
        if (u->occurrences[i].declaration && strcmp(u->occurrences[i].key, key) == 0) {
            *error = "that name is taken: another declaration of the same kind has it";
            return NULL;
        }
    json_t *changes = json_object();
    for (size_t i = 0; i < u->n_occurrences; i++) {
        const struct occurrence *x = &u->occurrences[i];
        if (strcmp(x->key, o->key) != 0)
            continue;
        /* a person's span holds its '@' wherever it is written */
        bool at_sign = x->at.end > x->at.start && x->at.src->text[x->at.start] == '@';
        char *uri = source_uri(s, x->at.src);
        json_t *edits = json_object_get(changes, uri);
        if (!edits) {
            edits = json_array();
            json_object_set_new(changes, uri, edits);
        }
        json_array_append_new(edits, json_pack("{s:o,s:s}", "range", lsp_range(s, x->at), "newText",
                                               at_sign ? written : name));
        free(uri);
    }
    return json_pack("{s:o}", "changes", changes);
}
