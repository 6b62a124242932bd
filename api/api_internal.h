/* api_internal: what the files of api/ share with each other; nothing outside api/ includes it.
 *
 *   router.c   the table of routes and matching a path against it
 *   params.c   strict parsing of the query parameters a route accepts
 *   problem.c  RFC 9457 problem types and problem+json responses
 *   render.c   turning JSON documents and bytes into an api_response
 *   api.c      api_handle(): route, check, ask the store, render
 */
#ifndef FACTD_API_INTERNAL_H
#define FACTD_API_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "api/api.h"
#include "store/store.h"
#include "util/strbuf.h"

#define API_ID_MAX 64         /* longest id accepted in a path or an `after` cursor */
#define API_LIMIT_DEFAULT 50
#define API_LIMIT_MAX 1000

#define API_CT_JSON "application/json; charset=utf-8"
#define API_CT_PROBLEM "application/problem+json; charset=utf-8"
#define API_CT_TEXT "text/plain; charset=utf-8"
#define API_CT_YAML "application/yaml"
#define API_ALLOWED_METHODS "GET, HEAD"

/* --- router.c --- */

enum route_action {
    ROUTE_INDEX,
    ROUTE_HEALTH,
    ROUTE_OPENAPI,
    ROUTE_PROBLEM_TYPE,
    ROUTE_LIST,
    ROUTE_ITEM,
    ROUTE_SOURCE_TEXT,
};

/* Query parameters, as bits of route.params. */
enum route_param {
    PARAM_LIMIT = 1u << 0,
    PARAM_AFTER = 1u << 1,
    PARAM_PRETTY = 1u << 2,
};

typedef struct route {
    const char *pattern;      /* "/agreements/{id}": literal segments, at most one {param} */
    enum route_action action;
    enum store_kind kind;     /* the collection, for the list, item and text actions */
    const char *collection;   /* "/agreements": the list path, for `next` links */
    const char *noun;         /* "agreement", for messages */
    unsigned params;          /* the query parameters this route accepts */
    const char *summary;      /* one line for the index at GET / */
} route;

typedef struct route_match {
    const route *route;
    /* The {param} segment when it is a well-formed id; "" otherwise (then id_ok is false). */
    char id[API_ID_MAX + 1];
    bool id_ok;
} route_match;

/* The route table, in the order the index lists it. */
const route *router_routes(size_t *count);
/* Finds the route whose pattern matches path segment by segment.  False for an unknown path. */
bool router_match(const char *path, route_match *match);
/* True when s is a well-formed id: 1..API_ID_MAX bytes of [A-Za-z0-9_-]. */
bool router_id_ok(const char *s);

/* --- params.c --- */

typedef struct api_query {
    int limit;
    const char *after; /* borrowed from the request; NULL for the first page */
    bool pretty;
} api_query;

/* Parses req's query parameters against the set `allowed` (route_param bits).  Returns true
 * with *q filled, or false with a human-readable reason naming the parameter in *detail.
 * q->pretty is set as soon as a valid pretty is seen, so the error itself can honour it. */
bool params_parse(const api_request *req, unsigned allowed, api_query *q, strbuf *detail);

/* --- problem.c --- */

typedef struct problem_type {
    const char *slug;  /* "not-found": the type URI is /problems/<slug> */
    int status;
    const char *title;
    const char *description;
} problem_type;

const problem_type *problem_find(const char *slug);
/* Makes resp a problem+json response of the given type with a formatted detail. */
void problem_respond(api_response *resp, bool pretty, const char *slug, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The description document served at GET /problems/<slug>, or NULL for an unknown slug. */
json_t *problem_describe(const char *slug);

/* --- render.c --- */

/* Makes resp a JSON response of `doc` (a reference the call steals; NULL renders a 500). */
void render_json(api_response *resp, int status, const char *content_type, json_t *doc,
                 bool pretty);
/* Makes resp a response of the given bytes, which it takes over (malloc'd, or NULL when 0). */
void render_bytes(api_response *resp, int status, const char *content_type, char *body,
                  size_t len);
/* Adds a header to resp (copied); at most the array's capacity, asserted. */
void render_add_header(api_response *resp, const char *name, const char *value);
/* Appends untrusted text for display in a message: at most max_bytes, invalid UTF-8 and
 * control characters replaced, an ellipsis when cut. */
void render_untrusted(strbuf *sb, const char *s, size_t max_bytes);
/* Appends s percent-encoded as a query value (everything but RFC 3986 unreserved). */
void render_query_value(strbuf *sb, const char *s);

#endif
