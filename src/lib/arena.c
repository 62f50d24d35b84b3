/* arena.c — one run's memory: many small allocations, one release. */
#define _DEFAULT_SOURCE    /* MAP_ANONYMOUS */
#include "lib/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Blocks come straight from the kernel as zeroed pages (so handing out
 * zeroed memory costs no memset), 4 MiB at a time. They are not marked for
 * transparent huge pages: where the kernel compacts memory to find a huge
 * page on the first touch of a marked region (Debian's default, `defrag`
 * = madvise), one run in three or four of a large plan spent more than
 * half its time in the kernel (docs/performance.md). */
#define ARENA_BLOCK (4u * 1024 * 1024)
/* Pages are made resident ahead of use, up to 256 KiB at a time, in one
 * call (MADV_POPULATE_WRITE, Linux 5.14): the same pages as faulting them
 * one by one, without a trap into the kernel for each. check on 10,000
 * objectives: 15,600 page faults -> 5,000, 3-5% less time; 0.3 MB more at
 * the peak (docs/performance.md). An older kernel answers EINVAL, and the
 * pages come by faults as before. */
#define ARENA_POPULATE_STEP (256u * 1024)
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    size_t populated;       /* bytes of data made resident by populate_ahead */
    max_align_t data[];
};

void out_of_memory(void)
{
    fputs("okrc: error: out of memory\n", stderr);
    exit(2);
}

/* bytes of zeroed memory. */
static void *map_block(size_t bytes)
{
    void *map = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        out_of_memory();
    return map;
}

/* Makes the block's pages up to the step after `used` resident. Only the
 * 4 MiB blocks: a one-off big allocation may be used in part. */
static void populate_ahead(struct arena_block *b)
{
    if (b->used <= b->populated || b->size != ARENA_BLOCK)
        return;
    /* as far ahead as the block is used already, between 16 and 256 KiB:
     * an arena that holds a few names (a small plan's, a message's) does
     * not make a quarter of a megabyte resident */
    size_t ahead = b->used < 16384 ? 16384 : b->used;
    size_t to = b->used + (ahead < ARENA_POPULATE_STEP ? ahead : ARENA_POPULATE_STEP);
    if (to > b->size)
        to = b->size;
    const size_t page = 4096;
    uintptr_t from_at = (uintptr_t)((char *)b->data + b->populated) & ~(uintptr_t)(page - 1);
    uintptr_t to_at = ((uintptr_t)((char *)b->data + to) + page - 1) & ~(uintptr_t)(page - 1);
    (void)madvise((void *)from_at, to_at - from_at, MADV_POPULATE_WRITE);
    b->populated = to;
}

/* The head block's count of used bytes, from the window the inline
 * allocations take from (arena.h): before anything here reads it. */
static void arena_sync(struct arena *a)
{
    if (a->head && a->free)
        a->head->used = (size_t)(a->free - (char *)a->head->data);
}

/* The window again, from the head block: its free bytes made resident. */
static void arena_window(struct arena *a)
{
    struct arena_block *b = a->head;
    a->free = b ? (char *)b->data + b->used : NULL;
    a->free_end = b ? (char *)b->data + (b->populated > b->used ? b->populated : b->used) : NULL;
}

/* size bytes at a multiple of align in the current block, or in a new one.
 * Strings ask for no alignment: rounding every name and title up to 16
 * bytes cost a quarter of their memory. */
void *arena_take(struct arena *a, size_t size, size_t align)
{
    arena_sync(a);
    struct arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        if (cap == ARENA_BLOCK && a->spare) {
            b = a->spare;           /* zeroed by arena_recycle */
            a->spare = b->next;
        } else {
            b = map_block(sizeof *b + cap);
            b->size = cap;
        }
        b->used = 0;
        at = 0;
        /* A big one-off allocation goes behind the current block so the
         * current block's free space is not wasted. */
        if (a->head && cap > ARENA_BLOCK) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    b->used = at + size;
    if (size < ARENA_POPULATE_STEP / 8)
        populate_ahead(b);
    else if (b->populated < b->used)
        b->populated = b->used;     /* a buffer that may be used in part: faulted as used */
    arena_window(a);
    return (char *)b->data + at;
}

