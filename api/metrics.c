/* metrics: request counters and duration histograms, lock-free (see metrics.h).
 *
 * Every counter is an atomic_ullong in a static array, zero at start (C17 7.17.2.1 makes
 * static zero initialisation a valid atomic state) and only ever incremented with relaxed
 * ordering: a scrape may see one request's count before its duration, never a torn value.
 * The route slot of a request is the index of its route in the router's table, so the arrays
 * need no lookup structure; paths no route matches share the last slot.  Statuses the API
 * and transport give are counted under their code, any other under its class ("4xx").
 *
 * Histogram buckets are kept per bucket and made cumulative when rendered; _count is the sum
 * of the buckets of the same scrape, so it always equals the +Inf bucket.
 */
#include "api/metrics.h"

#include <assert.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api_internal.h"

#define ROUTE_SLOTS_MAX 64             /* routes the table may hold (asserted at start) */
#define UNMATCHED_SLOT ROUTE_SLOTS_MAX /* paths that match no route */
#define ROUTE_SLOTS (ROUTE_SLOTS_MAX + 1)

enum method_slot {
    METHOD_GET,
    METHOD_HEAD,
    METHOD_OPTIONS,
    METHOD_POST,
    METHOD_DELETE,
    METHOD_OTHER,
    METHOD_SLOTS
};
static const char *const method_labels[METHOD_SLOTS] = {"GET",  "HEAD",   "OPTIONS",
                                                        "POST", "DELETE", "other"};

static const int status_codes[] = {200, 202, 204, 304, 400, 401, 404, 405, 406, 408,
                                   413, 414, 415, 416, 422, 429, 431, 500, 501, 503};
#define STATUS_CODES (sizeof status_codes / sizeof status_codes[0])
static const char *const status_classes[] = {"1xx", "2xx", "3xx", "4xx", "5xx"};
#define STATUS_SLOTS (STATUS_CODES + sizeof status_classes / sizeof status_classes[0])

/* Upper bounds of the duration buckets: in microseconds, and as the `le` label shows them. */
static const struct {
    unsigned long long micros;
    const char *le;
} buckets[] = {
    {100, "0.0001"},  {250, "0.00025"}, {500, "0.0005"},  {1000, "0.001"},
    {2500, "0.0025"}, {5000, "0.005"},  {10000, "0.01"},  {25000, "0.025"},
    {50000, "0.05"},  {100000, "0.1"},  {250000, "0.25"}, {500000, "0.5"},
    {1000000, "1"},   {2500000, "2.5"}, {5000000, "5"},   {10000000, "10"},
};
#define BUCKETS (sizeof buckets / sizeof buckets[0])

/* The ingest of articles (api_metrics_ingest): jobs by the state they reached, and the
 * time from an article's arrival to its facts being served, in buckets of their own. */
static const char *const ingest_states[] = {"queued", "done", "failed"};
#define INGEST_STATES (sizeof ingest_states / sizeof ingest_states[0])
static const struct {
    unsigned long long micros;
    const char *le;
} ingest_buckets[] = {
    {10000, "0.01"},  {25000, "0.025"}, {50000, "0.05"},    {100000, "0.1"}, {250000, "0.25"},
    {500000, "0.5"},  {1000000, "1"},   {2500000, "2.5"},   {5000000, "5"},  {10000000, "10"},
    {30000000, "30"}, {60000000, "60"}, {300000000, "300"},
};
#define INGEST_BUCKETS (sizeof ingest_buckets / sizeof ingest_buckets[0])
static atomic_ullong ingest_jobs[INGEST_STATES];
static atomic_ullong ingest_duration_buckets[INGEST_BUCKETS + 1];
static atomic_ullong ingest_duration_sum_us;

static atomic_ullong requests_total[ROUTE_SLOTS][METHOD_SLOTS][STATUS_SLOTS];
/* Requests per bucket (the last slot: above every bound), and the sum of their durations. */
static atomic_ullong duration_buckets[ROUTE_SLOTS][BUCKETS + 1];
static atomic_ullong duration_sum_us[ROUTE_SLOTS];

/* Set once by api_metrics_start() before serving, read-only afterwards. */
static char build_version[64] = "unknown";
static struct timespec started_wall, started_mono;

