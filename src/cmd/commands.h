/* commands.h — each command, one file each (cmd_*.c), listed in main.c's
 * table; each takes its own argv and returns the exit status. */
#ifndef OKRC_COMMANDS_H
#define OKRC_COMMANDS_H

int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_agenda(int argc, char **argv);
int cmd_checkin(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_roll(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
/* Hidden: the words shell completion offers (completions/). */
int cmd_complete(int argc, char **argv);
int cmd_lsp(int argc, char **argv);

#endif
