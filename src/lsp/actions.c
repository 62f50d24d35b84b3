/* actions.c — what the editor can do about a finding, and the scores shown
 * beside the key results. The fixes work from the diagnostics the client
 * sends back (code and range), as LSP intends. */
#define _GNU_SOURCE
#include "lsp/actions.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lsp/server.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *edit_action(const char *title, const char *uri, json_t *diag, json_t *range,
                           const char *new_text, bool preferred)
{
    json_t *edits = json_pack("[{s:o,s:s}]", "range", range, "newText", new_text);
    json_t *changes = json_object();
    json_object_set_new(changes, uri, edits);
    return json_pack("{s:s,s:s,s:[O],s:b,s:{s:o}}", "title", title, "kind", "quickfix", "diagnostics",
                     diag, "isPreferred", preferred, "edit", "changes", changes);
}

json_t *actions_for(struct server *s, struct unit *u, const char *uri, json_t *params)
{
    (void)s;
    json_t *list = json_array();
    json_t *diags = json_object_get(json_object_get(params, "context"), "diagnostics");
    size_t i;
    json_t *d;
    json_array_foreach(diags, i, d) {
        const char *code = json_string_value(json_object_get(d, "code"));
        const char *message = json_string_value(json_object_get(d, "message"));
        json_t *range = json_object_get(d, "range");
        if (!code || !message || !json_is_object(range))
            continue;
        /* "... did you mean 'X'?": replace the range with X. */
        const char *dym = strstr(message, "did you mean '");
        if (dym) {
            dym += strlen("did you mean '");
            const char *end = strchr(dym, '\'');
            if (end && end > dym) {
                char *name = strndup(dym, (size_t)(end - dym));
                char *title = NULL;
                if (asprintf(&title, "Change to '%s'", name) > 0) {
                    json_array_append_new(list, edit_action(title, uri, d, json_deep_copy(range), name, true));
                    free(title);
                }
                free(name);
            }
        }
        /* `# okrc-ignore: RULE` on its own line above, indented as the line is;
         * structural errors cannot be silenced, so none is offered for them. */
        enum rule_id id;
        if (!rule_lookup(code, strlen(code), &id) || rule_info(id)->structural)
            continue;
        json_int_t line = json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
        int line1 = line < 0 ? 1 : line >= INT_MAX ? INT_MAX : (int)line + 1;
        const char *p = u->root->text + source_line_start(u->root, line1);
        size_t indent = strspn(p, " \t");
        char *insert = NULL, *title = NULL;
        if (asprintf(&insert, "%.*s# okrc-ignore: %s\n", (int)indent, p, code) > 0 &&
            asprintf(&title, "Ignore '%s' here (# okrc-ignore)", code) > 0) {
            json_t *at = json_pack("{s:{s:I,s:i},s:{s:I,s:i}}", "start", "line", line, "character", 0,
                                   "end", "line", line, "character", 0);
            json_array_append_new(list, edit_action(title, uri, d, at, insert, false));
        }
        free(insert);
        free(title);
    }
    return list;
}

json_t *actions_inlay_hints(struct server *s, struct unit *u)
{
    json_t *list = json_array();
    for (size_t i = 0; i < u->plan.objectives.len; i++) {
        const struct objective *o = u->plan.objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            if (kr->id.at.src != u->root || kr->progress.status == PROGRESS_NO_DATA)
                continue;
            /* At the end of the line that names the key result. */
            const char *text = u->root->text;
            uint32_t eol = kr->id.at.end;
            while (eol < u->root->len && text[eol] != '\n')
                eol++;
            if (eol > kr->id.at.end && text[eol - 1] == '\r')
                eol--;
            char label[64];
            snprintf(label, sizeof label, "%.2f %s", kr->progress.score,
                     progress_status_name(kr->progress.status));
            json_array_append_new(list, json_pack("{s:o,s:s,s:b}", "position",
                                                  lsp_position(s, u->root, eol), "label", label,
                                                  "paddingLeft", 1));
        }
    }
    return list;
}
