/* rules.h — the one table of rules (rules.def) and its configuration by a
 * plan's rules blocks. */
#ifndef OKRC_RULES_H
#define OKRC_RULES_H

#include <stdbool.h>
#include <stddef.h>

enum severity { SEV_OFF, SEV_INFO, SEV_WARNING, SEV_ERROR };
const char *severity_name(enum severity s);
bool severity_parse(const char *s, enum severity *out);

enum rule_id {
#define RULE(id, name, sev, structural, summary) id,
#define PARAM(id, rule, name, value, least, meaning)
#include "lib/rules.def"
#undef PARAM
#undef RULE
    RULE_COUNT
};
enum param_id {
#define RULE(id, name, sev, structural, summary)
#define PARAM(id, rule, name, value, least, meaning) id,
#include "lib/rules.def"
#undef PARAM
#undef RULE
    PARAM_COUNT
};
struct rule_info {
    const char *name;
    enum severity default_severity;
    bool structural;        /* always an error, cannot be reconfigured */
    const char *summary;
};
struct param_info {
    enum rule_id rule;
    const char *name;
    double default_value;
    double least;           /* the smallest value that makes sense */
    const char *meaning;
};
/* What `okrc explain` prints: what the rule checks, why, an example, the fix. */
struct rule_doc {
    const char *checks, *why, *example, *fix;
};
const struct rule_info *rule_info(enum rule_id id);
const struct param_info *param_info(enum param_id id);
const struct rule_doc *rule_doc(enum rule_id id);
bool rule_lookup(const char *name, size_t len, enum rule_id *out);
bool param_lookup(enum rule_id rule, const char *name, size_t len, enum param_id *out);
/* The rule name closest to a misspelt one, or NULL: for "did you mean". */
const char *rule_suggest(const char *name);

struct plan;
/* Applies the plan's rules blocks to plan->diags (severities, parameters):
 * a file's `use`d files count as loaded before it, later blocks win, and
 * severities set on the command line (diag_force) win over all of them. */
void rules_apply(struct plan *plan);

#endif
