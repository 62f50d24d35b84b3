/* server.c — one LSP session: the lifecycle (initialize, shutdown, exit),
 * the open documents (full sync) and their diagnostics. Each open document
 * is compiled as the root of a plan, as `okrc check FILE` would, with every
 * open buffer standing in for its file on disk (load.h's overlay). */
#define _GNU_SOURCE
#include "lsp/lsp.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/load.h"
#include "lib/model.h"
#include "lib/plan.h"
#include "lib/project.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/version.h"
#include "lsp/actions.h"
#include "lsp/format.h"
#include "lsp/navigate.h"
#include "lsp/outline.h"
#include "lsp/rpc.h"
#include "lsp/server.h"
#include "lsp/tokens.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#define RULES_DOC_URI "https://github.com/okrc/okrc/blob/main/docs/rules.md#"

/* ---- URIs and paths ---- */

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* file:///a%20b → /a b; another scheme stays as it is (a name, no file). */
static char *uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return strdup(uri);
    const char *p = uri + 7;
    char *out = malloc(strlen(p) + 1), *o = out;
    for (; *p; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            *o++ = (char)(hex(p[1]) * 16 + hex(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

static char *path_to_uri(const char *path)
{
    static const char digits[] = "0123456789ABCDEF";
    char *out = malloc(strlen(path) * 3 + 8), *o = out;
    memcpy(o, "file://", 7);
    o += 7;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = digits[*p >> 4];
            *o++ = digits[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

static char *canonical(const char *path)
{
    char *c = realpath(path, NULL);
    return c ? c : strdup(path);
}

/* ---- positions: byte offsets ↔ LSP positions in the negotiated units ---- */

static enum source_unit unit_of(enum encoding enc)
{
    return enc == ENC_UTF8 ? UNIT_BYTES : enc == ENC_UTF16 ? UNIT_UTF16 : UNIT_CODE_POINTS;
}

enum source_unit lsp_unit(const struct server *s)
{
    return unit_of(s->encoding);
}

/* Both directions go through the source's line index (lib/source.h): a
 * position costs O(log lines), whatever the file and line lengths. */
json_t *lsp_position(const struct server *s, const struct source *src, uint32_t offset)
{
    struct position p = source_position(src, offset);
    size_t ch = source_column(src, offset, unit_of(s->encoding));
    return json_pack("{s:i,s:I}", "line", p.line - 1, "character", (json_int_t)ch);
}

uint32_t lsp_offset(const struct server *s, const struct source *src, json_t *position)
{
    json_int_t line = json_integer_value(json_object_get(position, "line"));
    json_int_t ch = json_integer_value(json_object_get(position, "character"));
    if (line < 0)
        return 0;
    return source_offset(src, (size_t)line, ch < 0 ? 0 : (size_t)ch, unit_of(s->encoding));
}

json_t *lsp_range(const struct server *s, span at)
{
    return json_pack("{s:o,s:o}", "start", lsp_position(s, at.src, at.start), "end",
                     lsp_position(s, at.src, at.end));
}

/* ---- documents ---- */

static struct document *find_document(struct server *s, const char *uri)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    return NULL;
}

static const char *overlay(void *ctx, const char *path, size_t *len)
{
    struct server *s = ctx;
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i]->canon, path) == 0) {
            *len = s->docs[i]->len;
            return s->docs[i]->text;
        }
    return NULL;
}

/* Frees a unit; its arena's memory goes to `next` when given (the unit
 * compiled in its place), so that a recompile on every keystroke reuses
 * its pages. */
static void unit_free(struct unit *u, struct arena *next)
{
    if (!u)
        return;
    free(u->occurrences);
    for (size_t i = 0; i < u->n_deps; i++)
        free(u->deps[i]);
    free(u->deps);
    plan_free(&u->plan);
    if (next)
        arena_recycle(next, &u->arena);
    arena_free(&u->arena);
    free(u);
}

static void compile(struct server *s, struct document *d)
{
    struct unit *u = calloc(1, sizeof *u);
    if (!u)
        out_of_memory();
    unit_free(d->unit, &u->arena);
    d->unit = NULL;
    diag_init(&u->diags, &u->arena);
    plan_init(&u->plan, &u->arena, &u->diags);
    u->plan.as_of = s->as_of;
    /* A team's file of a plan that spans files is compiled with the entries
     * of its plan (lib/project.h), found on disk whether they are open or
     * not; the document comes first, so that it is the unit's root. Its
     * findings alone are published (publish keeps the root's). */
    const char *path = d->path, *top = load_default_root(&u->arena, path);
    char **candidates = NULL;
    int count = 0;
    struct project project = {0};
    struct load_opts opts = {.overlay = overlay, .overlay_ctx = s, .keep_copies = true};
    if (top)
        project_candidates(&u->arena, top, &path, 1, &candidates, &count);
    if (!top || !project_find(&u->arena, (const char *const *)candidates, (size_t)count, &path, 1,
                              &opts, &project))
        project.n_entries = 0;
    const char **files = arena_alloc(&u->arena, (project.n_entries + 2) * sizeof *files);
    files[0] = d->path;
    for (size_t i = 0; i < project.n_entries; i++)
        files[i + 1] = project.entries[i];
    plan_compile_overlay(&u->plan, files, project.n_entries + 1, overlay, s);
    u->deps = calloc(u->plan.sources.len + 1, sizeof *u->deps);
    for (size_t i = 0; i < u->plan.sources.len; i++) {
        struct source *src = u->plan.sources.items[i];
        if (src->path == d->path || strcmp(src->path, d->path) == 0)
            u->root = src;
        u->deps[u->n_deps++] = canonical(src->path);
    }
    d->unit = u;
}

/* The URI for a source: the open document's own when it is one. */
char *source_uri(struct server *s, const struct source *src)
{
    char *canon = canonical(src->path);
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i]->canon, canon) == 0) {
            free(canon);
            return strdup(s->docs[i]->uri);
        }
    char *uri = src->path[0] == '/' ? path_to_uri(canon) : strdup(canon);
    free(canon);
    return uri;
}

