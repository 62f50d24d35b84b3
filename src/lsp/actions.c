/* actions.c — what the editor can do about a finding, and the scores shown
 * beside the key results. The fixes work from the diagnostics the client
 * sends back (code and range), as LSP intends. */
#define _GNU_SOURCE
#include "lsp/actions.h"
#include "lib/arena.h"
#include "lib/parse.h"
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

/* The objective whose key result's id holds offset in the root. */
static const struct objective *objective_of_kr(const struct unit *u, uint32_t offset)
{
    for (size_t i = 0; i < u->plan.objectives.len; i++) {
        const struct objective *o = u->plan.objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            if (kr->id.at.src == u->root && kr->id.at.start <= offset && offset < kr->id.at.end)
                return o;
        }
    }
    return NULL;
}

/* missing-owner: an `owner` line in the objective (so that its key results
 * inherit it), naming its team's lead, else the plan's owner, else a
 * placeholder the writer replaces; on the line after the objective's '{',
 * one step deeper than the objective. */
static json_t *owner_action(struct server *s, struct unit *u, const char *uri, json_t *diag,
                            uint32_t offset)
{
    const struct objective *o = objective_of_kr(u, offset);
    span block = o ? item_span(o->at, o->block) : (span){NULL, 0, 0};
    if (!o || block.src != u->root)
        return NULL;
    const char *text = u->root->text;
    /* the objective's '{' as the scanner reads it (a title may hold one) */
    struct arena scratch = {0};
    struct lexemes lx = parse_lexemes(&scratch, u->root);
    const char *brace = NULL;
    for (size_t i = 0; i < lx.len && !brace; i++)
        if (lx.items[i].kind == LEXEME_PUNCT && lx.items[i].start >= o->id.at.end &&
            text[lx.items[i].start] == '{')
            brace = text + lx.items[i].start;
    arena_free(&scratch);
    if (!brace || (uint32_t)(brace - text) >= block.end)
        return NULL;
    /* handles are kept without their '@' (the scanner's PERSON value) */
    const struct team *team = o->team;
    str who = team && team->lead.name.ptr ? team->lead.name
            : u->plan.decl && u->plan.decl->owner.name.ptr ? u->plan.decl->owner.name
            : (str){"owner", 5};
    int who_len = (int)who.len;
    const char *who_name = who.ptr;
    uint32_t line = source_line_start(u->root, source_position(u->root, o->at.start).line);
    size_t indent = strspn(text + line, " \t");
    const char *eol = strchr(brace, '\n');
    char *insert = NULL, *title = NULL;
    uint32_t at;
    if (eol && (uint32_t)(eol - text) < block.end) {
        at = (uint32_t)(eol - text) + 1;      /* a line of its own after the '{' line */
        if (asprintf(&insert, "%.*s  owner @%.*s\n", (int)indent, text + line, who_len, who_name) < 0)
            insert = NULL;
    } else {
        at = (uint32_t)(brace - text) + 1;    /* `{ kr ... }` on one line */
        if (asprintf(&insert, " owner @%.*s ", who_len, who_name) < 0)
            insert = NULL;
    }
    json_t *action = NULL;
    if (insert && asprintf(&title, "Add 'owner @%.*s' to objective '%s'", who_len, who_name,
                           o->id.name.ptr) > 0) {
        json_t *pos = lsp_position(s, u->root, at);
        json_t *range = json_pack("{s:O,s:O}", "start", pos, "end", pos);
        json_decref(pos);
        action = edit_action(title, uri, diag, range, insert, true);
    }
    free(insert);
    free(title);
    return action;
}

json_t *actions_for(struct server *s, struct unit *u, const char *uri, json_t *params)
{
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
        if (strcmp(code, "missing-owner") == 0) {
            json_t *action = owner_action(s, u, uri, d,
                                          lsp_offset(s, u->root, json_object_get(range, "start")));
            if (action)
                json_array_append_new(list, action);
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
            if (kr->id.at.src != u->root || kr->progress->status == PROGRESS_NO_DATA)
                continue;
            /* At the end of the line that names the key result. */
            const char *text = u->root->text;
            uint32_t eol = kr->id.at.end;
            while (eol < u->root->len && text[eol] != '\n')
                eol++;
            if (eol > kr->id.at.end && text[eol - 1] == '\r')
                eol--;
            char label[64];
            snprintf(label, sizeof label, "%.2f %s", kr->progress->score,
                     progress_status_name(kr->progress->status));
            json_array_append_new(list, json_pack("{s:o,s:s,s:b}", "position",
                                                  lsp_position(s, u->root, eol), "label", label,
                                                  "paddingLeft", 1));
        }
    }
    return list;
}
