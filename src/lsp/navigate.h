/* navigate.h — what is at a position: hover, definition, references and
 * document highlights, over an index of every declaration and reference
 * of a compiled plan. */
#ifndef OKRC_LSP_NAVIGATE_H
#define OKRC_LSP_NAVIGATE_H

#include <stdint.h>

#include <jansson.h>

struct server;
struct unit;

/* The result of a request at offset of the unit's root; a new reference. */
json_t *navigate(struct server *s, struct unit *u, const char *method, json_t *params,
                 uint32_t offset);

/* textDocument/prepareRename and rename at offset: the range and the name
 * there, or the edits of every file of the plan (a WorkspaceEdit); NULL
 * with *error when the name cannot be renamed (a keyword, a collision, no
 * declaration, the standard library). */
json_t *navigate_prepare_rename(struct server *s, struct unit *u, uint32_t offset, const char **error);
json_t *navigate_rename(struct server *s, struct unit *u, uint32_t offset, const char *new_name,
                        const char **error);

#endif
