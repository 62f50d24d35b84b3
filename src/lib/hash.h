/* hash.h — string-keyed tables (the resolver's ids, the lexicons' phrases). */
#ifndef OKRC_HASH_H
#define OKRC_HASH_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct hash;
/* FNV-1a over n bytes, continuing from h (HASH_SEED to start): the one
 * hash of the project, for the tables and for finding fingerprints. */
#define HASH_SEED 1469598103934665603ull
uint64_t hash_bytes(uint64_t h, const void *s, size_t n);
struct hash *hash_new(struct arena *a, size_t expected);
void *hash_get(struct hash *h, const char *key, size_t len);
/* Inserts; returns the existing value instead when the key is taken. */
void *hash_put(struct hash *h, const char *key, size_t len, void *value);
void hash_free(struct hash *h);

#endif
