/* fmt.c — the canonical layout, printed from the source's tokens.
 *
 * Why tokens and not the model: the model keeps what a plan means, not how
 * it was written (the order of items, the `;`s, the digits of a number, the
 * comments between two items). Re-printing the tokens in order with
 * canonical whitespace keeps all of that by construction, and each comment
 * stays between the two tokens it was between (the zig fmt way). The
 * source has parsed without errors, so a small lexer here finds the same
 * token boundaries as grammar/okr.l. The rules are in docs/fmt.md. */
#include "emit/fmt.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/parse.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_kind { T_WORD, T_STRING, T_TEXT, T_PUNCT, T_COMMENT };

/* 12 bytes a token: the formatter holds every token of the file at once. */
struct tok {
    uint32_t start, end;
    uint8_t kind;
    uint8_t flags;          /* F_* below */
    uint16_t align;         /* a check-in entry's reference: the width to pad it to */
};

enum {
    F_NL1 = 1, F_NL2 = 2,   /* one line break before it in the source, or more */
    F_ONE_LINE = 4,         /* a '{' or '}' of a block written on one line */
    F_ITEM = 8,             /* a keyword that starts an item inside a block */
    F_DECL = 32,            /* a keyword that starts a declaration at the top level */
    F_BLANKS = 64,          /* a keyword with blanks inside: `not done` */
};

struct out {
    struct arena *arena;
    char *data;
    size_t len, cap;
};

static void grow(struct out *o, size_t n)
{
    size_t cap = o->cap ? o->cap * 2 : 4096;
    while (cap < o->len + n)
        cap *= 2;
    char *data = arena_alloc(o->arena, cap);
    if (o->len)
        memcpy(data, o->data, o->len);
    o->data = data;
    o->cap = cap;
}

/* Inline: the printer puts a few bytes at a time, a token or a blank,
 * into a buffer sized for the whole output (fmt_source_lexemes). */
