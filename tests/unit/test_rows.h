/* test_rows: the store's read functions with the answers' JSON, for the store's unit suites.
 *
 * The store returns typed rows (store/rows.h) and api/rows.c renders them; these wrappers
 * call one and then the other, so that a store test asserts on what a client is served.
 * Each returns the store's result code and a new JSON value (NULL unless STORE_OK).
 */
#ifndef FACTD_TEST_ROWS_H
#define FACTD_TEST_ROWS_H

#include <jansson.h>
#include <stdbool.h>

#include "store/store.h"

/* store_stats() as GET /stats serves it. */
int test_store_stats(store *st, int top, json_t **stats);

/* store_get_job() as GET /jobs/{id} serves it. */
int test_store_get_job(store *st, const char *id, json_t **job);

/* A page of /search as JSON: hits [hit_json(), ...] (NULL unless STORE_OK), the next cursor
 * (malloc'd; NULL on the last page) and the total (-1 unless counted). */
typedef struct test_search_page {
    json_t *hits;
    char *next_cursor;
    long long total;
} test_search_page;

int test_store_search(store *st, const store_search_query *query, test_search_page *page);
void test_search_page_release(test_search_page *page);

/* store_get_item() with the evidence in full, as GET /{kind}/{id} serves it. */
int test_store_get(store *st, enum store_kind kind, const char *id, json_t **item);
/* store_list_page() of a list by id from `after`: its items as JSON (a new array, NULL
 * unless STORE_OK) and whether more follow. */
int test_store_list(store *st, enum store_kind kind, const char *after, int limit, json_t **items,
                    bool *more);
#endif
