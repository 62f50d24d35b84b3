/* format.h — textDocument/formatting: the document laid out by fmt, as
 * `okrc fmt` would write it. */
#ifndef OKRC_LSP_FORMAT_H
#define OKRC_LSP_FORMAT_H

#include <jansson.h>

struct server;
struct document;

/* The edits that lay the document out canonically ([] when it is), or
 * NULL with *error set when it has syntax errors (fmt leaves such a file
 * alone, as `okrc fmt` does). */
json_t *format_document(struct server *s, const struct document *d, const char **error);

#endif
