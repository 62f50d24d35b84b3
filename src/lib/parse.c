/* parse.c — parsing one source, and syntax errors in a plan writer's words:
 * what was expected, after which word, and which block is still open. */
#include "lib/parse.h"
#include "lib/arena.h"
#include "lib/build.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"
#include "parser.h"

#include <stdlib.h>
#include <string.h>

/* Bison names a token by its alias (owner, identifier) or a character in
 * single quotes ('{'); these are the aliases that are not keywords. */
static const struct {
    const char *alias, *phrase;
} token_phrases[] = {
    {"identifier", "an identifier"},
    {"string", "a string in quotes"},
    {"@person", "a person such as @maria"},
    {"objective.kr reference", "a key result reference such as growth.revenue"},
    {"number", "a number"},
    {"date", "a date (YYYY-MM-DD)"},
    {"period value", "a period"},
    {"end of file", "the end of the file"},
    {"invalid token", "an invalid token"},
    {"'?'", "'?' (not known yet)"},
};

static const char *phrase(struct parse_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < sizeof token_phrases / sizeof *token_phrases; i++)
        if (strcmp(name, token_phrases[i].alias) == 0)
            return token_phrases[i].phrase;
    if (name[0] == '\'')
        return name;
    return arena_printf(ctx->arena, "'%s'", name);
}

static bool is_keyword_name(const char *name)
{
    for (size_t i = 0; i < sizeof token_phrases / sizeof *token_phrases; i++)
        if (strcmp(name, token_phrases[i].alias) == 0)
            return false;
    for (const char *p = name; *p; p++)
        if (*p < 'a' || *p > 'z')
            return false;
    return *name != '\0';
}

static bool has(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* What the writer wrote, for "found ...". */
static const char *describe_found(struct parse_ctx *ctx, const char *name, loc at)
{
    if (strcmp(name, "end of file") == 0)
        return "end of file";
    /* Cut on a code point, never inside one: a message must stay UTF-8. */
    const char *text = text_excerpt(ctx->arena, ctx->src->text + at.start, at.end - at.start, 40);
    if (strcmp(name, "identifier") == 0)
        return arena_printf(ctx->arena, "identifier '%s'", text);
    if (strcmp(name, "number") == 0)
        return arena_printf(ctx->arena, "number '%s'", text);
    if (strcmp(name, "string") == 0)
        return arena_printf(ctx->arena, "string %s", text);
    return arena_printf(ctx->arena, "'%s'", text);
}

/* A misspelt keyword: the expected keyword closest to what was written. */
static const char *suggestion(struct parse_ctx *ctx, loc at, const char *const *names, int n)
{
    size_t len = at.end - at.start;
    const char *text = arena_strndup(ctx->arena, ctx->src->text + at.start, len);
    size_t budget = TEXT_DISTANCE_BUDGET;
    struct text_nearest near;
    text_nearest_start(&near, text, &budget);
    for (int i = 0; i < n; i++)
        if (is_keyword_name(names[i]))
            text_nearest_offer(&near, names[i]);
    return near.best;
}

static bool expects_quantity(int token)
{
    return token == FROM || token == TO || token == TARGET || token == CURRENT ||
           token == MINIMUM || token == GE || token == LE || token == '=';
}

static const char *keyword_name(int token)
{
    switch (token) {
    case PLAN: return "plan";
    case TEAM: return "team";
    case PERSON_KW: return "person";
    case OBJECTIVE: return "objective";
    case KR: return "key result";
    case INITIATIVE: return "initiative";
    case CHECKIN: return "checkin";
    case RULES: return "rules";
    case LEXICON: return "lexicon";
    default: return "block";
    }
}

static const char *block_name(struct parse_ctx *ctx, const struct open_block *b)
{
    const char *kw = keyword_name(b->keyword);
    struct position p = source_position(ctx->src, b->at);
    if (b->name.end > b->name.start)
        return arena_printf(ctx->arena, "%s '%.*s' opened at line %d", kw,
                            (int)(b->name.end - b->name.start), ctx->src->text + b->name.start,
                            p.line);
    return arena_printf(ctx->arena, "%s block opened at line %d", kw, p.line);
}

struct diag *parse_missing_brace(struct parse_ctx *ctx, loc at, const struct open_block *b,
                                 const char *found)
{
    return diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                       "expected '}' to close %s, found %s", block_name(ctx, b), found);
}

