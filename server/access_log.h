/* access_log: the one log line `factd serve` writes per request.
 *
 * Text lines read like util/log's ("2025-10-31T09:15:02.123Z INFO GET /sources?limit=2 200
 * 1234 bytes 56 us"); with FACTD_LOG_FORMAT=json each line is an object whose method, path
 * (with the query), status, bytes, duration_us and route are members of their own, beside
 * util/log's ts, level and msg.  Requests for the operational endpoints (health, readiness,
 * metrics) are logged at debug level, so probes do not flood the log.
 */
#ifndef FACTD_ACCESS_LOG_H
#define FACTD_ACCESS_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/log.h"

typedef struct access_entry {
    const char *method;
    const char *target; /* the request target as received: path and query */
    int status;
    size_t bytes;      /* body bytes sent (0 for HEAD, 204 and 304) */
    long long micros;  /* from the complete request to the queued response */
    const char *route; /* the route pattern, or NULL when no route matched */
    enum log_level level;
} access_entry;

void access_log_write(const access_entry *e);

#endif
