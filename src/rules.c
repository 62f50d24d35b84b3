/* rules.c — the table of rules: ids, default severities, summaries. */
#include "okrc.h"

#include <string.h>

static const struct rule_info rules[RULE_COUNT] = {
#define RULE(id, name, sev, structural, summary) [id] = {name, sev, structural, summary},
#include "rules.def"
#undef RULE
};

const struct rule_info *rule_info(enum rule_id id)
{
    return &rules[id];
}

bool rule_lookup(const char *name, size_t len, enum rule_id *out)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (strlen(rules[i].name) == len && memcmp(rules[i].name, name, len) == 0) {
            *out = (enum rule_id)i;
            return true;
        }
    return false;
}

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const char *severity_name(enum severity s)
{
    return severity_names[s];
}

bool severity_parse(const char *s, enum severity *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, severity_names[i]) == 0) {
            *out = (enum severity)i;
            return true;
        }
    return false;
}
