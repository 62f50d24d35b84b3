/* agenda.h — the one-on-one agenda (Markdown) for the key results that
 * person (without '@') owns; progress must be computed. */
#ifndef OKRC_AGENDA_H
#define OKRC_AGENDA_H

#include <stddef.h>
#include <stdio.h>

struct plan;
/* lang: "en" or "nl", or NULL for the language of the plan's titles. */
void agenda_write(FILE *out, struct plan *plan, const char *person, const char *tag, const char *lang);
/* How many key results the agenda of person would list. */
size_t agenda_count(struct plan *plan, const char *person, const char *tag);

#endif
