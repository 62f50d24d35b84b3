/* actions.h — code actions (the did-you-mean fix, `# okrc-ignore: RULE`)
 * and inlay hints (each key result's score and status). */
#ifndef OKRC_LSP_ACTIONS_H
#define OKRC_LSP_ACTIONS_H

#include <jansson.h>

struct server;
struct unit;

/* params of textDocument/codeAction: the actions for its diagnostics. */
json_t *actions_for(struct server *s, struct unit *u, const char *uri, json_t *params);
json_t *actions_inlay_hints(struct server *s, struct unit *u);

#endif
