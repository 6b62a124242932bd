/* test_rows: see test_rows.h. */
#include "tests/unit/test_rows.h"

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
