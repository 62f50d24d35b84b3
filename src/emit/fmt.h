/* fmt.h — the canonical layout of one .okr source (docs/fmt.md), for
 * `okrc fmt` and the language server's formatting. */
#ifndef OKRC_FMT_H
#define OKRC_FMT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct source;

#include "lib/text.h"

struct fmt_text {
    char *data;             /* in the arena; not NUL-terminated */
    size_t len;
};

/* What fmt answers to: the syntax and the bytes (syntax, invalid-utf8);
 * every other rule off in d, so that errors of meaning the parse tells (a
 * date not in the calendar, a confidence of 11) neither stop formatting nor
 * are shown by it (docs/fmt.md). Called before the parse. */
struct diag_ctx;
void fmt_syntax_only(struct diag_ctx *d);

/* The canonical form of src, which must have parsed without errors under
 * fmt_syntax_only (the caller checks: the formatter trusts the token
 * boundaries the parser accepted). Every token and comment is kept, in
 * order; only whitespace, line breaks around braces and string escapes
 * change. Memory from a. */
struct fmt_text fmt_source(struct arena *a, struct source *src);
/* The same from the lexemes the parse of src kept (parse_source_lexemes):
 * no second scan. The printer's tokens take the lexemes' place: lx is
 * used up. */
struct lexemes;
struct fmt_text fmt_source_lexemes(struct arena *a, struct source *src, struct lexemes *lx);

/* text as an okr string literal, "..." with the fewest escapes (as fmt
 * writes strings): for the commands that write plan text (checkin, roll). */
const char *fmt_quote(struct arena *a, str text);

/* A unified diff (3 lines of context) from old to new, labelled with the
 * path as a/PATH and b/PATH; empty when they are equal. Memory from a. */
struct fmt_text fmt_diff(struct arena *a, const char *path, const char *old_text,
                         size_t old_len, const char *new_text, size_t new_len);

#endif
