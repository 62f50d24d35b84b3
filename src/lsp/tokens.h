/* tokens.h — textDocument/semanticTokens/full: what each word of the
 * document is, from the scanner's lexemes and the plan's index of names. */
#ifndef OKRC_LSP_TOKENS_H
#define OKRC_LSP_TOKENS_H

#include <jansson.h>

struct server;
struct unit;

/* The legend announced in the server's capabilities. */
json_t *tokens_legend(void);
/* The tokens of the unit's root, relative-encoded as LSP asks. */
json_t *tokens_full(struct server *s, struct unit *u);

#endif
