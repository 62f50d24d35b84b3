/* text.h — text with its length, and what every phase asks of text:
 * whole-word, case-insensitive matching of UTF-8 (the activity-kr lexicons,
 * smart-specific's word count) and the edit distance behind every
 * "did you mean". */
#ifndef OKRC_TEXT_H
#define OKRC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Text with its length; always NUL-terminated too, and never holds a NUL
 * (the scanner rejects NUL bytes and \u{0}). */
typedef struct {
    const char *ptr;
    size_t len;
} str;

struct word_set;
struct word_set *word_set_new(struct arena *a);
void word_set_free(struct word_set *w);
void word_set_add(struct word_set *w, const char *text, size_t len);
/* The first entry found in text as whole words: its byte range in text. */
bool word_set_find(const struct word_set *w, const char *text, size_t len,
                   size_t *start, size_t *end);
/* The number of words in text (runs of letters and digits). */
size_t word_count(const char *text, size_t len);

/* Levenshtein distance of two short names (99 when too long to compare). */
size_t text_distance(const char *a, const char *b);

#endif
