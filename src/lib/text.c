/* text.c — the words of UTF-8 text, for the title rules (title.c) and the
 * word counts of smart-specific. Text is split into words (runs of letters
 * and digits; hyphens, apostrophes and other punctuation separate) and each
 * word is case-folded, so "CRM-systeem IMPLEMENTEREN" holds the words "crm",
 * "systeem" and "implementeren". */
#include "lib/text.h"
#include "lib/arena.h"
#include "lib/utf8.h"

#include <stdint.h>
#include <string.h>

/* One code point at p (lib/utf8.h; a stray byte is itself, so it acts as a
 * separator). */
static uint32_t decode(const unsigned char *p, const unsigned char *end, size_t *n)
{
    if (*p < 0x80) {    /* most of any title: no call into the UTF-8 module */
        *n = 1;
        return *p;
    }
    return utf8_decode((const char *)p, (size_t)(end - p), n);
}

const char *text_valid_utf8(struct arena *a, const char *s)
{
    size_t len = strlen(s), i = 0, n;
    while (i < len && (n = utf8_valid_length(s + i, len - i)) != 0)
        i += n;
    if (i == len)
        return s;
    char *out = arena_alloc(a, 3 * len + 1), *o = out;
    for (i = 0; i < len;) {
        n = utf8_valid_length(s + i, len - i);
        if (n) {
            memcpy(o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    *o = '\0';
    return out;
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

size_t text_control_beyond_ascii(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!len)
        return 0;
    if (u[0] < 0x20 || u[0] == 0x7F)
        return 1;
    if (len >= 2 && u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
        return 2;                                   /* C1: U+0080..U+009F */
    if (len >= 2 && u[0] == 0xD8 && u[1] == 0x9C)
        return 2;                                   /* U+061C arabic letter mark */
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
        (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE)))
        return 3;                                   /* U+200E, U+200F, U+202A..U+202E */
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
        return 3;                                   /* U+2066..U+2069 */
    return 0;
}

void text_nearest_start(struct text_nearest *n, const char *name, size_t *budget)
{
    size_t max = strlen(name) / 3 + 1;
    *n = (struct text_nearest){name, max < TEXT_NEAREST_MAX ? max : TEXT_NEAREST_MAX, budget, NULL};
}

bool text_nearest_offer(struct text_nearest *n, const char *candidate)
{
    size_t d = text_distance(n->name, candidate, n->max, n->budget);
    if (d != 0 && d <= n->max) {
        n->best = candidate;
        n->max = d;     /* a nearer one, or an equal later one, replaces it */
    }
    return *n->budget > 0;
}

const char *text_nearest_of(const char *name, const char *const *candidates, size_t count)
{
    size_t budget = TEXT_DISTANCE_BUDGET;
    struct text_nearest n;
    text_nearest_start(&n, name, &budget);
    for (size_t i = 0; i < count; i++)
        if (!text_nearest_offer(&n, candidates[i]))
            break;
    return n.best;
}

/* Ukkonen's band: row i keeps the cells j = i - max .. i + max, at index
 * j - i + max. */
size_t text_distance(const char *a, const char *b, size_t max, size_t *budget)
{
    if (max > TEXT_DISTANCE_MAX)
        max = TEXT_DISTANCE_MAX;
    size_t over = max + 1, width = 2 * max + 1;
    if (!*budget)
        return over;
    /* Reading the names is paid for too: once the budget is spent, each
     * further comparison costs nothing at all. */
    size_t na = strnlen(a, *budget), nb = strnlen(b, *budget);
    if (na + nb + 1 >= *budget) {
        *budget = 0;
        return over;
    }
    *budget -= na + nb + 1;
    if ((na > nb ? na - nb : nb - na) > max)
        return over;
    size_t cost = (na + 1) * width;
    if (cost > *budget) {
        *budget = 0;
        return over;
    }
    *budget -= cost;
    size_t rows[2][2 * TEXT_DISTANCE_MAX + 1], *prev = rows[0], *cur = rows[1];
    for (size_t k = 0; k < width; k++)
        prev[k] = k >= max && k - max <= nb ? k - max : over;
    for (size_t i = 1; i <= na; i++) {
        size_t least = over;
        for (size_t k = 0; k < width; k++) {
            if (i + k < max || i + k - max > nb) {  /* j < 0 or j > nb */
                cur[k] = over;
                continue;
            }
            size_t j = i + k - max, best;
            if (j == 0) {
                best = i;
            } else {
                best = prev[k] + (a[i - 1] != b[j - 1]);            /* (i-1, j-1) */
                if (k + 1 < width && prev[k + 1] + 1 < best)        /* (i-1, j) */
                    best = prev[k + 1] + 1;
                if (k > 0 && cur[k - 1] + 1 < best)                 /* (i, j-1) */
                    best = cur[k - 1] + 1;
            }
            cur[k] = best < over ? best : over;
            if (cur[k] < least)
                least = cur[k];
        }
        if (least > max)
            return over;
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[nb + max - na];
    return d < over ? d : over;
}

/* ---- the words of a title, for reading how it is built ---- */

/* Punctuation that ends a clause: a new clause opens after it. */
static bool ends_clause(uint32_t c)
{
    return c == ':' || c == ';' || c == '(' || c == ')' || c == '!' || c == '?' || c == 0x2013 ||
           c == 0x2014 || c == '|';
}

size_t text_words(struct arena *a, const char *text, size_t len, struct text_word **out)
{
    *out = arena_alloc(a, TEXT_WORDS_MAX(len) * sizeof **out);
    return text_words_into(text, len, *out, arena_alloc(a, TEXT_FOLDED_MAX(len)));
}

size_t text_words_into(const char *text, size_t len, struct text_word *w, char *folded)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    size_t n = 0, o = 0;
    bool in_word = false, clause = true, money = false;
    uint32_t prev = ' ';
    size_t word_end = 0;    /* the open word's end, set in w[n] when it closes */
    while (p < end) {
        size_t k;
        uint32_t c = decode(p, end, &k);
        size_t at = (size_t)(p - (const unsigned char *)text);
        if (is_word_char(c)) {
            if (!in_word) {
                if (n)
                    folded[o++] = ' ';
                w[n] = (struct text_word){folded + o, 0, at, at, clause, c >= '0' && c <= '9', money,
                                          false, 0, -1};
                clause = money = false;
                in_word = true;
            }
            if (c < 0x80)
                folded[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            else
                o += utf8_encode(utf8_fold(c), folded + o);
            word_end = at + k;
        } else {
            if (in_word) {
                w[n].len = (size_t)(folded + o - w[n].folded);
                w[n].end = word_end;
                n++;
            }
            in_word = false;
            if (c == '%' && n && w[n - 1].end == at) {
                w[n - 1].percent = true;
                w[n - 1].end = at + 1;  /* "2%" is one quantity */
            }
            if (c == 0x20AC || c == '$' || c == 0xA3)
                money = true;
            /* a dash between spaces ends a clause; one inside a word does not */
            if (ends_clause(c) || (c == '-' && prev == ' ' && p + 1 < end && p[1] == ' '))
                clause = true;
        }
        prev = c;
        p += k;
    }
    if (in_word) {
        w[n].len = (size_t)(folded + o - w[n].folded);
        w[n].end = word_end;
        n++;
    }
    folded[o] = '\0';
    return n;
}

const char *text_excerpt(struct arena *a, const char *s, size_t len, size_t max)
{
    size_t i = 0, points = 0;
    while (i < len && points < max) {
        i++;
        while (i < len && utf8_continues((unsigned char)s[i]))
            i++;        /* continuation bytes belong to the code point */
        points++;
    }
    if (i >= len)
        return arena_strndup(a, s, len);
    return arena_printf(a, "%.*s…", (int)i, s);
}
