/* format.c — see format.h. The document's own text is parsed and laid out
 * in an arena of its own, so that formatting reads what the editor holds,
 * never the compiled unit of another moment. */
#include "lsp/format.h"
#include "emit/fmt.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/plan.h"
#include "lib/source.h"
#include "lsp/server.h"

#include <string.h>

json_t *format_document(struct server *s, const struct document *d, const char **error)
{
    struct arena arena = {0};
    struct diag_ctx diags;
    diag_init(&diags, &arena);
    fmt_syntax_only(&diags);
    struct plan plan;
    plan_init(&plan, &arena, &diags);
    struct source *src = source_from_memory(&arena, d->path, d->text, d->len, 0);
    parse_source(&plan, src);
    json_t *edits = NULL;
    if (diags.errors > 0) {
        *error = "the document has syntax errors; okrc formats a plan that parses";
    } else {
        src->comments = src->comments_tail = NULL;
        struct fmt_text out = fmt_source(&arena, src);
        edits = json_array();
        bool same = out.len == d->len && memcmp(out.data, d->text, d->len) == 0;
        if (!same) {
            /* One edit for the whole text: clients reduce it to what changed. */
            json_t *range = json_pack("{s:{s:i,s:i},s:o}", "start", "line", 0, "character", 0, "end",
                                      lsp_position(s, src, (uint32_t)src->len));
            json_array_append_new(edits, json_pack("{s:o,s:s%}", "range", range, "newText",
                                                   out.data, out.len));
        }
    }
    plan_free(&plan);
    source_free(src);
    arena_free(&arena);
    return edits;
}