void parse_syntax_error(struct parse_ctx *ctx, loc at, const char *unexpected,
                        const char *const *expected, int n)
{
    if (ctx->gave_up)
        return;
    const char *found = describe_found(ctx, unexpected, at);
    const char *prev = "";
    if (ctx->before_token && ctx->before_at.end <= at.start) {
        /* The token before, on one line and short enough to quote. */
        const char *text = ctx->src->text + ctx->before_at.start;
        int len = (int)strcspn(text, "\n");
        if (len > (int)(ctx->before_at.end - ctx->before_at.start))
            len = (int)(ctx->before_at.end - ctx->before_at.start);
        prev = arena_printf(ctx->arena, " after '%s'", text_excerpt(ctx->arena, text, (size_t)len, 30));
    }
    struct diag_ctx *d = ctx->plan->diags;
    span where = build_span(ctx, at);
    bool closing = has(expected, n, "'}'");
    const struct open_block *open =
        ctx->depth > 0 && ctx->depth <= PARSE_MAX_OPEN_BLOCKS ? &ctx->open[ctx->depth - 1] : NULL;
    /* The lookahead '}' was already counted as closing by the scanner. */
    if (strcmp(unexpected, "'}'") == 0 && ctx->depth < PARSE_MAX_OPEN_BLOCKS)
        open = &ctx->open[ctx->depth];

    struct diag *g;
    if (n == 0) {
        g = diag_report(d, R_SYNTAX, where, "unexpected %s", found);
    } else if (n <= 4) {
        const char *list = "";
        for (int i = 0; i < n; i++) {
            const char *p = phrase(ctx, expected[i]);
            if (strcmp(expected[i], "number") == 0 && expects_quantity(ctx->before_token))
                p = "a quantity (a number and an optional unit)";
            if (strcmp(expected[i], "period value") == 0 || strcmp(expected[i], "date") == 0) {
                if (has(expected, n, "period value"))
                    p = "a period (2027, 2027-H1, 2027-Q3, 2027-03, 2027-W10 or DATE..DATE)";
            }
            if (strcmp(expected[i], "number") == 0 && has(expected, n, "period value"))
                continue;
            if (strcmp(expected[i], "date") == 0 && has(expected, n, "period value"))
                continue;
            list = arena_printf(ctx->arena, "%s%s%s", list,
                                !*list ? "" : i == n - 1 ? " or " : ", ", p);
        }
        if (closing && open && (n == 1 || strcmp(unexpected, "end of file") == 0))
            g = parse_missing_brace(ctx, at, open, found);
        else
            g = diag_report(d, R_SYNTAX, where, "expected %s%s, found %s", list, prev, found);
    } else {
        const char *examples = "";
        int shown = 0;
        for (int i = 0; i < n && shown < 5; i++) {
            if (!is_keyword_name(expected[i]))
                continue;
            examples = arena_printf(ctx->arena, "%s%s%s", examples, shown ? ", " : "",
                                    phrase(ctx, expected[i]));
            shown++;
        }
        if (open && closing && strcmp(unexpected, "end of file") == 0)
            g = parse_missing_brace(ctx, at, open, found);
        else if (open && closing)
            g = diag_report(d, R_SYNTAX, where,
                            "unexpected %s in %s; expected an item such as %s, or '}' to close it",
                            found, block_name(ctx, open), examples);
        else
            g = diag_report(d, R_SYNTAX, where, "unexpected %s%s; expected a declaration such as %s",
                            found, prev, examples);
    }
    const char *hint = strcmp(unexpected, "identifier") == 0 ? suggestion(ctx, at, expected, n) : NULL;
    if (hint)
        diag_note(d, g, where, "did you mean %s?", phrase(ctx, hint));
    /* "from 10 to 20 onwer @cso": the misspelt keyword was taken in (as a
     * unit, a name) and only the word after it is unexpected */
    const char *earlier = !hint && ctx->before_token == IDENT && ctx->before_at.end <= at.start
                              ? suggestion(ctx, ctx->before_at, expected, n) : NULL;
    if (earlier)
        diag_note(d, g, build_span(ctx, ctx->before_at), "did you mean %s for '%.*s'?",
                  phrase(ctx, earlier), (int)(ctx->before_at.end - ctx->before_at.start),
                  ctx->src->text + ctx->before_at.start);
    build_mark_cut_short(ctx);
    scan_count_error(ctx, at);
}

