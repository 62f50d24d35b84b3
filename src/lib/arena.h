/* arena.h — memory for one run, released once at the end, and the growable
 * array whose storage lives in it. Every other module allocates here. */
#ifndef OKRC_ARENA_H
#define OKRC_ARENA_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct arena_block;
struct arena {
    struct arena_block *head;
    struct arena_block *spare;  /* zeroed blocks to use before asking the kernel (arena_recycle) */
    /* The head block's free bytes already made resident, [free, free_end):
     * an allocation that fits is taken here inline (arena_alloc,
     * arena_chars), without a call; arena.c keeps the block's count of
     * used bytes in step (arena_sync). Never copy an arena in use. */
    char *free, *free_end;
};
/* Zeroed, at a multiple of ARENA_ALIGN. The model holds pointers, doubles
 * and 64-bit counts, nothing wider: 8 instead of max_align_t's 16 packs a
 * struct right after a string, and most of a plan's allocations are. */
#define ARENA_ALIGN _Alignof(double)
/* What does not fit the resident free bytes: a new block, pages made
 * resident ahead, a big one-off allocation. */
void *arena_take(struct arena *a, size_t size, size_t align);
static inline void *arena_alloc(struct arena *a, size_t size)
{
    uintptr_t at = ((uintptr_t)a->free + (ARENA_ALIGN - 1)) & ~(uintptr_t)(ARENA_ALIGN - 1);
    if (a->free && at <= (uintptr_t)a->free_end && (uintptr_t)a->free_end - at >= size) {
        a->free = (char *)at + size;
        return (void *)at;
    }
    return arena_take(a, size, ARENA_ALIGN);
}
/* size zeroed bytes, as arena_alloc, that the caller writes whole at once
 * (an array with one element per item of the plan): a big one's pages are
 * made resident in one call instead of faulting in one by one as it is
 * written (progress's 5 MB for 10,000 objectives: 1,300 traps). */
void *arena_alloc_whole(struct arena *a, size_t size);
/* The one answer to memory that cannot be had for the plan (the arena, a
 * table, a file's text): "okrc: error: out of memory" and exit status 2,
 * as for any I/O error. Code that can do without (a temporary buffer for
 * output) reports its own failure instead (docs/architecture.md). */
_Noreturn void out_of_memory(void);
/* n zeroed bytes for text, with no alignment (strings are most of a plan's
 * allocations, and short). */
static inline char *arena_chars(struct arena *a, size_t n)
{
    if (a->free && (size_t)(a->free_end - a->free) >= n) {
        char *p = a->free;
        a->free += n;
        return p;
    }
    return arena_take(a, n, 1);
}
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);
/* Hands `from`'s memory to `into` for its next allocations, zeroed again,
 * and leaves `from` empty: a process that compiles again and again (the
 * language server) reuses the pages it has instead of faulting in new ones. */
void arena_recycle(struct arena *into, struct arena *from);

/* A growable array of pointers whose storage lives in the arena. Counts
 * in 32 bits: a plan holds some of these per item, and no plan text holds
 * four billion of anything. */
struct vec {
    void **items;
    uint32_t len, cap;
};
void vec_push(struct arena *a, struct vec *v, void *item);
/* Room for n items in all, where a list's length is known before it is
 * filled (what resolve.c links from what was written): no room of four
 * for a list of one. */
void vec_reserve(struct arena *a, struct vec *v, size_t n);
/* Sorts items[0..n) by cmp (given ctx too), stably and in O(n log n): a
 * merge sort with its scratch space in the arena. Every sort of plan data
 * goes through here, so no input order makes one quadratic. */
void sort_stable(struct arena *a, void **items, size_t n,
                 int (*cmp)(const void *x, const void *y, const void *ctx), const void *ctx);

#endif
