/* source.h: lines and columns from an index built only as far as it is
 * asked for. Positions asked in any order (forwards, backwards, past the
 * end, line starts before positions and after) must be those of a plain
 * count of the bytes before them, on text of short and long lines, blank
 * lines, CRLF and no final newline. */
#include "lib/arena.h"
#include "lib/source.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
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
