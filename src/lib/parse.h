/* parse.h — one source into the plan (wraps the generated parser; the
 * grammar's actions are in build.h). */
#ifndef OKRC_PARSE_H
#define OKRC_PARSE_H

struct plan;
struct source;
void parse_source(struct plan *plan, struct source *src);

#endif