static inline void put(struct out *o, const char *s, size_t n)
{
    if (o->len + n > o->cap)
        grow(o, n);
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

static inline void put_spaces(struct out *o, size_t n)
{
    static const char spaces[] = "                                ";
    if (n < sizeof spaces) {    /* an indent or a gap: one copy */
        put(o, spaces, n);
        return;
    }
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        put(o, spaces, k);
        n -= k;
    }
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

_Static_assert(sizeof(struct tok) == sizeof(struct lexeme), "a token takes its lexeme's place");

/* The scanner's lexemes as the printer holds them: with the line breaks
 * before each, and a keyword's classes as bits of the same byte. Each
 * token is written where its lexeme was, once that is read: a plan of
 * 10,000 objectives has 1.7 million, 21 MB each way. */
static struct tok *tokens(const struct source *src, struct lexemes *lexemes, size_t *count)
{
    const struct lexemes lx = *lexemes;
    struct tok *toks = (struct tok *)lx.items;
    static const uint8_t kinds[] = {
        [LEXEME_KEYWORD] = T_WORD, [LEXEME_NUMBER] = T_WORD, [LEXEME_DATE] = T_WORD,
        [LEXEME_REF] = T_WORD, [LEXEME_TAG] = T_WORD, [LEXEME_IDENT] = T_WORD, [LEXEME_PERSON] = T_WORD,
        [LEXEME_STRING] = T_STRING, [LEXEME_TEXT] = T_TEXT,
        [LEXEME_PUNCT] = T_PUNCT, [LEXEME_COMMENT] = T_COMMENT,
    };
    uint32_t after = 0;     /* where the token before ended */
    for (size_t i = 0; i < lx.len; i++) {
        const struct lexeme l = lx.items[i];
        unsigned nl = 0;
        for (uint32_t k = after; k < l.start && nl < 2; k++)
            nl += src->text[k] == '\n';
        unsigned cl = l.classes;
        toks[i] = (struct tok){
            .start = l.start, .end = l.end, .kind = kinds[l.kind],
            .flags = (uint8_t)((nl >= 2 ? F_NL2 : nl ? F_NL1 : 0) | (cl & KW_ITEM ? F_ITEM : 0) |
                               (cl & KW_DECLARATION ? F_DECL : 0) | (cl & KW_BLANKS ? F_BLANKS : 0)),
        };
        after = l.end;
    }
    *count = lx.len;
    *lexemes = (struct lexemes){.arena = lx.arena};
    return toks;
}

static bool tok_is(const char *text, const struct tok *t, const char *word)
{
    size_t n = strlen(word);
    return t->end - t->start == n && memcmp(text + t->start, word, n) == 0;
}

/* What the printer knows of the token before the one it places. */
struct context {
    const char *text;
    const struct tok *toks;
    size_t n;
    int block;              /* the open block's kind: 'r' rules, 'c' check-in, 'o' other */
    bool after_from;        /* `by` after `from Q` continues the metric */
};

static const struct tok *next_code(const struct context *c, size_t i)
{
    for (size_t j = i + 1; j < c->n; j++)
        if (c->toks[j].kind != T_COMMENT)
            return &c->toks[j];
    return NULL;
}

/* A check-in entry or judgment starts with a reference followed by '=' or `grade`. */
static bool starts_entry(const struct context *c, size_t i)
{
    const struct tok *t = &c->toks[i], *next = next_code(c, i);
    return t->kind == T_WORD && next && (tok_is(c->text, next, "=") || tok_is(c->text, next, "grade")) &&
           !(i > 0 && tok_is(c->text, &c->toks[i - 1], "="));
}

/* Inside a block: does token i begin an item (two spaces before it)? */
static bool starts_item(const struct context *c, size_t i)
{
    const struct tok *t = &c->toks[i];
    if (t->kind != T_WORD)
        return false;
    if (c->block == 'c')
        return starts_entry(c, i) || ((t->flags & F_ITEM) && !tok_is(c->text, t, "by") &&
                                      !tok_is(c->text, &c->toks[i - 1], "="));
    if (c->block == 'r') {
        enum rule_id rule;
        return rule_lookup(c->text + t->start, t->end - t->start, &rule);
    }
    if (!(t->flags & F_ITEM) || (i > 0 && tok_is(c->text, &c->toks[i - 1], "=")))
        return false;
    return !tok_is(c->text, t, "by") || !c->after_from;
}

/* Code points that stay escaped: controls and invisible or direction-changing
 * characters, which a reader could not see in the text. */
static bool keep_escaped(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

static void put_codepoint(struct out *o, uint32_t cp)
{
    char b[16];
    size_t n;
    if (keep_escaped(cp) && cp != '\n' && cp != '\t') {
        n = (size_t)snprintf(b, sizeof b, "\\u{%X}", (unsigned)cp);
    } else if (cp == '\n' || cp == '\t') {
        b[0] = '\\';
        b[1] = cp == '\n' ? 'n' : 't';
        n = 2;
    } else if (cp == '"' || cp == '\\') {
        b[0] = '\\';
        b[1] = (char)cp;
        n = 2;
    } else {
        n = utf8_encode(cp, b);
    }
    put(o, b, n);
}

const char *fmt_quote(struct arena *a, str text)
{
    struct out o = {.arena = a};
    put(&o, "\"", 1);
    for (size_t i = 0, used; i < text.len; i += used)
        put_codepoint(&o, utf8_decode(text.ptr + i, text.len - i, &used));
    put(&o, "\"", 1);
    return arena_strndup(a, o.data, o.len);
}

/* A word as written, but for `not done`, the one token with blanks inside:
 * one space between its words. */
static void put_word(struct out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t word = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        put(o, s + word, i - word);
        if (i < n)
            put(o, " ", 1);
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
    }
}

/* "..." decoded and written again with the fewest escapes. */
static void put_string(struct out *o, const char *s, size_t n)
{
    put(o, "\"", 1);
    size_t i = 1, end = n >= 2 ? n - 1 : n;
    while (i < end) {
        /* a run of printable ASCII that needs no escape, as it is */
        size_t run = i;
        while (run < end && utf8_printable_ascii((unsigned char)s[run]) && s[run] != '"' &&
               s[run] != '\\')
            run++;
        if (run > i) {
            put(o, s + i, run - i);
            i = run;
            continue;
        }
        uint32_t cp;
        size_t used;
        if (s[i] == '\\' && i + 1 < end) {
            char e = s[i + 1];
            used = 2;
            if (e == 'n') {
                cp = '\n';
            } else if (e == 't') {
                cp = '\t';
            } else if (e == 'u') {
                cp = (uint32_t)strtoul(s + i + 3, NULL, 16);
                const char *close = memchr(s + i, '}', end - i);
                used = close ? (size_t)(close - (s + i)) + 1 : end - i;
            } else {
                cp = (unsigned char)e;
            }
        } else {
            cp = utf8_decode(s + i, end - i, &used);
        }
        put_codepoint(o, cp);
        i += used;
    }
    put(o, "\"", 1);
}

/* Pads the references of consecutive check-in entries so that their '='s
 * line up: a run ends at a blank line or a line that is not an entry. */
static void align_entries(struct context *c, struct tok *toks, size_t open)
{
    size_t close = open + 1, run = 0, width = 0;
    for (int depth = 1; close < c->n; close++) {
        if (toks[close].kind == T_PUNCT && c->text[toks[close].start] == '{')
            depth++;
        else if (toks[close].kind == T_PUNCT && c->text[toks[close].start] == '}' && --depth == 0)
            break;
    }
    if (close >= c->n)
        return;
    for (size_t i = open + 1; i <= close; i++) {
        bool first_on_line = (toks[i].flags & 3) || i == open + 1 ||
                             toks[i - 1].kind == T_COMMENT;
        if (!first_on_line || toks[i].kind == T_COMMENT)
            continue;
        bool entry = i < close && toks[i].kind == T_WORD && tok_is(c->text, &toks[i + 1], "=");
        if (!entry || (toks[i].flags & F_NL2)) {
            for (size_t j = run; run && j < i; j++)
                if (toks[j].align)
                    toks[j].align = (uint16_t)width;
            run = 0;
            width = 0;
        }
        if (entry) {
            if (!run)
                run = i;
            size_t w = utf8_width(c->text + toks[i].start, toks[i].end - toks[i].start);
            if (w > width && w < UINT16_MAX)
                width = w;
            toks[i].align = 1;
        }
    }
    for (size_t j = run; run && j <= close; j++)
        if (toks[j].align)
            toks[j].align = (uint16_t)width;
}

/* A punctuation token by its first byte: '.' is "..", '<' and '>' alone
 * (not "<=", ">="), the others one byte each. */
static bool punct_is(const char *text, const struct tok *t, char c)
{
    return t->kind == T_PUNCT && text[t->start] == c && (c == '.' || t->end - t->start == 1);
}

/* Braces: their partners, and which blocks were written on one line
 * (F_ONE_LINE on both). Returns how many blocks open. */
static size_t mark_one_line_blocks(struct arena *a, const char *text, struct tok *toks, size_t n)
{
    size_t braces = 0;
    for (size_t i = 0; i < n; i++)
        braces += punct_is(text, &toks[i], '{');
    uint32_t *stack = braces ? arena_alloc(a, braces * sizeof *stack) : NULL;
    size_t sp = 0;
    for (size_t i = 0; i < n; i++) {
        if (punct_is(text, &toks[i], '{')) {
            stack[sp++] = (uint32_t)i;
        } else if (punct_is(text, &toks[i], '}') && sp > 0) {
            uint32_t open = stack[--sp];
            bool one_line = true;
            for (size_t j = open + 1; j <= i && one_line; j++)
                one_line = !(toks[j].flags & (F_NL1 | F_NL2));
            if (one_line) {
                toks[open].flags |= F_ONE_LINE;
                toks[i].flags |= F_ONE_LINE;
            }
        }
    }
    return braces;
}

/* Where the printer is: what it has printed and which blocks are open. */
struct printer {
    struct context c;
    struct out out;
    char *kinds;            /* the kind of each open block, by depth */
    int depth;
    int decl;               /* the top-level declaration being printed: 'c' check-in, 'r' rules */
    bool line_open;         /* something is printed on the current line */
    bool after_block;       /* the token before closed a block of several lines */
    const char *eol;
    size_t eol_len;
};

/* Does token i start a new line? */
static bool breaks_line(const struct printer *p, size_t i)
{
    const char *text = p->c.text;
    const struct tok *t = &p->c.toks[i], *prev = i ? &p->c.toks[i - 1] : NULL;
    bool multi_close = punct_is(text, t, '}') && !(t->flags & F_ONE_LINE);
    if (!p->line_open)
        return false;
    if (t->kind == T_COMMENT)
        return t->flags & (F_NL1 | F_NL2);
    if (prev->kind == T_COMMENT || multi_close)
        return true;
    if (punct_is(text, t, '{'))
        return false;       /* '{' joins its declaration's line */
    if (punct_is(text, prev, '{') && !(prev->flags & F_ONE_LINE))
        return true;
    if (p->after_block && !punct_is(text, t, ';') && !punct_is(text, t, ','))
        return true;
    if (p->depth == 0 && t->kind == T_WORD && (t->flags & F_DECL) && !tok_is(text, prev, "by"))
        return true;
    return t->flags & (F_NL1 | F_NL2);
}

/* The spaces between token i and the one before it on the same line. */
static size_t spaces_before(const struct printer *p, size_t i)
{
    const char *text = p->c.text;
    const struct tok *t = &p->c.toks[i], *prev = &p->c.toks[i - 1];
    if (t->kind == T_COMMENT)
        return 2;
    if (punct_is(text, t, ',') || punct_is(text, t, ';') || punct_is(text, t, '.') ||
        punct_is(text, prev, '.'))
        return 0;
    if (p->depth > 0 && !punct_is(text, prev, '{') && starts_item(&p->c, i))
        return 2;           /* a second item on a line */
    return 1;
}

static void put_token(struct out *o, const char *text, const struct tok *t)
{
    size_t len = t->end - t->start;
    if (t->kind == T_STRING) {
        put_string(o, text + t->start, len);
    } else if (t->kind == T_COMMENT) {
        while (len > 0 && is_space(text[t->start + len - 1]))
            len--;
        put(o, text + t->start, len);
    } else if (t->kind == T_WORD) {
        if (t->flags & F_BLANKS)
            put_word(o, text + t->start, len);
        else
            put(o, text + t->start, len);
        if (t->align > 1)
            put_spaces(o, t->align - utf8_width(text + t->start, len));
    } else {
        put(o, text + t->start, len);
    }
}

/* Token i with the line break or spaces before it, and what it changes
 * for the tokens after it. */
static void print_token(struct printer *p, struct tok *toks, size_t i)
{
    const char *text = p->c.text;
    struct tok *t = &toks[i];
    const struct tok *prev = i ? &toks[i - 1] : NULL;
    bool is_open = punct_is(text, t, '{'), is_close = punct_is(text, t, '}');
    bool multi_close = is_close && !(t->flags & F_ONE_LINE);
    p->c.block = p->depth > 0 ? p->kinds[p->depth - 1] : 0;
    if (p->depth == 0 && t->kind == T_WORD && (t->flags & F_DECL) && !(prev && tok_is(text, prev, "by")))
        p->decl = tok_is(text, t, "checkin") ? 'c' : tok_is(text, t, "rules") ? 'r' : 'o';

    bool newline = breaks_line(p, i);
    if (multi_close && p->depth > 0)
        p->depth--;
    if (newline) {
        put(&p->out, p->eol, p->eol_len);
        if ((t->flags & F_NL2) && !punct_is(text, prev, '{') && !is_close)
            put(&p->out, p->eol, p->eol_len);     /* one blank line kept */
    }
    if (newline || !p->line_open)
        put_spaces(&p->out, (size_t)p->depth * 2);
    else
        put_spaces(&p->out, spaces_before(p, i));
    p->line_open = true;
    put_token(&p->out, text, t);

    p->after_block = multi_close;
    if (is_open) {
        p->kinds[p->depth] = p->depth == 0 && p->decl ? (char)p->decl : 'o';
        p->depth++;
        if (!(t->flags & F_ONE_LINE) && p->kinds[p->depth - 1] == 'c')
            align_entries(&p->c, toks, i);
    } else if (is_close && (t->flags & F_ONE_LINE) && p->depth > 0) {
        p->depth--;
    }
    if (t->kind == T_WORD && p->depth > 0 && (t->flags & F_ITEM))
        p->c.after_from = tok_is(text, t, "from");
}

struct fmt_text fmt_source(struct arena *a, struct source *src)
{
    struct lexemes lx = parse_lexemes(a, src);
    return fmt_source_lexemes(a, src, &lx);
}

struct fmt_text fmt_source_lexemes(struct arena *a, struct source *src, struct lexemes *lx)
{
    size_t n;
    struct tok *toks = tokens(src, lx, &n);
    size_t braces = mark_one_line_blocks(a, src->text, toks, n);
    const char *lf = memchr(src->text, '\n', src->len);
    bool crlf = lf && lf > src->text && lf[-1] == '\r';    /* the first line's ending for all */
    struct printer p = {
        .c = {.text = src->text, .toks = toks, .n = n},
        .out = {.arena = a},
        .kinds = arena_alloc(a, braces + 1),
        .eol = crlf ? "\r\n" : "\n",
        .eol_len = crlf ? 2 : 1,
    };
    /* The canonical form is about as long as the source: one allocation. */
    p.out.cap = src->len + src->len / 4 + 64;
    p.out.data = arena_alloc(a, p.out.cap);
    if (src->bom)
        put(&p.out, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; i < n; i++)
        print_token(&p, toks, i);
    if (p.line_open)
        put(&p.out, p.eol, p.eol_len);
    return (struct fmt_text){p.out.data, p.out.len};
}

/* The diff: lines compared by an LCS over what differs between the common
 * head and tail (quadratic only in the changed middle, and given up for a
 * whole-middle replacement past a bound, so that it never grows too fast). */
struct line {
    const char *s;
    size_t n;
};

static size_t split_lines(struct arena *a, const char *text, size_t len, struct line **out)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += text[i] == '\n';
    if (len && text[len - 1] != '\n')
        count++;
    struct line *lines = arena_alloc(a, (count + 1) * sizeof *lines);
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n') {
            lines[k++] = (struct line){text + start, i + 1 - start};
            start = i + 1;
        }
    if (start < len)
        lines[k++] = (struct line){text + start, len - start};
    *out = lines;
    return count;
}

