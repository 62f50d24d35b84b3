/* lexdata.c — looking a word up in the generated table (lexdata.h). */
#include "lib/lexdata.h"

#include <string.h>

const struct lexdata_word *lexdata_find(const char *word, size_t len)
{
    if (len == 0)
        return NULL;
    /* the binary search only among the words that share the first bytes
     * (a sorted table: 46,000 words, a few dozen per two bytes) */
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
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *w = (const unsigned char *)lexdata_word_text(&lexdata_words[mid]);
        /* byte by byte, inline: most comparisons end in the first bytes */
        int c = 0;
        size_t i = same;
        while (i < len && w[i] && w[i] == (unsigned char)word[i])
            i++;
        if (i < len)
            c = w[i] ? (int)w[i] - (unsigned char)word[i] : -1;    /* w ends first: before word */
        else if (w[len] != '\0')
            c = 1;              /* w is longer: after word */
        if (c == 0)
            return &lexdata_words[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
