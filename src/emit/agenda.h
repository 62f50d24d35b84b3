/* agenda.h — the one-on-one agenda (Markdown) for the key results that
 * person (without '@') owns; progress must be computed. */
#ifndef OKRC_AGENDA_H
#define OKRC_AGENDA_H

#include <stdio.h>

struct plan;
void agenda_write(FILE *out, struct plan *plan, const char *person);

#endif