void api_metrics_start(const char *version)
{
    size_t n;
    router_routes(&n);
    assert(n <= ROUTE_SLOTS_MAX && "raise ROUTE_SLOTS_MAX");
    snprintf(build_version, sizeof build_version, "%s", version ? version : "unknown");
    clock_gettime(CLOCK_REALTIME, &started_wall);
    clock_gettime(CLOCK_MONOTONIC, &started_mono);
}

/* The route's index in the router's table, or UNMATCHED_SLOT. */
static size_t route_slot(const char *pattern)
{
    size_t n;
    const route *routes = router_routes(&n);

    if (!pattern)
        return UNMATCHED_SLOT;
    for (size_t i = 0; i < n && i < ROUTE_SLOTS_MAX; i++)
        if (routes[i].pattern == pattern || strcmp(routes[i].pattern, pattern) == 0)
            return i;
    return UNMATCHED_SLOT;
}

static enum method_slot method_slot(const char *method)
{
    for (size_t i = 0; i < METHOD_OTHER; i++)
        if (method && strcmp(method, method_labels[i]) == 0)
            return (enum method_slot)i;
    return METHOD_OTHER;
}

static size_t status_slot(int status)
{
    for (size_t i = 0; i < STATUS_CODES; i++)
        if (status_codes[i] == status)
            return i;
    int class = status / 100;
    return STATUS_CODES + (size_t)(class >= 1 && class <= 5 ? class - 1 : 4);
}

