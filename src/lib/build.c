/* build.c — the grammar's actions: each construct becomes part of the plan
 * model, with its span. Items that may appear once per block are checked
 * here; everything that needs the whole plan waits for resolve.c. */
#include "lib/build.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static inline uint32_t build_unit_index(struct parse_ctx *ctx, str unit);

/* An ident's name is a slice of the source, with no NUL after it: the model
 * gets a copy. A STRING token's text (titles, notes, paths) is the scanner's
 * own copy in the arena already (scan_text_end, scan_plain_string), and is
 * kept as it is: a second copy was 2 MB of the peak memory of 10,000
 * objectives. */
static str dup(struct parse_ctx *ctx, str s)
{
    return (str){arena_strndup(ctx->arena, s.ptr, s.len), s.len};
}

/* A name's copy: the one made lately for the same bytes when there is
 * one (names are never written to once made). Short names only: a long
 * one is rarely written twice, and its hash would cost more. */
static str name_copy(struct parse_ctx *ctx, str name)
{
    if (name.len == 0 || name.len > 24)
        return dup(ctx, name);
    /* by its length and its first and last bytes: no loop over it */
    const unsigned char *p = (const unsigned char *)name.ptr;
    str *slot = &ctx->recent_names[(p[0] ^ p[name.len - 1] << 3 ^ name.len << 5) & 255];
    if (slot->len == name.len) {
        size_t i = 0;
        while (i < name.len && slot->ptr[i] == name.ptr[i])
            i++;
        if (i == name.len)
            return *slot;
    }
    *slot = dup(ctx, name);
    return *slot;
}

static ident make_ident(struct parse_ctx *ctx, str name, loc at)
{
    return (ident){name_copy(ctx, name), build_span(ctx, at)};
}

static void *make(struct parse_ctx *ctx, size_t size)
{
    return arena_alloc(ctx->arena, size);
}

/* The room a full buffer of the parse (a list being gathered, the entries
 * or references of the open item) grows to: twice, 16 at first; its count
 * stays within 31 bits. */
static uint32_t grown(uint32_t cap)
{
    if (cap > UINT32_MAX / 2)
        out_of_memory();
    return cap ? cap * 2 : 16;
}

/* items, an array of *cap items of size bytes that is full, grown (grown). */
static void *grown_items(void *items, uint32_t *cap, size_t size)
{
    uint32_t more = grown(*cap);
    void *bigger = realloc(items, (size_t)more * size);
    if (!bigger)
        out_of_memory();
    *cap = more;
    return bigger;
}

static void lay_down(struct parse_ctx *ctx, enum gathered_list which)
{
    struct gathered *g = &ctx->gathered[which];
    struct vec *into = g->into;
    if (!into)
        return;
    vec_reserve(ctx->arena, into, (size_t)into->len + g->len);
    memcpy(into->items + into->len, g->items, g->len * sizeof *g->items);
    into->len += g->len;
    g->into = NULL;
    g->len = 0;
}

static void finish_checkin(struct parse_ctx *ctx, struct checkin *c);
static void lay_down_entries(struct parse_ctx *ctx);
static void lay_down_supports(struct parse_ctx *ctx);

void build_finish(struct parse_ctx *ctx)
{
    lay_down_entries(ctx);
    lay_down_supports(ctx);
    finish_checkin(ctx, ctx->checkin);
    for (int i = 0; i < PARSE_GATHERED_LISTS; i++)
        lay_down(ctx, (enum gathered_list)i);
}

/* item onto into, a list of the open block: gathered until the block ends,
 * then laid down at its length. Where error recovery ended a block before
 * its brace, its list is laid down when the next block of its kind starts
 * one; and a list that has items already grows as any list does. */
static void gather(struct parse_ctx *ctx, enum gathered_list which, struct vec *into, void *item)
{
    struct gathered *g = &ctx->gathered[which];
    if (g->into != into) {
        lay_down(ctx, which);
        if (into->len) {
            vec_push(ctx->arena, into, item);
            return;
        }
        g->into = into;
    }
    if (g->len == g->cap)
        g->items = grown_items(g->items, &g->cap, sizeof *g->items);
    g->items[g->len++] = item;
}

/* How many items into holds with those still gathered for it. */
static size_t gathered_len(const struct parse_ctx *ctx, enum gathered_list which, const struct vec *into)
{
    const struct gathered *g = &ctx->gathered[which];
    return into->len + (g->into == into ? g->len : 0);
}

/* What every declaration has: an id, a title and where it stands. */
static void name_item(struct parse_ctx *ctx, ident *id, str *title, span *where, str id_text,
                      loc id_at, str title_text, loc at)
{
    *id = make_ident(ctx, id_text, id_at);
    *title = title_text;
    *where = build_span(ctx, at);
}

/* Where the entry being built is written, its confidence and unit: in its
 * short forms when they fit (model.h), else whole in its entry_more, the
 * entry then wide. Each part is set on its own (three calls per entry,
 * 120,000 entries in the bench's plan: a check of the whole each time
 * cost 3% of check's instructions). While its check-in is parsed, an
 * entry's entry_more is found by entry_more_for, not by entry_at (the
 * list is sorted at the check-in's end). */
static struct entry_at building_entry_at(struct parse_ctx *ctx, struct checkin_entry *e)
{
    return e->wide ? entry_more_for(ctx->arena, e)->at : entry_at(e);
}

/* e made wide, its parts so far moved whole into its entry_more. */
static struct entry_at *widen(struct parse_ctx *ctx, struct checkin_entry *e)
{
    struct entry_more *m = entry_more_for(ctx->arena, e);
    if (!e->wide) {
        m->at = entry_at(e);
        e->wide = true;
    }
    return &m->at;
}

/* Where e's reference starts (e not wide). */
static uint32_t short_ref_at(const struct checkin_entry *e)
{
    return entry_checkin(e)->at.start + e->short_ref_start;
}

/* Whether [start, end) fits a short form: from the reference's start,
 * within 8 bits, at most max_len long. */
