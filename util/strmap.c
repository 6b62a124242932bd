/* strmap: a hash table from byte strings to ints (see strmap.h).
 *
 * Open addressing with linear probing, at most half full; each slot keeps its key's full
 * hash, so that a probe compares bytes only when the hashes agree and growing never hashes
 * a key again.  Keys live end to end in one buffer.  Allocation failure aborts, as with
 * strbuf. */
#include "util/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("factd: out of memory\n", stderr);
        abort();
    }
    return q;
}

uint64_t strmap_hash(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = STRMAP_HASH_START;
    for (size_t i = 0; i < len; i++)
        h = strmap_hash_add(h, p[i]);
    return strmap_hash_end(h);
}

/* The slot holding key, or the free slot where it would go. */
static strmap_slot *probe(const strmap *m, uint64_t hash, const void *key, size_t len)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->used ||
            (s->hash == hash && s->len == len && memcmp(m->keys + s->key, key, len) == 0))
            return s;
    }
}

int *strmap_get_hashed(const strmap *m, uint64_t hash, const void *key, size_t len)
{
    if (!m->n)
        return NULL;
    strmap_slot *s = probe(m, hash, key, len);
    return s->used ? &s->value : NULL;
}

int *strmap_get(const strmap *m, const void *key, size_t len)
{
    return strmap_get_hashed(m, strmap_hash(key, len), key, len);
}

static void grow(strmap *m)
{
    strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        fputs("factd: out of memory\n", stderr);
        abort();
    }
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.slots[i].used)
            continue;
        size_t mask = m->cap - 1, k = (size_t)old.slots[i].hash & mask;
        while (m->slots[k].used)
            k = (k + 1) & mask;
        m->slots[k] = old.slots[i];
    }
    free(old.slots);
}

int *strmap_put(strmap *m, const void *key, size_t len, int value, bool *added)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
    uint64_t hash = strmap_hash(key, len);
    strmap_slot *s = probe(m, hash, key, len);
    if (added)
        *added = !s->used;
    if (s->used)
        return &s->value;
    if (m->keys_len + len > m->keys_cap) {
        m->keys_cap = (m->keys_len + len) * 2 + 64;
        m->keys = xrealloc(m->keys, m->keys_cap);
    }
    if (len)
        memcpy(m->keys + m->keys_len, key, len);
    *s = (strmap_slot){.hash = hash, .key = m->keys_len, .len = len, .value = value, .used = true};
    m->keys_len += len;
    m->n++;
    return &s->value;
}

size_t strmap_count(const strmap *m)
{
    return m->n;
}

void strmap_release(strmap *m)
{
    free(m->slots);
    free(m->keys);
    memset(m, 0, sizeof *m);
}
