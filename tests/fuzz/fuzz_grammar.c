/* libFuzzer target, structure-aware: the input is not plan text but a
 * program that builds it from fragments of the grammar (declarations,
 * blocks, items, check-ins, rules blocks, comments, ignore comments, ids
 * from a small pool so that references meet declarations), with an
 * operation that repeats the text built so far or the last fragment many
 * times, so that plans up to 1 MB of valid, deeply shaped text are reached:
 * the families of input that made okrc quadratic (thousands of owners on a
 * line, stacks of ignore comments, long cycles, many findings on one line).
 * Each built plan goes through fuzz_plan.c's whole pipeline; run it with
 * -rss_limit_mb and -timeout so that a blow-up in memory or time counts as
 * a crash (make fuzz-grammar). */
#define LLVMFuzzerTestOneInput fuzz_plan_one
#include "fuzz_plan.c"
#undef LLVMFuzzerTestOneInput

#define PLAN_MAX (1024 * 1024)

struct builder {
    const uint8_t *in;
    size_t len, pos;
    char *text;
    size_t used, cap;
    size_t last_start;      /* where the last fragment began */
};

static unsigned take(struct builder *b, unsigned n)
{
    unsigned v = b->pos < b->len ? b->in[b->pos] : 0;
    b->pos++;
    return n ? v % n : v;
}

/* Room for n more bytes (at most up to PLAN_MAX); returns how many fit. */
static size_t reserve(struct builder *b, size_t n)
{
    if (b->used + n > PLAN_MAX)
        n = PLAN_MAX - b->used;
    if (n && b->used + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->used + n)
            cap *= 2;
        b->text = realloc(b->text, cap);
        if (!b->text)
            abort();
        b->cap = cap;
    }
    return n;
}

static void put(struct builder *b, const char *s, size_t n)
{
    n = reserve(b, n);
    if (n)
        memcpy(b->text + b->used, s, n);
    b->used += n;
}

/* n bytes of the text from start, once more at its end (the text may move
 * as it grows, so the source is found after the room is made). */
static void repeat(struct builder *b, size_t start, size_t n)
{
    n = reserve(b, n);
    if (n)
        memcpy(b->text + b->used, b->text + start, n);
    b->used += n;
}

static void puts_(struct builder *b, const char *s)
{
    put(b, s, strlen(s));
}

static void pick(struct builder *b, const char *const *options, size_t n)
{
    puts_(b, options[take(b, (unsigned)n)]);
}
#define PICK(b, ...) do { static const char *const o_[] = {__VA_ARGS__}; \
        pick(b, o_, sizeof o_ / sizeof *o_); } while (0)

static void id(struct builder *b) { PICK(b, "grow", "q1", "sales", "ops", "a", "b", "x_1", "grow", "zoë"); }
static void kr_id(struct builder *b) { PICK(b, "revenue", "k", "nps", "churn", "revenue", "k2"); }
static void gen_person(struct builder *b) { PICK(b, "@ceo", "@maria", "@li", "@a", "@zoë", "@x.y-z", "@ceo"); }
static void gen_team(struct builder *b) { PICK(b, "company", "sales", "ops", "salse", "t"); }
static void gen_date(struct builder *b)
{
    PICK(b, "2027-01-01", "2027-02-15", "2027-03-31", "2027-02-30", "2026-12-31", "9999-12-31", "0001-01-01",
         "2027-02-01");
}
static void gen_period(struct builder *b) { PICK(b, "2027", "2027-Q1", "2027-Q4", "2027-H1", "2027-03", "2027-Q5", "FY2027"); }
static void gen_number(struct builder *b)
{
    PICK(b, "0", "1", "10", "-5", "12M", "1.5k", "99.9%", "5%", "9007199254740993", "1e308", "0.5", "?");
}
static void gen_unit(struct builder *b) { PICK(b, "", " USD", " EUR", " ms", " tickets", " réunions", " 注文", " %"); }
static void gen_title(struct builder *b)
{
    PICK(b, "\"Double annual revenue for a profitable company\"", "\"Launch the new pricing page\"",
         "\"Improve NPS\"", "\"Record and publish 5 first episodes\"", "\"Seo verbeteren\"",
         "\"Omzet uit nieuwe klanten\"", "\"\\u{202E}evil\\u{1B}[2J\"", "\"\"", "\"x\"",
         "\"Revenue from new customers in euros\"");
}
static void gen_quantity(struct builder *b)
{
    gen_number(b);
    gen_unit(b);
}

static void kr_body(struct builder *b)
{
    switch (take(b, 6)) {
    case 0: puts_(b, "from "); gen_quantity(b); puts_(b, " to "); gen_quantity(b); break;
    case 1: puts_(b, "target "); gen_quantity(b); break;
    case 2: PICK(b, "keep >= ", "keep <= ", "keep > ", "keep < "); gen_quantity(b); break;
    case 3: puts_(b, "milestone"); break;
    case 4: puts_(b, "from "); gen_quantity(b); puts_(b, " by +25%"); break;
    default: break;
    }
    for (unsigned i = take(b, 5); i > 0; i--) {
        switch (take(b, 9)) {
        case 0: puts_(b, "  owner "); gen_person(b); if (take(b, 2)) { puts_(b, ", "); gen_person(b); } break;
        case 1: puts_(b, "  due "); gen_date(b); break;
        case 2: puts_(b, "  weight "); gen_number(b); break;
        case 3: puts_(b, "  confidence "); gen_number(b); break;
        case 4: puts_(b, "  minimum "); gen_quantity(b); break;
        case 5: puts_(b, "  current "); gen_quantity(b); break;
        case 6: puts_(b, "  note "); gen_title(b); break;
        case 7: puts_(b, "  dropped"); break;
        default: puts_(b, "  done"); break;
        }
    }
}