static int lsp_severity(enum severity sev)
{
    return sev == SEV_ERROR ? 1 : sev == SEV_WARNING ? 2 : 3;
}

/* One diagnostic in the client's terms. */
static json_t *lsp_diagnostic(struct server *s, const struct diag *g)
{
    const char *rule = rule_info(g->rule)->name;
    json_t *o = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", lsp_range(s, g->at), "severity",
                          lsp_severity(g->severity), "code", rule, "source", "okrc",
                          "message", g->message);
    json_object_set_new(o, "codeDescription",
                        json_pack("{s:s+}", "href", RULES_DOC_URI, rule));
    if (g->notes) {
        json_t *related = json_array();
        for (const struct diag_note *n = g->notes; n; n = n->next) {
            if (!n->at.src)
                continue;
            char *uri = source_uri(s, n->at.src);
            json_array_append_new(related,
                                  json_pack("{s:{s:s,s:o},s:s}", "location", "uri", uri, "range",
                                            lsp_range(s, n->at), "message", n->message));
            free(uri);
        }
        json_object_set_new(o, "relatedInformation", related);
    }
    return o;
}

/* The notification is written a diagnostic at a time (rpc_notify_text):
 * a plan of 1 MB may have 100,000 findings. */
static void publish(struct server *s, struct document *d)
{
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);
    if (!f)
        return;
    json_t *uri_json = json_string(d->uri);
    char *uri = json_dumps(uri_json, JSON_ENCODE_ANY);
    json_decref(uri_json);
    fprintf(f, "{\"uri\":%s,\"diagnostics\":[", uri ? uri : "\"\"");
    free(uri);
    struct unit *u = d->unit;
    bool first = true;
    for (size_t i = 0; u && i < u->diags.list.len; i++) {
        const struct diag *g = u->diags.list.items[i];
        if (!g->at.src || g->at.src != u->root)
            continue;           /* shown when its own file is open */
        json_t *o = lsp_diagnostic(s, g);
        char *text = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        if (text) {
            fputs(first ? "" : ",", f);
            fputs(text, f);
            first = false;
        }
        free(text);
    }
    fputs("]}", f);
    if (fclose(f) == 0)
        rpc_notify_text(&s->rpc, "textDocument/publishDiagnostics", body, len);
    free(body);
}

