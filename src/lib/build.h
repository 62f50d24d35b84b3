/* build.h — the parser's side of the model: the parse context, token values,
 * and the builder functions that the grammar's actions call. */
#ifndef OKRC_BUILD_H
#define OKRC_BUILD_H

#include <setjmp.h>

#include <stdbool.h>
#include <stdint.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/rules.h"
#include "lib/text.h"

/* Bison's location type: byte offsets into the source being parsed. */
typedef struct {
    uint32_t start, end;
} loc;

/* A unit written into a number: "12%", "€5", "$5" (number_unit_text). */
enum number_unit { NUMBER_UNITLESS, NUMBER_PERCENT, NUMBER_EUR, NUMBER_USD };
/* A token's values are 16 bytes at most (the %union of grammar/okr.y):
 * bison copies one at every reduction and every shift. */
struct number_tok {
    double value;
    uint8_t unit;       /* enum number_unit */
    bool plain_int;     /* digits only: usable as a year or a count */
    bool valid;
};
static inline str number_unit_text(uint8_t unit)
{
    switch (unit) {
    case NUMBER_PERCENT: return (str){"%", 1};
    case NUMBER_EUR: return (str){"EUR", 3};
    case NUMBER_USD: return (str){"USD", 3};
    default: return (str){NULL, 0};
    }
}
/* A quantity as the parser carries it: its span comes from its location
 * when it is used (quantity_at), which keeps bison's value stack small. */
struct quantity_tok {
    double value;
    uint32_t unit_index;    /* 1 + the unit's index in src->units; 0: not there */
    bool present;
    bool unknown;
};
struct date_tok {
    okr_day day;
    bool valid;
};
struct period_tok {
    period value;
    bool valid;
};

#define PARSE_MAX_SYNTAX_ERRORS DIAG_MAX_SYNTAX_ERRORS
#define PARSE_MAX_OPEN_BLOCKS 8

struct open_block {
    int keyword;        /* token of the declaration that opened it */
    loc name;           /* its id, if any */
    uint32_t at;        /* offset of the '{' */
};

/* The lists gathered while their block is open (build.c, gather). */
enum gathered_list {
    GATHER_KEY_RESULTS, GATHER_INITIATIVES, GATHER_ALIGNS, GATHER_ALIGN_KRS,   /* an objective's */
    /* the plan's, gathered until the file's parse ends: a list grown by
     * doubling in the arena left its old copies behind (40,000 check-ins:
     * 1 MB for 0.3) */
    GATHER_PLAN_TEAMS, GATHER_PLAN_OBJECTIVES, GATHER_PLAN_CHECKINS,
    PARSE_GATHERED_LISTS
};

struct parse_ctx {
    struct plan *plan;
    struct source *src;
    struct arena *arena;
    /* Every token and comment is kept here when set (parse_lexemes,
     * parse_source_lexemes). */
    struct lexemes *lexemes;
    /* parse_lexemes runs the scanner alone: no token value is built (scan.c) */
    bool tokens_only;
    /* parse_expected_keywords: the tokens the parser expected at the end
     * of the text, taken from its first syntax error there */
    bool want_expected;
    uint32_t expected_from;     /* an error at or after this offset */
    const char **expected;
    int n_expected;

    /* What the items being parsed belong to. */
    struct plan_decl *plan_decl;
    struct team *team;
    struct person *person;
    struct objective *objective;
    struct key_result *kr;
    struct initiative *initiative;
    struct checkin *checkin;
    struct checkin_entry *entry;
    struct rules_block *rules;
    struct rule_setting *setting;
    struct lexicon *lexicon;
    const ident *owner_first;
    bool co_owners_open;    /* an owner was just named: co-owners may follow (co_owners_of) */
    struct hash *owners_named;  /* "list:name" → ident *, each owner list's names */
    struct hash *units;         /* each unit written → 1 + its index in src->units */
    /* the units found lately, by their first byte and length: a plan
     * writes a handful of units 180,000 times, and the table's hash and
     * probe cost more than the comparison with the one found here */
    uint32_t recent_units[16];
    /* the names copied lately, by a hash of their bytes: a plan writes the
     * same few ids (k1, k2), team names and owners again and again, and
     * an ident that names one of these shares its copy */
    str recent_names[256];
    unsigned owner_list;        /* which list build_owner started last */
    bool owners_noted;          /* its first owner is in owners_named */
    int lexicon_kind;       /* enum lexicon_kind of the list being read; -1 unknown */
    ident pending_word; /* in a rules block: a parameter name or an unknown rule */

