/* test_rows: see test_rows.h. */
#include "tests/unit/test_rows.h"

#include <stdlib.h>
#include <string.h>

#include "api/api_internal.h"

int test_store_stats(store *st, int top, json_t **out)
{
    store_stats stats;
    int rc = store_get_stats(st, top, &stats);
    *out = rc == STORE_OK ? stats_json(&stats) : NULL;
    store_stats_release(&stats);
    return rc;
}

int test_store_get_job(store *st, const char *id, json_t **out)
{
    store_job_status job;
    int rc = store_get_job(st, id, &job);
    *out = rc == STORE_OK ? job_json(&job) : NULL;
    store_job_status_release(&job);
    return rc;
}

int test_store_search(store *st, const store_search_query *query, test_search_page *out)
{
    store_search_page page;
    int rc = store_search(st, query, &page);

    memset(out, 0, sizeof(*out));
    out->total = page.total;
    if (rc == STORE_OK) {
        out->hits = json_array();
        for (size_t i = 0; i < page.n; i++)
            json_array_append_new(out->hits, hit_json(&page.hits[i]));
        out->next_cursor = page.next_cursor ? strdup(page.next_cursor) : NULL;
    }
    store_search_page_release(&page);
    return rc;
}

void test_search_page_release(test_search_page *page)
{
    json_decref(page->hits);
    free(page->next_cursor);
    memset(page, 0, sizeof(*page));
    page->total = -1;
}

int test_store_get(store *st, enum store_kind kind, const char *id, json_t **out)
{
    store_item item;
    int rc = store_get_item(st, kind, id, STORE_EVIDENCE_FULL, &item);
    *out = rc == STORE_OK ? row_json(&item.row) : NULL;
    store_item_release(&item);
    return rc;
}

int test_store_list(store *st, enum store_kind kind, const char *after, int limit, json_t **items,
                    bool *more)
{
    store_list_query query = {.kind = kind, .after = after, .limit = limit};
    store_page page;
    int rc = store_list_page(st, &query, &page);
    *items = rc == STORE_OK ? rows_json(page.rows, page.n) : NULL;
    *more = page.more;
    store_page_release(&page);
    return rc;
}