static bool fits_short(const struct checkin_entry *e, uint32_t start, uint32_t end, uint32_t max_len)
{
    uint32_t ref = short_ref_at(e);
    return start >= ref && start - ref <= ENTRY_FROM_REF_MAX && end > start && end - start <= max_len;
}

static void set_entry_value_at(struct parse_ctx *ctx, struct checkin_entry *e, uint32_t start,
                               uint32_t end, uint32_t unit)
{
    if (!e->wide && (!end || fits_short(e, start, end, ENTRY_SHORT_MAX)) && unit <= ENTRY_UNIT_MAX) {
        e->short_value_from = (uint8_t)(end ? start - short_ref_at(e) : 0);
        e->short_value_len = (uint16_t)(end - start);
        e->short_unit = (uint8_t)unit;
        return;
    }
    struct entry_at *at = widen(ctx, e);
    at->value_start = start;
    at->value_end = end;
    at->unit = unit;
}

static void set_entry_confidence(struct parse_ctx *ctx, struct checkin_entry *e, double value,
                                 uint32_t start, uint32_t end)
{
    if (!e->wide && (!end || fits_short(e, start, end, ENTRY_CONFIDENCE_LEN_MAX)) && value >= 0 &&
        value <= ENTRY_CONFIDENCE_MAX && value == (double)(uint8_t)value) {
        e->short_confidence_from = (uint8_t)(end ? start - short_ref_at(e) : 0);
        e->short_confidence_len = end - start;
        e->short_confidence = (uint8_t)value;
        return;
    }
    struct entry_at *at = widen(ctx, e);
    at->confidence_start = start;
    at->confidence_end = end;
    at->confidence = value;
}

/* The entry's reference as a copy of its own for resolve (model.h): what
 * resolves it reads no source text, so the source's pages can be handed
 * back to the page cache once scanned. (Shared copies through a table
 * cost 8% of check's time for 0.9 MB.) */
static void entry_ref(struct parse_ctx *ctx, struct checkin_entry *e, str ref, loc at)
{
    e->ref = arena_strndup(&ctx->plan->until_resolved, ref.ptr, ref.len);
    e->has_kr = memchr(ref.ptr, '.', ref.len) != NULL;
    /* the first of the entry's parts: nothing to widen yet */
    uint32_t from_checkin = at.start - entry_checkin(e)->at.start;
    if (from_checkin <= ENTRY_SHORT_MAX && at.end - at.start <= ENTRY_SHORT_MAX) {
        e->short_ref_start = (uint16_t)from_checkin;
        e->short_ref_len = (uint16_t)(at.end - at.start);
    } else {
        *widen(ctx, e) = (struct entry_at){.ref_start = at.start, .ref_end = at.end};
    }
}

/* "OBJ.KR" as two references; a bare "OBJ" leaves kr (then may be NULL) as it is. */
static void split_ref(struct parse_ctx *ctx, str ref, loc at, ident *obj, ident *kr)
{
    const char *dot = memchr(ref.ptr, '.', ref.len);
    if (!dot) {
        *obj = make_ident(ctx, ref, at);
        return;
    }
    uint32_t left = (uint32_t)(dot - ref.ptr);
    *obj = make_ident(ctx, (str){ref.ptr, left}, (loc){at.start, at.start + left});
    *kr = make_ident(ctx, (str){dot + 1, ref.len - left - 1}, (loc){at.start + left + 1, at.end});
}

/* The keyword an item starts with, as written. */
static const char *item_word(struct parse_ctx *ctx, loc at)
{
    const char *text = ctx->src->text + at.start;
    return arena_strndup(ctx->arena, text, strcspn(text, " \t\r\n;{"));
}

/* True when the item is new in its block; reports a repeat otherwise.
 * Inline, as number_value: build_confidence runs for every check-in value
 * with a confidence (the out-of-line calls cost 1.3-2.6% of check's time on
 * 10,000 objectives for fewer instructions). */
static inline bool first_time(struct parse_ctx *ctx, bool present, span prev, loc at, const char *item)
{
    if (!present)
        return true;
    if (!item)
        item = item_word(ctx, at);
    struct diag *g = diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                                 "'%s' is given twice in this block; keep one", item);
    diag_note(ctx->plan->diags, g, prev, "'%s' first given here", item);
    return false;
}

void build_use(struct parse_ctx *ctx, str path, loc path_at, loc at)
{
    (void)at;
    struct use_decl *u = make(ctx, sizeof *u);
    u->path = path;
    u->at = build_span(ctx, path_at);
    u->from = ctx->src;
    vec_push(ctx->arena, &ctx->plan->uses, u);
}

void build_plan(struct parse_ctx *ctx, str title, loc at)
{
    struct plan_decl *p = make(ctx, sizeof *p);
    p->title = title;
    p->at = build_span(ctx, at);
    ctx->plan_decl = p;
    struct plan *plan = ctx->plan;
    if (!plan->decl) {
        plan->decl = p;
        return;
    }
    struct diag *g = diag_report(plan->diags, R_DUPLICATE_ID, p->at,
                                 "a second 'plan' declaration; a plan has one");
    diag_note(plan->diags, g, plan->decl->at, "the plan is first declared here");
}

void build_team(struct parse_ctx *ctx, str id, loc id_at, str title, loc at)
{
    struct team *t = make(ctx, sizeof *t);
    name_item(ctx, &t->id, &t->title, &t->at, id, id_at, title, at);
    t->seq = gathered_len(ctx, GATHER_PLAN_TEAMS, &ctx->plan->teams);
    gather(ctx, GATHER_PLAN_TEAMS, &ctx->plan->teams, t);
    ctx->team = t;
}

void build_person(struct parse_ctx *ctx, str id, loc id_at, str name, loc at)
{
    struct person *p = make(ctx, sizeof *p);
    name_item(ctx, &p->id, &p->name, &p->at, id, id_at, name, at);
    vec_push(ctx->arena, &ctx->plan->people, p);
    ctx->person = p;
}

void build_perspective(struct parse_ctx *ctx, str id, loc id_at, str title, loc at)
{
    struct perspective *p = make(ctx, sizeof *p);
    name_item(ctx, &p->id, &p->title, &p->at, id, id_at, title, at);
    vec_push(ctx->arena, &ctx->plan->perspectives, p);
}

