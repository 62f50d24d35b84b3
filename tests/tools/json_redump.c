/* json_redump: reads one JSON document on stdin and writes it again with
 * jansson, in the layout `okrc report -f json` promises (JSON_INDENT(2),
 * 15 significant digits, keys in order, a final newline). Identical bytes
 * in and out mean okrc's streaming writer wrote what jansson would have.
 * Exit 1 when the input is not strict JSON (duplicate keys included). */
#include <stdio.h>

#include "jansson_layout.h"

int main(void)
{
    json_error_t error;
    json_t *doc = json_loadf(stdin, JSON_REJECT_DUPLICATES, &error);
    if (!doc) {
        fprintf(stderr, "json_redump: not JSON: %s at line %d column %d\n", error.text,
                error.line, error.column);
        return 1;
    }
    int failed = json_dumpf(doc, stdout, REPORT_JSON_FLAGS);
    json_decref(doc);
    return failed || fputc('\n', stdout) == EOF || fflush(stdout) != 0;
}
