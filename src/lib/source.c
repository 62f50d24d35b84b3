/* source.c — loading a file whole, and turning byte offsets into lines and
 * columns only when a message needs them (as jq's locfile does). */
#define _GNU_SOURCE
#include "lib/source.h"
#include "lib/arena.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Offsets are 32-bit; the limit also keeps a hostile input from eating memory. */

static void too_large(char *err, size_t errlen, size_t max)
{
    snprintf(err, errlen, "the file is larger than the limit of %zu bytes (%.1f MiB; "
             "--max-file-size sets it)", max, (double)max / (1024 * 1024));
}

/* Into p until the end of the input or until room bytes are there: how
 * many, or -1 with errno set. */
static ssize_t read_upto(int fd, char *p, size_t room)
{
    size_t n = 0;
    while (n < room) {
        ssize_t r = read(fd, p + n, room - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        n += (size_t)r;
    }
    return (ssize_t)n;
}

bool source_read_fd(int fd, size_t size_hint, size_t max, char **buf, size_t *len, char *err,
                    size_t errlen)
{
    /* A regular file is read into a buffer of its size (plus the two NULs
     * the scanner needs) in one go; a pipe grows the buffer. */
    size_t cap = size_hint && size_hint <= max ? size_hint + 3 : 64 * 1024, n = 0;
    char *p = malloc(cap);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    for (;;) {
        if (cap - n < 3) {
            if (n > max) {
                free(p);
                too_large(err, errlen, max);
                return false;
            }
            cap *= 2;
            char *q = realloc(p, cap);
            if (!q) {
                free(p);
                snprintf(err, errlen, "out of memory");
                return false;
            }
            p = q;
        }
        ssize_t r = read_upto(fd, p + n, cap - n - 2);
        if (r < 0) {
            snprintf(err, errlen, "%s", strerror(errno));
            free(p);
            return false;
        }
        n += (size_t)r;
        if (cap - n > 2)
            break;      /* the end came before the buffer was full */
    }
    if (n > max) {
        free(p);
        too_large(err, errlen, max);
        return false;
    }
    *buf = p;
    *len = n;
    return true;
}

/* Handing scanned bytes back (source_hand_back): a file of at least this
 * size, a megabyte at a time. Below it a copy costs less than the calls. */
#define HAND_BACK_MIN (1u << 20)
#define HAND_BACK_STEP (1u << 20)

static size_t page_size(void)
{
    long page = sysconf(_SC_PAGESIZE);
    return page > 0 ? (size_t)page : 4096;
}

static struct source_identity identity_of(const struct stat *st)
{
    return (struct source_identity){(uintmax_t)st->st_dev, (uintmax_t)st->st_ino,
                                    (uintmax_t)st->st_size, (long long)st->st_mtim.tv_sec,
                                    (long long)st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec,
                                    (long long)st->st_ctim.tv_nsec};
}

static bool same_identity(const struct source_identity *x, const struct source_identity *y)
{
    return memcmp(x, y, sizeof *x) == 0;
}

/* A regular file of size bytes into an anonymous mapping of whole pages
 * (so that its pages can later map the file instead); *mapped is its
 * length, 0 when the file grew while read and the ordinary read took over. */
static bool read_into_pages(int fd, size_t size, size_t max, char **buf, size_t *len, size_t *mapped,
                            char *err, size_t errlen)
{
    size_t page = page_size();
    size_t cap = (size + 3 + page - 1) / page * page;
    *mapped = 0;
    char *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return source_read_fd(fd, size, max, buf, len, err, errlen);
    ssize_t r = read_upto(fd, p, cap - 2);
    if (r < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        munmap(p, cap);
        return false;
    }
    size_t n = (size_t)r;
    if (n == cap - 2) {     /* it grew: read it again the ordinary way */
        munmap(p, cap);
        if (lseek(fd, 0, SEEK_SET) != 0) {
            snprintf(err, errlen, "%s", strerror(errno));
            return false;
        }
        return source_read_fd(fd, size, max, buf, len, err, errlen);
    }
    *buf = p;
    *len = n;
    *mapped = cap;
    return true;
}

struct source *source_read(struct arena *a, const char *path, int index, size_t max,
                           bool hand_back, char *err, size_t errlen)
{
    if (max > SOURCE_MAX_BYTES)
        max = SOURCE_MAX_BYTES;
    int fd = 0;
    size_t size_hint = 0;
    struct stat st;
    bool is_stdin = strcmp(path, "-") == 0;
    if (!is_stdin) {
        /* O_NONBLOCK so that a FIFO given as a plan cannot hang the open. */
        fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            snprintf(err, errlen, "%s", strerror(errno));
            return NULL;
        }
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            snprintf(err, errlen, "%s", S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
            close(fd);
            return NULL;
        }
        if ((uintmax_t)st.st_size > max) {
            /* Refused before a byte is read. */
            too_large(err, errlen, max);
            close(fd);
            return NULL;
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        size_hint = (size_t)st.st_size;
    }
    char *buf;
    size_t len, mapped = 0;
    hand_back = hand_back && !is_stdin && size_hint >= HAND_BACK_MIN;
    bool ok = hand_back ? read_into_pages(fd, size_hint, max, &buf, &len, &mapped, err, errlen)
                        : source_read_fd(fd, size_hint, max, &buf, &len, err, errlen);
    if (!ok) {
        if (!is_stdin)
            close(fd);
        return NULL;
    }

    struct source *src = arena_alloc(a, sizeof *src);
    size_t skip = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (skip)
        memmove(buf, buf + skip, len - skip);
    src->len = len - skip;
    src->bom = skip != 0;
    src->text = buf;            /* freed by source_free */
    src->mapped = mapped;
    src->text[src->len] = src->text[src->len + 1] = '\0';   /* for yy_scan_buffer */
    src->file = -1;
    src->hand_back_at = UINT32_MAX;
    /* Handed back only what is the file byte for byte: no BOM moved out,
     * and the file as it was before the read (size and times). */
    struct stat now;
    if (mapped && !skip && fstat(fd, &now) == 0) {
        src->identity = identity_of(&st);
        struct source_identity after = identity_of(&now);
        if ((size_t)now.st_size == len && same_identity(&src->identity, &after)) {
            src->file = fd;
            src->hand_back_at = HAND_BACK_STEP;
        }
    }
    if (!is_stdin && src->file < 0)
        close(fd);
    src->path = is_stdin ? "<stdin>" : arena_strndup(a, path, strlen(path));
    /* dirname may modify its argument and returns a pointer into it. */
    char *copy = arena_strndup(a, is_stdin ? "." : path, strlen(is_stdin ? "." : path));
    const char *dir = is_stdin ? "." : dirname(copy);
    src->dir = arena_strndup(a, dir, strlen(dir));
    src->index = index;
    src->arena = a;
    src->lines = arena_alloc(a, sizeof *src->lines);
    return src;
}

static void stop_handing_back(struct source *src)
{
    if (src->file >= 0)
        close(src->file);
    src->file = -1;
    src->hand_back_at = UINT32_MAX;
}

/* The pages before offset map the file, read-write and private like the
 * copy they replace (a write to one copies it again), when the file is
 * still the one read: what the scanner read is what they hold. */
void source_hand_back(struct source *src, uint32_t offset)
{
    if (src->file < 0) {
        stop_handing_back(src);
        return;
    }
    size_t page = page_size();
    size_t upto = (size_t)offset / page * page;
    if (upto > src->handed_back) {
        struct stat st;
        if (fstat(src->file, &st) != 0) {
            stop_handing_back(src);
            return;
        }
        struct source_identity now = identity_of(&st);
        if (!same_identity(&now, &src->identity)) {
            stop_handing_back(src);
            return;
        }
        void *at = mmap(src->text + src->handed_back, upto - src->handed_back, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_FIXED, src->file, (off_t)src->handed_back);
        if (at == MAP_FAILED) {
            stop_handing_back(src);
            return;
        }
        src->handed_back = upto;
    }
    size_t next = (size_t)offset + HAND_BACK_STEP;
    src->hand_back_at = next < UINT32_MAX ? (uint32_t)next : UINT32_MAX;
}

void source_scanned(struct source *src)
{
    if (src->file >= 0)
        source_hand_back(src, (uint32_t)src->len);
    stop_handing_back(src);
}

struct source *source_from_memory(struct arena *a, const char *name, const char *data,
                                  size_t len, int index)
{
    struct source *src = arena_alloc(a, sizeof *src);
    size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    src->len = len - skip;
    src->bom = skip != 0;
    src->text = malloc(src->len + 2);
    if (!src->text)
        out_of_memory();
    memcpy(src->text, data + skip, src->len);
    src->text[src->len] = src->text[src->len + 1] = '\0';
    src->path = arena_strndup(a, name, strlen(name));
    src->dir = ".";
    src->index = index;
    src->arena = a;
    src->lines = arena_alloc(a, sizeof *src->lines);
    src->file = -1;
    src->hand_back_at = UINT32_MAX;
    return src;
}

/* Code points a byte adds: a continuation byte none. */
static unsigned points_of(unsigned char b) { return !utf8_continues(b); }

#define BLOCK_SHIFT 6

/* The index with every line start at or before offset (to the end of the
 * file when offset is past it). memchr, not a byte loop: one pass over what
 * is asked for (a second pass to count first was 5% of check's time on
 * 10,000 objectives). Room for lines of 32 bytes on average at first,
 * doubled as needed; malloc'd, as what is reserved and not used is never
 * touched. */
static struct line_index *index_to(const struct source *src, size_t offset)
{
    struct line_index *ix = src->lines;
    if (ix->complete || (ix->starts && offset < ix->scanned))
        return ix;
    if (!ix->starts) {
        ix->cap = src->len / 32 + 16;
        ix->starts = malloc(ix->cap * sizeof *ix->starts);
        if (!ix->starts)
            out_of_memory();
        ix->starts[0] = 0;
        ix->count = 1;
        ix->scanned = 0;
    }
    const char *text = src->text, *end = text + src->len;
    const char *p = text + ix->scanned;
    while (p < end && (size_t)(p - text) <= offset) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            p = end;
            break;
        }
        if (ix->count == ix->cap) {
            ix->cap *= 2;
            uint32_t *more = realloc(ix->starts, ix->cap * sizeof *ix->starts);
            if (!more)
                out_of_memory();
            ix->starts = more;
        }
        ix->starts[ix->count++] = (uint32_t)(nl - text + 1);
        p = nl + 1;
    }
    ix->scanned = (size_t)(p - text);
    ix->complete = p >= end;
    return ix;
}