void build_objective(struct parse_ctx *ctx, str id, loc id_at, str title, loc at)
{
    struct objective *o = make(ctx, sizeof *o);
    name_item(ctx, &o->id, &o->title, &o->at, id, id_at, title, at);
    /* here, while o is in the cache */
    o->seq = gathered_len(ctx, GATHER_PLAN_OBJECTIVES, &ctx->plan->objectives);
    gather(ctx, GATHER_PLAN_OBJECTIVES, &ctx->plan->objectives, o);
    ctx->objective = o;
}

void build_close(struct parse_ctx *ctx, loc at)
{
    if (ctx->objective) {
        ctx->objective->block = (struct item_at){at.start, at.end};
        for (enum gathered_list l = GATHER_KEY_RESULTS; l <= GATHER_ALIGN_KRS; l++)
            lay_down(ctx, l);
    }
    ctx->objective = NULL;
}

void build_kind(struct parse_ctx *ctx, bool aspirational, loc at)
{
    struct objective *o = ctx->objective;
    if (!first_time(ctx, o->kind_at.end != 0, item_span(o->at, o->kind_at), at,
                    "committed or aspirational"))
        return;
    o->aspirational = aspirational;
    o->kind_at = (struct item_at){at.start, at.end};
}

void build_rollup(struct parse_ctx *ctx, loc at)
{
    struct objective *o = ctx->objective;
    const span given = objective_more(o)->rollup_at;
    if (first_time(ctx, given.src != NULL, given, at, "rollup"))
        objective_more_for(ctx->arena, o)->rollup_at = build_span(ctx, at);
}

void build_plan_kind(struct parse_ctx *ctx, bool aspirational, loc at)
{
    struct plan_decl *p = ctx->plan_decl;
    if (!first_time(ctx, p->kind_at.end != 0, item_span(p->at, p->kind_at), at,
                    "committed or aspirational"))
        return;
    p->aspirational = aspirational;
    p->kind_at = (struct item_at){at.start, at.end};
}

void build_align(struct parse_ctx *ctx, str id, loc at)
{
    ident *ref = make(ctx, sizeof *ref), *kr = NULL;
    if (memchr(id.ptr, '.', id.len))
        kr = make(ctx, sizeof *kr);
    split_ref(ctx, id, at, ref, kr);
    gather(ctx, GATHER_ALIGNS, &ctx->objective->aligns, ref);
    gather(ctx, GATHER_ALIGN_KRS, &ctx->objective->align_krs, kr);
}

void build_risk(struct parse_ctx *ctx, str text, loc at)
{
    text_item *t = make(ctx, sizeof *t);
    *t = (text_item){text, build_span(ctx, at), true};
    vec_push(ctx->arena, &objective_more_for(ctx->arena, ctx->objective)->risks, t);
}

void build_kr(struct parse_ctx *ctx, str id, loc id_at, str title, loc at)
{
    struct key_result *k = make(ctx, sizeof *k);
    name_item(ctx, &k->id, &k->title, &k->at, id, id_at, title, at);
    k->objective = ctx->objective;
    gather(ctx, GATHER_KEY_RESULTS, &ctx->objective->key_results, k);
    ctx->kr = k;
}

void build_kr_end(struct parse_ctx *ctx, loc at)
{
    if (ctx->kr)
        ctx->kr->block = (struct item_at){at.start, at.end};
    ctx->kr = NULL;
}

static const char *metric_name(enum metric_kind kind)
{
    switch (kind) {
    case METRIC_RANGE: return "from ... to";
    case METRIC_TARGET: return "target";
    case METRIC_KEEP_GE: return "keep >=";
    case METRIC_KEEP_LE: return "keep <=";
    case METRIC_KEEP_GT: return "keep >";
    case METRIC_KEEP_LT: return "keep <";
    case METRIC_ROLLUP: return "rollup";
    case METRIC_MILESTONE: return "milestone";
    case METRIC_NONE: break;
    }
    return "metric";
}

/* `?` stands for a baseline, a target or a minimum only. */
static bool not_unknown(struct parse_ctx *ctx, const quantity *q, const char *what)
{
    if (!q->unknown)
        return true;
    diag_report(ctx->plan->diags, R_SYNTAX, q->at,
                "%s cannot be '?'; '?' stands for a baseline, target or minimum not known yet", what);
    return false;
}

void build_metric(struct parse_ctx *ctx, enum metric_kind kind, quantity from, quantity to, loc at)
{
    struct key_result *k = ctx->kr;
    if ((kind == METRIC_KEEP_GE || kind == METRIC_KEEP_LE || kind == METRIC_KEEP_GT ||
         kind == METRIC_KEEP_LT) && !not_unknown(ctx, &to, "a 'keep' threshold"))
        return;
    if (k->metric != METRIC_NONE) {
        struct diag *g = diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                                     "key result '%s' has a second metric ('%s'); a key result "
                                     "measures one thing, so split it or keep one",
                                     k->id.name.ptr, metric_name(kind));
        diag_note(ctx->plan->diags, g, item_span(k->at, k->metric_at), "its first metric ('%s')",
                  metric_name(k->metric));
        return;
    }
    k->metric = kind;
    k->metric_at = (struct item_at){at.start, at.end};
    k->to = kr_bound_of(to);
    if (kind == METRIC_RANGE) {
        k->from = kr_bound_of(from);
    } else {
        /* `target` counts from a baseline of 0 in the target's unit. */
        k->from = kr_bound_of((quantity){0, to.at, false, false, to.unit_index});
    }
}

void build_current(struct parse_ctx *ctx, quantity value, bool done, loc at)
{
    struct key_result *k = ctx->kr;
    bool present = kr_more(k)->current.present || k->current_done;
    if (!first_time(ctx, present, kr_more(k)->current.at, at, "current") ||
        !not_unknown(ctx, &value, "'current'"))
        return;
    struct kr_more *more = kr_more_for(ctx->arena, k);
    more->current = value;
    more->current.at = build_span(ctx, at);
    k->current_done = done;
}

