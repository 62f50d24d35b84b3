/* arena.h: strings packed without alignment, every other allocation aligned
 * and zeroed after them, formatted strings in place, and a big allocation
 * that leaves the current block's free space in use. */
#define _DEFAULT_SOURCE    /* MAP_ANONYMOUS, madvise, mincore */
#include "lib/arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

static bool zeroed(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* Whether the page holding p is resident. */
static bool resident(const void *p)
{
    long page = sysconf(_SC_PAGESIZE);
    unsigned char in = 0;
    void *start = (void *)((uintptr_t)p & ~(uintptr_t)(page - 1));
    return mincore(start, (size_t)page, &in) == 0 && (in & 1);
}

/* Whether this kernel populates on request (Linux 5.14 and later). */
static bool kernel_populates(void)
{
    void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    bool ok = m != MAP_FAILED && madvise(m, 4096, 23 /* MADV_POPULATE_WRITE */) == 0;
    if (m != MAP_FAILED)
        munmap(m, 4096);
    return ok;
}

int main(void)
{
    struct arena a = {0};
    char *s1 = arena_strndup(&a, "abc", 3);
    char *s2 = arena_strndup(&a, "de", 2);
    CHECK("arena: strings keep their text", strcmp(s1, "abc") == 0 && strcmp(s2, "de") == 0);
    CHECK("arena: strings are packed, not rounded up", s2 == s1 + 4);
    unsigned char *p = arena_alloc(&a, 40);
    CHECK("arena: an allocation after a string is aligned, no further",
          (uintptr_t)p % ARENA_ALIGN == 0 && (uintptr_t)p - (uintptr_t)s2 < 3 + ARENA_ALIGN);
    CHECK("arena: an allocation after a string is zeroed and after it",
          zeroed(p, 40) && (char *)p > s2 + 2);
    char *f = arena_printf(&a, "%s-%d", "x", 42);
    unsigned char *q = arena_alloc(&a, 8);
    CHECK("arena: a formatted string", strcmp(f, "x-42") == 0);
    CHECK("arena: aligned and zeroed after a formatted string",
          (uintptr_t)q % ARENA_ALIGN == 0 && zeroed(q, 8) && (char *)q > f + 4);

    /* a one-off allocation larger than a block, then small ones: these
     * continue in the block that was current, behind the strings */
    char *before = arena_strndup(&a, "z", 1);
    unsigned char *big = arena_alloc(&a, 9u * 1024 * 1024);
    char *after = arena_strndup(&a, "y", 1);
    CHECK("arena: a big allocation is zeroed", zeroed(big, 9u * 1024 * 1024));
    CHECK("arena: the current block stays in use after a big allocation", after == before + 2);

    /* many small strings across blocks: each intact */
    char *first = NULL, *last = NULL;
    for (int i = 0; i < 700000; i++) {
        char *t = arena_strndup(&a, "0123456789", (size_t)(i % 11));
        if (!first)
            first = t;
        last = t;
        if (strlen(t) != (size_t)(i % 11) || memcmp(t, "0123456789", (size_t)(i % 11)) != 0) {
            last = NULL;
            break;
        }
    }
    CHECK("arena: strings across blocks keep their text", first && last);

    /* recycled: another arena gets a's blocks back zeroed, before asking
     * the kernel for new ones; a is left empty */
    struct arena b = {0};
    arena_recycle(&b, &a);
    CHECK("arena: recycling empties the arena it takes from", a.head == NULL && a.spare == NULL);
    CHECK("arena: recycled blocks wait as spares", b.spare != NULL && b.head == NULL);
    bool all_zero = true;
    for (int i = 0; i < 2000 && all_zero; i++)
        all_zero = zeroed(arena_alloc(&b, 4096), 4096);
    CHECK("arena: memory from recycled blocks is zeroed", all_zero);
    char *again = arena_strndup(&b, "abc", 3);
    CHECK("arena: a recycled block takes strings", strcmp(again, "abc") == 0);
    arena_free(&b);
    CHECK("arena: freeing frees its spares too", b.head == NULL && b.spare == NULL);
    arena_free(&a);

    /* pages made resident ahead of use, a little, not the whole block; a
     * big buffer's pages only as it is used */
    struct arena c = {0};
    char *start = arena_alloc(&c, 64);
    bool populates = kernel_populates();
    CHECK("arena: the pages just ahead of use are resident", !populates || resident(start + 12 * 1024));
    CHECK("arena: pages far ahead of use are not", !resident(start + 1024 * 1024));
    char *buffer = arena_alloc(&c, 200 * 1024);
    CHECK("arena: a big buffer's pages are not made resident before use", !resident(buffer + 150 * 1024));
    char *next = arena_alloc(&c, 64);
    CHECK("arena: after a big buffer, the pages ahead of use again",
          !populates || resident(next + 12 * 1024));
    CHECK("arena: and not the buffer's", !resident(buffer + 150 * 1024));
    arena_free(&c);
    /* vec_reserve: room for exactly what is asked, the items kept, and
     * pushes past it growing as before */
    struct arena rv = {0};
    struct vec v = {0};
    int items[7];
    vec_reserve(&rv, &v, 3);
    CHECK("vec: reserve gives room for exactly the length asked", v.cap == 3 && v.len == 0);
    void **reserved = v.items;
    for (int k = 0; k < 3; k++)
        vec_push(&rv, &v, &items[k]);
    CHECK("vec: pushes up to the reserved length stay in place", v.items == reserved && v.cap == 3);
    vec_push(&rv, &v, &items[3]);
    bool kept = v.len == 4 && v.cap == 6;
    for (int k = 0; k < 4; k++)
        kept = kept && v.items[k] == &items[k];
    CHECK("vec: a push past the reserved length doubles it, the items kept", kept);
    vec_reserve(&rv, &v, 2);
    CHECK("vec: reserving less than there is changes nothing", v.cap == 6 && v.len == 4);
    vec_reserve(&rv, &v, 9);
    kept = v.len == 4 && v.cap == 9;
    for (int k = 0; k < 4; k++)
        kept = kept && v.items[k] == &items[k];
    CHECK("vec: reserving more keeps the items", kept);
    arena_free(&rv);

    /* The inline allocations (arena.h's window) and those arena.c makes
     * (formatted strings, new blocks, recycling) interleaved: nothing
     * handed out twice, everything zeroed, every byte kept. */
    struct arena mix = {0}, into = {0};
    enum { ROUNDS = 200000 };   /* several 4 MiB blocks */
    unsigned char *samples[3] = {NULL, NULL, NULL};
    bool apart = true, clean = true;
    for (int r = 0; r < ROUNDS; r++) {
        unsigned char *p = arena_alloc(&mix, 24);
        clean = clean && zeroed(p, 24);
        memset(p, 0xAB, 24);
        char *c = arena_chars(&mix, 5);
        clean = clean && zeroed((unsigned char *)c, 5);
        memcpy(c, "wxyz", 5);
        char *f = arena_printf(&mix, "f%d", r);
        unsigned char *q = arena_alloc(&mix, 8);
        clean = clean && zeroed(q, 8);
        memset(q, 0xCD, 8);
        char want[16];
        snprintf(want, sizeof want, "f%d", r);
        bool p_kept = true;
        for (int i = 0; i < 24; i++)
            p_kept = p_kept && p[i] == 0xAB;
        apart = apart && p_kept && strcmp(c, "wxyz") == 0 && strcmp(f, want) == 0;
        if (r % 50000 == 0)
            samples[r / 50000 % 3] = p;
    }
    bool intact = true;
    for (int k = 0; k < 3; k++)
        for (int i = 0; samples[k] && i < 24; i++)
            intact = intact && samples[k][i] == 0xAB;
    CHECK("window: inline and formatted allocations never overlap", apart);
    CHECK("window: inline allocations are zeroed", clean);
    CHECK("window: earlier allocations are kept across blocks", intact);
    arena_recycle(&into, &mix);
    unsigned char *reused = arena_alloc(&into, 4096);
    CHECK("window: a recycled block is handed out zeroed", zeroed(reused, 4096));
    CHECK("window: the recycled arena is empty", mix.head == NULL && mix.free == NULL);
    unsigned char *fresh = arena_alloc(&mix, 16);
    CHECK("window: the recycled arena allocates again", fresh && zeroed(fresh, 16));
    arena_free(&mix);
    arena_free(&into);
    CHECK("window: a freed arena has no window", into.free == NULL && into.free_end == NULL);

    /* arena_alloc_whole: every page inside it resident before it is
     * written, for a block-sized array and one beyond a block */
    for (size_t size = 3u << 20; size <= 9u << 20; size += 6u << 20) {
        struct arena whole = {0};
        (void)arena_alloc(&whole, 100);        /* an array that starts inside a page */
        unsigned char *array = arena_alloc_whole(&whole, size);
        const uintptr_t page = 4096;
        uintptr_t from = ((uintptr_t)array + page - 1) & ~(page - 1), to = ((uintptr_t)array + size) & ~(page - 1);
        size_t pages = (to - from) / page, resident = 0;
        unsigned char *in_core = malloc(pages);
        if (in_core && mincore((void *)from, to - from, in_core) == 0)
            for (size_t i = 0; i < pages; i++)
                resident += in_core[i] & 1;
        free(in_core);
        CHECK("whole: its pages are resident before it is written",
              pages > 0 && (!kernel_populates() || resident == pages));
        CHECK("whole: zeroed and aligned", zeroed(array, size) && (uintptr_t)array % ARENA_ALIGN == 0);
        arena_free(&whole);
    }

    return failures ? 1 : 0;
}
