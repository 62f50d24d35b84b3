/* diag_render.h — the diagnostics as people and tools read them: clang-style
 * text, JSON, SARIF 2.1.0, GitHub workflow commands and GitLab Code Quality.
 * One file each. */
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
int diag_render_codequality(struct diag_ctx *d, FILE *out); /* GitLab Code Quality */

/* One fingerprint per finding, in d->list order (strings in d's arena):
 * "HEX16:N", a hash of the rule, the file and the finding's line with its
 * whitespace normalised, and N, its occurrence among equal hashes. It stays
 * when lines are inserted above and changes when the finding's line does
 * (diag_fingerprint.c). */
const char **diag_fingerprints(struct diag_ctx *d);

#endif