void build_initiative(struct parse_ctx *ctx, str id, loc id_at, str title, loc at)
{
    struct initiative *i = make(ctx, sizeof *i);
    name_item(ctx, &i->id, &i->title, &i->at, id, id_at, title, at);
    i->objective = ctx->objective;
    i->status = STATUS_PLANNED;
    gather(ctx, GATHER_INITIATIVES, &ctx->objective->initiatives, i);
    ctx->initiative = i;
}

void build_initiative_end(struct parse_ctx *ctx, loc at)
{
    if (ctx->initiative) {
        ctx->initiative->block = (struct item_at){at.start, at.end};
        lay_down_supports(ctx);
    }
    ctx->initiative = NULL;
}

void build_team_end(struct parse_ctx *ctx, loc at)
{
    if (ctx->team)
        ctx->team->block = (struct item_at){at.start, at.end};
}

void build_checkin_end(struct parse_ctx *ctx, loc at)
{
    if (ctx->checkin) {
        ctx->checkin->block = (struct item_at){at.start, at.end};
        lay_down_entries(ctx);
        finish_checkin(ctx, ctx->checkin);
    }
}

void build_status(struct parse_ctx *ctx, str status, loc status_at, loc at)
{
    struct initiative *i = ctx->initiative;
    const span given = initiative_more(i)->status_at;
    if (!first_time(ctx, given.src != NULL, given, at, "status"))
        return;
    for (int s = 0; s < STATUS_COUNT; s++) {
        const char *name = initiative_status_name((enum initiative_status)s);
        if (strlen(name) == status.len && memcmp(name, status.ptr, status.len) == 0) {
            i->status = (enum initiative_status)s;
            initiative_more_for(ctx->arena, i)->status_at = build_span(ctx, at);
            return;
        }
    }
    diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, status_at),
                "unknown status '%.*s'; use planned, active, blocked, done or dropped",
                (int)status.len, status.ptr);
}

/* The references built for their initiative, laid down in the arena side
 * by side after any it has already (error recovery can end an initiative
 * before its list does). */
static void lay_down_supports(struct parse_ctx *ctx)
{
    struct building_supports *b = &ctx->supports;
    struct initiative *in = b->of;
    b->of = NULL;
    if (!in || !b->len)
        return;
    size_t had = in->n_supports, n = had + b->len;
    if (n > UINT32_MAX)
        out_of_memory();
    ident *all = arena_alloc(ctx->arena, n * sizeof *all);
    if (had)
        memcpy(all, in->supports, had * sizeof *all);
    memcpy(all + had, b->items, b->len * sizeof *all);
    in->supports = all;
    in->n_supports = (uint32_t)n;
    b->len = 0;
}

void build_support(struct parse_ctx *ctx, str id, loc at)
{
    struct building_supports *b = &ctx->supports;
    if (b->of != ctx->initiative) {
        lay_down_supports(ctx);
        b->of = ctx->initiative;
    }
    if (b->len == b->cap)
        b->items = grown_items(b->items, &b->cap, sizeof *b->items);
    b->items[b->len++] = make_ident(ctx, id, at);
}

static int by_entry_address(const void *x, const void *y, const void *ctx)
{
    (void)ctx;
    uintptr_t a = (uintptr_t)((const struct entry_more *)x)->entry;
    uintptr_t b = (uintptr_t)((const struct entry_more *)y)->entry;
    return a < b ? -1 : a > b;
}

/* The grades and notes of c's entries that were at [from, from + n),
 * pointed at to instead: the entries moved there. By value: from may be
 * a buffer that has been freed. */
static void move_entry_more(struct parse_ctx *ctx, struct checkin *c, uintptr_t from, size_t n,
                            struct checkin_entry *to)
{
    uintptr_t end = from + n * sizeof *to;
    if ((uintptr_t)ctx->entry >= from && (uintptr_t)ctx->entry < end)
        ctx->entry = to + ((uintptr_t)ctx->entry - from) / sizeof *to;
    if (!c->more)
        return;
    struct vec *list = &c->more->entry_more;
    for (size_t i = 0; i < list->len; i++) {
        struct entry_more *m = list->items[i];
        uintptr_t at = (uintptr_t)m->entry;
        if (at >= from && at < end)
            m->entry = to + (at - from) / sizeof *to;
    }
}

/* The entries built for their check-in, laid down in the arena side by
 * side, after any it has already (error recovery can end a check-in
 * before its last entries), their grades and notes pointed at them there. */
static void lay_down_entries(struct parse_ctx *ctx)
{
    struct building_entries *b = &ctx->entries;
    struct checkin *c = b->of;
    b->of = NULL;
    if (!c || !b->len)
        return;
    size_t had = c->n_entries, n = had + b->len;
    if (n > UINT32_MAX / 2)     /* n_entries has 31 bits */
        out_of_memory();
    struct checkin_entries *laid = arena_alloc(ctx->arena, sizeof *laid + n * sizeof *laid->at);
    struct checkin_entry *all = laid->at;
    laid->checkin = c;
    if (had) {
        memcpy(all, c->entries, had * sizeof *all);
        move_entry_more(ctx, c, (uintptr_t)c->entries, had, all);
    }
    memcpy(all + had, b->buf->at, b->len * sizeof *all);
    move_entry_more(ctx, c, (uintptr_t)b->buf->at, b->len, all + had);
    for (size_t i = had; i < n; i++)
        all[i].index = (uint32_t)i;
    c->entries = all;
    c->n_entries = (uint32_t)n;
    b->len = 0;
}

/* A new entry of the open check-in, zeroed, in the buffer its entries are
 * built in until the check-in ends. */
