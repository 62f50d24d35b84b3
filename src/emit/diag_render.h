/* diag_render.h — the diagnostics as people and tools read them: clang-style
 * text, JSON, SARIF 2.1.0 and GitHub workflow commands. One file each. */
#ifndef OKRC_DIAG_RENDER_H
#define OKRC_DIAG_RENDER_H

#include <stdbool.h>
#include <stdio.h>

struct diag_ctx;

struct render_opts {
    bool color;
};
void diag_render_human(struct diag_ctx *d, FILE *out, const struct render_opts *o);
int diag_render_json(struct diag_ctx *d, FILE *out);
int diag_render_sarif(struct diag_ctx *d, FILE *out);   /* SARIF 2.1.0 */
void diag_render_github(struct diag_ctx *d, FILE *out); /* GitHub workflow commands */

#endif
