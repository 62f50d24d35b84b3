/* scan.c — what the scanner's rules call: token values, decoded strings,
 * comments, and lexical diagnostics. The rules themselves are in grammar/okr.l. */
#include "lib/arena.h"
#include "lib/build.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/parse.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"
#include "parser.h"
#include "lib/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* From 2^53 on, not every integer is representable in a double. */
#define EXACT_LIMIT 9007199254740992.0

span build_span(struct parse_ctx *ctx, loc at)
{
    return (span){ctx->src, at.start, at.end};
}

/* The one table of keyword classes (parse.h): the scanner, its messages and
 * fmt's layout all read it. */
unsigned keyword_classes(int token)
{
    enum {
        DECL_BLOCK = KW_DECLARATION | KW_NAMES_BLOCK,
        TOP_BLOCK = KW_TOP_ONLY | DECL_BLOCK,
    };
    switch (token) {
    case USE: return KW_TOP_ONLY | KW_DECLARATION;
    case PLAN: case PERSON_KW: case CHECKIN: case RULES: return TOP_BLOCK;
    case OBJECTIVE: case LEXICON: return TOP_BLOCK | KW_ID_AFTER;
    case TEAM: return DECL_BLOCK | KW_ID_AFTER | KW_ITEM;
    case PERSPECTIVE: return KW_DECLARATION | KW_ID_AFTER | KW_ITEM;
    case PERIOD_KW: return KW_DECLARATION | KW_ITEM;
    case KR: case INITIATIVE: return KW_NAMES_BLOCK | KW_ID_AFTER | KW_ITEM;
    case PARENT: case ALIGNS: case SUPPORTS: return KW_ID_AFTER | KW_ITEM;
    case OWNER: case LEAD: case COMMITTED: case ASPIRATIONAL: case ROLLUP: case WHY: case NOTE:
    case RISK: case FROM: case TARGET: case KEEP: case MILESTONE: case MINIMUM: case CURRENT:
    case DUE: case WEIGHT: case CONFIDENCE: case STATUS: case DROPPED: case ACTIVITY: case BY:
    case TAGS:
        return KW_ITEM;
    case NOT_DONE:
        return KW_BLANKS;
    default:
        return 0;
    }
}

/* Tokens after which only an id can stand: a keyword there is that id, so
 * `team plan "Plan"` and `kr lead "..."` need no renaming. */
static bool wants_id(const struct parse_ctx *ctx)
{
    if (ctx->prev_token == ',')
        return ctx->id_list;
    return keyword_classes(ctx->prev_token) & KW_ID_AFTER;
}

/* The keywords a misspelt word may stand for where a declaration starts
 * (at the top level) or a member block (inside an objective). */
static const struct {
    const char *name;
    int token;
} declaration_keywords[] = {
    {"objective", OBJECTIVE}, {"team", TEAM}, {"person", PERSON_KW}, {"perspective", PERSPECTIVE},
    {"period", PERIOD_KW}, {"checkin", CHECKIN}, {"rules", RULES}, {"lexicon", LEXICON},
    {"plan", PLAN}, {"initiative", INITIATIVE},
};

static int misspelt_keyword(struct parse_ctx *ctx, str word, const loc *at, char after)
{
    bool top = ctx->depth == 0;
    bool item_start = top ? (ctx->prev_token == 0 || ctx->prev_token == '}' ||
                             ctx->prev_token == STRING || ctx->prev_token == DATE ||
                             ctx->prev_token == PERIOD)
                          : (ctx->prev_token == '{' || ctx->prev_token == '}' ||
                             ctx->prev_token == STRING || ctx->prev_token == PERSON);
    /* a declaration's shape follows: a name, a title or a block */
    bool shaped = (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') || after == '"' ||
                  after == '{' || after == '_';
    if (!item_start || !shaped || word.len < 4 || ctx->gave_up)
        return 0;
    const char *names[sizeof declaration_keywords / sizeof declaration_keywords[0]];
    size_t n = 0;
    for (size_t i = 0; i < sizeof declaration_keywords / sizeof declaration_keywords[0]; i++)
        if (top != (declaration_keywords[i].token == INITIATIVE))
            names[n++] = declaration_keywords[i].name;
    const char *w = arena_strndup(ctx->arena, word.ptr, word.len);
    const char *best = text_nearest_of(w, names, n);
    if (!best)
        return 0;
    int token = 0;
    for (size_t i = 0; i < sizeof declaration_keywords / sizeof declaration_keywords[0]; i++)
        if (strcmp(declaration_keywords[i].name, best) == 0)
            token = declaration_keywords[i].token;
    diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, *at),
                "unknown keyword '%s'; did you mean '%s'?", w, best);
    scan_count_error(ctx, *at);
    return token;
}

