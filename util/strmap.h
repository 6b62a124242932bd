/* strmap: a hash table from byte strings to ints.
 *
 * The extractor looks things up by name (a person by key or surname, an agreement by any of
 * its names) many times per article; a scan of what it found so far would make an article
 * with many names cost the square of its length.  Keys are any bytes, copied into the map;
 * a value is an int the caller gives meaning to (an index, a count).
 *
 *     strmap m = STRMAP_INIT;
 *     *strmap_put(&m, "kalo meri", 9, 3, NULL) ...
 *     int *v = strmap_get(&m, key, len);    // NULL when absent
 *     strmap_release(&m);
 *
 * A value pointer stays valid until the next strmap_put. */
#ifndef FACTD_STRMAP_H
#define FACTD_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct strmap_slot {
    uint64_t hash;
    size_t key, len; /* the key's bytes: keys[key .. key + len) */
    int value;
    bool used;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap, n;
    char *keys; /* every key, end to end */
    size_t keys_len, keys_cap;
} strmap;

#define STRMAP_INIT \
    {               \
        0           \
    }

/* The hash of key[0..len) that strmap uses (FNV-1a, 64 bits), for strmap_get_hashed(); also
 * byte by byte, for the keys of a sliding window: strmap_hash_end() of the state after
 * strmap_hash_add() of each byte from STRMAP_HASH_START is strmap_hash() of those bytes. */
uint64_t strmap_hash(const void *key, size_t len);
#define STRMAP_HASH_START 1469598103934665603ULL
static inline uint64_t strmap_hash_add(uint64_t state, unsigned char c)
{
    return (state ^ c) * 1099511628211ULL;
}
static inline uint64_t strmap_hash_end(uint64_t state)
{
    return state ^ (state >> 31);
}
/* The value of key[0..len), or NULL when the map has no such key. */
int *strmap_get(const strmap *m, const void *key, size_t len);
/* The same, with the key's strmap_hash() already known. */
int *strmap_get_hashed(const strmap *m, uint64_t hash, const void *key, size_t len);
/* The value of key[0..len), added with `value` when the map has no such key (*added, when
 * given, says whether it was). */
int *strmap_put(strmap *m, const void *key, size_t len, int value, bool *added);
/* How many keys the map holds. */
size_t strmap_count(const strmap *m);
/* Frees everything; the map is empty (and usable) again. */
void strmap_release(strmap *m);

#endif
