/* lexdata.c — looking a word up in the generated table (lexdata.h). */
#include "lib/lexdata.h"

#include <string.h>

const struct lexdata_word *lexdata_find(const char *word, size_t len)
{
    size_t lo = 0, hi = lexdata_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *w = lexdata_words[mid].word;
        int c = strncmp(w, word, len);
        if (c == 0 && w[len] != '\0')
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