void api_metrics_observe(const char *pattern, const char *method, int status, long long micros)
{
    size_t r = route_slot(pattern), b = 0;
    unsigned long long us = micros > 0 ? (unsigned long long)micros : 0;

    atomic_fetch_add_explicit(&requests_total[r][method_slot(method)][status_slot(status)], 1,
                              memory_order_relaxed);
    while (b < BUCKETS && us > buckets[b].micros)
        b++;
    atomic_fetch_add_explicit(&duration_buckets[r][b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&duration_sum_us[r], us, memory_order_relaxed);
}

void api_metrics_ingest(const char *state, double seconds)
{
    size_t i = 0;
    while (i < INGEST_STATES && strcmp(ingest_states[i], state) != 0)
        i++;
    if (i == INGEST_STATES)
        return;
    atomic_fetch_add_explicit(&ingest_jobs[i], 1, memory_order_relaxed);
    if (seconds < 0)
        return;
    unsigned long long us = (unsigned long long)(seconds * 1e6);
    size_t b = 0;
    while (b < INGEST_BUCKETS && us > ingest_buckets[b].micros)
        b++;
    atomic_fetch_add_explicit(&ingest_duration_buckets[b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&ingest_duration_sum_us, us, memory_order_relaxed);
}

void metrics_render_ingest(strbuf *out)
{
    strbuf_addstr(out, "# HELP factd_ingest_jobs_total Articles posted to this process (queued) "
                       "and articles it ingested (done) or refused (failed), posted or read from "
                       "the --corpus folder.\n"
                       "# TYPE factd_ingest_jobs_total counter\n");
    for (size_t i = 0; i < INGEST_STATES; i++)
        strbuf_addf(out, "factd_ingest_jobs_total{state=\"%s\"} %llu\n", ingest_states[i],
                    atomic_load_explicit(&ingest_jobs[i], memory_order_relaxed));
    strbuf_addstr(out, "# HELP factd_ingest_duration_seconds Time from an article's arrival "
                       "(queued by POST, or seen in the --corpus folder) to its facts being "
                       "served.\n"
                       "# TYPE factd_ingest_duration_seconds histogram\n");
    unsigned long long cumulative = 0;
    for (size_t b = 0; b <= INGEST_BUCKETS; b++) {
        cumulative += atomic_load_explicit(&ingest_duration_buckets[b], memory_order_relaxed);
        strbuf_addf(out, "factd_ingest_duration_seconds_bucket{le=\"%s\"} %llu\n",
                    b < INGEST_BUCKETS ? ingest_buckets[b].le : "+Inf", cumulative);
    }
    unsigned long long sum = atomic_load_explicit(&ingest_duration_sum_us, memory_order_relaxed);
    strbuf_addf(out, "factd_ingest_duration_seconds_sum %llu.%06llu\n", sum / 1000000,
                sum % 1000000);
    strbuf_addf(out, "factd_ingest_duration_seconds_count %llu\n", cumulative);
}

const char *api_route_of(const char *path)
{
    route_match m;
    return path && router_match(path, &m) ? m.route->pattern : NULL;
}

bool api_route_is_operational(const char *pattern)
{
    size_t n, slot = route_slot(pattern);
    const route *routes = router_routes(&n);
    return slot < n && route_is_operational(routes[slot].action);
}

/* The route label of a slot, escaped as the exposition format wants label values. */
static void add_route_label(strbuf *out, size_t slot)
{
    size_t n;
    const route *routes = router_routes(&n);
    const char *s = slot < n ? routes[slot].pattern : "unmatched";

    strbuf_addstr(out, "route=\"");
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            strbuf_addch(out, '\\');
        if (*s == '\n')
            strbuf_addstr(out, "\\n");
        else
            strbuf_addch(out, *s);
    }
    strbuf_addch(out, '"');
}

static double seconds_since(const struct timespec *t, clockid_t clock)
{
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void render_requests_total(strbuf *out)
{
    strbuf_addstr(out, "# HELP factd_http_requests_total HTTP requests answered, by route "
                       "pattern, method and status.\n"
                       "# TYPE factd_http_requests_total counter\n");
    for (size_t r = 0; r < ROUTE_SLOTS; r++) {
        for (size_t m = 0; m < METHOD_SLOTS; m++) {
            for (size_t s = 0; s < STATUS_SLOTS; s++) {
                unsigned long long v = atomic_load_explicit(&requests_total[r][m][s],
                                                            memory_order_relaxed);
                if (!v)
                    continue;
                strbuf_addstr(out, "factd_http_requests_total{");
                add_route_label(out, r);
                if (s < STATUS_CODES)
                    strbuf_addf(out, ",method=\"%s\",status=\"%d\"} %llu\n", method_labels[m],
                                status_codes[s], v);
                else
                    strbuf_addf(out, ",method=\"%s\",status=\"%s\"} %llu\n", method_labels[m],
                                status_classes[s - STATUS_CODES], v);
            }
        }
    }
}

static void render_durations(strbuf *out)
{
    strbuf_addstr(out, "# HELP factd_http_request_duration_seconds Time from a complete request "
                       "to its queued response, by route pattern.\n"
                       "# TYPE factd_http_request_duration_seconds histogram\n");
    for (size_t r = 0; r < ROUTE_SLOTS; r++) {
        unsigned long long counts[BUCKETS + 1], total = 0;
        for (size_t b = 0; b <= BUCKETS; b++) {
            counts[b] = atomic_load_explicit(&duration_buckets[r][b], memory_order_relaxed);
            total += counts[b];
        }
        if (!total)
            continue;
        unsigned long long cumulative = 0;
        for (size_t b = 0; b <= BUCKETS; b++) {
            cumulative += counts[b];
            strbuf_addstr(out, "factd_http_request_duration_seconds_bucket{");
            add_route_label(out, r);
            strbuf_addf(out, ",le=\"%s\"} %llu\n", b < BUCKETS ? buckets[b].le : "+Inf",
                        cumulative);
        }
        unsigned long long sum = atomic_load_explicit(&duration_sum_us[r], memory_order_relaxed);
        strbuf_addstr(out, "factd_http_request_duration_seconds_sum{");
        add_route_label(out, r);
        strbuf_addf(out, "} %llu.%06llu\n", sum / 1000000, sum % 1000000);
        strbuf_addstr(out, "factd_http_request_duration_seconds_count{");
        add_route_label(out, r);
        strbuf_addf(out, "} %llu\n", total);
    }
}

void metrics_render_requests(strbuf *out)
{
    strbuf_addstr(out, "# HELP factd_build_info The version of factd serving, as a label.\n"
                       "# TYPE factd_build_info gauge\n"
                       "factd_build_info{version=\"");
    strbuf_addstr(out, build_version);
    strbuf_addstr(out, "\"} 1\n");
    strbuf_addf(out,
                "# HELP factd_process_start_time_seconds When serving started, as a Unix time.\n"
                "# TYPE factd_process_start_time_seconds gauge\n"
                "factd_process_start_time_seconds %lld\n"
                "# HELP factd_uptime_seconds Seconds since serving started.\n"
                "# TYPE factd_uptime_seconds gauge\n"
                "factd_uptime_seconds %.3f\n",
                (long long)started_wall.tv_sec, seconds_since(&started_mono, CLOCK_MONOTONIC));
    render_requests_total(out);
    render_durations(out);
}
