/* parse.h — one source into the plan (wraps the generated parser; the
 * grammar's actions are in build.h). */
#ifndef OKRC_PARSE_H
#define OKRC_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct plan;
struct source;
void parse_source(struct plan *plan, struct source *src);

/* A token of a source as the one scanner (grammar/okr.l) reads it, for
 * what prints a source again (fmt): where it stands, what kind it is and,
 * for a keyword, its classes. Comments are lexemes; whitespace is not. */
enum lexeme_kind {
    LEXEME_KEYWORD,         /* a keyword (`not done` is one) */
    LEXEME_NUMBER,          /* a number, with its scale, %, € or $ */
    LEXEME_DATE,            /* a date or a calendar period */
    LEXEME_REF,             /* OBJ.KR */
    LEXEME_TAG,             /* #tag */
    LEXEME_IDENT,           /* an id (a keyword where only an id stands is one) */
    LEXEME_PERSON,          /* @handle */
    LEXEME_STRING, LEXEME_TEXT, LEXEME_PUNCT, LEXEME_COMMENT,
};

/* What a keyword does, in one table (keyword_classes in scan.c). */
enum keyword_class {
    KW_ID_AFTER = 1,        /* only an id follows: a keyword there is that id */
    KW_TOP_ONLY = 2,        /* stands only at the top level: in a block, the '}' is missing */
    KW_NAMES_BLOCK = 4,     /* opens a block that messages name ("objective 'growth'") */
    KW_DECLARATION = 8,     /* may start a top-level declaration */
    KW_ITEM = 16,           /* may start an item inside a block */
    KW_BLANKS = 32,         /* written with blanks inside: `not done` */
};

struct lexeme {
    uint32_t start, end;
    uint8_t kind;           /* enum lexeme_kind */
    uint8_t classes;        /* enum keyword_class bits; 0 for anything but a keyword */
};

struct lexemes {
    struct lexeme *items;
    size_t len, cap;
    struct arena *arena;    /* where items live */
};

/* The lexemes of src in order, in memory from a (the scanner alone, no
 * parser; its diagnostics are dropped: callers print a source that parsed). */
struct lexemes parse_lexemes(struct arena *a, struct source *src);
/* parse_source, keeping every lexeme in *out as well (out->arena set by the
 * caller): one scan for a command that needs both, as fmt does. */
void parse_source_lexemes(struct plan *plan, struct source *src, struct lexemes *out);
/* Whether text, standing alone, is one lexeme of that kind (LEXEME_IDENT:
 * an id and no keyword; LEXEME_PERSON: "@handle"): what a rename may give. */
/* The keywords the grammar accepts at the end of text (as completion
 * offers them at the cursor), in the parser's order; memory from a. */
size_t parse_expected_keywords(struct arena *a, const char *text, size_t len, const char ***out);
bool parse_is_name(struct arena *a, const char *text, size_t len, enum lexeme_kind kind);

#endif
