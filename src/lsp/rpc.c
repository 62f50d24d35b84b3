/* rpc.c — Content-Length framing and JSON-RPC 2.0 envelopes over jansson.
 * A frame that is wrong is answered with a parse error and skipped; the
 * reader then looks for the next Content-Length header, so that one bad
 * message never takes the session down. */
#include "lsp/rpc.h"
#include "lib/utf8.h"

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

/* ---- long strings: a document's text, decoded here ----
 *
 * jansson reads a string byte by byte (10 ms for a 1 MB plan, a third of
 * the time from a keystroke to its diagnostics). A string of the message
 * longer than RPC_LONG_STRING is decoded here with memchr over its plain
 * runs and stands in the JSON given to jansson as "\u0000N" (N its index),
 * which no client sends: JSON_ALLOW_NUL lets jansson read it, and
 * rpc_string finds the text again. A string this code cannot decode
 * exactly as RFC 8259 says is left to jansson and its error. */
#define RPC_LONG_STRING 4096

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static long hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(p[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The string body s[0..n) (between its quotes) decoded into out (at most n
 * bytes); false when it is not a valid JSON string of valid UTF-8. */
static bool decode_string(const char *s, size_t n, char *out, size_t *out_len)
{
    const char *p = s, *end = s + n;
    char *o = out;
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        const char *run_end = bs ? bs : end;
        for (const char *q = p; q < run_end; q++)
            if ((unsigned char)*q < 0x20)
                return false;       /* a raw control character */
        memcpy(o, p, (size_t)(run_end - p));
        o += run_end - p;
        if (!bs)
            break;
        p = bs + 1;
        if (p == end)
            return false;
        char c = *p++;
        switch (c) {
        case '"': case '\\': case '/': *o++ = c; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            long cp = hex4(p, end);
            if (cp < 0)
                return false;
            p += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return false;       /* a low surrogate alone */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long low = end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2, end) : -1;
                if (low < 0xDC00 || low > 0xDFFF)
                    return false;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            o += utf8_encode((uint32_t)cp, o);
            break;
        }
        default:
            return false;
        }
    }
    *out_len = (size_t)(o - out);
    return utf8_valid(out, *out_len);
}

static void release_longs(struct rpc *r)
{
    for (size_t i = 0; i < r->n_longs; i++)
        free(r->longs[i].text);
    r->n_longs = 0;
}

void rpc_release(struct rpc *r)
{
    release_longs(r);
    free(r->longs);
    r->longs = NULL;
    r->cap_longs = 0;
}

/* body with each long string decoded aside and replaced by its stand-in
 * (in place: a stand-in is shorter than what it replaces); the new length. */
static size_t lift_long_strings(struct rpc *r, char *body, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        if (body[i] != '"') {
            body[w++] = body[i++];
            continue;
        }
        /* the closing quote: the first one after an even run of backslashes */
        size_t j = i + 1;
        for (;;) {
            const char *q = memchr(body + j, '"', len - j);
            if (!q) {
                j = len;
                break;
            }
            j = (size_t)(q - body);
            size_t k = j;
            while (k > i + 1 && body[k - 1] == '\\')
                k--;
            if ((j - k) % 2 == 0)
                break;
            j++;
        }
        if (j >= len) {             /* not closed: jansson says so */
            memmove(body + w, body + i, len - i);
            return w + (len - i);
        }
        size_t n = j - i - 1;
        char *text = n >= RPC_LONG_STRING ? malloc(n + 1) : NULL;
        size_t text_len;
        if (text && decode_string(body + i + 1, n, text, &text_len)) {
            if (r->n_longs == r->cap_longs) {
                r->cap_longs = r->cap_longs ? 2 * r->cap_longs : 4;
                r->longs = realloc(r->longs, r->cap_longs * sizeof *r->longs);
            }
            text[text_len] = '\0';
            r->longs[r->n_longs] = (struct rpc_long_string){text, text_len};
            w += (size_t)snprintf(body + w, 32, "\"\\u0000%zu\"", r->n_longs);
            r->n_longs++;
        } else {
            free(text);
            memmove(body + w, body + i, n + 2);
            w += n + 2;
        }
        i = j + 1;
    }
    return w;
}

const char *rpc_string(const struct rpc *r, json_t *v, size_t *len)
{
    if (!json_is_string(v))
        return NULL;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n >= 2 && s[0] == '\0') {
        size_t k = (size_t)strtoul(s + 1, NULL, 10);
        if (k < r->n_longs) {
            *len = r->longs[k].len;
            return r->longs[k].text;
        }
    }
    *len = n;
    return s;
}

enum rpc_read rpc_read(struct rpc *r, json_t **msg)
{
    release_longs(r);
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
    size_t json_len = lift_long_strings(r, body, (size_t)length);
    json_error_t err;
    json_t *j = json_loadb(body, json_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
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