    /* For messages: the last token scanned (the parser's lookahead when it
     * reports an error), the one before it, and the open blocks. */
    int prev_token, before_token;
    bool id_list;       /* since the last keyword was aligns or supports: ids after ',' */
    loc prev_at, before_at;
    int decl_keyword;
    loc decl_name;
    struct open_block open[PARSE_MAX_OPEN_BLOCKS];
    int depth;
    bool closing;       /* emitting the '}'s a missing brace left out */

    int syntax_errors;
    bool gave_up;       /* too many errors: the scanner reports end of file */

    /* The lists of the open blocks (an objective's key results, a
     * check-in's entries...), gathered here and laid down in the arena at
     * their exact length when their block ends (build.c, gather): lists
     * with room for four were a tenth of the model. malloc'd, reused. */
    struct gathered {
        struct vec *into;   /* NULL: none gathered */
        void **items;
        uint32_t len, cap;
    } gathered[PARSE_GATHERED_LISTS];
    /* The entries of the check-in being parsed (`of`), built here and laid
     * down side by side in the arena when it ends (build.c, new_entry):
     * until then an entry's address is in this buffer. malloc'd, reused. */
    struct building_entries {
        struct checkin *of;     /* NULL: none */
        struct checkin_entries *buf;    /* buf->checkin is `of` */
        uint32_t len, cap;
    } entries;
    /* The references of the initiative being parsed (`of`), laid down side
     * by side when it ends (build.c, build_support). malloc'd, reused. */
    struct building_supports {
        struct initiative *of;  /* NULL: none */
        ident *items;
        uint32_t len, cap;
    } supports;

    /* Strings are decoded into this growing buffer. */
    char *text;
    size_t text_len, text_cap;
    uint32_t mark;      /* where a multi-rule token began */

    jmp_buf fatal;
    const char *fatal_message;
};

/* scan.c: token values and lexical diagnostics */
int scan_token(struct parse_ctx *ctx, int token, const loc *at);
/* A missing '}': true when token cannot stand in the innermost open block
 * (a top-level declaration keyword in any block, 'kr' or 'initiative' in a
 * key result or initiative), after reporting the missing brace once; the
 * scanner then returns a '}' (at *at, moved to where it was needed) and
 * scans the keyword again. */
bool scan_closes_block(struct parse_ctx *ctx, int token, loc *at);
/* After a syntax error: the innermost item open at that point is cut short,
 * and the later phases leave it alone rather than report echoes. */
void build_mark_cut_short(struct parse_ctx *ctx);
/* The parse is over, whether or not every block reached its brace: every
 * list still gathered laid down in the arena, the open check-in finished. */
void build_finish(struct parse_ctx *ctx);
/* "1,5" for 1.5: an error that says how numbers are written; the value is
 * read with the comma as a decimal point so that the rest still parses. */
void scan_decimal_comma(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                        struct number_tok *out);
/* A word followed by a blank: an id; GRADED_ID when the keyword `grade`
 * follows (`x.k = 3 dotcom grade 0.8` is a value and a grade, not 3 in unit
 * dotcom); or a misspelt keyword where a declaration or an initiative
 * starts ("ojbective grow ..."): reported once and read as that keyword, so
 * that the plan parses on and later references to what it declares
 * resolve. */
