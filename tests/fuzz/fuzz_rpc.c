/* fuzz_rpc.c — libFuzzer target for the language server's message reader
 * (src/lsp/rpc.c): the input is a message body, framed and read as a
 * client's; every string value is then asked for through rpc_string, the
 * way the server reads a document's text. The long-string decoder must
 * agree with jansson: a body jansson reads without the fast path is read
 * to the same strings with it. */
#include "lsp/rpc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void visit(const struct rpc *r, json_t *v)
{
    size_t len, i;
    const char *key;
    json_t *x;
    if (json_is_string(v)) {
        const char *s = rpc_string(r, v, &len);
        volatile size_t sum = 0;
        for (size_t k = 0; k < len; k++)    /* every byte readable */
            sum += (unsigned char)s[k];
        (void)sum;
    } else if (json_is_object(v)) {
        json_object_foreach(v, key, x) visit(r, x);
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x) visit(r, x);
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", size);
    char *frame = malloc((size_t)h + size);
    memcpy(frame, head, (size_t)h);
    memcpy(frame + h, data, size);
    FILE *in = fmemopen(frame, (size_t)h + size, "rb");
    FILE *out = fopen("/dev/null", "wb");
    struct rpc r = {.in = in, .out = out};
    json_t *msg = NULL;
    if (rpc_read(&r, &msg) == RPC_MESSAGE) {
        visit(&r, msg);
        /* The same body through jansson alone: the same value. */
        json_error_t err;
        json_t *plain = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
        if (plain && json_is_object(plain) && json_is_string(json_object_get(plain, "text"))) {
            size_t len;
            const char *fast = rpc_string(&r, json_object_get(msg, "text"), &len);
            json_t *t = json_object_get(plain, "text");
            if (!fast || len != json_string_length(t) || memcmp(fast, json_string_value(t), len) != 0)
                abort();
        }
        json_decref(plain);
        json_decref(msg);
    }
    rpc_release(&r);
    fclose(in);
    fclose(out);
    free(frame);
    return 0;
}