static void gen_objective(struct builder *b)
{
    puts_(b, "objective ");
    id(b);
    puts_(b, " ");
    gen_title(b);
    puts_(b, " {\n");
    for (unsigned i = take(b, 8); i > 0; i--) {
        switch (take(b, 12)) {
        case 0: puts_(b, "  owner "); gen_person(b); break;
        case 1: puts_(b, "  team "); gen_team(b); break;
        case 2: puts_(b, "  period "); gen_period(b); break;
        case 3: puts_(b, "  aligns "); id(b); if (take(b, 2)) { puts_(b, "."); kr_id(b); } break;
        case 4: PICK(b, "  committed", "  aspirational", "  rollup"); break;
        case 5: puts_(b, "  why "); gen_title(b); break;
        case 6: puts_(b, "  risk "); gen_title(b); break;
        case 7: puts_(b, "  initiative "); kr_id(b); puts_(b, " "); gen_title(b);
            puts_(b, " { supports "); kr_id(b); puts_(b, " status "); PICK(b, "planned", "active", "done", "blocked");
            puts_(b, " }"); break;
        default: puts_(b, "  kr "); kr_id(b); puts_(b, " "); gen_title(b); puts_(b, " { "); kr_body(b);
            puts_(b, " }"); break;
        }
        puts_(b, take(b, 4) ? "\n" : "  ");
    }
    puts_(b, take(b, 16) ? "}\n" : "\n");     /* now and then unclosed */
}

static void gen_checkin(struct builder *b)
{
    puts_(b, "checkin ");
    gen_date(b);
    puts_(b, " by ");
    gen_person(b);
    puts_(b, " {\n");
    for (unsigned i = take(b, 6); i > 0; i--) {
        puts_(b, "  ");
        id(b);
        puts_(b, ".");
        kr_id(b);
        switch (take(b, 4)) {
        case 0: puts_(b, " = done"); break;
        case 1: puts_(b, " grade "); gen_number(b); break;
        default: puts_(b, " = "); gen_quantity(b); if (take(b, 2)) { puts_(b, "  confidence "); gen_number(b); }
        }
        puts_(b, "\n");
    }
    puts_(b, "}\n");
}

static void fragment(struct builder *b)
{
    b->last_start = b->used;
    switch (take(b, 14)) {
    case 0: puts_(b, "plan \"Plan\" { period "); gen_period(b); puts_(b, " owner "); gen_person(b); puts_(b, " }\n"); break;
    case 1: puts_(b, "team "); gen_team(b); puts_(b, " \"Team\" { parent "); gen_team(b); puts_(b, " lead "); gen_person(b);
        puts_(b, " }\n"); break;
    case 2: puts_(b, "person "); gen_person(b); puts_(b, " \"Someone\" { team "); gen_team(b); puts_(b, " }\n"); break;
    case 3: puts_(b, "# okrc-ignore: "); PICK(b, "smart-specific", "missing-owner", "activity-kr", "syntax", "nonsense");
        puts_(b, "\n"); break;
    case 4: puts_(b, "rules { "); PICK(b, "kr-count max 5", "activity-kr off", "stale-checkin days 0", "nope 3");
        puts_(b, " }\n"); break;
    case 5: puts_(b, "lexicon { activity \"finish\" noun \"record\" }\n"); break;
    case 6: puts_(b, "# a comment\n"); break;
    case 7: puts_(b, "use \"std/bsc\"\n"); break;
    case 8: case 9: gen_checkin(b); break;
    case 10: puts_(b, "owner "); gen_person(b); puts_(b, " "); break;    /* out of place: recovery */
    default: gen_objective(b); break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct builder b = {data, size, 0, NULL, 0, 0, 0};
    while (b.pos < b.len && b.used < PLAN_MAX) {
        unsigned op = take(&b, 16);
        if (op == 0 && b.used > 0) {
            /* Repeat the last fragment up to 65,535 times: size with shape. */
            size_t times = (size_t)take(&b, 0) << 8 | take(&b, 0);
            size_t start = b.last_start, n = b.used - start;
            for (size_t i = 0; i < times && n && b.used < PLAN_MAX; i++)
                repeat(&b, start, n);
        } else if (op == 1) {
            put(&b, (const char *)&b.in[b.pos < b.len ? b.pos : 0], b.pos < b.len ? 1 : 0);  /* a raw byte */
            b.pos++;
        } else {
            fragment(&b);
        }
    }
    /* FUZZ_GRAMMAR_PRINT=FILE: the plan an input builds, for reproducing a
     * finding with okrc itself. */
    const char *print = getenv("FUZZ_GRAMMAR_PRINT");
    FILE *f = print ? fopen(print, "wb") : NULL;
    if (f) {
        fwrite(b.text ? b.text : "", 1, b.used, f);
        fclose(f);
    }
    fuzz_plan_one((const uint8_t *)(b.text ? b.text : ""), b.used);
    free(b.text);
    return 0;
}
