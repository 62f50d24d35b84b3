/* git.h — what the commands read from git: `okrc diff REV` and `okrc report
 * --history` compile a plan as a revision holds it. */
#ifndef OKRC_GIT_H
#define OKRC_GIT_H

#include <stdbool.h>

#include "lib/arena.h"
#include "lib/date.h"

/* The top of the git work tree around the current folder, or NULL. */
char *git_toplevel(struct arena *a);
/* A temporary folder holding revision rev of the work tree at top
 * (`git archive`), or NULL after a message "okrc COMMAND: error: ...". */
char *git_extract_revision(struct arena *a, const char *command, const char *top, const char *rev);
/* FILE (relative to the current folder) as it lies under dir, a copy of the
 * work tree at top; NULL when FILE is outside the work tree. A file the
 * revision lacks is created empty. */
char *git_path_in(struct arena *a, const char *top, const char *dir, const char *file);
/* Removes a folder made by git_extract_revision (NULL: nothing). */
void git_remove_tree(const char *dir);

/* A commit that touched the files: its hash and its committer's date. */
struct git_commit {
    char *hash;
    okr_day date;
};
/* The commits of range (REV..REV, or all before HEAD with since) that touched
 * any of files, oldest first, into out (struct git_commit *); false when git
 * fails (its message on standard error). */
bool git_commits(struct arena *a, const char *top, const char *range, const char *since,
                 char *const *files, int n, struct vec *out);

#endif