int scan_ident(struct parse_ctx *ctx, str word, const loc *at)
{
    /* A blank follows the word (the rule's trailing context): while the
     * action runs flex keeps it aside, so the reading starts after it. The
     * source ends in two NUL bytes. */
    const char *p = ctx->src->text + at->end + 1;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    int keyword = misspelt_keyword(ctx, word, at, *p);
    if (keyword)
        return keyword;
    /* the first byte before the call: most ids are followed by anything
     * but `grade` (strncmp stops at the terminating NUL) */
    if (p[0] != 'g' || strncmp(p, "grade", 5) != 0)
        return IDENT;
    char c = p[5];
    bool more_id = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '-';
    return more_id ? IDENT : GRADED_ID;
}

int scan_keyword(struct parse_ctx *ctx, int token, const char *text, size_t len, str *value)
{
    if (!wants_id(ctx)) {
        /* Only keywords end an id list (`aligns a, b team x`), so only they
         * update it: the hot path of every other token stays as it was. */
        ctx->id_list = token == ALIGNS || token == SUPPORTS;
        return token;
    }
    *value = (str){text, len};
    return IDENT;
}

static void keep_lexeme(struct parse_ctx *ctx, enum lexeme_kind kind, unsigned classes,
                        uint32_t start, uint32_t end)
{
    struct lexemes *l = ctx->lexemes;
    if (l->len == l->cap) {
        /* Room for a lexeme per byte of the source at once: every lexeme but
         * a '}' that recovery puts back has a byte of its own, and what is
         * reserved but not used is never touched, so costs no memory (no
         * copies of a doubling array either: fmt's peak is the parse's).
         * Past that, doubling. */
        size_t cap = l->cap ? l->cap * 2 : ctx->src->len + 64;
        struct lexeme *items = arena_alloc(l->arena, cap * sizeof *items);
        if (l->len)
            memcpy(items, l->items, l->len * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = (struct lexeme){start, end, (uint8_t)kind, (uint8_t)classes};
}

static enum lexeme_kind lexeme_kind(const struct parse_ctx *ctx, int token, const loc *at)
{
    switch (token) {
    case STRING:
        return at->end - at->start >= 6 && memcmp(ctx->src->text + at->start, "\"\"\"", 3) == 0
                   ? LEXEME_TEXT : LEXEME_STRING;
    case '{': case '}': case '=': case ',': case ';': case '<': case '>': case '?': case GE:
    case LE: case DOTDOT:
        return LEXEME_PUNCT;
    case IDENT: case GRADED_ID:
        return LEXEME_IDENT;
    case PERSON:
        return LEXEME_PERSON;
    case NUMBER:
        return LEXEME_NUMBER;
    case DATE: case PERIOD:
        return LEXEME_DATE;
    case QREF:
        return LEXEME_REF;
    case TAG:
        return LEXEME_TAG;
    default:
        return LEXEME_KEYWORD;
    }
}

/* Every token passes through here: it keeps the previous token and the open
 * blocks so that syntax errors can say "after 'from'" and "to close
 * objective 'growth' opened at line 12". */
int scan_token(struct parse_ctx *ctx, int token, const loc *at)
{
    if (at->start >= ctx->src->hand_back_at)
        source_hand_back(ctx->src, at->start);
    if (keyword_classes(token) & KW_NAMES_BLOCK) {
        ctx->decl_keyword = token;
        ctx->decl_name = (loc){at->end, at->end};
    } else if (ctx->decl_keyword && ctx->decl_name.start == ctx->decl_name.end &&
               ctx->prev_token == ctx->decl_keyword &&
               (token == IDENT || token == PERSON || token == DATE)) {
        ctx->decl_name = *at;
    }
    if (token == '{') {
        if (ctx->depth < PARSE_MAX_OPEN_BLOCKS)
            ctx->open[ctx->depth] = (struct open_block){ctx->decl_keyword, ctx->decl_name, at->start};
        ctx->depth++;
    } else if (token == '}' && ctx->depth > 0) {
        ctx->depth--;
    }
    if (ctx->lexemes)
        keep_lexeme(ctx, lexeme_kind(ctx, token, at), keyword_classes(token), at->start, at->end);
    ctx->before_token = ctx->prev_token;
    ctx->before_at = ctx->prev_at;
    ctx->prev_token = token;
    ctx->prev_at = *at;
    return token;
}

bool scan_closes_block(struct parse_ctx *ctx, int token, loc *at)
{
    if (ctx->depth <= 0 || ctx->depth > PARSE_MAX_OPEN_BLOCKS) {
        ctx->closing = false;
        return false;
    }
    const struct open_block *open = &ctx->open[ctx->depth - 1];
    bool in_member = open->keyword == KR || open->keyword == INITIATIVE;
    bool closes = (keyword_classes(token) & KW_TOP_ONLY) ||
                  (in_member && (token == KR || token == INITIATIVE));
    if (!closes) {
        ctx->closing = false;
        return false;
    }
    /* Where the brace was needed: right after the last token. */
    loc needed = {ctx->prev_at.end, ctx->prev_at.end};
    if (!ctx->closing && !ctx->gave_up) {
        const char *found = arena_printf(ctx->arena, "'%.*s'", (int)(at->end - at->start),
                                         ctx->src->text + at->start);
        struct diag *g = parse_missing_brace(ctx, needed, open, found);
        diag_note(ctx->plan->diags, g, build_span(ctx, (loc){open->at, open->at + 1}),
                  "the block opened here");
        scan_count_error(ctx, needed);
        build_mark_cut_short(ctx);
        ctx->closing = true;
    }
    *at = needed;
    scan_token(ctx, '}', at);
    return true;
}

void scan_count_error(struct parse_ctx *ctx, loc at)
{
    if (++ctx->syntax_errors == PARSE_MAX_SYNTAX_ERRORS) {
        diag_report(ctx->plan->diags, R_SYNTAX, build_span(ctx, at),
                    "too many errors in this file (%d); stopping here", PARSE_MAX_SYNTAX_ERRORS);
        ctx->gave_up = true;
    }
}

void scan_error(struct parse_ctx *ctx, enum rule_id rule, const loc *at, const char *fmt, ...)
{
    if (ctx->gave_up)
        return;
    va_list ap;
    va_start(ap, fmt);
    const char *message = arena_vprintf(ctx->arena, fmt, ap);   /* quotes plan text: no fixed buffer */
    va_end(ap);
    diag_report(ctx->plan->diags, rule, build_span(ctx, *at), "%s", message);
    if (rule == R_SYNTAX)
        build_mark_cut_short(ctx);
    scan_count_error(ctx, *at);
}

void scan_bad_byte(struct parse_ctx *ctx, const loc *at)
{
    scan_error(ctx, R_INVALID_UTF8, at, "invalid UTF-8 byte 0x%02X; save the file as UTF-8",
               (unsigned char)ctx->src->text[at->start]);
}

const char *scan_char_name(struct parse_ctx *ctx, unsigned char c)
{
    if (c >= 0x21 && c < 0x7F)
        return arena_printf(ctx->arena, "%c", c);
    return arena_printf(ctx->arena, "\\x%02X", c);
}

void scan_number(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                 struct number_tok *out)
{
    if (ctx->tokens_only) {     /* a scan for the tokens alone: no values */
        *out = (struct number_tok){.valid = true};
        return;
    }
    /* Most numbers are a few digits, perhaps with '%': read in one pass,
     * exactly (below 10^15 a double holds every whole number). */
    size_t digits_len = len && text[len - 1] == '%' ? len - 1 : len;
    if (digits_len && digits_len <= 15) {
        double v = 0;
        size_t i = 0;
        while (i < digits_len && text[i] >= '0' && text[i] <= '9')
            v = v * 10 + (text[i++] - '0');
        if (i == digits_len) {
            bool percent = digits_len < len;
            *out = (struct number_tok){.value = v, .unit = percent ? NUMBER_PERCENT : NUMBER_UNITLESS,
                                       .plain_int = !percent, .valid = true};
            return;
        }
    }
    /* The digits without '_': on the stack for any number a plan writes,
     * in the arena for a longer one (it is too large, and says so). */
    char small[64];
    char *digits = len < sizeof small ? small : arena_alloc(ctx->arena, len + 1);
    size_t n = 0;
    const char *p = text, *end = text + len;
    *out = (struct number_tok){.plain_int = true, .valid = true};
    if (len >= 3 && memcmp(p, "\xE2\x82\xAC", 3) == 0) {
        out->unit = NUMBER_EUR;
        p += 3;
    } else if (*p == '$') {
        out->unit = NUMBER_USD;
        p++;
    }
    double scale = 1;
    if (end[-1] == '%') {
        out->unit = NUMBER_PERCENT;
        end--;
    }
    switch (end[-1]) {
    case 'k': scale = 1e3; end--; break;
    case 'M': scale = 1e6; end--; break;
    case 'B': scale = 1e9; end--; break;
    }
    if (scale != 1 || out->unit != NUMBER_UNITLESS)
        out->plain_int = false;
    for (; p < end; p++) {
        if (*p == '_' || *p == '.' || *p == '-' || *p == '+')
            out->plain_int = false;
        if (*p != '_')
            digits[n++] = *p;
    }
    digits[n] = '\0';
    if (out->plain_int && n <= 15) {
        /* The common case, exactly and without strtod. */
        double v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + (digits[i] - '0');
        out->value = v;
        return;
    }
    errno = 0;
    char *stop;
    double v = strtod(digits, &stop) * scale;
    if (p < end || *stop || errno == ERANGE || !isfinite(v) || fabs(v) >= EXACT_LIMIT) {
        scan_error(ctx, R_SYNTAX, at,
                   "number '%.*s' is too large; okrc counts exactly below 2^53 (about 9e15)",
                   (int)len, text);
        out->valid = false;
        v = 0;
    }
    out->value = v;
}

void scan_date(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
               struct date_tok *out)
{
    if (ctx->tokens_only) {
        *out = (struct date_tok){.valid = true};
        return;
    }
    out->valid = date_parse(text, len, &out->day);
    if (!out->valid)
        scan_error(ctx, R_INVALID_DATE, at, "'%.*s' is not a date in the calendar", (int)len, text);
}

void scan_date_notation(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                        struct date_tok *out)
{
    int y = 0, m = 0, d = 0;
    char a = 0, b = 0;
    out->valid = sscanf(text, "%4d%c%2d%c%2d", &y, &a, &m, &b, &d) == 5 && a == b;
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    out->valid = out->valid && date_parse(iso, strlen(iso), &out->day);
    if (out->valid)
        scan_error(ctx, R_SYNTAX, at, "'%.*s': dates are written YYYY-MM-DD, as in %s", (int)len, text, iso);
    else
        scan_error(ctx, R_INVALID_DATE, at, "'%.*s' is not a date; write dates as YYYY-MM-DD", (int)len, text);
}

void scan_period(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                 struct period_tok *out)
{
    if (ctx->tokens_only) {
        *out = (struct period_tok){.valid = true};
        return;
    }
    const char *why;
    out->valid = period_parse(text, len, &out->value, &why);
    if (!out->valid)
        scan_error(ctx, R_INVALID_DATE, at, "'%.*s' is not a period: %s", (int)len, text, why);
}

void scan_text_begin(struct parse_ctx *ctx)
{
    ctx->text_len = 0;
}

void scan_text_add(struct parse_ctx *ctx, const char *s, size_t n)
{
    if (ctx->tokens_only)
        return;
    if (ctx->text_len + n + 1 > ctx->text_cap) {
        size_t cap = ctx->text_cap ? ctx->text_cap : 256;
        while (cap < ctx->text_len + n + 1)
            cap *= 2;
        char *p = realloc(ctx->text, cap);
        if (!p) {
            ctx->fatal_message = "out of memory";
            longjmp(ctx->fatal, 1);
        }
        ctx->text = p;
        ctx->text_cap = cap;
    }
    memcpy(ctx->text + ctx->text_len, s, n);
    ctx->text_len += n;
}

void scan_text_codepoint(struct parse_ctx *ctx, const char *hex, size_t n, const loc *at)
{
    unsigned long cp = strtoul(arena_strndup(ctx->arena, hex, n), NULL, 16);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        scan_error(ctx, R_SYNTAX, at, "\\u{%.*s} is not a Unicode character", (int)n, hex);
        return;
    }
    char b[4];
    scan_text_add(ctx, b, utf8_encode((uint32_t)cp, b));
}

str scan_text_end(struct parse_ctx *ctx)
{
    return (str){arena_strndup(ctx->arena, ctx->text ? ctx->text : "", ctx->text_len),
                 ctx->text_len};
}

str scan_plain_string(struct parse_ctx *ctx, const char *text, size_t len)
{
    if (ctx->tokens_only)
        return (str){text, len};
    return (str){arena_strndup(ctx->arena, text, len), len};
}

void scan_comment(struct parse_ctx *ctx, uint32_t start, uint32_t end)
{
    if (ctx->lexemes)
        keep_lexeme(ctx, LEXEME_COMMENT, 0, start, end);
    if (ctx->tokens_only)   /* a scan for the tokens leaves the source's comments alone */
        return;
    struct comment *c = arena_alloc(ctx->arena, sizeof *c);
    c->start = start;
    c->end = end;
    struct source *src = ctx->src;
    if (src->comments_tail)
        src->comments_tail->next = c;
    else
        src->comments = c;
    src->comments_tail = c;
}

void scan_decimal_comma(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                        struct number_tok *out)
{
    if (ctx->tokens_only) {
        *out = (struct number_tok){.valid = true};
        return;
    }
    /* One comma before other than three digits is a decimal comma ("12,5");
     * anything else groups digits ("1,000,000"). The value is read that
     * way so that the rest of the plan still checks; the error stands. */
    size_t commas = 0, after = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ',') {
            commas++;
            after = 0;
        } else if (text[i] >= '0' && text[i] <= '9') {
            after++;
        }
    }
    bool decimal = commas == 1 && after != 3;
    char *pointed = arena_strndup(ctx->arena, text, len);   /* "12.5" */
    char *grouped = arena_strndup(ctx->arena, text, len);   /* "1_000_000" */
    char *value = arena_strndup(ctx->arena, text, len);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ',') {
            pointed[i] = '.';
            grouped[i] = '_';
            if (decimal)
                value[n++] = '.';
        } else {
            value[n++] = text[i];
        }
    }
    value[n] = 0;
    if (commas == 1)
        scan_error(ctx, R_SYNTAX, at, "a number takes '.' for decimals and '_' between digit "
                   "groups, not ',': write '%s'%s%s%s", decimal ? pointed : grouped,
                   decimal ? "" : " (or '", decimal ? "" : pointed, decimal ? "" : "' for a decimal)");
    else
        scan_error(ctx, R_SYNTAX, at, "a number takes '.' for decimals and '_' between digit "
                   "groups, not ',': write '%s'", grouped);
    scan_number(ctx, value, n, at, out);
}