static bool same_line(struct line x, struct line y)
{
    return x.n == y.n && memcmp(x.s, y.s, x.n) == 0;
}

enum { OP_SAME, OP_DEL, OP_ADD };
struct op {
    uint8_t kind;
    size_t a, b;            /* line indices in old and new */
};

/* ---- the diff: Myers' O((N+M)D) algorithm in linear space ---- */

/* Snake rounds a diff may spend; past it, what is left of a region is
 * shown as removed and added whole (still a diff that patch applies). */
#define DIFF_BUDGET (64u * 1024 * 1024)

struct differ {
    const struct line *x, *y;
    struct op *ops;
    size_t count;
    long *vf, *vb;          /* the furthest x on each diagonal, forward and backward */
    size_t budget;
};

static void emit_op(struct differ *d, uint8_t kind, size_t a, size_t b)
{
    d->ops[d->count++] = (struct op){kind, a, b};
}

/* The middle snake of x[a0,a1) and y[b0,b1), both not empty: where it
 * starts and ends, and the number of edits D; -1 when the budget ran out.
 * Forward and backward searches meet in the middle (Myers 1986, 4b). */
static long middle_snake(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1, size_t *xs,
                         size_t *ys, size_t *xe, size_t *ye)
{
    long n = (long)(a1 - a0), m = (long)(b1 - b0), delta = n - m;
    long *vf = d->vf, *vb = d->vb;     /* centred: index 0 is diagonal 0 */
    bool odd = delta & 1;
    vf[1] = vb[1] = 0;
    for (long e = 0; e <= (n + m + 1) / 2; e++) {
        if (d->budget < (size_t)(2 * e + 2))
            return -1;
        d->budget -= (size_t)(2 * e + 2);
        for (long k = -e; k <= e; k += 2) {
            long x = k == -e || (k != e && vf[k - 1] < vf[k + 1]) ? vf[k + 1] : vf[k - 1] + 1;
            long y = x - k, x0 = x, y0 = y;
            while (x < n && y < m && same_line(d->x[a0 + (size_t)x], d->y[b0 + (size_t)y]))
                x++, y++;
            vf[k] = x;
            long c = delta - k;     /* the same diagonal, counted backward */
            if (odd && c >= -(e - 1) && c <= e - 1 && vf[k] + vb[c] >= n) {
                *xs = a0 + (size_t)x0, *ys = b0 + (size_t)y0, *xe = a0 + (size_t)x, *ye = b0 + (size_t)y;
                return 2 * e - 1;
            }
        }
        for (long k = -e; k <= e; k += 2) {
            long x = k == -e || (k != e && vb[k - 1] < vb[k + 1]) ? vb[k + 1] : vb[k - 1] + 1;
            long y = x - k, x0 = x, y0 = y;
            while (x < n && y < m && same_line(d->x[a1 - 1 - (size_t)x], d->y[b1 - 1 - (size_t)y]))
                x++, y++;
            vb[k] = x;
            long c = delta - k;
            if (!odd && c >= -e && c <= e && vb[k] + vf[c] >= n) {
                *xs = a1 - (size_t)x, *ys = b1 - (size_t)y, *xe = a1 - (size_t)x0, *ye = b1 - (size_t)y0;
                return 2 * e;
            }
        }
    }
    return -1;
}

