/* json_stream.h — a JSON document written as jansson's json_dumpf writes it
 * (JSON_INDENT(2) | JSON_PRESERVE_ORDER), with one large array made an item
 * at a time: memory holds one item, not the whole document. The machine
 * formats of `okrc check` (JSON, SARIF, Code Quality) may carry 100,000
 * findings for a plan of 1 MB. */
#ifndef OKRC_JSON_STREAM_H
#define OKRC_JSON_STREAM_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* Writes doc (taking its reference), in which the array under `key` is an
 * empty placeholder (the first `"key": []` at the start of a line of the
 * dump), with item(i, ctx) for i in [0, n) in its place; NULL for doc_key
 * of NULL means doc itself is that array. Returns 0, or -1 when a write or
 * an item failed. */
typedef json_t *(*json_item_fn)(size_t i, void *ctx);
int json_stream(FILE *out, json_t *doc, const char *key, size_t n, json_item_fn item, void *ctx);

#endif