/* Re-checks d and every open document whose plan read d's file. */
static void recheck(struct server *s, struct document *d)
{
    compile(s, d);
    publish(s, d);
    for (size_t i = 0; i < s->n_docs; i++) {
        struct document *o = s->docs[i];
        if (o == d || !o->unit)
            continue;
        for (size_t k = 0; k < o->unit->n_deps; k++)
            if (strcmp(o->unit->deps[k], d->canon) == 0) {
                compile(s, o);
                publish(s, o);
                break;
            }
    }
}

static void set_text(struct document *d, const char *text, size_t len)
{
    free(d->text);
    d->text = malloc(len + 1);
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
}

static void document_free(struct document *d)
{
    unit_free(d->unit, NULL);
    free(d->uri);
    free(d->path);
    free(d->canon);
    free(d->text);
    free(d);
}

/* ---- requests and notifications ---- */

static const char *text_document_uri(json_t *params)
{
    return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static void did_open(struct server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    size_t len;
    const char *text = rpc_string(&s->rpc, json_object_get(td, "text"), &len);
    if (!uri || !text) {
        rpc_log(&s->rpc, "didOpen without a uri and text: ignored");
        return;
    }
    struct document *d = find_document(s, uri);
    if (!d) {
        d = calloc(1, sizeof *d);
        d->uri = strdup(uri);
        d->path = uri_to_path(uri);
        d->canon = canonical(d->path);
        if (s->n_docs == s->cap_docs) {
            s->cap_docs = s->cap_docs ? 2 * s->cap_docs : 8;
            s->docs = realloc(s->docs, s->cap_docs * sizeof *s->docs);
        }
        s->docs[s->n_docs++] = d;
    }
    set_text(d, text, len);
    recheck(s, d);
}

static void did_change(struct server *s, json_t *params)
{
    struct document *d = find_document(s, text_document_uri(params) ? text_document_uri(params) : "");
    json_t *changes = json_object_get(params, "contentChanges");
    if (!d || !json_is_array(changes) || json_array_size(changes) == 0) {
        rpc_log(&s->rpc, "didChange for no open document: ignored");
        return;
    }
    /* Full sync: the last change holds the whole text. */
    size_t len;
    const char *text = rpc_string(&s->rpc, json_object_get(json_array_get(changes, json_array_size(changes) - 1), "text"),
                                  &len);
    if (!text)
        return;
    set_text(d, text, len);
    recheck(s, d);
}

static void did_save(struct server *s, json_t *params)
{
    const char *uri = text_document_uri(params);
    struct document *d = uri ? find_document(s, uri) : NULL;
    if (!d)
        return;
    size_t len;
    const char *text = rpc_string(&s->rpc, json_object_get(params, "text"), &len);
    if (text)
        set_text(d, text, len);
    recheck(s, d);
}

static void did_close(struct server *s, json_t *params)
{
    const char *uri = text_document_uri(params);
    for (size_t i = 0; uri && i < s->n_docs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0) {
            struct document *d = s->docs[i];
            s->docs[i] = s->docs[--s->n_docs];
            rpc_notify(&s->rpc, "textDocument/publishDiagnostics",
                       json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
            /* Its users now read the file from disk again. */
            char *canon = strdup(d->canon);
            document_free(d);
            for (size_t k = 0; k < s->n_docs; k++)
                for (size_t j = 0; s->docs[k]->unit && j < s->docs[k]->unit->n_deps; j++)
                    if (strcmp(s->docs[k]->unit->deps[j], canon) == 0) {
                        compile(s, s->docs[k]);
                        publish(s, s->docs[k]);
                        break;
                    }
            free(canon);
            return;
        }
}

static json_t *initialize(struct server *s, json_t *params)
{
    /* utf-8 when the client offers it (no conversion), else UTF-16. */
    json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                   "positionEncodings");
    size_t i;
    json_t *e;
    s->encoding = ENC_UTF16;
    json_array_foreach(encs, i, e) {
        const char *name = json_string_value(e);
        if (name && strcmp(name, "utf-8") == 0) {
            s->encoding = ENC_UTF8;
            break;
        }
        if (name && strcmp(name, "utf-32") == 0)
            s->encoding = ENC_UTF32;
    }
    s->as_of = date_today();
    const char *as_of = json_string_value(json_object_get(json_object_get(params, "initializationOptions"), "asOf"));
    okr_day day;
    if (as_of && date_parse(as_of, strlen(as_of), &day))
        s->as_of = day;
    else if (as_of)
        rpc_log(&s->rpc, "initializationOptions.asOf '%s' is no date (YYYY-MM-DD): using today", as_of);
    static const char *const names[] = {"utf-16", "utf-8", "utf-32"};
    json_t *caps = json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:b,s:b,s:b,s:b,s:b,s:{s:[s,s]},s:{s:[s]},s:b,s:b,s:b,s:{s:b},s:{s:o,s:b}}",
                             "positionEncoding",
                             names[s->encoding], "textDocumentSync", "openClose", 1, "change", 1,
                             "save", "includeText", 1, "hoverProvider", 1, "definitionProvider", 1,
                             "referencesProvider", 1, "documentHighlightProvider", 1,
                             "documentSymbolProvider", 1, "foldingRangeProvider", 1,
                             "completionProvider", "triggerCharacters", ".", "@",
                             "codeActionProvider", "codeActionKinds", "quickfix", "inlayHintProvider", 1,
                             "workspaceSymbolProvider", 1, "documentFormattingProvider", 1,
                             "renameProvider", "prepareProvider", 1,
                             "semanticTokensProvider", "legend", tokens_legend(), "full", 1);
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps, "serverInfo", "name", "okrc",
                     "version", OKRC_VERSION);
}

