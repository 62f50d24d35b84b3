/* cmd_rules.c — `okrc rules` (every rule, its default severity and
 * parameters) and `okrc explain RULE` (what it checks, why, an example that
 * triggers it, the fix). Both read the one table in rules.c. */
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "lib/rules.h"

#include <string.h>

static const char rules_help[] =
    "usage: okrc rules\n\n"
    "Lists every rule with its default severity and parameters. Structural rules\n"
    "are always errors; the others are configured with rules blocks\n"
    "(rules { kr-count max 3 }), -W RULE=LEVEL on 'okrc check', and silenced on a\n"
    "line with '# okrc-ignore: RULE'. 'okrc explain RULE' describes one.\n";

static const char explain_help[] =
    "usage: okrc explain RULE\n\n"
    "Prints what RULE checks, why (OKR practice), an example that triggers it and\n"
    "the fix. 'okrc rules' lists the rules.\n";

static bool wants_help(int argc, char **argv)
{
    return argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
}

/* "min 1, max 5", or "-" for a rule without parameters. */
static void print_params(FILE *out, enum rule_id rule)
{
    int n = 0;
    for (int i = 0; i < PARAM_COUNT; i++) {
        const struct param_info *p = param_info((enum param_id)i);
        if (p->rule == rule)
            n += fprintf(out, "%s%s %g", n ? ", " : "", p->name, p->default_value);
    }
    fprintf(out, "%*s", n < 22 ? 22 - n : 1, "");
}

static void print_group(bool structural)
{
    for (int i = 0; i < RULE_COUNT; i++) {
        const struct rule_info *r = rule_info((enum rule_id)i);
        if (r->structural != structural)
            continue;
        printf("  %-24s %-8s ", r->name, severity_name(r->default_severity));
        print_params(stdout, (enum rule_id)i);
        printf("%s\n", r->summary);
    }
}

int cmd_rules(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(rules_help, stdout);
        return EXIT_CLEAN;
    }
    if (argc > 1)
        return cli_usage_error("rules", "unexpected argument '%s'", argv[1]);
    printf("  %-24s %-8s %-22s%s\n", "RULE", "DEFAULT", "PARAMETERS", "FIRES WHEN");
    puts("structural (always errors, cannot be configured):");
    print_group(true);
    puts("configurable (rules { RULE [off|info|warning|error] [PARAM VALUE]... }, -W RULE=LEVEL):");
    print_group(false);
    return EXIT_CLEAN;
}

/* Prints text indented by four spaces, its lines kept and words wrapped
 * to fit 80 columns. */
static void print_indented(const char *text)
{
    enum { WIDTH = 76 };
    const char *p = text;
    while (*p) {
        size_t line = strcspn(p, "\n");
        while (line > WIDTH) {
            size_t cut = WIDTH;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0)
                break;
            printf("    %.*s\n", (int)cut, p);
            p += cut + 1;
            line -= cut + 1;
        }
        printf("    %.*s\n", (int)line, p);
        p += line + (p[line] == '\n');
    }
}

int cmd_explain(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(explain_help, stdout);
        return EXIT_CLEAN;
    }
    if (argc != 2)
        return cli_usage_error("explain", "%s", "name one rule, as in 'okrc explain kr-count'");
    enum rule_id id;
    if (!rule_lookup(argv[1], strlen(argv[1]), &id)) {
        const char *near = rule_suggest(argv[1]);
        fprintf(stderr, "okrc explain: error: unknown rule '%s'", argv[1]);
        if (near)
            fprintf(stderr, "; did you mean '%s'?", near);
        fputs(" ('okrc rules' lists them all)\n", stderr);
        return EXIT_USAGE;
    }
    const struct rule_info *r = rule_info(id);
    const struct rule_doc *doc = rule_doc(id);
    printf("%s: %s\n\n", r->name, r->summary);
    if (r->structural)
        puts("Severity: error, always (a structural rule; it cannot be configured).");
    else
        printf("Default severity: %s. Configure it with 'rules { %s SEVERITY }' or 'okrc check -W %s=SEVERITY'.\n",
               severity_name(r->default_severity), r->name, r->name);
    for (int i = 0; i < PARAM_COUNT; i++) {
        const struct param_info *p = param_info((enum param_id)i);
        if (p->rule == id)
            printf("Parameter %s (default %g): %s.\n", p->name, p->default_value, p->meaning);
    }
    puts("\nWhat it checks:");
    print_indented(doc->checks);
    puts("\nWhy:");
    print_indented(doc->why);
    puts("\nExample that triggers it:");
    print_indented(doc->example);
    puts("\nFix:");
    print_indented(doc->fix);
    if (!r->structural)
        printf("\nSilence one finding with a comment on its line or the line before:\n"
               "    # okrc-ignore: %s\n", r->name);
    return EXIT_CLEAN;
}