void *arena_alloc_whole(struct arena *a, size_t size)
{
    char *p = arena_alloc(a, size);
    /* only the whole pages inside it: the pages at its ends may hold
     * other allocations, and are resident already or soon */
    const uintptr_t page = 4096;
    uintptr_t from_at = ((uintptr_t)p + page - 1) & ~(page - 1), to_at = ((uintptr_t)p + size) & ~(page - 1);
    if (to_at > from_at)
        (void)madvise((void *)from_at, to_at - from_at, MADV_POPULATE_WRITE);
    return p;
}

_Static_assert(_Alignof(void *) <= ARENA_ALIGN && _Alignof(uint64_t) <= ARENA_ALIGN,
               "arena alignment holds pointers and 64-bit numbers");

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_chars(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Formatted once, straight into the current block's free space when it
 * fits (almost always): half the vsnprintf calls of measuring first. What
 * did not fit is zeroed again, as the free space must stay. */
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    arena_sync(a);
    struct arena_block *b = a->head;
    size_t room = b ? b->size - b->used : 0;
    char *p = b ? (char *)b->data + b->used : NULL;
    int n = vsnprintf(p, room, fmt, ap);
    if (n >= 0 && p && (size_t)n < room) {
        b->used += (size_t)n + 1;       /* a string needs no alignment */
        arena_window(a);
        va_end(ap2);
        return p;
    }
    if (p && room)
        memset(p, 0, (size_t)n + 1 < room ? (size_t)n + 1 : room);
    p = arena_take(a, (size_t)(n < 0 ? 0 : n) + 1, 1);
    if (n > 0)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

static void unmap_blocks(struct arena_block *b)
{
    while (b) {
        struct arena_block *next = b->next;
        munmap(b, sizeof *b + b->size);
        b = next;
    }
}

void arena_free(struct arena *a)
{
    unmap_blocks(a->head);
    unmap_blocks(a->spare);
    a->head = a->spare = NULL;
    a->free = a->free_end = NULL;
}

void arena_recycle(struct arena *into, struct arena *from)
{
    arena_sync(from);
    struct arena_block *b = from->head;
    while (b) {
        struct arena_block *next = b->next;
        if (b->size == ARENA_BLOCK) {
            memset(b->data, 0, b->used);    /* what was handed out; the rest is still zero */
            b->next = into->spare;
            into->spare = b;
        } else {
            munmap(b, sizeof *b + b->size);   /* a one-off big allocation */
        }
        b = next;
    }
    while (from->spare) {
        b = from->spare;
        from->spare = b->next;
        b->next = into->spare;
        into->spare = b;
    }
    from->head = NULL;
    from->free = from->free_end = NULL;
}

void vec_push(struct arena *a, struct vec *v, void *item)
{
    if (v->len == v->cap) {
        if (v->cap > UINT32_MAX / 2)
            out_of_memory();
        vec_reserve(a, v, v->cap ? (size_t)v->cap * 2 : 4);
    }
    v->items[v->len++] = item;
}

void vec_reserve(struct arena *a, struct vec *v, size_t n)
{
    if (n <= v->cap)
        return;
    if (n > UINT32_MAX)
        out_of_memory();
    void **items = arena_alloc(a, n * sizeof *items);
    if (v->len)
        memcpy(items, v->items, v->len * sizeof *items);
    v->items = items;
    v->cap = (uint32_t)n;
}

static void merge_sort(void **items, void **tmp, size_t n,
                       int (*cmp)(const void *, const void *, const void *), const void *ctx)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    merge_sort(items, tmp, half, cmp, ctx);
    merge_sort(items + half, tmp, n - half, cmp, ctx);
    if (cmp(items[half - 1], items[half], ctx) <= 0)
        return;     /* already in order: linear for sorted input */
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = cmp(items[j], items[i], ctx) < 0 ? items[j++] : items[i++];
    while (i < half)
        tmp[k++] = items[i++];
    while (j < n)
        tmp[k++] = items[j++];
    memcpy(items, tmp, n * sizeof *items);
}

void sort_stable(struct arena *a, void **items, size_t n,
                 int (*cmp)(const void *x, const void *y, const void *ctx), const void *ctx)
{
    size_t sorted = 1;
    while (sorted < n && cmp(items[sorted - 1], items[sorted], ctx) <= 0)
        sorted++;
    if (sorted >= n)
        return;     /* in order already, as most check-ins are: no scratch space */
    void **tmp = arena_alloc(a, n * sizeof *tmp);
    merge_sort(items, tmp, n, cmp, ctx);
}