/* ---- the methods: one table, one handler each ---- */

/* One message being handled: the request's id (NULL for a notification),
 * its params, and what the table said the method needs, found. */
struct call {
    struct server *s;
    json_t *id, *params;
    const char *method;
    struct document *doc;   /* NEEDS_DOCUMENT, NEEDS_POSITION: open and compiled */
    uint32_t offset;        /* NEEDS_POSITION: the position as a byte offset */
};

static void m_initialize(struct call *c)
{
    if (c->s->initialized) {
        rpc_error(&c->s->rpc, c->id, RPC_INVALID_REQUEST, "initialize was sent twice");
        return;
    }
    c->s->initialized = true;
    rpc_respond(&c->s->rpc, c->id, initialize(c->s, c->params));
}

static void m_shutdown(struct call *c)
{
    c->s->shutdown_requested = true;
    rpc_respond(&c->s->rpc, c->id, json_null());
}

static void m_did_open(struct call *c) { did_open(c->s, c->params); }
static void m_did_change(struct call *c) { did_change(c->s, c->params); }
static void m_did_save(struct call *c) { did_save(c->s, c->params); }
static void m_did_close(struct call *c) { did_close(c->s, c->params); }

static void m_code_action(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, actions_for(c->s, c->doc->unit, c->doc->uri, c->params));
}

static void m_inlay_hint(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, actions_inlay_hints(c->s, c->doc->unit));
}

static void m_document_symbol(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, outline_symbols(c->s, c->doc->unit));
}

static void m_folding_range(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, outline_folding(c->s, c->doc->unit));
}

