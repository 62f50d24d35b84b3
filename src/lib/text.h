/* text.h — text with its length, and what every phase asks of text: its
 * case-folded UTF-8 words (the title rules, smart-specific's word count) and
 * the edit distance behind every "did you mean". */
#ifndef OKRC_TEXT_H
#define OKRC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/utf8.h"

struct arena;

/* Text with its length; always NUL-terminated too, and never holds a NUL
 * (the scanner rejects NUL bytes and \u{0}). */
typedef struct {
    const char *ptr;
    size_t len;
} str;

/* The number of words in text (runs of letters and digits). */
size_t word_count(const char *text, size_t len);

/* One word of a text (a run of letters and digits), as text_words splits
 * it: the case-folded word, where it is in the text, and what surrounds it.
 * The folded words of one text lie in one buffer, joined by single spaces,
 * so that words i..j are the bytes from w[i].folded to w[j].folded + w[j].len. */
struct text_word {
    const char *folded;
    size_t len;             /* of folded */
    size_t start, end;      /* bytes in the text (with a % that follows) */
    bool clause;            /* opens the text or follows : ; ( ) ! ? | – — or " - " */
    bool digits;            /* starts with a digit ("10", "2M", "000" of "10,000") */
    bool money;             /* follows a currency sign: €2M, $5k */
    bool percent;           /* directly followed by % */
    int tags;               /* 0; for the caller's own use (title.c's word classes) */
    int classes;            /* -1; the caller's too: title.c keeps the lexical data's here */
};
/* Splits text into words, in the arena; returns how many. */
size_t text_words(struct arena *a, const char *text, size_t len, struct text_word **out);
/* The same into buffers of the caller: word_count(text, len) words (at most
 * TEXT_WORDS_MAX(len)) and TEXT_FOLDED_MAX(len) bytes (lower case takes
 * at most 1.5 times a character's bytes: U+023A to U+2C65). */
#define TEXT_WORDS_MAX(len) ((len) / 2 + 1)
#define TEXT_FOLDED_MAX(len) (2 * (len) + 1)
size_t text_words_into(const char *text, size_t len, struct text_word *w, char *folded);

/* Plan text quoted in a message: at most max code points, cut on a code
 * point boundary with "…" when longer, so that the message stays valid
 * UTF-8 and of bounded size. An arena string. */
const char *text_excerpt(struct arena *a, const char *s, size_t len, size_t max);

/* s itself when it is well-formed UTF-8, else an arena copy with U+FFFD in
 * place of every byte that is not: a message must be valid UTF-8 in every
 * format (JSON libraries refuse anything else). */
const char *text_valid_utf8(struct arena *a, const char *s);

/* Did you mean: the one place a misspelt name meets its candidates. Offer
 * each candidate in turn; best is the nearest one within the distance a
 * name of its length allows (a third of its length plus one, at most
 * TEXT_NEAREST_MAX edits), never the name itself, the last on a tie. The
 * comparisons are charged to *budget (text_distance), which a run shares
 * across its lookups. */
#define TEXT_NEAREST_MAX 3
struct text_nearest {
    const char *name;
    size_t max;             /* edits allowed, shrinking as nearer ones are found */
    size_t *budget;
    const char *best;       /* NULL: nothing near enough (yet) */
};
void text_nearest_start(struct text_nearest *n, const char *name, size_t *budget);
/* false once the budget is spent: stop offering (each lookup after that
 * costs O(1), so thousands of misspelt references stay linear). */
bool text_nearest_offer(struct text_nearest *n, const char *candidate);
/* The same over an array, with a budget of its own: best or NULL. */
const char *text_nearest_of(const char *name, const char *const *candidates, size_t count);

/* The length in bytes of the character at s (of len bytes) when it is one
 * that a terminal, a spreadsheet or a reader's eye obeys instead of
 * showing: the C0 controls (tab, line feed and carriage return included:
 * callers keep those they can carry), DEL, the C1 controls and the
 * bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to
 * U+202E, U+2066 to U+2069), which can reorder what a line appears to say.
 * 0 for every other character. Every emitter writes these escaped or as a
 * space. */
/* The whole test, in text.c; text_control_at below calls it only for a
 * byte that is not printable ASCII. */
size_t text_control_beyond_ascii(const char *s, size_t len);
static inline size_t text_control_at(const char *s, size_t len)
{
    /* printable ASCII, most of any text, without a call */
    return len && utf8_printable_ascii((unsigned char)s[0]) ? 0 : text_control_beyond_ascii(s, len);
}

/* Levenshtein distance of a and b when it is at most max (at most
 * TEXT_DISTANCE_MAX), else max + 1. Only cells within max of the diagonal
 * are computed, and each comparison is charged to *budget in cells: when
 * the budget is spent, the answer is max + 1 without comparing. A
 * did-you-mean gives each run (or each lookup) one budget, so that
 * thousands of misspelt references to thousands of long ids stay linear. */
#define TEXT_DISTANCE_MAX 8
#define TEXT_DISTANCE_BUDGET 20000000u
size_t text_distance(const char *a, const char *b, size_t max, size_t *budget);

#endif
