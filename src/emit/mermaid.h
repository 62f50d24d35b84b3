/* mermaid.h — Mermaid text for the Markdown places that draw it (GitHub,
 * GitLab, wikis): the alignment map (`graph -T mermaid`, `report -f md`) and
 * the key results of an objective over its check-ins (`report -f md`). */
#ifndef OKRC_MERMAID_H
#define OKRC_MERMAID_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/model.h"

/* A flowchart: one node per selected objective (by plan seq), coloured by
 * status, in subgraphs per team as teams nest, an arrow to what it aligns to. */
void mermaid_map(FILE *out, const struct plan *plan, const bool *selected);
/* An xychart of the objective's key results' scores at each check-in date,
 * one line per key result in plan order, after `opening` (the caller's
 * fence); false (nothing written, not even `opening`) with fewer than two
 * check-in dates. */
bool mermaid_progress(FILE *out, const struct plan *plan, const struct objective *o, const char *opening);

#endif
