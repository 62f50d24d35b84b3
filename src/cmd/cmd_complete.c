/* cmd_complete.c — `okrc __complete WHAT [FILE...]`: the words a shell
 * completion offers, one per line, for the completion scripts in
 * completions/. Hidden from --help: a tool for scripts, not for people.
 * Ids come from the plan the command line names, compiled as `check` would
 * compile it; its diagnostics are not printed (a half-written plan still
 * completes), and nothing is printed for a plan that cannot be read. */
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/rules.h"

#include <stdio.h>
#include <string.h>

/* Prints an id once, whatever the number of places it is named. */
static void print_once(struct hash *seen, const char *prefix, const ident *id)
{
    if (id->name.len == 0 || hash_get(seen, id->name.ptr, id->name.len))
        return;
    hash_put(seen, id->name.ptr, id->name.len, (void *)id);
    printf("%s%.*s\n", prefix, (int)id->name.len, id->name.ptr);
}

static void print_ids(const char *what, struct plan *plan, struct arena *a)
{
    struct hash *seen = hash_new(a, 64);
    if (strcmp(what, "objectives") == 0) {
        for (size_t i = 0; i < plan->objectives.len; i++)
            print_once(seen, "", &((struct objective *)plan->objectives.items[i])->id);
    } else if (strcmp(what, "teams") == 0) {
        for (size_t i = 0; i < plan->teams.len; i++)
            print_once(seen, "", &((struct team *)plan->teams.items[i])->id);
    } else if (strcmp(what, "tags") == 0) {
        for (size_t i = 0; i < plan->objectives.len; i++) {
            struct objective *o = plan->objectives.items[i];
            for (size_t t = 0; t < objective_more(o)->tags.len; t++)
                print_once(seen, "", objective_more(o)->tags.items[t]);
            for (size_t k = 0; k < o->key_results.len; k++) {
                struct key_result *kr = o->key_results.items[k];
                for (size_t t = 0; t < kr_more(kr)->tags.len; t++)
                    print_once(seen, "", kr_more(kr)->tags.items[t]);
            }
            for (size_t k = 0; k < o->initiatives.len; k++) {
                struct initiative *in = o->initiatives.items[k];
                for (size_t t = 0; t < initiative_more(in)->tags.len; t++)
                    print_once(seen, "", initiative_more(in)->tags.items[t]);
            }
        }
    } else {    /* people: declared, and every owner and lead */
        for (size_t i = 0; i < plan->people.len; i++)
            print_once(seen, "@", &((struct person *)plan->people.items[i])->id);
        for (size_t i = 0; i < plan->teams.len; i++)
            print_once(seen, "@", &((struct team *)plan->teams.items[i])->lead);
        for (size_t i = 0; i < plan->objectives.len; i++) {
            struct objective *o = plan->objectives.items[i];
            print_once(seen, "@", &o->owner);
            for (size_t k = 0; k < o->key_results.len; k++)
                print_once(seen, "@", &((struct key_result *)o->key_results.items[k])->owner);
        }
    }
    hash_free(seen);
}

int cmd_complete(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("__complete", "%s", "takes rules, objectives, teams, tags or people");
    const char *what = argv[1];
    if (strcmp(what, "rules") == 0) {
        for (int r = 0; r < RULE_COUNT; r++)
            puts(rule_info((enum rule_id)r)->name);
        return EXIT_CLEAN;
    }
    if (strcmp(what, "objectives") != 0 && strcmp(what, "teams") != 0 &&
        strcmp(what, "people") != 0 && strcmp(what, "tags") != 0)
        return cli_usage_error("__complete", "cannot complete '%s'", what);
    if (argc < 3)
        return EXIT_CLEAN;
    okr_day today;
    cli_as_of(NULL, &today);
    struct cli_run run;
    cli_compile(&run, argv + 2, argc - 2, today);
    print_ids(what, &run.plan, &run.arena);
    cli_free(&run);
    return EXIT_CLEAN;
}
