/* navigate.h — what is at a position: hover, definition, references and
 * document highlights, over an index of every declaration and reference
 * of a compiled plan. */
#ifndef OKRC_LSP_NAVIGATE_H
#define OKRC_LSP_NAVIGATE_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "lib/source.h"

struct server;
struct unit;

enum target_kind { T_OBJECTIVE, T_KR, T_INITIATIVE, T_TEAM, T_PERSON, T_PERSPECTIVE,
                   T_PERIOD, T_LEXICON, T_RULE, T_FILE };

/* A name in the plan, declared or referred to. */
struct occurrence {
    span at;
    const char *key;        /* kind letter, ':', the qualified name (arena) */
    enum target_kind kind;
    bool declaration;
    const void *target;     /* the declared thing, on declarations (and rules, files) */
};

/* Builds the unit's index (u->occurrences) unless it is built. */
void navigate_index(struct unit *u);

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
