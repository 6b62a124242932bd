/* metrics: the request counters GET /metrics exposes, and what the transport needs to know
 * about routes to keep them.
 *
 * The transport calls api_metrics_observe() once per answered request, from any thread: the
 * counters are C11 atomics in fixed arrays indexed by route (the router's table, plus one
 * slot for paths no route matches), method and status, so counting takes no lock and no
 * allocation.  GET /metrics renders them, with gauges read from the database, in the
 * Prometheus text exposition format 0.0.4.
 */
#ifndef FACTD_API_METRICS_H
#define FACTD_API_METRICS_H

#include <stdbool.h>

/* Records the start of serving (for the uptime and start-time gauges) and the version the
 * build-info gauge shows.  Call it before serving starts. */
void api_metrics_start(const char *version);

/* Counts one answered request: route is the pattern of the route that answered (as
 * api_response.route gives it; NULL for none), status the status sent, micros its duration. */
void api_metrics_observe(const char *route, const char *method, int status, long long micros);

/* Counts an article of the ingest: state "queued" (POST /sources queued it), "done" or
 * "failed" (the writer ingested or refused it); for done, seconds is the time from its
 * arrival to its facts being served (negative: not timed).  From any thread. */
void api_metrics_ingest(const char *state, double seconds);

/* The pattern of the route that answers path ("/quotes/{id}"), or NULL when none does: for
 * answers the transport gives without asking the API (304 from its cache check, CORS
 * preflights). */
const char *api_route_of(const char *path);

/* True for the routes of operations rather than data (/healthz, /livez, /readyz, /metrics):
 * never cached, logged at debug level. */
bool api_route_is_operational(const char *route);

#endif
