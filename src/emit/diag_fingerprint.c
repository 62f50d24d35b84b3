/* diag_fingerprint.c — an identity for each finding that survives edits
 * elsewhere in its file, so that code scanning (SARIF partialFingerprints)
 * and GitLab's Code Quality (fingerprint) see the same finding across
 * commits, not a fixed one and a new one. It hashes what a finding is about,
 * not where it is: the rule, the file, and the text of the finding's first
 * line with its whitespace normalised (re-indenting keeps it). Equal hashes,
 * such as two findings of one rule on one line, are told apart by an
 * occurrence index counted in report order. Inserting or deleting lines
 * above keeps a fingerprint; editing the line, another rule or another file
 * changes it. The form "16 hex digits:index" is that of GitHub's own
 * primaryLocationLineHash. */
#include "emit/diag_render.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The project's one hash (lib/hash.h), FNV-1a. */
static uint64_t fnv_bytes(uint64_t h, const char *s, size_t n)
{
    return hash_bytes(h, s, n);
}

/* A field and its terminator, so that ("ab","c") and ("a","bc") differ. */
static uint64_t fnv_field(uint64_t h, const char *s, size_t n)
{
    return fnv_bytes(fnv_bytes(h, s, n), "", 1);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The line without leading and trailing blanks, each run of blanks inside
 * it hashed as one space. */
static uint64_t fnv_normalised_line(uint64_t h, str line)
{
    size_t i = 0, n = line.len;
    while (i < n && is_blank(line.ptr[i]))
        i++;
    while (n > i && is_blank(line.ptr[n - 1]))
        n--;
    while (i < n) {
        if (is_blank(line.ptr[i])) {
            h = fnv_bytes(h, " ", 1);
            while (is_blank(line.ptr[i]))
                i++;
        } else {
            h = fnv_bytes(h, line.ptr + i, 1);
            i++;
        }
    }
    return fnv_bytes(h, "", 1);
}

/* Findings share lines (20,000 on one long line): each line is hashed
 * once per rule, its hash kept under "source:line:rule". */
static uint64_t finding_hash(struct diag_ctx *d, struct hash *lines, const struct diag *g)
{
    const char *rule = rule_info(g->rule)->name;
    uint64_t h = fnv_field(HASH_SEED, rule, strlen(rule));
    const struct source *src = g->at.src;
    if (!src)   /* no place in a file: the message is all there is */
        return fnv_field(h, g->message, strlen(g->message));
    int line = source_position(src, g->at.start).line;
    char key[64];
    int len = snprintf(key, sizeof key, "%d:%d:%d", src->index, line, (int)g->rule);
    uint64_t *known = hash_get(lines, key, (size_t)len);
    if (known)
        return *known;
    h = fnv_field(h, src->path, strlen(src->path));
    uint64_t *value = arena_alloc(d->arena, sizeof *value);
    *value = fnv_normalised_line(h, source_line(src, line));
    hash_put(lines, arena_strndup(d->arena, key, (size_t)len), (size_t)len, value);
    return *value;
}

const char **diag_fingerprints(struct diag_ctx *d)
{
    size_t n = d->list.len;
    const char **out = arena_alloc(d->arena, (n ? n : 1) * sizeof *out);
    struct hash *seen = hash_new(d->arena, n);  /* hash text -> its count so far */
    struct hash *lines = hash_new(d->arena, n);
    for (size_t i = 0; i < n; i++) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016" PRIx64, finding_hash(d, lines, d->list.items[i]));
        size_t *count = hash_get(seen, hex, 16);
        if (!count) {
            count = arena_alloc(d->arena, sizeof *count);
            hash_put(seen, arena_strndup(d->arena, hex, 16), 16, count);
        }
        out[i] = arena_printf(d->arena, "%s:%zu", hex, (*count)++);
    }
    hash_free(lines);
    hash_free(seen);
    return out;
}