static struct checkin_entry *new_entry(struct parse_ctx *ctx)
{
    struct building_entries *b = &ctx->entries;
    if (b->of != ctx->checkin) {
        lay_down_entries(ctx);
        b->of = ctx->checkin;
    }
    if (b->len == b->cap) {
        uint32_t cap = grown(b->cap);
        struct checkin_entries *buf = malloc(sizeof *buf + cap * sizeof *buf->at);
        if (!buf)
            out_of_memory();
        if (b->len) {
            memcpy(buf->at, b->buf->at, b->len * sizeof *buf->at);
            move_entry_more(ctx, ctx->checkin, (uintptr_t)b->buf->at, b->len, buf->at);
        }
        free(b->buf);
        b->buf = buf;
        b->cap = cap;
    }
    b->buf->checkin = ctx->checkin;     /* the entries' entry_checkin while built */
    struct checkin_entry *e = &b->buf->at[b->len];
    memset(e, 0, sizeof *e);
    e->index = b->len++;
    return e;
}

/* Its entries' grades and notes by address, for entry_more's search:
 * built in entry order, which is address order. (Sorted once, should
 * they not be; linear when in order already.) */
static void finish_checkin(struct parse_ctx *ctx, struct checkin *c)
{
    if (!c || !c->more)
        return;
    struct vec *list = &c->more->entry_more;
    for (size_t i = 1; i < list->len; i++)
        if (by_entry_address(list->items[i - 1], list->items[i], NULL) > 0) {
            sort_stable(ctx->arena, list->items, list->len, by_entry_address, NULL);
            return;
        }
}

void build_checkin(struct parse_ctx *ctx, struct date_tok date, loc date_at, str by, loc by_at,
                   loc at)
{
    lay_down_entries(ctx);                  /* of one whose brace error recovery left out */
    finish_checkin(ctx, ctx->checkin);
    struct checkin *c = make(ctx, sizeof *c);
    c->date.value = date.day;
    c->date_present = date.valid;
    c->date.at = (struct item_at){date_at.start, date_at.end};
    c->at = build_span(ctx, at);
    if (by.len) {   /* by_at covers "by @name": the ident is "@name", at the end */
        checkin_more_for(ctx->arena, c)->by =
            make_ident(ctx, by, (loc){by_at.end - (uint32_t)by.len - 1, by_at.end});
    }
    gather(ctx, GATHER_PLAN_CHECKINS, &ctx->plan->checkins, c);
    ctx->checkin = c;
}

/* A tag of the innermost open item; the same tag twice is kept once. */
void build_tag(struct parse_ctx *ctx, str name, loc at)
{
    struct vec *tags = ctx->initiative ? &initiative_more_for(ctx->arena, ctx->initiative)->tags
                       : ctx->kr       ? &kr_more_for(ctx->arena, ctx->kr)->tags
                       : ctx->objective ? &objective_more_for(ctx->arena, ctx->objective)->tags : NULL;
    if (!tags)
        return;
    for (size_t i = 0; i < tags->len; i++) {
        const ident *t = tags->items[i];
        if (t->name.len == name.len && memcmp(t->name.ptr, name.ptr, name.len) == 0)
            return;
    }
    ident *id = make(ctx, sizeof *id);
    *id = make_ident(ctx, name, at);
    vec_push(ctx->arena, tags, id);
}

void build_co_team(struct parse_ctx *ctx, str name, loc name_at)
{
    struct objective *o = ctx->objective;
    if (!o || !o->team_ref.name.ptr)
        return;
    const struct vec *co_teams = &objective_more(o)->co_team_refs;
    for (size_t i = 0; i <= co_teams->len; i++) {
        const ident *t = i == 0 ? &o->team_ref : co_teams->items[i - 1];
        if (t->name.len == name.len && memcmp(t->name.ptr, name.ptr, name.len) == 0) {
            struct diag *g = diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, name_at),
                                         "team '%.*s' is named twice; keep one",
                                         (int)name.len, name.ptr);
            diag_note(ctx->plan->diags, g, t->at, "first named here");
            return;
        }
    }
    ident *id = make(ctx, sizeof *id);
    *id = make_ident(ctx, name, name_at);
    vec_push(ctx->arena, &objective_more_for(ctx->arena, o)->co_team_refs, id);
}

void build_checkin_by(struct parse_ctx *ctx, str name, loc name_at)
{
    struct checkin *c = ctx->checkin;
    if (!c)
        return;
    struct checkin_more *more = checkin_more_for(ctx->arena, c);
    for (size_t i = 0; i <= more->co_by.len; i++) {
        const ident *o = i == 0 ? &more->by : more->co_by.items[i - 1];
        if (o->name.ptr && o->name.len == name.len && memcmp(o->name.ptr, name.ptr, name.len) == 0) {
            struct diag *g = diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, name_at),
                                         "@%.*s is named twice after 'by'; keep one",
                                         (int)name.len, name.ptr);
            diag_note(ctx->plan->diags, g, o->at, "first named here");
            return;
        }
    }
    ident *id = make(ctx, sizeof *id);
    *id = make_ident(ctx, name, name_at);
    vec_push(ctx->arena, &more->co_by, id);
}

void build_entry_note(struct parse_ctx *ctx, str text, loc at)
{
    if (ctx->entry)
        build_text(ctx, &entry_more_for(ctx->arena, ctx->entry)->note, text, at, "note");
}

void build_entry(struct parse_ctx *ctx, str ref, loc ref_at, quantity value, bool done, loc at)
{
    if (!not_unknown(ctx, &value, "a check-in value"))
        value = (quantity){0};      /* the entry still counts for names and dates */
    struct checkin_entry *e = new_entry(ctx);
    entry_ref(ctx, e, ref, ref_at);
    e->value = value.value;
    /* the unit in the table, as every quantity's (build_quantity_value) */
    set_entry_value_at(ctx, e, value.at.start, value.at.end, value.unit_index);
    e->value_present = value.present;
    e->value_unknown = value.unknown;
    e->done = done;
    (void)at;
    ctx->entry = e;
}

void build_entry_kind(struct parse_ctx *ctx, enum entry_kind kind, loc at)
{
    if (kind == ENTRY_NOT_DONE) {
        ctx->entry->not_done = true;
        struct checkin_entry *e = ctx->entry;    /* where a check names it */
        set_entry_value_at(ctx, e, at.start, at.end, building_entry_at(ctx, e).unit);
    } else {
        ctx->entry->no_value = true;
    }
}

