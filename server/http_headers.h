/* http_headers: reading the request headers the transport honours, as pure functions.
 *
 *   Accept-Encoding     whether to gzip (RFC 9110 section 12.5.3: q-values, "*", identity)
 *   If-None-Match       whether a list of entity tags names ours (weak comparison), or is "*"
 *   HTTP dates          IMF-fixdate out; IMF-fixdate, RFC 850 and asctime in (section 5.6.7)
 *   Origin              against the --cors list of exact origins, or "*"
 *   Content-Length and  whether they frame the body unambiguously (RFC 9112 section 6), so
 *   Transfer-Encoding   that no request can smuggle another inside its body
 *   the request target  how many query parameters it carries
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

/* The body framing a request's header fields announce, gathered field by field with
 * http_framing_add() (zero-initialise it first).  libmicrohttpd reads the first
 * Content-Length and lets Transfer-Encoding win over it without a word; http_framing_fault()
 * names what RFC 9112 section 6 says a server must refuse (400, then close the connection):
 * Content-Length and Transfer-Encoding together, Content-Length fields that disagree, and
 * any transfer coding but one "chunked" (with which no length can be read reliably). */
typedef struct http_framing {
    unsigned content_lengths;          /* Content-Length fields */
    unsigned long long content_length; /* the first one's value */
    bool lengths_disagree;             /* two differ, or one is not a decimal number */
    unsigned transfer_encodings;       /* Transfer-Encoding fields */
    unsigned codings;                  /* the transfer codings they list, in all */
    bool other_coding;                 /* one of them is not chunked */
} http_framing;

/* Takes one request header field into f; fields other than the two are ignored. */
void http_framing_add(http_framing *f, const char *name, const char *value);
/* NULL when the framing is sound, else why the request must be refused (a static string
 * for the problem's detail).  http10: the request says HTTP/1.0, where Transfer-Encoding
 * is faulty framing (RFC 9112 section 6.1). */
const char *http_framing_fault(const http_framing *f, bool http10);

/* The number of query parameters of a request target as received ("/a?x=1&y" has 2): the
 * pieces of its query between '&'s, empty ones included, 0 without a query. */
size_t http_query_params(const char *target);

#endif
