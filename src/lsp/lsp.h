/* lsp.h — the language server: `okrc lsp` runs one session over a stream
 * pair (docs/editors.md). */
#ifndef OKRC_LSP_H
#define OKRC_LSP_H

#include <stdio.h>

/* Serves one client until `exit` or the end of input. log may be NULL.
 * Returns the process status LSP asks for: 0 after shutdown, else 1. */
int lsp_serve(FILE *in, FILE *out, FILE *log);

#endif
