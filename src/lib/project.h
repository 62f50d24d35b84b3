/* project.h — the plan a file belongs to. A plan may span files joined by
 * `use`: the company's objectives in one, each team's in its own. Its
 * entry files are the .okr files under the plan's root that no other file
 * there reads. A file named on its own is checked in the context of the
 * entries whose plans read it, as a compiler checks one source file as
 * part of its program (docs/language.md, "Plans that span files"). */
#ifndef OKRC_PROJECT_H
#define OKRC_PROJECT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct load_opts;

/* Past this many candidates (the .okr files beside and above the named
 * files), no plan is looked for; --plan names one instead. */
#define PROJECT_MAX_FILES 2000

struct project {
    const char **entries;   /* the entry files (as listed) whose plans read a named file */
    size_t n_entries;
};

/* The candidates for the plans of the named files: the .okr files in each
 * one's folder and in every folder above it up to root (canonical), not
 * below them, as absolute paths, each folder once. */
void project_candidates(struct arena *a, const char *root, const char *const *named, size_t n,
                        char ***files, int *count);
/* Of the candidates, the entries whose plans read any of the named files, other than
 * that file itself. Loads each candidate quietly with opts (no stdlib).
 * Returns false, with nothing found, past PROJECT_MAX_FILES. */
bool project_find(struct arena *a, const char *const *candidates, size_t n_candidates,
                  const char *const *named, size_t n_named, const struct load_opts *opts,
                  struct project *out);

/* A folder that holds several separate plans (`okrc check .` in a
 * repository of plans): the files given, grouped into plans. A file that
 * declares a `plan` starts one, with every file it reads through relative
 * `use` paths; another file joins the plan declared nearest above it (its
 * folder, then each one up), as a folder of files without `use` is one
 * plan; files under no plan make one more. With fewer than two files that
 * declare a plan, all are one plan, as before. Returns the number of plans
 * and each file's in group[i] (0 ...). */
size_t project_partition(struct arena *a, const char *const *files, size_t n,
                         const struct load_opts *opts, size_t *group);

#endif