void build_entry_confidence(struct parse_ctx *ctx, struct number_tok value, loc value_at, loc at)
{
    struct checkin_entry *e = ctx->entry;
    /* build_number takes a span with no source for "not given yet" (as
     * almost always: then nothing is unpacked) */
    number_item c = {0};
    if (e->wide || e->short_confidence_len) {
        struct entry_at was = building_entry_at(ctx, e);
        if (was.confidence_end)
            c = (number_item){was.confidence, entry_span(e, was.confidence_start, was.confidence_end),
                              e->confidence_present};
    }
    build_confidence(ctx, &c, value, value_at, at);
    set_entry_confidence(ctx, e, c.value, c.at.start, c.at.end);
    e->confidence_present = c.present;
}

void build_judgment(struct parse_ctx *ctx, str ref, loc ref_at, const struct number_tok *grade,
                    loc value_at)
{
    struct checkin_entry *e = new_entry(ctx);
    e->judgment = true;
    entry_ref(ctx, e, ref, ref_at);
    if (grade) {
        double v = grade->value;
        bool percent = grade->unit == NUMBER_PERCENT;
        if (grade->unit != NUMBER_UNITLESS && !percent)
            diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, value_at),
                        "a grade is a number (0.7) or a percentage (70%%), without a unit");
        entry_more_for(ctx->arena, e)->grade =
            (number_item){percent ? v / 100 : v, build_span(ctx, value_at), grade->valid};
    } else {
        e->dropped = true;
    }
    ctx->entry = e;
}

void build_kr_dropped(struct parse_ctx *ctx, loc at)
{
    struct key_result *k = ctx->kr;
    if (first_time(ctx, kr_more(k)->dropped_at.src != NULL, kr_more(k)->dropped_at, at, "dropped"))
        kr_more_for(ctx->arena, k)->dropped_at = build_span(ctx, at);
}

void build_rules(struct parse_ctx *ctx, loc at)
{
    struct rules_block *r = make(ctx, sizeof *r);
    r->at = build_span(ctx, at);
    vec_push(ctx->arena, &ctx->plan->rules_blocks, r);
    ctx->rules = r;
    ctx->setting = NULL;
    ctx->pending_word = (ident){0};
}

static void start_setting(struct parse_ctx *ctx, ident name, bool known, enum rule_id id)
{
    struct rule_setting *s = make(ctx, sizeof *s);
    s->rule = name;
    s->known = known;
    s->id = id;
    vec_push(ctx->arena, &ctx->rules->settings, s);
    ctx->setting = s;
}

/* A word that did not get a value was meant as a rule name. */
static void flush_pending(struct parse_ctx *ctx)
{
    if (!ctx->pending_word.name.ptr)
        return;
    start_setting(ctx, ctx->pending_word, false, R_SYNTAX);
    ctx->pending_word = (ident){0};
}

void build_rules_end(struct parse_ctx *ctx, loc at)
{
    flush_pending(ctx);
    if (ctx->rules)
        ctx->rules->block = (struct item_at){at.start, at.end};
    ctx->rules = NULL;
    ctx->setting = NULL;
}

/* A rules block is a flat list of words and numbers: a rule name, then
 * optionally a severity, then NAME VALUE parameters. */
void build_rule_word(struct parse_ctx *ctx, str word, loc at)
{
    flush_pending(ctx);
    ident w = make_ident(ctx, word, at);
    enum severity sev;
    enum rule_id id;
    struct rule_setting *s = ctx->setting;
    if (s && !s->has_severity && s->params.len == 0 && severity_parse(w.name.ptr, &sev)) {
        s->has_severity = true;
        s->severity = sev;
        s->severity_at = w.at;
    } else if (rule_lookup(word.ptr, word.len, &id)) {
        start_setting(ctx, w, true, id);
    } else {
        ctx->pending_word = w;
    }
}

void build_rule_value(struct parse_ctx *ctx, struct number_tok value, loc at)
{
    if (!ctx->pending_word.name.ptr || !ctx->setting) {
        diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                    "a value needs a rule and a parameter name before it, as in 'kr-count max 3'");
        flush_pending(ctx);
        return;
    }
    struct rule_param *p = make(ctx, sizeof *p);
    p->name = ctx->pending_word;
    p->value = (number_item){value.value, build_span(ctx, at), value.valid};
    vec_push(ctx->arena, &ctx->setting->params, p);
    ctx->pending_word = (ident){0};
}

void build_lexicon(struct parse_ctx *ctx, str id, loc id_at, loc at)
{
    struct lexicon *l = make(ctx, sizeof *l);
    l->id = make_ident(ctx, id, id_at);
    l->at = build_span(ctx, at);
    vec_push(ctx->arena, &ctx->plan->lexicons, l);
    ctx->lexicon = l;
}

/* The list kinds of a lexicon block are words, not keywords, so that
 * "outcome" or "noun" stay free as ids everywhere else. */
void build_lexicon_kind(struct parse_ctx *ctx, str kind, loc at)
{
    static const char *const names[LEX_KINDS] = {"activity", "outcome", "noun", "measure", "vague"};
    for (int k = 0; k < LEX_KINDS; k++)
        if (strlen(names[k]) == kind.len && memcmp(names[k], kind.ptr, kind.len) == 0) {
            ctx->lexicon_kind = k;
            return;
        }
    ctx->lexicon_kind = -1;
    diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                "a lexicon holds 'activity', 'outcome', 'noun', 'measure' and 'vague' lists, not '%.*s'",
                (int)kind.len, kind.ptr);
}

void build_activity(struct parse_ctx *ctx, str word, loc at)
{
    if (ctx->lexicon_kind < 0)
        return;
    text_item *t = make(ctx, sizeof *t);
    *t = (text_item){word, build_span(ctx, at), true};
    vec_push(ctx->arena, &ctx->lexicon->words[ctx->lexicon_kind], t);
}

/* The owners of one list in a set, so that a repeat is found in O(1): an
 * owner list of 100,000 people must not compare each with all before it. */