/* The index with at least line+1 lines found, or all of them. */
static struct line_index *index_to_line(const struct source *src, size_t line)
{
    struct line_index *ix = index_to(src, 0);
    while (!ix->complete && ix->count <= line)
        ix = index_to(src, ix->scanned);
    return ix;
}

/* The counts every 64 bytes, built the first time a column lies far from
 * its line's start: a file of short lines never pays for them. */
static const struct line_index *blocks_of(const struct source *src)
{
    struct line_index *ix = src->lines;
    if (ix->code_points)
        return ix;
    const char *text = src->text;
    size_t blocks = (src->len >> BLOCK_SHIFT) + 1;
    ix->code_points = arena_alloc(src->arena, blocks * sizeof *ix->code_points);
    ix->utf16 = arena_alloc(src->arena, blocks * sizeof *ix->utf16);
    uint32_t cp = 0, u16 = 0;
    for (size_t b = 0; b < blocks; b++) {
        ix->code_points[b] = cp;
        ix->utf16[b] = u16;
        size_t from = b << BLOCK_SHIFT, to = from + (1u << BLOCK_SHIFT);
        for (size_t i = from; i < to && i < src->len; i++) {
            cp += points_of((unsigned char)text[i]);
            u16 += utf8_utf16_units((unsigned char)text[i]);
        }
    }
    return ix;
}

