/* json_stream.c — see json_stream.h. The document around the array is
 * dumped by jansson with the array empty; the dump is cut where the empty
 * array stands, and the items are dumped one by one in between, each line
 * indented to the array's depth, exactly as jansson would have laid them
 * out (the golden cases compare the bytes). */
#include "emit/json_stream.h"

#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

/* Each line of text, after the first, indented by `indent` more spaces. */
static void put_indented(FILE *out, const char *text, size_t indent)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        fwrite(p, 1, n, out);
        p += n;
        if (nl && *p)
            fprintf(out, "%*s", (int)indent, "");
    }
}

/* The items, from '[' to ']', the array's own line indented by indent. */
static int put_items(FILE *out, size_t indent, size_t n, json_item_fn item, void *ctx)
{
    if (!n) {
        fputs("[]", out);
        return 0;
    }
    fputs("[\n", out);
    for (size_t i = 0; i < n; i++) {
        json_t *it = item(i, ctx);
        char *text = it ? json_dumps(it, DUMP_FLAGS | JSON_ENCODE_ANY) : NULL;
        json_decref(it);
        if (!text)
            return -1;
        fprintf(out, "%*s", (int)(indent + 2), "");
        put_indented(out, text, indent + 2);
        free(text);
        fputs(i + 1 < n ? ",\n" : "\n", out);
    }
    fprintf(out, "%*s]", (int)indent, "");
    return 0;
}

int json_stream(FILE *out, json_t *doc, const char *key, size_t n, json_item_fn item, void *ctx)
{
    if (!key) {
        json_decref(doc);
        int rc = put_items(out, 0, n, item, ctx);
        fputc('\n', out);
        return rc == 0 && !ferror(out) ? 0 : -1;
    }
    char *text = json_dumps(doc, DUMP_FLAGS);
    json_decref(doc);
    if (!text)
        return -1;
    size_t klen = strlen(key);
    char *marker = NULL;
    for (char *p = text; (p = strstr(p, "\": []")) != NULL; p++) {
        /* "key": [] where "key" opens its line after the indentation. */
        char *q = p - klen - 1;
        if (q < text || *q != '"' || memcmp(q + 1, key, klen) != 0)
            continue;
        char *line = q;
        while (line > text && line[-1] == ' ')
            line--;
        if (line == text || line[-1] == '\n') {
            marker = q;
            break;
        }
    }
    int rc = -1;
    if (marker) {
        char *line = marker;
        while (line > text && line[-1] == ' ')
            line--;
        size_t indent = (size_t)(marker - line);
        char *open = marker + klen + 4;     /* the '[' of "key": [] */
        fwrite(text, 1, (size_t)(open - text), out);
        rc = put_items(out, indent, n, item, ctx);
        fputs(open + 2, out);
        fputc('\n', out);
    }
    free(text);
    return rc == 0 && !ferror(out) ? 0 : -1;
}