static const char *owner_key(struct parse_ctx *ctx, str name, size_t *len)
{
    /* The list's number as bytes, then the name: no printf on a hot path. */
    char *key = arena_alloc(ctx->arena, sizeof ctx->owner_list + name.len);
    memcpy(key, &ctx->owner_list, sizeof ctx->owner_list);
    memcpy(key + sizeof ctx->owner_list, name.ptr, name.len);
    *len = sizeof ctx->owner_list + name.len;
    return key;
}

static void note_owner(struct parse_ctx *ctx, const ident *owner)
{
    if (!ctx->owners_named)
        ctx->owners_named = hash_new(ctx->arena, 64);
    size_t len;
    const char *key = owner_key(ctx, owner->name, &len);
    hash_put(ctx->owners_named, key, len, (void *)owner);
}

/* Where the owners after the first go: the open item's, whose `more` is
 * made only when a second owner comes (most items have one). */
static struct vec *co_owners_of(struct parse_ctx *ctx)
{
    if (ctx->initiative)
        return &initiative_more_for(ctx->arena, ctx->initiative)->co_owners;
    if (ctx->kr)
        return &kr_more_for(ctx->arena, ctx->kr)->co_owners;
    return &objective_more_for(ctx->arena, ctx->objective)->co_owners;
}

void build_owner(struct parse_ctx *ctx, str name, loc name_at, loc at)
{
    ident *owner = ctx->initiative ? &ctx->initiative->owner
                   : ctx->kr       ? &ctx->kr->owner
                                   : &ctx->objective->owner;
    ctx->co_owners_open = false;
    if (!first_time(ctx, owner->name.ptr != NULL, owner->at, at, "owner"))
        return;
    *owner = make_ident(ctx, name, name_at);
    ctx->co_owners_open = true;
    ctx->owner_first = owner;
    ctx->owner_list++;      /* the first co-owner puts this owner in the set */
    ctx->owners_noted = false;
}

void build_co_owner(struct parse_ctx *ctx, str name, loc name_at)
{
    if (!ctx->co_owners_open)
        return;
    if (!ctx->owners_noted) {  /* most lists have one owner: no set for them */
        note_owner(ctx, ctx->owner_first);
        ctx->owners_noted = true;
    }
    size_t len;
    const char *key = owner_key(ctx, name, &len);
    const ident *o = hash_get(ctx->owners_named, key, len);
    if (o) {
        struct diag *g = diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, name_at),
                                     "@%.*s is named twice as owner; keep one",
                                     (int)name.len, name.ptr);
        diag_note(ctx->plan->diags, g, o->at, "first named here");
        return;
    }
    ident *id = make(ctx, sizeof *id);
    *id = make_ident(ctx, name, name_at);
    vec_push(ctx->arena, co_owners_of(ctx), id);
    note_owner(ctx, id);
}

void build_ident_ref(struct parse_ctx *ctx, ident *field, str name, loc name_at, loc at)
{
    if (first_time(ctx, field->name.ptr != NULL, field->at, at, NULL))
        *field = make_ident(ctx, name, name_at);
}

void build_period(struct parse_ctx *ctx, period_item *field, struct period_tok value, loc at)
{
    if (first_time(ctx, field->at.src != NULL, field->at, at, "period"))
        *field = (period_item){.value = value.value, .at = build_span(ctx, at), .present = value.valid};
}

void build_period_ref(struct parse_ctx *ctx, period_item *field, str name, loc name_at, loc at)
{
    if (!first_time(ctx, field->at.src != NULL, field->at, at, "period"))
        return;
    struct period_name *named = make(ctx, sizeof *named);
    named->ref = make_ident(ctx, name, name_at);
    *field = (period_item){.at = build_span(ctx, at), .name = named};
}

void build_named_period(struct parse_ctx *ctx, str id, loc id_at, str title,
                        struct period_tok value, loc at)
{
    struct named_period *p = make(ctx, sizeof *p);
    p->id = make_ident(ctx, id, id_at);
    p->title = title;
    p->value = value.value;
    p->valid = value.valid;
    p->at = build_span(ctx, at);
    vec_push(ctx->arena, &ctx->plan->periods, p);
}

void build_text(struct parse_ctx *ctx, text_item *field, str text, loc at, const char *item)
{
    if (first_time(ctx, field->present, field->at, at, item))
        *field = (text_item){text, build_span(ctx, at), true};
}

void build_quantity(struct parse_ctx *ctx, quantity *field, quantity value, loc at,
                    const char *item)
{
    if (first_time(ctx, field->at.src != NULL, field->at, at, item))
        *field = value;
}

void build_date(struct parse_ctx *ctx, date_item *field, struct date_tok value, loc at,
                const char *item)
{
    if (first_time(ctx, field->at.src != NULL, field->at, at, item))
        *field = (date_item){.value = value.day, .at = build_span(ctx, at), .present = value.valid};
}

/* A number item's value, once given: a plain number, no unit. */
static inline void number_value(struct parse_ctx *ctx, number_item *field, struct number_tok value,
                         loc value_at, const char *item)
{
    if (value.unit != NUMBER_UNITLESS)
        diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, value_at),
                    "'%s' takes a plain number, without a unit", item);
    *field = (number_item){value.value, build_span(ctx, value_at), value.valid};
}

void build_number(struct parse_ctx *ctx, number_item *field, struct number_tok value,
                  loc value_at, loc at, const char *item)
{
    if (first_time(ctx, field->at.src != NULL, field->at, at, item))
        number_value(ctx, field, value, value_at, item);
}

void build_confidence(struct parse_ctx *ctx, number_item *field, struct number_tok value,
                      loc value_at, loc at)
{
    if (!first_time(ctx, field->at.src != NULL, field->at, at, "confidence"))
        return;
    if (value.unit == NUMBER_PERCENT) {
        /* "confidence 70%": the scale is 1 to 10; one error that says so, and
         * no second one about the range. */
        double tenth = value.value / 10;
        bool whole = tenth >= 1 && tenth <= 10 && tenth == (double)(long)tenth;
        if (whole)
            diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, value_at),
                        "a confidence is a whole number from 1 to 10, not a percentage: write "
                        "'confidence %.0f'", tenth);
        else
            diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, value_at),
                        "a confidence is a whole number from 1 to 10, not a percentage");
        *field = (number_item){whole ? tenth : 0, build_span(ctx, value_at), whole && value.valid};
        return;
    }
    number_value(ctx, field, value, value_at, "confidence");
    if (field->present && (field->value < 1 || field->value > 10 || field->value != floor(field->value)))
        diag_report(ctx->plan->diags, R_CONFIDENCE_RANGE, field->at,
                    "confidence %.15g is not a whole number from 1 (no chance) to 10 (certain)",
                    field->value);
}

