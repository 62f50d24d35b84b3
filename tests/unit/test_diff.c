/* fmt_diff (emit/fmt.h): on random pairs of texts, the unified diff applied
 * to the old text gives the new one, and it changes exactly as many lines as
 * a minimal diff must (old + new - 2 * LCS, the LCS by dynamic programming). */
#include "emit/fmt.h"
#include "lib/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static uint32_t seed = 12345;
static uint32_t next(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
}

enum { MAX_LINES = 60 };
static const char *const words[] = {"a\n", "b\n", "c\n", "\n", "objective x\n", "}\n"};

static size_t make(const char **lines, size_t n, char *out)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        strcpy(out + len, lines[i]);
        len += strlen(lines[i]);
    }
    return len;
}

static size_t lcs(const char **x, size_t m, const char **y, size_t n)
{
    static size_t t[MAX_LINES + 1][MAX_LINES + 1];
    for (size_t i = m + 1; i-- > 0;)
        for (size_t j = n + 1; j-- > 0;)
            t[i][j] = i == m || j == n ? 0
                    : strcmp(x[i], y[j]) == 0 ? t[i + 1][j + 1] + 1
                    : t[i + 1][j] > t[i][j + 1] ? t[i + 1][j] : t[i][j + 1];
    return t[0][0];
}

/* Applies a unified diff of whole lines to old; returns the changed lines. */
static size_t apply(const char *diff, size_t dlen, const char **old, size_t m, char *out, size_t *out_len)
{
    size_t changed = 0, at = 0, len = 0;
    const char *p = diff, *end = diff + dlen;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        if (strncmp(p, "@@ -", 4) == 0) {
            size_t start = strtoul(p + 4, NULL, 10);
            size_t target = start ? start - 1 : 0;
            if (strstr(p, ",0 +") && strstr(p, ",0 +") < (const char *)memchr(p, '+', n))
                target = start;     /* "-N,0": nothing removed, inserted after line N */
            while (at < target && at < m) {
                strcpy(out + len, old[at]);
                len += strlen(old[at++]);
            }
        } else if (p[0] == ' ') {
            strcpy(out + len, old[at]);
            len += strlen(old[at++]);
        } else if (p[0] == '-' && strncmp(p, "--- ", 4) != 0) {
            at++;
            changed++;
        } else if (p[0] == '+' && strncmp(p, "+++ ", 4) != 0) {
            memcpy(out + len, p + 1, n - 1);
            len += n - 1;
            changed++;
        }
        p += n;
    }
    while (at < m) {
        strcpy(out + len, old[at]);
        len += strlen(old[at++]);
    }
    *out_len = len;
    return changed;
}

int main(void)
{
    int wrong = 0, longer = 0;
    for (int round = 0; round < 2000; round++) {
        const char *x[MAX_LINES], *y[MAX_LINES];
        size_t m = next() % 30, n = 0;
        for (size_t i = 0; i < m; i++)
            x[i] = words[next() % 6];
        for (size_t i = 0; i < m && n < MAX_LINES; i++) {     /* y: x with random edits */
            unsigned r = next() % 8;
            if (r == 0)
                continue;
            if (r == 1 && n < MAX_LINES)
                y[n++] = words[next() % 6];
            y[n++] = r == 2 ? words[next() % 6] : x[i];
        }
        char old[MAX_LINES * 16], new[MAX_LINES * 16], got[MAX_LINES * 16];
        size_t ol = make(x, m, old), nl = make(y, n, new), gl;
        struct arena a = {0};
        struct fmt_text d = fmt_diff(&a, "t.okr", old, ol, new, nl);
        size_t changed = apply(d.data ? d.data : "", d.len, x, m, got, &gl);
        if (gl != nl || memcmp(got, new, nl) != 0)
            wrong++;
        else if (changed != m + n - 2 * lcs(x, m, y, n))
            longer++;
        arena_free(&a);
    }
    CHECK("diff: applied to the old text gives the new one", wrong == 0);
    CHECK("diff: as few changed lines as a minimal diff", longer == 0);
    return failures ? 1 : 0;
}