int scan_ident(struct parse_ctx *ctx, str word, const loc *at);
/* A keyword's token, or IDENT (with *value its text) where only an id can stand. */
int scan_keyword(struct parse_ctx *ctx, int token, const char *text, size_t len, str *value);
void scan_error(struct parse_ctx *ctx, enum rule_id rule, const loc *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void scan_bad_byte(struct parse_ctx *ctx, const loc *at);
/* Counts a syntax error; at the cap, says so at `at` and stops the scanner. */
void scan_count_error(struct parse_ctx *ctx, loc at);
const char *scan_char_name(struct parse_ctx *ctx, unsigned char c);
void scan_number(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                 struct number_tok *out);
void scan_date(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
               struct date_tok *out);
/* A date written 2027/03/31 or 2027.03.31: one error naming the form, and the date. */
void scan_date_notation(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                        struct date_tok *out);
void scan_period(struct parse_ctx *ctx, const char *text, size_t len, const loc *at,
                 struct period_tok *out);
void scan_text_begin(struct parse_ctx *ctx);
void scan_text_add(struct parse_ctx *ctx, const char *s, size_t n);
void scan_text_codepoint(struct parse_ctx *ctx, const char *hex, size_t n, const loc *at);
str scan_text_end(struct parse_ctx *ctx);
str scan_plain_string(struct parse_ctx *ctx, const char *text, size_t len);
void scan_comment(struct parse_ctx *ctx, uint32_t start, uint32_t end);
int scan_and_parse(struct parse_ctx *ctx);   /* in the generated scanner */
/* parse.c: keeps the expected tokens' names (the parser's, static) */
void parse_keep_expected(struct parse_ctx *ctx, const char *const *names, int n);
int scan_only(struct parse_ctx *ctx);        /* the same without the parser: for ctx->lexemes */
unsigned keyword_classes(int token);         /* enum keyword_class bits of a token */

/* parse.c: syntax error messages */
void parse_syntax_error(struct parse_ctx *ctx, loc at, const char *unexpected,
                        const char *const *expected, int n_expected);
void parse_error_message(struct parse_ctx *ctx, loc at, const char *msg);
/* The one wording of a block left open, for both places that find one (a
 * syntax error here, a keyword that implies the brace in scan.c):
 * "expected '}' to close key result 'a' opened at line 4, found 'kr'". */
struct diag *parse_missing_brace(struct parse_ctx *ctx, loc at, const struct open_block *b,
                                 const char *found);

/* build.c: one function per construct */
span build_span(struct parse_ctx *ctx, loc at);
void build_use(struct parse_ctx *ctx, str path, loc path_at, loc at);
void build_plan(struct parse_ctx *ctx, str title, loc at);
void build_team(struct parse_ctx *ctx, str id, loc id_at, str title, loc at);
void build_person(struct parse_ctx *ctx, str id, loc id_at, str name, loc at);
void build_perspective(struct parse_ctx *ctx, str id, loc id_at, str title, loc at);
void build_objective(struct parse_ctx *ctx, str id, loc id_at, str title, loc at);
void build_close(struct parse_ctx *ctx, loc at);
void build_kind(struct parse_ctx *ctx, bool aspirational, loc at);
void build_plan_kind(struct parse_ctx *ctx, bool aspirational, loc at);
void build_rollup(struct parse_ctx *ctx, loc at);
void build_align(struct parse_ctx *ctx, str id, loc at);
void build_risk(struct parse_ctx *ctx, str text, loc at);
void build_kr(struct parse_ctx *ctx, str id, loc id_at, str title, loc at);
void build_kr_end(struct parse_ctx *ctx, loc at);
void build_metric(struct parse_ctx *ctx, enum metric_kind kind, quantity from, quantity to,
                  loc at);
void build_current(struct parse_ctx *ctx, quantity value, bool done, loc at);
void build_initiative(struct parse_ctx *ctx, str id, loc id_at, str title, loc at);
void build_initiative_end(struct parse_ctx *ctx, loc at);
/* Where a team or check-in declaration ends (its block, if any, included). */
void build_team_end(struct parse_ctx *ctx, loc at);
void build_checkin_end(struct parse_ctx *ctx, loc at);
void build_status(struct parse_ctx *ctx, str status, loc status_at, loc at);
void build_support(struct parse_ctx *ctx, str id, loc at);
void build_checkin(struct parse_ctx *ctx, struct date_tok date, loc date_at, str by, loc by_at,
                   loc at);
void build_entry(struct parse_ctx *ctx, str ref, loc ref_at, quantity value, bool done, loc at);
/* `OBJ.KR = dropped` (grade NULL), `OBJ.KR grade G` or `OBJ grade G`. */
enum entry_kind { ENTRY_NOT_DONE, ENTRY_CONFIDENCE_ONLY };
void build_checkin_by(struct parse_ctx *ctx, str name, loc name_at);
void build_co_team(struct parse_ctx *ctx, str name, loc name_at);
void build_tag(struct parse_ctx *ctx, str name, loc at);
void build_entry_kind(struct parse_ctx *ctx, enum entry_kind kind, loc at);
void build_judgment(struct parse_ctx *ctx, str ref, loc ref_at, const struct number_tok *grade,
                    loc value_at);
void build_kr_dropped(struct parse_ctx *ctx, loc at);
void build_rules(struct parse_ctx *ctx, loc at);
void build_rules_end(struct parse_ctx *ctx, loc at);
void build_rule_word(struct parse_ctx *ctx, str word, loc at);
void build_rule_value(struct parse_ctx *ctx, struct number_tok value, loc at);
void build_lexicon(struct parse_ctx *ctx, str id, loc id_at, loc at);
void build_lexicon_kind(struct parse_ctx *ctx, str kind, loc at);
void build_activity(struct parse_ctx *ctx, str word, loc at);

/* Items that may be given once per block; a repeat is reported. */
/* `owner @a, @b` of the innermost open initiative, key result or objective. */
void build_owner(struct parse_ctx *ctx, str name, loc name_at, loc at);
void build_co_owner(struct parse_ctx *ctx, str name, loc name_at);
void build_ident_ref(struct parse_ctx *ctx, ident *field, str name, loc name_at, loc at);
void build_period(struct parse_ctx *ctx, period_item *field, struct period_tok value, loc at);
void build_period_ref(struct parse_ctx *ctx, period_item *field, str name, loc name_at, loc at);
void build_named_period(struct parse_ctx *ctx, str id, loc id_at, str title,
                        struct period_tok value, loc at);
void build_text(struct parse_ctx *ctx, text_item *field, str text, loc at, const char *item);
/* `note "..."` of the check-in entry being built. */
void build_entry_confidence(struct parse_ctx *ctx, struct number_tok value, loc value_at, loc at);
void build_entry_note(struct parse_ctx *ctx, str text, loc at);
void build_quantity(struct parse_ctx *ctx, quantity *field, quantity value, loc at,
                    const char *item);
void build_date(struct parse_ctx *ctx, date_item *field, struct date_tok value, loc at,
                const char *item);
void build_number(struct parse_ctx *ctx, number_item *field, struct number_tok value,
                  loc value_at, loc at, const char *item);
/* A confidence (`confidence N` of a key result or a check-in value): a
 * number, and one from 1 to 10 in whole steps (confidence-range), told
 * where it is read. */
void build_confidence(struct parse_ctx *ctx, number_item *field, struct number_tok value,
                      loc value_at, loc at);

/* Values */
struct quantity_tok build_unknown(struct parse_ctx *ctx, str unit);
quantity quantity_at(struct parse_ctx *ctx, struct quantity_tok q, loc at);
/* `from Q by +N%` (from NULL: `by +N%` alone, the baseline measured). */
void build_relative(struct parse_ctx *ctx, const quantity *from, struct number_tok pct,
                    loc pct_at, loc at);
struct quantity_tok build_quantity_value(struct parse_ctx *ctx, struct number_tok number, str unit,
                                         loc at);
struct period_tok build_year(struct parse_ctx *ctx, struct number_tok year, loc at);
struct period_tok build_range(struct parse_ctx *ctx, struct date_tok start, struct date_tok end,
                              loc at);
struct period_tok build_period_range(struct parse_ctx *ctx, struct period_tok from,
                                     struct period_tok to, loc at);

#endif
