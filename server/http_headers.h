/* http_headers: reading the request headers the transport honours, as pure functions.
 *
 *   Accept-Encoding     whether to gzip (RFC 9110 section 12.5.3: q-values, "*", identity)
 *   If-None-Match       whether a list of entity tags names ours (weak comparison), or is "*"
 *   HTTP dates          IMF-fixdate out; IMF-fixdate, RFC 850 and asctime in (section 5.6.7)
 *   Origin              against the --cors list of exact origins, or "*"
 *
 * Nothing here allocates or touches a connection, so the unit tests drive every case.
 */
#ifndef FACTD_HTTP_HEADERS_H
#define FACTD_HTTP_HEADERS_H

#include <stdbool.h>
#include <time.h>

#include "util/strbuf.h"

/* How a response may be gzipped, from the request's Accept-Encoding. */
enum http_gzip_use {
    HTTP_GZIP_NO,        /* identity only: no header, gzip not listed, gzip;q=0, or identity
                          * weighted above gzip */
    HTTP_GZIP_PREFERRED, /* gzip when the body is worth compressing */
    HTTP_GZIP_REQUIRED,  /* gzip acceptable and identity refused (identity;q=0 or *;q=0) */
};

enum http_gzip_use http_gzip_negotiate(const char *accept_encoding);

/* What an If-None-Match header says about the entity tag `etag` (a quoted strong tag). */
enum http_tag_match {
    HTTP_TAG_NO_MATCH, /* absent, malformed, or a list without etag */
    HTTP_TAG_LISTED,   /* the list names etag (W/ ignored: weak comparison) */
    HTTP_TAG_ANY,      /* "*": any current representation matches */
};

enum http_tag_match http_if_none_match(const char *if_none_match, const char *etag);

/* IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters and a NUL. */
#define HTTP_DATE_SIZE 30
void http_date_format(time_t t, char out[HTTP_DATE_SIZE]);
/* Parses an HTTP date in any of the three formats a recipient must accept; false otherwise. */
bool http_date_parse(const char *s, time_t *out);
/* Parses the store's "2025-10-31T12:00:00Z"; false otherwise. */
bool http_iso8601_parse(const char *s, time_t *out);

/* True when spec is a valid --cors value: "*", or a comma-separated list of origins
 * "scheme://host[:port]" (no path, no trailing slash).  Otherwise false, with the reason. */
bool http_cors_spec_valid(const char *spec, strbuf *why);
/* The Access-Control-Allow-Origin value for a request from `origin` under spec: "*" when the
 * spec is "*", origin itself when the list names it exactly, NULL when it is not allowed
 * (or either is NULL). */
const char *http_cors_allow(const char *spec, const char *origin);

/* Decodes %HH escapes of a request path or query in place, except %00: a decoded NUL would
 * cut the C string short, so "/%00" would read as "/" and "/sources/x%00y" as "/sources/x".
 * Left encoded, such a path simply matches no route and such a value fails validation.
 * Returns the decoded length. */
size_t http_unescape_keeping_nul(char *s);

#endif
