/* server.h — what the server's modules share: the session, its open
 * documents and their compiled plans, and LSP positions. */
#ifndef OKRC_LSP_SERVER_H
#define OKRC_LSP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/source.h"
#include "lsp/rpc.h"

struct occurrence;

enum encoding { ENC_UTF16, ENC_UTF8, ENC_UTF32 };

/* One compilation of a document as a plan's root. */
struct unit {
    struct arena arena;
    struct diag_ctx diags;
    struct plan plan;
    struct source *root;        /* the document's own source */
    char **deps;                /* canonical paths of every source it read */
    size_t n_deps;
    struct occurrence *occurrences;  /* navigate.c's index, built on first use */
    size_t n_occurrences;
};

struct document {
    char *uri, *path, *canon;   /* path decoded from the URI; canon: realpath or path */
    char *text;
    size_t len;
    struct unit *unit;
};

struct server {
    struct rpc rpc;
    bool initialized, shutdown_requested, exited;
    enum encoding encoding;
    okr_day as_of;
    struct document **docs;
    size_t n_docs, cap_docs;
};

/* The negotiated position units, as the line index counts them. */
enum source_unit lsp_unit(const struct server *s);
/* A position (line, character in the negotiated units) for a byte offset
 * of src, and a range for a span. */
json_t *lsp_position(const struct server *s, const struct source *src, uint32_t offset);
json_t *lsp_range(const struct server *s, span at);
/* The byte offset of an LSP position in src; past the end of a line or of
 * the text, the end of it (as LSP asks). */
uint32_t lsp_offset(const struct server *s, const struct source *src, json_t *position);
/* The URI of a source (the open document's own when it is one); malloc'd. */
char *source_uri(struct server *s, const struct source *src);

#endif