/* x[a0,a1) against y[b0,b1), in order; halving D at each level keeps the
 * recursion O(log D) deep. */
static void diff_range(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
    while (a0 < a1 && b0 < b1 && same_line(d->x[a0], d->y[b0]))
        emit_op(d, OP_SAME, a0++, b0++);
    size_t tail = 0;
    while (a1 - a0 > tail && b1 - b0 > tail && same_line(d->x[a1 - 1 - tail], d->y[b1 - 1 - tail]))
        tail++;
    a1 -= tail, b1 -= tail;
    size_t xs = 0, ys = 0, xe = 0, ye = 0;
    long e = a0 < a1 && b0 < b1 ? middle_snake(d, a0, a1, b0, b1, &xs, &ys, &xe, &ye) : 0;
    if (a0 == a1 || b0 == b1 || e < 0) {
        for (size_t i = a0; i < a1; i++)
            emit_op(d, OP_DEL, i, b0);
        for (size_t j = b0; j < b1; j++)
            emit_op(d, OP_ADD, a1, j);
    } else if (e <= 1) {    /* one line more on one side: the rest matches in order */
        while (a0 < a1 || b0 < b1) {
            if (a0 < a1 && b0 < b1 && same_line(d->x[a0], d->y[b0]))
                emit_op(d, OP_SAME, a0++, b0++);
            else if (a1 - a0 > b1 - b0)
                emit_op(d, OP_DEL, a0++, b0);
            else
                emit_op(d, OP_ADD, a0, b0++);
        }
    } else {
        diff_range(d, a0, xs, b0, ys);
        for (size_t i = xs; i < xe; i++)
            emit_op(d, OP_SAME, i, ys + (i - xs));
        diff_range(d, xe, a1, ye, b1);
    }
    for (size_t t = 0; t < tail; t++)
        emit_op(d, OP_SAME, a1 + t, b1 + t);
}

