/* cmd_agenda.c — `okrc agenda @PERSON`: a Markdown one-on-one agenda over
 * the key results that person owns, the most urgent first. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/output.h"
#include "emit/agenda.h"
#include "lib/date.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char agenda_help[] =
    "usage: okrc agenda @PERSON [options] FILE|DIR...\n\n"
    "Writes a Markdown one-on-one agenda for the key results PERSON owns (their\n"
    "own or inherited from the objective): progress, what is left, confidence,\n"
    "risks and questions, off-track key results first.\n\n"
    "options:\n"
    "  --as-of DATE       the date progress is measured at (default today)\n"
    "  --tag TAG          only key results tagged TAG (or whose objective is)\n"
    "  --strict           no agenda for a plan with errors of any rule (by default\n"
    "                     rule findings such as kr-count do not withhold it)\n"
    "  --lang en|nl       the language of the questions (default: the language of\n"
    "                     the plan's titles)\n"
    "  -o, --output FILE  write to FILE atomically (default standard output)\n"
    "  --color WHEN       colour of diagnostics: auto (default), always, never\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help         show this help\n\n"
    "exit status: 0 agenda written, 1 the plan has errors, 2 usage or I/O error\n";

int cmd_agenda(int argc, char **argv)
{
    static const struct option options[] = {
        {"as-of", required_argument, NULL, 'a'}, {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'},
        {"tag", required_argument, NULL, 'g'}, {"strict", no_argument, NULL, 'S'},
        {"lang", required_argument, NULL, 'L'},
        CLI_LOAD_OPTIONS,                        CLI_ROOT_OPTION,
        {0},
    };
    struct load_opts load = {0};
    const char *as_of_arg = NULL, *output = NULL, *color = "auto", *tag = NULL, *lang = NULL;
    bool strict = false;
    int c;
    while ((c = cli_getopt("agenda", argc, argv, ":o:h", options)) != -1) {
        switch (c) {
        case 'a': as_of_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'g': tag = optarg; break;
        case 'S': strict = true; break;
        case 'L':
            if (strcmp(optarg, "en") != 0 && strcmp(optarg, "nl") != 0)
                return cli_usage_error("agenda", "--lang takes en or nl, not '%s'", optarg);
            lang = optarg;
            break;
        case 'c':
            if (!cli_color_option("agenda", optarg, &color))
                return EXIT_USAGE;
            break;
        case 'h': fputs(agenda_help, stdout); return EXIT_CLEAN;
        default: {
            /* cli_getopt has reported unknown options (CLI_OPT_ERROR); the
             * rest of the table are the load options. */
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("agenda", c, optarg, &load);
            if (taken <= 0)
                return EXIT_USAGE;
            break;
        }
        }
    }
    /* The person is the one argument written as @name, wherever it stands. */
    int at = optind;
    while (at < argc && argv[at][0] != '@')
        at++;
    if (at >= argc || !argv[at][1])
        return cli_usage_error("agenda", "%s", "name the person, as @name");
    const char *person = argv[at] + 1;
    memmove(argv + optind + 1, argv + optind, (size_t)(at - optind) * sizeof *argv);
    optind++;
    if (optind >= argc)
        return cli_usage_error("agenda", "%s", "no input files (use '-' for standard input)");
    okr_day as_of;
    if (!cli_as_of(as_of_arg, &as_of))
        return cli_as_of_error("agenda", as_of_arg);

    struct cli_run run;
    cli_compile_in_context(&run, argv + optind, argc - optind, as_of, &load);
    int rc = cli_exit_code(&run, false);
    /* Rule findings (kr-count, smart-measurable) do not withhold the agenda. */
    bool usable = cli_plan_usable(&run, strict);
    /* A person who is not in the plan is a mistake on the command line:
     * said first, and alone, without the plan's findings before it. */
    bool usage = false;
    if (usable && (!cli_person_exists("agenda", "", &run.plan, person) ||
                             (tag && !cli_tag_exists("agenda", &run.plan, tag)))) {
        usage = true;
    } else if (usable && agenda_count(&run.plan, person, tag) == 0) {
        if (tag)
            fprintf(stderr, "okrc agenda: error: @%s owns no key result tagged '%s' in the plan, "
                            "so there is nothing to put on an agenda\n", person, tag);
        else
            fprintf(stderr, "okrc agenda: error: @%s owns no key result in the plan, so there "
                            "is nothing to put on an agenda\n", person);
        usage = true;
    }
    if (usage) {
        cli_free(&run);
        return EXIT_USAGE;
    }
    cli_print_diagnostics(&run, color);
    if (usable) {
        struct output out;
        if (!output_open(&out, output)) {
            rc = EXIT_USAGE;
        } else {
            signal(SIGPIPE, SIG_IGN);
            agenda_write(out.file, &run.plan, person, tag, lang);
            bool gone = out.file == stdout && (fflush(stdout) != 0 || ferror(stdout)) && errno == EPIPE;
            if (!gone && !output_commit(&out))
                rc = EXIT_USAGE;
        }
    }
    cli_free(&run);
    return rc;
}
