/* rpc.h — JSON-RPC 2.0 messages framed by Content-Length headers, as the
 * Language Server Protocol sends them over a byte stream. */
#ifndef OKRC_LSP_RPC_H
#define OKRC_LSP_RPC_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

/* The JSON-RPC error codes LSP uses. */
enum {
    RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602, RPC_INTERNAL_ERROR = -32603,
    RPC_SERVER_NOT_INITIALIZED = -32002, RPC_REQUEST_FAILED = -32803,
};

/* The largest message accepted: a 10 MB document escaped as JSON fits. */
#define RPC_MAX_MESSAGE (64u * 1024 * 1024)

/* A long string of the message being handled, decoded by rpc.c itself. */
struct rpc_long_string {
    char *text;
    size_t len;
};

struct rpc {
    FILE *in, *out, *log;   /* log may be NULL */
    bool broken;            /* the output could not be written: the client is gone */
    struct rpc_long_string *longs;  /* of the last message read; freed by the next read */
    size_t n_longs, cap_longs;
};

enum rpc_read { RPC_MESSAGE, RPC_BAD_MESSAGE, RPC_EOF };
/* Reads one message. RPC_BAD_MESSAGE: the frame or its JSON was wrong (a
 * parse error has been answered; the stream is resynchronised on the next
 * header). *msg is set only for RPC_MESSAGE, and the caller owns it. */
enum rpc_read rpc_read(struct rpc *r, json_t **msg);
/* The text of a string value of the last message read (a document's whole
 * text is decoded outside jansson, whose parser takes 10 ms for 1 MB); NULL
 * when v is no string. */
const char *rpc_string(const struct rpc *r, json_t *v, size_t *len);
/* Frees what the last message held (at the end of a session). */
void rpc_release(struct rpc *r);
/* Sends a message and releases it (json_decref). */
void rpc_send(struct rpc *r, json_t *msg);
void rpc_respond(struct rpc *r, json_t *id, json_t *result);      /* steals result */
void rpc_error(struct rpc *r, json_t *id, int code, const char *message);
void rpc_notify(struct rpc *r, const char *method, json_t *params);   /* steals params */
/* The same with params already written as JSON text (len bytes): a
 * notification of 100,000 diagnostics is written one diagnostic at a
 * time, never held as one document tree. method is plain ASCII. */
void rpc_notify_text(struct rpc *r, const char *method, const char *params, size_t len);
void rpc_log(struct rpc *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
