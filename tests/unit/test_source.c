/* source.h: lines and columns from an index built only as far as it is
 * asked for. Positions asked in any order (forwards, backwards, past the
 * end, line starts before positions and after) must be those of a plain
 * count of the bytes before them, on text of short and long lines, blank
 * lines, CRLF and no final newline.
 *
 * And a large file's scanned bytes handed back to the page cache: the text
 * reads the same bytes before and after, its pages then map the file (as
 * /proc/self/maps shows), the two NULs after it stay, and nothing is handed
 * back of a file with a BOM, of a file changed since it was read, or when
 * the caller did not ask. */
#define _GNU_SOURCE
#include "lib/arena.h"
#include "lib/source.h"

#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

/* The line (1-based) and the start of that line, counted byte by byte. */
static void naive(const char *text, size_t len, size_t offset, int *line, size_t *start)
{
    if (offset > len)
        offset = len;
    *line = 1;
    *start = 0;
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            (*line)++;
            *start = i + 1;
        }
}

static int naive_lines(const char *text, size_t len)
{
    int n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    return n;
}

/* Text of len bytes: lines of 0 to 199 ASCII bytes, some ending in CRLF. */
static char *text_of(size_t len, unsigned seed, bool final_newline)
{
    char *t = malloc(len + 1);
    size_t i = 0;
    while (i < len) {
        seed = seed * 1103515245u + 12345u;
        size_t line = (seed >> 16) % 200;
        for (size_t k = 0; k < line && i < len; k++)
            t[i++] = (char)('a' + (k % 26));
        if (i < len && (seed & 8) && i + 1 < len)
            t[i++] = '\r';
        if (i < len)
            t[i++] = '\n';
    }
    if (len && !final_newline && t[len - 1] == '\n')
        t[len - 1] = 'z';
    t[len] = '\0';
    return t;
}

static bool position_right(const struct source *src, const char *t, size_t len, size_t offset)
{
    int line;
    size_t start;
    naive(t, len, offset, &line, &start);
    struct position p = source_position(src, (uint32_t)offset);
    size_t at = offset > len ? len : offset;
    return p.line == line && p.column == (int)(at - start) + 1 &&
           source_line_start(src, line) == start;
}

/* Bytes of a file between [from, to) that /proc/self/maps shows mapping
 * path: how much of the text is handed back. */
static size_t mapped_from(const char *path, const char *from, const char *to)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    size_t bytes = 0;
    char line[4096];
    while (maps && fgets(line, sizeof line, maps)) {
        unsigned long start, end;
        char *name = strchr(line, '/');
        if (!name || sscanf(line, "%lx-%lx", &start, &end) != 2)
            continue;
        name[strcspn(name, "\n")] = '\0';
        if (strcmp(name, path) != 0)
            continue;
        unsigned long lo = start > (unsigned long)from ? start : (unsigned long)from;
        unsigned long hi = end < (unsigned long)to ? end : (unsigned long)to;
        if (hi > lo)
            bytes += hi - lo;
    }
    if (maps)
        fclose(maps);
    return bytes;
}

static char *write_file(const char *path, size_t len, unsigned seed, bool bom)
{
    char *t = text_of(len, seed, true);
    if (bom)
        memcpy(t, "\xEF\xBB\xBF", 3);
    FILE *f = fopen(path, "wb");
    fwrite(t, 1, len, f);
    fclose(f);
    return t;
}

