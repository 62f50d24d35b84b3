/* hash.h — string-keyed tables (the resolver's ids, the lexicons' phrases). */
#ifndef OKRC_HASH_H
#define OKRC_HASH_H

#include <stddef.h>

struct arena;
struct hash;
struct hash *hash_new(struct arena *a, size_t expected);
void *hash_get(struct hash *h, const char *key, size_t len);
/* Inserts; returns the existing value instead when the key is taken. */
void *hash_put(struct hash *h, const char *key, size_t len, void *value);
void hash_free(struct hash *h);

#endif