/* Within each run of changes, the removed lines before the added ones, as
 * diff -u shows them. */
static void deletions_first(struct arena *a, struct op *ops, size_t count)
{
    struct op *tmp = arena_alloc(a, (count + 1) * sizeof *tmp);
    for (size_t i = 0; i < count;) {
        if (ops[i].kind == OP_SAME) {
            i++;
            continue;
        }
        size_t end = i, dels = 0;
        while (end < count && ops[end].kind != OP_SAME)
            dels += ops[end++].kind == OP_DEL;
        size_t a0 = ops[i].a, b0 = ops[i].b, nd = 0, na = 0;
        for (size_t j = i; j < end; j++) {
            if (ops[j].kind == OP_DEL)
                tmp[nd++] = (struct op){OP_DEL, ops[j].a, b0};
            else
                tmp[dels + na++] = (struct op){OP_ADD, a0 + dels, ops[j].b};
        }
        memcpy(ops + i, tmp, (end - i) * sizeof *ops);
        i = end;
    }
}

static void put_line(struct out *o, char mark, struct line l)
{
    put(o, &mark, 1);
    put(o, l.s, l.n);
    if (!l.n || l.s[l.n - 1] != '\n')
        put(o, "\n\\ No newline at end of file\n", 30);
}

struct fmt_text fmt_diff(struct arena *a, const char *path, const char *old_text,
                         size_t old_len, const char *new_text, size_t new_len)
{
    struct out o = {.arena = a};
    if (old_len == new_len && memcmp(old_text, new_text, old_len) == 0)
        return (struct fmt_text){NULL, 0};
    struct line *x, *y;
    size_t m = split_lines(a, old_text, old_len, &x), n = split_lines(a, new_text, new_len, &y);
    struct op *ops = arena_alloc(a, (m + n + 1) * sizeof *ops);
    size_t diagonals = 2 * (m + n) + 8;
    struct differ d = {x, y, ops, 0, arena_alloc(a, diagonals * sizeof(long)),
                       arena_alloc(a, diagonals * sizeof(long)), DIFF_BUDGET};
    d.vf += m + n + 4;      /* centred on diagonal 0 */
    d.vb += m + n + 4;
    diff_range(&d, 0, m, 0, n);
    deletions_first(a, ops, d.count);
    size_t k = d.count;

    char *header = arena_printf(a, "--- a/%s\n+++ b/%s\n", path, path);
    put(&o, header, strlen(header));
    enum { CONTEXT = 3 };
    size_t i = 0;
    while (i < k) {
        if (ops[i].kind == OP_SAME) {
            i++;
            continue;
        }
        /* A hunk: from CONTEXT lines before this change to CONTEXT lines
         * after the last change closer than 2 * CONTEXT to the one before. */
        size_t start = i > CONTEXT ? i - CONTEXT : 0, end = i;
        while (end < k) {
            size_t gap = end;
            while (gap < k && ops[gap].kind == OP_SAME)
                gap++;
            if (gap == k || gap - end > 2 * CONTEXT)
                break;
            end = gap;
            while (end < k && ops[end].kind != OP_SAME)
                end++;
        }
        size_t stop = end + CONTEXT < k ? end + CONTEXT : k;
        size_t old_count = 0, new_count = 0;
        for (size_t j = start; j < stop; j++) {
            old_count += ops[j].kind != OP_ADD;
            new_count += ops[j].kind != OP_DEL;
        }
        char *at = arena_printf(a, "@@ -%zu,%zu +%zu,%zu @@\n",
                                old_count ? ops[start].a + 1 : ops[start].a, old_count,
                                new_count ? ops[start].b + 1 : ops[start].b, new_count);
        put(&o, at, strlen(at));
        for (size_t j = start; j < stop; j++)
            put_line(&o, ops[j].kind == OP_SAME ? ' ' : ops[j].kind == OP_DEL ? '-' : '+',
                     ops[j].kind == OP_ADD ? y[ops[j].b] : x[ops[j].a]);
        i = stop;
    }
    return (struct fmt_text){o.data, o.len};
}

void fmt_syntax_only(struct diag_ctx *d)
{
    for (int r = 0; r < RULE_COUNT; r++)
        if (r != R_SYNTAX && r != R_INVALID_UTF8)
            diag_force(d, (enum rule_id)r, SEV_OFF);
}