static void hand_back_tests(void)
{
    char dir[] = "/tmp/okrc-test-source-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK("source: a folder for the hand-back files", false);
        return;
    }
    char path[64], real[PATH_MAX];
    snprintf(path, sizeof path, "%s/plan.okr", dir);
    long page = sysconf(_SC_PAGESIZE);
    /* a length that is not a whole number of pages, and one that is (its
     * two NULs in a page past the file's end) */
    size_t lengths[] = {3 * 1024 * 1024 + 1234, (size_t)page * 600};
    for (int k = 0; k < 2; k++) {
        size_t len = lengths[k];
        char *t = write_file(path, len, 7 + (unsigned)k, false);
        if (!realpath(path, real))
            snprintf(real, sizeof real, "%s", path);
        struct arena a = {0};
        char err[256];
        struct source *src = source_read(&a, path, 0, SIZE_MAX, true, err, sizeof err);
        CHECK("source: a large file read to hand back", src && src->file >= 0 && src->len == len);
        if (!src)
            continue;
        for (size_t at = 0; at < len; at += 100000)
            if (at >= src->hand_back_at)
                source_hand_back(src, (uint32_t)at);
        size_t midway = mapped_from(real, src->text, src->text + len);
        source_scanned(src);
        size_t whole = len / (size_t)page * (size_t)page;
        CHECK("source: scanned pages map the file as the scan goes, all of them at its end",
              midway > len / 2 && mapped_from(real, src->text, src->text + len) == whole &&
                  src->file == -1);
        CHECK("source: the text handed back reads the bytes read, and the two NULs after them",
              memcmp(src->text, t, len) == 0 && src->text[len] == '\0' && src->text[len + 1] == '\0');
        source_free(src);
        arena_free(&a);
        free(t);
    }

    size_t len = 2 * 1024 * 1024 + 17;
    struct arena a = {0};
    char err[256];
    /* a BOM is moved out of the text, which then is not the file's bytes */
    char *t = write_file(path, len, 9, true);
    struct source *src = source_read(&a, path, 0, SIZE_MAX, true, err, sizeof err);
    source_scanned(src);
    CHECK("source: nothing of a file with a BOM is handed back",
          src && mapped_from(real, src->text, src->text + len) == 0 && src->bom &&
              memcmp(src->text, t + 3, len - 3) == 0);
    source_free(src);
    free(t);

    /* changed after the read: the copy stays, and reads what was read */
    t = write_file(path, len, 10, false);
    src = source_read(&a, path, 0, SIZE_MAX, true, err, sizeof err);
    char *other = write_file(path, len, 11, false);
    struct timespec times[2] = {{0, UTIME_OMIT}, {1000000000, 0}};
    utimensat(AT_FDCWD, path, times, 0);
    source_scanned(src);
    CHECK("source: nothing of a file changed since the read is handed back",
          src && mapped_from(real, src->text, src->text + len) == 0 && memcmp(src->text, t, len) == 0);
    source_free(src);
    free(other);

    /* not asked: the language server keeps its copies */
    src = source_read(&a, path, 0, SIZE_MAX, false, err, sizeof err);
    source_scanned(src);
    CHECK("source: nothing is handed back unless asked",
          src && src->file == -1 && mapped_from(real, src->text, src->text + len) == 0);
    source_free(src);
    free(t);
    arena_free(&a);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    hand_back_tests();
    bool all = true, starts_first = true, counts = true;
    for (unsigned seed = 1; seed <= 6; seed++) {
        size_t len = seed == 1 ? 0 : seed * 4099;
        char *t = text_of(len, seed, seed % 2);
        struct arena a = {0};

        /* forwards, then backwards, over the same source */
        struct source *src = source_from_memory(&a, "t.okr", t, len, 0);
        for (size_t off = 0; off <= len + 2; off += 97)
            all = all && position_right(src, t, len, off);
        for (size_t off = len + 2; off > 0; off -= off > 89 ? 89 : off)
            all = all && position_right(src, t, len, off);
        all = all && position_right(src, t, len, 0);
        counts = counts && (int)source_line_count(src) == naive_lines(t, len);
        source_free(src);

        /* a random order on a fresh source */
        src = source_from_memory(&a, "t.okr", t, len, 0);
        unsigned r = seed;
        for (int i = 0; i < 300; i++) {
            r = r * 1103515245u + 12345u;
            all = all && position_right(src, t, len, len ? (r >> 8) % (len + 1) : 0);
        }
        source_free(src);

        /* line starts and whole lines asked before any position: the index
         * grows to the line, not to an offset */
        src = source_from_memory(&a, "t.okr", t, len, 0);
        int lines = naive_lines(t, len);
        for (int line = lines + 1; line >= 1; line -= 7) {
            int l;
            size_t start = len;
            if (line <= lines) {
                /* the start of the line-th line, counted */
                size_t i = 0;
                for (l = 1; l < line; i++)
                    if (t[i] == '\n')
                        l++;
                start = i;
            }
            str text = source_line(src, line);
            starts_first = starts_first && source_line_start(src, line) == start &&
                           (line > lines || text.ptr == src->text + start);
        }
        counts = counts && (int)source_line_count(src) == lines;
        source_free(src);

        /* the line count first, then positions */
        src = source_from_memory(&a, "t.okr", t, len, 0);
        counts = counts && (int)source_line_count(src) == lines;
        all = all && position_right(src, t, len, len / 2) && position_right(src, t, len, len);
        source_free(src);
        arena_free(&a);
        free(t);
    }
    CHECK("source: positions asked forwards, backwards and at random are the counted ones", all);
    CHECK("source: line starts and lines asked before any position", starts_first);
    CHECK("source: the line count, asked first or after positions", counts);
    return failures != 0;
}