static void m_workspace_symbol(struct call *c)
{
    const char *query = json_string_value(json_object_get(c->params, "query"));
    rpc_respond(&c->s->rpc, c->id, outline_workspace_symbols(c->s, query ? query : ""));
}

static void m_formatting(struct call *c)
{
    const char *error = NULL;
    json_t *edits = format_document(c->s, c->doc, &error);
    if (edits)
        rpc_respond(&c->s->rpc, c->id, edits);
    else
        rpc_error(&c->s->rpc, c->id, RPC_REQUEST_FAILED, error);
}

static void m_prepare_rename(struct call *c)
{
    const char *error = NULL;
    json_t *r = navigate_prepare_rename(c->s, c->doc->unit, c->offset, &error);
    if (r)
        rpc_respond(&c->s->rpc, c->id, r);
    else
        rpc_error(&c->s->rpc, c->id, RPC_REQUEST_FAILED, error);
}

static void m_rename(struct call *c)
{
    const char *name = json_string_value(json_object_get(c->params, "newName"));
    if (!name) {
        rpc_error(&c->s->rpc, c->id, RPC_INVALID_PARAMS, "newName must be a string");
        return;
    }
    const char *error = NULL;
    json_t *r = navigate_rename(c->s, c->doc->unit, c->offset, name, &error);
    if (r)
        rpc_respond(&c->s->rpc, c->id, r);
    else
        rpc_error(&c->s->rpc, c->id, RPC_REQUEST_FAILED, error);
}

static void m_semantic_tokens(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, tokens_full(c->s, c->doc->unit));
}

static void m_completion(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, outline_complete(c->s, c->doc->unit, c->offset));
}

/* hover, definition, references, documentHighlight (navigate.c). */
static void m_navigate(struct call *c)
{
    rpc_respond(&c->s->rpc, c->id, navigate(c->s, c->doc->unit, c->method, c->params, c->offset));
}

enum needs { NEEDS_NOTHING, NEEDS_DOCUMENT, NEEDS_POSITION };
static const struct method {
    const char *name;
    bool request;           /* answered; else a notification */
    enum needs needs;
    void (*handle)(struct call *c);
} methods[] = {
    {"initialize", true, NEEDS_NOTHING, m_initialize},
    {"shutdown", true, NEEDS_NOTHING, m_shutdown},
    {"textDocument/didOpen", false, NEEDS_NOTHING, m_did_open},
    {"textDocument/didChange", false, NEEDS_NOTHING, m_did_change},
    {"textDocument/didSave", false, NEEDS_NOTHING, m_did_save},
    {"textDocument/didClose", false, NEEDS_NOTHING, m_did_close},
    {"textDocument/codeAction", true, NEEDS_DOCUMENT, m_code_action},
    {"textDocument/inlayHint", true, NEEDS_DOCUMENT, m_inlay_hint},
    {"textDocument/documentSymbol", true, NEEDS_DOCUMENT, m_document_symbol},
    {"textDocument/foldingRange", true, NEEDS_DOCUMENT, m_folding_range},
    {"textDocument/completion", true, NEEDS_POSITION, m_completion},
    {"textDocument/formatting", true, NEEDS_DOCUMENT, m_formatting},
    {"textDocument/semanticTokens/full", true, NEEDS_DOCUMENT, m_semantic_tokens},
    {"textDocument/prepareRename", true, NEEDS_POSITION, m_prepare_rename},
    {"textDocument/rename", true, NEEDS_POSITION, m_rename},
    {"workspace/symbol", true, NEEDS_NOTHING, m_workspace_symbol},
    {"textDocument/hover", true, NEEDS_POSITION, m_navigate},
    {"textDocument/definition", true, NEEDS_POSITION, m_navigate},
    {"textDocument/references", true, NEEDS_POSITION, m_navigate},
    {"textDocument/documentHighlight", true, NEEDS_POSITION, m_navigate},
};

static const struct method *find_method(const char *name, bool request)
{
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
        if (methods[i].request == request && strcmp(methods[i].name, name) == 0)
            return &methods[i];
    return NULL;
}

