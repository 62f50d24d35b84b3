/* tokens.c — see tokens.h. The scanner (parse_lexemes) says where each
 * token is and whether it is a keyword, a string or a comment; the index of
 * names (navigate.c) says what an id names and whether it declares it, so
 * that `growth` in `growth.revenue = 3` is coloured as the objective it is. */
#include "lsp/tokens.h"
#include "lib/arena.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/source.h"
#include "lsp/navigate.h"
#include "lsp/server.h"

#include <string.h>

enum token_type {
    TT_CLASS, TT_PROPERTY, TT_METHOD, TT_NAMESPACE, TT_PARAMETER, TT_ENUM, TT_ENUM_MEMBER,
    TT_MACRO, TT_TYPE, TT_KEYWORD, TT_COMMENT, TT_STRING, TT_NUMBER, TT_DECORATOR, TT_COUNT
};
static const char *const type_names[TT_COUNT] = {
    "class", "property", "method", "namespace", "parameter", "enum", "enumMember", "macro", "type",
    "keyword", "comment", "string", "number", "decorator",
};

/* What each kind of name is shown as: an objective as a class, its key
 * results as its properties, its initiatives as its methods. */
static const enum token_type of_kind[] = {
    [T_OBJECTIVE] = TT_CLASS, [T_KR] = TT_PROPERTY, [T_INITIATIVE] = TT_METHOD,
    [T_TEAM] = TT_NAMESPACE, [T_PERSON] = TT_PARAMETER, [T_PERSPECTIVE] = TT_ENUM,
    [T_PERIOD] = TT_ENUM_MEMBER, [T_LEXICON] = TT_NAMESPACE, [T_RULE] = TT_MACRO,
    [T_FILE] = TT_STRING,
};

json_t *tokens_legend(void)
{
    json_t *types = json_array();
    for (int t = 0; t < TT_COUNT; t++)
        json_array_append_new(types, json_string(type_names[t]));
    return json_pack("{s:o,s:[s]}", "tokenTypes", types, "tokenModifiers", "declaration");
}

struct encoder {
    const struct server *s;
    const struct source *src;
    json_t *data;
    size_t line, column;    /* of the token before */
};

/* One token on one line: a token over several lines (a """text""") is
 * sent line by line, as clients without multi-line support need. */
static void emit(struct encoder *e, uint32_t start, uint32_t end, enum token_type type, bool decl)
{
    while (start < end) {
        const char *nl = memchr(e->src->text + start, '\n', end - start);
        uint32_t stop = nl ? (uint32_t)(nl - e->src->text) : end;
        if (stop > start) {
            size_t line = (size_t)source_position(e->src, start).line - 1;
            size_t col = source_column(e->src, start, lsp_unit(e->s));
            size_t len = source_column(e->src, stop, lsp_unit(e->s)) - col;
            json_array_append_new(e->data, json_integer((json_int_t)(line - e->line)));
            json_array_append_new(e->data, json_integer((json_int_t)(line == e->line ? col - e->column : col)));
            json_array_append_new(e->data, json_integer((json_int_t)len));
            json_array_append_new(e->data, json_integer(type));
            json_array_append_new(e->data, json_integer(decl ? 1 : 0));
            e->line = line;
            e->column = col;
        }
        start = nl ? stop + 1 : end;
    }
}

static int by_start(const void *a, const void *b, const void *ctx)
{
    (void)ctx;
    const struct occurrence *x = a, *y = b;
    return x->at.start < y->at.start ? -1 : x->at.start > y->at.start;
}

/* A lexeme that names nothing in the index: what the scanner says it is;
 * -1 for punctuation and an id that is no unit. */
static int plain_type(const struct source *src, const struct lexeme *l, const struct lexeme *prev)
{
    switch ((enum lexeme_kind)l->kind) {
    case LEXEME_COMMENT: return TT_COMMENT;
    case LEXEME_STRING: case LEXEME_TEXT: return TT_STRING;
    case LEXEME_PERSON: return TT_PARAMETER;
    case LEXEME_PUNCT: return -1;
    case LEXEME_IDENT:
        /* the word after a number or '?' is its unit */
        if (prev && (prev->kind == LEXEME_NUMBER ||
                     (prev->kind == LEXEME_PUNCT && src->text[prev->start] == '?')))
            return TT_TYPE;
        return -1;
    case LEXEME_NUMBER: case LEXEME_DATE: return TT_NUMBER;
    case LEXEME_TAG: return TT_DECORATOR;
    case LEXEME_KEYWORD: return TT_KEYWORD;
    case LEXEME_REF: return -1;     /* a reference the index does not know (unresolved) */
    }
    return -1;
}

json_t *tokens_full(struct server *s, struct unit *u)
{
    navigate_index(u);
    struct source *src = u->root;
    struct arena scratch = {0};
    /* the root's names in the order of the text */
    if (!src)
        return json_pack("{s:[]}", "data");
    const struct occurrence **names = arena_alloc(&scratch, (u->n_occurrences + 1) * sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < u->n_occurrences; i++)
        if (u->occurrences[i].at.src == src && u->occurrences[i].kind != T_FILE)
            names[n++] = &u->occurrences[i];
    sort_stable(&scratch, (void **)names, n, by_start, NULL);
    struct lexemes lx = parse_lexemes(&scratch, src);
    struct encoder e = {s, src, json_array(), 0, 0};
    size_t next = 0;
    const struct lexeme *prev = NULL;
    for (size_t i = 0; i < lx.len; i++) {
        const struct lexeme *l = &lx.items[i];
        while (next < n && names[next]->at.start < l->start)
            next++;
        bool named = false;
        for (; next < n && names[next]->at.end <= l->end; next++) {
            emit(&e, names[next]->at.start, names[next]->at.end, of_kind[names[next]->kind],
                 names[next]->declaration);
            named = true;
        }
        int type = named ? -1 : plain_type(src, l, prev);
        if (type >= 0)
            emit(&e, l->start, l->end, (enum token_type)type, false);
        prev = l;
    }
    arena_free(&scratch);
    return json_pack("{s:o}", "data", e.data);
}
