/* rpc.c — Content-Length framing and JSON-RPC 2.0 envelopes over jansson.
 * A frame that is wrong is answered with a parse error and skipped; the
 * reader then looks for the next Content-Length header, so that one bad
 * message never takes the session down. */
#include "lsp/rpc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void rpc_log(struct rpc *r, const char *fmt, ...)
{
    if (!r->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(r->log, fmt, ap);
    va_end(ap);
    fputc('\n', r->log);
    fflush(r->log);
}

/* One header line without its CR LF, truncated to what fits in buf (a
 * header longer than that is no header we know). False at end of input. */
static bool read_line(FILE *in, char *buf, size_t cap, size_t *len)
{
    size_t n = 0;
    int c;
    bool any = false;
    while ((c = getc(in)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (n + 1 < cap)
            buf[n++] = (char)c;
    }
    if (!any)
        return false;
    if (n && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    *len = n;
    return c != EOF || n > 0;
}

enum rpc_read rpc_read(struct rpc *r, json_t **msg)
{
    char line[256];
    size_t len;
    long long length = -1;
    bool header_seen = false;
    for (;;) {
        if (!read_line(r->in, line, sizeof line, &len))
            return RPC_EOF;
        if (len == 0) {
            if (header_seen)
                break;
            continue;           /* blank lines between frames */
        }
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *end;
            errno = 0;
            length = strtoll(line + 15, &end, 10);
            while (*end == ' ' || *end == '\t')
                end++;
            if (errno || end == line + 15 || *end || length < 0)
                length = -2;    /* present but not a number */
            header_seen = true;
        } else if (strchr(line, ':') && header_seen) {
            continue;           /* Content-Type and the like */
        } else if (strchr(line, ':') && !header_seen && strncasecmp(line, "Content-Type:", 13) == 0) {
            header_seen = true;
        } else {
            rpc_log(r, "skipped a line that is no header: %.80s", line);
        }
    }
    if (length < 0) {
        rpc_log(r, "a message without a valid Content-Length header");
        rpc_error(r, NULL, RPC_PARSE_ERROR, "missing or invalid Content-Length header");
        return RPC_BAD_MESSAGE;
    }
    if ((unsigned long long)length > RPC_MAX_MESSAGE) {
        rpc_log(r, "a message of %lld bytes, over the limit: skipped", length);
        for (long long i = 0; i < length; i++)
            if (getc(r->in) == EOF)
                return RPC_EOF;
        rpc_error(r, NULL, RPC_REQUEST_FAILED, "message larger than the limit of 64 MiB");
        return RPC_BAD_MESSAGE;
    }
    char *body = malloc((size_t)length + 1);
    if (!body) {
        rpc_error(r, NULL, RPC_INTERNAL_ERROR, "out of memory");
        return RPC_BAD_MESSAGE;
    }
    size_t got = fread(body, 1, (size_t)length, r->in);
    if (got < (size_t)length) {
        rpc_log(r, "input ended inside a message (%zu of %lld bytes)", got, length);
        free(body);
        return RPC_EOF;
    }
    json_error_t err;
    json_t *j = json_loadb(body, (size_t)length, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    free(body);
    if (!j) {
        rpc_log(r, "not JSON: %s (line %d, column %d)", err.text, err.line, err.column);
        rpc_error(r, NULL, RPC_PARSE_ERROR, err.text);
        return RPC_BAD_MESSAGE;
    }
    *msg = j;
    return RPC_MESSAGE;
}

/* One framed message of n bytes from the parts given. */
static void send_parts(struct rpc *r, const char *const *parts, const size_t *lens, size_t count)
{
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        n += lens[i];
    if (r->broken)
        return;
    bool ok = fprintf(r->out, "Content-Length: %zu\r\n\r\n", n) >= 0;
    for (size_t i = 0; ok && i < count; i++)
        ok = fwrite(parts[i], 1, lens[i], r->out) == lens[i];
    if (!ok || fflush(r->out) != 0) {
        r->broken = true;
        rpc_log(r, "cannot write to the client: %s", strerror(errno));
    }
}

void rpc_notify_text(struct rpc *r, const char *method, const char *params, size_t len)
{
    char head[128];
    int k = snprintf(head, sizeof head, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\",\"params\":", method);
    if (k < 0 || (size_t)k >= sizeof head)
        return;
    const char *parts[] = {head, params, "}"};
    const size_t lens[] = {(size_t)k, len, 1};
    send_parts(r, parts, lens, 3);
}

void rpc_send(struct rpc *r, json_t *msg)
{
    char *text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!text || r->broken) {
        free(text);
        return;
    }
    const char *parts[] = {text};
    const size_t lens[] = {strlen(text)};
    send_parts(r, parts, lens, 1);
    free(text);
}

static json_t *envelope(void)
{
    json_t *m = json_object();
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    return m;
}

void rpc_respond(struct rpc *r, json_t *id, json_t *result)
{
    json_t *m = envelope();
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    rpc_send(r, m);
}

void rpc_error(struct rpc *r, json_t *id, int code, const char *message)
{
    json_t *m = envelope(), *e = json_object();
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(e, "code", json_integer(code));
    json_object_set_new(e, "message", json_string(message));
    json_object_set_new(m, "error", e);
    rpc_send(r, m);
}

void rpc_notify(struct rpc *r, const char *method, json_t *params)
{
    json_t *m = envelope();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params);
    rpc_send(r, m);
}
