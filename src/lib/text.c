/* text.c — whole-word, case-insensitive matching of UTF-8 text, for the
 * activity-kr lexicons and the word counts of smart-specific. Text is split
 * into words (runs of letters and digits; hyphens, apostrophes and other
 * punctuation separate) and each word is case-folded, so "CRM-systeem
 * IMPLEMENTEREN" holds the words "crm", "systeem" and "implementeren". */
#include "lib/text.h"
#include "lib/arena.h"
#include "lib/hash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word_set {
    struct arena *arena;
    struct hash *phrases;   /* folded words joined by one space → non-NULL */
    size_t max_words;       /* the longest phrase, in words */
};

/* Decodes one code point at p (the scanner has validated the UTF-8; a stray
 * byte is returned as itself so it acts as a separator). */
static uint32_t decode(const unsigned char *p, const unsigned char *end, size_t *n)
{
    uint32_t c = p[0];
    size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if ((size_t)(end - p) < k)
        k = 1;
    if (k == 1) {
        *n = 1;
        return c;
    }
    c &= 0x7F >> k;
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (p[i] & 0x3F);
    *n = k;
    return c;
}

static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Letters and digits; outside ASCII everything but the punctuation and
 * symbol blocks counts as a letter. */
static bool is_word_char(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c <= 0xBF || c == 0xD7 || c == 0xF7)
        return false;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE0F) ||
        c >= 0x1F000)
        return false;
    return true;
}

/* Simple lower-casing for the scripts lexicons are likely to use: ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic. */
static uint32_t fold(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c < 0xC0)
        return c;
    if (c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x130)
        return 'i';
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1) ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x391 && c <= 0x3A9)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

/* The words of a text: where each is in the text and in the folded copy. */
/* Titles are short: up to this many bytes are split without the heap (this
 * runs for every key result title of the plan). */
#define WORDS_INLINE 256

struct words {
    char *folded;           /* words joined by single spaces */
    size_t count;
    size_t *text_start, *text_end, *fold_start, *fold_end;
    char folded_inline[2 * WORDS_INLINE + 1];
    size_t index_inline[4 * (WORDS_INLINE / 2 + 1)];
};

static void words_split(const char *text, size_t len, struct words *w)
{
    size_t slots = len / 2 + 1;
    if (len <= WORDS_INLINE) {
        w->folded = w->folded_inline;
        w->text_start = w->index_inline;
    } else {
        w->folded = malloc(len * 2 + 1);
        w->text_start = malloc(4 * slots * sizeof(size_t));
        if (!w->folded || !w->text_start) {
            fputs("okrc: error: out of memory\n", stderr);
            exit(2);
        }
    }
    w->text_end = w->text_start + slots;
    w->fold_start = w->text_end + slots;
    w->fold_end = w->fold_start + slots;
    w->count = 0;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    size_t out = 0;
    bool in_word = false;
    while (p < end) {
        size_t n;
        uint32_t c = decode(p, end, &n);
        size_t at = (size_t)(p - (const unsigned char *)text);
        if (is_word_char(c)) {
            if (!in_word) {
                if (w->count)
                    w->folded[out++] = ' ';
                w->text_start[w->count] = at;
                w->fold_start[w->count] = out;
                in_word = true;
            }
            out += encode(fold(c), w->folded + out);
            w->text_end[w->count] = at + n;
            w->fold_end[w->count] = out;
        } else if (in_word) {
            w->count++;
            in_word = false;
        }
        p += n;
    }
    if (in_word)
        w->count++;
    w->folded[out] = '\0';
}

static void words_free(struct words *w)
{
    if (w->folded != w->folded_inline) {
        free(w->folded);
        free(w->text_start);
    }
}

size_t word_count(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    size_t count = 0;
    bool in_word = false;
    while (p < end) {
        size_t n;
        bool letter = is_word_char(decode(p, end, &n));
        count += letter && !in_word;
        in_word = letter;
        p += n;
    }
    return count;
}

struct word_set *word_set_new(struct arena *a)
{
    struct word_set *w = arena_alloc(a, sizeof *w);
    w->arena = a;
    w->phrases = hash_new(a, 256);
    return w;
}

void word_set_free(struct word_set *w)
{
    if (w)
        hash_free(w->phrases);
}

void word_set_add(struct word_set *w, const char *text, size_t len)
{
    struct words split;
    words_split(text, len, &split);
    if (split.count) {
        size_t n = strlen(split.folded);
        char *key = arena_strndup(w->arena, split.folded, n);
        hash_put(w->phrases, key, n, key);
        if (split.count > w->max_words)
            w->max_words = split.count;
    }
    words_free(&split);
}

bool word_set_find(const struct word_set *w, const char *text, size_t len, size_t *start,
                   size_t *end)
{
    struct words split;
    words_split(text, len, &split);
    bool found = false;
    for (size_t i = 0; i < split.count && !found; i++)
        for (size_t k = 1; k <= w->max_words && i + k <= split.count && !found; k++) {
            size_t from = split.fold_start[i], to = split.fold_end[i + k - 1];
            if (hash_get(w->phrases, split.folded + from, to - from)) {
                *start = split.text_start[i];
                *end = split.text_end[i + k - 1];
                found = true;
            }
        }
    words_free(&split);
    return found;
}

/* Levenshtein distance with one row on the stack; names are short, and
 * longer ones are not worth a suggestion. */
size_t text_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), row[64];
    if (na >= 63 || nb >= 63)
        return 99;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}