/* Finds what the method needs; false after answering with the error. */
static bool find_needs(struct call *c, enum needs needs)
{
    if (needs == NEEDS_NOTHING)
        return true;
    const char *uri = text_document_uri(c->params);
    c->doc = uri ? find_document(c->s, uri) : NULL;
    if (!c->doc || !c->doc->unit || !c->doc->unit->root) {
        rpc_error(&c->s->rpc, c->id, RPC_INVALID_PARAMS, "textDocument must be open");
        return false;
    }
    if (needs == NEEDS_POSITION) {
        json_t *position = json_object_get(c->params, "position");
        if (!json_is_object(position)) {
            rpc_error(&c->s->rpc, c->id, RPC_INVALID_PARAMS, "a position is needed");
            return false;
        }
        c->offset = lsp_offset(c->s, c->doc->unit->root, position);
    }
    return true;
}

/* The protocol's rules first (initialize before all, nothing after
 * shutdown but exit, well-formed messages), then the table. */
static void dispatch(struct server *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        rpc_error(&s->rpc, NULL, RPC_INVALID_REQUEST, "a message must be a JSON object");
        return;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *params = json_object_get(msg, "params");
    const char *method = json_string_value(json_object_get(msg, "method"));
    bool request = id != NULL;
    if (request && !json_is_string(id) && !json_is_integer(id)) {
        rpc_error(&s->rpc, NULL, RPC_INVALID_REQUEST, "id must be a number or a string");
        return;
    }
    if (!method) {
        if (!request || (!json_object_get(msg, "result") && !json_object_get(msg, "error")))
            rpc_error(&s->rpc, id, RPC_INVALID_REQUEST, "a request needs a method");
        return;                 /* a response to us: we send no requests */
    }
    rpc_log(&s->rpc, "%s %s", request ? "request" : "notification", method);
    if (strcmp(method, "exit") == 0) {
        s->exited = true;
        return;
    }
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        if (request)
            rpc_error(&s->rpc, id, RPC_SERVER_NOT_INITIALIZED, "initialize first");
        return;
    }
    if (s->shutdown_requested) {
        if (request)
            rpc_error(&s->rpc, id, RPC_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (json_is_null(params))
        params = NULL;          /* "params": null is what some clients send for none */
    if (params && !json_is_object(params) && !json_is_array(params)) {
        if (request)
            rpc_error(&s->rpc, id, RPC_INVALID_PARAMS, "params must be an object");
        return;
    }
    const struct method *m = find_method(method, request);
    struct call c = {s, id, params, method, NULL, 0};
    if (m && find_needs(&c, m->needs))
        m->handle(&c);
    else if (!m && request)
        rpc_error(&s->rpc, id, RPC_METHOD_NOT_FOUND, "method not supported by okrc");
    /* Other notifications (initialized, $/cancelRequest, ...) need nothing. */
}

int lsp_serve(FILE *in, FILE *out, FILE *log)
{
    struct server s = {.rpc = {.in = in, .out = out, .log = log}};
    signal(SIGPIPE, SIG_IGN);   /* a client that disappears is a write error */
    rpc_log(&s.rpc, "okrc lsp %s started", OKRC_VERSION);
    while (!s.exited && !s.rpc.broken) {
        json_t *msg;
        enum rpc_read r = rpc_read(&s.rpc, &msg);
        if (r == RPC_EOF) {
            rpc_log(&s.rpc, "input ended");
            break;
        }
        if (r == RPC_MESSAGE) {
            dispatch(&s, msg);
            json_decref(msg);
        }
    }
    for (size_t i = 0; i < s.n_docs; i++)
        document_free(s.docs[i]);
    free(s.docs);
    rpc_release(&s.rpc);
    rpc_log(&s.rpc, "stopped %s shutdown", s.shutdown_requested ? "after" : "without");
    return s.shutdown_requested ? 0 : 1;
}
