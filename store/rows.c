/* rows: the arena that holds a read result's rows (see rows.h), and the release functions.
 *
 * A result's strings and arrays are carved out of a few large blocks instead of one malloc
 * each: a page of a hundred facts is a handful of allocations, and freeing it is one walk
 * over its blocks.  An array whose length is not known in advance grows by doubling; when
 * it is the block's last allocation it grows in place.
 */
#include "store/store_private.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 8192

typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
} arena_block;

struct store_arena {
    arena_block *head; /* the block being filled; the others follow */
    void *last;        /* the last allocation, which may grow in place */
};

static size_t round_up(size_t n)
{
    const size_t align = alignof(max_align_t);
    return (n + align - 1) / align * align;
}

store_arena *store_arena_new(void)
{
    return calloc(1, sizeof(store_arena));
}

void *store_arena_alloc(store_arena *a, size_t n)
{
    size_t size = round_up(n ? n : 1);
    arena_block *b = a->head;

    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        if (!(b = malloc(sizeof(arena_block) + cap)))
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->last = p;
    return p;
}

void *store_arena_grow(store_arena *a, void *p, size_t old_n, size_t new_n)
{
    arena_block *b = a->head;
    if (p && p == a->last && b) {
        size_t at = (size_t)((unsigned char *)p - b->data);
        if (b->cap - at >= round_up(new_n)) {
            b->used = at + round_up(new_n);
            return p;
        }
    }
    void *q = store_arena_alloc(a, new_n);
    if (q && p && old_n)
        memcpy(q, p, old_n < new_n ? old_n : new_n);
    return q;
}

void *store_arena_reserve(store_arena *a, void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    size_t new_cap = *cap ? 2 * *cap : 8;
    if (new_cap > SIZE_MAX / size)
        return NULL;
    void *grown = store_arena_grow(a, v, *cap * size, new_cap * size);
    if (grown)
        *cap = new_cap;
    return grown;
}

char *store_arena_strndup(store_arena *a, const char *s, size_t n)
{
    char *copy = store_arena_alloc(a, n + 1);
    if (copy) {
        if (n)
            memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

bool store_row_text(store_arena *a, db_stmt *row, int i, const char **out)
{
    *out = NULL;
    if (db_column_is_null(row, i))
        return true;
    size_t len = 0;
    const char *s = db_column_text(row, i, &len);
    if (!s)
        return false;
    *out = store_arena_strndup(a, s, len);
    return *out != NULL;
}

json_t *store_column_json(db_stmt *row, int i, json_error_t *err)
{
    size_t len = 0;
    const char *text = db_column_text(row, i, &len);
    if (!text) {
        if (err)
            snprintf(err->text, sizeof err->text, "no value");
        return NULL;
    }
    return json_loadb(text, len, 0, err);
}

void store_arena_free(store_arena *a)
{
    if (!a)
        return;
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void store_stats_release(store_stats *stats)
{
    store_arena_free(stats->arena);
    memset(stats, 0, sizeof(*stats));
}

void store_job_status_release(store_job_status *job)
{
    store_arena_free(job->arena);
    memset(job, 0, sizeof(*job));
}

const char *store_row_id(const store_row *row)
{
    switch (row->kind) {
    case STORE_SOURCES:
        return row->source.id;
    case STORE_AGREEMENTS:
        return row->agreement.id;
    case STORE_MEETINGS:
        return row->meeting.id;
    case STORE_QUOTES:
        return row->quote.id;
    case STORE_PEOPLE:
        return row->person.id;
    }
    return NULL;
}

void store_page_release(store_page *page)
{
    store_arena_free(page->arena);
    memset(page, 0, sizeof(*page));
    page->total = -1;
}

void store_item_release(store_item *item)
{
    store_arena_free(item->arena);
    memset(item, 0, sizeof(*item));
}

void store_evidence_page_release(store_evidence_page *page)
{
    store_arena_free(page->arena);
    memset(page, 0, sizeof(*page));
    page->total = -1;
}

void store_timeline_page_release(store_timeline_page *page)
{
    store_arena_free(page->arena);
    memset(page, 0, sizeof(*page));
    page->total = -1;
}

void store_source_facts_release(store_source_facts *facts)
{
    store_arena_free(facts->arena);
    memset(facts, 0, sizeof(*facts));
}

void store_search_page_release(store_search_page *page)
{
    store_arena_free(page->arena);
    memset(page, 0, sizeof(*page));
    page->total = -1;
}

void store_change_page_release(store_change_page *page)
{
    store_arena_free(page->arena);
    memset(page, 0, sizeof(*page));
}

bool store_strings_add(store_strings *list, size_t *cap, const char *s)
{
    if (!list->arena && !(list->arena = store_arena_new()))
        return false;
    const char **v = store_arena_reserve(list->arena, list->v, list->n, cap, sizeof *v);
    const char *copy = s ? store_arena_strndup(list->arena, s, strlen(s)) : NULL;
    if (!v || (s && !copy))
        return false;
    list->v = v;
    list->v[list->n++] = copy;
    return true;
}

void store_strings_release(store_strings *list)
{
    store_arena_free(list->arena);
    memset(list, 0, sizeof(*list));
}

void store_merge_reports_release(store_merge_reports *reports)
{
    store_arena_free(reports->arena);
    memset(reports, 0, sizeof(*reports));
}

void store_merge_ref_list_release(store_merge_ref_list *refs)
{
    store_arena_free(refs->arena);
    memset(refs, 0, sizeof(*refs));
}
