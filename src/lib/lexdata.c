/* lexdata.c — looking a word up in the generated table (lexdata.h). */
#include "lib/lexdata.h"

#include <string.h>

/* The word at *at (its first bytes already in word, as many as it shares
 * with the word before it) and its entry; *at moves past it. */
static size_t read_word(size_t *at, char *word, struct lexdata_word *out)
{
    const unsigned char *p = (const unsigned char *)lexdata_bytes + *at;
    size_t shared = p[0], rest = p[1];
    memcpy(word + shared, p + 2, rest);
    p += 2 + rest;
    out->classes = (unsigned short)(p[0] | (p[1] & 0x7f) << 8);
    bool senses = (p[1] & 0x80) != 0;
    out->verb_senses = senses ? p[2] : 0;
    out->noun_senses = senses ? p[3] : 0;
    p += senses ? 4 : 2;
    *at = (size_t)(p - (const unsigned char *)lexdata_bytes);
    return shared + rest;
}

/* Byte order, as the table is sorted (LC_ALL=C), from byte `from` on
 * (the bytes before are the same): inline, as most comparisons end in a
 * byte or two. */
static int compare(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen, size_t from)
{
    size_t i = from;
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    if (i < alen && i < blen)
        return a[i] < b[i] ? -1 : 1;
    return (alen > blen) - (alen < blen);
}

bool lexdata_find(const char *word, size_t len, struct lexdata_word *out)
{
    if (len == 0 || len > LEXDATA_WORD_MAX)
        return false;
    unsigned char b0 = (unsigned char)word[0], b1 = len > 1 ? (unsigned char)word[1] : 0;
    size_t lo, hi, same;    /* same: the bytes every word there shares with word */
    if (b0 >= 'a' && b0 <= 'z') {
        size_t at = (size_t)(b0 - 'a') * 256 + b1;
        lo = lexdata_by_pair[at];
        hi = lexdata_by_pair[at + 1];
        same = len > 1 ? 2 : 1;
    } else {
        lo = lexdata_by_first[b0];
        hi = lexdata_by_first[b0 + 1];
        same = 1;
    }
    if (lo >= hi)
        return false;
    /* the last block among those whose first word (written whole) is not
     * after the word; a block that begins before lo begins with a smaller
     * word (and is never compared: every block compared begins in [lo, hi)) */
    const unsigned char *target = (const unsigned char *)word;
    size_t first = lo / LEXDATA_BLOCK, last = (hi - 1) / LEXDATA_BLOCK;
    while (first < last) {
        size_t mid = first + (last - first + 1) / 2;
        const unsigned char *p = (const unsigned char *)lexdata_bytes + lexdata_blocks[mid];
        if (compare(p + 2, p[1], target, len, same) <= 0)
            first = mid;
        else
            last = mid - 1;
    }
    /* Then along the block, without rebuilding its words: the word
     * before (prev, smaller than the word looked up) shares `match` bytes
     * with it; one that shares fewer with prev is larger than it (not
     * found), one that shares more is smaller too (skipped), and only one
     * that shares as many is compared, from there on. */
    const unsigned char *p = (const unsigned char *)lexdata_bytes + lexdata_blocks[first];
    size_t match = 0;
    size_t end = (first + 1) * LEXDATA_BLOCK < hi ? (first + 1) * LEXDATA_BLOCK : hi;
    for (size_t i = first * LEXDATA_BLOCK; i < end; i++) {
        size_t shared = p[0], rest = p[1];
        const unsigned char *suffix = p + 2, *info = suffix + rest;
        p = info + (info[1] & 0x80 ? 4 : 2);
        if (shared < match)
            return false;
        if (shared > match)
            continue;
        size_t k = 0, n = shared + rest;
        while (k < rest && shared + k < len && suffix[k] == target[shared + k])
            k++;
        if (k == rest && n == len) {
            out->classes = (unsigned short)(info[0] | (info[1] & 0x7f) << 8);
            out->verb_senses = info[1] & 0x80 ? info[2] : 0;
            out->noun_senses = info[1] & 0x80 ? info[3] : 0;
            return true;
        }
        /* smaller: it ends first, or its byte is smaller */
        if (k == rest ? n < len : shared + k < len && suffix[k] < target[shared + k])
            match = shared + k;
        else
            return false;
    }
    return false;
}

bool lexdata_next(struct lexdata_cursor *c)
{
    if (c->index >= lexdata_count)
        return false;
    if (c->index % LEXDATA_BLOCK == 0)
        c->at = lexdata_blocks[c->index / LEXDATA_BLOCK];
    c->len = read_word(&c->at, c->word, &c->entry);
    c->word[c->len] = '\0';
    c->index++;
    return true;
}