/* A unit as one shared copy, in the source's table (src->units), where a
 * check-in value keeps its index (4 bytes, not a pointer's 8): a plan
 * writes a handful of units on every value, and a copy each (with the
 * alignment after it) was 3.6 MB of the peak memory of 10,000 objectives.
 * 1 + its index there; 0 for none. */
static inline uint32_t build_unit_index(struct parse_ctx *ctx, str unit)
{
    if (!unit.len)
        return 0;
    struct source *src = ctx->src;
    uint32_t *recent = &ctx->recent_units[((unsigned char)unit.ptr[0] + 7 * unit.len) & 15];
    if (*recent) {
        const char *known = src->units.items[*recent - 1];
        if (strncmp(known, unit.ptr, unit.len) == 0 && known[unit.len] == '\0')
            return *recent;
    }
    if (!ctx->units)
        ctx->units = hash_new(ctx->arena, 16);
    uintptr_t index = (uintptr_t)hash_get(ctx->units, unit.ptr, unit.len);
    if (!index) {
        if (src->units.len == UINT32_MAX)
            out_of_memory();
        char *copy = arena_strndup(src->arena, unit.ptr, unit.len);
        vec_push(src->arena, &src->units, copy);
        index = src->units.len;
        hash_put(ctx->units, copy, unit.len, (void *)index);
    }
    *recent = (uint32_t)index;
    return (uint32_t)index;
}

/* The unit's shared copy, and its index in q. */
static void build_unit(struct parse_ctx *ctx, str unit, struct quantity_tok *q)
{
    q->unit_index = build_unit_index(ctx, unit);
}

struct quantity_tok build_unknown(struct parse_ctx *ctx, str unit)
{
    struct quantity_tok q = {.unknown = true};
    build_unit(ctx, unit, &q);
    return q;
}

quantity quantity_at(struct parse_ctx *ctx, struct quantity_tok q, loc at)
{
    return (quantity){q.value, build_span(ctx, at), q.present, q.unknown, q.unit_index};
}

void build_relative(struct parse_ctx *ctx, const quantity *from, struct number_tok pct,
                    loc pct_at, loc at)
{
    bool percent = pct.unit == NUMBER_PERCENT;
    if (!percent) {
        diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, pct_at),
                    "'by' takes a relative change in percent, as in 'by +25%%' or 'by -30%%'");
        return;
    }
    quantity base = from ? *from : (quantity){0, build_span(ctx, at), false, true, 0};
    /* Relative: from 10% by -30% targets 7%, not -20%. */
    quantity to = {base.value * (1 + pct.value / 100), build_span(ctx, pct_at), base.present,
                   !base.present, base.unit_index};
    build_metric(ctx, METRIC_RANGE, base, to, at);
    if (ctx->kr->metric_at.start == at.start) {
        ctx->kr->relative = true;
        kr_more_for(ctx->arena, ctx->kr)->relative_pct = pct.value;
    }
}

struct quantity_tok build_quantity_value(struct parse_ctx *ctx, struct number_tok number, str unit,
                                         loc at)
{
    struct quantity_tok q = {.value = number.value, .present = number.valid};
    str attached = number_unit_text(number.unit);
    if (unit.len && attached.len)
        diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                    "this quantity has two units ('%.*s' and '%.*s'); keep one",
                    (int)attached.len, attached.ptr, (int)unit.len, unit.ptr);
    /* one attached to the number ("12%", "$5") as well: a quantity knows
     * its unit by index alone */
    build_unit(ctx, unit.len && !attached.len ? unit : attached, &q);
    return q;
}

struct period_tok build_year(struct parse_ctx *ctx, struct number_tok year, loc at)
{
    struct period_tok p = {0};
    const char *text = ctx->src->text + at.start;
    size_t n = at.end - at.start;
    const char *why;
    if (year.plain_int && n == 4 && period_parse(text, n, &p.value, &why)) {
        p.valid = true;
        return p;
    }
    diag_report(ctx->plan->diags, R_INVALID_DATE, build_span(ctx, at),
                "'%.*s' is not a period; write a year (2027), a half (2027-H1), a quarter "
                "(2027-Q3), a month (2027-03) or a range (2027-01-15..2027-04-14)",
                (int)n, text);
    return p;
}

static struct period_tok days_range(struct parse_ctx *ctx, okr_day first, okr_day last, loc at)
{
    struct period_tok p = {0};
    p.valid = period_from_range(first, last, &p.value);
    if (!p.valid)
        diag_report(ctx->plan->diags, R_INVALID_DATE, build_span(ctx, at),
                    "this period ends before it starts");
    return p;
}

struct period_tok build_range(struct parse_ctx *ctx, struct date_tok start, struct date_tok end,
                              loc at)
{
    if (!start.valid || !end.valid)
        return (struct period_tok){0};
    return days_range(ctx, start.day, end.day, at);
}

/* "2027-W10..2027-W12", "2027-Q1..2027-Q2": from the first day of one to
 * the last of the other. */
struct period_tok build_period_range(struct parse_ctx *ctx, struct period_tok from,
                                     struct period_tok to, loc at)
{
    if (!from.valid || !to.valid)
        return (struct period_tok){0};
    return days_range(ctx, from.value.start, to.value.end, at);
}

/* Only the innermost open item: a typo inside a key result loses nothing
 * of its objective, while an error among the objective's own items may have
 * swallowed key results (so references to them are not reported either). */
void build_mark_cut_short(struct parse_ctx *ctx)
{
    if (ctx->kr)
        ctx->kr->cut_short = true;
    else if (ctx->objective && !ctx->initiative)
        ctx->objective->cut_short = true;
}
