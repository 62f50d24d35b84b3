/* source.h — one loaded file, its comments, and byte-offset spans into it. */
#ifndef OKRC_SOURCE_H
#define OKRC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/text.h"

struct arena;

struct comment {
    uint32_t start, end;    /* byte offsets of '#' and of the end of line */
    struct comment *next;
};

struct source {
    const char *path;       /* as the user or the importer wrote it */
    const char *dir;        /* directory for resolving "./" imports */
    char *text;             /* contents (BOM removed), two NUL bytes after; malloc'd */
    size_t len;
    bool bom;               /* the file began with a byte-order mark (fmt keeps it) */
    int index;              /* load order, for sorting diagnostics */
    struct arena *arena;
    uint32_t *line_starts;  /* computed on first use */
    size_t line_count;
    struct comment *comments, *comments_tail; /* in source order, for fmt */
};

/* A span is two byte offsets into one source; line and column (in code
 * points) are worked out only when a message is rendered. */
typedef struct {
    const struct source *src;
    uint32_t start, end;
} span;

struct position {
    int line, column;       /* 1-based; column counts code points */
};
struct position source_position(struct source *src, uint32_t offset);
str source_line(struct source *src, int line);   /* without the newline */
void source_free(struct source *src);
/* A source from bytes in memory (tests, fuzzing); the bytes are copied. */
struct source *source_from_memory(struct arena *a, const char *name, const char *data,
                                  size_t len, int index);
/* Reads path ("-" is standard input): a regular file (or a pipe) of at most
 * max bytes, the size checked with fstat before reading; NULL with err
 * filled on failure. */
struct source *source_read(struct arena *a, const char *path, int index, size_t max,
                           char *err, size_t errlen);

#endif
