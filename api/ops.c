/* ops: the operational endpoints, for orchestrators and monitoring rather than readers.
 *
 *   GET /livez    200 {"status":"ok"} as long as the process answers at all: it asks nothing
 *                 of the database, so a slow or missing database never gets the process
 *                 restarted.
 *   GET /readyz   200 {"status":"ready", "schema_version", "generation", "modified_at",
 *                 "database_bytes"} when this worker's database handle answers and the schema
 *                 is the one this factd reads; 503 problem+json otherwise, so a load balancer
 *                 sends no traffic to it.
 *   GET /metrics  the Prometheus text exposition (format 0.0.4): the request counters of
 *                 metrics.c, its ingest counters, then gauges read from the database (the
 *                 job queue among them).  When the database does not answer,
 *                 factd_database_up is 0 and its other gauges are left out.
 *
 * /healthz (api.c) keeps its own meaning: 200 when the database answers.  Both it and
 * /readyz answer 503 once the database file was deleted or replaced under the server
 * (ops_database_gone): what is written then goes to a file nobody will see again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "api/api_internal.h"
#include "util/log.h"

/* The writer's answer to "is the database file still in place" (api_set_database_check). */
static struct {
    bool (*gone)(void *arg);
    void *arg;
} database_check;

void api_set_database_check(bool (*gone)(void *arg), void *arg)
{
    database_check.gone = gone;
    database_check.arg = arg;
}

bool ops_database_gone(store *st)
{
    if (st && store_file_moved(st) == 1)
        return true;
    return database_check.gone && database_check.gone(database_check.arg);
}

void ops_answer_livez(api_response *resp, const api_query *q)
{
    render_json(resp, 200, API_CT_JSON, json_pack("{s:s}", "status", "ok"), q->pretty);
}

void ops_answer_readyz(store *st, api_response *resp, const api_query *q)
{
    store_db_info info;
    store_version version;

    if (ops_database_gone(st)) {
        problem_respond(resp, q->pretty, "unavailable", API_DATABASE_GONE);
        return;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database cannot be opened");
        return;
    }
    if (store_database_info(st, &info) != STORE_OK || store_get_version(st, &version) != STORE_OK) {
        log_warn("api: readiness check failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "unavailable", "the database does not answer");
        return;
    }
    if (!info.schema_current) {
        problem_respond(resp, q->pretty, "unavailable",
                        "the database schema is not the one this server reads (%s)",
                        store_errmsg(st));
        return;
    }
    render_json(resp, 200, API_CT_JSON,
                json_pack("{s:s, s:i, s:I, s:s, s:I}", "status", "ready", "schema_version",
                          info.schema_version, "generation", (json_int_t)version.generation,
                          "modified_at", version.modified_at, "database_bytes",
                          (json_int_t)info.bytes),
                q->pretty);
}

/* "2025-10-31T12:00:00Z" as a Unix time; 0 when it is not in that form. */
static long long unix_time(const char *iso)
{
    struct tm tm = {0};
    int end = -1;
    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec, &end) != 6 ||
        end <= 0 || iso[end] != '\0')
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    return t == (time_t)-1 ? 0 : (long long)t;
}

static void add_gauge(strbuf *out, const char *name, const char *help, long long value)
{
    strbuf_addf(out, "# HELP %s %s\n# TYPE %s gauge\n%s %lld\n", name, help, name, name, value);
}

/* Appends the gauges read from the database; all or none of them, with factd_database_up. */
static void render_database(store *st, strbuf *out)
{
    static const struct {
        enum store_kind kind;
        const char *label;
    } facts[] = {
        {STORE_AGREEMENTS, "agreement"},
        {STORE_MEETINGS, "meeting"},
        {STORE_QUOTES, "quote"},
    };
    long long fact_counts[sizeof facts / sizeof facts[0]] = {0}, sources = 0, people = 0;
    store_db_info info;
    store_version version;
    bool up = st && store_count(st, STORE_SOURCES, &sources) == STORE_OK &&
              store_count(st, STORE_PEOPLE, &people) == STORE_OK &&
              store_get_version(st, &version) == STORE_OK &&
              store_database_info(st, &info) == STORE_OK;
    for (size_t i = 0; up && i < sizeof facts / sizeof facts[0]; i++)
        up = store_count(st, facts[i].kind, &fact_counts[i]) == STORE_OK;
    if (st && !up)
        log_warn("api: metrics: the database did not answer: %s", store_errmsg(st));

    add_gauge(out, "factd_database_up", "Whether the database answered this scrape (1) or not (0).",
              up);
    if (!up)
        return;
    add_gauge(out, "factd_sources", "Articles stored.", sources);
    strbuf_addstr(out, "# HELP factd_facts Merged facts served, by kind.\n"
                       "# TYPE factd_facts gauge\n");
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        strbuf_addf(out, "factd_facts{kind=\"%s\"} %lld\n", facts[i].label, fact_counts[i]);
    add_gauge(out, "factd_people", "People the facts name.", people);
    add_gauge(out, "factd_database_generation",
              "The counter every write transaction (an ingest, a merge) bumps.",
              version.generation);
    add_gauge(out, "factd_database_last_write_timestamp_seconds",
              "When the last write transaction committed, as a Unix time.",
              unix_time(version.modified_at));
    add_gauge(out, "factd_database_bytes", "Size of the database: page count times page size.",
              info.bytes);
    add_gauge(out, "factd_database_schema_version", "The schema version of the database.",
              info.schema_version);
}

/* Appends the gauges of the job queue, when the database answers. */
static void render_queue(store *st, strbuf *out)
{
    long long queued, running;
    if (!st || store_job_queue(st, &queued, &running) != STORE_OK)
        return;
    add_gauge(out, "factd_ingest_queue_length", "Posted articles waiting for the writer.", queued);
    add_gauge(out, "factd_ingest_jobs_running", "Posted articles the writer is ingesting.",
              running);
}

void ops_answer_metrics(store *st, api_response *resp)
{
    strbuf out = STRBUF_INIT;
    size_t len;

    metrics_render_requests(&out);
    metrics_render_ingest(&out);
    render_database(st, &out);
    render_queue(st, &out);
    char *body = strbuf_detach(&out, &len);
    render_bytes(resp, 200, API_CT_METRICS, body, len);
}
