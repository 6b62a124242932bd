/* test_rows: the store's read functions with the answers' JSON, for the store's unit suites.
 *
 * The store returns typed rows (store/rows.h) and api/rows.c renders them; these wrappers
 * call one and then the other, so that a store test asserts on what a client is served.
 * Each returns the store's result code and a new JSON value (NULL unless STORE_OK).
 */
#ifndef FACTD_TEST_ROWS_H
#define FACTD_TEST_ROWS_H

#include <jansson.h>

#include "store/store.h"

/* store_stats() as GET /stats serves it. */
int test_store_stats(store *st, int top, json_t **stats);

/* store_get_job() as GET /jobs/{id} serves it. */
int test_store_get_job(store *st, const char *id, json_t **job);

#endif
