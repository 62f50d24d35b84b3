/* jansson_layout.h — what `okrc report -f json` promises about its bytes:
 * exactly what jansson dumps for the same document with these flags, plus
 * a final newline. One definition for json_redump, the unit test and the
 * fuzz target. */
#ifndef OKRC_JANSSON_LAYOUT_H
#define OKRC_JANSSON_LAYOUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define REPORT_JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* Whether text (len bytes, doc parsed from it) is jansson's dump of doc and
 * a newline. A failed dump (out of memory) counts as a match. */
static inline bool is_jansson_layout(const json_t *doc, const char *text, size_t len)
{
    char *again = json_dumps(doc, REPORT_JSON_FLAGS);
    if (!again)
        return true;
    bool same = strlen(again) + 1 == len && memcmp(again, text, len - 1) == 0 && text[len - 1] == '\n';
    free(again);
    return same;
}

#endif