/* Units in text[from, to), counted byte by byte. */
static size_t units_between(const struct source *src, uint32_t from, uint32_t to, enum source_unit unit)
{
    if (unit == UNIT_BYTES)
        return to - from;
    size_t n = 0;
    for (uint32_t i = from; i < to; i++)
        n += unit == UNIT_UTF16 ? utf8_utf16_units((unsigned char)src->text[i])
                                : points_of((unsigned char)src->text[i]);
    return n;
}

/* Units in text[0, offset): the block's count, then at most 63 bytes. */
static size_t units_before(const struct source *src, const struct line_index *ix, uint32_t offset,
                           enum source_unit unit)
{
    if (unit == UNIT_BYTES)
        return offset;
    uint32_t b = offset >> BLOCK_SHIFT;
    return (unit == UNIT_UTF16 ? ix->utf16[b] : ix->code_points[b]) +
           units_between(src, b << BLOCK_SHIFT, offset, unit);
}

/* The 0-based line holding offset. */
static size_t line_of(const struct line_index *ix, uint32_t offset)
{
    size_t lo = 0, hi = ix->count;   /* last line start <= offset */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (ix->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t source_column(const struct source *src, uint32_t offset, enum source_unit unit)
{
    if (offset > src->len)
        offset = (uint32_t)src->len;
    const struct line_index *ix = index_to(src, offset);
    uint32_t start = ix->starts[line_of(ix, offset)];
    if (offset - start < 4u << BLOCK_SHIFT)
        return units_between(src, start, offset, unit);
    ix = blocks_of(src);
    return units_before(src, ix, offset, unit) - units_before(src, ix, start, unit);
}

struct position source_position(const struct source *src, uint32_t offset)
{
    if (offset > src->len)
        offset = (uint32_t)src->len;
    const struct line_index *ix = index_to(src, offset);
    size_t line = line_of(ix, offset);
    return (struct position){(int)line + 1, (int)source_column(src, offset, UNIT_CODE_POINTS) + 1};
}

uint32_t source_offset(const struct source *src, size_t line, size_t column, enum source_unit unit)
{
    const struct line_index *ix = index_to_line(src, line);
    if (line >= ix->count)
        return (uint32_t)src->len;
    uint32_t p = ix->starts[line];
    size_t units = 0;
    while (p < src->len && src->text[p] != '\n') {
        unsigned char b = (unsigned char)src->text[p];
        size_t u = unit == UNIT_BYTES ? 1 : unit == UNIT_UTF16 ? utf8_utf16_units(b) : points_of(b);
        if (u && units + u > column)
            break;
        units += u;
        p++;
    }
    return p;
}

size_t source_line_count(const struct source *src)
{
    return index_to(src, src->len)->count;
}

uint32_t source_line_start(const struct source *src, int line)
{
    if (line < 1)
        return 0;
    const struct line_index *ix = index_to_line(src, (size_t)line - 1);
    return (size_t)line > ix->count ? (uint32_t)src->len : ix->starts[line - 1];
}

str source_line(const struct source *src, int line)
{
    if (line < 1)
        return (str){"", 0};
    const struct line_index *ix = index_to_line(src, (size_t)line - 1);
    if ((size_t)line > ix->count)
        return (str){"", 0};
    uint32_t start = ix->starts[line - 1], end = start;
    const char *nl = memchr(src->text + start, '\n', src->len - start);
    end = nl ? (uint32_t)(nl - src->text) : (uint32_t)src->len;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    return (str){src->text + start, end - start};
}

void source_free(struct source *src)
{
    if (src->mapped)
        munmap(src->text, src->mapped);
    else
        free(src->text);
    src->mapped = 0;
    src->text = NULL;
    free(src->lines->starts);
    src->lines->starts = NULL;
}
