/* plan.h — one compilation: load, parse, resolve, apply rules, check, lint,
 * progress. What the commands (and the language server) call. */
#ifndef OKRC_PLAN_H
#define OKRC_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/load.h"
#include "lib/model.h"

void plan_init(struct plan *plan, struct arena *arena, struct diag_ctx *diags);
/* Loads, parses, resolves and checks; false on an I/O error (exit 2). */
bool plan_compile(struct plan *plan, const char *const *files, size_t n);
/* The same with what imports may reach and how much is read (load.h);
 * the implicit stdlib import is added here. */
struct load_opts;
bool plan_compile_with(struct plan *plan, const char *const *files, size_t n,
                       const struct load_opts *load);
/* The same with open editor buffers standing in for files (load.h). */
bool plan_compile_overlay(struct plan *plan, const char *const *files, size_t n,
                          load_overlay_fn overlay, void *ctx);
void plan_free(struct plan *plan);
/* One source from memory through the same steps as plan_compile, without
 * following imports or loading the implicit stdlib (fuzzing). */
void plan_compile_memory(struct plan *plan, const char *name, const char *data, size_t len);

#endif
