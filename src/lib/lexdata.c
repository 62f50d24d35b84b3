/* lexdata.c — looking a word up in the generated table (lexdata.h). */
#include "lib/lexdata.h"

#include <string.h>

const struct lexdata_word *lexdata_find(const char *word, size_t len)
{
    size_t lo = 0, hi = lexdata_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *w = (const unsigned char *)lexdata_words[mid].word;
        /* byte by byte, inline: most comparisons end in the first bytes */
        int c = 0;
        size_t i = 0;
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
