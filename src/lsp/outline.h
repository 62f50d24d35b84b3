/* outline.h — document symbols, folding ranges and completion for the root
 * of a compiled plan. */
#ifndef OKRC_LSP_OUTLINE_H
#define OKRC_LSP_OUTLINE_H

#include <stdint.h>

#include <jansson.h>

struct server;
struct unit;

json_t *outline_symbols(struct server *s, struct unit *u);
json_t *outline_folding(struct server *s, struct unit *u);
/* Completion items fitting the text before offset in the root. */
json_t *outline_complete(struct server *s, struct unit *u, uint32_t offset);
/* workspace/symbol: the objectives, key results, initiatives, teams and
 * people of the plans of every open document whose name holds query (any
 * case), each once, as SymbolInformation. */
json_t *outline_workspace_symbols(struct server *s, const char *query);

#endif