void parse_error_message(struct parse_ctx *ctx, loc at, const char *msg)
{
    if (ctx->gave_up)
        return;
    diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at), "%s",
                strcmp(msg, "memory exhausted") == 0 ? "the file is nested too deeply to parse" : msg);
    scan_count_error(ctx, at);
}

/* What a parse holds outside the arena: the escaped string's buffer and
 * the builder's tables (hash_free takes NULL). */
static void release_ctx(struct parse_ctx *ctx)
{
    build_finish(ctx);
    for (int i = 0; i < PARSE_GATHERED_LISTS; i++)
        free(ctx->gathered[i].items);
    free(ctx->entries.buf);
    free(ctx->supports.items);
    free(ctx->text);
    hash_free(ctx->owners_named);
    hash_free(ctx->units);
}

static void parse_into(struct plan *plan, struct source *src, struct lexemes *lexemes)
{
    struct parse_ctx ctx = {.plan = plan, .src = src, .arena = plan->arena, .lexemes = lexemes};
    if (scan_and_parse(&ctx) < 0 && ctx.fatal_message)
        diag_report(plan->diags, R_SYNTAX, (span){src, ctx.prev_at.end, ctx.prev_at.end},
                    "cannot scan this file: %s", ctx.fatal_message);
    release_ctx(&ctx);
}

void parse_source(struct plan *plan, struct source *src)
{
    parse_into(plan, src, NULL);
}

void parse_source_lexemes(struct plan *plan, struct source *src, struct lexemes *out)
{
    parse_into(plan, src, out);
}

struct lexemes parse_lexemes(struct arena *a, struct source *src)
{
    struct diag_ctx diags;
    diag_init(&diags, a);
    struct plan plan = {.arena = a, .diags = &diags};
    struct lexemes out = {.arena = a};
    struct parse_ctx ctx = {.plan = &plan, .src = src, .arena = a, .lexemes = &out,
                            .tokens_only = true};
    scan_only(&ctx);
    release_ctx(&ctx);
    return out;
}

bool parse_is_name(struct arena *a, const char *text, size_t len, enum lexeme_kind kind)
{
    struct source *src = source_from_memory(a, "<name>", text, len, 0);
    struct lexemes lx = parse_lexemes(a, src);
    bool one = lx.len == 1 && lx.items[0].kind == kind && lx.items[0].start == 0 &&
               lx.items[0].end == src->len && !src->bom;
    source_free(src);
    return one;
}

void parse_keep_expected(struct parse_ctx *ctx, const char *const *names, int n)
{
    ctx->expected = arena_alloc(ctx->arena, ((size_t)n + 1) * sizeof *ctx->expected);
    for (int i = 0; i < n; i++)
        ctx->expected[i] = names[i];
    ctx->n_expected = n;
}

/* The parse of text with the parser asked for what it expected at the end. */
static void expected_at_end(struct arena *a, const char *text, size_t len, uint32_t from,
                            struct parse_ctx *out)
{
    struct diag_ctx diags;
    diag_init(&diags, a);
    struct plan plan = {.arena = a, .diags = &diags};
    struct source *src = source_from_memory(a, "<prefix>", text, len, 0);
    *out = (struct parse_ctx){.plan = &plan, .src = src, .arena = a, .want_expected = true,
                              .expected_from = from};
    scan_and_parse(out);
    release_ctx(out);
    arena_free(&plan.until_resolved);
    source_free(src);
    out->plan = NULL;
    out->src = NULL;
}

size_t parse_expected_keywords(struct arena *a, const char *text, size_t len, const char ***out)
{
    struct parse_ctx ctx;
    expected_at_end(a, text, len, (uint32_t)len, &ctx);
    if (!ctx.expected) {
        /* The end is a good place to stop (between declarations): a token
         * that starts none there makes the parser say what could. */
        char *probe = arena_alloc(a, len + 4);
        memcpy(probe, text, len);
        memcpy(probe + len, "\n..", 3);
        expected_at_end(a, probe, len + 3, (uint32_t)len, &ctx);
        if (!ctx.expected) {
            /* ".." fitted (after a period): nothing to offer */
            *out = NULL;
            return 0;
        }
    }
    const char **keywords = arena_alloc(a, ((size_t)ctx.n_expected + 1) * sizeof *keywords);
    size_t n = 0;
    for (int i = 0; i < ctx.n_expected; i++)
        if (is_keyword_name(ctx.expected[i]))
            keywords[n++] = ctx.expected[i];
    *out = keywords;
    return n;
}
