/* source.h — one loaded file, its comments, and byte-offset spans into it. */
#ifndef OKRC_SOURCE_H
#define OKRC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/arena.h"
#include "lib/text.h"


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
    struct line_index *lines;   /* built on first use (a const source may fill it) */
    struct comment *comments, *comments_tail; /* in source order, for fmt */
    struct vec units;       /* const char *: each unit its values write, once, in
                             * this source's arena (build.c); a check-in value
                             * keeps its index */
    /* A large file's bytes, once scanned, are handed back to the kernel's
     * page cache (source_hand_back): text is then an anonymous mapping of
     * `mapped` bytes whose scanned pages map the file itself. */
    size_t mapped;          /* 0: text is malloc'd */
    int file;               /* open while bytes may be handed back, else -1 */
    uint32_t hand_back_at;  /* the scanner hands back when it gets this far; UINT32_MAX: never */
    size_t handed_back;     /* bytes from the start that map the file */
    struct source_identity {
        uintmax_t dev, ino, size;
        long long mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
    } identity;             /* the file as read: handed back only while it is unchanged */
};

/* A span is two byte offsets into one source; line and column (in code
 * points) are worked out only when a message is rendered. */
typedef struct {
    const struct source *src;
    uint32_t start, end;
} span;

/* Lines and columns from one index per source, built as far as it is asked
 * for: the line by binary search over line starts, the column from counts
 * of code points and UTF-16 units kept every 64 bytes. Each position costs
 * O(log lines), however long the line, so that 20,000 findings on one line
 * cost no more than on 20,000 lines. The starts are found up to the
 * furthest offset asked about: `check` shows its first findings, and a file
 * of 10,000 objectives whose shown findings lie in its first tenth is read
 * for newlines that far, not to its end (docs/performance.md). */
struct line_index {
    uint32_t *starts;       /* byte offset of each line found so far; malloc'd, freed by source_free */
    size_t count;           /* lines found so far; all of them once `complete` */
    size_t cap;
    size_t scanned;         /* every line start at or before this offset is in starts */
    bool complete;
    uint32_t *code_points;  /* code points before each 64-byte block */
    uint32_t *utf16;        /* UTF-16 units before each 64-byte block */
};
struct position {
    int line, column;       /* 1-based; column counts code points */
};
struct position source_position(const struct source *src, uint32_t offset);
/* Columns as a client counts them, 0-based from the line's start. */
enum source_unit { UNIT_BYTES, UNIT_UTF16, UNIT_CODE_POINTS };
size_t source_column(const struct source *src, uint32_t offset, enum source_unit unit);
/* The byte offset of a 0-based line and column in units (clamped to the
 * line's end, never inside a character). */
uint32_t source_offset(const struct source *src, size_t line, size_t column, enum source_unit unit);
size_t source_line_count(const struct source *src);
uint32_t source_line_start(const struct source *src, int line);    /* 1-based */
str source_line(const struct source *src, int line);   /* without the newline */
void source_free(struct source *src);
/* A source from bytes in memory (tests, fuzzing); the bytes are copied. */
struct source *source_from_memory(struct arena *a, const char *name, const char *data,
                                  size_t len, int index);
/* The most any read takes in, whatever --max-file-size says. */
#define SOURCE_MAX_BYTES (256u * 1024 * 1024)
/* All that fd holds, up to max bytes, into a malloc'd buffer with room for
 * two NULs after it (the scanner's); false with a message in err. */
bool source_read_fd(int fd, size_t size_hint, size_t max, char **buf, size_t *len, char *err,
                    size_t errlen);
/* Reads path ("-" is standard input): a regular file (or a pipe) of at most
 * max bytes, the size checked with fstat before reading; NULL with err
 * filled on failure. hand_back: a large regular file may give its scanned
 * bytes back to the page cache (source_hand_back); only for a run that
 * ends soon after, as a file truncated while mapped cannot be read. */
struct source *source_read(struct arena *a, const char *path, int index, size_t max,
                           bool hand_back, char *err, size_t errlen);
/* The bytes before offset are scanned: their whole pages may map the file
 * again instead of holding a copy (a no-op for a source that may not). */
void source_hand_back(struct source *src, uint32_t offset);
/* The scan is over: every whole page goes back, and the file is closed. */
void source_scanned(struct source *src);

#endif
